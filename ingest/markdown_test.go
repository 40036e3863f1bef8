package ingest_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/synth"
)

// Tables of each template, filled by synth with figures that satisfy the
// form's identities, printed as PDF-to-Markdown and OCR-to-Markdown
// converters print them, through each damage those converters do. The
// files and their truth are committed in testdata/markdown; -update-markdown
// writes them again. Every figure is scored by its indicator and
// breakdown: none may come out wrong or invented, and the number found
// may only go up.

var updateMarkdown = flag.Bool("update-markdown", false, "write the damaged Markdown fixtures of testdata/markdown again")

// markdownDamage prints tables as converter Markdown, with one damage.
// It returns the lines and the figures no longer printed.
type markdownDamage func(t *synth.Tables) (lines []string, dropped []string)

var markdownDamages = []struct {
	name  string
	print markdownDamage
}{
	{"clean", mdClean},
	{"generic-header", mdGenericHeader},
	{"empty-header", mdEmptyHeader},
	{"no-header", mdNoHeader},
	{"split", mdSplit},
	{"label-apart", mdLabelApart},
	{"spans-repeated", mdSpansRepeated},
	{"short-rows", mdShortRows},
	{"html", mdHTML},
	{"html-after-text", mdHTMLAfterText},
	{"mixed", mdMixed},
	{"br-in-cells", mdBreaksInCells},
	{"spaced-labels", mdSpacedLabels},
	{"labels-lost", mdLabelsLost},
	{"ocr-garbled", mdGarbled},
	{"partly-generic-header", mdPartlyGenericHeader},
}

var markdownTemplates = []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021}

// markdownFound is how many figures of each fixture the parser places
// today: it may only go up. A fixture not listed must be read completely.
var markdownFound = map[string]int{
	// With no header, block 第二十条第（一）项 prints three figures under
	// the three columns of either format (本年新制作数量 … or 本年制发件数
	// …): its rows stay unplaced, with the reason.
	"form2019-generic-header": 192,
	"form2019-empty-header":   192,
	"form2019-no-header":      192,
	"form2021-generic-header": 194,
	"form2021-empty-header":   194,
	"form2021-no-header":      194,
	// The same when a one-row header keeps only 信息内容 among Col2, Col3
	// …; table 3's header keeps its rows below the first, and is read.
	"form2019-partly-generic-header": 192,
	"form2021-partly-generic-header": 194,
	// A row of table 2 whose label is lost has no identity to confirm its
	// place: it stays unplaced (table 3's are placed by the row order).
	"form2019-labels-lost": 193,
	"form2021-labels-lost": 199,
	// A legacy row whose label is lost is unplaced (no identity of the
	// legacy form places it).
	"legacy2014-labels-lost": 55,
	// Table 2's rows with a label misread stay unplaced; table 3's are
	// placed by the row order, their numbers confirming.
	"form2019-ocr-garbled": 189,
	"form2021-ocr-garbled": 198,
}

func TestMarkdownFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "markdown")
	if *updateMarkdown {
		writeMarkdownFixtures(t, dir)
	}
	for _, tpl := range markdownTemplates {
		for _, d := range markdownDamages {
			name := tpl + "-" + d.name
			t.Run(name, func(t *testing.T) {
				data, err := os.ReadFile(filepath.Join(dir, name+".md"))
				if err != nil {
					t.Fatal(err)
				}
				truth := readMarkdownTruth(t, filepath.Join(dir, name+".truth.json"))
				r, err := ingest.Parse(name+".md", data)
				if err != nil {
					t.Fatalf("not parsed: %v", err)
				}
				s := scoreByIndicator(r, truth)
				for _, w := range s.wrong {
					t.Errorf("wrong: %s", w)
				}
				for _, w := range s.invented {
					t.Errorf("invented: %s", w)
				}
				want, ratcheted := markdownFound[name]
				if !ratcheted {
					want = len(truth)
				}
				switch {
				case s.found < want:
					t.Errorf("%d of %d figures found, want %d; missing: %s", s.found, len(truth), want, strings.Join(s.missing, ", "))
				case ratcheted && s.found > want:
					t.Errorf("%d of %d figures found, more than %d: raise markdownFound[%q]", s.found, len(truth), want, name)
				}
				if testing.Verbose() {
					t.Logf("%d/%d found", s.found, len(truth))
				}
			})
		}
	}
}

