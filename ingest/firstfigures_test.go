package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// chromePlainTail is plain pdftotext of pingtan-2021's Chromium print with
// the part of table 3 from （六）3.其他 to table 4 replaced by tail, and
// （六）2. printing two figures, which ends the rows before it.
func chromePlainTail(t *testing.T, tail string) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.plain.txt"))
	const second = "费用、行政机关不 0\n"
	if !strings.Contains(text, second) {
		t.Fatalf("the fixture no longer prints %q", second)
	}
	text = strings.Replace(text, second, "费用、行政机关不 0 0\n", 1)
	from, to := strings.Index(text, "3.其他\n"), strings.Index(text, "四、政府信息公开行政复议")
	if from < 0 || to < from {
		t.Fatalf("the fixture no longer prints 3.其他 before table 4")
	}
	return text[:from] + tail + text[to:]
}

// figuresALine prints each figure of figures (space-separated) on a line
// of its own, a blank line after each, as plain pdftotext prints them.
func figuresALine(figures string) string {
	return strings.Join(strings.Fields(figures), "\n\n") + "\n\n"
}

// Chromium's print of table 3, taken out by plain pdftotext, prints each
// row's 自然人 beside its label and the other six columns of those rows
// after the last, row by row (3.其他 / 1 / （七）总计 / 63 / 四、结转下年度
// 继续办理 / 1 / 1. / sixty figures): each row takes its first figure and
// six of the run in turn, when every row adds up (form/firstfigures.go).
func TestFirstFiguresThenRowsReal(t *testing.T) {
	r := parseText(t, "plain.txt", readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.plain.txt")))
	placed := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.answered", breakdown: "natural_person", value: "63", flags: placed},
		{indicator: "requests.answered", breakdown: "public_interest_org", value: "2", flags: placed},
		{indicator: "requests.answered", breakdown: "other_org", value: "4", flags: placed},
		{indicator: "requests.answered", breakdown: "total", value: "69", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "total", value: "1", flags: placed},
		{indicator: "requests.other_handling.other", breakdown: "natural_person", value: "1", flags: placed},
		{indicator: "requests.other_handling.other", breakdown: "total", value: "1", flags: placed},
		{indicator: "requests.not_processed.petition", breakdown: "total", value: "0", flags: placed},
	})
}

// The same rows cut short: a chain of two rows (3.其他 printing two
// figures starts it anew after itself) takes twelve figures.
func TestFirstFiguresThenRows(t *testing.T) {
	tail := "3.其他\n1 1\n（七）总计\n63\n四、结转下年度继续办理\n1\n1.\n\n"
	r := parseText(t, "plain.txt", chromePlainTail(t, tail+figuresALine("0 0 2 0 4 69 0 0 0 0 0 1")))
	placed := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.answered", breakdown: "natural_person", value: "63", flags: placed},
		{indicator: "requests.answered", breakdown: "commercial_enterprise", value: "0", flags: placed},
		{indicator: "requests.answered", breakdown: "public_interest_org", value: "2", flags: placed},
		{indicator: "requests.answered", breakdown: "total", value: "69", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "natural_person", value: "1", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "other_org", value: "0", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "total", value: "1", flags: placed},
	})
}

// A run of fewer rows than the chain holds the last rows': （六）3.其他,
// printed with its first figure alone, may have printed its six in an
// earlier run; read so only when the run read as the six of rows begun
// earlier or later fits no row otherwise (63 | 0 0 2 0 4 69 is （七）'s
// only).
func TestFirstFiguresThenRowsLastOfChain(t *testing.T) {
	tail := "3.其他\n1\n（七）总计\n63\n四、结转下年度继续办理\n1\n1.\n\n"
	r := parseText(t, "plain.txt", chromePlainTail(t, tail+figuresALine("0 0 2 0 4 69 0 0 0 0 0 1")))
	placed := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.answered", breakdown: "natural_person", value: "63", flags: placed},
		{indicator: "requests.answered", breakdown: "total", value: "69", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "total", value: "1", flags: placed},
	})
}

