package legacy

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

func isUnit(s string) bool {
	_, ok := catalog.MustLoad().UnitBySymbol(s)
	return ok
}

var yearAndCumulative = []string{gongkai.BreakdownTotal, breakdownCumulative}

func TestSplitFiguresUnderYearAndCumulative(t *testing.T) {
	cases := []struct {
		run     string
		want    string // the cells joined by |, or "" when refused
		refusal string // what the reason must say
	}{
		{run: "00", want: "0|0"},
		{run: "105", want: "10|5"},              // the only split of the digits: 1|05 is no pair of figures
		{run: "115", want: "1|15"},              // 11|5 would make the year's figure exceed the cumulative one
		{run: "12345", refusal: "2 splits fit"}, // 1|2345 and 12|345
		{run: "294981916", refusal: "fitting: 2|94981916, 29|4981916, 294|981916, 2949|81916"},
	}
	for _, c := range cases {
		got, why, _ := splitFigures(c.run, yearAndCumulative)
		switch {
		case c.want != "" && (strings.Join(got, "|") != c.want || why != ""):
			t.Errorf("%s: %q (%s), want %s", c.run, got, why, c.want)
		case c.want == "" && (len(got) != 1 || !strings.Contains(why, c.refusal)):
			t.Errorf("%s: %q (%s), want it refused: %s", c.run, got, why, c.refusal)
		}
	}
	// Columns that are not the year's and the cumulative one bind nothing.
	if got, why, _ := splitFigures("115", []string{"government", "departments"}); len(got) != 1 || !strings.Contains(why, "2 splits fit") {
		t.Errorf("115 under two columns no identity binds: %q (%s)", got, why)
	}
}

func TestCutFiguresRefusesAnAmbiguousEnumerator(t *testing.T) {
	// After a row numbered 10, the next may be 11 (a sibling) or 1 (a
	// first sub-row): 3511. is 35|11. or 351|1..
	f := cutFigures([]rune("件3511.当面申请数件2"), 0, isUnit, 10)
	if f.refused == "" || !strings.Contains(f.refused, "11 or 1") {
		t.Errorf("3511. after row 10: %+v, want it refused", f)
	}
	// After row 1 the number is 2 or 1, and only one ends the run.
	f = cutFigures([]rune("件352.当面申请数"), 0, isUnit, 1)
	if f.refused != "" || strings.Join(f.runs, "|") != "35" || f.next != 2 {
		t.Errorf("352. after row 1: %+v, want 35 and row 2", f)
	}
	// Units after the figures separate them; the number after the last
	// unit is the next row's.
	f = cutFigures([]rune("2949条81916条2、政府公报公开数"), 0, isUnit, 1)
	if strings.Join(f.runs, "|") != "2949|81916" || f.unit != "条" || f.next != 2 {
		t.Errorf("units after figures: %+v", f)
	}
}

func TestRefusedRowIsUnplaced(t *testing.T) {
	obs := []gongkai.Observation{{Indicator: "requests.received", Label: "收到申请数", Raw: "351"},
		{Indicator: "requests.completed", Label: "申请办结数", Raw: "3"}}
	kept, unplaced := refuseRows(obs, nil, map[string]string{"收到申请数": "the figures 3511 end in the next row's number, 11 or 1"})
	if len(kept) != 1 || kept[0].Label != "申请办结数" || len(unplaced) != 1 || !strings.Contains(unplaced[0].Reason, "11 or 1") {
		t.Errorf("kept %+v, unplaced %+v", kept, unplaced)
	}
}

// TestColumnKindsOfComparedYears: of several columns headed by a year, the
// latest is the year's; none is when another column is named the year's
// or the latest year is printed twice.
func TestColumnKindsOfComparedYears(t *testing.T) {
	cat := catalog.MustLoad()
	for _, c := range []struct{ headers, want []string }{
		{[]string{"2015年度", "历年累计"}, []string{"total", "cumulative"}},
		{[]string{"2014年度", "2015年度"}, []string{"", "total"}},
		{[]string{"2015年", "2014年"}, []string{"total", ""}},
		{[]string{"本年度", "2014年度"}, []string{"total", ""}},
		{[]string{"2015年度", "2015年度"}, []string{"", ""}},
	} {
		if got := columnKinds(c.headers, cat); !slices.Equal(got, c.want) {
			t.Errorf("columnKinds(%q) = %q, want %q", c.headers, got, c.want)
		}
	}
}
