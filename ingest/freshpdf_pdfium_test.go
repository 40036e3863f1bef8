package ingest

import (
	"path/filepath"
	"testing"
)

// freshPDFs are synth's reports printed to PDF the two ways governments
// print them (scripts/pdftext-fresh.sh -pdf, seed 21): the Word file through
// LibreOffice (word), the web page through Chrome (chrome). The reader was
// not made on them. found is the figures found now (-1: all; 0: refused),
// known the figures wrong or invented now: both may only improve.
//
// What they showed in session 8: LibreOffice prints synth's Word tables
// (no column widths) with a label column three characters wide, each label
// of table 3 wrapped over lines beside its row's figures. Before the rule
// of form/tworows.go (innerRowNumberReason) the word PDFs gave 12 wrong
// and 91 invented figures a file: labels joined across rows
// (行政执法案卷8.属于行政查) placed under the row their words matched best,
// or as rows the report adds. LibreOffice sets each cell's text at the
// top: a label's lines below its figures were given to the nearest row,
// often the next (（七）总计's 总计 to 四、结转下年度继续办理, whose zeros
// were read as 总计's); they are the row above's now in such a table
// (source/pdf/topaligned.go): 2019 37 -> 163 found, 7 wrong -> 0; 2021
// 33 -> 173, 10 -> 3. The last three: 行政规 (行政规范性文件 cut) read as
// a row the report adds; a label that starts a form row's wording is a
// piece of that row now (form/row.go, wrappedFrom), and unplaced.
//
// Session 9: table 2's blocks of one or two rows (too few numbers) show
// by their header that LibreOffice sets their text at the top (header
// cells of unequal length opening on one line), and the last row's label
// wrapped below its figures (四、结 / 转下年 / 度继续 / 办理) is the row's
// down to its first line short of the column's width: 2019 163 -> 179,
// 2021 173 -> 181, 0 wrong; a last row printed a line below the row
// before whose label goes on below its figures shows it too (规章, then
// 行政规 / 范性文 / 件): 2021 181 -> 184. Four figures of table 4 (2019's
// and 2021's) are not printed at all: LibreOffice cut the table at the
// page's edge. The legacy table (synth2014-word), refused before, reads
// 75/76: a numbered label line between its rows, above a row that opens
// its own label with a number, is a heading row (二、回应解读情况), not a
// centred label's first line, and the table is taken as set at the top.
// A header piece over one of two columns (项目数, wider than half their
// pitch) is no heading over the table: 2019 179 -> 181 (行政事业性收费).
// A sum printed with its unit (18.7万元) is a figure of the table's row:
// 2019 181 -> 183 (政府集中采购), 2021 184 -> 185 (本年收费金额).
//
// Chrome prints synth's tables with their cells apart: two walls 2.25
// points apart between each two columns. Taken one by one they made a
// sliver column right of each (75 invented in the legacy table, 17 of 200
// found in 2021's); they are one border now (joinSpacedWalls), and the
// wall between two cells parts figures set closer than a cell gap (其他 10
// and 总计 485 of （七）总计 read as 10485).
var freshPDFs = []struct {
	file         string
	found, known int
}{
	{"synth2014-chrome.pdf", 75, 0},
	{"synth2014-word.pdf", 75, 0},
	{"synth2019-chrome.pdf", -1, 0},
	{"synth2019-word.pdf", 193, 0},
	{"synth2021-chrome.pdf", -1, 0},
	{"synth2021-word.pdf", 195, 0},
}

func TestFreshPDFs(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdf", "fresh")
	for _, fp := range freshPDFs {
		t.Run(fp.file, func(t *testing.T) {
			ratchetTruthFile(t, dir, fp.file, fp.found, fp.known)
		})
	}
}
