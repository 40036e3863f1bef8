package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// applicantColumns are the seven columns of table 3 in the form's order.
var applicantColumns = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// identityNote is the note table 3 prints in its first header cell.
const identityNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// flatHeader is table 3's header as one pipe row naming every column, in
// the printed order order (indexes into applicantColumns), as a PDF reader
// prints it once the spanning headings have gone to lines of their own.
func flatHeader(order []int) string {
	names := make([]string, len(order))
	for i, c := range order {
		names[i] = applicantColumns[c]
	}
	return "| " + identityNote + " |  |  | " + strings.Join(names, " | ") + " |"
}

// withTable3Header rewrites a pipe fixture: table 3's two header rows are
// replaced by header, and every row of table 3 prints its seven figures in
// the printed order order, so that each figure still stands under the
// column that names it.
func withTable3Header(t *testing.T, path string, header []string, order []int) string {
	t.Helper()
	lines := strings.Split(readText(t, path), "\n")
	var out []string
	in, skipping := false, false
	for _, l := range lines {
		switch {
		case strings.Contains(l, "勾稽关系"):
			in, skipping = true, true
			out = append(out, header...)
			continue
		case skipping && strings.Contains(l, "商业企业"):
			skipping = false
			continue
		case skipping:
			continue
		case strings.HasPrefix(l, "四、政府信息公开行政复议"):
			in = false
		case in && strings.HasPrefix(l, "|"):
			l = reorderFigures(t, l, order)
		}
		out = append(out, l)
	}
	if in || skipping {
		t.Fatalf("%s: table 3 not found where expected", path)
	}
	return strings.Join(out, "\n")
}

