// Package chart draws time series as SVG line charts that a newsroom can
// put in an <img> tag or print: a title, the unit, labelled axes and years,
// one labelled line per publisher, blank years as gaps (never zeros),
// flagged points marked, a source line, and <title>/<desc> for screen
// readers. The SVG is written by hand: a few hundred bytes of markup per
// line, no dependency, and the Chinese labels render with the CJK fonts of
// the reader's system (see FontFamily).
package chart

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// FontFamily lists fonts that hold Chinese glyphs on common systems
// (Linux, macOS, Windows, Android), so that a browser finds one without an
// embedded font.
const FontFamily = `'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`

// Chart is what one chart shows.
type Chart struct {
	Title  string // the indicator, e.g. "收到申请数"
	Unit   string // the unit's symbol or name, e.g. "件"
	XLabel string // e.g. "年份"
	YLabel string // e.g. "件数"; the unit is added in parentheses
	Source string // the source line printed under the chart
	// SourceURL is printed under the source line: where the numbers are.
	SourceURL string
	Desc      string // a sentence for screen readers (<desc>); generated when empty
	// FlagNote labels the marker of flagged points in the legend.
	FlagNote string
	// Empty is printed in place of lines when there is no point.
	Empty string
	Lines []Line
}

// Line is the series of one publisher.
type Line struct {
	Label  string
	Points []Point
}

// Point is the value of one year; Value is nil for a blank cell.
type Point struct {
	Year    int
	Value   *float64
	Flagged bool // the figure carries a quality flag, e.g. check_failed
}

// Geometry of the chart, in SVG user units (pixels at 100 %).
const (
	width      = 760
	height     = 440
	marginTop  = 64 // title and unit
	marginLeft = 72
	marginBot  = 90 // year labels, axis label and the source lines
	fontSize   = 13
	maxLabelW  = 200 // the widest line label kept beside the plot
)

// palette holds line colours distinguishable by most readers, each with a
// contrast of at least 3:1 against white.
var palette = []string{"#1f5fa8", "#c0392b", "#1e7b45", "#8e44ad", "#b35900", "#00758a", "#6b6b00", "#a0306e"}

// SVG writes c as a standalone SVG document.
func SVG(w io.Writer, c Chart) error {
	b := &strings.Builder{}
	p := newPlot(c)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" font-family="%s" font-size="%d">`+"\n",
		width, height, width, height, FontFamily, fontSize)
	fmt.Fprintf(b, "<title id=\"chart-title\">%s</title>\n<desc id=\"chart-desc\">%s</desc>\n", esc(c.titleText()), esc(c.description()))
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(b, `<text x="%d" y="28" font-size="18" font-weight="bold" fill="#111">%s</text>`+"\n", marginLeft, esc(c.Title))
	if c.Unit != "" || c.YLabel != "" {
		fmt.Fprintf(b, `<text x="%d" y="50" fill="#333">%s</text>`+"\n", marginLeft, esc(c.yAxisText()))
	}
	p.axes(b, c)
	if p.empty {
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" fill="#333">%s</text>`+"\n",
			(marginLeft+p.right)/2, (marginTop+p.bottom)/2, esc(c.Empty))
	}
	for i, l := range c.Lines {
		p.line(b, l, palette[i%len(palette)])
	}
	p.labels(b, c.Lines)
	if p.flagged {
		x := width - 16 - textWidth(c.FlagNote)
		fmt.Fprintf(b, `<g class="legend-flag"><circle cx="%d" cy="46" r="5" fill="#fff" stroke="#c0392b" stroke-width="2"/><text x="%d" y="50" fill="#333">%s</text></g>`+"\n",
			x-10, x, esc(c.FlagNote))
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="11" fill="#444">%s</text>`+"\n", marginLeft, height-24, esc(c.Source))
	if c.SourceURL != "" {
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="11" fill="#444">%s</text>`+"\n", marginLeft, height-8, esc(c.SourceURL))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// titleText is the chart's accessible title.
func (c Chart) titleText() string {
	if c.Unit == "" {
		return c.Title
	}
	return c.Title + " (" + c.Unit + ")"
}

