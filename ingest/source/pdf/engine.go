package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/structs"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Limits bound what one file may cost. Exceeding one is an error that
// names the limit.
type Limits struct {
	MaxBytes   int           // size of the file
	MaxPages   int           // pages read
	MaxChars   int           // characters of the whole text layer
	MaxObjects int           // page objects (text, paths, images) of the whole file
	Timeout    time.Duration // wall time of reading one file
}

// DefaultLimits are generous for an annual report (5–40 pages, a few
// thousand characters a page) and small enough that one hostile file
// cannot hold a core for long.
var DefaultLimits = Limits{
	MaxBytes:   50 << 20,
	MaxPages:   300,
	MaxChars:   1_000_000,
	MaxObjects: 2_000_000,
	Timeout:    2 * time.Minute,
}

// memoryLimitPages bounds the WebAssembly memory of one engine instance
// (64 KiB pages: 1 GiB), and with it the decompressed streams and objects
// pdfium can hold for one file.
const memoryLimitPages = 16384

// engine is the pdfium pool, started once per process: compiling the
// WebAssembly module takes seconds, instantiating it for a file takes
// milliseconds.
var engine struct {
	once    sync.Once
	pool    pdfium.Pool
	err     error
	startup time.Duration // how long compiling the module took
}

func startEngine() (pdfium.Pool, error) {
	engine.once.Do(func() {
		start := time.Now()
		defer func() { engine.startup = time.Since(start) }()
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(memoryLimitPages).
			WithCloseOnContextDone(true)
		if cache := compilationCache(); cache != nil {
			engine.pool, engine.err = initPool(rc.WithCompilationCache(cache))
		}
		if engine.pool == nil {
			// Without the cache: it may be unwritable (a full disk).
			engine.pool, engine.err = initPool(rc)
		}
		if engine.err != nil {
			engine.err = fmt.Errorf("starting the PDF engine (pdfium in WebAssembly): %w", engine.err)
		}
	})
	return engine.pool, engine.err
}

// initPool starts a pool of engine instances, one per core.
func initPool(rc wazero.RuntimeConfig) (pdfium.Pool, error) {
	n := runtime.GOMAXPROCS(0)
	return webassembly.Init(webassembly.Config{
		MinIdle:  0,
		MaxIdle:  n,
		MaxTotal: n,
		// No file system: the engine reads the bytes it is given and
		// nothing else of the machine.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		ReuseWorkers:  true,
	})
}

// compilationCache keeps the compiled engine in the user's cache directory
// (~/.cache/gongkai/wazero), so that a later process starts it in a fraction
// of the time; nil when there is no writable cache directory.
func compilationCache() wazero.CompilationCache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "gongkai", "wazero"))
	if err != nil {
		return nil
	}
	return cache
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

// page is the text layer of one page, and the horizontal rules drawn on
// it (table borders).
type page struct {
	n      int // 1-based
	height float64
	glyphs []glyph
	rules  []rule
	walls  []wall
}

// rule is a horizontal line drawn on a page, in page coordinates from the
// top: a border between two rows of a table.
type rule struct{ x0, x1, y float64 }

// wall is a vertical line drawn on a page: a border between two columns.
type wall struct{ x, y0, y1 float64 }

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
	chars, objects := 0, 0
	for i := range count.PageCount {
		ref := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: ref, Mode: requests.GetPageTextStructuredModeChars})
		if err != nil {
			return nil, fmt.Errorf("the text of page %d of the PDF cannot be read: %w", i+1, err)
		}
		if chars += len(text.Chars); chars > lim.MaxChars {
			return nil, fmt.Errorf("the PDF has more than %d characters by page %d (MaxChars)", lim.MaxChars, i+1)
		}
		v, err := pageView(inst, ref, text.Chars)
		if err != nil {
			return nil, err
		}
		p := page{n: i + 1, height: v.height()}
		if p.rules, p.walls, err = rules(inst, ref, v, &objects, lim); err != nil {
			return nil, err
		}
		for _, c := range text.Chars {
			r := []rune(c.Text)
			if len(r) != 1 || unicode.IsSpace(r[0]) || !unicode.IsPrint(r[0]) {
				continue
			}
			pos := c.PointPosition
			if pos.Right <= pos.Left && pos.Top <= pos.Bottom {
				continue
			}
			x0, y0, x1, y1 := v.box(pos.Left, pos.Bottom, pos.Right, pos.Top)
			p.glyphs = append(p.glyphs, glyph{r: r[0], x0: x0, x1: x1, y0: y0, y1: y1})
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// view maps a page's user space (points, y upwards, as the text layer and
// the paths give positions) to the page as it is read: x to the right and y
// downwards along the lines of its text. Tables too wide for a portrait
// page are printed sideways, their text running upwards (with /Rotate 90
// for the viewer, or for the reader to turn the paper): the view turns such
// a page so that its lines read as those of any other page.
type view struct {
	quarter int     // quarter turns anticlockwise from the horizontal of the text's lines
	w, h    float64 // the user space's width and height
}

// pageView is the view of a page whose text layer is chars: the direction
// most of its characters run decides.
func pageView(inst pdfium.Pdfium, ref requests.Page, chars []*responses.GetPageTextStructuredChar) (view, error) {
	w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref})
	if err != nil {
		return view{}, fmt.Errorf("page %d of the PDF cannot be read: %w", pageIndex(ref)+1, err)
	}
	h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
	if err != nil {
		return view{}, fmt.Errorf("page %d of the PDF cannot be read: %w", pageIndex(ref)+1, err)
	}
	v := view{w: float64(w.PageWidth), h: float64(h.PageHeight)}
	// pdfium gives the page's size as shown, turned by its /Rotate; the
	// positions are in the user space, before that turn.
	if rot, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref}); err == nil && rot.PageRotation%2 == 1 {
		v.w, v.h = v.h, v.w
	}
	var votes [4]int
	for _, c := range chars {
		if r := []rune(c.Text); len(r) == 1 && (unicode.Is(unicode.Han, r[0]) || unicode.IsDigit(r[0])) {
			// pdfium measures the angle clockwise: text running upwards
			// is at 3π/2.
			votes[(4-int(math.Round(c.Angle/(math.Pi/2)))%4)%4]++
		}
	}
	for q := range votes {
		if votes[q] > votes[v.quarter] {
			v.quarter = q
		}
	}
	return v, nil
}

