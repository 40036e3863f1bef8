package legacy

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// readRows reads text (one line a line) as the legacy table's body: its
// rows as placed, OCR's signs counted as Read counts them.
func readRows(text string) *legacyTable {
	var lines []source.Line
	for i, l := range strings.Split(text, "\n") {
		lines = append(lines, source.Line{N: i + 1, Text: l})
	}
	t := newLegacyTable(catalog.MustLoad())
	if t.ocr, t.ruleGlyphs = ocrSigns(lines); t.ocr > 0 {
		lines = reround(lines, 0, len(lines))
	}
	for _, raw := range assemble(layout.Detect(lines).Split(lines), t.isUnit, t.ocr > 0) {
		t.add(raw)
	}
	return t
}

// rowPrinting is the row that prints the figure, nil when none does.
func (t *legacyTable) rowPrinting(figure string) *logicalRow {
	for _, r := range t.rows {
		for _, c := range r.cells {
			if c.Text == figure {
				return r
			}
		}
	}
	return nil
}

// In OCR text a unit and a figure on a line of their own, between the
// pieces of a label wrapped in a narrow column, are the row's cells, and
// the label's pieces join around them. In other text (pdfminer prints a
// table box by box) they are a piece of label and its figure, and the
// label does not read.
func TestUnitAndFigureLine(t *testing.T) {
	const column = "〈二) 申请\n件 13\n办结数\n1.按时办结\n件 12\n数"
	for text, want := range map[string]map[string]string{
		column:                               {"13": "3.2", "12": "3.2.1"},
		strings.Replace(column, "〈", "(", 1): {"13": ""},
	} {
		tbl := readRows(text)
		for figure, id := range want {
			r := tbl.rowPrinting(figure)
			got := ""
			if r != nil && r.match.row >= 0 {
				got = tbl.cat.Legacy[r.match.row].ID
			}
			if got != id {
				t.Errorf("%q: %s is row %q's, want %q's", text, figure, got, id)
			}
		}
	}
}

// A piece of label that names the same row as the piece before it, which
// prints no figure, is the rest of that label: its figures are the row's.
// A piece that names another row is a row of its own.
func TestJoinSameRow(t *testing.T) {
	tbl := readRows("八、开通政府信息公开\n网站或设立\n个 2\n门户网站信息公开专栏数\n〈一) 区(市) 政府及其部门 个 2")
	if r := tbl.rowPrinting("2"); r == nil || r.match.row < 0 || tbl.cat.Legacy[r.match.row].ID != "8" || len(tbl.rows) != 2 {
		t.Errorf("rows %d, the first figure's row %+v: want two rows, 2 under row 8", len(tbl.rows), r)
	}
	tbl = readRows("八、开通政府信息公开网站或设立门户网站信息公开专栏数\n〈一) 区(市) 政府及其部门 个 2")
	if r := tbl.rowPrinting("2"); r == nil || r.match.row < 0 || tbl.cat.Legacy[r.match.row].ID != "8.1" {
		t.Errorf("the figure's row %+v, want row 8.1", r)
	}
}

// In OCR text, a heading garbled past recognition opens its section by
// its number: the sub-rows after it, whose labels several sections print,
// are its own. In typed text a row the form does not place opens nothing.
func TestSectionByNumber(t *testing.T) {
	const rows = "十、设置政府信息查阅点数 个 67\n(一) 区(市)政府及其部门 个 48\n(二) 乡镇政府(街道办事处) 个 19\n十一、查阅次”3911点接待人数\n(一) 区(市)政府及其部门 次 1842"
	for text, want := range map[string]string{
		strings.Replace(rows, "(一)", "〈一)", 1): "11.1",
		rows: "10.1",
	} {
		tbl := readRows(text)
		r := tbl.rowPrinting("1842")
		if r == nil || r.match.row < 0 || tbl.cat.Legacy[r.match.row].ID != want {
			t.Errorf("%q: 1842 read as %+v, want row %s", text, r, want)
		}
	}
}

// A unit and figure OCR read into the middle of a label go after it; a
// count in a note, which follows no unit, and a figure glued to a word
// that is no unit stay.
func TestUngluedFigure(t *testing.T) {
	isUnit := newLegacyTable(catalog.MustLoad()).isUnit
	for in, want := range map[string]string{
		"十一、查阅次”3911点接待人数":             "十一、查阅点接待人数 次 3911",
		"(三) 接受人次 ”482培训人员数":           "(三) 接受培训人员数 人次 482",
		"4.政务微信公开政府信 条 ”655息数":         "4.政务微信公开政府信息数 条 655",
		"(市) 政府 个48":                   "(市) 政府 个 48",
		"次”3911":                       "次 3911",
		"府信息查阅 个 ”0":                   "府信息查阅 个 0",
		"(一) 回应公众关注热点或重大舆情数 (计1次) 次 0": "(一) 回应公众关注热点或重大舆情数 (计1次) 次 0",
		"政府信息48及其部门":                   "政府信息48及其部门",
	} {
		if got := ungluedFigure(in, isUnit); got != want {
			t.Errorf("ungluedFigure(%q) = %q, want %q", in, got, want)
		}
	}
}

// A section is numbered as the form numbers it: 十、 is row 10, though a
// variant's row 6a comes before it in the catalogue, so a wording read
// with a character misread (碍 for 查) and its own number still fits; the
// number of another section makes it fit less.
func TestSectionOrdinal(t *testing.T) {
	m := legacyMatcher(catalog.MustLoad())
	for printed, want := range map[string]string{
		"十、设置政府信息碍阅点数": "10",
		"九、设置政府信息碍阅点数": "",
	} {
		mt := m.place(label.Parse(printed), -1, -1)
		got := ""
		if mt.row >= 0 {
			got = m.rows[mt.row].ID
		}
		if got != want {
			t.Errorf("%s: row %q (score %.2f), want %q", printed, got, mt.score, want)
		}
	}
}
