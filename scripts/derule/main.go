// Command derule takes the rules of a table out of a page image, as tools
// that read tables clean a page before OCR: an OCR engine reads a ruled
// table's rules as 1, l, | or [ glued to the figures, or drops the cells
// whole.
//
// A rule is a run of dark pixels at least -min pixels long, across or down.
// Its pixels, and the grey edge a renderer draws beside it, are painted
// white, except where a glyph crosses it: a pixel of a rule whose
// neighbours beyond the rule's edge are dark on both sides is a stroke
// through the rule and stays. The result is a grey PNG.
//
// It does in a fraction of a second what ImageMagick's morphology (an
// opening with a 60-pixel line) took minutes a page for on a loaded
// machine, and needs nothing but Go's standard library.
//
// usage: derule [-long 150] [-short 30] IN.png OUT.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
)

// Pixels darker than dark are ink; those darker than grey (but not ink)
// are the soft edge a renderer draws beside a line.
const (
	dark = 153 // 60% of white, as ImageMagick's -threshold 60%
	grey = 230
	// edge is how far past a rule's ink its soft edge is painted white.
	edge = 2
)

func main() {
	long := flag.Int("long", 150, "the shortest run of dark pixels that is a rule wherever it lies")
	short := flag.Int("short", 30, "the shortest run of dark pixels that is a rule between two rules the other way")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: derule [-long 150] [-short 30] IN.png OUT.png")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *long, *short); err != nil {
		fmt.Fprintln(os.Stderr, "derule:", err)
		os.Exit(1)
	}
}

// run reads the page in, takes its rules out and writes it to out.
func run(in, out string, long, short int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	src, err := png.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	page := toGray(src)
	removeRules(page, long, short)
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(w, page); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", out, err)
	}
	return w.Close()
}

// toGray is the page in grey, whatever the PNG's colour model.
func toGray(src image.Image) *image.Gray {
	if g, ok := src.(*image.Gray); ok {
		return g
	}
	b := src.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, color.GrayModel.Convert(src.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return g
}

// removeRules paints the page's rules white. A rule is a run of ink at
// least long pixels long, or one at least short long that ends on a rule
// the other way at both ends (a table's rule between two crossings: the
// pieces of a header's rules over merged cells, the rules of a row one
// line high). A glyph's stroke is shorter than long and ends on no rule.
// Both directions are found on the page as printed before either is
// painted, so that a crossing of two rules is taken out with both.
func removeRules(page *image.Gray, long, short int) {
	acrossLong := ruleMask(page, true, longerThan(long))
	downLong := ruleMask(page, false, longerThan(long))
	across := ruleMask(page, true, between(short, downLong, true))
	down := ruleMask(page, false, between(short, acrossLong, false))
	across.add(acrossLong)
	down.add(downLong)
	paint(page, across, true)
	paint(page, down, false)
}

// mask marks pixels of a page, one bool a pixel, row by row.
type mask struct {
	w, h int
	on   []bool
}

func (m *mask) at(x, y int) bool {
	return x >= 0 && y >= 0 && x < m.w && y < m.h && m.on[y*m.w+x]
}

// add marks the pixels o marks too.
func (m *mask) add(o *mask) {
	for i, on := range o.on {
		m.on[i] = m.on[i] || on
	}
}

// runTest says whether the run of ink [start, end) on line l is a rule.
type runTest func(l, start, end int) bool

func longerThan(n int) runTest {
	return func(_, start, end int) bool { return end-start >= n }
}

// touch is how far inside a run its end may meet the rule it ends on: the
// run goes through that rule's ink, grey edges leave a pixel or two.
const touch = 4

// between is the test of a run at least short long whose two ends lie on
// rules of other (the other direction's mask).
func between(short int, other *mask, across bool) runTest {
	onOther := func(l, i int) bool {
		if across {
			return other.at(i, l)
		}
		return other.at(l, i)
	}
	endsOn := func(l, from, to int) bool {
		for i := from; i < to; i++ {
			if onOther(l, i) {
				return true
			}
		}
		return false
	}
	return func(l, start, end int) bool {
		return end-start >= short && endsOn(l, start, min(start+touch, end)) && endsOn(l, max(end-touch, start), end)
	}
}

// ruleMask marks the pixels of the runs of ink that isRule takes: along
// rows (across) or along columns (down).
func ruleMask(page *image.Gray, across bool, isRule runTest) *mask {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	m := &mask{w: w, h: h, on: make([]bool, w*h)}
	lines, length := h, w
	if !across {
		lines, length = w, h
	}
	for l := 0; l < lines; l++ {
		start := -1
		for i := 0; i <= length; i++ {
			x, y := i, l
			if !across {
				x, y = l, i
			}
			if i < length && page.Pix[y*page.Stride+x] < dark {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && isRule(l, start, i) {
				for j := start; j < i; j++ {
					if across {
						m.on[l*w+j] = true
					} else {
						m.on[j*w+l] = true
					}
				}
			}
			start = -1
		}
	}
	return m
}

// paint whitens the rules of m: for each stretch of rule pixels across the
// rule's thickness, the stretch and its soft edge, unless ink lies right
// beyond the stretch on both sides (a stroke of a glyph crossing the rule).
func paint(page *image.Gray, m *mask, across bool) {
	// Across a horizontal rule is down a column, and the other way round.
	lines, length := m.w, m.h
	if !across {
		lines, length = m.h, m.w
	}
	pix := func(l, i int) *uint8 {
		if across {
			return &page.Pix[i*page.Stride+l]
		}
		return &page.Pix[l*page.Stride+i]
	}
	onRule := func(l, i int) bool {
		if across {
			return m.at(l, i)
		}
		return m.at(i, l)
	}
	ink := func(l, i int) bool {
		return i >= 0 && i < length && *pix(l, i) < dark && !onRule(l, i)
	}
	for l := 0; l < lines; l++ {
		for i := 0; i < length; {
			if !onRule(l, i) {
				i++
				continue
			}
			start := i
			for i < length && onRule(l, i) {
				i++
			}
			if ink(l, start-1) && ink(l, i) {
				continue // a stroke crosses the rule here
			}
			whiten(pix, l, start, i, length)
		}
	}
}

// whiten paints [start, end) of line l white, with up to edge pixels of
// grey on either side (the rule's soft edge), stopping at ink.
func whiten(pix func(l, i int) *uint8, l, start, end, length int) {
	for i := start; i < end; i++ {
		*pix(l, i) = 255
	}
	soft := func(i int) bool { return i >= 0 && i < length && *pix(l, i) >= dark && *pix(l, i) < grey }
	for i := start - 1; i >= start-edge && soft(i); i-- {
		*pix(l, i) = 255
	}
	for i := end; i < end+edge && soft(i); i++ {
		*pix(l, i) = 255
	}
}
