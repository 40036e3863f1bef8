package form

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/ocrsign"
	"github.com/gongkai/gongkai/ingest/source"
)

// OCR reads a Word table printed top-aligned under a narrow label column
// (topaligned.go) as it reads the print, with its signs: label pieces
// misread (上息公开, ”国家秘), a row number's dot lost (2 其他, 3危及),
// a figure glued to its row's first piece (6.属于“28, 1本机11), a digit
// read as a letter (44 2 1 工 6 0 54):
//
//	一、本               991    166    12     33     78     32     1312
//	年新收
//	…
//	三、本 (一)    44  2  1  工  6  0  54
//	年度办 予以公
//
// The strict reader (topAligned) takes such a table only when every piece
// fits, and OCR's never all do. In a text showing OCR's signs, the table
// is read here by its lines of figures alone: each opens a row with its
// number and the start of its wording, and must open the row the form
// prints next (its headings apart), in the form's order from
// 一、本年新收 to 四、结转下年度继续办理; the lines with no figure
// between are the labels' other pieces, and are dropped. A line of
// figures whose label does not open the row the form prints next (its
// number misread, or a row lost) takes that row's place and is left as
// printed, its figures unread; a line of figures with no number at all
// (a label centred or bottom-aligned, whose figures stand beside a later
// piece) leaves the whole text as printed. Each row so read is printed
// on its line of figures with the form's wording and the headings
// opened over it. Its figures are read only as exactly seven cells whose
// 总计 is the sum of the six applicant cells:
//
//   - a quote mark or a bar OCR glued to a figure (“25, 51|) is no
//     digit, and is left out;
//   - figures glued to the row's first piece (1本机11) are the row's first
//     cell only where the seven then add up;
//   - a letter or mark alone in a cell (工, 】, o, /) is read as the digit
//     whose shape it has (1, 0, 7) only when the identity then gives
//     exactly that digit; where a row prints several (3 5 工 工 工 2 13),
//     each is read so where the identity gives exactly the sum of their
//     digits (总计 a shape only as the row's one). A bar alone in a cell
//     is such a shape of a 1 in a text that prints no rule (barsAreOnes);
//   - shapes among a figure's digits (1工7) are the digits they are shaped
//     like, where the seven then add up.
//
// Any other row keeps the cells OCR printed, for the readers after to
// place or refuse. The read is taken only when it opens the form's first
// and last rows, most rows read were wrapped (their piece on the line of
// figures is not their wording whole), and three rows at least add up.

// ocrTopRow is a row of table 3 read from its line of figures.
type ocrTopRow struct {
	row     *rowSpec
	line    int      // index of its line of figures
	first   string   // the row's piece on that line
	figures []string // the cells to print after the label
	adds    bool     // seven figures whose 总计 is the sum of the six
}

// ocrQuotes are the marks OCR glues to a figure from a rule or a cell's
// edge: a bar or a quote is no digit.
const ocrQuotes = "“”\"'‘’|"

// ocrDigitShapes maps the letters and marks OCR prints alone in a cell
// for a digit to that digit.
var ocrDigitShapes = map[string]int{
	"工": 1, "】": 1, "]": 1, "[": 1, "l": 1, "I": 1, "i": 1, "丨": 1,
	"o": 0, "O": 0, "〇": 0, "D": 0,
	"/": 7,
}

// ocrMarkRunes are the marks a cell OCR misread may print besides the
// shapes above.
const ocrMarkRunes = ocrQuotes + ",，、.。:;!>"

// bareEnum matches a row number OCR printed without its dot before the
// wording (2 其他, 3危及, 1本机): 2. then.
var bareEnum = regexp.MustCompile(`^(\d{1,2})\s*([\p{Han}])`)

// ocrTopAligned reads table 3 printed top-aligned as OCR prints it (see
// above), or returns lines as printed.
func (r *reader) ocrTopAligned(lines []source.Line) []source.Line {
	signs := 0
	for _, l := range lines {
		s, _ := ocrsign.Find(l.Text)
		signs += len(s)
	}
	if signs == 0 {
		return lines
	}
	order := r.ocrTopOrder()
	if len(order) == 0 {
		return lines
	}
	for i := range lines {
		piece, _, ok := splitOCRFigureLine(lines[i].Text)
		if !ok || !r.opensRow(order[0], piece) {
			continue
		}
		rows, unread, end, ok := r.ocrTopRead(lines, i, order)
		if !ok {
			continue
		}
		return r.ocrTopRewrite(lines, i, end, rows, unread)
	}
	return lines
}

