package ingest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR text wrapped in Markdown by a converter (pandoc, CommonMark to GFM,
// as testdata/real/SLUG.ocr-*.md): the spaces between cells collapsed,
// and the bars OCR reads for a table's rules escaped (`217 \|1 \|0o`). On
// a line of text an escaped bar is the bar printed, and its backslash is
// no cell (read as one, it was a mark for nothing to report beside a
// figure that then stood a column off: wrong figures).

// asConverterMarkdown writes an OCR text as pandoc writes it in GFM:
// runs of spaces one space, bars escaped.
func asConverterMarkdown(text string) string {
	text = regexp.MustCompile(` +`).ReplaceAllString(text, " ")
	return strings.ReplaceAll(text, "|", `\|`)
}

func TestOCRMarkdownEscapedBars(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	setRow(rows, at, []int{4, 0, 0, 0, 0, 0, 4})
	r, err := Parse("ocr.md", []byte(asConverterMarkdown(ruledTable3(rows, map[int]string{at: "4 |0 |0 10 |0 |0 |4"}))))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
	}
	for _, o := range r.Observations {
		if o.Raw == `\` || hasFlag(o, gongkai.FlagNotAvailable) {
			t.Errorf("%s [%s] = %q: a backslash read as a cell", o.Indicator, o.Breakdown, o.Raw)
		}
	}
}

// Rows of a pipe table are left as they are: only lines of text lose the
// backslash of an escaped bar, and a pipe table under such a line reads
// every figure in its column.
func TestOCRMarkdownEscapedBarBesidePipeTable(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	text := strings.Replace(ocrPipeTable3(rows, nil), "三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n单位：件 \\| 统计至年底\n", 1)
	r, err := Parse("ocr.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
	}
}
