package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
)

// A block of table 2 printed with no header of its own (or with its header
// after its rows, as pdfminer prints a page) takes the columns of the form
// whose column count its first row's figures match (proactiveColumnsByCount).
// The count alone does not tell the form: 第二十条第（五）项 has one column in
// 2021 (本年处理决定数量) and three in 2019, so the one figure a 2019 row
// prints before its other cells are read (行政许可 / 2, its 上一年项目数量)
// fits the 2021 block. The report's other tables tell its form; when they
// tell the other form than the count took, the block's figures are the
// other form's columns, and which ones is not certain.

// countedBlock is a block of table 2 whose columns its figures' count chose.
type countedBlock struct {
	block    *blockSpec
	template string
}

// noteCountedColumns keeps the form whose columns a block took by count, when
// the two forms' columns of the block differ.
func (r *reader) noteCountedColumns(b *blockSpec, template string) {
	if sameKeys(b.templateColumns(gongkai.Template2019), b.templateColumns(gongkai.Template2021)) {
		return
	}
	r.proactive.counted = append(r.proactive.counted, countedBlock{b, template})
}

// toldTemplate is the form the report's headers and rows tell (template,
// when not its default), or "" when they tell none.
func (r *reader) toldTemplate() string {
	if t := r.applicationsTemplate(); t == gongkai.Template2021 {
		return t
	}
	if t := r.proactiveTemplate(); t != "" {
		return t
	}
	return r.applicationsTemplate()
}

// unplaceCountedOfOtherForm unplaces the figures of every block whose
// columns were taken by count from the form the report's tables do not
// tell.
func (r *reader) unplaceCountedOfOtherForm() {
	told := r.toldTemplate()
	if told == "" {
		return
	}
	for _, cb := range r.proactive.counted {
		if cb.template == told {
			continue
		}
		indicators := blockIndicators(cb.block)
		r.obs = slices.DeleteFunc(r.obs, func(o gongkai.Observation) bool {
			if !indicators[o.Indicator] || slices.Contains(o.Flags, gongkai.FlagDerived) {
				return false
			}
			raw := o.Raw
			if o.Value == nil {
				raw = ""
			}
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{raw},
				Reason: fmt.Sprintf("no column headers for block %s, whose figures' count fits the columns of %s (%s), but the report's tables are %s: which of its columns they are is not certain",
					cb.block.label, cb.template, columnWordings(cb.block, cb.template), told)})
			return true
		})
	}
}

// blockIndicators is the set of indicators of the rows of block b.
func blockIndicators(b *blockSpec) map[string]bool {
	out := map[string]bool{}
	for _, row := range b.rows {
		for _, ind := range row.cells {
			out[ind] = true
		}
	}
	for _, ind := range b.locals {
		out[ind] = true
	}
	return out
}

// columnWordings joins the wordings of a block's columns in one form.
func columnWordings(b *blockSpec, template string) string {
	var ws []string
	for _, c := range b.templateColumns(template) {
		ws = append(ws, c.label)
	}
	return strings.Join(ws, ", ")
}
