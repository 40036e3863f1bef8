package ingest

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer (markitdown's PDF engine) prints each page of table 3 as its
// rows' labels, then their figures a column at a time:
// huaian-hongze-2023.pdfminer.txt prints page 2's 14 rows with 总计's
// column before 其他's, and page 3's 9 rows with its columns in the
// form's order. Each page is a block read column by column, 总计 placed
// by I2 and the pages tied by I1 and I3 (columnmajor.go in ingest/form).
// The tests below rewrite page 3's figures, a column a line here, to
// break the one reading.

const pdfminerFixture = "huaian-hongze-2023.pdfminer.txt"

// pdfminerText is the fixture with page 3's 63 figures of table 3
// (between 四、结转下年度继续办理 and table 4's title) replaced by columns,
// each the figures of the page's nine rows, printed in turn.
func pdfminerText(t *testing.T, columns ...[]int) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", "real", pdfminerFixture))
	start := strings.Index(text, "四、结转下年度继续办理\n")
	end := strings.Index(text, "四、政府信息公开行政复议")
	if start < 0 || end < start {
		t.Fatal("the fixture no longer prints page 3 of table 3 as expected")
	}
	var b strings.Builder
	b.WriteString("四、结转下年度继续办理\n\n")
	for _, col := range columns {
		for _, v := range col {
			fmt.Fprintf(&b, "%d\n", v)
		}
		b.WriteString("\n")
	}
	return text[:start] + b.String() + text[end:]
}

// page3 is page 3's column of the rows (四)3 … 四、结转下年度继续办理 for
// 自然人 (and 总计) as the report prints it, and a column of zeros.
var (
	page3Figures = []int{0, 1, 0, 0, 0, 0, 0, 21, 0}
	page3Zeros   = make([]int, 9)
)

// tableThreePlacedByOrder is the figures of table 3 placed by the form's order.
func tableThreePlacedByOrder(r *gongkai.Report) []gongkai.Observation {
	var out []gongkai.Observation
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "requests.") && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			out = append(out, o)
		}
	}
	return out
}

func TestColumnMajorPagesPlaced(t *testing.T) {
	z := page3Zeros
	r := parseText(t, pdfminerFixture, pdfminerText(t, page3Figures, z, z, z, z, z, page3Figures))
	order := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		// page 2: 总计's column printed sixth, 其他's last
		{indicator: "requests.received", breakdown: "natural_person", value: "21", flags: order},
		{indicator: "requests.received", breakdown: "other_org", value: "0", flags: order},
		{indicator: "requests.received", breakdown: "total", value: "21", flags: order},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "10", flags: order},
		// page 3: the form's order
		{indicator: "requests.answered", breakdown: "natural_person", value: "21", flags: order},
		{indicator: "requests.answered", breakdown: "total", value: "21", flags: order},
		{indicator: "requests.carried_forward", breakdown: "total", value: "0", flags: order},
	})
	if n := len(tableThreePlacedByOrder(r)); n != 23*7 {
		t.Errorf("%d figures of table 3 placed by the order, want 161", n)
	}
}

func TestColumnMajorRefusals(t *testing.T) {
	z := page3Zeros
	answered22 := []int{0, 1, 0, 0, 0, 0, 0, 22, 0}
	for _, tc := range []struct {
		name    string
		columns [][]int
	}{
		// （七）总计 adds up in its row (I2), but is not the sum of the
		// outcome rows (I3) in any reading
		{"the identities fail", [][]int{answered22, z, z, z, z, z, answered22}},
		// page 3 prints 总计's column sixth, as page 2 does: read so, 自然人
		// holds every figure; read with 总计 first on both pages, 法律服务机构
		// does, and the identities hold both ways
		{"two readings pass", [][]int{page3Figures, z, z, z, z, page3Figures, z}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, pdfminerFixture, pdfminerText(t, tc.columns...))
			if placed := tableThreePlacedByOrder(r); len(placed) > 0 {
				t.Errorf("%d figures of table 3 placed by the order, want none; first %+v", len(placed), placed[0])
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "requests.") {
					t.Errorf("figure of table 3 read: %s [%s] = %s", o.Indicator, o.Breakdown, o.Raw)
				}
			}
			if len(r.Unplaced) == 0 {
				t.Error("nothing unplaced: the rows must be unplaced with the reason")
			}
		})
	}
}

// pdfminer prints a block of table 2 as its rows' labels, then their
// figures. In a block of one column the figures read down are the rows'
// in turn; in a block of three, reading across and reading down differ
// (0 0 0 5 0 5: 规章 0 0 0 or 0 0 5) and no identity tells which, so the
// rows stay unread; one figure too many places nothing.
func TestLabelsThenFigures(t *testing.T) {
	const head = "二、主动公开政府信息情况\n\n第二十条第（一）项\n\n信息内容\n\n本年制发件数 本年废止件数 现行有效件数\n\n规章\n\n行政规范性文件\n\n0\n\n0\n\n0\n\n5\n\n0\n\n5\n\n" +
		"第二十条第（六）项\n\n信息内容\n\n本年处理决定数量\n\n行政处罚\n\n行政强制\n\n"
	const tail = "第二十条第（八）项\n\n信息内容\n\n本年收费金额（单位：万元）\n\n行政事业性收费 7730.28\n"
	r, err := Parse("pdfminer.txt", []byte(head+"4119\n\n195\n\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	for indicator, want := range map[string]float64{"penalties.decisions": 4119, "enforcement.decisions": 195} {
		if o := obs(t, r, indicator, "total"); *o.Value != want || !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			t.Errorf("%s = %v %v, want %v placed by the form's order", indicator, *o.Value, o.Flags, want)
		}
	}
	for _, indicator := range []string{"regulations.issued", "normative_documents.issued"} {
		if hasObs(r, indicator, "total") {
			t.Errorf("%s read from a block of three columns printed apart", indicator)
		}
	}
	r, err = Parse("pdfminer.txt", []byte(head+"4119\n\n195\n\n7\n\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "penalties.decisions", "total") || hasObs(r, "enforcement.decisions", "total") {
		t.Error("three figures under two labels placed")
	}
}