// TestMarkdownDamagesOverSeeds prints each template's tables through each
// damage with other figures (two seeds the committed fixtures do not use), in
// memory: not one figure may come out wrong or invented.
func TestMarkdownDamagesOverSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("many parses")
	}
	for _, tpl := range markdownTemplates {
		for _, d := range markdownDamages {
			for seed := uint64(1000); seed < 1002; seed++ {
				lines, truth := printDamaged(t, tpl, seed, d.print)
				r, err := ingest.Parse("seed.md", []byte(strings.Join(mdReport(tpl, lines), "\n")))
				if err != nil {
					t.Errorf("%s %s seed %d: %v", tpl, d.name, seed, err)
					continue
				}
				s := scoreByIndicator(r, truth)
				for _, w := range append(s.wrong, s.invented...) {
					t.Errorf("%s %s seed %d: %s", tpl, d.name, seed, w)
				}
			}
		}
	}
}

type indicatorScore struct {
	found                    int
	wrong, invented, missing []string
}

// scoreByIndicator compares the figures parsed with truth, each known by
// its indicator and breakdown ("indicator/breakdown"): one under another
// row or column is wrong, one where truth has none is invented. Figures
// the parser derives (not printed) are not scored.
func scoreByIndicator(r *gongkai.Report, truth map[string]float64) indicatorScore {
	var s indicatorScore
	got := map[string]gongkai.Observation{}
	for _, o := range r.Observations {
		if slices.Contains(o.Flags, gongkai.FlagDerived) || o.Value == nil {
			continue
		}
		k := o.Indicator + "/" + o.Breakdown
		want, ok := truth[k]
		switch {
		case !ok:
			s.invented = append(s.invented, fmt.Sprintf("%s = %v (%q, line %d)", k, *o.Value, o.Label, o.Line))
		case math.Abs(*o.Value-want) > 1e-6:
			s.wrong = append(s.wrong, fmt.Sprintf("%s = %v, want %v (%q, line %d)", k, *o.Value, want, o.Label, o.Line))
		}
		got[k] = o
	}
	for k, v := range truth {
		o, ok := got[k]
		switch {
		case !ok:
			s.missing = append(s.missing, k)
		case math.Abs(*o.Value-v) <= 1e-6:
			s.found++
		}
	}
	sort.Strings(s.missing)
	return s
}

func readMarkdownTruth(t *testing.T, path string) map[string]float64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]float64
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return truth
}

// printDamaged makes the tables of template tpl from seed and prints them
// through damage: the lines, and the figures they still print.
func printDamaged(t *testing.T, tpl string, seed uint64, damage markdownDamage) ([]string, map[string]float64) {
	t.Helper()
	tables, err := synth.MakeTables(tpl, seed)
	if err != nil {
		t.Fatal(err)
	}
	lines, dropped := damage(tables)
	truth := map[string]float64{}
	for k, v := range tables.Figures {
		if !slices.Contains(dropped, k) {
			truth[k] = v
		}
	}
	return lines, truth
}

