// Command reprintpdf writes a copy of a PDF printed another way, as
// published reports are, to make the test PDFs of testdata/pdf. With
// -as sideways, every page's content is turned a quarter anticlockwise on a
// page of swapped width and height, so that its text runs upwards, as
// landscape tables are printed on portrait pages: the reader turns the
// paper. With -as rotated, the page also carries /Rotate 90, which a viewer
// applies to show it upright.
//
//	go run ./scripts/reprintpdf -as sideways|rotated in.pdf out.pdf
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"
	"github.com/klippa-app/go-pdfium/webassembly"
)

func main() {
	as := flag.String("as", "", "sideways or rotated")
	flag.Parse()
	if flag.NArg() != 2 || (*as != "sideways" && *as != "rotated") {
		fmt.Fprintln(os.Stderr, "usage: reprintpdf -as sideways|rotated in.pdf out.pdf")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *as); err != nil {
		fmt.Fprintln(os.Stderr, "reprintpdf:", err)
		os.Exit(1)
	}
}

func run(in, out, as string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	pool, err := webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return err
	}
	defer pool.Close()
	inst, err := pool.GetInstance(0)
	if err != nil {
		return err
	}
	doc, err := inst.FPDF_LoadMemDocument64(&requests.FPDF_LoadMemDocument64{Data: &data})
	if err != nil {
		return err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return err
	}
	for i := range count.PageCount {
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		if err := turn(inst, page, as == "rotated"); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	var buf bytes.Buffer
	if _, err := inst.FPDF_SaveAsCopy(&requests.FPDF_SaveAsCopy{Document: doc.Document, FileWriter: &buf}); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// turn maps every object of the page by (x, y) → (h − y, x): a quarter
// turn anticlockwise onto a page h wide and w high.
func turn(inst pdfium.Pdfium, page requests.Page, rotate bool) error {
	w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page})
	if err != nil {
		return err
	}
	h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: page})
	if err != nil {
		return err
	}
	// The page's content is wrapped in the turn ("q … cm … Q"), not
	// regenerated, so that its text and fonts stay byte for byte as made.
	m := structs.FPDF_FS_MATRIX{A: 0, B: 1, C: -1, D: 0, E: h.PageHeight, F: 0}
	if _, err := inst.FPDFPage_TransFormWithClip(&requests.FPDFPage_TransFormWithClip{Page: page, Matrix: &m}); err != nil {
		return err
	}
	box := &requests.FPDFPage_SetMediaBox{Page: page, Right: h.PageHeight, Top: w.PageWidth}
	if _, err := inst.FPDFPage_SetMediaBox(box); err != nil {
		return err
	}
	if _, err := inst.FPDFPage_SetCropBox(&requests.FPDFPage_SetCropBox{Page: page, Right: h.PageHeight, Top: w.PageWidth}); err != nil {
		return err
	}
	if rotate {
		_, err = inst.FPDFPage_SetRotation(&requests.FPDFPage_SetRotation{Page: page, Rotate: enums.FPDF_PAGE_ROTATION_90_CW})
	}
	return err
}
