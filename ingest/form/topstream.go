package form

import "github.com/gongkai/gongkai/ingest/label"

// Text in reading order (pdftotext -raw, pdf.js, PyMuPDF) prints a Word
// table's top-aligned cells one after another, a piece of a label a line:
// a heading's pieces, then its first row's, then the row's figures on a
// line of their own (or after its last piece: `3.其他 7 1 1 0 1 0 10`),
// sometimes before the label's last pieces (`不计其` / `2 4 1 1 1 1 10` /
// `他情` / `形）`, the figures printed level with the label's first line):
//
//	（三）
//	不予公
//	开
//	1.属于
//	国家秘
//	密
//	38 3 0 0 1 0 42
//
// A reader gathering pieces into the label before the figures joins the
// rest of one label to the next (他情形）（三）, 不予公开1.属于国家秘密).
// Read against the form instead (topaligned.go): a piece bearing a number
// opens the heading or row after the last label opened whose number and
// wording start it, unique among those after it, the labels it closes
// complete and every heading over it open; a piece bearing none continues
// the one label open whose wording it goes on; the seven figures of a
// row, on a line or on lines one after another (PyMuPDF prints a figure a
// line), are the innermost label's open. A row closed without its seven
// figures, or a piece that no label or two take, leaves the text as
// printed.

// streamLine reads a line of text in reading order: its pieces in turn,
// then its figures.
func (t *topRead) streamLine(i int, tl topLine) bool {
	for _, p := range tl.labels {
		if !t.streamPiece(p) {
			return false
		}
	}
	return len(tl.figures) == 0 || t.takeFigures(i, tl.figures)
}

// streamPiece opens the label a numbered piece starts, or continues the
// one open label a piece with no number goes on.
func (t *topRead) streamPiece(p string) bool {
	if label.Parse(p).Enum == "" {
		return t.pieceLine([]string{p})
	}
	x, at := t.next(p, true)
	if x == nil {
		return false
	}
	heads := t.r.headingsOver(x)
	if !t.closeOutside(heads) || len(t.open) != len(heads) {
		return false
	}
	t.last = at
	t.push(&topLabel{row: x, text: p, line: -1})
	return true
}

// takeFigures gives figures at line i to the innermost label open: a row
// (or （六）其他处理, a row in 2019) that has read fewer than its seven,
// on the lines just before when it has read some (PyMuPDF prints a
// figure a line).
func (t *topRead) takeFigures(i int, figures []string) bool {
	if len(t.open) == 0 {
		return false
	}
	l := t.open[len(t.open)-1]
	if l.row.group && l.row != t.r.s.otherHandling || len(l.figures)+len(figures) > applicationsFigures ||
		l.line >= 0 && l.lastFigure != i-1 {
		return false
	}
	if l.line < 0 {
		l.line = i
	}
	l.figures, l.lastFigure = append(l.figures, figures...), i
	return true
}