// ocrTopOrder is table 3's rows in the form's printed order, headings
// left out but （六）其他处理, a row in 2019.
func (r *reader) ocrTopOrder() []*rowSpec {
	var out []*rowSpec
	for _, row := range r.s.printedOrder(tableApplications) {
		if row.label == "*" || row.group && row != r.s.otherHandling {
			continue
		}
		out = append(out, row)
	}
	return out
}

// ocrTopRead reads the lines from index from (the line of figures of the
// form's first row) up to the end of the form's last row's label.
func (r *reader) ocrTopRead(lines []source.Line, from int, order []*rowSpec) (rows []ocrTopRow, unread map[int]bool, end int, ok bool) {
	unread = map[int]bool{}
	bars := barsAreOnes(lines)
	next := 0 // index in order of the row the form prints next
	var last *ocrTopRow
	done := false
	end = from
	for ; end < len(lines); end++ {
		text := strings.TrimSpace(lines[end].Text)
		if text == "" {
			continue
		}
		piece, figures, isFigures := splitOCRFigureLine(text)
		if done {
			if isFigures || !r.startsWording(last.row, last.first+strings.Join(strings.Fields(text), "")) {
				break
			}
			last.first += strings.Join(strings.Fields(text), "")
			continue
		}
		if !isFigures {
			if utf8.RuneCountInString(text) > 20 {
				return nil, nil, 0, false // a line of text, not a narrow column's pieces
			}
			continue
		}
		if piece == "" || label.Parse(normalizeBareEnum(lastNumbered(piece))).Enum == "" {
			return nil, nil, 0, false // figures beside no row number: not this layout
		}
		if next >= len(order) {
			return nil, nil, 0, false
		}
		row, step := r.ocrTopMatch(order, next, piece)
		if row == nil {
			unread[end] = true
			next++
			continue
		}
		next += step
		rows = append(rows, ocrTopRow{row: row, line: end, first: normalizeBareEnum(lastNumbered(piece))})
		last = &rows[len(rows)-1]
		last.figures, last.adds = ocrTopFigures(figures, bars)
		if row == r.s.carriedForward {
			done = true
		}
	}
	if !done || rows[0].row != order[0] {
		return nil, nil, 0, false
	}
	wrapped, adding := 0, 0
	for _, row := range rows {
		if !r.completesWording(row.row, row.first) {
			wrapped++
		}
		if row.adds {
			adding++
		}
	}
	return rows, unread, end, 2*wrapped > len(rows) && adding >= 3
}

// ocrTopMatch is the row the form prints next, order[next], when piece
// (the label on a line of figures, headings' pieces first) opens it, and
// how many rows of order it takes: （六）其他处理 of 2019 is a row, of 2021
// a heading whose first row may open instead, and the 2019 form's rows
// are read on as one. Nil when piece opens no such row or its numbered
// pieces before name no heading over it.
func (r *reader) ocrTopMatch(order []*rowSpec, next int, piece string) (*rowSpec, int) {
	first := normalizeBareEnum(lastNumbered(piece))
	cands := []*rowSpec{order[next]}
	if order[next] == r.s.otherHandling && next+1 < len(order) && order[next+1].parent == order[next].id {
		cands = append(cands, order[next+1])
	}
	for k, row := range cands {
		if !r.startsWording(row, first) || !r.headingsFit(row, strings.TrimSuffix(strings.TrimSpace(piece), lastNumbered(piece))) {
			continue
		}
		step := 1 + k
		if row == r.s.otherHandling {
			// the 2019 row: its 2021 rows are not printed
			for next+step < len(order) && order[next+step].parent == row.id {
				step++
			}
		}
		return row, step
	}
	return nil, 0
}

// opensRow reports whether piece, a label on a line of figures, opens
// row by its number and the start of its wording.
func (r *reader) opensRow(row *rowSpec, piece string) bool {
	return r.startsWording(row, normalizeBareEnum(lastNumbered(piece)))
}

// headingsFit reports whether every numbered piece of before (the pieces
// printed before a row's first on its line) is the number of a heading
// over row.
func (r *reader) headingsFit(row *rowSpec, before string) bool {
	heads := r.headingsOver(row)
	for _, f := range strings.Fields(before) {
		l := label.Parse(f)
		if l.Enum == "" {
			continue
		}
		if !slices.ContainsFunc(heads, func(h *rowSpec) bool {
			return h.depth == l.EnumLevel() && r.s.ordinal(h) == l.Ordinal()
		}) {
			return false
		}
	}
	return true
}

