package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"golang.org/x/text/width"
)

// A textLayout prints a table's rows as lines of text, the way one kind of
// export does (a PDF copied out, a Word file saved as text, a web page
// copied, a markdown conversion). The layouts and their variations are
// those the parser's random-layout tests prove it reads.
type textLayout func(rng *rand.Rand, rows [][]string) []string

// legacyLayouts print the legacy table (label, unit, figure), whose labels
// wrap at any point with the figure on the first or the last line.
var legacyLayouts = map[string]textLayout{
	"tabs":         legacyTabs,
	"pipes":        legacyPipes,
	"spaces":       legacySpaces,
	"single-space": singleSpace,
	"cells":        legacyCells,
	"tab-led":      legacyTabLed,
}

// formLayouts print the tables of the 2019 and 2021 forms.
var formLayouts = map[string]textLayout{
	"tabs":         formTabs,
	"pipes":        formPipes,
	"aligned":      formAligned,
	"single-space": singleSpace,
	"cells":        formCells,
	"tab-led":      formTabLed,
}

// layoutNames lists a layout map's names in a fixed order, for choosing
// one deterministically.
func layoutNames(m map[string]textLayout) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// wrapLabel splits a long label in two at a random point, as a narrow
// column does; short labels stay whole (nil).
func wrapLabel(rng *rand.Rand, label string) []string {
	rs := []rune(label)
	if len(rs) <= 12 || rng.IntN(3) != 0 {
		return nil
	}
	k := 5 + rng.IntN(len(rs)-7)
	return []string{string(rs[:k]), string(rs[k:])}
}

func indent(rng *rand.Rand) string {
	return []string{"", "　　", "  ", "　　　　"}[rng.IntN(4)]
}

// cell3 returns the three cells of a legacy row.
func cell3(r []string) (label, unit, fig string) {
	c := append(append([]string(nil), r...), "", "", "")
	return c[0], c[1], c[2]
}

func legacyTabs(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		label, unit, fig := cell3(r)
		in := indent(rng)
		if parts := wrapLabel(rng, label); parts != nil && rng.IntN(2) == 0 {
			out = append(out, in+parts[0]+"\t"+unit+"\t"+fig, parts[1]+"\t\t")
			continue
		}
		out = append(out, in+label+"\t"+unit+"\t"+fig)
	}
	return out
}

func legacyPipes(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		label, unit, fig := cell3(r)
		parts := wrapLabel(rng, label)
		switch {
		case parts != nil && rng.IntN(2) == 0:
			out = append(out, fmt.Sprintf("| %s | %s | %s |", parts[0], unit, fig), fmt.Sprintf("| %s | | |", parts[1]))
		case parts != nil:
			out = append(out, fmt.Sprintf("| %s | | |", parts[0]), fmt.Sprintf("| %s | %s | %s |", parts[1], unit, fig))
		default:
			out = append(out, fmt.Sprintf("| %s | %s | %s |", label, unit, fig)+strayPipes(rng))
		}
	}
	return out
}

// strayPipes are the empty cells some converters leave at a row's end.
func strayPipes(rng *rand.Rand) string { return []string{"", " |||", "| |"}[rng.IntN(3)] }

func legacySpaces(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		label, unit, fig := cell3(r)
		if unit == "" {
			unit = "  "
		}
		out = append(out, indent(rng)+label+strings.Repeat(" ", 2+rng.IntN(6))+unit+"    "+fig)
	}
	return out
}

func singleSpace(_ *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(nonEmpty(r), " "))
	}
	return out
}

func legacyCells(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		label, unit, fig := cell3(r)
		if parts := wrapLabel(rng, label); parts != nil {
			out = append(out, parts...)
		} else {
			out = append(out, label)
		}
		out = append(out, nonEmpty([]string{unit, fig})...)
		if rng.IntN(2) == 0 {
			out = append(out, "")
		}
	}
	return out
}

func legacyTabLed(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		label, unit, fig := cell3(r)
		in := indent(rng)
		parts := wrapLabel(rng, label)
		if parts == nil {
			parts = []string{label}
		}
		out = append(out, "\t"+in+parts[0])
		if len(parts) == 2 {
			out = append(out, in+parts[1])
		}
		if rng.IntN(5) == 0 {
			out = append(out, "")
		}
		out = append(out, "\t"+unit, "\t"+fig, "")
	}
	return out
}

func formTabs(_ *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "\t"))
	}
	return out
}

func formPipes(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, "| "+strings.Join(r, " | ")+" |"+strayPipes(rng))
	}
	return out
}

func formCells(_ *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

func formAligned(rng *rand.Rand, rows [][]string) []string {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var out []string
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c + strings.Repeat(" ", widths[i]-displayWidth(c)+2+rng.IntN(3)))
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

func formTabLed(rng *rand.Rand, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		for _, c := range r {
			// Cells of the tables wrap; the headings between them are
			// paragraphs, which exports do not break.
			if rs := []rune(c); len(nonEmpty(r)) > 1 && len(rs) > 12 && rng.IntN(3) == 0 {
				k := 5 + rng.IntN(len(rs)-8)
				out = append(out, "\t"+string(rs[:k]), string(rs[k:]))
				continue
			}
			out = append(out, "\t"+c)
		}
		out = append(out, "")
	}
	return out
}

// displayWidth counts the columns a string takes in a monospaced font: two
// for a wide (Chinese) character.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
