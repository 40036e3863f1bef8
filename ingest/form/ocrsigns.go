package form

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// OCR reads the shapes on a page, not its text: a table's rules come out
// as bars, brackets or letters, and digits as the letters they look like.
// Some of what it prints no typed, exported or converted text does, and
// it tells that the text was recognised from images, where any figure may
// hold a digit misread:
//
//   - a square bracket without its pair on the line (人[>, ]1, 1]12: a rule
//     read as a bracket; a document number 〔2017〕75号 is closed);
//   - figures glued to Latin letters shaped like digits (s6, 0o, 1l);
//   - a word of letters shaped like 0 and 1 alone (olololo: a row of
//     zeros between rules);
//   - an angle bracket closed by a round one (〈一): OCR's （一）);
//   - a figure with a slash glued to an end (34/ for 347: a digit read as
//     a slash; a cell of / alone is a mark for nothing to report).
//
// A figure glued to such a mark is itself misread (]1 for 11, 1]12 for
// |12 or 112): the row it stands in is unplaced. The other signs only tell
// what kind of text this is; see distrustRowsOfMisreadText and
// distrustProactiveOfMisreadText for what the reader then refuses.

// misclosedBracket matches an angle bracket closed by a round one around a
// few characters (第二十条第〈一) 项, 《〈《八)): what OCR makes of the
// full-width round brackets of （一）. Typed text closes a bracket with its
// own pair.
var misclosedBracket = regexp.MustCompile(`[〈《][^〈《〉》()（）]{0,3}[)）]`)

// zeroShapes and oneShapes are the Latin letters OCR prints for a 0 and for
// a 1 or a table's rule.
const (
	zeroShapes = "oODQ"
	oneShapes  = "lIi"
)

// digitShapes are the Latin letters OCR prints for digits: 0 and 1 above,
// and 5 (s S) and 2 (z Z). Not the letters of codes printed beside digits
// (GB2312, 5G, B2).
const digitShapes = zeroShapes + oneShapes + "sSzZ"

// figureMarks are the characters a figure OCR glued to a mark may hold
// besides digits, shaped letters and brackets: a token with others
// (_GB2312;, 16:34) is a code or a time, not a figure misread.
const figureMarks = ".,+-"

// bracketPairs are the square brackets of printed text, opener then closer.
var bracketPairs = [][2]rune{{'[', ']'}, {'【', '】'}, {'〔', '〕'}, {'［', '］'}}

// ocrSigns are the signs of OCR on a line: every token that shows one, and
// the first that glues a figure to a mark ("" when none does).
func ocrSigns(text string) (signs []string, figure string) {
	t := label.Fold(text)
	signs = append(signs, misclosedBracket.FindAllString(t, -1)...)
	unpaired := unpairedBrackets(t)
	for _, tok := range ocrTokens(t) {
		sign, glued := tok.sign(unpaired)
		if glued && figure == "" {
			figure = tok.text
		}
		if sign {
			signs = append(signs, tok.text)
		}
	}
	return signs, figure
}

// sign reports whether the token is a sign of OCR, and whether it is a
// figure glued to a mark: digits with an unpaired bracket or with letters
// shaped like digits, and nothing else but a sign or a decimal point.
func (tok ocrToken) sign(unpaired map[int]bool) (sign, glued bool) {
	digits, letters, other := false, "", false
	for _, c := range tok.text {
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c < unicode.MaxASCII && unicode.IsLetter(c):
			letters += string(c)
		case !isBracket(c) && !strings.ContainsRune(figureMarks, c):
			other = true
		}
	}
	marks := false
	for i := tok.start; i < tok.end; i++ {
		marks = marks || unpaired[i]
	}
	shaped := letters != "" && strings.Trim(letters, digitShapes) == ""
	glued = digits && !other && (marks || shaped) || slashGlued(tok.text)
	return glued || marks || !digits && len(letters) == len(tok.text) && zerosAndOnes(letters), glued
}

// slashGlued reports whether a token is a figure with a slash glued to
// one end (34/ for 347, /0): a cell printed / (nothing to report) is one
// alone, and a date or a fraction (2019/12/31, 1/2) has digits on both
// sides of its slashes.
func slashGlued(tok string) bool {
	t := strings.Trim(tok, "/")
	return t != tok && t != "" && plainDigits.MatchString(t)
}

// zerosAndOnes reports whether a word of letters is what OCR makes of
// zeros between rules (olololo): letters shaped like 0 and like 1 only,
// both.
func zerosAndOnes(letters string) bool {
	return len(letters) > 1 && strings.Trim(letters, zeroShapes+oneShapes) == "" &&
		strings.ContainsAny(letters, zeroShapes) && strings.ContainsAny(letters, oneShapes)
}

// ocrToken is a run of the characters OCR makes of rules and digits
// (ASCII letters, digits and signs, square brackets) at byte offsets
// start:end of its line: Han characters, spaces and bars part them.
type ocrToken struct {
	text       string
	start, end int
}

