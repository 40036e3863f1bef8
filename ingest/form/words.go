package form

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
)

// apart reports whether two words parted by one space are two cells: both
// are labels or headers of the form, or both pieces of table 2's headers;
// never when the two, joined, are one wording of the form, as OCR prints
// a header with a space inside (上一年项目 数量).
func (r *reader) apart(a, b string) bool {
	if r.knownWhole(a+b) || r.knownPiece(a, b) {
		return false
	}
	if label.Parse(b).Enum != "" {
		// A label starts at its number: a piece of a merged heading
		// printed beside it (（四）无法 2.没有现成信息…) is another cell.
		return true
	}
	if r.known(a) && r.known(b) {
		return true
	}
	if r.twoWordings(a, b) {
		return true
	}
	la, lb := label.Parse(a), label.Parse(b)
	return la.Enum == "" && lb.Enum == "" && r.isProactiveHeader(la, true) && r.isProactiveHeader(lb, true)
}

// twoWordings reports whether a, characters printed one by one with spaces
// between them, and b, one word, are each a piece of a wording of the form,
// and joined a piece of none: a merged heading printed in spaced
// characters beside the wrapped label of a row under it (无 法 提 要另行制作,
// 无法提供 and 没有现成信息需要另行制作) is two cells, whatever the spaces.
func (r *reader) twoWordings(a, b string) bool {
	if !spacedCharacters(a) || strings.ContainsAny(b, " \u3000") {
		return false
	}
	ka, kb := label.Parse(a).Key, label.Parse(b).Key
	if utf8.RuneCountInString(ka) < 2 || utf8.RuneCountInString(kb) < 2 {
		return false // a single character is in many wordings
	}
	return r.inWording(ka) && r.inWording(kb) && !r.inWording(ka+kb)
}

// spacedCharacters reports whether text is characters one by one with
// spaces between them (无 法 提), as a narrow merged heading is printed.
func spacedCharacters(text string) bool {
	words := strings.Fields(text)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) != 1 {
			return false
		}
	}
	return true
}

// inWording reports whether key is inside some wording of the form.
func (r *reader) inWording(key string) bool {
	return r.anyWording(func(e *entry) bool {
		for _, k := range e.keys {
			if strings.Contains(k, key) {
				return true
			}
		}
		return false
	})
}

// knownWhole reports whether text is, word for word, a row, column, span
// or block label of the form.
func (r *reader) knownWhole(text string) bool {
	key := label.Parse(text).Key
	var buf [64]uint64
	g := label.GramIn(key, buf[:0]) // once, not once a wording
	return key != "" && r.anyWording(func(e *entry) bool { return e.scoreGram(g) >= label.Same })
}

// minJoinedPiece is the length, in runes, two words joined need to be taken
// for a piece of one wording rather than two cells: shorter ones are the
// words of many labels.
const minJoinedPiece = 4

// knownPiece reports whether text, two words joined, is a piece of one
// wording of the form longer than either word: a header OCR printed with
// spaces inside (对外公 开总 数量).
func (r *reader) knownPiece(a, b string) bool {
	key := label.Parse(a + b).Key
	if utf8.RuneCountInString(key) < minJoinedPiece {
		return false
	}
	return r.inWording(key)
}

// anyWording reports whether any row, column, span or block label of the
// form satisfies ok.
func (r *reader) anyWording(ok func(*entry) bool) bool {
	for _, t := range []int{tableProactive, tableApplications} {
		for _, row := range r.s.rows[t] {
			if ok(&row.entry) {
				return true
			}
		}
	}
	for _, t := range []int{tableApplications, tableReviews} {
		for _, sp := range r.s.spans[t] {
			if ok(sp) {
				return true
			}
		}
	}
	for _, b := range r.s.blocks {
		if ok(&b.entry) {
			return true
		}
		for _, c := range b.columns {
			if ok(&c.entry) {
				return true
			}
		}
	}
	return false
}

// known reports whether text alone is a label, header or heading of the form.
func (r *reader) known(text string) bool {
	l := label.Parse(text)
	if l.Key == "" {
		return false
	}
	if l.Key == "信息内容" || articleBlock.MatchString(label.Squeeze(label.Fold(text))) || r.matchRow(l) != nil {
		return true
	}
	for _, t := range []int{3, 4} {
		for _, sp := range r.s.spans[t] {
			if sp.score(l.Key) >= label.Close {
				return true
			}
		}
	}
	for _, b := range r.s.blocks {
		if b.score(l.Key) >= label.Close {
			return true
		}
		for _, c := range b.columns {
			if c.score(l.Key) >= label.Close {
				return true
			}
		}
	}
	return false
}