// reorderFigures prints the seven figure cells of a pipe row of table 3
// (after its three label cells) in the printed order order.
func reorderFigures(t *testing.T, row string, order []int) string {
	t.Helper()
	cells := strings.Split(row, "|")
	if len(cells) < 12 {
		t.Fatalf("row of table 3 with %d cells: %q", len(cells)-2, row)
	}
	figures := append([]string{}, cells[4:11]...)
	for i, c := range order {
		cells[4+i] = figures[c]
	}
	return strings.Join(cells, "|")
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func parseText(t *testing.T, name, text string) *gongkai.Report {
	t.Helper()
	r, err := Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// TestSpanningHeadingsPlaceNoColumn prints table 3's header as PDF readers
// and converters do, the spanning headings (申请人情况, 法人或其他组织) on
// lines of their own before or after one flat header row, and expects
// every figure of the report under its row and column: a spanning heading
// is never a column, and the flat row's order decides the columns, even
// when it is not the form's order.
func TestSpanningHeadingsPlaceNoColumn(t *testing.T) {
	formOrder := []int{0, 1, 2, 3, 4, 5, 6}
	totalFirst := []int{6, 0, 1, 2, 3, 4, 5}
	reversed := []int{6, 5, 4, 3, 2, 1, 0}
	for _, tc := range []struct {
		name   string
		header func(flat string) []string
		order  []int
	}{
		{"spans on lines before the header row", func(f string) []string { return []string{"申请人情况", "法人或其他组织", f} }, formOrder},
		{"spans on lines after the header row", func(f string) []string { return []string{f, "申请人情况", "法人或其他组织"} }, formOrder},
		{"spans on one line before", func(f string) []string { return []string{"申请人情况 法人或其他组织", f} }, formOrder},
		{"spans on one line after", func(f string) []string { return []string{f, "申请人情况　法人或其他组织"} }, formOrder},
		{"spans as a pipe row before", func(f string) []string { return []string{"| 申请人情况 | 法人或其他组织 |", f} }, formOrder},
		{"spans before, 总计 first", func(f string) []string { return []string{"申请人情况", "法人或其他组织", f} }, totalFirst},
		{"spans after, 总计 first", func(f string) []string { return []string{f, "法人或其他组织", "申请人情况"} }, totalFirst},
		{"spans before, columns reversed", func(f string) []string { return []string{"申请人情况", "法人或其他组织", f} }, reversed},
	} {
		for _, dir := range []string{"../testdata/form2019", "../testdata/form2021"} {
			t.Run(filepath.Base(dir)+"/"+tc.name, func(t *testing.T) {
				text := withTable3Header(t, filepath.Join(dir, "pipes-report.md"), tc.header(flatHeader(tc.order)), tc.order)
				r := parseText(t, "pipes-report.md", text)
				noUnplaced(t, r)
				assertFigures(t, r, readExpected(t, filepath.Join(dir, "expected.csv")))
			})
		}
	}
}

// nationalHeaderCells is table 3's header as the one-cell-per-line
// fixtures print it: the form's two header rows, cell by cell.
const nationalHeaderCells = "申请人情况\n\n自然人\n法人或其他组织\n总计\n\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"

// withHeaderCells is a one-cell-per-line fixture with table 3's header
// printed as header; its figures stay in the form's order.
func withHeaderCells(t *testing.T, dir, header string) string {
	t.Helper()
	text := readText(t, filepath.Join(dir, "cell-per-line-no-tab.txt"))
	if !strings.Contains(text, nationalHeaderCells) {
		t.Fatalf("%s: the header of table 3 is not printed as expected", dir)
	}
	return strings.Replace(text, nationalHeaderCells, header, 1)
}

// TestSpanningHeadingsOneCellPerLine prints table 3's header one cell per
// line: the spanning headings first and the seven columns after them in
// the form's order are read as printed, none moved to 法人或其他组织's
// place; the form's two rows after a first printing of the spans are read
// as the form's.
func TestSpanningHeadingsOneCellPerLine(t *testing.T) {
	for _, tc := range []struct{ name, header string }{
		{"spans, then the columns", "申请人情况\n法人或其他组织\n\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n"},
		{"spans, then the form's two rows", "申请人情况\n法人或其他组织\n" + nationalHeaderCells},
		{"the columns, then the spans", "自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n申请人情况\n法人或其他组织\n"},
		// pdfminer prints each name in its pieces, one a line: 社会公益
		// names 社会公益组织 already, but is not taken before 组织
		{"spans, then the columns in pieces", "申请人情况\n法人或其他组织\n自然人\n商业\n企业\n科研\n机构\n社会\n公益\n组织\n法律\n服务\n机构\n其他\n总计\n"},
	} {
		for _, dir := range []string{"../testdata/form2019", "../testdata/form2021"} {
			t.Run(filepath.Base(dir)+"/"+tc.name, func(t *testing.T) {
				r := parseText(t, "cell-per-line-no-tab.txt", withHeaderCells(t, dir, tc.header))
				noUnplaced(t, r)
				assertFigures(t, r, readExpected(t, filepath.Join(dir, "expected.csv")))
			})
		}
	}
}

// TestUncertainApplicantOrderIsNotGuessed prints 法人或其他组织 before
// every column of table 3 and its columns after all the others, one cell
// per line: the form's two rows with the span leftmost (its columns
// first) or a heading over a flat row (总计 second) read alike, so no
// figure of table 3 is placed, and each row says why.
func TestUncertainApplicantOrderIsNotGuessed(t *testing.T) {
	const header = "申请人情况\n法人或其他组织\n自然人\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
	for _, dir := range []string{"../testdata/form2019", "../testdata/form2021"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := parseText(t, "cell-per-line-no-tab.txt", withHeaderCells(t, dir, header))
			refused := 0
			for _, u := range r.Unplaced {
				if strings.Contains(u.Reason, "order of the columns is not certain") {
					refused++
				}
			}
			if refused < 20 {
				t.Errorf("%d rows of table 3 unplaced for the uncertain header, want every row (over 20)", refused)
			}
			var others []wantFigure // tables 2 and 4 are read all the same, and nothing of table 3
			for _, w := range readExpected(t, filepath.Join(dir, "expected.csv")) {
				if !strings.HasPrefix(w.indicator, "requests.") {
					others = append(others, w)
				}
			}
			assertFigures(t, r, others)
		})
	}
}