// Chromium prints other columns first as the page's markup groups them
// (要求提供公开出 0 0 6 0 4 / … / 1. / 20 72 0 114 …): rows printing the
// same count of figures beside their labels, then the rest of each row,
// are read alike.
func TestFirstFiguresThenRowsTwoFirst(t *testing.T) {
	tail := "3.其他\n1 0\n（七）总计\n63 0\n四、结转下年度继续办理\n1 0\n1.\n\n"
	r := parseText(t, "plain.txt", chromePlainTail(t, tail+figuresALine("0 0 0 0 1 0 2 0 4 69 0 0 0 0 1")))
	placed := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.other_handling.other", breakdown: "natural_person", value: "1", flags: placed},
		{indicator: "requests.other_handling.other", breakdown: "total", value: "1", flags: placed},
		{indicator: "requests.answered", breakdown: "natural_person", value: "63", flags: placed},
		{indicator: "requests.answered", breakdown: "public_interest_org", value: "2", flags: placed},
		{indicator: "requests.answered", breakdown: "total", value: "69", flags: placed},
		{indicator: "requests.carried_forward", breakdown: "total", value: "1", flags: placed},
	})
}

// Where the rule refuses, the rows of the chain and the run are placed by
// no reading of it: a row that does not add up, a run one figure short,
// a run that adds up read a column at a time too with other figures, or
// as other rows' six, a row of the form between the chain's rows not
// read.
func TestFirstFiguresThenRowsRefused(t *testing.T) {
	cases := []struct {
		name, tail string
	}{
		{"a row does not add up", "3.其他\n1 1\n（七）总计\n63\n四、结转下年度继续办理\n1\n1.\n\n" + figuresALine("0 0 2 0 4 68 0 0 0 0 0 1")},
		{"a figure short", "3.其他\n1 1\n（七）总计\n63\n四、结转下年度继续办理\n1\n1.\n\n" + figuresALine("0 0 2 0 4 69 0 0 0 0 1")},
		// Row by row: 0 | 0 0 0 0 1 1 twice; a column at a time: 0 | 0 0 1 0 0 1 twice.
		{"read a column at a time too", "3.其他\n1 1\n（七）总计\n0\n四、结转下年度继续办理\n0\n1.\n\n" + figuresALine("0 0 0 0 1 1 0 0 0 0 1 1")},
		// Read as （六）3.其他's and （七）'s six, the run adds up too (each
		// row's first 0): which rows it holds is not certain.
		{"another window fits", "3.其他\n0\n（七）总计\n0\n四、结转下年度继续办理\n0\n1.\n\n" + figuresALine("0 0 0 0 1 1 0 0 0 1 0 1")},
		// （七）总计 prints one figure beside its label, the rows around it two.
		{"other counts beside the labels", "3.其他\n1 0\n（七）总计\n63\n四、结转下年度继续办理\n1 0\n1.\n\n" + figuresALine("0 0 0 0 1 0 2 0 4 69 0 0 0 0 1")},
		// （七）总计 printed with no figure between （六）3.其他 and 四: 四 is
		// not the row after the chain's last.
		{"a row between with no figure", "3.其他\n1\n（七）总计\n四、结转下年度继续办理\n1\n1.\n\n" + figuresALine("0 0 0 0 0 1 0 0 0 0 0 1")},
	}
	for _, c := range cases {
		r := parseText(t, "plain.txt", chromePlainTail(t, c.tail))
		for _, o := range r.Observations {
			switch o.Indicator {
			case "requests.answered", "requests.carried_forward", "requests.other_handling.other":
				t.Errorf("%s: %s [%s] = %s placed", c.name, o.Indicator, o.Breakdown, o.Raw)
			}
		}
	}
}
