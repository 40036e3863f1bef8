package legacy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/digitrun"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A page whose text was taken with the table cells run together prints the
// statistics table on one line, each row its label, its unit and its
// figures with no separator: 主动公开文件数条294981916其中：1、政府网站公开数条2949819162、….
// unglue cuts that line into pipe rows (| label | unit | figures |) at the
// labels of the catalogue; a row's figures, when the header names several
// value columns, are split only where one split is possible (00 and 01 are;
// 294981916 under 本年度 | 历年累计 is not, and stays one cell, which leaves
// the row unplaced). The enumerator of the next row glued to the figures
// (…2949819162、政府公报公开数) is the number after that of the row before.

// minRunOnRunes is the length from which a line may hold a table run
// together: a row of any layout is far shorter.
const minRunOnRunes = 150

// valueHeads are the headings of a value column: the year's (本年度,
// <year>年度, 统计数), the cumulative (历年累计), and those of a table that
// compares (上年度, 上年同期, 同比增减), which must be read as columns too,
// or their figures would be run into the year's.
const valueHeads = `\d{4}\s*年度?(?:同期)?|本年度?数?|本期|上年度?(?:同期)?数?|去年(?:同期)?|上期|历年累计数?|累计|统计[\s\x{3000}]*数|同比(?:增减)?|(?:比上年)?增减(?:数|量)?`

// runOnHeader matches the header of a table run together: 指标名称, the unit
// column, and the value columns.
var runOnHeader = regexp.MustCompile(`(?:统[\s\x{3000}]*计[\s\x{3000}]*指[\s\x{3000}]*标|指标名称)[\s\x{3000}]*(?:计量单位|单位)[\s\x{3000}]*((?:(?:` + valueHeads + `)\s*)+)`)

// valueHeader matches one value column heading in the header's run.
var valueHeader = regexp.MustCompile(valueHeads)

// unglue returns lines with a line that holds a table run together cut
// into its rows; other lines are returned as they are. The table goes on
// over the lines after it that hold nothing but its rows run together (a
// page that breaks the run between rows).
func unglue(lines []source.Line, cat *catalog.Catalog, isUnit func(string) bool) runOnTable {
	t := runOnTable{split: map[string]bool{}, refused: map[string]string{}, narrative: map[string]bool{}}
	defer func() { t.settle(cat) }()
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		loc := runOnHeader.FindStringSubmatchIndex(l.Text)
		if loc == nil || utf8.RuneCountInString(l.Text) < minRunOnRunes && strings.ContainsAny(l.Text[loc[0]:loc[1]], " \u00a0") {
			// A short line whose header words are apart is a header of
			// another layout (统计指标 单位 统计数).
			t.lines = append(t.lines, l)
			continue
		}
		columns := valueHeader.FindAllString(l.Text[loc[2]:loc[3]], -1)
		c := &cutter{keys: labelKeys(cat), isUnit: isUnit, columns: columnKinds(columns, cat)}
		if separated(l.Text[loc[0]:], loc[1]-loc[0], c) {
			t.lines = append(t.lines, l)
			continue
		}
		if pre := strings.TrimSpace(l.Text[:loc[0]]); pre != "" {
			t.lines = append(t.lines, source.Line{N: l.N, Page: l.Page, Text: pre})
		}
		t.lines = append(t.lines, source.Line{N: l.N, Page: l.Page, Text: "| 指标名称 | 计量单位 | " + strings.Join(columns, " | ") + " |"})
		t.tables = append(t.tables, runOnRows{columns: c.columns})
		rest := t.add(l, c, l.Text[loc[1]:])
		for rest == "" && i+1 < len(lines) && rowsOnly(lines[i+1].Text, c) {
			i++
			rest = t.add(lines[i], c, lines[i].Text)
		}
		if rest != "" {
			t.lines = append(t.lines, source.Line{N: lines[i].N, Page: lines[i].Page, Text: rest})
		}
	}
	return t
}