// yAxisText is printed above the value axis.
func (c Chart) yAxisText() string {
	switch {
	case c.YLabel == "":
		return c.Unit
	case c.Unit == "":
		return c.YLabel
	}
	return c.YLabel + " (" + c.Unit + ")"
}

// description is Desc, or a sentence listing every line's values, so that
// a reader who cannot see the chart gets its numbers.
func (c Chart) description() string {
	if c.Desc != "" {
		return c.Desc
	}
	var parts []string
	for _, l := range c.Lines {
		var vals []string
		for _, pt := range l.Points {
			v := "—"
			if pt.Value != nil {
				v = FormatValue(*pt.Value)
			}
			vals = append(vals, strconv.Itoa(pt.Year)+": "+v)
		}
		parts = append(parts, l.Label+": "+strings.Join(vals, ", "))
	}
	return c.titleText() + ". " + strings.Join(parts, "; ")
}

// plot maps years and values onto the drawing area.
type plot struct {
	minYear, maxYear int
	top              float64 // the value at the top of the axis
	right, bottom    int     // edges of the drawing area
	empty            bool    // no point has a value
	flagged          bool    // some point is flagged
	ends             []labelAt
}

// labelAt is where a line's label goes: beside its last value.
type labelAt struct {
	y     float64
	text  string
	color string
}

func newPlot(c Chart) *plot {
	p := &plot{minYear: math.MaxInt, maxYear: math.MinInt, empty: true, bottom: height - marginBot}
	maxVal, labelW := 0.0, 0
	for _, l := range c.Lines {
		labelW = max(labelW, textWidth(l.Label))
		for _, pt := range l.Points {
			p.minYear, p.maxYear = min(p.minYear, pt.Year), max(p.maxYear, pt.Year)
			p.flagged = p.flagged || pt.Flagged && pt.Value != nil
			if pt.Value != nil {
				p.empty = false
				maxVal = max(maxVal, *pt.Value)
			}
		}
	}
	if p.minYear > p.maxYear {
		p.minYear, p.maxYear = 0, 0
	}
	p.right = width - 16 - min(labelW, maxLabelW)
	p.top = niceCeil(maxVal)
	return p
}

// x is the horizontal position of a year; a single year sits in the middle.
func (p *plot) x(year int) float64 {
	if p.maxYear == p.minYear {
		return float64(marginLeft+p.right) / 2
	}
	pad := 24.0
	span := float64(p.right-marginLeft) - 2*pad
	return float64(marginLeft) + pad + span*float64(year-p.minYear)/float64(p.maxYear-p.minYear)
}

// y is the vertical position of a value.
func (p *plot) y(v float64) float64 {
	return float64(p.bottom) - float64(p.bottom-marginTop)*v/p.top
}

// axes draws the grid, the value ticks, the years and the axis label.
func (p *plot) axes(b *strings.Builder, c Chart) {
	b.WriteString(`<g class="axes" stroke="#999" stroke-width="1">` + "\n")
	for i := 0; i <= 4; i++ {
		v := p.top * float64(i) / 4
		y := p.y(v)
		fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s"/>`+"\n", marginLeft, y, p.right, y, gridColor(i))
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end" stroke="none" fill="#333">%s</text>`+"\n", marginLeft-8, y+4, FormatValue(v))
	}
	if !p.empty || len(c.Lines) > 0 {
		for year := p.minYear; year <= p.maxYear && p.maxYear > 0; year++ {
			x := p.x(year)
			fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`+"\n", x, p.bottom, x, p.bottom+5)
			fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle" stroke="none" fill="#333">%d</text>`+"\n", x, p.bottom+20, year)
		}
	}
	b.WriteString("</g>\n")
	if c.XLabel != "" {
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" fill="#333">%s</text>`+"\n", (marginLeft+p.right)/2, p.bottom+42, esc(c.XLabel))
	}
}

