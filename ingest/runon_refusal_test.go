package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// TestColumnSumsRefuseSeveralChoices prints two rows of table 3 whose runs
// read the same, 270020130: 27|0|0|2|0|1|30 under 予以公开 and
// 2|7|0|0|20|1|30 under 部分公开. The column sums hold for that choice and
// for its swap, so neither row is placed, and the reason says so: under a
// whole header, and under one html-to-text broke (read in part, the runs
// cut by the form's order).
func TestColumnSumsRefuseSeveralChoices(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	setRows(rows, map[string][]int{
		"requests.disclosed":           {27, 0, 0, 2, 0, 1, 30},
		"requests.partially_disclosed": {2, 7, 0, 0, 20, 1, 30},
	})
	for _, header := range []string{wholeHeader, brokenHeader} {
		r := partialHeaderPage(t, gongkai.Template2021, rows, header)
		checkTable3(t, r, rows, "")
		if hasObs(r, "requests.disclosed", "natural_person") || hasObs(r, "requests.partially_disclosed", "natural_person") {
			t.Error("a row placed although two choices of the splits make the column sums hold")
		}
		for _, l := range []string{"予以公开", "部分公开"} {
			if !unplacedBecause(r, l, "several choices of them make the column sums of table 3 hold") {
				t.Errorf("%s not unplaced with the reason: %+v", l, r.Unplaced)
			}
		}
	}
}

// setRows gives rows of table 3 the figures of set, by indicator, and
// moves 一 and （七）总计 by as much, so that the column sums still hold.
func setRows(rows []damagedRow, set map[string][]int) {
	delta := make([]int, 7)
	for i := range rows {
		if want, ok := set[rows[i].indicator]; ok {
			for c := range 7 {
				delta[c] += want[c] - rows[i].figures[c]
			}
			copy(rows[i].figures, want)
		}
	}
	for i := range rows {
		if rows[i].indicator == "requests.received" || rows[i].indicator == "requests.answered" {
			for c := range 7 {
				rows[i].figures[c] += delta[c]
			}
		}
	}
}

