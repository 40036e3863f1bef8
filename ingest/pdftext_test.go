package ingest

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Text taken from PDFs of tables whose figures are known
// (testdata/pdftext, made by scripts/pdftext-corpus.sh): each template's
// table printed to PDF as governments print it, then taken out with
// pdftotext -layout, plain pdftotext (reading order), pdftotext -raw,
// pdf.js (.pdfjs.txt: Firefox's viewer, Node's pdf-parse; .pdf2md.md:
// @opendocsg/pdf2md), pdfminer (.pdfminer.txt: markitdown's engine), PyMuPDF
// (.pymupdf.txt), and as OCR text (spaced labels, full-width digits, borders read as | or l),
// and the plain text with two blocks of table 3's rows printed column by
// column (.blocks.txt, as a viewer's copy of merged cells gives them).
// Every figure found must be the table's own, under its own row and
// column: none wrong, none invented. The number found may only go up.
var pdftextReports = []struct {
	file string
	// found is how many of the table's figures the parser must place; -1
	// means all of them; 0 that the file may still be refused.
	found int
	// defects is how many figures the parser still puts under a wrong row
	// or column, or invents: known defects, which may only go down.
	defects int
}{
	{"form2021-a.layout.txt", -1, 0},
	{"form2021-a.plain.txt", -1, 0},
	{"form2021-a.raw.txt", -1, 0},
	{"form2021-a.ocr.txt", -1, 0},
	{"form2021-a.blocks.txt", 193, 0},
	{"form2021-b.layout.txt", -1, 0},
	{"form2021-b.plain.txt", -1, 0},
	{"form2021-b.raw.txt", -1, 0},
	{"form2021-b.ocr.txt", 179, 0},
	{"form2021-b.blocks.txt", -1, 0},
	{"form2021-c.layout.txt", 193, 0},
	{"form2021-c.plain.txt", -1, 0},
	{"form2021-c.raw.txt", -1, 0},
	{"form2021-c.ocr.txt", 193, 0},
	{"form2021-c.blocks.txt", 193, 0},
	{"form2019-a.layout.txt", -1, 0},
	{"form2019-a.plain.txt", -1, 0},
	{"form2019-a.raw.txt", -1, 0},
	{"form2019-a.ocr.txt", 191, 0},
	{"form2019-a.blocks.txt", 191, 0},
	{"form2019-b.layout.txt", -1, 0},
	{"form2019-b.plain.txt", 192, 0},
	{"form2019-b.raw.txt", -1, 0},
	{"form2019-b.ocr.txt", -1, 0},
	{"form2019-b.blocks.txt", 192, 0},
	// The legacy texts: every figure, plain text by the form's order
	// (legacy/readingorder.go); c and d have other figures, d two rows
	// fewer.
	{"legacy2014-a.layout.txt", -1, 0},
	{"legacy2014-a.plain.txt", -1, 0},
	{"legacy2014-a.raw.txt", -1, 0},
	{"legacy2014-a.ocr.txt", -1, 0},
	{"legacy2014-b.layout.txt", -1, 0},
	{"legacy2014-b.plain.txt", -1, 0},
	{"legacy2014-b.raw.txt", -1, 0},
	{"legacy2014-b.ocr.txt", -1, 0},
	{"legacy2014-c.layout.txt", -1, 0},
	{"legacy2014-c.plain.txt", -1, 0},
	{"legacy2014-c.raw.txt", -1, 0},
	{"legacy2014-c.ocr.txt", -1, 0},
	{"legacy2014-d.layout.txt", -1, 0},
	{"legacy2014-d.plain.txt", -1, 0},
	{"legacy2014-d.raw.txt", -1, 0},
	{"legacy2014-d.ocr.txt", -1, 0},
	{"form2021-a.pdfjs.txt", -1, 0},
	{"form2021-b.pdfjs.txt", -1, 0},
	{"form2021-c.pdfjs.txt", -1, 0},
	{"form2019-a.pdfjs.txt", -1, 0},
	{"form2019-b.pdfjs.txt", -1, 0},
	// pdf.js parts the legacy table's pages inside a wrapped label
	// ((二)申请 件 13 / -- 7 of 13 -- / 办结数): read by the form's order.
	{"legacy2014-a.pdfjs.txt", -1, 0},
	{"legacy2014-b.pdfjs.txt", -1, 0},
	{"form2021-a.pdf2md.md", -1, 0},
	{"form2021-b.pdf2md.md", -1, 0},
	{"form2021-c.pdf2md.md", -1, 0},
	{"form2019-a.pdf2md.md", -1, 0},
	{"form2019-b.pdf2md.md", -1, 0},
	// pdfminer (markitdown's reading of a PDF) prints a page's labels,
	// then its figures column by column: the rows of table 3 on a page are
	// one block printed column by column (issue 9, open).
	{"form2021-a.pdfminer.txt", 74, 0},
	{"form2021-b.pdfminer.txt", 103, 0},
	{"form2021-c.pdfminer.txt", 19, 0},
	{"form2019-a.pdfminer.txt", 75, 0},
	{"form2019-b.pdfminer.txt", 89, 0},
	{"legacy2014-a.pdfminer.txt", -1, 0},
	{"legacy2014-b.pdfminer.txt", -1, 0},
	// PyMuPDF (fitz) get_text(): a cell a line, in row order.
	{"form2021-a.pymupdf.txt", -1, 0},
	{"form2021-b.pymupdf.txt", -1, 0},
	{"form2021-c.pymupdf.txt", -1, 0},
	{"form2019-a.pymupdf.txt", -1, 0},
	{"form2019-b.pymupdf.txt", -1, 0},
	{"legacy2014-a.pymupdf.txt", -1, 0},
	{"legacy2014-b.pymupdf.txt", -1, 0},
	// pdf2md runs the legacy table's cells together, spaces inside its
	// wrapped labels (主动公 开情况) and units before figures: a is refused
	// as holding no table with figures (issue 9, open); b is read, by its
	// labels and the form's order, which agree.
	{"legacy2014-a.pdf2md.md", 0, 0},
	{"legacy2014-b.pdf2md.md", -1, 0},
}

