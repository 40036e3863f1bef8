// Command rotatepdf writes a copy of a PDF whose pages are printed sideways,
// as landscape tables are in many published reports: every page's content
// is turned a quarter turn anticlockwise on a page of swapped width and
// height, so that its text runs upwards. With -rotate the page also carries
// /Rotate 90, which a viewer applies to show it upright; without it, the
// reader turns the paper. It makes the test PDFs of testdata/pdf:
//
//	go run ./scripts/rotatepdf [-rotate] in.pdf out.pdf
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
	rotate := flag.Bool("rotate", false, "mark each page /Rotate 90, so that it shows upright")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: rotatepdf [-rotate] in.pdf out.pdf")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *rotate); err != nil {
		fmt.Fprintln(os.Stderr, "rotatepdf:", err)
		os.Exit(1)
	}
}

func run(in, out string, rotate bool) error {
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
		if err := turn(inst, requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}, rotate); err != nil {
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