// separated reports whether a table that opens text, its header the first
// headerLen bytes, parts its cells with bars or tabs: a row of another
// layout, not a table run together. The text after the rows does not
// count: a page's text runs on into its footer, whose links are often
// parted by bars (使用帮助 | 联系我们).
func separated(text string, headerLen int, c *cutter) bool {
	probe := *c
	_, _, rest := probe.cut(text[headerLen:])
	return strings.ContainsAny(strings.TrimSuffix(text, rest), "|\t")
}

// rowsOnly reports whether a line goes on with rows of the table run
// together: no cell separators, and either cut into rows to its end or
// opening with a row that prints figures (the text after the table may
// follow the last row on its line).
func rowsOnly(text string, c *cutter) bool {
	if strings.ContainsAny(text, "|\t") || strings.TrimSpace(text) == "" {
		return false
	}
	probe := *c
	rows, _, rest := probe.cut(text)
	if len(rows) == 0 {
		return false
	}
	if strings.TrimLeft(rest, " 。") == "" {
		return true
	}
	for _, r := range rows {
		if len(r.cells) > 1 {
			return true
		}
	}
	return false
}

// add cuts text, a line l or its end, into rows and returns the text after
// them.
func (t *runOnTable) add(l source.Line, c *cutter, text string) string {
	rows, unknowns, rest := c.cut(text)
	for _, r := range rows {
		if r.split {
			t.split[r.cells[0]] = true
		}
		if r.refused != "" {
			t.refused[r.cells[0]] = r.refused
		}
		cells := r.cells
		if len(cells) == 1 { // a heading: its unit and value cells are blank, as a table prints them
			cells = append(cells, make([]string, 1+len(c.columns))...)
		}
		t.lines = append(t.lines, source.Line{N: l.N, Page: l.Page, Text: pipeRow(cells)})
		last := &t.tables[len(t.tables)-1]
		last.rows = append(last.rows, r)
		last.lines = append(last.lines, len(t.lines)-1)
	}
	for _, u := range unknowns {
		t.unplaced = append(t.unplaced, gongkai.Unplaced{Label: u[0], Cells: u[1:], Line: l.N,
			Reason: "a row run together with the others whose label no row of the form has"})
	}
	return strings.TrimLeft(strings.TrimSpace(rest), "。") // a full stop alone ends the table, it is no text
}

// runOnTable is what unglue makes of the lines: the lines with the table
// cut into pipe rows, the rows whose label no row of the form has, and the
// labels of the rows whose figures were split from a run.
type runOnTable struct {
	lines     []source.Line
	unplaced  []gongkai.Unplaced
	split     map[string]bool
	refused   map[string]string // why a row's run of figures was not split, by label
	narrative map[string]bool   // the rows split by a figure the report's text states, by label
	tables    []runOnRows       // the rows cut, table by table
}

// runOnRows are the rows cut from one table run together, and the index
// in lines of each row's pipe row.
type runOnRows struct {
	columns []string
	rows    []cutRow
	lines   []int
}

// pipeRow prints cells as a pipe row.
func pipeRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// cutRow is a row cut from a table run together: its cells, whether its
// figures were split from one run, and why not when they could not be.
type cutRow struct {
	cells   []string
	split   bool
	refused string
	// What the rows run together tell of their order and meaning, for
	// settling the runs several splits fit (settle): the catalogue row
	// of the label (-1 unknown), the row's number among the sub-rows of a
	// 其中 (0 when none), whether it opens them (其中：), and every split
	// of its run that fits when more than one does.
	row    int
	unit   string
	num    int
	subset bool
	splits [][]string
}

// rowKey is the key of a row's label or of one of its aliases.
type rowKey struct {
	key []rune
	row int // index into the catalogue's legacy rows
}

// labelKeys are the keys of the catalogue's row labels and their aliases.
func labelKeys(cat *catalog.Catalog) []rowKey {
	var out []rowKey
	for i, r := range cat.Legacy {
		for _, l := range append([]string{r.Label}, r.Aliases...) {
			if k := label.Key(l); utf8.RuneCountInString(k) >= 2 {
				out = append(out, rowKey{key: []rune(k), row: i})
			}
		}
	}
	return out
}

