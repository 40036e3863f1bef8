package synth

import (
	"embed"
	"fmt"
	"strings"

	"github.com/gongkai/gongkai"
)

// The skeletons are the statistics tables of the test fixtures, one cell per
// tab, with every figure replaced by {indicator/breakdown}; skelgen writes
// them and proves each placeholder is where the parser reads that figure.
//
//go:generate go run ./internal/skelgen -root ..
//go:embed skeletons/*.tsv
var skeletonFiles embed.FS

// slot is one figure of a table: an indicator for one breakdown.
type slot struct {
	Indicator, Breakdown string
}

func (s slot) String() string { return s.Indicator + "/" + s.Breakdown }

// skeleton is the table of one template, row by row, cell by cell.
type skeleton struct {
	template string
	rows     [][]string
	slots    []slot // in the order they are printed
}

// skeletons holds the skeleton of each template.
var skeletons = mustLoadSkeletons()

func mustLoadSkeletons() map[string]*skeleton {
	out := map[string]*skeleton{}
	for _, tpl := range []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021} {
		sk, err := loadSkeleton(tpl, tpl)
		if err != nil {
			panic(err)
		}
		out[tpl] = sk
	}
	return out
}

// loadSkeleton reads skeletons/<name>.tsv, the table of template.
func loadSkeleton(name, template string) (*skeleton, error) {
	b, err := skeletonFiles.ReadFile("skeletons/" + name + ".tsv")
	if err != nil {
		return nil, err
	}
	sk := &skeleton{template: template}
	for l := range strings.SplitSeq(strings.TrimRight(string(b), "\n"), "\n") {
		row := strings.Split(l, "\t")
		for _, c := range row {
			if s, ok := placeholder(c); ok {
				sk.slots = append(sk.slots, s)
			}
		}
		sk.rows = append(sk.rows, row)
	}
	if len(sk.slots) == 0 {
		return nil, fmt.Errorf("synth: skeleton %s has no figures", name)
	}
	return sk, nil
}

// placeholder returns the slot a cell stands for, if it is one.
func placeholder(cell string) (slot, bool) {
	inner, ok := strings.CutPrefix(cell, "{")
	if !ok {
		return slot{}, false
	}
	inner, ok = strings.CutSuffix(inner, "}")
	if !ok {
		return slot{}, false
	}
	ind, bd, ok := strings.Cut(inner, "/")
	return slot{ind, bd}, ok
}

// fill returns the skeleton's rows with each placeholder replaced by its
// figure as printed.
func (sk *skeleton) fill(print func(slot) string) [][]string {
	out := make([][]string, len(sk.rows))
	for i, r := range sk.rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			if s, ok := placeholder(c); ok {
				c = print(s)
			}
			out[i][j] = c
		}
	}
	return out
}