// point maps a point of the user space to the view.
func (v view) point(x, y float64) (float64, float64) {
	switch v.quarter {
	case 1: // running upwards: the page turned a quarter clockwise
		return y, x
	case 2:
		return v.w - x, y
	case 3:
		return v.h - y, v.w - x
	}
	return x, v.h - y
}

// box maps a rectangle of the user space to the view, as its left, top,
// right and bottom.
func (v view) box(left, bottom, right, top float64) (x0, y0, x1, y1 float64) {
	ax, ay := v.point(left, bottom)
	bx, by := v.point(right, top)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}

// height is the page's height in the view.
func (v view) height() float64 {
	if v.quarter%2 == 1 {
		return v.w
	}
	return v.h
}

// Sizes of the path objects that are rules, in points.
const (
	ruleMinWidth = 5 // shorter strokes are marks, not borders
	ruleMaxThick = 2 // a thicker path is a box: its top and bottom edges are rules
)

// rules collects the lines of a page's tables: thin paths, and the edges of
// boxes (a cell drawn as a rectangle); horizontal ones as rules, vertical
// ones as walls. Paths inside form XObjects count too: tools that stamp,
// impose or overlay pages (qpdf --overlay, iText's imported pages) wrap a
// whole page's content in one.
func rules(inst pdfium.Pdfium, ref requests.Page, v view, objects *int, lim Limits) ([]rule, []wall, error) {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil, nil, fmt.Errorf("the objects of page %d of the PDF cannot be read: %w", pageIndex(ref)+1, err)
	}
	c := ruleCollector{inst: inst, v: v, objects: objects, lim: lim, page: pageIndex(ref) + 1}
	err = c.walk(n.Count, func(i int) (references.FPDF_PAGEOBJECT, error) {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err != nil {
			return "", err
		}
		return obj.PageObject, nil
	}, identity, 0)
	return c.rules, c.walls, err
}

// maxFormDepth bounds the nesting of form XObjects followed for rules.
const maxFormDepth = 8

// ruleCollector gathers a page's rules and walls over its objects and the
// objects of the form XObjects it draws.
type ruleCollector struct {
	inst    pdfium.Pdfium
	v       view
	objects *int
	lim     Limits
	page    int
	rules   []rule
	walls   []wall
}

// walk visits n objects, got by index, drawn through the matrix m (from
// their space to the page's user space).
func (c *ruleCollector) walk(n int, get func(int) (references.FPDF_PAGEOBJECT, error), m affine, depth int) error {
	if *c.objects += n; *c.objects > c.lim.MaxObjects {
		return fmt.Errorf("the PDF has more than %d objects by page %d (MaxObjects)", c.lim.MaxObjects, c.page)
	}
	for i := range n {
		obj, err := get(i)
		if err != nil {
			continue
		}
		typ, err := c.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
		if err != nil {
			continue
		}
		switch typ.Type {
		case enums.FPDF_PAGEOBJ_PATH:
			if err := c.path(obj, m); err != nil {
				return err
			}
		case enums.FPDF_PAGEOBJ_FORM:
			if err := c.form(obj, m, depth); err != nil {
				return err
			}
		}
	}
	return nil
}

