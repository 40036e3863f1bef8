package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// Web pages whose text was taken without separators between table cells
// run a table's cells together: 规章000行政规范性文件6233440, a legacy row
// 收到申请数件13, Fujian's 主动公开文件数条294981916. RunOn prints a report's
// tables that way, so that the parser's reading of such text can be scored
// figure by figure against what was printed.

// TemplateFujian is Fujian's provincial variant of the legacy table
// (指标名称 | 计量单位 | <year>年度 | 历年累计): RunOn prints it as a
// report of gongkai.TemplateLegacy.
const TemplateFujian = "legacy-fujian"

// The styles RunOn prints in.
const (
	// RunOnOneLine prints the whole body on one line, every cell glued
	// to the next.
	RunOnOneLine = "one-line"
	// RunOnRows prints one to four rows on a line, their cells glued.
	RunOnRows = "rows"
	// RunOnUnitAfter prints a legacy table's unit after each figure
	// (收到申请数13件), the whole body on one line.
	RunOnUnitAfter = "unit-after"
	// RunOnSpaced prints the whole body on one line with one space
	// between cells.
	RunOnSpaced = "spaced"
	// RunOnSeparated prints one row a line, cells between tabs: the same
	// table with the separators kept.
	RunOnSeparated = "separated"
)

// RunOnStyles lists the styles RunOn prints each template in.
func RunOnStyles(template string) []string {
	switch template {
	case gongkai.TemplateLegacy:
		return []string{RunOnOneLine, RunOnRows, RunOnUnitAfter, RunOnSpaced}
	case TemplateFujian:
		return []string{RunOnOneLine, RunOnRows, RunOnUnitAfter, RunOnSpaced, RunOnSeparated}
	}
	return []string{RunOnOneLine, RunOnRows, RunOnSpaced}
}

// RunOn makes one report of template (gongkai.TemplateLegacy,
// TemplateFujian, gongkai.Template2019, gongkai.Template2021) for seed, and
// prints its tables in style. The report's Rows name the printed label of
// each figure's row.
func RunOn(template, style string, seed uint64) (*Report, error) {
	if !slices.Contains(RunOnStyles(template), style) {
		return nil, fmt.Errorf("synth: no run-on style %q for template %q", style, template)
	}
	rng := rand.New(rand.NewPCG(seed, 0x72756e6f6e))
	year := map[string]int{gongkai.TemplateLegacy: 2016, TemplateFujian: 2015 + rng.IntN(4),
		gongkai.Template2019: 2019 + rng.IntN(2), gongkai.Template2021: 2021 + rng.IntN(5)}[template]
	sk, figs, err := runOnFigures(rng, template, year)
	if err != nil {
		return nil, err
	}
	cat := catalog.MustLoad()
	tpl := sk.template
	rows := sk.fill(func(s slot) string {
		if tpl == TemplateFujian {
			return num(figs[s])
		}
		return printFigure(cat, tpl, s, figs[s])
	})
	r := &Report{Publisher: "某县", AdminCode: "", Year: year, Template: tpl, Format: "runon-" + style,
		Figures: map[string]float64{}, Rows: map[string]string{}}
	if tpl == TemplateFujian {
		r.Template = gongkai.TemplateLegacy
		rows = fujianEnumerators(rng, rows)
	}
	for i, row := range sk.rows {
		name := ""
		for j, c := range row {
			s, ok := placeholder(c)
			switch {
			case !ok && c != "" && (j == 0 || r.Template != gongkai.TemplateLegacy):
				name = rows[i][j] // the row's own label is the last before its figures (the unit is no label)
			case ok:
				r.Figures[s.String()] = figs[s]
				r.Rows[s.String()] = name
			}
		}
	}
	r.Name = fmt.Sprintf("%s-%s-%d.txt", template, style, seed)
	stated := ""
	if v, ok := r.Figures[proactiveStated]; ok && tpl == TemplateFujian && seed%2 == 0 {
		// As Fujian's reports do, the overview states how much was
		// published in the year (2015年主动公开政府信息2949条), in every
		// other report.
		stated = fmt.Sprintf("%d年，全区主动公开政府信息%s条。", year, num(v))
	}
	r.Data = []byte(runOnText(rng, template, style, year, rows, stated))
	return r, nil
}

// runOnFigures draws the figures of a report: those of the national forms
// as Corpus does, Fujian's so that each cumulative figure is at least the
// year's and each total the sum of the rows under it.
func runOnFigures(rng *rand.Rand, template string, year int) (*skeleton, figures, error) {
	size := []float64{2, 8, 30, 120}[rng.IntN(4)]
	if template != TemplateFujian {
		sk := skeletons[template]
		if sk == nil {
			return nil, nil, fmt.Errorf("synth: unknown template %q", template)
		}
		rules, err := catalog.Rules()
		if err != nil {
			return nil, nil, err
		}
		return sk, newFigures(rng, sk, size, 0, rules), nil
	}
	sk, err := loadSkeleton("legacy-fujian", TemplateFujian)
	if err != nil {
		return nil, nil, err
	}
	for i, row := range sk.rows {
		sk.rows[i] = slices.Clone(row)
		for j, c := range row {
			sk.rows[i][j] = strings.ReplaceAll(c, "{year}", fmt.Sprint(year))
		}
	}
	return sk, fujianFigures(rng, sk, size), nil
}

