package ingest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/legacy"
	"github.com/gongkai/gongkai/ingest/source"
)

// seedRows are the rows of the seed's table as printed: label (wrapped
// lines joined), unit and figure, header row first.
func seedRows(t *testing.T) [][3]string {
	t.Helper()
	data, err := os.ReadFile("../samples/xuecheng-2017.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := source.SplitLines(string(data))
	start, end := legacy.Bounds(catalog.MustLoad(), lines)
	cells := layout.Detect(lines[start:end]).Split(lines[start:end])
	if len(cells) != 84*3 {
		t.Fatalf("%d cells in the seed's table, want 84 rows of 3", len(cells))
	}
	var rows [][3]string
	for i := 0; i < len(cells); i += 3 {
		rows = append(rows, [3]string{cells[i].Text, cells[i+1].Text, cells[i+2].Text})
	}
	return rows
}

// TestRandomLayouts lays the seed's table out in 300 random ways (layout,
// labels wrapped at any point with the figures on the first or the last
// line, indentation, header or none, line ends, encoding) and expects the 76
// figures under their indicators every time, with nothing unplaced.
func TestRandomLayouts(t *testing.T) {
	rows := seedRows(t)
	rng := rand.New(rand.NewPCG(2017, 370403))
	const head = "薛城区人民政府2017年政府信息公开工作年度报告\n\n一、概述\n2017年，全区收到依申请公开政府信息的申请16件。\n\n附件：2017年政府信息公开工作情况统计表\n\n"
	const foot = "\n单位负责人：钟士强    填表人：刘志军\n"
	layouts := []string{"tabs", "pipes", "spaces", "cells", "tab-led", "single-space"}
	for n := range 300 {
		layout := layouts[rng.IntN(len(layouts))]
		var out []string
		for i, r := range rows {
			if i == 0 && rng.IntN(3) == 0 {
				continue // no header row
			}
			label, unit, fig := r[0], r[1], r[2]
			parts := []string{label}
			if rs := []rune(label); len(rs) > 12 && rng.IntN(3) == 0 {
				k := 5 + rng.IntN(len(rs)-7)
				parts = []string{string(rs[:k]), string(rs[k:])}
			}
			indent := []string{"", "　　", "  ", "　　　　"}[rng.IntN(4)]
			switch layout {
			case "tabs":
				if len(parts) == 2 && rng.IntN(2) == 0 {
					out = append(out, indent+parts[0]+"\t"+unit+"\t"+fig, parts[1]+"\t\t")
				} else {
					out = append(out, indent+label+"\t"+unit+"\t"+fig)
				}
			case "pipes":
				switch {
				case len(parts) == 2 && rng.IntN(2) == 0:
					out = append(out, fmt.Sprintf("| %s | %s | %s |", parts[0], unit, fig), fmt.Sprintf("| %s | | |", parts[1]))
				case len(parts) == 2:
					out = append(out, fmt.Sprintf("| %s | | |", parts[0]), fmt.Sprintf("| %s | %s | %s |", parts[1], unit, fig))
				default:
					out = append(out, fmt.Sprintf("| %s | %s | %s |", label, unit, fig)+[]string{"", " |||", "| |"}[rng.IntN(3)])
				}
			case "spaces":
				gap := strings.Repeat(" ", 2+rng.IntN(6))
				if unit == "" {
					unit = "  "
				}
				out = append(out, indent+label+gap+unit+"    "+fig)
			case "single-space":
				out = append(out, strings.Join(nonEmpty(label, unit, fig), " "))
			case "cells":
				out = append(out, parts...)
				out = append(out, nonEmpty(unit, fig)...)
				if rng.IntN(2) == 0 {
					out = append(out, "")
				}
			case "tab-led":
				out = append(out, "\t"+indent+parts[0])
				if len(parts) == 2 {
					out = append(out, indent+parts[1])
				}
				if rng.IntN(5) == 0 {
					out = append(out, "")
				}
				out = append(out, "\t"+unit, "\t"+fig, "")
			}
		}
		text := head + strings.Join(out, "\n") + foot
		if rng.IntN(3) == 0 {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		data := []byte(text)
		if rng.IntN(3) == 0 {
			var err error
			if data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data); err != nil {
				t.Fatal(err)
			}
		}
		name := fmt.Sprintf("variant-%03d-%s.txt", n, layout)
		r, err := Parse(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		obs := byIndicator(r)
		for _, want := range seedFigures {
			if o := obs[want.indicator+"/total"]; o.Value == nil || *o.Value != want.value {
				t.Errorf("%s: %s = %v, want %v\n%s", name, want.indicator, deref(o.Value), want.value, text)
				break
			}
		}
		if len(r.Observations) != len(seedFigures) || len(r.Unplaced) != 0 || r.Year != 2017 {
			t.Errorf("%s: %d observations, unplaced %+v, year %d", name, len(r.Observations), r.Unplaced, r.Year)
		}
	}
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// TestRandomFormLayouts lays the 2019 and 2021 tables out again in random
// ways (pipes with stray runs, one cell per line led by tabs with labels
// wrapped at any point, tab-separated rows, columns aligned by spaces,
// single spaces, one cell per line with blank cells as empty lines) and
// expects every figure of expected.csv, with nothing unplaced.
func TestRandomFormLayouts(t *testing.T) {
	rng := rand.New(rand.NewPCG(2019, 2021))
	layouts := []string{"pipes", "tab-led", "tabs", "aligned", "single-space", "cells"}
	for _, tpl := range []string{"form2019", "form2021"} {
		data, err := os.ReadFile("../testdata/" + tpl + "/tabs-tables-only.txt")
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]string
		for l := range strings.SplitSeq(strings.TrimRight(string(data), "\n"), "\n") {
			rows = append(rows, strings.Split(l, "\t"))
		}
		width := map[int]int{}
		for _, r := range rows {
			for i, c := range r {
				width[i] = max(width[i], layout.DisplayWidth(c))
			}
		}
		want := readExpected(t, "../testdata/"+tpl+"/expected.csv")
		for n := range 60 {
			shape := layouts[rng.IntN(len(layouts))]
			var out []string
			for _, r := range rows {
				switch shape {
				case "pipes":
					out = append(out, "| "+strings.Join(r, " | ")+" |"+[]string{"", " |||", "| |"}[rng.IntN(3)])
				case "tabs":
					out = append(out, strings.Join(r, "\t"))
				case "single-space":
					out = append(out, strings.Join(nonEmpty(r...), " "))
				case "cells":
					out = append(out, r...)
				case "aligned":
					var b strings.Builder
					for i, c := range r {
						b.WriteString(c + strings.Repeat(" ", width[i]-layout.DisplayWidth(c)+2+rng.IntN(3)))
					}
					out = append(out, strings.TrimRight(b.String(), " "))
				case "tab-led":
					for _, c := range r {
						// Cells of the tables wrap; the headings between them are
						// paragraphs, which exports do not break.
						if rs := []rune(c); len(nonEmpty(r...)) > 1 && len(rs) > 12 && rng.IntN(3) == 0 {
							k := 5 + rng.IntN(len(rs)-8)
							out = append(out, "\t"+string(rs[:k]), string(rs[k:]))
							continue
						}
						out = append(out, "\t"+c)
					}
					out = append(out, "")
				}
			}
			text := "薛城区人民政府2019年政府信息公开工作年度报告\n\n一、总体情况\n概述。\n" + strings.Join(out, "\n") +
				"\n五、存在的主要问题及改进情况\n无。\n"
			name := fmt.Sprintf("%s-%02d-%s.txt", tpl, n, shape)
			r, err := Parse(name, []byte(text))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			got := map[string]*float64{}
			for _, o := range r.Observations {
				got[key(o.Indicator, o.Breakdown)] = o.Value
			}
			for _, f := range want {
				v, ok := got[key(f.indicator, f.breakdown)]
				if !ok || deref(v) != deref(f.value) {
					t.Errorf("%s: %s/%s = %v, want %v\n%s", name, f.indicator, f.breakdown, deref(v), deref(f.value), text)
					break
				}
			}
			if len(r.Observations) != len(want) || len(r.Unplaced) != 0 {
				t.Errorf("%s: %d observations (want %d), unplaced %+v", name, len(r.Observations), len(want), r.Unplaced)
			}
		}
	}
}
