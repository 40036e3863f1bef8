package form

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// A row of table 3 prints its 总计 beside the six applicant columns it is
// the sum of. OCR misreads figures in ways no layout shows: a table's rule
// read as the digit 1 glued to a figure (|677 → 1677), a digit dropped (11
// → 1), a 0 read as D or o. Such a row still prints seven figures under
// seven columns, and only its arithmetic tells; but reports print rows
// that do not add up too, so such a row of the form is kept as printed
// (the checks flag it).

// A row of table 3 the form lacks (a local row) is taken only when it
// prints a figure under each of the seven columns and they add up: OCR
// makes such rows of pieces of labels it misread, with a figure or two
// beside them.

// applicantsMisread tells why the figures of a row of table 3, lined up
// with its columns, cannot be taken: "" when every column has a figure and
// 总计 is their sum, or, for a row of the form, when a column is blank or
// holds no number (nothing to check).
func applicantsMisread(slots []slot, values []*layout.Cell, target *rowTarget) string {
	local := slices.Contains(target.flags, gongkai.FlagLocalRow)
	const misreadLocal = "a row the national form does not have, without a figure under each of the form's seven columns: a label misread, perhaps, and its figures are not certain"
	if local && len(values) != applicantColumns+1 {
		return misreadLocal
	}
	var sum, total float64
	seen := 0
	for i, v := range values {
		var n *float64
		if v != nil {
			n = figure.Parse(v.Raw).Number
		}
		switch {
		case n == nil && local:
			return misreadLocal
		case n == nil:
			return ""
		}
		seen++
		if slots[i].key == "total" {
			total = *n
			continue
		}
		sum += *n
	}
	// A row of the form that does not add up is kept as printed (reports
	// do print such rows, and the checks flag them); taking it for OCR's
	// misreading would drop a published figure.
	if seen != applicantColumns+1 || sum == total || !local {
		return ""
	}
	return fmt.Sprintf("总计 %s is not the sum of the six applicant columns (%s): a figure is misread, and nothing shows which",
		strconv.FormatFloat(total, 'f', -1, 64), strconv.FormatFloat(sum, 'f', -1, 64))
}

// apartNotAddingUp says why a row of table 3 whose first figure is glued to
// its label's last line and the others stand on lines of their own (a text
// that printed the table's cells apart, pdfminer) and do not add up is not
// read: there the figures after
// a label may be other rows' (7.属于行政执法案卷 10 / 3 / 2 / 4 / 2 / 8 / 1, a
// column of the rows below it), and a row printed side by side that does
// not add up is kept as published. "" otherwise.
func apartNotAddingUp(slots []slot, values []*layout.Cell, labelLine int) string {
	if len(values) == 0 || values[0] == nil || values[0].Line != labelLine {
		return "" // a text of one cell a line (cells apart from their label too) keeps its rows
	}
	lines := map[int]bool{}
	var sum, total float64
	for i, v := range values {
		if v == nil {
			return ""
		}
		n := figure.Parse(v.Raw).Number
		if n == nil {
			return ""
		}
		lines[v.Line] = true
		if slots[i].key == "total" {
			total = *n
		} else {
			sum += *n
		}
	}
	if len(values) != applicantColumns+1 || len(lines) < 3 || sum == total {
		return ""
	}
	return fmt.Sprintf("the row's figures stand on lines of their own and do not add up to its 总计 (%s ≠ %s): in a text that printed the cells apart they may be other rows'",
		strconv.FormatFloat(sum, 'f', -1, 64), strconv.FormatFloat(total, 'f', -1, 64))
}

// rowNumberLostDot matches a row's number whose dot OCR lost (3 要求提供
// 公开出版物, 了处理 | 4无正当理由…) or parted from it by a space (1 .本机
// 关不掌握相关政府): one digit, at the start of the line or of a cell,
// before two Han characters, a dot between them or not. A number with its
// dot beside it (1.本机关…) matches too and is left as it is.
var rowNumberLostDot = regexp.MustCompile(`(^|[\s|｜])([1-9])([ \x{3000}]*)(?:[.．][ \x{3000}]*)?(\p{Han}{2})`)

// dotRowNumbers gives back the dot of row numbers OCR lost or parted from
// them, so that the number is read as a row's number and not as a figure
// before its label (the row before's, which then prints one too many).
func (r *reader) dotRowNumbers(lines []source.Line) []source.Line {
	for i, l := range lines {
		if rowNumberLostDot.MatchString(l.Text) {
			lines[i].Text = r.dotLineNumbers(l.Text)
		}
	}
	return lines
}