func ocrTokens(t string) []ocrToken {
	var out []ocrToken
	start := -1
	for i, c := range t {
		in := c > ' ' && c < unicode.MaxASCII && c != '|' || isBracket(c)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, ocrToken{t[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, ocrToken{t[start:], start, len(t)})
	}
	return out
}

func isBracket(c rune) bool {
	for _, p := range bracketPairs {
		if c == p[0] || c == p[1] {
			return true
		}
	}
	return false
}

// unpairedBrackets marks the byte offsets of the square brackets of t that
// no bracket of the same kind closes or opens on the line.
func unpairedBrackets(t string) map[int]bool {
	out := map[int]bool{}
	for _, p := range bracketPairs {
		var open []int
		for i, c := range t {
			switch c {
			case p[0]:
				open = append(open, i)
			case p[1]:
				if len(open) == 0 {
					out[i] = true
					continue
				}
				open = open[:len(open)-1]
			}
		}
		for _, i := range open {
			out[i] = true
		}
	}
	return out
}

// noteOCRSigns counts the signs of OCR on the lines of the tables, before
// they are read, and keeps the lines where a figure is glued to a mark,
// and the tables' lines as printed.
func (r *reader) noteOCRSigns(lines []source.Line, regions []tableSpan) {
	r.misreadFigures = map[int]string{}
	r.tableLines = map[int]string{}
	for _, g := range regions {
		for _, l := range lines[g.start:g.end] {
			r.tableLines[l.N] = l.Text
			signs, figure := ocrSigns(l.Text)
			r.misread += len(signs)
			if figure != "" {
				r.misreadFigures[l.N] = figure
			}
		}
	}
}

// misreadFigure tells why a row that prints a figure on a line where OCR
// glued a figure to a mark cannot be read, or "".
func (r *reader) misreadFigure(cur *openRow) string {
	for _, v := range cur.values {
		if tok, ok := r.misreadFigures[v.Line]; ok {
			return fmt.Sprintf("%q on line %d, among the row's figures: a figure glued to what OCR makes of a rule or a digit, the figures are not certain", tok, v.Line)
		}
	}
	return ""
}

// localRowOfMisreadText tells why a row the national form lacks cannot be
// taken in a text that shows OCR's misreadings, or "": OCR garbles labels
// past recognition (（四）无“2 没有现成信息需要另行), and such a row is more
// likely a row of the form misread than one the report adds; its figures
// adding up does not tell whose they are.
func (r *reader) localRowOfMisreadText() string {
	if r.misread == 0 {
		return ""
	}
	return fmt.Sprintf("a row the national form does not have, in a text whose cells show OCR's misreadings (%d): a row of the form whose label was misread, perhaps, and whose figures cannot be placed for certain", r.misread)
}

// distrustProactiveOfMisreadText unplaces the figures of table 2 in a text
// that shows OCR's misreadings: no identity of the form ties them (272
// read as 2, 7296.33 as 7290.33 pass every check), so a digit misread
// would stand. A figure the report's own text states for its row and
// column (本年制发规章3件) is kept: the text confirms it.
func (r *reader) distrustProactiveOfMisreadText() {
	if r.misread == 0 {
		return
	}
	where := r.proactiveCells()
	drop := map[int]bool{}
	for i, o := range r.obs {
		c, ok := where[o.Indicator]
		if !ok || o.Value == nil || o.Breakdown != gongkai.BreakdownTotal {
			continue
		}
		reason := fmt.Sprintf("a figure of table 2, which no identity of the form checks, in a text whose cells show OCR's misreadings (%d): a digit may be misread", r.misread)
		if c.row != nil {
			stated := r.statedFigures(c.row, slot{key: c.key, block: c.row.block})
			if containsFigure(stated, *o.Value) {
				continue
			}
			if len(stated) > 0 {
				reason += fmt.Sprintf(", and the report's text states %s", strings.Join(stated, ", "))
			}
		}
		drop[i] = true
		col := ""
		if o.Column != nil {
			col = *o.Column
		}
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw},
			Reason: fmt.Sprintf("%s under %s: %s", o.Raw, col, reason)})
	}
	r.dropObservations(drop)
}

// proactiveCell is where an indicator of table 2 is printed: its row of
// the form and column, or no row for a row the form lacks.
type proactiveCell struct {
	row *rowSpec
	key string
}

// proactiveCells maps each indicator of table 2, rows the form lacks
// included, to where it is printed.
func (r *reader) proactiveCells() map[string]proactiveCell {
	out := map[string]proactiveCell{}
	for _, row := range r.s.rows[tableProactive] {
		for key, ind := range row.cells {
			out[ind] = proactiveCell{row: row, key: key}
		}
		if row.block != nil {
			for key, ind := range row.block.locals {
				if _, ok := out[ind]; !ok {
					out[ind] = proactiveCell{key: key}
				}
			}
		}
	}
	return out
}

// containsFigure reports whether one of the figures stated is v.
func containsFigure(stated []string, v float64) bool {
	for _, s := range stated {
		if s == strconv.FormatFloat(v, 'f', -1, 64) {
			return true
		}
	}
	return false
}
