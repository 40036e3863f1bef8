package form

import (
	"github.com/gongkai/gongkai/ingest/label"
)

// apart reports whether two words parted by one space are two cells: both
// are labels or headers of the form, or both pieces of table 2's headers.
func (r *reader) apart(a, b string) bool {
	if r.known(a) && r.known(b) {
		return true
	}
	la, lb := label.Parse(a), label.Parse(b)
	return la.Enum == "" && lb.Enum == "" && r.isProactiveHeader(la, true) && r.isProactiveHeader(lb, true)
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