// lastNumbered is the last piece of a label that opens with a number:
// from the last field that does (三、本 (一) → (一); (三) 1.属于 → 1.属于;
// 7 .属于 → 7 .属于), or the label whole.
func lastNumbered(piece string) string {
	fields := strings.Fields(piece)
	for k := len(fields) - 1; k >= 0; k-- {
		rest := strings.Join(fields[k:], " ")
		if label.Parse(normalizeBareEnum(rest)).Enum != "" {
			return rest
		}
	}
	return strings.TrimSpace(piece)
}

// normalizeBareEnum gives a row number OCR printed without its dot
// (2 其他, 3危及) its dot, and takes out the spaces: 2.其他.
func normalizeBareEnum(piece string) string {
	squeezed := strings.Join(strings.Fields(piece), "")
	if m := bareEnum.FindStringSubmatch(squeezed); m != nil {
		return m[1] + "." + squeezed[len(m[1]):]
	}
	return squeezed
}

// splitOCRFigureLine cuts a line into its label and the cells after it:
// the tokens that end the line and are figures, quote marks glued or not,
// or a letter or mark alone (a digit or a rule misread), and figures
// glued to the label's last piece (6.属于“28). ok is false for a line
// with no figure.
func splitOCRFigureLine(text string) (piece string, cells []string, ok bool) {
	fields := strings.Fields(text)
	n := len(fields)
	for n > 0 && (ocrFigureToken(fields[n-1]) || ocrShapeToken(fields[n-1])) {
		n--
	}
	cells = fields[n:]
	// the marks before the first figure are a rule's
	for len(cells) > 0 && strings.Trim(cells[0], ocrMarkRunes) == "" {
		cells = cells[1:]
	}
	if n > 0 {
		if lbl, fig := gluedTail(fields[n-1]); fig != "" {
			fields[n-1] = lbl
			cells = append([]string{"+" + fig}, cells...)
		}
	}
	piece = strings.Join(fields[:n], " ")
	for _, c := range cells {
		if strings.ContainsAny(c, "0123456789") {
			return piece, cells, true
		}
	}
	return piece, nil, false
}

// ocrFigureToken reports whether tok is a figure, quote marks aside.
func ocrFigureToken(tok string) bool {
	core := strings.Trim(tok, ocrQuotes)
	return core != "" && plainCount.MatchString(core)
}

