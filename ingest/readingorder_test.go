package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Tables 3 and 4 taken out of a PDF in reading order (plain pdftotext):
// form2021-b.plain.txt prints table 3's figures one a line, its labels
// apart, and the figures of （七）总计 and 四 out of order. The form's order
// places them (readingorder.go in ingest/form) only when every condition
// holds; each test below breaks one and expects the order to place
// nothing: 一、本年新收, whose label stands apart from its figures, stays
// unread, and no figure is wrong.

const readingOrderFixture = "form2021-b"

// readingOrderText is the fixture's plain text with each edit applied
// once; an edit that finds nothing to change fails the test.
func readingOrderText(t *testing.T, edits ...[2]string) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", "pdftext", readingOrderFixture+".plain.txt"))
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("the fixture does not print %q", e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	return text
}

// placedByOrder reports whether the parse holds the row's figure under
// column, flagged placed_by_form_order.
func placedByOrder(r *gongkai.Report, indicator, breakdown string) bool {
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Breakdown == breakdown && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			return true
		}
	}
	return false
}

func TestReadingOrderPlacesTables3And4(t *testing.T) {
	r := parseText(t, "plain.txt", readingOrderText(t))
	for _, c := range []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "1669"},
		{indicator: "requests.received", breakdown: "total", value: "3108"},
		// （七）总计 and 四 printed out of order, given by the identities
		{indicator: "requests.answered", breakdown: "natural_person", value: "1665"},
		{indicator: "requests.carried_forward", breakdown: "research_institution", value: "2"},
		{indicator: "requests.carried_forward", breakdown: "total", value: "12"},
		{indicator: "reconsiderations.corrected", breakdown: "total", value: "36"},
		{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "14"},
	} {
		c.flags = []string{gongkai.FlagPlacedByFormOrder}
		checkCells(t, r, []cellCase{c})
	}
	for _, u := range r.Unplaced {
		t.Errorf("unplaced after the order placed every figure: %+v", u)
	}
}

func TestReadingOrderRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits [][2]string
	}{
		// one figure fewer, among （七）总计 and 四 printed out of order:
		// their rows say nothing of where it was (orderrepair.go)
		{"a figure of the last rows missing", [][2]string{{"\n1665\n", "\n"}}},
		// a mark where a figure was: its column is not certain
		{"a mark among the figures", [][2]string{{"\n1158\n", "\n—\n"}}},
		// 6.属于四类过程性信息 no longer adds up (I2)
		{"a row that does not add up", [][2]string{{"\n859\n", "\n858\n"}}},
		// 7.属于行政执法案卷 adds up, but （七）总计 is no longer the sum of
		// the outcome rows (I3), nor are the fourteen last figures
		// those the identities give
		{"the outcome rows not adding to （七）总计", [][2]string{{"\n17\n", "\n18\n"}, {"\n17\n", "\n18\n"}}},
		// （七）总计's first figure changed: the identities' figures are
		// not the ones printed
		{"the last rows not the identities' figures", [][2]string{{"\n1665\n", "\n1664\n"}}},
		// a label beside two figures: a layout that prints labels beside
		// figures is read by its labels (one figure glued to its label,
		// as pdfminer prints it, is not: gluedfigure_test.go)
		{"a label beside figures", [][2]string{{"6.属于四类过程性信息\n\n859\n\n0\n", "6.属于四类过程性信息 859 0\n"}}},
		// one figure on a label's line, as pdfminer glues it, but another
		// row's: 1158, 6.属于四类过程性信息's 总计, on 7.'s line (gluedfigure.go)
		{"a figure glued to another row's label", [][2]string{{"1158\n\n7.属于行政执法案卷\n", "\n7.属于行政执法案卷 1158\n"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "plain.txt", readingOrderText(t, tc.edits...))
			if hasObs(r, "requests.received", "natural_person") || placedByOrder(r, "requests.answered", "natural_person") {
				t.Errorf("table 3 placed by the form's order: %+v", obs(t, r, "requests.received", "natural_person"))
			}
			// Table 4 is read on its own: its fifteen figures in the form's
			// order, the pieces of its header printed among them
			// (plainreviews.go), each block adding up.
			checkReadingOrderTable4(t, r)
		})
	}
}