// writeMarkdownFixtures writes each template's tables through each damage,
// with the figures each file prints.
func writeMarkdownFixtures(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, tpl := range markdownTemplates {
		for j, d := range markdownDamages {
			lines, truth := printDamaged(t, tpl, uint64(100*i+j+1), d.print)
			name := tpl + "-" + d.name
			text := strings.Join(mdReport(tpl, lines), "\n") + "\n"
			if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			b, err := json.MarshalIndent(truth, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+".truth.json"), append(b, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// mdReport puts the tables' lines in a report's narrative, as a converter
// prints a whole report.
func mdReport(template string, tables []string) []string {
	title := "# 某县人民政府2023年政府信息公开工作年度报告"
	if template == gongkai.TemplateLegacy {
		title = "# 某县人民政府2017年政府信息公开工作年度报告"
	}
	head := []string{title, "", "本年度报告根据《中华人民共和国政府信息公开条例》要求编制。", "", "## 一、总体情况", "",
		"本年度，本县持续推进政务公开，全年共收到政府信息公开申请若干件。", ""}
	foot := []string{"", "## 五、存在的主要问题及改进情况", "", "政策解读形式不够丰富，下一步将认真改进。", "",
		"## 六、其他需要报告的事项", "", "无。"}
	if template == gongkai.TemplateLegacy {
		head[len(head)-1] = "附件：政府信息公开情况统计表"
		head = append(head, "")
		foot = []string{"", "单位负责人：王伟    填表人：李芳"}
	}
	return slices.Concat(head, tables, foot)
}

// mdBlock is a run of the tables' rows a converter prints together: a
// heading alone on its row (a paragraph), or a table.
type mdBlock struct {
	heading string
	rows    [][]synth.Cell
	header  int // how many of rows are the form's header rows
}

// mdBlocks cuts the tables into headings and tables, and counts each
// table's header rows (the rows before the first that prints a figure).
func mdBlocks(t *synth.Tables) []mdBlock {
	var out []mdBlock
	for _, r := range t.Rows {
		if filled := nonEmptyCells(r); len(filled) == 1 && r[0].Text != "" && !mdFigures(r) {
			out = append(out, mdBlock{heading: r[0].Text})
			continue
		}
		if len(out) == 0 || out[len(out)-1].heading != "" {
			out = append(out, mdBlock{})
		}
		b := &out[len(out)-1]
		b.rows = append(b.rows, r)
		if !mdFigures(r) && b.header == len(b.rows)-1 {
			b.header++
		}
	}
	return out
}

func nonEmptyCells(r []synth.Cell) []synth.Cell {
	var out []synth.Cell
	for _, c := range r {
		if strings.TrimSpace(c.Text) != "" {
			out = append(out, c)
		}
	}
	return out
}

func mdFigures(r []synth.Cell) bool {
	return slices.ContainsFunc(r, func(c synth.Cell) bool { return c.Figure != "" })
}

func mdTexts(r []synth.Cell) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = c.Text
	}
	return out
}

// mdRow prints cells as a Markdown table row.
func mdRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// mdRule is the line under a Markdown table's header row of n cells.
func mdRule(n int) string {
	return "|" + strings.Repeat("---|", n)
}

// mdTable prints rows as one Markdown table: its first row the header.
func mdTable(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	out := []string{mdRow(rows[0]), mdRule(len(rows[0]))}
	for _, r := range rows[1:] {
		out = append(out, mdRow(r))
	}
	return append(out, "")
}

// mdPrint prints the blocks: each heading a paragraph, each table through
// table (which returns its lines).
func mdPrint(t *synth.Tables, table func(b mdBlock) []string) []string {
	var out []string
	for _, b := range mdBlocks(t) {
		if b.heading != "" {
			out = append(out, b.heading, "")
			continue
		}
		out = append(out, table(b)...)
	}
	return out
}

func mdTextRows(rows [][]synth.Cell) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = mdTexts(r)
	}
	return out
}

// mdClean prints the tables as a converter that reads them well does.
func mdClean(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string { return mdTable(mdTextRows(b.rows)) }), nil
}

// mdGenericHeader replaces each table's header rows with the names some
// converters give columns they cannot read: 数据1 … 数据N (Column1 … in
// the tables of table 3).
func mdGenericHeader(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		width := len(b.rows[len(b.rows)-1])
		names := make([]string, width)
		for i := range names {
			names[i] = fmt.Sprintf("数据%d", i+1)
			if width > 7 {
				names[i] = fmt.Sprintf("Column%d", i+1)
			}
		}
		return mdTable(append([][]string{names}, mdTextRows(b.rows[b.header:])...))
	}), nil
}

// mdPartlyGenericHeader prints each table's header with the cells of its
// first row but the first named Col2, Col3 … (PyMuPDF4LLM's names for
// header cells it finds empty): the rows below keep their names.
func mdPartlyGenericHeader(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		if b.header > 0 {
			for i := 1; i < len(rows[0]); i++ {
				rows[0][i] = fmt.Sprintf("Col%d", i+1)
			}
		}
		return mdTable(rows)
	}), nil
}

// mdEmptyHeader prints each table's header as a row of empty cells.
func mdEmptyHeader(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		blank := make([]string, len(b.rows[len(b.rows)-1]))
		return mdTable(append([][]string{blank}, mdTextRows(b.rows[b.header:])...))
	}), nil
}