// form walks the objects of a form XObject, whose matrix maps them into
// the space the form is drawn in.
func (c *ruleCollector) form(obj references.FPDF_PAGEOBJECT, m affine, depth int) error {
	if depth >= maxFormDepth {
		return nil
	}
	fm, err := c.inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil
	}
	n, err := c.inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
	if err != nil {
		return nil
	}
	return c.walk(n.Count, func(i int) (references.FPDF_PAGEOBJECT, error) {
		child, err := c.inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(i)})
		if err != nil {
			return "", err
		}
		return child.PageObject, nil
	}, matrixOf(fm.Matrix).then(m), depth+1)
}

// path takes a path object drawn through m as a rule, a wall, or a grid of
// segments.
func (c *ruleCollector) path(obj references.FPDF_PAGEOBJECT, m affine) error {
	b, err := c.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj})
	if err != nil {
		return nil
	}
	left, bottom, right, top := m.box(float64(b.Left), float64(b.Bottom), float64(b.Right), float64(b.Top))
	x0, y0, x1, y1 := c.v.box(left, bottom, right, top)
	switch {
	case x1-x0 < ruleMinWidth && y1-y0 < ruleMinWidth:
	case y1-y0 <= ruleMaxThick:
		c.rules = append(c.rules, rule{x0: x0, x1: x1, y: (y0 + y1) / 2})
	case x1-x0 <= ruleMaxThick:
		c.walls = append(c.walls, wall{x: (x0 + x1) / 2, y0: y0, y1: y1})
	default:
		// A grid drawn as one path: its straight segments.
		r, w, err := segments(c.inst, obj, m, c.v, c.objects, c.lim)
		if err != nil {
			return err
		}
		c.rules, c.walls = append(c.rules, r...), append(c.walls, w...)
	}
	return nil
}

// affine is a PDF transformation matrix [a b c d e f]: (x, y) → (ax + cy + e,
// bx + dy + f).
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, d: 1}

func matrixOf(m structs.FPDF_FS_MATRIX) affine {
	return affine{float64(m.A), float64(m.B), float64(m.C), float64(m.D), float64(m.E), float64(m.F)}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// then is m followed by n.
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.b*n.c, b: m.a*n.b + m.b*n.d,
		c: m.c*n.a + m.d*n.c, d: m.c*n.b + m.d*n.d,
		e: m.e*n.a + m.f*n.c + n.e, f: m.e*n.b + m.f*n.d + n.f,
	}
}

// box maps a rectangle through m, as the left, bottom, right and top of
// the rectangle that holds its image.
func (m affine) box(left, bottom, right, top float64) (float64, float64, float64, float64) {
	ax, ay := m.apply(left, bottom)
	bx, by := m.apply(right, top)
	cx, cy := m.apply(left, top)
	dx, dy := m.apply(right, bottom)
	return min(ax, bx, cx, dx), min(ay, by, cy, dy), max(ax, bx, cx, dx), max(ay, by, cy, dy)
}

// segments are the horizontal and vertical straight segments of a path
// object drawn through the matrix outer, in page coordinates from the top.
func segments(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, outer affine, v view, objects *int, lim Limits) ([]rule, []wall, error) {
	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil {
		return nil, nil, nil
	}
	if *objects += n.Count; *objects > lim.MaxObjects {
		return nil, nil, fmt.Errorf("the PDF has more than %d objects and path segments (MaxObjects)", lim.MaxObjects)
	}
	pm, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil, nil, nil
	}
	m := matrixOf(pm.Matrix).then(outer)
	at := func(x, y float32) (float64, float64) {
		return v.point(m.apply(float64(x), float64(y)))
	}
	var rules []rule
	var walls []wall
	line := func(ax, ay, bx, by float64) {
		switch {
		case abs(ay-by) <= ruleMaxThick && abs(ax-bx) >= ruleMinWidth:
			rules = append(rules, rule{x0: min(ax, bx), x1: max(ax, bx), y: (ay + by) / 2})
		case abs(ax-bx) <= ruleMaxThick && abs(ay-by) >= ruleMinWidth:
			walls = append(walls, wall{x: (ax + bx) / 2, y0: min(ay, by), y1: max(ay, by)})
		}
	}
	var px, py, sx, sy float64
	for i := range n.Count {
		seg, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			continue
		}
		pt, err1 := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: seg.PathSegment})
		typ, err2 := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: seg.PathSegment})
		if err1 != nil || err2 != nil {
			continue
		}
		x, y := at(pt.X, pt.Y)
		switch typ.Type {
		case enums.FPDF_SEGMENT_MOVETO:
			sx, sy = x, y
		case enums.FPDF_SEGMENT_LINETO:
			line(px, py, x, y)
		}
		px, py = x, y
		if cl, err := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: seg.PathSegment}); err == nil && cl.IsClose {
			line(px, py, sx, sy)
			px, py = sx, sy
		}
	}
	return rules, walls, nil
}

func pageIndex(ref requests.Page) int { return ref.ByIndex.Index }

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
