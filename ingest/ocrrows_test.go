package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR parts a row's number from its dot (`1 .本机关不掌握相关政府`, `5 .属于
// 三类内部事务信息`): the digit numbers the row, and is no figure of the row
// before (which would then print eight).
func TestOCRRowNumberSpacedDot(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	text := ocrCleanTable3(rows, nil)
	for _, n := range "12345678" {
		text = strings.ReplaceAll(text, "\n"+string(n)+".", "\n"+string(n)+" .")
	}
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	noUnplaced(t, r)
}

// A digit after a row's figures, before words that open no row of the form
// numbered so, is a figure: the row then prints eight and is unplaced,
// never read with the digit dropped as a row's number.
func TestOCRRowNumberSpacedDotRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == at {
			return append(figures, "9 .属于国家秘密")
		}
		return figures
	})))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Indicator == rows[at].indicator {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
	if !unplacedBecause(r, "属于国家秘密", "") {
		t.Errorf("row not unplaced: %+v", r.Unplaced)
	}
}