// replaceLines rewrites the lines of a fixture: edit gets each line with
// the lines after it and returns the lines to print and how many it used.
func replaceLines(t *testing.T, path string, edit func(lines []string) (out []string, used int)) (string, int) {
	t.Helper()
	lines := strings.Split(readText(t, path), "\n")
	var out []string
	edits := 0
	for i := 0; i < len(lines); {
		repl, used := edit(lines[i:])
		if used == 0 {
			out = append(out, lines[i])
			i++
			continue
		}
		out = append(out, repl...)
		i += used
		edits++
	}
	return strings.Join(out, "\n"), edits
}

// TestTable4SpansOnLinesOfTheirOwn prints table 4's header as PDF readers
// do: 行政复议, 行政诉讼 and the blocks on lines of their own, before or
// after one flat row of the fifteen results, and expects every figure
// under its block and result.
func TestTable4SpansOnLinesOfTheirOwn(t *testing.T) {
	flat := "|" + strings.Repeat(" 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 3)
	for _, tc := range []struct {
		name   string
		header []string
	}{
		{"spans and blocks before", []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", flat}},
		{"行政诉讼 first", []string{"行政诉讼", "行政复议", "未经复议直接起诉", "复议后起诉", flat}},
		{"two to a line", []string{"行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", flat}},
		{"spans and blocks after", []string{flat, "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"}},
	} {
		for _, dir := range []string{"../testdata/form2019", "../testdata/form2021"} {
			t.Run(filepath.Base(dir)+"/"+tc.name, func(t *testing.T) {
				text, edits := replaceLines(t, filepath.Join(dir, "pipes-report.md"), func(ls []string) ([]string, int) {
					if !strings.HasPrefix(ls[0], "| 行政复议 |") {
						return nil, 0
					}
					return tc.header, 4 // the fixture's header: three rows and the separator
				})
				if edits != 1 {
					t.Fatalf("table 4's header found %d times", edits)
				}
				r := parseText(t, "pipes-report.md", text)
				noUnplaced(t, r)
				assertFigures(t, r, readExpected(t, filepath.Join(dir, "expected.csv")))
			})
		}
	}
}

// TestTable2BlockHeadingAfterItsHeader prints each block heading of table
// 2 (第二十条第（X）项) after the block's header row rather than before it,
// or alone on a line, and expects every figure under its row and column.
func TestTable2BlockHeadingAfterItsHeader(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(ls []string) ([]string, int)
	}{
		{"heading after the header", func(ls []string) ([]string, int) {
			if !strings.HasPrefix(ls[0], "| 第二十条") {
				return nil, 0
			}
			for i := 1; i < len(ls) && i <= 2; i++ {
				if strings.HasPrefix(ls[i], "| 信息内容") {
					return append(append([]string{}, ls[1:i+1]...), ls[0]), i + 1
				}
			}
			return nil, 0
		}},
		{"heading alone on a line", func(ls []string) ([]string, int) {
			if !strings.HasPrefix(ls[0], "| 第二十条") {
				return nil, 0
			}
			return []string{strings.TrimSpace(strings.Split(ls[0], "|")[1])}, 1
		}},
	} {
		for _, dir := range []string{"../testdata/form2019", "../testdata/form2021"} {
			t.Run(filepath.Base(dir)+"/"+tc.name, func(t *testing.T) {
				path := filepath.Join(dir, "pipes-report.md")
				text, edits := replaceLines(t, path, tc.edit)
				if blocks := strings.Count("\n"+readText(t, path), "\n| 第二十条"); edits != blocks || blocks < 4 {
					t.Fatalf("%d block headings moved of %d", edits, blocks)
				}
				r := parseText(t, "pipes-report.md", text)
				noUnplaced(t, r)
				assertFigures(t, r, readExpected(t, filepath.Join(dir, "expected.csv")))
			})
		}
	}
}