func gridColor(i int) string {
	if i == 0 {
		return "#666"
	}
	return "#ddd"
}

// line draws one series: a path broken at blank years, a dot on each
// value, a ring around flagged ones, and a <title> on each dot.
func (p *plot) line(b *strings.Builder, l Line, color string) {
	fmt.Fprintf(b, `<g class="series" stroke="%s" fill="%s"><title>%s</title>`+"\n", color, color, esc(l.Label))
	var path strings.Builder
	prevYear, open := 0, false
	var last *Point
	for i := range l.Points {
		pt := &l.Points[i]
		if pt.Value == nil {
			open = false
			continue
		}
		cmd := "M"
		if open && pt.Year == prevYear+1 {
			cmd = "L"
		}
		fmt.Fprintf(&path, "%s%.1f %.1f ", cmd, p.x(pt.Year), p.y(*pt.Value))
		prevYear, open, last = pt.Year, true, pt
	}
	if path.Len() > 0 {
		fmt.Fprintf(b, `<path d="%s" fill="none" stroke-width="2.5"/>`+"\n", strings.TrimSpace(path.String()))
	}
	for _, pt := range l.Points {
		if pt.Value == nil {
			continue
		}
		x, y := p.x(pt.Year), p.y(*pt.Value)
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3.5"><title>%s %d: %s</title></circle>`+"\n", x, y, esc(l.Label), pt.Year, FormatValue(*pt.Value))
		if pt.Flagged {
			fmt.Fprintf(b, `<circle class="flagged" cx="%.1f" cy="%.1f" r="7" fill="none" stroke="#c0392b" stroke-width="2"/>`+"\n", x, y)
		}
	}
	b.WriteString("</g>\n")
	if last != nil {
		p.ends = append(p.ends, labelAt{y: p.y(*last.Value), text: l.Label, color: color})
	}
}

// labels writes each line's label right of the plot at the height of its
// last value, pushed apart so that no two overlap.
func (p *plot) labels(b *strings.Builder, lines []Line) {
	ends := append([]labelAt(nil), p.ends...)
	for i := 1; i < len(ends); i++ { // insertion sort by height: a few lines
		for j := i; j > 0 && ends[j].y < ends[j-1].y; j-- {
			ends[j], ends[j-1] = ends[j-1], ends[j]
		}
	}
	const gap = fontSize + 3
	for i := 1; i < len(ends); i++ {
		ends[i].y = max(ends[i].y, ends[i-1].y+gap)
	}
	for _, e := range ends {
		fmt.Fprintf(b, `<text class="line-label" x="%d" y="%.1f" fill="%s">%s</text>`+"\n", p.right+8, e.y+4, e.color, esc(clip(e.text)))
	}
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten, so that
// the four grid steps fall on round numbers.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 4
	}
	exp := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 4, 5, 8, 10} {
		if m*exp >= v {
			return m * exp
		}
	}
	return 10 * exp
}

// FormatValue prints a value as charts and pages print it: without
// trailing zeros, with thousands separators.
func FormatValue(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var out []byte
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, whole[i])
	}
	s = string(out)
	if neg {
		s = "-" + s
	}
	if frac != "" {
		s += "." + frac
	}
	return s
}

// textWidth estimates the width of s in pixels: CJK characters are square.
func textWidth(s string) int {
	w := 0.0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r > 0x2E80 {
			w += fontSize
		} else {
			w += fontSize * 0.6
		}
	}
	return int(w) + 1
}

// clip shortens a label that would not fit beside the plot.
func clip(s string) string {
	if textWidth(s) <= maxLabelW {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && textWidth(string(r)+"…") > maxLabelW {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// esc escapes text for XML.
var esc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace
