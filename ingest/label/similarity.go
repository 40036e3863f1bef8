package label

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Gram is a label key with what similarity needs of it, computed once.
type Gram struct {
	Key   string
	runes int
	Grams []uint64 // character bigrams, two runes packed, sorted
}

// NewGram prepares a label key for Similarity.
func NewGram(key string) Gram {
	return GramIn(key, nil)
}

// GramIn is NewGram with the bigrams in buf when they fit: a key compared
// with many prepared ones (a label against every row of a form) is
// prepared once, on the caller's stack.
func GramIn(key string, buf []uint64) Gram {
	g := Gram{Key: key, runes: utf8.RuneCountInString(key)}
	if g.runes > 0 {
		if cap(buf) < g.runes-1 {
			buf = make([]uint64, 0, max(g.runes-1, 1))
		}
		g.Grams = bigrams(key, buf[:0])
	}
	return g
}

// bigrams appends the character bigrams of a non-empty key to buf, two
// runes packed in each, sorted; a key of one rune is its own bigram.
func bigrams(key string, buf []uint64) []uint64 {
	prev, first := rune(0), true
	for _, r := range key {
		if !first {
			buf = append(buf, uint64(prev)<<32|uint64(r))
		}
		prev, first = r, false
	}
	if len(buf) == 0 {
		buf = append(buf, uint64(prev))
	}
	slices.Sort(buf)
	return buf
}

// Similarity scores how well two label keys agree, from 0 to 1: 1 when equal,
// high when one contains the other, else the Dice coefficient of their
// character bigrams. It is GramSimilarity of the two keys' Grams, without
// making them: the parsers call it for every label and catalogue row, and
// making the Grams was a fifth of their time.
func Similarity(a, b string) float64 {
	if s, decided := similarWhole(a, b, utf8.RuneCountInString(a), utf8.RuneCountInString(b)); decided {
		return s
	}
	var bufA, bufB [64]uint64 // most keys are shorter: no allocation
	return dice(bigrams(a, bufA[:0]), bigrams(b, bufB[:0]))
}

// GramSimilarity is similarity on keys prepared once, for the hot loop of
// matching.
func GramSimilarity(a, b Gram) float64 {
	if s, decided := similarWhole(a.Key, b.Key, a.runes, b.runes); decided {
		return s
	}
	return dice(a.Grams, b.Grams)
}

// similarWhole scores two keys of na and nb runes on their whole wording
// (none, the same, one inside the other) and reports whether that decided
// it; if not, the Dice coefficient of their bigrams does.
func similarWhole(a, b string, na, nb int) (float64, bool) {
	if a == "" || b == "" {
		return 0, true
	}
	if a == b {
		return 1, true
	}
	short, long := na, nb
	if short > long {
		short, long = long, short
	}
	if short >= minContained && (strings.Contains(a, b) || strings.Contains(b, a)) {
		return Contained + containedSpan*float64(short)/float64(long), true
	}
	return 0, false
}

// dice is the Dice coefficient of two sorted multisets.
func dice(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// The scores that decide a match. Their values follow from how Similarity
// scores: 1 for the same key; for a key of at least minContained runes held
// whole in the other, Contained plus containedSpan times the share of the
// longer key it covers (so from 0.8 up to, never reaching, 0.95); otherwise
// the Dice coefficient of the two keys' bigrams.
const (
	// Exact is the score of the same key, and only of it.
	Exact = 1.0
	// Same is the same wording, give or take floating-point rounding: the
	// test for a header cell printed alone that opens a table.
	Same = 0.99
	// Full is reached only by the same wording or one that differs in a
	// character or two (Dice 0.95): a containment never reaches it, so a
	// label that merely holds another one (其他 in 3.其他) is not taken
	// for a row that needs its full wording.
	Full = 0.95
	// Close is a header cell's wording give or take a word: a containment
	// covering two thirds of the longer key (0.8 + 0.15·2/3), or Dice 0.9.
	// Header cells are short, so a looser test would let a row label that
	// holds a header word (结果维持, 总计) pass for the header.
	Close = 0.9
	// Contained is the least a containment scores: a label holding a
	// wording of the form whole (a note added, a prefix cut), or Dice 0.8.
	Contained = 0.8
	// Ordered is what the label of a numbered row needs when it is the row
	// the form prints next, after the last row read, under the same
	// heading, with the same number: its place and number say which row it
	// is, and the wording need only share most of its bigrams with the
	// form's (a character or three lost in print or conversion).
	Ordered = 0.6
	// MatchThreshold is the similarity a label needs to be placed on a row.
	// It sits below Contained, so that every containment places. Below it
	// a row is reported as unplaced, never guessed.
	MatchThreshold = 0.75
	// AmbiguityMargin is how far the best candidate row must score above
	// the next one for the match to count; closer than that, the row is
	// unplaced with both candidates named.
	AmbiguityMargin = 0.04
)

const (
	// minContained is the length, in runes, a key needs for containment
	// to count: shorter keys (其他, 总计, 合计) sit inside too many labels.
	minContained = 4
	// containedSpan is how much more a containment scores the more of the
	// longer key it covers, up to Contained+containedSpan = Full, which it
	// never reaches.
	containedSpan = 0.15
)
