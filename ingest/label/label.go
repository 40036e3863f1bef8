// Package label normalises and matches the printed labels of table rows
// and headers: Fold gives every text one spelling (half-width, Simplified),
// Parse splits a row label into its numbering, 其中 and key words, and
// Similarity scores two keys. Every score that decides a match is a named
// constant here (Exact … AmbiguityMargin) that says why it has its value.
package label

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/catalog"
	"golang.org/x/text/width"
)

// Fold maps full-width ASCII to half-width (（ → (, ０ → 0, U+3000 → space),
// Traditional characters seen in mirrored reports to Simplified, and NBSP to
// a space, so that the rest of the parser deals with one spelling.
func Fold(s string) string {
	wide, trad := false, false
	tf := traditionalFold()
	for _, r := range s {
		switch {
		case r == '\u00a0' || r == '\u3000' || r >= 0xFF01 && r <= 0xFFEE:
			wide = true
		case r >= 0x4E00 && tf.starts(r):
			trad = true
		}
	}
	if wide { // most text has nothing to fold: skip the work then
		s = foldWidth(s)
	}
	if trad {
		s = tf.replacer.Replace(s)
	}
	return s
}

// foldWidth is width.Fold with NBSP as a space. The full-width ASCII and
// U+3000, nearly all the wide text reports print, are folded here in one
// pass; a string with any other width variant (half-width katakana, ￥)
// goes to width.Fold whole.
func foldWidth(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00a0' || r == '\u3000':
			b.WriteByte(' ')
		case r >= 0xFF01 && r <= 0xFF5E: // ！ … ～
			b.WriteByte(byte(r - 0xFF01 + '!'))
		case r >= 0xFF5F && r <= 0xFFEE:
			return strings.ReplaceAll(width.Fold.String(s), "\u00a0", " ")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// traditional folds the Traditional characters of the form's wording, as
// mis-converted mirrors print them, to Simplified ones: the pairs of the
// catalogue's traditional.csv. first holds the first runes of the
// Traditional keys that differ from their Simplified form, so that text
// with none of them is not scanned again (a pair of one character and
// itself, 理 → 理, changes nothing).
type traditional struct {
	first    map[rune]bool
	bmp      [0x10000 / 64]uint64 // first, for the runes of the BMP: a bit each
	replacer *strings.Replacer
}

// starts reports whether r is in first.
func (t *traditional) starts(r rune) bool {
	if r < 0x10000 {
		return t.bmp[r/64]&(1<<(r%64)) != 0
	}
	return t.first[r]
}

var traditionalFold = sync.OnceValue(func() *traditional {
	pairs := catalog.MustLoad().Traditional
	t := &traditional{first: map[rune]bool{}, replacer: strings.NewReplacer(pairs...)}
	for i := 0; i < len(pairs); i += 2 {
		if pairs[i] == pairs[i+1] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(pairs[i])
		t.first[r] = true
		if r < 0x10000 {
			t.bmp[r/64] |= 1 << (r % 64)
		}
	}
	return t
})

// enumerator matches the numbering that starts a printed row label:
// 一、 第一、 (一) 1. 1、 (1) 1) ①.
var enumerator = regexp.MustCompile(`^(?:第?[一二三四五六七八九十]+[、.,，．]|\([一二三四五六七八九十]+\)|\d{1,2}[、,，．.]|\(\d{1,2}\)|\d{1,2}\)|[①-⑳])`)

// subsetPrefix matches the 其中 that marks a subset row.
var subsetPrefix = regexp.MustCompile(`^其中[:：]?`)

// enumeratorOf is enumerator.FindString(s), the pattern tried only on a
// text that starts as a numbering can (most labels do not).
func enumeratorOf(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if r != '第' && r != '(' && !(r >= '0' && r <= '9') && !(r >= '①' && r <= '⑳') && !strings.ContainsRune("一二三四五六七八九十", r) {
		return ""
	}
	return enumerator.FindString(s)
}

// subsetPrefixOf is subsetPrefix.FindString(s), tried only on a text that
// starts with 其中.
func subsetPrefixOf(s string) string {
	if !strings.HasPrefix(s, "其中") {
		return ""
	}
	return subsetPrefix.FindString(s)
}

// Label is a printed row label split into what the parser reasons about.
type Label struct {
	printed string // as printed: wrapped parts joined, surrounding space trimmed
	Enum    string // the enumerator, folded ("一、", "(一)", "1."), or ""
	Subset  bool   // starts with 其中
	Key     string // folded, no space, no enumerator, no 其中, no bracketed notes
}

// Parse splits a printed row label into its numbering, 其中 and key.
func Parse(printed string) Label {
	l := Label{printed: printed}
	s := Fold(printed)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	// 1.5 is a number, not the enumerator 1. before a label.
	if m := enumeratorOf(s); m != "" && !(strings.HasSuffix(m, ".") && len(s) > len(m) && IsDigit(s[len(m)])) {
		l.Enum = m
		s = s[len(m):]
	}
	if m := subsetPrefixOf(s); m != "" {
		l.Subset = true
		s = s[len(m):]
	}
	l.Key = Key(s)
	return l
}

// EnumLevel is the depth a numbering style marks in the national forms:
// 1 for 一、, 2 for (一), 3 for 1. or (1); 0 when there is none.
func (l Label) EnumLevel() int {
	switch {
	case l.Enum == "":
		return 0
	case strings.HasPrefix(l.Enum, "(") && !IsDigit(l.Enum[1]):
		return 2
	case IsDigit(l.Enum[0]) || strings.HasPrefix(l.Enum, "(") || strings.ContainsAny(l.Enum, "①②③④⑤⑥⑦⑧⑨⑩"):
		return 3
	}
	return 1
}

// IsDigit reports whether b is an ASCII digit.
func IsDigit(b byte) bool { return b >= '0' && b <= '9' }

// Ordinal is the number an enumerator gives its row (二 → 2, 3. → 3,
// 十一 → 11), 0 when there is none.
func (l Label) Ordinal() int {
	n, digits := 0, false
	for _, r := range l.Enum {
		switch {
		case r >= '0' && r <= '9':
			n, digits = n*10+int(r-'0'), true
		case r >= '①' && r <= '⑳':
			return int(r-'①') + 1
		case r == '十':
			if n == 0 {
				n = 1
			}
			n *= 10
		default:
			if d := strings.IndexRune("一二三四五六七八九", r); d >= 0 && !digits {
				v := d/3 + 1 // each of these runes is 3 bytes in UTF-8
				if n >= 10 && n%10 == 0 {
					n += v
				} else {
					n = v
				}
			}
		}
	}
	return n
}

// Key reduces a label to the words that identify its row: bracketed
// notes, quotes and punctuation go; an unclosed bracket (a note cut off by a
// line wrap) goes to the end.
func Key(s string) string {
	s = Fold(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '【', '〔', '[':
			depth++
			continue
		case ')', '】', '〕', ']':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 || unicode.IsSpace(r) || strings.ContainsRune(`《》“”"'‘’:：;；,，.。、`, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Squeeze removes all white space.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// Heading matches a numbered heading of the first level: 一、概述.
var Heading = regexp.MustCompile(`^第?[一二三四五六七八九十]+、`)