// mdNoHeader drops each table's header rows: its first row of figures
// stands as the Markdown header.
func mdNoHeader(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string { return mdTable(mdTextRows(b.rows[b.header:])) }), nil
}

// mdSplitRows cuts a table's rows into the pieces a converter makes of a
// table printed over pages: after its header, every few rows, mid-block.
func mdSplitRows(b mdBlock) [][][]synth.Cell {
	var out [][][]synth.Cell
	size := []int{3, 5, 4}
	rest := b.rows
	first := min(len(rest), b.header+2)
	out = append(out, rest[:first])
	rest = rest[first:]
	for i := 0; len(rest) > 0; i++ {
		n := min(len(rest), size[i%len(size)])
		out = append(out, rest[:n])
		rest = rest[n:]
	}
	return out
}

// mdPageBreak is what a converter prints between the pieces of a table
// split by a page: the page's footer and the next page's repeated title.
func mdPageBreak(page int) []string {
	return []string{fmt.Sprintf("— %d —", page), "", "## 表：政府信息公开情况统计", ""}
}

// mdSplit prints each table as many small tables, cut every few rows.
func mdSplit(t *synth.Tables) ([]string, []string) {
	page := 2
	return mdPrint(t, func(b mdBlock) []string {
		var out []string
		for i, piece := range mdSplitRows(b) {
			if i > 0 {
				out = append(out, mdPageBreak(page)...)
				page++
			}
			out = append(out, mdTable(mdTextRows(piece))...)
		}
		return out
	}), nil
}

// mdMixed does what a converter that reads a table badly does all at
// once: the table cut at each page, a row's label left before the cut and
// its figures after it, each piece under a header of generic names, and
// merged cells repeated.
func mdMixed(t *synth.Tables) ([]string, []string) {
	return mdLabelApartWith(t, func(rows [][]string) [][]string {
		names := make([]string, len(rows[0]))
		for i := range names {
			names[i] = fmt.Sprintf("Column%d", i+1)
		}
		return append([][]string{names}, rows...)
	}, true)
}

// mdLabelApart splits tables as mdSplit does, and at each cut of a table
// whose rows have labels leaves the label of the first row of the next
// piece as the last row of the piece before: its figures open the next
// table, with empty label cells.
func mdLabelApart(t *synth.Tables) ([]string, []string) {
	return mdLabelApartWith(t, nil, false)
}

// mdLabelApartWith prints as mdLabelApart does, each piece after the
// first given a header by header when it is not nil, merged cells repeated
// when repeat is set.
func mdLabelApartWith(t *synth.Tables, header func([][]string) [][]string, repeat bool) ([]string, []string) {
	page := 2
	return mdPrint(t, func(b mdBlock) []string {
		pieces := mdSplitRows(b)
		all := mdTextRows(b.rows)
		if repeat {
			mdRepeatSpans(b, all)
		}
		rows := make([][][]string, len(pieces))
		at := 0
		for i, piece := range pieces {
			rows[i] = slices.Clone(all[at : at+len(piece)])
			at += len(piece)
		}
		for i := 1; i < len(pieces); i++ {
			first := pieces[i][0]
			at := slices.IndexFunc(first, func(c synth.Cell) bool { return c.Figure != "" })
			if at <= 0 {
				continue
			}
			labels := make([]string, len(first))
			figures := make([]string, len(first))
			for j, c := range first {
				if j < at {
					labels[j] = c.Text
				} else {
					figures[j] = c.Text
				}
			}
			rows[i-1] = append(rows[i-1], labels)
			rows[i][0] = figures
		}
		var out []string
		for i, piece := range rows {
			if i > 0 {
				out = append(out, mdPageBreak(page)...)
				page++
				if header != nil {
					piece = header(piece)
				}
			}
			out = append(out, mdTable(piece)...)
		}
		return out
	}), nil
}

// mdSpansRepeated prints every merged cell with its text in each cell it
// spans, as some converters do: block labels in every row of the block,
// spanning headers in every column they span.
func mdSpansRepeated(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		mdRepeatSpans(b, rows)
		return mdTable(rows)
	}), nil
}