// checkReadingOrderTable4 checks that the fixture's table 4 is placed by
// the form's order with the figures it prints.
func checkReadingOrderTable4(t *testing.T, r *gongkai.Report) {
	t.Helper()
	for i, res := range []string{"upheld", "corrected", "other", "pending", "total"} {
		checkCells(t, r, []cellCase{
			{indicator: "reconsiderations." + res, breakdown: "total", value: []string{"0", "36", "3", "3", "42"}[i], flags: []string{gongkai.FlagPlacedByFormOrder}},
			{indicator: "lawsuits.direct." + res, breakdown: "total", value: []string{"0", "4", "0", "0", "4"}[i], flags: []string{gongkai.FlagPlacedByFormOrder}},
			{indicator: "lawsuits.after_reconsideration." + res, breakdown: "total", value: []string{"6", "4", "0", "4", "14"}[i], flags: []string{gongkai.FlagPlacedByFormOrder}},
		})
	}
}

// A block of table 4 whose 总计 is not the sum of its results is unplaced
// with the sums; the others, whose places the count of table 3 fixes, are
// placed.
func TestReadingOrderTable4BlockRefused(t *testing.T) {
	r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"\n42\n", "\n41\n"}))
	if hasObs(r, "reconsiderations.total", "total") || hasObs(r, "reconsiderations.corrected", "total") {
		t.Error("a block of table 4 that does not add up placed")
	}
	if !unplacedBecause(r, "行政复议", "not the sum of its results (42 ≠ 41)") {
		t.Errorf("the block not unplaced with its sums: %+v", r.Unplaced)
	}
	checkCells(t, r, []cellCase{
		{indicator: "lawsuits.direct.total", breakdown: "total", value: "4", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "requests.received", breakdown: "natural_person", value: "1669", flags: []string{gongkai.FlagPlacedByFormOrder}},
	})
}

// Two labels swapped: the rows read by their labels disagree with the
// order, which places every other row. Neither reading of the two rows is
// certain: both are unplaced, with both readings, and no figure of them
// is placed.
func TestReadingOrderConflictUnplaced(t *testing.T) {
	r := parseText(t, "plain.txt", readingOrderText(t,
		[2]string{"1.属于国家秘密\n", "2.其他法律行政法规禁止公开\n"}, [2]string{"2.其他法律行政法规禁\n", "1.属于国家秘密\n"}))
	for _, ind := range []string{"requests.refused.state_secret", "requests.refused.prohibited_by_law"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed although its label and the order disagree: %+v", ind, obs(t, r, ind, "total"))
		}
	}
	for _, l := range []string{"属于国家秘密", "其他法律行政法规禁止公开"} {
		if !unplacedBecause(r, l, "which are the row's is not certain") {
			t.Errorf("row %s not unplaced with both readings: %+v", l, r.Unplaced)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "1669", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "requests.refused.security_stability", breakdown: "total", value: "23"},
	})
}

// Page numbers printed bare (3), alone on the last line of each page, are
// dropped when every page ends with its own, one more than the page's
// before; the tables are then read whole. A run that breaks leaves the
// numbers as figures, and the count of figures no longer fits the form.
func TestBarePageNumbers(t *testing.T) {
	bare := [][2]string{{"\n-1-\n", "\n1\n"}, {"\n-2-\n", "\n2\n"}, {"\n-3-\n", "\n3\n"}, {"\n-4-\n", "\n4\n"}}
	r := parseText(t, "plain.txt", readingOrderText(t, bare...))
	truth := readTruth(t, filepath.Join("..", "testdata", "pdftext", readingOrderFixture+".truth.csv"))
	if found, defects := scoreTruth(truth, r); found != len(truth) || len(defects) > 0 {
		t.Errorf("found %d of %d figures, defects %v", found, len(truth), defects)
	}

	bare[2][1] = "\n5\n" // 1, 2, 5, 4: not the pages' numbers
	r = parseText(t, "plain.txt", readingOrderText(t, bare...))
	if placedByOrder(r, "requests.received", "natural_person") {
		t.Error("table 3 placed by the order although a number between its rows was kept as a figure")
	}
	if _, defects := scoreTruth(truth, r); len(defects) > 0 {
		t.Errorf("defects %v", defects)
	}
}

