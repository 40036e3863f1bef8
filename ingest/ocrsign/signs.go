// Package ocrsign finds the signs that a text was recognised by OCR from
// page images, shared by the readers of the forms (ingest/form) and of the
// legacy table (ingest/legacy), which trust such a text less.
//
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
// what kind of text this is; the readers say what they then refuse.
package ocrsign

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
)

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

// Find gives the signs of OCR on a line: every token that shows one, and
// the first that glues a figure to a mark ("" when none does).
func Find(text string) (signs []string, figure string) {
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

// plainDigits matches a whole number printed with no mark.
var plainDigits = regexp.MustCompile(`^[0-9]+$`)

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

// Reround gives back the round brackets OCR misread as angle ones (〈一)
// for （一）, 区〈市) for 区（市）): the text of a row's number and label as
// printed.
func Reround(text string) string {
	return misclosedBracket.ReplaceAllStringFunc(text, func(m string) string {
		_, open := utf8.DecodeRuneInString(m)
		_, close := utf8.DecodeLastRuneInString(m)
		return "（" + m[open:len(m)-close] + "）"
	})
}
