package source

import (
	"strings"
	"unicode"
)

// Trim removes the space around a cell's text, full-width included.
func Trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' })
}

// NormalizeNewlines turns CRLF and CR line ends into LF.
func NormalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
