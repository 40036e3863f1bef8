package form

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// OCR of a page whose table keeps its rules (tesseract's default reading
// of a page as rendered, with nothing taken out) prints the rules among a
// row's figures: as bars, and glued to a figure as the digit 1 or a
// letter shaped like a rule (`217 |1 |0o 10 0 0 1218` for 217 1 0 0 0 0
// 218; `4 0 |0 10 0 0 |4`). A bar or a quote is no digit, and is dropped;
// but a 1, l or I before a figure may be a rule or the figure's own
// digit, and an l, I or o after it a rule or a digit, and only the row's
// arithmetic tells. Each of a row's seven figures is read every way its
// marks allow, and where exactly one reading of the seven adds up (总计
// the sum of the six applicant columns) the row is read so, its figures
// flagged split_by_arithmetic; where two readings add up and the figures
// as printed do not, the row is unplaced (`11 |0 |0 |0 |0 |0 111`: 11 and
// 1 both fit). A row whose figures add up as printed is read as printed,
// unless another reading adds up whose 1s taken for rules all stand in
// columns where rows read one way showed a rule: `0 0 |0 10 0 0 10`,
// where the rows around read `0 0 |0 10 0 0 |0` and `217 … 1218`, is
// unplaced (seven zeros add up too, and the page does print them).
//
// This holds in a text that shows OCR's signs and prints the table's
// rules: bars glued to figures on minRuledLines lines of its tables.
// Where the rules were taken out before OCR, or the text is typed, a 1 is
// a digit, and so is a square bracket glued to a figure (]1 for 11: OCR
// reads a 1 so, markGluedToFirstFigure). A field of letters alone (o, lo)
// is read as no figure: a row so printed lost more than its rules (`| 15 |
// 0 | 1 | o | o | o | 16` for 115 … 116 adds up and is wrong). Table 4's
// lines (from its header on) are left alone: its blocks are not seven
// figures adding up so.

// ruleBefore and ruleAfter are the characters OCR prints for a rule glued
// before and after a figure; ruleMarks are those that are never a digit
// (bars, quotes), dropped where they open or close a figure's field.
const (
	ruleBefore = "1lI"
	ruleAfter  = "lIoO"
	ruleMarks  = "|“”\"'‘’"
)

// digitOf maps the shapes OCR prints for 0 and 1 inside a figure to the
// digit (the full stop 。 for a 0). A square bracket may be a rule or a 1
// (]1 for 11, 1]14 for 14): a field with one is not read so.
var digitOf = strings.NewReplacer("o", "0", "O", "0", "D", "0", "。", "0", "l", "1", "I", "1")

// barGluedToFigure matches a bar glued to a figure's side: a rule OCR
// printed (`|0`, `217 |1`); a table typed with bars keeps spaces around them.
var barGluedToFigure = regexp.MustCompile(`\|[0-9]|[0-9]\|`)

// minRuledLines is how many lines of the tables must show a bar glued to a
// figure for the text to be taken as printing the table's rules.
const minRuledLines = 2

// ruledField is a field of a line (between spaces and bars) at byte
// offsets start:end, the figures it may be read as, and the figure its
// characters are as printed (the shapes of digits read as those digits;
// nil when they are not all digits).
type ruledField struct {
	start, end int
	readings   []float64
	printed    *float64
}

// ruledRow is a line of table 3 whose tail is seven figures' fields, the
// readings of them that add up, and whether the figures as printed do.
type ruledRow struct {
	i        int // index in lines
	fields   []ruledField
	readings [][]float64
	printed  []float64 // nil when a field is not a figure as printed, or they do not add up
	glued    bool      // cut from runs of cells glued by rules (ocrgluedrules.go)
}

// readRuledRows reads the rows of table 3 whose figures may hold the
// table's rules read as digits, in a text that prints them: each line
// read one way by the arithmetic is written with its seven figures plain
// (noted in ruledLines), and each read several ways is noted in
// ruledDoubts, for closeRow to unplace its row.
//
// A row whose figures add up as printed is read as printed, as before,
// unless another reading adds up too whose every 1 taken for a rule
// stands in a column where the rows read one way found a rule: there the
// text shows that the 1s of that column are rules, and the row is
// doubted (`0 0 |0 10 0 0 10` where the rows around read `0 0 |0 10 0 0
// |0`, 10 a rule and a 0).
func (r *reader) readRuledRows(lines []source.Line, regions []tableSpan) {
	r.ruledLines, r.ruledDoubts, r.ruledReadings = map[int]bool{}, map[int]string{}, map[int][][]float64{}
	rows := r.ruledRows(lines, regions)
	ruleColumns := map[int]bool{} // columns where a row read one way took a 1 for a rule
	for _, row := range rows {
		switch {
		case row.printed != nil:
			continue // the second pass's
		case len(row.readings) == 1:
			for c, f := range row.fields {
				if f.printed == nil || *f.printed != row.readings[0][c] {
					ruleColumns[c] = true
				}
			}
			if row.glued || !readAsPrinted(lines[row.i].Text, row.fields, row.readings[0]) {
				r.writeRuledRow(lines, row, row.readings[0])
			}
		case len(row.readings) > 1:
			r.doubtRuledRow(lines[row.i], row, row.readings[0], row.readings[1])
			r.ruledReadings[lines[row.i].N] = row.readings
		}
	}
	for _, row := range rows {
		if row.printed == nil {
			continue
		}
		if other := ruledAlternative(row, ruleColumns); other != nil {
			r.doubtRuledRow(lines[row.i], row, row.printed, other)
			continue
		}
		if !readAsPrinted(lines[row.i].Text, row.fields, row.printed) {
			r.writeRuledRow(lines, row, row.printed)
		}
	}
}