// ocrShapeToken reports whether tok is what OCR prints in a cell for a
// digit or a rule: a few letters and marks of the shapes above (工/, 】),
// or digits among them (1工1): a cell misread, which only the sums could
// read.
func ocrShapeToken(tok string) bool {
	if tok == "" || utf8.RuneCountInString(tok) > 3 && !strings.ContainsAny(tok, "0123456789") {
		return false
	}
	for _, c := range tok {
		if _, ok := ocrDigitShapes[string(c)]; !ok && !strings.ContainsRune(ocrMarkRunes, c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// gluedTail splits figures glued to the end of a label's piece (1本机11,
// 6.属于“28): the piece and the figures, or tok and "".
func gluedTail(tok string) (string, string) {
	i := len(tok)
	for i > 0 && label.IsDigit(tok[i-1]) {
		i--
	}
	if i == len(tok) || i == 0 {
		return tok, ""
	}
	head := strings.TrimRight(tok[:i], ocrQuotes)
	r, _ := utf8.DecodeLastRuneInString(head)
	if !unicode.Is(unicode.Han, r) {
		return tok, ""
	}
	return head, tok[i:]
}

// ocrTopFigures reads a row's cells (splitOCRFigureLine; a figure glued to
// the label marked +): the seven figures when they add up, the shapes
// read as their digits only where the identity gives exactly their sum; else the
// cells as printed, a glued figure left with its label's piece out.
func ocrTopFigures(cells []string, bars bool) ([]string, bool) {
	asPrinted := func() []string {
		var out []string
		for _, c := range cells {
			if ocrFigureToken(c) {
				out = append(out, strings.Trim(c, ocrQuotes))
			}
		}
		return out
	}
	if len(cells) != applicationsFigures {
		return asPrinted(), false
	}
	values := make([]int, len(cells))
	var shapes []int // the cells printed as a shape, by index
	for k, c := range cells {
		core := strings.Trim(strings.TrimPrefix(c, "+"), ocrQuotes)
		if v, err := strconv.Atoi(core); err == nil && plainCount.MatchString(core) {
			values[k] = v
			continue
		}
		if v, ok := shapedDigits(core); ok {
			values[k] = v
			continue
		}
		if c == "|" && bars {
			cells[k] = "丨"
		}
		if _, ok := ocrDigitShapes[cells[k]]; !ok {
			return asPrinted(), false
		}
		shapes = append(shapes, k)
	}
	last := len(values) - 1
	if len(shapes) > 0 && !shapesAsDigits(cells, values, shapes) {
		return asPrinted(), false
	}
	sum := 0
	for _, v := range values[:last] {
		sum += v
	}
	if sum != values[last] {
		return asPrinted(), false
	}
	out := make([]string, len(values))
	for k, v := range values {
		out[k] = strconv.Itoa(v)
	}
	return out, true
}

// shapedDigits reads a cell of digits among which OCR printed shapes
// (1工1 for 1111) as the digits the shapes are of; false when it has no
// digit, or a character neither a digit nor such a shape.
func shapedDigits(core string) (int, bool) {
	if !strings.ContainsAny(core, "0123456789") {
		return 0, false
	}
	var b strings.Builder
	for _, c := range core {
		switch d, ok := ocrDigitShapes[string(c)]; {
		case unicode.IsDigit(c):
			b.WriteRune(c)
		case ok:
			b.WriteString(strconv.Itoa(d))
		default:
			return 0, false
		}
	}
	if !plainCount.MatchString(b.String()) {
		return 0, false
	}
	v, err := strconv.Atoi(b.String())
	return v, err == nil
}

// barsAreOnes reports whether a bar alone in a cell is a 1 OCR misread
// (`8  21  0  0  |  1  31`): in a text that prints no rule, no bar glued to
// a figure on minRuledLines lines (printsRules).
func barsAreOnes(lines []source.Line) bool {
	ruled := 0
	for _, l := range lines {
		if barGluedToFigure.MatchString(l.Text) {
			ruled++
		}
	}
	return ruled < minRuledLines
}

// shapesAsDigits reads the cells printed as shapes as the digits they are
// shaped like, into values, where the identity gives exactly their sum:
// 总计 less the applicant cells printed as figures, or, the 总计 itself a
// shape (then the only one), the sum of the six.
func shapesAsDigits(cells []string, values, shapes []int) bool {
	last := len(values) - 1
	sum, want := 0, 0
	for k, v := range values[:last] {
		if !slices.Contains(shapes, k) {
			sum += v
		}
	}
	for _, k := range shapes {
		want += ocrDigitShapes[cells[k]]
	}
	switch {
	case slices.Contains(shapes, last) && len(shapes) > 1:
		return false
	case slices.Contains(shapes, last) && sum != want,
		!slices.Contains(shapes, last) && values[last]-sum != want:
		return false
	}
	for _, k := range shapes {
		values[k] = ocrDigitShapes[cells[k]]
	}
	return true
}

// ocrTopRewrite prints each row read on its line of figures, after the
// headings it opens, with the form's wordings, and drops the lines of
// pieces between from and end; the lines of figures left unread stay as
// printed.
func (r *reader) ocrTopRewrite(lines []source.Line, from, end int, rows []ocrTopRow, unread map[int]bool) []source.Line {
	out := slices.Clone(lines[:from])
	byLine := map[int]ocrTopRow{}
	for _, row := range rows {
		byLine[row.line] = row
	}
	before := 0
	for _, l := range lines[from:end] {
		s, _ := ocrsign.Find(l.Text)
		before += len(s)
	}
	var open []*rowSpec
	after := 0
	for i := from; i < end; i++ {
		if unread[i] {
			out = append(out, lines[i])
			s, _ := ocrsign.Find(lines[i].Text)
			after += len(s)
			continue
		}
		row, ok := byLine[i]
		if !ok {
			continue
		}
		heads := r.headingsOver(row.row)
		var parts []string
		for k, h := range heads {
			if k < len(open) && open[k] == h {
				continue
			}
			parts = append(parts, r.numberedLabel(h))
		}
		open = heads
		parts = append(parts, r.numberedLabel(row.row))
		line := lines[i]
		line.Text = strings.Join(append(parts, row.figures...), "  ")
		s, _ := ocrsign.Find(line.Text)
		after += len(s)
		out = append(out, line)
	}
	r.ocrTopSigns += max(before-after, 0)
	return append(out, lines[end:]...)
}

// numberedLabel is a row of table 3 as the form prints it: its number,
// then its wording (三、本年度办理结果, （一）予以公开, 1.属于国家秘密).
func (r *reader) numberedLabel(row *rowSpec) string {
	n := r.s.ordinal(row)
	numeral := string([]rune("一二三四五六七八九十")[max(min(n, 10), 1)-1])
	switch row.depth {
	case 1:
		return numeral + "、" + row.label
	case 2:
		return "（" + numeral + "）" + row.label
	}
	return fmt.Sprintf("%d.%s", n, row.label)
}