func TestPDFText(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext")
	for _, pr := range pdftextReports {
		t.Run(pr.file, func(t *testing.T) {
			truth := readTruth(t, filepath.Join(dir, strings.SplitN(pr.file, ".", 2)[0]+".truth.csv"))
			data, err := os.ReadFile(filepath.Join(dir, pr.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(pr.file, data)
			if err != nil && pr.found == 0 {
				t.Logf("refused, as known: %v", err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			found, defects := scoreTruth(truth, r)
			ratchetScore(t, found, len(truth), defects, pr.found, pr.defects)
		})
	}
}

// readTruth reads a table's figures by "indicator|breakdown".
func readTruth(t *testing.T, path string) map[string]float64 {
	t.Helper()
	truth := map[string]float64{}
	for _, rec := range readCSV(t, path)[1:] {
		v, err := strconv.ParseFloat(rec[2], 64)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		truth[rec[0]+"|"+rec[1]] = v
	}
	return truth
}

// readCSV reads the records of a CSV file, its header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// scoreTruth counts the figures of a parse that are the table's own, and
// lists every other one: a figure under a cell whose figure differs, or
// under a cell the table does not have.
func scoreTruth(truth map[string]float64, r *gongkai.Report) (int, []string) {
	return scoreDamaged(truth, nil, r)
}

// scoreDamaged is scoreTruth of a parse of a damaged text: a figure in a
// cell printed otherwise (printed: two figures exchanged) may also be the
// text's.
func scoreDamaged(truth, printed map[string]float64, r *gongkai.Report) (int, []string) {
	found := 0
	var defects []string
	for _, o := range r.Observations {
		if slices.Contains(o.Flags, gongkai.FlagDerived) || o.Value == nil {
			continue
		}
		k := o.Indicator + "|" + o.Breakdown
		want, ok := truth[k]
		alt, altOK := printed[k]
		switch {
		case !ok:
			defects = append(defects, fmt.Sprintf("invented: %s = %v (raw %q, line %d)", k, *o.Value, o.Raw, o.Line))
		case math.Abs(want-*o.Value) < 1e-6 || altOK && math.Abs(alt-*o.Value) < 1e-6:
			found++
		default:
			defects = append(defects, fmt.Sprintf("wrong: %s = %v, want %v (raw %q, line %d, flags %v)", k, *o.Value, want, o.Raw, o.Line, o.Flags))
		}
	}
	return found, defects
}