// enumLead matches the numbering before a row's label (一、 （一） 1、 2.),
// and 其中 before it or alone.
var enumLead = regexp.MustCompile(`^(?:其中[:：]?)?(?:\d{1,2}[、.．]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])?`)

// note matches a bracketed note printed after a label: （不同渠道和方式公开相同信息计1条）.
var note = regexp.MustCompile(`^[（(][^（()）]{0,40}[）)]`)

// cutter cuts rows of a table run together: the labels it knows, its
// units, its value columns (by breakdown), and the number of the last
// sub-row cut, which runs on from one line to the next.
type cutter struct {
	keys     []rowKey
	isUnit   func(string) bool
	columns  []string
	lastEnum int // the last number of a sub-row (1、 2.), 0 after a row numbered 一、 or （一）
}

// cut cuts the text after the header into pipe rows; it stops at a
// full stop or at text that is neither a label, a unit nor figures, and
// returns the rest. Rows whose label the catalogue does not name are
// returned apart, as their cells, to be reported unplaced.
func (c *cutter) cut(text string) (rows []cutRow, unknowns [][]string, rest string) {
	keys, isUnit, columns := c.keys, c.isUnit, c.columns
	rs := []rune(text)
	carry := false // the row's number was cut off the figures of the row before
	i := 0
	for i < len(rs) {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) || rs[i] == '。' {
			return rows, unknowns, string(rs[i:])
		}
		start := i
		lead := ""
		num := 0
		if carry {
			num = c.lastEnum // the number cut off the figures before
		} else {
			lead = enumLead.FindString(string(rs[i:min(len(rs), i+10)]))
			i += utf8.RuneCountInString(lead)
			c.lastEnum = nextLastEnum(lead, c.lastEnum)
			num = leadNumber(lead)
		}
		carry = false
		end, catRow := labelEnd(rs, i, keys)
		unknown := end == i
		if unknown {
			end = unknownLabelEnd(rs, i, isUnit)
		}
		if end == i {
			return rows, unknowns, string(rs[start:])
		}
		// The numbers of the sub-rows are the variant's own, not the
		// national form's (2、政府公报公开数 is its 1.2.1): the row is
		// matched by its words, and only 其中 is kept.
		row := []string{subsetOnly(lead) + string(rs[i:end])}
		i = skipNotes(rs, end)
		f := cutFigures(rs, i, isUnit, c.lastEnum)
		if f.unit != "" {
			row = append(row, f.unit)
		}
		if f.next > 0 {
			carry, c.lastEnum = true, f.next
		}
		figures, refused := f.runs, f.refused
		var splits [][]string
		if len(figures) == 1 && refused == "" {
			figures, refused, splits = splitFigures(figures[0], columns)
		}
		row = append(row, figures...)
		if unknown {
			// A label the catalogue does not know, cut only by the figures
			// after it: no row of the form is certain.
			unknowns = append(unknowns, row)
		} else {
			rows = append(rows, cutRow{cells: row, split: len(figures) > 1 && len(f.runs) == 1, refused: refused,
				row: catRow, unit: f.unit, num: num, subset: strings.HasPrefix(lead, "其中"), splits: splits})
		}
		i = f.end
	}
	return rows, unknowns, string(rs[i:])
}

// leadNumber is the number of a sub-row's numbering (2、, 其中：1.), 0 when
// the lead prints none.
func leadNumber(lead string) int {
	n, _ := strconv.Atoi(strings.TrimRight(strings.TrimLeft(lead, "其中:："), "、.．"))
	return n
}

// nextLastEnum is the number of the last sub-row after a row numbered lead.
func nextLastEnum(lead string, last int) int {
	num := strings.TrimRight(strings.TrimLeft(lead, "其中:："), "、.．")
	if n, err := strconv.Atoi(num); err == nil {
		return n
	}
	if num != "" {
		return 0 // 一、 or （一）: its sub-rows count from 1
	}
	return last
}

