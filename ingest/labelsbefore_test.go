package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Chromium's print of pingtan-2021, taken out by plain pdftotext, prints
// the labels of table 2's rows first (信息内容 / 行政许可 / 信息内容 / 行政处罚
// / 行政强制 / …) and each block's heading, header and figures after them
// (第二十条第（六）项 / 本年处理决定数量 / 1282 / 42): a block of one column
// gives its figures, read down, to the rows read before them with no cell
// (form/labelsbefore.go).
func TestLabelsBeforeHeading(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.plain.txt"))
	r := parseText(t, "plain.txt", text)
	placed := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "licensing.decisions", breakdown: "total", value: "2293", flags: placed},
		{indicator: "penalties.decisions", breakdown: "total", value: "1282", flags: placed},
		{indicator: "enforcement.decisions", breakdown: "total", value: "42", flags: placed},
	})
	// 规章 / 行政规范性文件 then 0 0 0 69 3 665 under three columns: read
	// across or down, other figures; nothing tells which.
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "regulations.") || strings.HasPrefix(o.Indicator, "normative_documents.") {
			t.Errorf("%s = %s placed from a block of three columns", o.Indicator, o.Raw)
		}
	}
}

// Where the rule refuses, the block's figures stay unplaced: a figure
// short of the rows read, the rows' labels printed out of the form's
// order, a header of three columns (the 2019 form's) over as many
// figures as rows.
func TestLabelsBeforeHeadingRefused(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.plain.txt"))
	cases := []struct{ name, from, to string }{
		{"a figure short", "本年处理决定数量\n1282\n42\n", "本年处理决定数量\n1282\n"},
		{"labels out of order", "行政处罚\n行政强制\n", "行政强制\n行政处罚\n"},
		{"a header of three columns", "第二十条第（六）项\n本年处理决定数量\n", "第二十条第（六）项\n上一年项目数量 本年增/减 处理决定数量\n"},
	}
	for _, c := range cases {
		if !strings.Contains(text, c.from) {
			t.Fatalf("%s: the fixture no longer prints %q", c.name, c.from)
		}
		r := parseText(t, "plain.txt", strings.Replace(text, c.from, c.to, 1))
		for _, o := range r.Observations {
			if o.Indicator == "penalties.decisions" || o.Indicator == "enforcement.decisions" {
				t.Errorf("%s: %s = %s placed", c.name, o.Indicator, o.Raw)
			}
		}
	}
}
