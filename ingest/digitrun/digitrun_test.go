package digitrun

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// row3 is a row of table 3: six applicant columns and their total.
var row3 = []Group{{Cells: 7, TotalLast: true}}

// table4 is the one data row of table 4: three blocks of five cells, each
// with its total last.
var table4 = []Group{{Cells: 5, TotalLast: true}, {Cells: 5, TotalLast: true}, {Cells: 5, TotalLast: true}}

func TestSplitUnique(t *testing.T) {
	cases := []struct {
		name   string
		run    string
		groups []Group
		want   []string
	}{
		{"applications received, Pingtan 2024", "21710000218", row3, []string{"217", "1", "0", "0", "0", "0", "218"}},
		{"a row of zeros", "0000000", row3, []string{"0", "0", "0", "0", "0", "0", "0"}},
		{"carried forward with two columns", "4200006", row3, []string{"4", "2", "0", "0", "0", "0", "6"}},
		{"a space the export kept is a cut", "500000 5", row3, []string{"5", "0", "0", "0", "0", "0", "5"}},
		{"table 4, Pingtan 2021", "10203120001200000", table4,
			[]string{"1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"}},
		{"table 4, Pingtan 2024", "21317000001324019", table4,
			[]string{"2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"}},
		{"three columns of one digit each, no identity", "000", []Group{{Cells: 3}}, []string{"0", "0", "0"}},
		{"no figure starts with 0", "1000", []Group{{Cells: 3}}, []string{"10", "0", "0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Split(c.run, c.groups)
			if err != nil {
				t.Fatal(err)
			}
			got, err := res.Unique()
			if err != nil {
				t.Fatalf("%v; splits %v", err, res.Splits)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("split %v, want %v", got, c.want)
			}
		})
	}
}

func TestSplitRefuses(t *testing.T) {
	cases := []struct {
		name   string
		run    string
		groups []Group
		want   error
		splits int
	}{
		// 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30 both add up: the row alone
		// cannot tell, only the column sums of the table can.
		{"two splits add up, Pingtan 2021 予以公开", "270020130", row3, ErrAmbiguous, 2},
		{"three columns with no identity", "693665", []Group{{Cells: 3}}, ErrAmbiguous, 0},
		{"the total is not the sum of any split", "1111111", row3, ErrNoSplit, 0},
		{"fewer digits than cells", "00000", row3, ErrNoSplit, 0},
		// 1|5|06 adds up, but no report prints 06.
		{"only a figure with a leading zero adds up", "1506", []Group{{Cells: 3, TotalLast: true}}, ErrNoSplit, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Split(c.run, c.groups)
			if err != nil {
				t.Fatal(err)
			}
			_, err = res.Unique()
			if !errors.Is(err, c.want) {
				t.Fatalf("error %v, want %v; splits %v", err, c.want, res.Splits)
			}
			if c.splits > 0 && len(res.Splits) != c.splits {
				t.Errorf("%d splits, want %d: %v", len(res.Splits), c.splits, res.Splits)
			}
		})
	}
}

func TestSplitBadRuns(t *testing.T) {
	for _, run := range []string{"", "12a4", "24252.31"} {
		if _, err := Split(run, row3); !errors.Is(err, ErrNotDigits) {
			t.Errorf("%q: error %v, want ErrNotDigits", run, err)
		}
	}
	long := "1234567890123456789012345678901234567890123456789"
	if _, err := Split(long, row3); !errors.Is(err, ErrTooLong) {
		t.Errorf("a run of %d digits: error %v, want ErrTooLong", len(long), err)
	}
}

// BenchmarkSplitLongRow splits a table-3 row of seven four-digit figures,
// about the longest a report prints.
func BenchmarkSplitLongRow(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Split("1234100010001000100010007234", row3); err != nil {
			b.Fatal(err)
		}
	}
}

func TestAgreed(t *testing.T) {
	// 1702 under three columns no identity binds: 1|70|2 and 17|0|2 both
	// fit, and both give the last cell 2.
	res, err := Split("1702", []Group{{Cells: 3}})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := res.Agreed()
	if !ok || strings.Join(got, "|") != "||2" {
		t.Errorf("1702: %q %v, want only the last cell agreed, 2", got, ok)
	}
	// One split: nothing to agree on, the split itself is the answer.
	res, _ = Split("000", []Group{{Cells: 3}})
	if _, ok := res.Agreed(); ok {
		t.Error("000: agreement reported for a run with one split")
	}
	// 12345 under two columns: 1|2345, 12|345, 123|45, 1234|5 share no cell.
	res, _ = Split("12345", []Group{{Cells: 2}})
	if got, ok := res.Agreed(); !ok || strings.Join(got, "|") != "|" {
		t.Errorf("12345: %q %v, want no cell agreed", got, ok)
	}
}

func TestSignOpensACell(t *testing.T) {
	// 39 +110 under three columns: the sign opens a cell, which keeps
	// it (which column takes signs is the caller's to say).
	res, err := Split("39 +110", []Group{{Cells: 3}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Splits {
		got = append(got, strings.Join(s, "|"))
	}
	if strings.Join(got, ", ") != "3|9|+110, 39|+1|10, 39|+11|0" {
		t.Errorf("39 +110: %v", got)
	}
	res, _ = Split("29 -3", []Group{{Cells: 2}})
	if parts, err := res.Unique(); err != nil || strings.Join(parts, "|") != "29|-3" {
		t.Errorf("29 -3: %v %v", parts, err)
	}
	// A sign inside a run, or under a total, is no cut the page printed.
	for _, c := range []struct {
		run    string
		groups []Group
	}{{"39+110", []Group{{Cells: 3}}}, {"1 +12", []Group{{Cells: 3, TotalLast: true}}}} {
		if _, err := Split(c.run, c.groups); !errors.Is(err, ErrNotDigits) {
			t.Errorf("%s: %v, want %v", c.run, err, ErrNotDigits)
		}
	}
}