// skipNotes skips the bracketed notes after a label.
func skipNotes(rs []rune, i int) int {
	for i < len(rs) {
		m := note.FindString(string(rs[i:min(len(rs), i+44)]))
		if m == "" {
			return i
		}
		i += utf8.RuneCountInString(m)
	}
	return i
}

// rowFigures are the unit and figures of a row run together.
type rowFigures struct {
	unit    string
	runs    []string // runs of figures; units printed after each figure separate them
	next    int      // the next row's number, cut off the last run, or 0
	refused string   // why the figures are not read
	end     int      // where the next row starts
}

// cutFigures reads the unit and the figures after a label at i: the unit
// before the figures (条294981916) or after each (2949条81916条); a unit or
// a space between figures separates them. A run
// followed by 、 or . ends with the next row's number (…2949819162、政府公报公开数):
// the number after lastEnum, or 1 for a row's first sub-row; when both
// end the run, the figures are not read.
func cutFigures(rs []rune, i int, isUnit func(string) bool, lastEnum int) rowFigures {
	var c rowFigures
	i = unitAt(rs, skipSpaces(rs, i), isUnit, &c.unit)
	for {
		i = skipSpaces(rs, i)
		j := i
		for j < len(rs) && (isDigit(rs[j]) || rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1]) && j > i) {
			j++
		}
		run := string(rs[i:j])
		if run == "" {
			break
		}
		if j < len(rs) && strings.ContainsRune("、.．", rs[j]) {
			if len(c.runs) > 0 { // after a unit or a space: the run is the next row's number
				c.next, _ = strconv.Atoi(run)
				c.end = j + 1
				return c
			}
			var ends []int
			for _, n := range []int{lastEnum + 1, 1} {
				if strings.HasSuffix(run, strconv.Itoa(n)) && !slices.Contains(ends, n) {
					ends = append(ends, n)
				}
			}
			if len(ends) > 1 {
				c.refused = fmt.Sprintf("the figures %s end in the next row's number, %d or %d", run, ends[0], ends[1])
			}
			if len(ends) > 0 {
				// A run that is the number alone is a row with no figure
				// (a heading) before it.
				c.next = ends[0]
				if figures := strings.TrimSuffix(run, strconv.Itoa(ends[0])); figures != "" {
					c.runs = append(c.runs, figures)
				}
				c.end = j + 1
				return c
			}
		}
		c.runs = append(c.runs, run)
		var after string
		next := unitAt(rs, skipSpaces(rs, j), isUnit, &after)
		i = j
		if next == j { // neither a unit nor a space after the run: the row ends
			break
		}
		if c.unit == "" {
			c.unit = after
		}
		i = next
	}
	c.end = i
	return c
}

// skipSpaces is the index of the first rune at or after i that is no
// space: a page that keeps one space between cells.
func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\u3000' || rs[i] == '\u00a0') {
		i++
	}
	return i
}

