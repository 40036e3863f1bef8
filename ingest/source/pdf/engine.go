package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Limits bound what one file may cost. Exceeding one is an error that
// names the limit.
type Limits struct {
	MaxBytes int           // size of the file
	MaxPages int           // pages read
	MaxChars int           // characters of the whole text layer
	Timeout  time.Duration // wall time of reading one file
}

// DefaultLimits are generous for an annual report (5–40 pages, a few
// thousand characters a page) and small enough that one hostile file
// cannot hold a core for long.
var DefaultLimits = Limits{
	MaxBytes: 50 << 20,
	MaxPages: 300,
	MaxChars: 1_000_000,
	Timeout:  2 * time.Minute,
}

// memoryLimitPages bounds the WebAssembly memory of one engine instance
// (64 KiB pages: 1 GiB), and with it the decompressed streams and objects
// pdfium can hold for one file.
const memoryLimitPages = 16384

// engine is the pdfium pool, started once per process: compiling the
// WebAssembly module takes seconds, instantiating it for a file takes
// milliseconds.
var engine struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

func startEngine() (pdfium.Pool, error) {
	engine.once.Do(func() {
		n := runtime.GOMAXPROCS(0)
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			MinIdle:  0,
			MaxIdle:  n,
			MaxTotal: n,
			// No file system: the engine reads the bytes it is given and
			// nothing else of the machine.
			FSConfig: wazero.NewFSConfig(),
			RuntimeConfig: wazero.NewRuntimeConfig().
				WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
				WithMemoryLimitPages(memoryLimitPages).
				WithCloseOnContextDone(true),
			Stdout:       io.Discard,
			Stderr:       io.Discard,
			ReuseWorkers: true,
		})
		if engine.err != nil {
			engine.err = fmt.Errorf("starting the PDF engine (pdfium in WebAssembly): %w", engine.err)
		}
	})
	return engine.pool, engine.err
}

// glyph is one character of the text layer, in points from the page's
// top-left corner (y grows downwards).
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
}

func (g glyph) xc() float64 { return (g.x0 + g.x1) / 2 }
func (g glyph) yc() float64 { return (g.y0 + g.y1) / 2 }

// size estimates the glyph's font size: CJK ideographs fill their em
// square; digits and Latin capitals are 0.7 to 0.95 of it, so their height
// is a lower bound that keeps the thresholds tight; punctuation says
// nothing (0).
func (g glyph) size() float64 {
	w, h := g.x1-g.x0, g.y1-g.y0
	switch {
	case unicode.Is(unicode.Han, g.r):
		return max(w, h)
	case unicode.IsDigit(g.r) || unicode.IsUpper(g.r):
		return h
	}
	return 0
}

// page is the text layer of one page.
type page struct {
	n      int // 1-based
	height float64
	glyphs []glyph
}

// extract reads the text layer of every page of data.
func extract(data []byte, lim Limits) ([]page, error) {
	if len(data) > lim.MaxBytes {
		return nil, fmt.Errorf("the PDF file has %d bytes, more than the limit of %d bytes (MaxBytes)", len(data), lim.MaxBytes)
	}
	pool, err := startEngine()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("no PDF engine free within the time limit of %s (Timeout): %w", lim.Timeout, err)
	}
	var killed atomic.Bool
	timer := time.AfterFunc(time.Until(deadline(ctx)), func() {
		killed.Store(true)
		inst.Kill()
	})
	pages, err := readPages(inst, data, lim)
	if timer.Stop() {
		inst.Close()
	}
	if killed.Load() {
		return nil, fmt.Errorf("reading the PDF took longer than the limit of %s (Timeout)", lim.Timeout)
	}
	return pages, err
}

func deadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

func readPages(inst pdfium.Pdfium, data []byte, lim Limits) ([]page, error) {
	doc, err := inst.FPDF_LoadMemDocument64(&requests.FPDF_LoadMemDocument64{Data: &data})
	if err != nil {
		return nil, openError(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("the PDF's pages cannot be counted: %w", err)
	}
	if count.PageCount == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	if count.PageCount > lim.MaxPages {
		return nil, fmt.Errorf("the PDF has %d pages, more than the limit of %d pages (MaxPages)", count.PageCount, lim.MaxPages)
	}
	pages := make([]page, 0, count.PageCount)
	chars := 0
	for i := range count.PageCount {
		ref := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
		if err != nil {
			return nil, fmt.Errorf("page %d of the PDF cannot be read: %w", i+1, err)
		}
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: ref, Mode: requests.GetPageTextStructuredModeChars})
		if err != nil {
			return nil, fmt.Errorf("the text of page %d of the PDF cannot be read: %w", i+1, err)
		}
		if chars += len(text.Chars); chars > lim.MaxChars {
			return nil, fmt.Errorf("the PDF has more than %d characters by page %d (MaxChars)", lim.MaxChars, i+1)
		}
		p := page{n: i + 1, height: float64(h.PageHeight)}
		for _, c := range text.Chars {
			r := []rune(c.Text)
			if len(r) != 1 || unicode.IsSpace(r[0]) || !unicode.IsPrint(r[0]) {
				continue
			}
			pos := c.PointPosition
			if pos.Right <= pos.Left && pos.Top <= pos.Bottom {
				continue
			}
			p.glyphs = append(p.glyphs, glyph{r: r[0], x0: pos.Left, x1: pos.Right, y0: p.height - pos.Top, y1: p.height - pos.Bottom})
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// openError says why pdfium refused the file.
func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		return errors.New("the PDF is encrypted (password protected); save an unprotected copy first")
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return errors.New("the PDF is broken: its structure cannot be read (truncated or not a PDF)")
	}
	return fmt.Errorf("the PDF cannot be opened: %w", err)
}
