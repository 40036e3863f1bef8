package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// pdfminer's text of a Word print (held-out report 22 of
// scripts/heldout.py --seed 2012 --reports 60) prints table 2's label
// column apart from its figures: 行政强 / 制 / 第二十 / 条第 / （八） / 项 /
// 信息内 / 容 / 行政事 14.51 万元. The pieces ran together into one label
// that read as 行政强制, which took the fee, 14.51 万元. A label holding
// another block's heading after its start is no row's (form/row.go,
// blockHeadingInside): the figure is not placed.
func TestLabelRunIntoBlockHeading(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho2012-22.word.pdfminer.txt"
	data := readText(t, filepath.Join(dir, file))
	if !strings.Contains(data, "行政事 14.51 万元") {
		t.Fatal("the fixture changed")
	}
	if _, err := Parse(file, []byte(data)); err == nil || !strings.Contains(err.Error(), "hold no figure") {
		t.Errorf("want the tables refused as holding no figure of the form, got %v", err)
	}
}