// BenchmarkReadingOrderBlocks parses a plain text whose table 3 prints two
// blocks of rows column by column: the row-by-row reading fails, and every
// reading of rows and blocks is tried.
func BenchmarkReadingOrderBlocks(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "form2019-a.blocks.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("plain.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadingOrderPlain parses a plain text read row by row.
func BenchmarkReadingOrderPlain(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "form2019-a.plain.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("plain.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// When the order cannot place the tables of a text in reading order, a row
// read by its label whose figures do not add up to its 总计 is unplaced:
// the figures after a label there may be another row's.
func TestReadingOrderDistrustsRowsNotAddingUp(t *testing.T) {
	r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"\n859\n", "\n858\n"}))
	if hasObs(r, "requests.refused.process_information", "total") {
		t.Errorf("a row that does not add up placed: %+v", obs(t, r, "requests.refused.process_information", "total"))
	}
	if !unplacedBecause(r, "属于四类过程性信息", "do not add up to its 总计") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
	checkCells(t, r, []cellCase{{indicator: "requests.refused.state_secret", breakdown: "total", value: "18"}})
}

// blocksText is form2021-a.blocks.txt, whose rows of （五）不予处理 1–3 are
// printed column by column, with each edit applied once.
func blocksText(t *testing.T, edits ...[2]string) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", "pdftext", "form2021-a.blocks.txt"))
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("the fixture does not print %q", e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	return text
}

// When the order cannot place the tables (a figure lost), a row read by
// its label whose seven figures are all 0 is unplaced: zeros add up
// whichever row's they are. Here 1.信访举报投诉类申请 (58 … 66) is followed
// by seven zeros of its block printed column by column.
func TestReadingOrderDistrustsZeroRows(t *testing.T) {
	r := parseText(t, "plain.txt", blocksText(t, [2]string{"\n1902\n", "\n"}))
	if placedByOrder(r, "requests.received", "natural_person") {
		t.Fatal("table 3 placed by the form's order with a figure lost")
	}
	if hasObs(r, "requests.not_processed.petition", "total") {
		t.Errorf("a row of zeros read by its label placed: %+v", obs(t, r, "requests.not_processed.petition", "total"))
	}
	if !unplacedBecause(r, "信访举报投诉类申请", "are all 0") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
}

// Text in reading order prints each cell of table 2 on a line of its own,
// all at the margin: a row printing fewer figures than its block's columns
// (行政事业性收费 with one of its two lost) does not show which column its
// figure is under, and is unplaced.
func TestReadingOrderShortRowOfTable2(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "pdftext", "form2019-b.plain.txt"))
	const row = "行政事业性收费\n\n0\n\n-6\n"
	if !strings.Contains(text, row) {
		t.Fatalf("the fixture does not print %q", row)
	}
	r := parseText(t, "plain.txt", strings.Replace(text, row, "行政事业性收费\n\n-6\n", 1))
	for _, ind := range []string{"fees.items_last_year", "fees.items_change"} {
		if hasObs(r, ind, "total") {
			t.Errorf("a figure of a short row placed: %+v", obs(t, r, ind, "total"))
		}
	}
	if !unplacedBecause(r, "行政事业性收费", "1 figures for 2 columns") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
}

// pdftextWith is testdata/pdftext/name with each edit applied once.
func pdftextWith(t *testing.T, name string, edits ...[2]string) string {
	t.Helper()
	return fixtureWith(t, "pdftext", name, edits...)
}

