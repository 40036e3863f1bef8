package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// TestRunTogetherPageLinks: a government site's header names services
// before its report, some in the words of the form's columns (自然人服务,
// 法人服务), and parts them by bars. The page's tables run together are
// read from their header on, as without those links: the same figures,
// whatever the links say.
func TestRunTogetherPageLinks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2024.textcontent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse("page.txt", page)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Observations) < 190 {
		t.Fatalf("%d figures read from the page without links, want its tables' 200", len(want.Observations))
	}
	for _, links := range []string{"网站首页 自然人服务 法人服务 部门服务 ", "网站首页 | 自然人服务 | 法人服务 | 部门服务 "} {
		r, err := Parse("page.txt", append([]byte(links), page...))
		if err != nil {
			t.Fatalf("%q: %v", links, err)
		}
		if len(r.Observations) != len(want.Observations) {
			t.Errorf("%q: %d figures, want %d", links, len(r.Observations), len(want.Observations))
			continue
		}
		for i, o := range r.Observations {
			w := want.Observations[i]
			if o.Indicator != w.Indicator || o.Breakdown != w.Breakdown || o.Raw != w.Raw {
				t.Errorf("%q: figure %d is %s/%s %q, want %s/%s %q", links, i, o.Indicator, o.Breakdown, o.Raw, w.Indicator, w.Breakdown, w.Raw)
			}
		}
	}
}

// TestRunTogetherPageLineBreaks: a page's text that keeps its markup's
// line breaks breaks the run inside header cells (商业 / 企业) and between
// a row's label and its figures. Each break is a space on the page: the
// lines are joined to the run, and every row of table 3 is read under the
// whole header, as from the page's text with its whitespace collapsed. A
// blank line ends the run (TestRunsUnderPartialHeaderByFormOrder reads a
// header broken by blank lines in part).
func TestRunTogetherPageLineBreaks(t *testing.T) {
	lineBroken := strings.ReplaceAll(brokenHeader, "\n\n", "\n")
	for _, template := range []string{gongkai.Template2019, gongkai.Template2021} {
		rows := damagedTable3(t, 6, template)
		text := strings.Replace(runTogether(template, rows, make([]int, 15)), wholeHeader, lineBroken, 1)
		// A label's figures on the next line, indented as the markup was.
		for _, row := range rows {
			if row.indicator == "requests.partially_disclosed" {
				run := joinFigures(row.figures, "")
				text = strings.Replace(text, row.label+run, row.label+"\n\u00a0 \u00a0 "+run, 1)
			}
		}
		if !strings.Contains(text, "\n\u00a0") {
			t.Fatal("no row of the page printed its figures on the next line")
		}
		r, err := Parse("page.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
			t.Errorf("%s: %d figures of table 3 found, want %d", template, found, want)
		}
		for _, o := range r.Observations {
			if hasFlag(o, gongkai.FlagPlacedByFormOrder) {
				t.Errorf("%s [%s] placed by the form's order: the header was not read whole", o.Label, o.Breakdown)
				break
			}
		}
	}
}

// TestRowPerLineRunApart: a page's text that breaks its lines at each
// table row (a crawler's text that ends each <tr> with a line break), the
// cells of each row run together. Some rows part their label from their
// figures by a space of the page's own (…不再处理其政府信息公开申请 2000002):
// among rows whose figures are glued to their labels, that run is the
// row's figures run together, split by the form's arithmetic like theirs,
// not one figure of a row whose blanks left no trace.
func TestRowPerLineRunApart(t *testing.T) {
	for _, template := range []string{gongkai.Template2019, gongkai.Template2021} {
		rows := damagedTable3(t, 7, template)
		// The section's heading and the header's rows a line each, as
		// the rows below.
		text := strings.Replace(runTogether(template, rows, make([]int, 15)), wholeHeader,
			"申请人情况\n自然人法人或其他组织总计\n商业企业科研机构社会公益 组织 法律服务 机构 其他", 1)
		text = strings.Replace(text, "三、收到和处理", "\n三、收到和处理", 1)
		apart := 0
		for i, row := range rows {
			if row.figures == nil {
				continue
			}
			run := joinFigures(row.figures, "")
			sep := ""
			if i%3 == 2 && rows[i-1].figures != nil {
				sep = " " // a row after a row glued to its figures
				apart++
			}
			text = strings.Replace(text, row.label+run, "\n"+row.label+sep+run, 1)
		}
		if apart < 3 {
			t.Fatalf("%s: %d rows parted from their figures, want 3 at least", template, apart)
		}
		r, err := Parse("page.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
			t.Errorf("%s: %d figures of table 3 found, want %d", template, found, want)
		}
	}
}

// TestRunOnPageNotJoinedToSpacedRows: a paragraph on one line that names
// three of the cells that open a table (自然人, 法人或其他组织, 商业企业) is
// long enough to look like a page run together; the rows of a table whose
// figures are parted by single spaces (OCR's text) that follow it directly
// are cells of their own, never joined to it as pieces of its run.
func TestRunOnPageNotJoinedToSpacedRows(t *testing.T) {
	rows := damagedTable3(t, 5, gongkai.Template2021)
	paragraph := "（二）依申请公开情况。" + strings.Repeat("本年度共收到政府信息公开申请，其中自然人提出的申请占多数，法人或其他组织提出的申请较少，商业企业提出的申请主要涉及项目审批信息。", 2)
	var b strings.Builder
	b.WriteString("某县2023年政府信息公开工作年度报告\n" + paragraph + "\n")
	b.WriteString("三、收到和处理政府信息公开申请情况\n")
	b.WriteString("申请人情况 自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n")
	for _, row := range rows {
		if row.figures == nil {
			b.WriteString(row.label + "\n")
			continue
		}
		b.WriteString(row.label + " " + joinFigures(row.figures, " ") + "\n")
	}
	text := b.String()
	// The paragraph directly above the table's lines, no blank between.
	text = strings.Replace(text, paragraph+"\n三、", paragraph+"\n一、本年新收政府信息公开申请数量 "+joinFigures(rows[0].figures, " ")+"\n三、", 1)
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	// Whatever is read is read right; the rows under the header all are.
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures of table 3 found, want %d", found, want)
	}
}