// mdRepeatSpans prints in rows, the cells of b, each merged cell's text in
// every cell it spans.
func mdRepeatSpans(b mdBlock, rows [][]string) {
	{
		for i, r := range rows {
			for j := range r {
				switch {
				case r[j] != "" || b.rows[i][j].Figure != "":
				case i < b.header && i > 0 && (j == 0 || j == len(r)-1) && b.rows[i-1][j].Text != "":
					r[j] = rows[i-1][j] // a header spanning the header rows below it
				case i < b.header && j > 0 && r[j-1] != "":
					r[j] = r[j-1] // a header spanning the columns to its right
				case i > b.header && mdLabelColumn(b, j) && mdCellBelowHeading(b.rows[i], rows, i, j):
					r[j] = rows[i-1][j] // a block label spanning the rows below it
				}
			}
		}
	}
}

// mdLabelColumn reports whether column j of the block's rows holds
// labels, not figures.
func mdLabelColumn(b mdBlock, j int) bool {
	for _, r := range b.rows[b.header:] {
		if j < len(r) && r[j].Figure != "" {
			return false
		}
	}
	return true
}

// mdCellBelowHeading reports whether the empty label cell (i, j) of row
// is under a block label: the cell above it is filled (as printed, rows),
// and a label of the row stands to its right.
func mdCellBelowHeading(row []synth.Cell, rows [][]string, i, j int) bool {
	return rows[i-1][j] != "" && mdLabelRight(row, j)
}

// mdShortRows prints the tables with the last figure of every third row of
// figures left blank, and the blank cells at the end of each row dropped,
// as converters drop trailing empty cells.
func mdShortRows(t *synth.Tables) ([]string, []string) {
	var dropped []string
	n := 0
	lines := mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		for i, r := range b.rows {
			if i >= b.header && mdFigures(r) {
				n++
				if n%3 == 0 && len(r) > 2 {
					dropped = append(dropped, r[len(r)-1].Figure)
					rows[i][len(r)-1] = ""
				}
			}
			for len(rows[i]) > 1 && rows[i][len(rows[i])-1] == "" {
				rows[i] = rows[i][:len(rows[i])-1]
			}
		}
		return mdTable(rows)
	})
	return lines, dropped
}

// mdHTML prints the tables as HTML inside the Markdown, as MinerU and
// marker do: merged cells with rowspan and colspan, long labels broken
// with <br>.
func mdHTML(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		var s strings.Builder
		s.WriteString("<table>")
		for i, r := range b.rows {
			s.WriteString("<tr>")
			for j := 0; j < len(r); j++ {
				c := r[j]
				if c.Text == "" && i > 0 && mdCovered(b.rows, i, j) {
					continue // under a block label's rowspan
				}
				attrs := ""
				if span := mdColSpan(b, i, j); span > 1 {
					attrs += fmt.Sprintf(` colspan="%d"`, span)
					j += span - 1
				}
				if span := mdRowSpan(b, i, j); span > 1 {
					attrs += fmt.Sprintf(` rowspan="%d"`, span)
				}
				fmt.Fprintf(&s, "<td%s>%s</td>", attrs, mdBreak(c.Text))
			}
			s.WriteString("</tr>")
		}
		s.WriteString("</table>")
		return []string{s.String(), ""}
	}), nil
}

// mdColSpan is how many columns header cell (i, j) spans: itself and the
// empty cells after it on a header row.
func mdColSpan(b mdBlock, i, j int) int {
	r := b.rows[i]
	if i >= b.header || r[j].Text == "" {
		return 1
	}
	n := 1
	for j+n < len(r) && r[j+n].Text == "" && !mdCovered(b.rows, i, j+n) {
		n++
	}
	return n
}

// mdRowSpan is how many rows block label (i, j) spans: itself and the
// empty cells below it, while the rows below have labels right of it.
func mdRowSpan(b mdBlock, i, j int) int {
	if i < b.header || b.rows[i][j].Text == "" || b.rows[i][j].Figure != "" {
		return 1
	}
	n := 1
	for i+n < len(b.rows) && b.rows[i+n][j].Text == "" && mdLabelRight(b.rows[i+n], j) {
		n++
	}
	return n
}

