package form

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai/ingest/source"
)

// OCR of a page whose rules were taken out (clean-psm6) still prints
// specks and what is left of a rule as a mark glued to the end of a
// figure: `2.重复申请 1 0 0 00 0 0 1I`, `2.没有现成信息需要另行制作 0 0 0%
// 0 0 0 0`. The cell reader parts the mark from its digits and takes it
// for the label of a row of its own, or of the next row: the row loses a
// figure, and the next is refused for a mark among its cells.
//
// Such a mark is dropped where the row's arithmetic leaves no other
// reading: a line of table 3 (not under table 4's header) whose tail is
// the form's seven fields, each plain digits with at most a mark glued
// after them, one or two so marked, is read every way its marks allow:
// a mark is no digit, or it is any digit 0–9 misread (not only the digit
// it looks like: OCR's misreadings are not all of shapes). Where exactly
// one reading adds up (总计 the sum of the six applicant columns), and it
// is the one that takes every mark for no digit, the line is written with
// its seven figures plain, and they carry split_by_arithmetic; where only
// a mark read as a digit adds up (`1I 0 0 0 0 0 17`), that digit would
// be a guess, and the row stays as printed (unplaced for its mark); where
// several readings add up (`34/ 0 0 0 0 0 34/`: 34 and 347
// both fit), the row is unplaced with them named. A field before the
// seven that is a mark alone, or ends in a digit, may be an eighth figure,
// and leaves the line as printed.
//
// This holds in a text that shows OCR's signs and does not print the
// table's rules (where it does, readRuledRows reads the marks).

// maxMarkedFields is how many of a row's seven fields may carry a mark:
// each adds ten readings to check.
const maxMarkedFields = 2

// markedField matches a field of plain digits with a mark of one or two
// characters glued after them: the digits are group 1, the mark group 2.
var markedField = regexp.MustCompile(`^([0-9]+)(\S{1,2})?$`)

// readMarkedRows reads the rows of table 3 whose figures OCR glued a mark
// to, in a text that shows OCR's signs and does not print the table's
// rules: each line read one way is written with its figures plain (noted
// in ruledLines, whose rows closeRow flags), each read several ways is
// noted in ruledDoubts, for closeRow to unplace its row.
func (r *reader) readMarkedRows(lines []source.Line, regions []tableSpan) {
	if r.misread == 0 || printsRules(lines, regions) {
		return
	}
	reviews := false
	for _, g := range regions {
		for i := g.start; i < g.end; i++ {
			reviews = tableOfLine(lines[i].Text, reviews)
			if reviews {
				continue
			}
			fields, marked := markedTail(lines[i].Text)
			if marked == 0 || marked > maxMarkedFields {
				continue
			}
			switch readings := addingReadings(fields); {
			case len(readings) == 1 && marksDropped(fields, readings[0]):
				r.writeRuledRow(lines, ruledRow{i: i, fields: fields}, readings[0])
			case len(readings) <= 1:
				// none adds up, or only with a mark read as a digit, which
				// would be a guess: the row stays as printed, for the rules
				// that refuse it
			default:
				r.ruledDoubts[lines[i].N] = fmt.Sprintf("%q: the figures add up read as %s and as %s, a mark glued to a figure standing for no digit or for one: which is not certain",
					strings.TrimSpace(lines[i].Text[fields[0].start:]), figuresText(readings[0]), figuresText(readings[1]))
			}
		}
	}
}

// markedTail gives the seven fields of figures that end a line, each with
// the figures it may be read as, and how many carry a mark; no fields
// when the line does not end so.
func markedTail(text string) ([]ruledField, int) {
	spans := fieldSpans(text)
	if len(spans) < applicantColumns+1 {
		return nil, 0
	}
	tail := spans[len(spans)-applicantColumns-1:]
	if k := len(spans) - len(tail) - 1; k >= 0 && !labelBeforeFigures(text[spans[k][0]:spans[k][1]]) {
		return nil, 0
	}
	fields := make([]ruledField, 0, len(tail))
	marked := 0
	for _, sp := range tail {
		m := markedField.FindStringSubmatch(text[sp[0]:sp[1]])
		if m == nil || !figureDigits(m[1]) || m[2] != "" && !ocrGluedMark(m[2]) {
			return nil, 0
		}
		readings := markReadings(m[1], m[2] != "")
		if m[2] != "" {
			marked++
		}
		fields = append(fields, ruledField{start: sp[0], end: sp[1], readings: readings})
	}
	return fields, marked
}

// labelBeforeFigures reports whether the field before a row's seven
// figures is a piece of its label: it does not end in a digit (规章3 may
// hold an eighth figure) and is no mark alone (] may be a 1).
func labelBeforeFigures(field string) bool {
	last := []rune(field)[len([]rune(field))-1]
	return !unicode.IsDigit(last) && !ocrMark(field)
}

// ocrGluedMark reports whether the characters glued after a figure's
// digits are a mark OCR prints for a speck or a rule: no digit, no Han
// character (a unit: 3件), and nothing a figure prints (a decimal point,
// a thousands comma, a sign, a slash: 34/ is ocrsign's).
func ocrGluedMark(mark string) bool {
	for _, c := range mark {
		if unicode.IsDigit(c) || unicode.Is(unicode.Han, c) || strings.ContainsRune(".,，。、:：;；/-+－—·", c) {
			return false
		}
	}
	return true
}

// marksDropped reports whether a reading of the fields takes each for its
// digits alone, every mark for no digit.
func marksDropped(fields []ruledField, reading []float64) bool {
	for c, f := range fields {
		if f.readings[0] != reading[c] {
			return false
		}
	}
	return true
}

// markReadings gives the figures a field's digits may be read as: the
// digits alone (first), and, when a mark is glued after them, the digits followed
// by any digit the mark may stand for (figureDigits: 0 then 5 is no
// figure).
func markReadings(digits string, marked bool) []float64 {
	n, _ := strconv.ParseFloat(digits, 64)
	out := []float64{n}
	if !marked {
		return out
	}
	for d := '0'; d <= '9'; d++ {
		s := digits + string(d)
		if !figureDigits(s) {
			continue
		}
		v, _ := strconv.ParseFloat(s, 64)
		if v != n {
			out = append(out, v)
		}
	}
	return out
}
