package ingest

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Reports that print a mark (—, /) in every empty cell still print one
// cell a column: under a header that cannot be read, the form's order
// places them when each block's figures add up to its 总计 (a mark adds
// nothing), and refuses them when they do not.

func TestTable4MarksPlacedByFormOrder(t *testing.T) {
	rows := damagedTable3(t, 2, gongkai.Template2021)
	cells := []string{"2", "1", "3", "1", "7", "—", "—", "—", "—", "—", "13", "2", "4", "/", "19"}
	r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)+shreddedTable4Line(strings.Join(cells, "    "))))
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"upheld", "corrected", "other", "pending", "total"}
	blocks := []string{"reconsiderations", "lawsuits.direct", "lawsuits.after_reconsideration"}
	var cases []cellCase
	for i, c := range cells {
		value := c
		if _, err := strconv.Atoi(c); err != nil {
			value = "null"
		}
		cases = append(cases, cellCase{indicator: blocks[i/5] + "." + order[i%5], breakdown: "total",
			value: value, raw: c, flags: []string{gongkai.FlagPlacedByFormOrder}})
	}
	checkCells(t, r, cases)
}

func TestTable4MarksRefused(t *testing.T) {
	rows := damagedTable3(t, 2, gongkai.Template2021)
	for name, cells := range map[string][]string{
		"a block that does not add up":       {"2", "1", "3", "1", "8", "—", "—", "—", "—", "—", "13", "2", "4", "—", "19"},
		"a mark for a total beside a figure": {"2", "1", "3", "1", "7", "—", "5", "—", "—", "—", "13", "2", "4", "—", "19"},
		"a cell short":                       {"2", "1", "3", "1", "7", "—", "—", "—", "—", "13", "2", "4", "—", "19"},
	} {
		t.Run(name, func(t *testing.T) {
			r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)+shreddedTable4Line(strings.Join(cells, "    "))))
			if err != nil {
				t.Fatal(err)
			}
			if hasObs(r, "reconsiderations.upheld", "total") || hasObs(r, "lawsuits.after_reconsideration.total", "total") {
				t.Error("table 4 placed by the form's order although its cells do not fit it")
			}
			if !unplacedBecause(r, "行政复议", "not every cell is a printed figure or a mark") {
				t.Errorf("table 4 not unplaced with the reason: %+v", r.Unplaced)
			}
		})
	}
}

// markedRow prints the row of indicator in text with a mark in each of its
// empty cells; total, when not negative, replaces its 总计.
func markedRow(t *testing.T, text string, row damagedRow, total int) string {
	t.Helper()
	cells := make([]string, len(row.figures))
	zeros := 0
	for i, f := range row.figures {
		cells[i] = strconv.Itoa(f)
		if f == 0 {
			cells[i], zeros = "—", zeros+1
		}
	}
	if total >= 0 {
		cells[len(cells)-1] = strconv.Itoa(total)
	}
	printed := joinFigures(row.figures, "    ")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.Contains(l, row.label) && strings.HasSuffix(l, printed) && zeros > 0 && row.figures[len(row.figures)-1] != 0 {
			lines[i] = strings.TrimSuffix(l, printed) + strings.Join(cells, "    ")
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("row %s (%v) cannot be marked in the text", row.label, row.figures)
	return ""
}

func TestTable3MarksPlacedByFormOrder(t *testing.T) {
	rows := damagedTable3(t, 5, gongkai.Template2021)
	var row damagedRow
	others := slices.Clone(rows)
	for i, r := range rows {
		if r.indicator == "requests.refused.state_secret" {
			row, others[i].figures = r, nil
		}
	}
	r, err := Parse("pdftotext.txt", []byte(markedRow(t, pdfLayout(rows), row, -1)))
	if err != nil {
		t.Fatal(err)
	}
	noUnplaced(t, r)
	if found, want := checkTable3(t, r, others, gongkai.FlagPlacedByFormOrder), 7*printedRows(others); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	var cases []cellCase
	for i, f := range row.figures {
		c := cellCase{indicator: row.indicator, breakdown: applicantKeys[i], value: strconv.Itoa(f),
			flags: []string{gongkai.FlagPlacedByFormOrder}}
		if f == 0 {
			c.value, c.raw = "null", "—"
		}
		cases = append(cases, c)
	}
	checkCells(t, r, cases)

	// The same row with a 总计 that its figures do not make: refused.
	r, err = Parse("pdftotext.txt", []byte(markedRow(t, pdfLayout(rows), row, row.figures[6]+1)))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.refused.state_secret", "natural_person") {
		t.Error("a row of marks placed by the form's order although it does not add up")
	}
	if !unplacedBecause(r, "属于国家秘密", "not plain figures") {
		t.Errorf("属于国家秘密 not unplaced with the reason: %+v", r.Unplaced)
	}
}