// TestOtherHandlingSettledByColumnSums: （六）其他处理 is a row of the 2019
// form. Its run 270020130 fits 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30; the
// column sums of table 3 hold for one only, as for any other row. When
// 予以公开 prints the same run, the sums hold for either choice of the two,
// and both rows stay unplaced.
func TestOtherHandlingSettledByColumnSums(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2019)
	setRows(rows, map[string][]int{"requests.other_handling": {27, 0, 0, 2, 0, 1, 30}})
	r, err := Parse("run-together.txt", []byte(runTogether(gongkai.Template2019, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, gongkai.FlagSplitByArithmetic)
	if o := obs(t, r, "requests.other_handling", "natural_person"); *o.Value != 27 {
		t.Errorf("其他处理 自然人 = %v, want 27", *o.Value)
	}
	setRows(rows, map[string][]int{"requests.disclosed": {2, 7, 0, 0, 20, 1, 30}})
	r, err = Parse("run-together.txt", []byte(runTogether(gongkai.Template2019, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, "")
	if hasObs(r, "requests.other_handling", "natural_person") || hasObs(r, "requests.disclosed", "natural_person") {
		t.Error("a row placed although two choices of the splits make the column sums hold")
	}
	if !unplacedBecause(r, "其他处理", "several choices of them make the column sums of table 3 hold") {
		t.Errorf("其他处理 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestOtherHandlingHeadingRunRefused: in the 2021 form （六）其他处理 heads
// three rows, which are the terms of the column sums. Figures run together
// on the heading itself, that several splits fit, are bound by no sum and
// stay unplaced; the rows are read.
func TestOtherHandlingHeadingRunRefused(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	for i := range rows {
		if strings.Contains(rows[i].label, "其他处理") && rows[i].indicator == "" {
			rows[i].figures = []int{27, 0, 0, 2, 0, 1, 30}
		}
	}
	r, err := Parse("run-together.txt", []byte(runTogether(gongkai.Template2021, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.other_handling", "natural_person") {
		t.Error("figures on the heading （六）其他处理 placed though no sum binds them")
	}
	if !unplacedBecause(r, "其他处理", "no column sum of table 3 binds the row") {
		t.Errorf("其他处理 not unplaced with the reason: %+v", r.Unplaced)
	}
	var heading []int
	for i := range rows {
		if rows[i].indicator == "" && rows[i].figures != nil {
			heading, rows[i].figures = rows[i].figures, nil
		}
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want || heading == nil {
		t.Errorf("%d figures of the rows found, want %d", found, want)
	}
}

// TestSpacesBetweenFiguresRunTogether prints a page run together that kept
// one space between some cells: a row of table 2 with a space between each
// figure is read figure by figure, a row of table 3 cut by one stray space
// (500000 5) is split with the space as a cut, and a row of table 2 with
// fewer figures than columns (5 10 under three) is unplaced, since no
// identity binds its columns and a blank cell may hide anywhere.
func TestSpacesBetweenFiguresRunTogether(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	for i := range rows {
		if rows[i].indicator == "requests.partially_disclosed" {
			for c := range 7 {
				rows[i].figures[c] = 0
			}
		}
	}
	text := runTogether(gongkai.Template2021, rows, make([]int, 15))
	var partial string
	for _, r := range rows {
		if r.indicator == "requests.partially_disclosed" {
			partial = r.label
		}
	}
	text = strings.Replace(text, partial+"0000000", partial+"000000 0", 1)
	text = strings.Replace(text, "规章000", "规章 11 173 173", 1)
	text = strings.Replace(text, "行政规范性文件1012", "行政规范性文件5 10", 1)
	r, err := Parse("run-together.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for ind, want := range map[string]float64{"regulations.issued": 11, "regulations.repealed": 173, "regulations.in_force": 173} {
		if o := obs(t, r, ind, "total"); *o.Value != want {
			t.Errorf("%s = %v, want %v", ind, *o.Value, want)
		}
	}
	checkTable3(t, r, rows, "")
	if o := obs(t, r, "requests.partially_disclosed", "total"); *o.Value != 0 {
		t.Errorf("部分公开 总计 = %v, want 0", *o.Value)
	}
	if hasObs(r, "normative_documents.issued", "total") {
		t.Error("行政规范性文件 5 10 placed under three columns no identity binds")
	}
	if !unplacedBecause(r, "行政规范性文件", "2 figures for 3 columns") {
		t.Errorf("行政规范性文件 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestTable2SplitByNarrative: 行政规范性文件6233440 under three columns no
// identity binds fits 15 splits. The report's text may state its figures
// in the words of their columns: 62 issued and 33 repealed leave one
// split, 62|33|440 (split_by_narrative); 62 alone leaves four, which all
// give 62 (placed, split_by_narrative) and differ in the rest (unplaced);
// 70 leaves none, and the row stays unplaced with what the text states.
func TestTable2SplitByNarrative(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	page := func(says string) *gongkai.Report {
		t.Helper()
		text := runTogether(gongkai.Template2021, rows, make([]int, 15))
		text = strings.Replace(text, "行政规范性文件1012", "行政规范性文件6233440", 1)
		text = strings.Replace(text, "本县持续推进政务公开。", "本县持续推进政务公开。"+says, 1)
		r, err := Parse("run-together.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := page("本年度制发行政规范性文件 62 件，废止行政规范性文件共33件。")
	checkCells(t, r, []cellCase{
		{indicator: "normative_documents.issued", breakdown: "total", value: "62", flags: []string{gongkai.FlagSplitByNarrative}, without: []string{gongkai.FlagSplitByArithmetic, gongkai.FlagOddFormat}},
		{indicator: "normative_documents.repealed", breakdown: "total", value: "33", flags: []string{gongkai.FlagSplitByNarrative}},
		{indicator: "normative_documents.in_force", breakdown: "total", value: "440", flags: []string{gongkai.FlagSplitByNarrative}},
	})
	r = page("本年度制发行政规范性文件62件。")
	checkCells(t, r, []cellCase{
		{indicator: "normative_documents.issued", breakdown: "total", value: "62", flags: []string{gongkai.FlagSplitByNarrative}, without: []string{gongkai.FlagSplitByArithmetic}},
	})
	if hasObs(r, "normative_documents.repealed", "total") || hasObs(r, "normative_documents.in_force", "total") {
		t.Error("a cell the four splits that give 62 fill differently was placed")
	}
	if reason := "states 本年制发件数 62, which 4 of the splits give; each of them gives 本年制发件数 62, placed"; !unplacedBecause(r, "行政规范性文件", reason) {
		t.Errorf("行政规范性文件 not unplaced with %q: %+v", reason, r.Unplaced)
	}
	r = page("本年度制发行政规范性文件70件。")
	if hasObs(r, "normative_documents.issued", "total") {
		t.Error("行政规范性文件 split though the text states a figure no split gives")
	}
	if reason := "states 本年制发件数 70, which 0 of the splits give"; !unplacedBecause(r, "行政规范性文件", reason) {
		t.Errorf("行政规范性文件 not unplaced with %q: %+v", reason, r.Unplaced)
	}
}

// TestAgreedCellsOfARun: 行政许可1702 under 上一年项目数量 | 本年增/减 |
// 处理决定数量 fits 1|70|2 and 17|0|2; both give 处理决定数量 2, which is
// placed, and the row is unplaced for the rest. 12345 fits six splits
// that share no cell: nothing of the row is placed.
func TestAgreedCellsOfARun(t *testing.T) {
	page := func(run string) *gongkai.Report { return page2019(t, "行政许可000", "行政许可"+run) }
	r := page("1702")
	checkCells(t, r, []cellCase{{indicator: "licensing.decisions", breakdown: "total", value: "2", flags: []string{gongkai.FlagSplitByArithmetic}}})
	if hasObs(r, "licensing.items_last_year", "total") || hasObs(r, "licensing.items_change", "total") {
		t.Error("a cell the splits of 1702 fill differently was placed")
	}
	if !unplacedBecause(r, "行政许可", "2 splits fit") || !unplacedBecause(r, "行政许可", "every split gives 处理决定数量 2, placed") {
		t.Errorf("行政许可 not unplaced with the reason: %+v", r.Unplaced)
	}
	r = page("12345")
	if hasObs(r, "licensing.decisions", "total") || hasObs(r, "licensing.items_last_year", "total") {
		t.Error("a cell of 12345 placed, though its splits share none")
	}
	if !unplacedBecause(r, "行政许可", "6 splits fit") {
		t.Errorf("行政许可 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestSignedChangeInARun: a change printed signed cuts the run of
// 上一年项目数量 | 本年增/减 | 处理决定数量: 行政许可29-30 is 29, then -30 under
// two columns, -3|0 alone (a figure of two digits never starts with 0),
// the sign kept. 39+110 is 39 and +1|10 or +11|0: 39 is placed, the rest
// not. A sign where no column of changes follows (规章5+10) joins nothing.
func TestSignedChangeInARun(t *testing.T) {
	page := func(from, to string) *gongkai.Report { return page2019(t, from, to) }
	r := page("行政许可000", "行政许可29-30")
	checkCells(t, r, []cellCase{
		{indicator: "licensing.items_last_year", breakdown: "total", value: "29", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "licensing.items_change", breakdown: "total", value: "-3", flags: []string{gongkai.FlagSplitByArithmetic}, without: []string{gongkai.FlagOddFormat}},
		{indicator: "licensing.decisions", breakdown: "total", value: "0"},
	})
	r = page("行政许可000", "行政许可39+110")
	checkCells(t, r, []cellCase{{indicator: "licensing.items_last_year", breakdown: "total", value: "39", flags: []string{gongkai.FlagSplitByArithmetic}}})
	if hasObs(r, "licensing.items_change", "total") || hasObs(r, "licensing.decisions", "total") {
		t.Error("39+110: a cell its two splits fill differently was placed")
	}
	if !unplacedBecause(r, "行政许可", "2 splits fit") {
		t.Errorf("行政许可 not unplaced with the reason: %+v", r.Unplaced)
	}
	r = page("规章000", "规章5+10")
	if hasObs(r, "regulations.issued", "total") || hasObs(r, "regulations.published", "total") {
		t.Error("规章5+10 placed, though no column of changes takes the sign")
	}
	if !unplacedBecause(r, "规章", "2 figures for 3 columns") {
		t.Errorf("规章 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// page2019 parses a page of the 2019 form run together (runTogether) with
// the text from replaced by to.
func page2019(t *testing.T, from, to string) *gongkai.Report {
	t.Helper()
	rows := damagedTable3(t, 3, gongkai.Template2019)
	text := strings.Replace(runTogether(gongkai.Template2019, rows, make([]int, 15)), from, to, 1)
	r, err := Parse("run-together.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestColumnSumsSettleRowsEveryChoiceAgrees prints beside the two rows whose
// runs read the same (270020130 under 予以公开 and 部分公开, which the
// column sums cannot tell apart) a third row several splits fit:
// 101000011 under 3.危及“三安全一稳定” is 10|1|0|0|0|0|11 or
// 1|0|10|0|0|0|11. Every choice that makes the column sums hold takes the
// first, so that row is placed; the two that swap stay unplaced for their
// applicant columns, and the cells both their splits fill alike (科研机构 0, 其他 1,
// 总计 30) are placed.
func TestColumnSumsSettleRowsEveryChoiceAgrees(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	setRows(rows, map[string][]int{
		"requests.disclosed":                  {27, 0, 0, 2, 0, 1, 30},
		"requests.partially_disclosed":        {2, 7, 0, 0, 20, 1, 30},
		"requests.refused.security_stability": {10, 1, 0, 0, 0, 0, 11},
	})
	r, err := Parse("run-together.txt", []byte(runTogether(gongkai.Template2021, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, gongkai.FlagSplitByArithmetic)
	if o := obs(t, r, "requests.refused.security_stability", "research_institution"); *o.Value != 0 {
		t.Errorf("危及“三安全一稳定” 科研机构 = %v, want 0", *o.Value)
	}
	for _, ind := range []string{"requests.disclosed", "requests.partially_disclosed"} {
		if hasObs(r, ind, "natural_person") || hasObs(r, ind, "legal_service_org") {
			t.Errorf("%s: a column the two choices fill differently placed", ind)
		}
		if o := obs(t, r, ind, "total"); *o.Value != 30 {
			t.Errorf("%s 总计 = %v, want 30", ind, *o.Value)
		}
	}
	for _, l := range []string{"予以公开", "部分公开"} {
		if !unplacedBecause(r, l, "(2 of the row's splits stand in them); every one gives 科研机构 0, 其他 1, 总计 30, placed") {
			t.Errorf("%s not unplaced with the reason: %+v", l, r.Unplaced)
		}
	}
}
