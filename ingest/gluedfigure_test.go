package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer prints a figure that shares its row's baseline on the line of
// the row's label (`3.危及“三安全一稳定” 0`) and the others one a line,
// in reading order. The form's order places such text when the figure on
// a label's line is placed in that label's row (form/gluedfigure.go);
// TestReadingOrderRefusals has the text whose glued figure is another row's.

func TestGluedFigurePlacedInItsRow(t *testing.T) {
	// 859 is the first figure of 6.属于四类过程性信息 in the fixture
	r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"6.属于四类过程性信息\n\n859\n", "6.属于四类过程性信息 859\n"}))
	for _, c := range []cellCase{
		{indicator: "requests.refused.process_information", breakdown: "natural_person", value: "859"},
		{indicator: "requests.refused.process_information", breakdown: "total", value: "1158"},
		{indicator: "requests.received", breakdown: "natural_person", value: "1669", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "requests.carried_forward", breakdown: "total", value: "12", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "reconsiderations.corrected", breakdown: "total", value: "36", flags: []string{gongkai.FlagPlacedByFormOrder}},
	} {
		checkCells(t, r, []cellCase{c})
	}
}
