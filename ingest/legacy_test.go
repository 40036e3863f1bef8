package ingest

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// seedFigure is one figure of the 薛城区 2017 table: its indicator, value,
// the line of its cell in the seed file, and the cell as printed.
type seedFigure struct {
	indicator string
	value     float64
	line      int
	raw       string
}

// seedFigures are the 76 figures of the seed report's table, in printed
// order, from testdata/xuecheng-2017.figures.csv (read off the report by eye).
var seedFigures = func() []seedFigure {
	f, err := os.Open("../testdata/xuecheng-2017.figures.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	var out []seedFigure
	for _, r := range recs[1:] {
		v, _ := strconv.ParseFloat(r[1], 64)
		n, _ := strconv.Atoi(r[2])
		out = append(out, seedFigure{r[0], v, n, r[3]})
	}
	return out
}()

func mustParse(t *testing.T, path string) *gongkai.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(path, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return r
}

func byIndicator(r *gongkai.Report) map[string]gongkai.Observation {
	m := map[string]gongkai.Observation{}
	for _, o := range r.Observations {
		m[o.Indicator+"/"+o.Breakdown] = o
	}
	return m
}

func TestSeedFigures(t *testing.T) {
	r := mustParse(t, "../samples/xuecheng-2017.txt")
	if len(r.Observations) != len(seedFigures) {
		t.Errorf("%d observations, want %d", len(r.Observations), len(seedFigures))
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced rows: %+v", r.Unplaced)
	}
	for i, want := range seedFigures {
		if i >= len(r.Observations) {
			break
		}
		o := r.Observations[i]
		if o.Indicator != want.indicator || o.Value == nil || *o.Value != want.value || o.Line != want.line || o.Raw != want.raw {
			t.Errorf("figure %d: got %s = %v at line %d raw %q; want %s = %v at line %d raw %q",
				i+1, o.Indicator, deref(o.Value), o.Line, o.Raw, want.indicator, want.value, want.line, want.raw)
		}
		if o.Breakdown != gongkai.BreakdownTotal || o.Column != nil {
			t.Errorf("%s: breakdown %q column %v, want total and no column", o.Indicator, o.Breakdown, o.Column)
		}
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func TestSeedDetails(t *testing.T) {
	r := mustParse(t, "../samples/xuecheng-2017.txt")
	obs := byIndicator(r)
	tests := []struct {
		name, indicator string
		label, unit     string
		flags           []string
	}{
		{"wrapped label with a repeated note, joined as printed", "proactive.items",
			"（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）（不同渠道和方式公开相同信息计1条）", "item", nil},
		{"full-width space before the figure is flagged", "responses.hot_topics",
			"（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "time", []string{gongkai.FlagOddFormat}},
		{"000 is zero, flagged", "gazette.issues", "（一）公报发行期数", "issue", []string{gongkai.FlagOddFormat}},
		{"row without a unit is flagged", "gazette.circulation", "九、区（市）政府公报发行量", "copy", []string{gongkai.FlagUnitMissing}},
		{"label wrapped mid-word", "capacity.budget",
			"（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "wan_yuan", nil},
		{"被依法纠错数 under 行政复议", "reconsiderations.corrected", "（二）被依法纠错数", "case", nil},
		{"被依法纠错数 under 行政诉讼", "lawsuits.corrected", "（二）被依法纠错数", "case", nil},
		{"区（市）政府及其部门 under 十一", "reading_points.visitors.government", "（一）区（市）政府及其部门", "time", nil},
		{"其中 row keeps its prefix in the label", "requests.refused.state_secret", "其中：涉及国家秘密", "case", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := obs[tt.indicator+"/total"]
			if !ok {
				t.Fatalf("no observation of %s", tt.indicator)
			}
			if o.Label != tt.label || o.Unit != tt.unit {
				t.Errorf("label %q unit %q; want %q %q", o.Label, o.Unit, tt.label, tt.unit)
			}
			if strings.Join(o.Flags, ",") != strings.Join(tt.flags, ",") {
				t.Errorf("flags %v, want %v", o.Flags, tt.flags)
			}
		})
	}
	if got := obs["reading_points.visitors.government/total"].Value; got == nil || *got != 1842 {
		t.Errorf("reading_points.visitors.government = %v, want 1842", deref(got))
	}
}

func TestSeedMetadata(t *testing.T) {
	r := mustParse(t, "../samples/xuecheng-2017.txt")
	want := gongkai.Publisher{ID: "370403", NameZh: "薛城区人民政府", NameEn: "Xuecheng District People's Government", Level: "county", AdminCode: "370403", ParentCode: "370400"}
	if r.Publisher != want {
		t.Errorf("publisher %+v, want %+v", r.Publisher, want)
	}
	if r.Year != 2017 || r.Template != gongkai.TemplateLegacy || r.PublishedOn != "2018-02" {
		t.Errorf("year %d template %s published %s", r.Year, r.Template, r.PublishedOn)
	}
	if r.Title != "薛城区人民政府2017年政府信息公开工作年度报告" {
		t.Errorf("title %q", r.Title)
	}
	wantContact := gongkai.Contact{Organization: "薛城区政府信息和政务公开办公室", Address: "山东省枣庄市薛城区永福中路2号",
		Postcode: "277000", Phone: "0632—4441199", Email: "xczwgk416@163.com"}
	if r.Contact != wantContact {
		t.Errorf("contact %+v, want %+v", r.Contact, wantContact)
	}
	if len(r.Sections) != 13 || r.Sections[0].Heading != "一、概述" || r.Sections[5].Heading != "六、政府信息公开申请的办理情况" {
		t.Fatalf("sections: %d, first %+v", len(r.Sections), r.Sections)
	}
	if !strings.Contains(r.Sections[5].Text, "申请16件") {
		t.Errorf("section 六 text %q", r.Sections[5].Text)
	}
	if len(r.Missing) != 0 {
		t.Errorf("missing %v", r.Missing)
	}
}

// TestLayouts parses the seed's table laid out as other exports print it and
// expects the same 76 figures under the same indicators.
func TestLayouts(t *testing.T) {
	files, _ := filepath.Glob("../testdata/legacy/*")
	if len(files) < 5 {
		t.Fatalf("only %d layout fixtures", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := mustParse(t, f)
			if len(r.Unplaced) != 0 {
				t.Errorf("unplaced: %+v", r.Unplaced)
			}
			obs := byIndicator(r)
			if len(r.Observations) != len(seedFigures) {
				t.Errorf("%d observations, want %d", len(r.Observations), len(seedFigures))
			}
			for _, want := range seedFigures {
				o, ok := obs[want.indicator+"/total"]
				if !ok || o.Value == nil || *o.Value != want.value {
					t.Errorf("%s = %v, want %v", want.indicator, deref(o.Value), want.value)
				}
			}
			if strings.Contains(f, "table-only") {
				if r.Year != 0 || r.Publisher.NameZh != "" || !containsAll(r.Missing, "publisher", "year", "title") {
					t.Errorf("table-only file: year %d publisher %q missing %v", r.Year, r.Publisher.NameZh, r.Missing)
				}
			} else if r.Year != 2017 || r.Publisher.ID != "370403" {
				t.Errorf("year %d publisher %+v", r.Year, r.Publisher)
			}
		})
	}
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, x := range list {
			found = found || x == w
		}
		if !found {
			return false
		}
	}
	return true
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		file, want string
		line       int
	}{
		{"empty.txt", "empty file", 1},
		{"binary.pdf", "the PDF is broken", 1},
		{"no-table.txt", "no statistics table", 1},
		{"pre2014-form.txt", "pre-2014 local statistics form", 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "../testdata/bad/" + tt.file
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(path, data)
			var e *gongkai.Error
			if !errors.As(err, &e) || r != nil {
				t.Fatalf("Parse = %v, %v; want an error", r, err)
			}
			if e.Code != gongkai.EINVALID || e.File != path || e.Line != tt.line || !strings.Contains(e.Message, tt.want) {
				t.Errorf("error %q (line %d); want %s:%d: …%s…", err, e.Line, path, tt.line, tt.want)
			}
		})
	}
}

func TestTruncatedTable(t *testing.T) {
	r := mustParse(t, "../testdata/bad/truncated.txt")
	if !strings.Contains(r.Truncated, "行政诉讼数量") {
		t.Errorf("truncated = %q, want it to name the section it stops in", r.Truncated)
	}
	obs := byIndicator(r)
	if o := obs["requests.received/total"]; o.Value == nil || *o.Value != 13 {
		t.Errorf("requests.received = %v, want the figures before the cut", deref(o.Value))
	}
	if o := obs["lawsuits.corrected/total"]; o.Value != nil {
		t.Errorf("lawsuits.corrected = %v, want null: its figure is cut off", *o.Value)
	}
	if _, ok := obs["complaints.total/total"]; ok {
		t.Errorf("complaints.total found after the cut")
	}
}
