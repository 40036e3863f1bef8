package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer's text of a held-out Chrome print (report 11 of
// scripts/heldout.py --seed 212) prints `7.属于行政执法案卷 10` and then six
// figures a line each, 3 2 4 2 8 1, that are a column of the rows below
// and do not add up: they were placed as the row's, six wrong. A row of
// table 3 whose seven figures stand on lines of their own and do not add
// up is unplaced (form/misread.go, apartNotAddingUp); a row printed side by
// side that does not add up is kept as published.
func TestApartRowNotAddingUp(t *testing.T) {
	rowUnplacedInHeldout(t, "ho212-11.chromium.pdfminer.txt", 16, "requests.refused.enforcement_files",
		"lines of their own", []string{"10", "3", "2", "4", "2", "8", "1"})
}

// pdfminer's text of a held-out Chrome print (report 106 of
// scripts/heldout.py --seed 1013 --reports 200) prints （六）1.'s label
// with no figure, then 2.申请人逾期未按收 / 费通知要求缴纳费, seven figures
// (（六）1.'s), 用、行政机关不再处, seven more (（六）2.'s). Both add up to
// 108: the first seven were placed as （六）2.'s, six wrong. A row whose
// label's piece is read again with a whole row of its own is unplaced
// with both readings (form/orderrows.go, doubtRereadRow).
func TestRereadRowDoubted(t *testing.T) {
	rowUnplacedInHeldout(t, "ho1013-106.chromium.pdfminer.txt", 16, "requests.other_handling.no_fee",
		"printed again at line", []string{"99", "4", "0", "0", "1", "4", "108"})
}

// pdfminer's text of a held-out Chrome print whose tables are mostly 0s
// (report 19 of scripts/heldout.py --seed 1414 --zeros 0.6 --reports 60)
// prints the labels of （一） to 5. with no figure, then seven 0s one a
// line: the 自然人 column of those seven rows, read as 5.'s seven, five
// wrong. A row of seven 0s standing apart after two rows or more that
// printed no figure is unplaced (form/scrambledrows.go, bareRowsBefore).
func TestZerosColumnAfterBareRows(t *testing.T) {
	rowUnplacedInHeldout(t, "hz1414-19.chromium.pdfminer.txt", 1, "requests.refused.internal_affairs",
		"seven 0s stand on lines of their own", nil)
}

// pdfminer of the national template printed from Word prints the labels
// of 二 and （一）, then their fourteen figures column by column (0 0 0 0 0
// 0 0 0 0 4 0 0 0 4: （一）'s 4 is 法律服务机构's). Read row after row, as a
// run after a row printing none, they add up too, and the 4 went under
// 科研机构: 2 wrong. Fourteen figures that add up both ways, with other
// figures in some cell, are unplaced (form/orderrows.go,
// columnByColumnToo).
func TestFourteenColumnByColumnToo(t *testing.T) {
	rowUnplacedInHeldout(t, "hz3114-8.template.pdfminer.txt", 89, "requests.disclosed",
		"read column by column (pdfminer prints a block of rows so) the figures add up row by row too",
		[]string{"0", "0", "0", "0", "0", "0", "0", "0", "0", "4", "0", "0", "0", "4"})
}

// rowUnplacedInHeldout parses file of testdata/pdftext/heldout, scores it
// against its truth (found figures at least, none wrong), and fails when a
// figure of the row indicator is placed (derived ones aside) or no row is
// unplaced with a reason containing reason and, when given, cells.
func rowUnplacedInHeldout(t *testing.T, file string, found int, indicator, reason string, cells []string) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	ratchetTruthFile(t, dir, file, found, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == indicator && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, reason) && (cells == nil || slices.Equal(u.Cells, cells))
	}) {
		t.Errorf("%s not unplaced with its figures and the reason %q: %+v", indicator, reason, r.Unplaced)
	}
}

// heldoutEdited scores file of testdata/pdftext/heldout against its truth
// (found figures at least, none wrong), then parses it with old replaced
// by new once, failing when the file no longer prints old: the same text
// with one damage undone or one more, for a rule to refuse.
func heldoutEdited(t *testing.T, file string, found int, old, new string) *gongkai.Report {
	t.Helper()
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	ratchetTruthFile(t, dir, file, found, 0)
	text := readText(t, filepath.Join(dir, file))
	if !strings.Contains(text, old) {
		t.Fatalf("%s no longer prints %q", file, old)
	}
	return parseText(t, file, strings.Replace(text, old, new, 1))
}
