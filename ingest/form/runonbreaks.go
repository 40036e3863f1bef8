package form

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/source"
)

// A web page's text taken with the cells run together (html-to-text) keeps
// the page's <br>s inside cells as line breaks: table 4's header prints
// 复议后起诉结果 / 维持结果 / 纠正其他 / 结果尚未 / 审结总计4320901001…, each
// break inside a column's name (结果|维持, 尚未|审结), the figures glued to
// the last. Read line by line, no line is a header and the figures are no
// row's. joinBrokenCells joins such lines back: only where the lines of
// labels run together, with the labels of the line after them before its
// first figure, cut wholly into labels of the form, and only at the breaks
// that fall inside a label; a break between two labels stays.

// The same page's text may part the header's cells with single spaces
// where the page had a line of its own for each of them, the figures after
// one more (行政复议行政诉讼 结果维持结果纠正…总计 45628209915…): a line of
// labels of the form only, at least minRunOnSignals of them, then one run
// of figures is joined into the header run together with its figures glued
// on, as a page run on whole prints it.

// spacedHeaderFigures matches a line of words parted by single spaces,
// with no figure, then one run of figures: the words and the figures.
var spacedHeaderFigures = regexp.MustCompile(`^(\p{Han}[^0-9|\t ]*(?: [^0-9|\t ]+)+) ([0-9]+)$`)

// joinBrokenCells returns lines with the line breaks that fall inside the
// labels of a header run together taken out.
func (r *reader) joinBrokenCells(lines []source.Line) []source.Line {
	var as []anchor
	var out []source.Line
	for i := 0; i < len(lines); {
		if m := spacedHeaderFigures.FindStringSubmatch(lines[i].Text); m != nil {
			if as == nil {
				as = r.anchors()
			}
			if labels := strings.ReplaceAll(m[1], " ", ""); len(gluedHeader(labels, as)) >= minRunOnSignals {
				l := lines[i]
				l.Text = labels + m[2]
				out = append(out, l)
				i++
				continue
			}
		}
		j := i
		for j < len(lines) && maybeGluedHeader(lines[j].Text) {
			j++
		}
		if j-i < 2 && !(j > i && j < len(lines) && labelsBeforeFigures(lines[j].Text) != "") {
			out = append(out, lines[i:max(j, i+1)]...)
			i = max(j, i+1)
			continue
		}
		if as == nil {
			as = r.anchors()
		}
		end := j
		if j < len(lines) && labelsBeforeFigures(lines[j].Text) != "" {
			end = j + 1 // the line whose labels end the header, figures glued on
		}
		out = append(out, joinInsideLabels(lines[i:end], as)...)
		i = end
	}
	return out
}

// labelsBeforeFigures is the text of a line before its first figure, when
// it opens with labels glued to figures (审结总计4320901001…); "" otherwise.
func labelsBeforeFigures(text string) string {
	loc := hanDigit.FindStringIndex(text)
	if loc == nil || !maybeGluedHeader(text[:loc[1]-1]) {
		return ""
	}
	return text[:loc[1]-1]
}

// joinInsideLabels joins lines at each break that falls inside a label of
// the form, when their labels (the last line's up to its first figure) cut
// wholly into labels of the form; otherwise it returns them as they are.
func joinInsideLabels(lines []source.Line, as []anchor) []source.Line {
	var b strings.Builder
	breaks := make([]int, 0, len(lines)) // rune offset of each line's end
	for k, l := range lines {
		text := l.Text
		if k == len(lines)-1 && !maybeGluedHeader(text) {
			text = labelsBeforeFigures(text)
		}
		b.WriteString(text)
		breaks = append(breaks, utf8.RuneCountInString(b.String()))
	}
	t := newRunText(b.String())
	pieces, end := t.cut(0, as)
	if end != len(t.raw) || len(pieces) < 2 || strings.ContainsRune(keySkip, t.fold[0]) {
		// Lines that open with punctuation (、 / 本 / 年 / …, a label
		// printed one character a line) go on with a label begun before
		// them, which the reader joins: they are left as they are.
		return lines
	}
	for _, p := range pieces {
		if !p.anchored {
			return lines
		}
	}
	inside := make([]bool, len(lines))
	any := false
	for k, at := range breaks[:len(breaks)-1] {
		inside[k] = t.acrossLabel(at, as)
		any = any || inside[k]
	}
	if !any {
		return lines
	}
	var out []source.Line
	for k, l := range lines {
		if k > 0 && inside[k-1] {
			// The joined line takes the number of its last: the lines
			// after it follow on as they did.
			out[len(out)-1].Text += l.Text
			out[len(out)-1].N = l.N
			continue
		}
		out = append(out, l)
	}
	return out
}

// acrossLabel reports whether a label of the form printed in t runs
// across rune offset at (结果|维持 in 结果维持): a piece of text the cut
// only swept into a label's piece (其他结果|尚未) is no label across.
func (t runText) acrossLabel(at int, as []anchor) bool {
	for _, a := range as {
		for s := max(0, at-len(a.key)+1); s < at; s++ {
			if t.match(s, a.key) > at {
				return true
			}
		}
	}
	return false
}

// joinRunOnPage joins to a line of tables run together the lines that go
// on with it. A page's text taken with its markup's line breaks kept (a
// crawler's text of the DOM) breaks the run wherever the markup broke a
// line: inside a cell (社会公益 / 组织), between a row's label and its
// figures. Each break is a space where the page shows the text, as in the
// texts that collapse whitespace, which are read run together whole. The
// lines joined follow directly, up to a blank line; a line with a cell
// separator or a gap of spaces between its words (a line of another
// layout) is never joined, nor joined to; nor is a line of figures parted
// by single spaces (一、本年新收政府信息公开申请数量 17 0 0 0 0 0 17: a row
// of OCR's text, say, after a paragraph that names the form's columns).
func joinRunOnPage(lines []source.Line, starts []string) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if runOn(l.Text, starts) && continuesRun(l.Text) {
			for i+1 < len(lines) && continuesRun(lines[i+1].Text) && !spacedFigures.MatchString(lines[i+1].Text) {
				i++
				l.Text = source.Trim(l.Text) + " " + source.Trim(lines[i].Text)
			}
		}
		out = append(out, l)
	}
	return out
}

// spacedFigures matches figures parted by one space: cells of a row.
var spacedFigures = regexp.MustCompile(`[0-9] [0-9]`)

// continuesRun reports whether a line may be a piece of tables run
// together: not blank, no cell separator, no gap of spaces inside.
func continuesRun(text string) bool {
	t := source.Trim(text)
	return t != "" && !strings.ContainsAny(t, "|\t") && !strings.Contains(t, "  ")
}