// unitAt reads a unit at i into unit (the longest: 人次 before 人) and
// returns the index after it.
func unitAt(rs []rune, i int, isUnit func(string) bool, unit *string) int {
	for n := 2; n >= 1; n-- {
		if i+n <= len(rs) && isUnit(string(rs[i:i+n])) {
			*unit = string(rs[i : i+n])
			return i + n
		}
	}
	return i
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// maxUnknownLabel is the longest label not in the catalogue that a row
// run together may have: longer text is prose.
const maxUnknownLabel = 30

// unknownLabelEnd is the end of a label the catalogue does not know: the
// text up to the unit and figures that follow it, when they follow soon.
func unknownLabelEnd(rs []rune, i int, isUnit func(string) bool) int {
	for j := i; j < len(rs) && j-i <= maxUnknownLabel; j++ {
		switch {
		case rs[j] == '。' || rs[j] == '，':
			return i
		case rs[j] >= '0' && rs[j] <= '9':
			if j > i+1 && isUnit(string(rs[j-1])) {
				return j - 1
			}
			return i
		}
	}
	return i
}

// subsetOnly keeps the 其中 of a sub-row's numbering, or nothing.
func subsetOnly(lead string) string {
	if strings.HasPrefix(lead, "其中") {
		return "其中："
	}
	return ""
}

// labelEnd is the end of the longest label key that matches at i, i when
// none does, and the catalogue row of that key (-1 when none).
func labelEnd(rs []rune, i int, keys []rowKey) (int, int) {
	best, row := i, -1
	for _, rk := range keys {
		k := rk.key
		j, ok := i, true
		for n, c := range k {
			for n > 0 && j < len(rs) && strings.ContainsRune("、，,“”《》 ", rs[j]) {
				j++
			}
			if n > 0 && j < len(rs) && (rs[j] == '（' || rs[j] == '(') && rs[j] != c {
				j = skipNotes(rs, j) // 区（市）政府及其部门, whose key is 区政府及其部门
			}
			if j >= len(rs) || rs[j] != c {
				ok = false
				break
			}
			j++
		}
		if ok && j > best {
			best, row = j, rk.row
		}
	}
	return best, row
}

// columnKinds names each value column of a run-on header by its
// breakdown: the year's (total), 历年累计 (cumulative), or "".
func columnKinds(headers []string, cat *catalog.Catalog) []string {
	kinds := make([]string, len(headers))
	for i, h := range headers {
		k := label.Key(h)
		for _, c := range cat.LegacyColumns {
			for _, l := range c.Labels {
				if label.Key(l) == k {
					kinds[i] = c.Breakdown
				}
			}
		}
	}
	if y := theYearColumn(headers, kinds); y >= 0 {
		kinds[y] = gongkai.BreakdownTotal
	}
	return kinds
}

// splitFigures cuts a run of figures into the value columns when exactly
// one cut is possible (no figure of two digits or more starts with 0), or
// exactly one of the possible cuts keeps the year's figure at most the
// cumulative one (历年累计 counts every year up to this one). Otherwise it
// returns the run whole and the reason, which names the cuts that fit, and
// those cuts when there are several (for settle to weigh).
func splitFigures(run string, columns []string) ([]string, string, [][]string) {
	if run == "" || len(columns) < 2 || strings.Contains(run, ".") {
		return []string{run}, "", nil
	}
	res, err := digitrun.Split(run, []digitrun.Group{{Cells: len(columns)}})
	if err != nil {
		return []string{run}, fmt.Sprintf("the figures %s cannot be split: %v", run, err), nil
	}
	if len(res.Splits) > 1 {
		res.Splits = slices.DeleteFunc(res.Splits, func(s []string) bool { return !cumulativeHolds(s, columns) })
	}
	parts, err := res.Unique()
	if err != nil {
		var splits [][]string
		if len(res.Splits) > 1 {
			splits = res.Splits
		}
		return []string{run}, fmt.Sprintf("%v under %d value columns; %s", err, len(columns), listSplits(res.Splits)), splits
	}
	return parts, "", nil
}

// cumulativeHolds reports whether the year's figure of a split is at most
// its cumulative figure, when the columns print both.
func cumulativeHolds(split, columns []string) bool {
	year, cum := slices.Index(columns, gongkai.BreakdownTotal), slices.Index(columns, breakdownCumulative)
	if year < 0 || cum < 0 {
		return true
	}
	y, _ := strconv.ParseInt(split[year], 10, 64)
	c, _ := strconv.ParseInt(split[cum], 10, 64)
	return y <= c
}

// breakdownCumulative is the breakdown of 历年累计 (legacy_columns.csv).
const breakdownCumulative = "cumulative"

// maxListedSplits is how many of the splits that fit a reason names.
const maxListedSplits = 6

// listSplits prints the splits that fit, for a reason to name them.
func listSplits(splits [][]string) string {
	if len(splits) == 0 {
		return "the year's figure would exceed the cumulative one in every split"
	}
	var out []string
	for _, s := range splits[:min(len(splits), maxListedSplits)] {
		out = append(out, strings.Join(s, "|"))
	}
	if len(splits) > maxListedSplits {
		out = append(out, "…")
	}
	return "fitting: " + strings.Join(out, ", ")
}