// fixtureWith is testdata/dir/name with each edit applied once.
func fixtureWith(t *testing.T, dir, name string, edits ...[2]string) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", dir, name))
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("%s does not print %q", name, e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	return text
}

// One damage in text in reading order, undone by the one edit the
// identities confirm (orderrepair.go in ingest/form): the tables are
// placed by the form's order, every figure under its own row and column,
// and the figure taken out or the one lost is unplaced with the reason.
func TestReadingOrderRepairsOneDamage(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		edits      [][2]string
		reason     string // of the figure taken out or lost; "" for none
	}{
		{"a page number among table 3's figures", "form2021-b.plain.txt", [][2]string{{"\n1669\n", "\n1669\n\n7\n"}}, "one figure more than the form's"},
		{"a figure printed twice", "form2021-b.plain.txt", [][2]string{{"\n1669\n", "\n1669\n\n1669\n"}}, "one figure more than the form's"},
		{"two figures the other way round", "form2021-b.plain.txt", [][2]string{{"1.属于国家秘密\n\n18\n\n0\n", "1.属于国家秘密\n\n0\n\n18\n"}}, ""},
		{"a figure lost", "form2019-a.plain.txt", [][2]string{{"\n322\n", "\n"}}, "one figure fewer than the form's"},
		// （七）总计 and 四 printed out of order, given by the identities
		{"a figure lost, the last rows out of order", "form2021-b.plain.txt", [][2]string{{"\n1669\n", "\n"}}, "one figure fewer than the form's"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "plain.txt", pdftextWith(t, tc.file, tc.edits...))
			truth := readTruth(t, filepath.Join("..", "testdata", "pdftext", strings.SplitN(tc.file, ".", 2)[0]+".truth.csv"))
			found, defects := scoreTruth(truth, r)
			if len(defects) > 0 {
				t.Errorf("defects: %v", defects)
			}
			if !placedByOrder(r, "requests.answered", "natural_person") {
				t.Errorf("table 3 not placed by the form's order (%d of %d figures found): %+v", found, len(truth), r.Unplaced)
			}
			if tc.reason != "" && !unplacedBecause(r, "", tc.reason) {
				t.Errorf("the figure taken out or lost not unplaced with the reason: %+v", r.Unplaced)
			}
		})
	}
}

// Undoing one damage places nothing when it is not certain: two damages,
// which no one edit undoes; one figure more in table 4, which any of its
// figures may be.
func TestReadingOrderRepairRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits [][2]string
	}{
		{"two figures lost", [][2]string{{"\n1669\n", "\n"}, {"\n1158\n", "\n"}}},
		{"a figure lost and a page number", [][2]string{{"\n1669\n", "\n"}, {"\n1158\n", "\n1158\n\n7\n"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "plain.txt", readingOrderText(t, tc.edits...))
			if placedByOrder(r, "requests.answered", "natural_person") {
				t.Error("table 3 placed by the form's order")
			}
			truth := readTruth(t, filepath.Join("..", "testdata", "pdftext", readingOrderFixture+".truth.csv"))
			if _, defects := scoreTruth(truth, r); len(defects) > 0 {
				t.Errorf("defects: %v", defects)
			}
		})
	}
	t.Run("one figure more in table 4", func(t *testing.T) {
		r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"\n36\n", "\n36\n\n7\n"}))
		if !placedByOrder(r, "requests.answered", "natural_person") {
			t.Error("table 3 not placed by the form's order")
		}
		if hasObs(r, "reconsiderations.corrected", "total") || hasObs(r, "lawsuits.after_reconsideration.total", "total") {
			t.Error("table 4 placed with one figure more than the form's")
		}
		if !unplacedBecause(r, "行政复议、行政诉讼", "several readings of its figures fit") {
			t.Errorf("table 4 not unplaced with the reason: %+v", r.Unplaced)
		}
	})
}