// ruledRows gives the lines of table 3 that end in seven figures' fields,
// in a text that shows OCR's signs and prints the table's rules as bars
// glued to figures on minRuledLines lines of its tables.
func (r *reader) ruledRows(lines []source.Line, regions []tableSpan) []ruledRow {
	if r.misread == 0 || !printsRules(lines, regions) {
		return nil
	}
	var out []ruledRow
	reviews := false // under table 4's header: its blocks are not rows of seven
	for _, g := range regions {
		for i := g.start; i < g.end; i++ {
			reviews = tableOfLine(lines[i].Text, reviews)
			fields := ruledTail(lines[i].Text)
			if reviews {
				continue
			}
			if len(fields) != applicantColumns+1 {
				if row, ok := gluedRuledRow(i, lines[i].Text, fields); ok {
					out = append(out, row)
				}
				continue
			}
			row := ruledRow{i: i, fields: fields, readings: addingReadings(fields), printed: make([]float64, len(fields))}
			for c, f := range fields {
				if f.printed == nil {
					row.printed = nil
					break
				}
				row.printed[c] = *f.printed
			}
			if row.printed != nil && !addsUp(row.printed) {
				row.printed = nil
			}
			out = append(out, row)
		}
	}
	return out
}

// printsRules reports whether the tables print their rules as bars glued
// to figures, on minRuledLines lines or more.
func printsRules(lines []source.Line, regions []tableSpan) bool {
	ruled := 0
	for _, g := range regions {
		for _, l := range lines[g.start:g.end] {
			if barGluedToFigure.MatchString(l.Text) {
				ruled++
			}
		}
	}
	return ruled >= minRuledLines
}

// ruledAlternative gives a reading of a row that adds up as printed,
// other than as printed, whose every figure read otherwise stands in a
// column of ruleColumns; or nil.
func ruledAlternative(row ruledRow, ruleColumns map[int]bool) []float64 {
	for _, reading := range row.readings {
		other := false
		for c, v := range reading {
			if v != row.printed[c] {
				other = true
				if !ruleColumns[c] {
					other = false
					break
				}
			}
		}
		if other {
			return reading
		}
	}
	return nil
}

// writeRuledRow writes a row's line with its seven figures as read, and
// notes it read so.
func (r *reader) writeRuledRow(lines []source.Line, row ruledRow, figures []float64) {
	l := lines[row.i]
	lines[row.i].Text = writeRuledTail(l.Text, row.fields, figures)
	r.ruledLines[l.N] = true
	delete(r.misreadFigures, l.N) // its glued token is read
}

// doubtRuledRow notes why a row's line, read two ways, is not placed.
func (r *reader) doubtRuledRow(l source.Line, row ruledRow, one, other []float64) {
	r.ruledDoubts[l.N] = fmt.Sprintf("%q: the figures add up read as %s and as %s, the table's rules printed among them as 1s: which 1 is a digit is not certain",
		strings.TrimSpace(l.Text[row.fields[0].start:]), figuresText(one), figuresText(other))
}

// tableOfLine tells whether a line stands under table 4's header, given
// whether the line before did: a line naming its columns or section (行政
// 复议, 行政诉讼) opens it, one naming table 3's applicants (申请人,
// 自然人) or its first row (新收) closes it (the list of the report's
// sections names table 4 before table 3).
func tableOfLine(text string, reviews bool) bool {
	sq := label.Squeeze(label.Fold(text))
	switch {
	case strings.Contains(sq, "行政复议") || strings.Contains(sq, "行政诉讼"):
		return true
	case strings.Contains(sq, "申请人") || strings.Contains(sq, "自然人") || strings.Contains(sq, "新收"):
		return false
	}
	return reviews
}

// ruledTail gives the fields of figures that end a line, marks alone
// (a quote) passed over: nil when a field there is neither.
func ruledTail(text string) []ruledField {
	var out []ruledField
	spans := fieldSpans(text)
	for k := len(spans) - 1; k >= 0; k-- {
		f := text[spans[k][0]:spans[k][1]]
		if strings.Trim(f, ruleMarks) == "" {
			continue
		}
		core := strings.Trim(f, ruleMarks)
		readings := fieldReadings(core)
		if len(readings) == 0 || !strings.ContainsAny(core, "0123456789") && !ruleGluedToO(core) {
			break // a field of letters alone (o, le) is no figure this reads
		}
		printed := asPrinted(core)
		if ruleGluedToO(core) {
			printed = nil // lo is no figure as printed: 10 only where the arithmetic reads it so
		}
		out = append(out, ruledField{start: spans[k][0], end: spans[k][1], readings: readings, printed: printed})
	}
	slices.Reverse(out)
	return out
}

