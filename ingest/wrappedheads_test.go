package ingest_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// A Word table printed by LibreOffice and taken out by pdftotext -layout
// (testdata/pdftext/fresh/s26-form2021-docx.layout.txt): table 2's block
// labels (第二十 / 条第 / （一） / 项), its headers' first cell (信息内 / 容) and
// its rows' labels (行政规 7 17 5 / 范性文 / 件) are wrapped a few characters a
// line in their narrow cells, the figures on the first line.
func readFresh2021Layout(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "fresh", "s26-form2021-docx.layout.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// proactiveFigures is the figures of table 2 by label and column, with
// whether each was placed by the form's order.
func proactiveFigures(r *gongkai.Report) map[string]float64 {
	out := map[string]float64{}
	for _, o := range r.Observations {
		if o.Value != nil && (strings.HasPrefix(o.Indicator, "regulations.") || strings.HasPrefix(o.Indicator, "normative_documents.") || strings.HasPrefix(o.Indicator, "fees.")) {
			out[o.Label+"|"+deref(o.Column)] = *o.Value
		}
	}
	return out
}

func TestWrappedBlockHeadsAndLabels(t *testing.T) {
	r, err := ingest.Parse("s26-form2021-docx.layout.txt", []byte(readFresh2021Layout(t)))
	if err != nil {
		t.Fatal(err)
	}
	got := proactiveFigures(r)
	want := map[string]float64{
		"规章|本年制发件数": 1, "规章|本年废止件数": 46, "规章|现行有效件数": 5,
		"行政规范性文件|本年制发件数": 7, "行政规范性文件|本年废止件数": 17, "行政规范性文件|现行有效件数": 5,
		"行政事业性收费|本年收费金额（单位：万元）": 17.12,
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s = %v (read: %v), want %v", k, g, ok, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("table 2 read %v, want only %v", got, want)
	}
}

// Without its header, the first block's three figures fit both forms'
// columns. The report's other tables tell its form (the headers of
// （五）（六）（八） and table 3's three 其他处理 rows all the 2021 form's): the
// report is read again with the block's columns the 2021 form's, flagged.
func TestFormHintPlacesHeaderlessBlock(t *testing.T) {
	text := strings.Replace(readFresh2021Layout(t), "信息内      本年制   本年废      现行有\n容        发件数   止件数      效件数\n", "信息内\n容\n", 1)
	r, err := ingest.Parse("noheader.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Label == "规章" && deref(o.Column) == "本年废止件数" {
			if *o.Value != 46 || !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
				t.Errorf("规章 本年废止件数 = %v %v, want 46 placed_by_form_order", *o.Value, o.Flags)
			}
			return
		}
	}
	t.Errorf("规章 本年废止件数 not read; unplaced: %v", r.Unplaced)
}

// The form is not certain when table 2's headers tell both (（五）'s header
// printed in the 2019 form's words), nor when the row's figures stand each
// on a line of its own (plain pdftotext, where a row's figures may print
// before its label): the block's rows stay unplaced.
func TestFormHintRefuses(t *testing.T) {
	base := strings.Replace(readFresh2021Layout(t), "信息内      本年制   本年废      现行有\n容        发件数   止件数      效件数\n", "信息内\n容\n", 1)
	cases := map[string]string{
		"headers tell both forms": strings.Replace(base, "信息内      本年处理决定数量\n容\n行政许      56", "信息内      上一年项目数量  本年增/减  处理决定数量\n容\n行政许      56", 1),
		"figures a line each":     strings.Replace(base, "规章       1     46       5\n", "规章\n1\n46\n5\n", 1),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			if text == base {
				t.Fatal("the text was not changed")
			}
			r, err := ingest.Parse("noheader.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Observations {
				if o.Label == "规章" {
					t.Errorf("规章 placed: %s = %v %v", deref(o.Column), *o.Value, o.Flags)
				}
			}
			for _, u := range r.Unplaced {
				if u.Label == "规章" && strings.Contains(u.Reason, "fit both formats") {
					return
				}
			}
			t.Errorf("规章 not unplaced for both formats: %v", r.Unplaced)
		})
	}
}
