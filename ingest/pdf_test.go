package ingest

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// figureList is the figure list of a real report, typed by hand from it
// (testdata/real/*.expected.json, see ../shared/real/README.md).
type figureList struct {
	Observations []struct {
		Path          string   `json:"path"`
		Label         string   `json:"label"`
		LabelPrinted  string   `json:"label_printed"`
		Column        string   `json:"column"`
		ColumnPrinted string   `json:"column_printed"`
		Value         *float64 `json:"value"`
	} `json:"observations"`
}

var (
	listEnumerator = regexp.MustCompile(`^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|其中[：:])`)
	bracketed      = regexp.MustCompile(`[（(][^（()）]*[）)]`)
)

// canonical is a label as the figure lists compare them: without spaces,
// enumerators, counting notes in brackets and quotes.
func canonical(s string) string {
	s = strings.Join(strings.Fields(s), "")
	for range 3 {
		s = listEnumerator.ReplaceAllString(s, "")
	}
	for prev := ""; prev != s; {
		prev, s = s, bracketed.ReplaceAllString(s, "")
	}
	return strings.NewReplacer("“", "", "”", "", `"`, "").Replace(s)
}

// TestPublishedPDF parses the 洪泽区 2023 report as published (WPS → PDF)
// and finds each of its 186 figures under its row and column, citing the
// page it is printed on. Its review and lawsuit totals are printed 0 where
// their parts add to more: the figures are what is printed.
func TestPublishedPDF(t *testing.T) {
	r := parseFile(t, "../testdata/real/huaian-hongze-2023.pdf")
	var want figureList
	b, err := os.ReadFile("../testdata/real/huaian-hongze-2023.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	// Pages as printed: table 2 starts on page 2 and ends on page 3;
	// table 3 breaks after 2.没有现成信息需要另行制作 on page 3; table 4
	// is on page 4.
	pageOf := func(path string) int {
		switch canonical(path[strings.LastIndex(path, "/")+1:]) {
		case "规章", "行政规范性文件", "行政许可":
			return 2
		case "行政处罚", "行政强制", "行政事业性收费", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量",
			"予以公开", "部分公开", "属于国家秘密", "其他法律行政法规禁止公开", "危及三安全一稳定", "保护第三方合法权益",
			"属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
			"本机关不掌握相关政府信息", "没有现成信息需要另行制作":
			return 3
		}
		return 4
	}
	used := make([]bool, len(r.Observations))
	for _, w := range want.Observations {
		labels := []string{canonical(w.Label), canonical(w.LabelPrinted)}
		columns := []string{canonical(w.Column), canonical(w.ColumnPrinted)}
		i := -1
		for j, o := range r.Observations {
			if !used[j] && o.Column != nil && slices.Contains(labels, canonical(o.Label)) && slices.Contains(columns, canonical(*o.Column)) {
				i = j
				break
			}
		}
		if i < 0 {
			t.Errorf("%s / %s: missing", w.Path, w.Column)
			continue
		}
		used[i] = true
		o := r.Observations[i]
		if show(o.Value) != show(w.Value) {
			t.Errorf("%s / %s = %s (line %d), want %s", w.Path, w.Column, show(o.Value), o.Line, show(w.Value))
		}
		if p := pageOf(w.Path); o.Page != p {
			t.Errorf("%s / %s: page %d, want %d", w.Path, w.Column, o.Page, p)
		}
	}
	for i, o := range r.Observations {
		if !used[i] && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			t.Errorf("unexpected observation %s [%s] = %s (label %q, line %d)", o.Indicator, o.Breakdown, show(o.Value), o.Label, o.Line)
		}
	}
	if len(want.Observations) != 186 {
		t.Errorf("%d expected figures, want 186", len(want.Observations))
	}
}

// TestTemplatePDFs parses each national template printed to PDF from a
// Word file (testdata/pdf, made by scripts/pdf-fixtures.sh): block labels
// merged over their rows and printed a few characters a line, labels
// wrapped in narrow cells, header cells split over lines, table 3 crossing
// a page break with a page-number footer; the same printed sideways; and
// the same stamped as form XObjects on blank pages, the table's rules
// inside them. Every figure is found under its row and column, and cites a
// page.
func TestTemplatePDFs(t *testing.T) {
	for _, tc := range []struct {
		file, template, expected string
	}{
		{"form2019.pdf", gongkai.Template2019, "../testdata/form2019/expected.csv"},
		{"form2021.pdf", gongkai.Template2021, "../testdata/form2021/expected.csv"},
		// Printed sideways, as wide tables are: the text runs upwards on
		// a portrait page, shown upright by /Rotate 90 or read by turning
		// the paper (scripts/reprintpdf).
		{"form2019-rotated.pdf", gongkai.Template2019, "../testdata/form2019/expected.csv"},
		{"form2021-sideways.pdf", gongkai.Template2021, "../testdata/form2021/expected.csv"},
		// Each page drawn as a form XObject (qpdf --overlay), as tools
		// that stamp or impose pages write them.
		{"form2021-overlay.pdf", gongkai.Template2021, "../testdata/form2021/expected.csv"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := parseFile(t, "../testdata/pdf/"+tc.file)
			if r.Template != tc.template || r.Truncated != "" {
				t.Errorf("template %q, truncated %q", r.Template, r.Truncated)
			}
			for _, u := range r.Unplaced {
				t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
			}
			assertFigures(t, r, readExpected(t, tc.expected))
			pages := map[int]bool{}
			for _, o := range r.Observations {
				if o.Page < 1 {
					t.Errorf("%s [%s] cites no page", o.Indicator, o.Breakdown)
				}
				pages[o.Page] = true
			}
			if len(pages) < 2 {
				t.Errorf("figures on pages %v; the tables cross a page break", pages)
			}
		})
	}
	for _, file := range []string{"legacy2014.pdf", "legacy2014-overlay.pdf"} {
		t.Run(file, func(t *testing.T) {
			r := parseFile(t, "../testdata/pdf/"+file)
			if r.Template != gongkai.TemplateLegacy {
				t.Errorf("template %q", r.Template)
			}
			got := byIndicator(r)
			for _, f := range seedFigures {
				o, ok := got[f.indicator+"/"+gongkai.BreakdownTotal]
				if !ok {
					t.Errorf("%s: missing", f.indicator)
					continue
				}
				if o.Value == nil || *o.Value != f.value {
					t.Errorf("%s = %s (line %d), want %v", f.indicator, show(o.Value), o.Line, f.value)
				}
				if o.Page < 1 {
					t.Errorf("%s cites no page", f.indicator)
				}
			}
			if len(r.Observations) != len(seedFigures) {
				t.Errorf("%d figures, want %d", len(r.Observations), len(seedFigures))
			}
		})
	}
}
