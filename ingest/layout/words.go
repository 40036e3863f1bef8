package layout

// Word is a piece of a line between white space, with its first and last
// (half-open) column.
type Word struct {
	Text   string
	X0, X1 int
}

// Words splits a line at white space, counting columns with a CJK
// character wide columns: 1 as pdftotext's grid counts them, 2 as a
// monospaced display shows them.
func Words(s string, wide int) []Word {
	toks := tokensWide(s, 0, wide)
	out := make([]Word, len(toks))
	for i, t := range toks {
		out[i] = Word{Text: t.text, X0: t.x0, X1: t.x1}
	}
	return out
}