// fujianSums are the totals of Fujian's table and the rows under them.
var fujianSums = map[string][]string{
	"requests.received": {"requests.received.in_person", "requests.received.online", "requests.received.letter_or_fax"},
	"requests.answered": {"requests.disclosed", "requests.partially_disclosed", "requests.refused", "requests.answered.other"},
}

func fujianFigures(rng *rand.Rand, sk *skeleton, size float64) figures {
	f := figures{}
	some := func(scale float64) float64 {
		if rng.IntN(3) == 0 {
			return 0
		}
		return math.Round(scale * rng.ExpFloat64())
	}
	for _, s := range sk.slots {
		if s.Breakdown == gongkai.BreakdownTotal {
			f[s] = some(size)
		}
	}
	items := slot{"proactive.items", gongkai.BreakdownTotal}
	f[items] = math.Round(size*40*rng.ExpFloat64()) + 1
	f[slot{"proactive.channels.website", gongkai.BreakdownTotal}] = f[items]
	if rng.IntN(2) == 0 {
		f[slot{"proactive.channels.website", gongkai.BreakdownTotal}] = math.Floor(f[items] * rng.Float64())
	}
	f[slot{"proactive.channels.gazette", gongkai.BreakdownTotal}] = math.Floor(f[items] * rng.Float64() / 4)
	for _, s := range sk.slots {
		if s.Breakdown != gongkai.BreakdownTotal {
			f[s] = f[slot{s.Indicator, gongkai.BreakdownTotal}] + some(size*6)
		}
	}
	f[slot{"proactive.items", "cumulative"}] = max(f[slot{"proactive.items", "cumulative"}],
		f[slot{"proactive.channels.website", "cumulative"}], f[slot{"proactive.channels.gazette", "cumulative"}])
	for whole, parts := range fujianSums {
		for _, bd := range []string{gongkai.BreakdownTotal, "cumulative"} {
			sum := 0.0
			for _, p := range parts {
				sum += f[slot{p, bd}]
			}
			f[slot{whole, bd}] = sum
		}
	}
	return f
}

// fujianEnumerators numbers the sub-rows of Fujian's table as one report
// or another does: 其中：1、 and 2、, or 其中：1. and 2..
func fujianEnumerators(rng *rand.Rand, rows [][]string) [][]string {
	if rng.IntN(2) == 0 {
		return rows
	}
	for _, r := range rows {
		if rs := []rune(r[0]); strings.HasPrefix(r[0], "其中：") && len(rs) > 4 && rs[4] == '、' {
			rs[4] = '.'
			r[0] = string(rs)
		} else if len(rs) > 1 && rs[0] >= '1' && rs[0] <= '9' && rs[1] == '、' {
			rs[1] = '.'
			r[0] = string(rs)
		}
	}
	return rows
}

// runOnText prints the report: a page header as the archive of a web page
// keeps it, then the body with its tables in style.
func runOnText(rng *rand.Rand, template, style string, year int, rows [][]string, stated string) string {
	var b strings.Builder
	title := fmt.Sprintf("某县%d年度政府信息公开工作年度报告", year)
	fmt.Fprintf(&b, "标题: %s\n发布时间: %d-02-%02d\n==================== 正文 ====================\n", title, year+1, 1+rng.IntN(27))
	head, foot := runOnProse(template, year, stated)
	if style == RunOnSeparated {
		b.WriteString(title + head + "\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
		b.WriteString(foot + "\n")
		return b.String()
	}
	sep := map[string]string{RunOnSpaced: " "}[style]
	b.WriteString(title + head)
	for i, r := range rows {
		if style == RunOnUnitAfter && i > 0 {
			r = unitAfter(r)
		}
		b.WriteString(strings.Join(nonEmpty(r), sep))
		if style == RunOnRows && rng.IntN(3) == 0 && i < len(rows)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(sep)
		}
	}
	b.WriteString(foot + "\n")
	return b.String()
}

// unitAfter moves a legacy row's unit after each of its figures.
func unitAfter(r []string) []string {
	if len(r) < 3 || r[1] == "" {
		return r
	}
	out := []string{r[0]}
	for _, f := range r[2:] {
		if f != "" {
			out = append(out, f+r[1])
		}
	}
	return out
}

// proactiveStated is the figure a Fujian report's overview states.
const proactiveStated = "proactive.items/total"

// runOnProse is the text before and after the tables; stated is a
// sentence of the overview that states a figure of the table, or "".
func runOnProse(template string, year int, stated string) (head, foot string) {
	intro := fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year)
	switch template {
	case gongkai.TemplateLegacy:
		return intro + "一、概述全年政府信息公开工作稳步推进。附件：政府信息公开情况统计表",
			"单位负责人：王伟 填表人：李芳"
	case TemplateFujian:
		return intro + "一、 概述我区不断深化公开内容、完善工作机制。" + stated + "七、政府信息公开情况统计表 ",
			"。"
	}
	return intro + "一、总体情况本年度持续推进政务公开工作。",
		"五、存在的主要问题及改进情况政策解读形式不够丰富。六、其他需要报告的事项无。"
}