// dotLineNumbers puts the dot after each row number of a line that lost
// it, unless the word after the digit is a unit or a date. A digit after
// figures may be the last of them, where a converter ran a table's rows
// together on a line (规章 0 0 7 行政规范性文件, 行政规范性文件 0 5 5
// 第二十条第（五）项): it numbers the row only when the form has a row of
// that number whose wording opens with the words after it.
func (r *reader) dotLineNumbers(text string) string {
	var b strings.Builder
	prev := 0
	for _, m := range rowNumberLostDot.FindAllStringSubmatchIndex(text, -1) {
		digit, words := text[m[4]:m[5]], text[m[8]:m[9]]
		dotted := m[7] < m[8] && m[6] == m[7] // 1.本机关: nothing lost
		first, _ := utf8.DecodeRuneInString(words)
		if dotted || strings.ContainsRune(unitOrDate, first) || (afterFigure(text[:m[4]]) && !r.numberedRow(digit, words)) {
			continue
		}
		b.WriteString(text[prev:m[5]])
		b.WriteString(".")
		prev = m[8]
	}
	b.WriteString(text[prev:])
	return b.String()
}

// afterFigure reports whether text ends with a figure and spaces.
func afterFigure(text string) bool {
	t := strings.TrimRight(text, " \u3000\t")
	return len(t) < len(text) && t != "" && label.IsDigit(t[len(t)-1])
}

// unitOrDate holds the first characters of the words that follow a figure
// in a report (3 件, 5 万元, 2 年): a digit before them is a figure.
// The table's rule 丨 is a Han character too.
const unitOrDate = "条件次篇个期份人项万元年月日号名家台套丨"

// numberedRow reports whether a row of table 3 is numbered n (its ID's
// last part: 3.3.3.6 is 6.) and has a wording that opens with words.
func (r *reader) numberedRow(n, words string) bool {
	words = label.Fold(words)
	for _, row := range r.s.rows[3] {
		if ordinal(row.id) != n {
			continue
		}
		for _, k := range row.keys {
			if strings.HasPrefix(k, words) {
				return true
			}
		}
	}
	return false
}

// signedZero reports whether a figure is zero with a sign (-0, +0): no
// report prints one; OCR makes it of a signed figure whose digits it
// misread (-6 → -0).
func signedZero(raw string) bool {
	t := label.Fold(source.Trim(raw))
	return len(t) > 1 && strings.Trim(t[1:], "0.") == "" && strings.ContainsAny(t[:1], "+-")
}

// ocrMark reports whether a label cell of a row is only brackets, quotes
// or Latin letters: what OCR makes of a rule, of a 0 (D, o) or of a
// figure's first digit (] 2 for 127). No label of the form is one, and the
// figures beside it are not certain.
func ocrMark(text string) bool {
	t := source.Trim(text)
	return t != "" && strings.Trim(t, "[]【】〔〕{}()（）“”\"'‘’abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// misreadMark tells why a row whose label cells hold such a mark cannot be
// read, or "".
func (cur *openRow) misreadMark() string {
	for _, c := range cur.labels {
		if ocrMark(c.Text) {
			return fmt.Sprintf("%q among the row's cells: a rule or a digit misread, the figures are not certain", c.Text)
		}
	}
	return ""
}

// minLocalLabel is the number of Han characters the label of a row the
// form lacks needs: OCR prints one character alone (了, 和) where it
// misread a rule or a digit, and the figures around it are no row's.
const minLocalLabel = 2

// misreadLocalLabel tells why a row whose label no row of the form has
// cannot be a row the report adds: its label holds fewer than
// minLocalLabel Han characters. "" otherwise.
func misreadLocalLabel(cur *openRow) string {
	han := 0
	for _, c := range label.Parse(cur.printedLabel()).Key {
		if unicode.Is(unicode.Han, c) {
			han++
		}
	}
	if han >= minLocalLabel {
		return ""
	}
	return fmt.Sprintf("%q is no label of the form nor of a row a report adds: a rule or a digit misread, its figures are not certain", cur.printedLabel())
}

// distrustRowsOfMisreadText unplaces the rows of table 3 whose 总计 is not
// the sum of their six applicant columns, in a text that shows OCR's
// misreadings elsewhere (a rule or a 0 read as a mark, a signed zero).
// Reports do print rows that do not add up, and a text with no sign of
// recognition keeps them as printed, for the checks to flag; but in a
// text recognised from images such a row most likely holds a digit
// misread, and nothing says which.
func (r *reader) distrustRowsOfMisreadText() {
	if r.misread == 0 {
		return
	}
	order, byRow := r.applicationRowObs()
	drop := map[int]bool{}
	for _, ind := range order {
		values := map[string]float64{}
		for _, i := range byRow[ind] {
			if o := r.obs[i]; o.Value != nil {
				values[o.Breakdown] = *o.Value
			}
		}
		var row []float64
		for _, s := range r.formOrderSlots() {
			if v, ok := values[s.key]; ok {
				row = append(row, v)
			}
		}
		if len(row) != applicantColumns+1 || addsUp(row) {
			continue
		}
		first := r.obs[byRow[ind][0]]
		u := gongkai.Unplaced{Label: first.Label, Line: first.Line, Cells: []string{},
			Reason: fmt.Sprintf("总计 is not the sum of the six applicant columns, in a text whose other cells show OCR's misreadings (%d): a figure is misread, and nothing shows which", r.misread)}
		for _, i := range byRow[ind] {
			drop[i] = true
			u.Cells = append(u.Cells, r.obs[i].Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
}
