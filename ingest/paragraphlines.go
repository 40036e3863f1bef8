package ingest

import (
	"regexp"
	"strings"

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
// are. Every line kept keeps its number.
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
			l.Text = strings.TrimRight(l.Text, " \t")
			out = append(out, l)
		}
	}
	return out
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
	if !strings.Contains(t, "^") {
		return t
	}
	return raisedFigure.ReplaceAllString(t, "${1}${2} ${3}${4}")
}
