package label

import (
	"strings"
)

// Squeeze removes all white space.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, s)
}
