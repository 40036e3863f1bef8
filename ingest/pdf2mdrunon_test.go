package ingest

import (
	"os"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdf2md (@opendocsg/pdf2md) prints a page's text items one after another
// on a line: the rows of table 3 run together, each row's figures parted
// by spaces, the end of table 3 and table 4's heading and header on one
// line, table 4's figures followed by the heading of section 五 and its
// prose. These tests read LibreOffice's and Chromium's prints of
// pingtan-2021 as pdf2md gave them, and damaged copies of them.

// readPdf2md parses a real pdf2md print, with edit applied to its text.
func readPdf2md(t *testing.T, name string, edit func(string) string) *gongkai.Report {
	t.Helper()
	data, err := os.ReadFile("../testdata/real/" + name)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if edit != nil {
		edited := edit(text)
		if edited == text {
			t.Fatalf("the edit changes nothing in %s", name)
		}
		text = edited
	}
	r, err := Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// wantRow checks the seven figures of a row of table 3 and that the
// form's order placed them.
func wantRow(t *testing.T, r *gongkai.Report, indicator string, want []float64) {
	t.Helper()
	for i, b := range []string{"natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"} {
		o := obs(t, r, indicator, b)
		if o.Value == nil || *o.Value != want[i] {
			t.Errorf("%s [%s] = %v, want %v", indicator, b, o.Value, want[i])
		}
		if !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
			t.Errorf("%s [%s] lacks %s: %v", indicator, b, gongkai.FlagPlacedByFormOrder, o.Flags)
		}
	}
}

// TestPdf2mdRowsRunTogether: rows cut from a line run together (… 3.其他 1
// 0 0 0 0 0 1 （七）总计 63 0 0 2 0 4 69 四、结转下年度继续办理 1 0 0 0 0 0 1
// 四、政府信息公开行政复议…), under a header read in part, are placed by the
// form's order: seven pieces parted by spaces, each a cell, the row's
// 总计 their sum. 2. 申请人逾期未按… keeps its number though pdf2md put a
// space after its dot. Table 4's fifteen figures, printed before 五、存在
// 的主要问题及改进情况 and its prose, are read under the header before them.
func TestPdf2mdRowsRunTogether(t *testing.T) {
	for _, name := range []string{"pingtan-2021.libreoffice.pdf2md.md", "pingtan-2021.chromium-landscape.pdf2md.md"} {
		t.Run(name, func(t *testing.T) {
			r := readPdf2md(t, name, nil)
			wantRow(t, r, "requests.other_handling.no_correction", []float64{0, 0, 0, 0, 0, 0, 0})
			wantRow(t, r, "requests.other_handling.no_fee", []float64{0, 0, 0, 0, 0, 0, 0})
			wantRow(t, r, "requests.other_handling.other", []float64{1, 0, 0, 0, 0, 0, 1})
			wantRow(t, r, "requests.answered", []float64{63, 0, 0, 2, 0, 4, 69})
			wantRow(t, r, "requests.carried_forward", []float64{1, 0, 0, 0, 0, 0, 1})
			for ind, want := range map[string]float64{
				"reconsiderations.upheld": 1, "reconsiderations.other": 2, "reconsiderations.total": 3,
				"lawsuits.direct.upheld": 12, "lawsuits.direct.total": 12, "lawsuits.after_reconsideration.total": 0,
			} {
				if o := obs(t, r, ind, "total"); *o.Value != want {
					t.Errorf("%s = %v, want %v", ind, *o.Value, want)
				}
			}
		})
	}
	r := readPdf2md(t, "pingtan-2021.chromium-landscape.pdf2md.md", nil)
	wantRow(t, r, "requests.received", []float64{64, 0, 0, 2, 0, 4, 70})
}

// TestPdf2mdSpacedRowNotAddingUp: a row cut from a line run together whose
// seven pieces do not add up to its 总计 is not placed by the form's
// order, and says why.
func TestPdf2mdSpacedRowNotAddingUp(t *testing.T) {
	r := readPdf2md(t, "pingtan-2021.chromium-landscape.pdf2md.md", func(s string) string {
		return strings.Replace(s, "（七）总计 63 0 0 2 0 4 69", "（七）总计 63 0 0 2 0 4 68", 1)
	})
	if hasObs(r, "requests.answered", "natural_person") || hasObs(r, "requests.answered", "total") {
		t.Error("a row whose figures do not add up placed by the form's order")
	}
	if !unplacedBecause(r, "总计", "do not add up to its 总计 (69 ≠ 68)") {
		t.Errorf("（七）总计 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestPdf2mdEnumeratorOfAnotherRow: a digit after a row's figures, before
// the wording of a row that the form numbers otherwise (3. 申请人逾期未按…,
// which is （六）2), is no enumerator: it stays with the figures before it,
// and that row, eight pieces for seven columns, is unplaced.
func TestPdf2mdEnumeratorOfAnotherRow(t *testing.T) {
	r := readPdf2md(t, "pingtan-2021.libreoffice.pdf2md.md", func(s string) string {
		return strings.Replace(s, "0 0 0 0 0 0 0 \n\n2. 申 请 人 逾 期", "0 0 0 0 0 0 0 3. 申 请 人 逾 期", 1)
	})
	if hasObs(r, "requests.other_handling.no_correction", "natural_person") {
		t.Error("（六）1 placed though a figure more follows its seven")
	}
	if !unplacedBecause(r, "申请人无正当理由逾期不补正", "no column is certain") {
		t.Errorf("（六）1 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestPdf2mdHeadingAfterOneFigure: a section heading after one figure
// (prose that cites a number) is not cut off the line: table 4's single
// figure there is no row of it, and nothing of table 4 is placed.
func TestPdf2mdHeadingAfterOneFigure(t *testing.T) {
	r := readPdf2md(t, "pingtan-2021.libreoffice.pdf2md.md", func(s string) string {
		return strings.Replace(s, "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0 五、存在", "共 15 五、存在", 1)
	})
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
			t.Errorf("%s placed from a line of prose: %v", o.Indicator, *o.Value)
		}
	}
}

// TestPdf2mdEnumeratorAPieceALine: a heading's enumerator printed a piece
// a line (（ / 四 / ）, a narrow cell of LibreOffice's print of 沭阳 2023)
// is joined, so its closing bracket alone is no OCR mark that would make
// table 2 distrusted: table 2's figures are read. When the numeral does
// not stand alone on its line the bracket stays as printed, the text
// shows OCR's sign, and table 2's figures, which no identity checks, are
// unplaced.
func TestPdf2mdEnumeratorAPieceALine(t *testing.T) {
	const name = "shuyang-fgj-2023.libreoffice.pdf2md.md"
	r := readPdf2md(t, name, nil)
	for ind, want := range map[string]float64{"regulations.issued": 0, "normative_documents.issued": 8, "normative_documents.in_force": 18, "licensing.decisions": 0} {
		if o := obs(t, r, ind, "total"); *o.Value != want {
			t.Errorf("%s = %v, want %v", ind, *o.Value, want)
		}
	}
	r = readPdf2md(t, name, func(s string) string {
		return strings.Replace(s, "### （ \n\n### 四 \n\n### ） ", "### （ \n\n### 四无 \n\n### ） ", 1)
	})
	if hasObs(r, "normative_documents.issued", "total") {
		t.Error("table 2 read though a bracket alone shows OCR's sign")
	}
}