// ruleGluedToO reports whether a field of letters alone is a rule read
// as l or I glued before an o (`lo` for |0, as OCR prints a rule beside a
// 0 where it keeps the rules): read as 0 or as 10, as fieldReadings
// gives, the row's arithmetic choosing. An o alone is not read so: a row
// that prints one lost more than its rules (`| 15 | 0 | 1 | o | o | o |
// 16` for 115 … 116 adds up and is wrong).
func ruleGluedToO(f string) bool {
	return len(f) == 2 && strings.ContainsRune("lI", rune(f[0])) && strings.ContainsRune("oO", rune(f[1]))
}

// fieldSpans gives the byte offsets of the fields of a line, parted by
// spaces and bars.
func fieldSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, c := range text {
		in := !unicode.IsSpace(c) && c != '|'
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// asPrinted gives the figure a field's characters are, the shapes of
// digits read as those digits, or nil.
func asPrinted(f string) *float64 {
	core := digitOf.Replace(f)
	if !figureDigits(core) {
		return nil
	}
	n, err := strconv.ParseFloat(core, 64)
	if err != nil {
		return nil
	}
	return &n
}

// figureDigits reports whether s is the digits of a whole number as a
// report prints it: no leading zero, but a 0 read twice (00) is 0.
func figureDigits(s string) bool {
	return plainDigits.MatchString(s) && (len(s) == 1 || s[0] != '0' || strings.Trim(s, "0") == "")
}

// fieldReadings gives the figures a field may be read as: rule shapes
// taken off its start (ruleBefore) and its end (ruleAfter), as many as
// it has, or kept as the digits they look like; what is left must be
// digits (figureDigits). A bar beside the field does not tell that its 1
// is a digit: OCR reads one rule as a bar and a 1 (|1325 for 325).
func fieldReadings(f string) []float64 {
	var out []float64
	lead := len(f) - len(strings.TrimLeft(f, ruleBefore))
	trail := len(f) - len(strings.TrimRight(f, ruleAfter))
	for k := 0; k <= lead; k++ {
		for j := 0; j <= trail && k+j < len(f); j++ {
			core := digitOf.Replace(f[k : len(f)-j])
			if !figureDigits(core) {
				continue
			}
			n, err := strconv.ParseFloat(core, 64)
			if err == nil && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// addingReadings gives the distinct readings of a row's seven fields in
// which 总计 is the sum of the six others.
func addingReadings(fields []ruledField) [][]float64 {
	var out [][]float64
	row := make([]float64, len(fields))
	var walk func(i int, sum float64)
	walk = func(i int, sum float64) {
		if i == len(fields)-1 {
			for _, total := range fields[i].readings {
				if total == sum {
					row[i] = total
					out = append(out, slices.Clone(row))
				}
			}
			return
		}
		for _, v := range fields[i].readings {
			row[i] = v
			walk(i+1, sum+v)
		}
	}
	walk(0, 0)
	return out
}

// readAsPrinted reports whether each field of a row is the figure read
// for it in plain digits, bars and quotes aside: nothing to write.
func readAsPrinted(text string, fields []ruledField, figures []float64) bool {
	for c, f := range fields {
		core := strings.Trim(text[f.start:f.end], ruleMarks)
		if !plainDigits.MatchString(core) || f.printed == nil || *f.printed != figures[c] {
			return false
		}
	}
	return true
}

// writeRuledTail writes a line with its tail of figures as read: each
// figure where its field began, the rest of the tail blank, so that the
// columns keep their places.
func writeRuledTail(text string, fields []ruledField, figures []float64) string {
	var tail []byte
	for i, f := range fields {
		at := f.start - fields[0].start
		if i > 0 && at <= len(tail) {
			at = len(tail) + 1 // cells cut from one run (ocrgluedrules.go) stay apart
		}
		for len(tail) < at {
			tail = append(tail, ' ')
		}
		tail = append(tail, strconv.FormatFloat(figures[i], 'f', -1, 64)...)
	}
	head := text[:fields[0].start]
	if strings.TrimRightFunc(head, unicode.IsSpace) == head && head != "" {
		head += " " // a figure glued to its label stays apart from it
	}
	return head + string(tail)
}

// figuresText prints figures apart by spaces.
func figuresText(figures []float64) string {
	s := make([]string, len(figures))
	for i, f := range figures {
		s[i] = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strings.Join(s, " ")
}

// ruledRow marks the figures of a row read from a line by readRuledRows
// as split by arithmetic, and tells why a row with figures on a line read
// several ways cannot be placed ("" when none is).
func (r *reader) ruledRow(cur *openRow) string {
	for i, v := range cur.values {
		if r.ruledLines[v.Line] {
			cur.values[i].Split = true
		}
	}
	for _, v := range cur.values {
		if why, ok := r.ruledDoubts[v.Line]; ok {
			return why
		}
	}
	return ""
}
