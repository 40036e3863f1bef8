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
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho212-11.chromium.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 16, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.refused.enforcement_files" {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "lines of their own") && slices.Equal(u.Cells, []string{"10", "3", "2", "4", "2", "8", "1"})
	}) {
		t.Errorf("7.属于行政执法案卷 not unplaced with its figures and the reason: %+v", r.Unplaced)
	}
}

// pdfminer's text of a held-out Chrome print (report 106 of
// scripts/heldout.py --seed 1013 --reports 200) prints （六）1.'s label
// with no figure, then 2.申请人逾期未按收 / 费通知要求缴纳费, seven figures
// (（六）1.'s), 用、行政机关不再处, seven more (（六）2.'s). Both add up to
// 108: the first seven were placed as （六）2.'s, six wrong. A row whose
// label's piece is read again with a whole row of its own is unplaced
// with both readings (form/orderrows.go, doubtRereadRow).
func TestRereadRowDoubted(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho1013-106.chromium.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 16, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.other_handling.no_fee" && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "printed again at line") && slices.Equal(u.Cells, []string{"99", "4", "0", "0", "1", "4", "108"})
	}) {
		t.Errorf("（六）2.'s first reading not unplaced with the reason: %+v", r.Unplaced)
	}
}

// pdfminer's text of a held-out Chrome print whose tables are mostly 0s
// (report 19 of scripts/heldout.py --seed 1414 --zeros 0.6 --reports 60)
// prints the labels of （一） to 5. with no figure, then seven 0s one a
// line: the 自然人 column of those seven rows, read as 5.'s seven, five
// wrong. A row of seven 0s standing apart after two rows or more that
// printed no figure is unplaced (form/scrambledrows.go, bareRowsBefore).
func TestZerosColumnAfterBareRows(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "hz1414-19.chromium.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 1, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.refused.internal_affairs" && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "seven 0s stand on lines of their own")
	}) {
		t.Errorf("5.属于三类内部事务信息 not unplaced with the reason: %+v", r.Unplaced)
	}
}
