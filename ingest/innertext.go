package ingest

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A browser's innerText of a page prints a table row as its cells parted
// by tabs. Where the cells hold paragraphs (<td><p>…</p></td>, as pages
// saved from Word have them), each cell stands between blank lines and
// each tab on a line of its own:
//
//	一、本年新收政府信息公开申请数量
//
//	<tab>
//
//	26
//
//	<tab>
//
//	<tab>
//	…
//
// A cell's paragraphs are parted by one blank line, rows by three or more.
// innerTextRows joins each such row into one line of tab-parted cells, on
// the number of its first line, the other lines left blank. The first
// cell of a row takes the paragraphs before the first tab only back to a
// gap of rows (three blank lines or more): after a single blank line, the
// paragraph before a table's first row is the text above the table (its
// heading), and the cell takes only its own last paragraph. So does the
// last cell forward.

// minLoneTabs is how many lines holding only a tab make a text the
// innerText of cells holding paragraphs; one or two may be stray.
const minLoneTabs = 3

// rowGap is the number of blank lines that part two rows of such a text.
const rowGap = 3

func innerTextRows(lines []source.Line) []source.Line {
	items := innerTextItems(lines)
	tabs := 0
	for _, it := range items {
		if it.tab {
			tabs++
		}
	}
	if tabs < minLoneTabs {
		return lines
	}
	out := append([]source.Line(nil), lines...)
	for k := 0; k < len(items); k++ {
		if !items[k].tab {
			continue
		}
		first := firstCell(items, k)
		cells := []string{paragraphs(items[first:k])}
		last := k // the last item of the row
		for {
			next := last + 1
			for next < len(items) && !items[next].tab && items[next].blank < rowGap && (next == last+1 || items[next].blank == 1 && !numbered(items[next].text)) {
				next++
			}
			if next < len(items) && items[next].tab {
				cells = append(cells, paragraphs(items[last+1:next]))
				last = next
				continue
			}
			end := lastCellEnd(items, last+1, next)
			cells = append(cells, paragraphs(items[last+1:end]))
			last = max(last, end-1)
			break
		}
		from, to := items[first].from, items[last].to
		n := out[from].N
		for x := from; x <= to; x++ {
			out[x].Text = ""
		}
		out[from] = source.Line{N: n, Text: strings.Join(cells, "\t")}
		k = last
	}
	return out
}

// innerTextItem is a paragraph (lines with no blank line between) or a
// line holding only a tab, with the number of blank lines before it.
type innerTextItem struct {
	from, to int // indices of its first and last lines
	text     string
	tab      bool
	blank    int
}

func innerTextItems(lines []source.Line) []innerTextItem {
	var items []innerTextItem
	blank := 0
	for i, l := range lines {
		t := strings.TrimSpace(l.Text)
		switch {
		case loneTab(l.Text) && blankLine(lines, i-1) && blankLine(lines, i+1):
			// Between blank lines: the paragraphs' margins stand around
			// it; a lone tab among lines of cells is an empty cell of a
			// tab-led layout, a line of text.
			items = append(items, innerTextItem{from: i, to: i, tab: true, blank: blank})
		case t == "" && !loneTab(l.Text):
			blank++
			continue
		case blank == 0 && len(items) > 0 && !items[len(items)-1].tab && i > 0:
			items[len(items)-1].to = i
			items[len(items)-1].text += t
		default:
			items = append(items, innerTextItem{from: i, to: i, text: t, blank: blank})
		}
		blank = 0
	}
	return items
}

// blankLine reports whether line i is blank (and no lone tab); false
// outside the text.
func blankLine(lines []source.Line, i int) bool {
	return i >= 0 && i < len(lines) && strings.TrimSpace(lines[i].Text) == "" && !loneTab(lines[i].Text)
}

// firstCell returns the index of the first paragraph of the cell before
// the tab at item k: the paragraphs parted by one blank line back to a gap
// of rows, or only the nearest when a smaller gap (the text above the
// table) comes first.
func firstCell(items []innerTextItem, k int) int {
	first := k
	for first > 0 && !items[first-1].tab && (first == k || items[first].blank == 1) {
		first--
	}
	if first < k-1 && items[first].blank < rowGap {
		return k - 1
	}
	return first
}

// lastCellEnd returns the end (exclusive) of the last cell of a row, the
// paragraphs from..to: all when a gap of rows or the text's end follows,
// else only the first.
func lastCellEnd(items []innerTextItem, from, to int) int {
	if to-from > 1 && to < len(items) && items[to].blank < rowGap {
		return from + 1
	}
	return to
}

// numbered reports whether a paragraph starts with an enumerator (三、,
// （一）, 1.): it opens a row or a section, never goes on a cell's text.
func numbered(text string) bool { return label.Parse(text).EnumLevel() != 0 }

// paragraphs joins the text of a cell's paragraphs.
func paragraphs(items []innerTextItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.text)
	}
	return b.String()
}

// loneTab reports whether a line holds only a tab (the cells' separator).
func loneTab(text string) bool {
	return strings.Contains(text, "\t") && strings.Trim(text, " \t") == ""
}
