package form

import (
	"github.com/gongkai/gongkai/ingest/label"
)

// apart reports whether two words parted by one space are two cells: both
// are labels or headers of the form, or both pieces of table 2's headers;
// never when the two, joined, are one wording of the form, as OCR prints
// a header with a space inside (上一年项目 数量).
func (r *reader) apart(a, b string) bool {
	if r.knownWhole(a + b) {
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
	la, lb := label.Parse(a), label.Parse(b)
	return la.Enum == "" && lb.Enum == "" && r.isProactiveHeader(la, true) && r.isProactiveHeader(lb, true)
}

// knownWhole reports whether text is, word for word, a row, column, span
// or block label of the form.
func (r *reader) knownWhole(text string) bool {
	l := label.Parse(text)
	if l.Key == "" {
		return false
	}
	for _, t := range []int{tableProactive, tableApplications} {
		for _, row := range r.s.rows[t] {
			if row.score(l.Key) >= label.Same {
				return true
			}
		}
	}
	for _, t := range []int{tableApplications, tableReviews} {
		for _, sp := range r.s.spans[t] {
			if sp.score(l.Key) >= label.Same {
				return true
			}
		}
	}
	for _, b := range r.s.blocks {
		if b.score(l.Key) >= label.Same {
			return true
		}
		for _, c := range b.columns {
			if c.score(l.Key) >= label.Same {
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
