package ingest

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/gongkai/gongkai/ingest/source"
)

// Many PDFs (Chrome's and Skia's among them, and so the web pages governments
// print to PDF) map the glyphs of common characters to the Kangxi radicals
// and the CJK radicals that look alike: their text layer says ⼀、⼈⺠政府
// ⾏政规范性⽂件 where the page shows 一、人民政府 行政规范性文件. pdftotext,
// pdfminer and a viewer's copy all print what the text layer says, so no
// label, heading or unit of the form would match. These code points are
// never written on purpose in a report: each is read as the ideograph it
// stands for.

// radicalFold holds the CJK Radicals Supplement characters that stand for a
// whole ideograph, with that ideograph (Unicode's
// EquivalentUnifiedIdeograph.txt); NFKC maps none but two of them. The
// Kangxi radicals and the compatibility ideographs are NFKC's.
var radicalFold = map[rune]rune{
	'⺁': '厂', '⺊': '卜', '⺌': '小', '⺒': '巳', '⺓': '幺', '⺗': '心', '⺝': '月',
	'⺟': '母', '⺠': '民', '⺧': '牛', '⺩': '王', '⺫': '目', '⺬': '示', '⺮': '竹',
	'⺯': '糸', '⺰': '纟', '⺴': '网', '⺷': '羊', '⺻': '聿', '⺼': '肉', '⺽': '臼',
	'⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻊': '足',
	'⻋': '车', '⻐': '钅', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青',
	'⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻢': '马',
	'⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
	'⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
}

// standsForIdeograph reports whether c is a radical or compatibility
// ideograph that a text layer prints for a unified ideograph.
func standsForIdeograph(c rune) bool {
	switch {
	case c >= 0x2E80 && c <= 0x2FDF: // CJK Radicals Supplement, Kangxi Radicals
		return true
	case c >= 0xF900 && c <= 0xFAFF, c >= 0x2F800 && c <= 0x2FA1F: // CJK Compatibility Ideographs (and Supplement)
		return true
	}
	return false
}

// foldRadicals writes each radical or compatibility ideograph of s as the
// unified ideograph it stands for; a radical that stands for none (a
// component such as ⺅) stays as printed.
func foldRadicals(s string) string {
	if !strings.ContainsFunc(s, standsForIdeograph) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		if !standsForIdeograph(c) {
			b.WriteRune(c)
			continue
		}
		if u, ok := radicalFold[c]; ok {
			b.WriteRune(u)
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], c)
		if f := norm.NFKC.Bytes(buf[:n]); utf8.RuneCount(f) == 1 {
			b.Write(f)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// foldSpaces writes the typographic spaces (U+2000 to U+200A, U+202F,
// U+205F: en, em, thin spaces …) of s as one space each. A header cell
// justified in Word or on a web page spaces its characters with them
// (统 计 指 标 with em spaces); the form's words are matched with spaces
// squeezed out, which these are then, and a text aligned by columns keeps
// its columns, one character for one.
func foldSpaces(s string) string {
	if !strings.ContainsFunc(s, typographicSpace) {
		return s
	}
	return strings.Map(func(c rune) rune {
		if typographicSpace(c) {
			return ' '
		}
		return c
	}, s)
}

func typographicSpace(c rune) bool {
	return c >= 0x2000 && c <= 0x200A || c == 0x202F || c == 0x205F
}

// foldDocument folds the radicals and typographic spaces of every line and
// cell of doc.
func foldDocument(doc *source.Document) {
	for i := range doc.Lines {
		doc.Lines[i].Text = foldSpaces(foldRadicals(doc.Lines[i].Text))
	}
	for n, cells := range doc.Cells {
		for i := range cells {
			cells[i].Text = foldSpaces(foldRadicals(cells[i].Text))
		}
		doc.Cells[n] = cells
	}
}
