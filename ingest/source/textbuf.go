package source

import (
	"strings"
)

// CellBars are the characters a cell must not hold: the parser would take
// them for cell separators.
var CellBars = strings.NewReplacer("|", " ", "｜", " ", "│", " ", "┃", " ", "║", " ")

// Limits on merged cells, so that no page can make a row without end.
const (
	MaxColspan = 100
	MaxRowspan = 1000
	MaxColumns = 256
)

// TextBuf gathers the text of a line or cell as a browser shows it: runs
// of white space in the source shown as one space, none at either end, and
// none where the source wraps a line between Chinese characters.
// Non-breaking spaces are kept, as plain spaces, the way text exports of
// pages print them.
type TextBuf struct {
	b       strings.Builder
	n       int  // source line of the first character
	space   bool // white space pending
	newline bool // the pending white space wraps a line
	joined  bool // at a break in a cell: indentation is dropped
	last    rune
}

// Add adds text that starts at source line n, its white space shown as a
// browser shows it.
func (t *TextBuf) Add(s string, n int) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			if t.b.Len() > 0 && !t.joined {
				t.space = true
				t.newline = t.newline || r == '\n'
			}
			if r == '\n' {
				n++
			}
			continue
		case '\u00a0', '\u3000':
			if t.joined {
				continue
			}
		}
		if t.space && !(t.newline && (t.last >= 0x2E80 || r >= 0x2E80)) {
			t.b.WriteByte(' ')
		}
		t.space, t.newline, t.joined = false, false, false
		if r == '\u00a0' {
			r = ' '
		}
		t.put1(r, n)
	}
}

// Put adds s as it is, white space and all (the text of <pre>).
func (t *TextBuf) Put(s string, n int) {
	for _, r := range s {
		t.put1(r, n)
	}
}

func (t *TextBuf) put1(r rune, n int) {
	if t.b.Len() == 0 {
		t.n = n
	}
	t.b.WriteRune(r)
	t.last = r
}

// Break joins what follows with no separator and no indentation (a <br> or
// <p> in a cell), as a text export joins the wrapped lines of a cell.
func (t *TextBuf) Break() {
	t.space, t.newline = false, false
	if t.b.Len() == 0 {
		return
	}
	s := t.b.String()
	if trimmed := strings.TrimRight(s, " \u3000"); len(trimmed) < len(s) {
		t.b.Reset()
		t.b.WriteString(trimmed)
	}
	t.joined = true
}

// Take returns the text gathered and its line, and empties t.
func (t *TextBuf) Take() (string, int) {
	s, n := t.b.String(), t.n
	*t = TextBuf{}
	return s, n
}
