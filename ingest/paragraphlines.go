package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/source"
)

// A PDF-to-Markdown converter (@opendocsg/pdf2md on pdf.js) prints each
// line of the page as a paragraph of its own, a blank line after it, and
// most of them as headings (## 规章 59 31 31): the blank lines part every
// line alike and so part nothing; a table's rows and their wrapped labels
// read as a text extraction prints them only without them.

// paragraphShare is the share of a text's lines a blank line must follow
// for the blank lines to be no breaks: nearly all, so that a text whose
// paragraphs wrap over lines (the blank line then parts paragraphs) keeps
// them.
const paragraphShare = 0.97

// dropParagraphBreaks returns the lines without the blank ones when a blank
// line follows nearly every line of the text and at least a third of them
// are Markdown headings (pdf2md's shape; pdfminer's text, whose blank
// lines part the boxes of a page, has none); otherwise the lines as they
// are. Every line kept keeps its number, the spaces at its end dropped and
// its characters spaced out joined (joinSpacedCharacters).
func dropParagraphBreaks(lines []source.Line) []source.Line {
	text, after, headings := 0, 0, 0
	for i, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		text++
		if markdownHeading.MatchString(l.Text) {
			headings++
		}
		if i+1 == len(lines) || strings.TrimSpace(lines[i+1].Text) == "" {
			after++
		}
	}
	if text == 0 || float64(after) < paragraphShare*float64(text) || 3*headings < text {
		return lines
	}
	out := make([]source.Line, 0, text)
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			l.Text = joinSpacedCharacters(strings.TrimRight(l.Text, " \t"))
			out = append(out, l)
		}
	}
	return joinVerticalEnumerators(out)
}

// raisedFigure is a figure pdf2md printed raised after another figure,
// glued to it with a caret (行政许可 26 +2^29): pdf2md writes a number
// whose line sits higher than the first word of its line as a footnote's
// link, ^29, with no space before it. The number is a text item of the
// page of its own, never a piece of the figure before: between two
// figures it is a cell of the row.
var raisedFigure = regexp.MustCompile(`(?m)(^|[ \t])([-+]?\d[\d.,]*)\^([-+]?\d[\d.,]*)([ \t]|$)`)

// partRaisedFigures returns the text with a space in place of the caret
// between two figures (see raisedFigure); a caret after a word (商业^, a
// footnote's link) stays.
func partRaisedFigures(t string) string {
	// A match takes the space after it, which the next may need before
	// it (26^1 2^3): again until nothing is left, at most once a caret.
	for n := strings.Count(t, "^"); n > 0; n-- {
		parted := raisedFigure.ReplaceAllString(t, "${1}${2} ${3}${4}")
		if parted == t {
			break
		}
		t = parted
	}
	return t
}

// A cell justified across its width (Chromium's print of a page's table,
// text-align: justify) spaces its characters out, and pdf2md keeps one
// space between each: （ 四 ） 无 / 法 提 / 供, 自 然 / 人. Read apart,
// each character is a cell, and 无 (of 无法提供) a mark for nothing
// reported beside the row before. A run of single characters, Han or
// Chinese punctuation, each parted from the next by one space, is one
// word; a run of marks alone (无 无: blank cells) stays apart, and a word
// of two characters or more (法人或其他组织 总计) is no such run.

// joinSpacedCharacters returns text with its runs of spaced-out single
// characters joined (see above).
func joinSpacedCharacters(text string) string {
	if !strings.Contains(text, " ") {
		return text
	}
	tokens := strings.Split(text, " ")
	var out []string
	for i := 0; i < len(tokens); {
		j := i
		for j < len(tokens) && spacedCharacter(tokens[j]) {
			j++
		}
		if j-i >= 2 && !allMarks(tokens[i:j]) {
			out = append(out, strings.Join(tokens[i:j], ""))
			i = j
			continue
		}
		out = append(out, tokens[i])
		i++
	}
	return strings.Join(out, " ")
}

// spacedCharacter reports whether token is one Han character or one mark
// of Chinese punctuation.
func spacedCharacter(token string) bool {
	r, size := utf8.DecodeRuneInString(token)
	if size == 0 || size != len(token) {
		return false
	}
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("（）“”、，：；《》", r)
}

// allMarks reports whether every token is a mark for nothing reported.
func allMarks(tokens []string) bool {
	for _, t := range tokens {
		if !figure.NotAvailable[t] {
			return false
		}
	}
	return true
}
