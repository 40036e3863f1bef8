package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/gongkai/gongkai/catalog"
)

// Tables are the statistics tables of one template filled with made-up
// figures that satisfy the form's identities, row by row and cell by cell,
// for tests that print them through the damages of converters and text
// exports and check every figure that comes back.
type Tables struct {
	Template string
	// Rows are the tables as the form prints them: a heading alone on its
	// row, header rows, then rows of a label (and its block labels) and
	// figures. Merged cells are empty cells.
	Rows [][]Cell
	// Figures holds each printed figure, by "indicator/breakdown".
	Figures map[string]float64
}

// Cell is one cell of Tables.
type Cell struct {
	Text string // as printed
	// Figure is the figure the cell prints ("indicator/breakdown"), "" for
	// a label, a header or an empty cell.
	Figure string
}

// tablesSize is how large the publisher of Tables is: figures of one to
// three digits, as most reports print.
const tablesSize = 20

// MakeTables fills the tables of template (gongkai.TemplateLegacy,
// Template2019 or Template2021) with figures drawn from seed.
func MakeTables(template string, seed uint64) (*Tables, error) {
	sk, ok := skeletons[template]
	if !ok {
		return nil, fmt.Errorf("synth: no tables of template %q", template)
	}
	rules, err := catalog.Rules()
	if err != nil {
		return nil, err
	}
	cat := catalog.MustLoad()
	figs := newFigures(rand.New(rand.NewPCG(seed, 0)), sk, tablesSize, 0, rules)
	t := &Tables{Template: template, Figures: map[string]float64{}}
	for s, v := range figs {
		t.Figures[s.String()] = v
	}
	for _, r := range sk.rows {
		row := make([]Cell, len(r))
		for j, c := range r {
			row[j] = Cell{Text: c}
			if s, ok := placeholder(c); ok {
				row[j] = Cell{Text: printFigure(cat, template, s, figs[s]), Figure: s.String()}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}
