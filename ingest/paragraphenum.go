package ingest

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// A heading of table 3 merged over its rows and printed in a narrow cell a
// character a line (（ / 四 / ） / 无 / 法 / 提 / 供, LibreOffice's print of
// 沭阳 2023 through pdf2md) leaves its enumerator's brackets each on a
// line of its own. Alone, a bracket is what OCR makes of a table's rule
// (ocrMark): read as a row's label, it would mark the whole text as
// recognised from images, and every figure of table 2, which no identity
// checks, would be distrusted. joinVerticalEnumerators puts the pieces of
// such an enumerator back on one line: an opening bracket, a Chinese
// numeral and a closing bracket, each the whole of one line of three in a
// row. A bracket alone with no numeral after it stays as printed.

// The pieces of an enumerator printed a piece a line.
var (
	openingBracket = regexp.MustCompile(`^[(（]$`)
	chineseNumeral = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}$`)
	closingBracket = regexp.MustCompile(`^[)）]$`)
)

// joinVerticalEnumerators returns lines with each enumerator printed a
// piece a line joined on the line of its opening bracket.
func joinVerticalEnumerators(lines []source.Line) []source.Line {
	out := make([]source.Line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if i+2 < len(lines) && enumeratorPieces(lines[i:i+3]) {
			l := lines[i]
			l.Text = pieceText(lines[i]) + pieceText(lines[i+1]) + pieceText(lines[i+2])
			out = append(out, l)
			i += 2
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// enumeratorPieces reports whether three lines are an opening bracket, a
// Chinese numeral and a closing bracket, each alone on its line.
func enumeratorPieces(three []source.Line) bool {
	return openingBracket.MatchString(pieceText(three[0])) && chineseNumeral.MatchString(pieceText(three[1])) &&
		closingBracket.MatchString(pieceText(three[2]))
}

// pieceText is a line's text without the marks of a Markdown heading and
// the spaces around it.
func pieceText(l source.Line) string {
	return strings.TrimSpace(markdownHeading.ReplaceAllString(l.Text, ""))
}