// mdCovered reports whether empty cell (i, j) of a row of figures is under
// a block label's rowspan.
func mdCovered(rows [][]synth.Cell, i, j int) bool {
	if rows[i][j].Text != "" || !mdFigures(rows[i]) || !mdLabelRight(rows[i], j) {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if !mdFigures(rows[k]) {
			return false
		}
		if rows[k][j].Text != "" {
			return true
		}
	}
	return false
}

// mdLabelRight reports whether a label stands right of column j on row r.
func mdLabelRight(r []synth.Cell, j int) bool {
	for k := j + 1; k < len(r); k++ {
		if r[k].Figure != "" {
			return false
		}
		if r[k].Text != "" {
			return true
		}
	}
	return false
}

// mdBreak breaks a long label with <br>, as converters keep a cell's lines.
func mdBreak(s string) string {
	runes := []rune(s)
	if len(runes) <= 12 {
		return s
	}
	return string(runes[:10]) + "<br>" + string(runes[10:])
}

// mdHTMLAfterText prints the tables as mdHTML does, after pages of
// narrative, as a whole report converted prints them: the first <table>
// stands far into the file.
func mdHTMLAfterText(t *synth.Tables) ([]string, []string) {
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("（%d）本年度持续推进政务公开标准化规范化建设，完善主动公开目录，加强政策解读，回应社会关切。", i+1), "")
	}
	tables, dropped := mdHTML(t)
	return append(lines, tables...), dropped
}

// mdBreaksInCells prints the tables as marker does: pipe tables whose long
// labels and headers keep their line breaks as <br>.
func mdBreaksInCells(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		for _, r := range rows {
			for j := range r {
				r[j] = mdBreak(r[j])
			}
		}
		return mdTable(rows)
	}), nil
}

// mdSpacedLabels prints the tables as OCR reads them: spaces between the
// characters of labels and headers (三 、本 年 度办 理 结果).
func mdSpacedLabels(t *synth.Tables) ([]string, []string) {
	return mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		for i, r := range rows {
			for j := range r {
				if b.rows[i][j].Figure == "" {
					r[j] = mdSpaced(r[j])
				}
			}
		}
		return mdTable(rows)
	}), nil
}

// mdSpaced puts a space after every third character of s.
func mdSpaced(s string) string {
	var b strings.Builder
	for i, c := range []rune(s) {
		if i > 0 && i%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mdChangeRows prints the tables with change applied to the printed cells
// of the rows of figures that pick takes (by their count, from 1, over all
// tables).
func mdChangeRows(t *synth.Tables, pick func(n int) bool, change func(r []synth.Cell, printed []string)) []string {
	n := 0
	return mdPrint(t, func(b mdBlock) []string {
		rows := mdTextRows(b.rows)
		for i, r := range b.rows {
			if i < b.header || !mdFigures(r) {
				continue
			}
			if n++; pick(n) {
				change(r, rows[i])
			}
		}
		return mdTable(rows)
	})
}

// mdLabelsLost prints the tables with the labels of some rows lost, as a
// converter loses the text of cells it cannot read: every fourth row of
// figures, and the twelfth, print empty label cells.
func mdLabelsLost(t *synth.Tables) ([]string, []string) {
	return mdChangeRows(t, func(n int) bool { return n%4 == 0 || n == 12 }, func(r []synth.Cell, printed []string) {
		for j, c := range r {
			if c.Figure == "" {
				printed[j] = ""
			}
		}
	}), nil
}

// mdGarbled prints the tables as OCR misreads them: in the label of every
// third row of figures, two characters read as others (口, 囗).
func mdGarbled(t *synth.Tables) ([]string, []string) {
	return mdChangeRows(t, func(n int) bool { return n%3 == 0 }, func(r []synth.Cell, printed []string) {
		for j := len(r) - 1; j >= 0; j-- {
			if r[j].Figure == "" && r[j].Text != "" {
				printed[j] = mdMisread(r[j].Text)
				return
			}
		}
	}), nil
}

// mdMisread replaces the second and the last but one Han character of s.
func mdMisread(s string) string {
	runes := []rune(s)
	var han []int
	for i, c := range runes {
		if unicode.Is(unicode.Han, c) {
			han = append(han, i)
		}
	}
	if len(han) < 3 {
		return s
	}
	runes[han[1]], runes[han[len(han)-2]] = '口', '囗'
	return string(runes)
}
