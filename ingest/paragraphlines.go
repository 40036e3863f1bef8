package ingest

import (
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
