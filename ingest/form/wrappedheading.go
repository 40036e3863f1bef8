package form

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// A narrow cell of table 2 wraps a block's heading and the first cell of
// its header over several lines (第二十 / 条第 / （五） / 项, 信息内 / 容: a
// Word print of the national template, taken by PyMuPDF or pdftotext).
// Read piece by piece, the pieces join the label of the row before and
// the block never opens, so figures printed before their row's label
// (earlyfigures.go) are held under the block before. Lines that hold
// nothing but such pieces, and together print exactly a heading or 信息内容
// (nothing before, nothing after), are joined into one line. Text that
// keeps the columns is joined by joinWrappedHeads; both know the heads
// by wrappedHeads.

// joinWrappedHeadings joins the lines of a heading of table 2 or of
// 信息内容 printed in pieces, one a line, into the first of them.
func joinWrappedHeadings(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		if n := headingPieces(lines[i:]); n > 1 {
			joined := lines[i]
			var b strings.Builder
			for _, l := range lines[i : i+n] {
				b.WriteString(strings.TrimSpace(l.Text))
			}
			joined.Text = b.String()
			out = append(out, joined)
			i += n - 1
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// headingPieces is the number of lines, from the first, that print one
// of wrappedHeads in pieces (each line nothing but its piece), or 0.
func headingPieces(lines []source.Line) int {
	text := lines[0].Text
	if prefix, whole := headPrefix(text); !prefix || whole != "" {
		return 0
	}
	for n := 2; n <= maxHeadPieces && n <= len(lines); n++ {
		piece := strings.TrimSpace(lines[n-1].Text)
		if piece == "" || strings.ContainsAny(piece, "0123456789|") {
			return 0
		}
		text += piece
		prefix, whole := headPrefix(text)
		if whole != "" {
			return n
		}
		if !prefix {
			return 0
		}
	}
	return 0
}
