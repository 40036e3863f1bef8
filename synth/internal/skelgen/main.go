// Command skelgen writes the skeletons of synth: the statistics tables of
// the test fixtures with each figure replaced by a placeholder naming its
// indicator and breakdown, {indicator/breakdown}.
//
// It finds which cell holds which figure with the parser itself: every
// figure is replaced by a number no other cell prints, the table parsed, and
// each number looked up. The placement is then verified against the
// fixture's own figures (the parse of the original file), so a skeleton is
// only written when every figure of the fixture lands in the cell it came
// from.
//
// Usage (or go generate ./synth):
//
//	go run ./synth/internal/skelgen -root .   # from the repository root
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// figureCell matches a cell that prints one figure.
var figureCell = regexp.MustCompile(`^(\+|-|减)?[0-9]+(\.[0-9]+)?(万元|元)?$`)

// markerBase is above any figure of the fixtures, so markers are unique.
const markerBase = 900001

func main() {
	log.SetFlags(0)
	root := flag.String("root", ".", "the repository's root `directory`")
	flag.Parse()
	if err := os.Chdir(*root); err != nil {
		log.Fatal(err)
	}
	legacy, err := os.ReadFile("testdata/legacy/tabs-gb18030-crlf.txt")
	if err != nil {
		log.Fatal(err)
	}
	if legacy, err = simplifiedchinese.GB18030.NewDecoder().Bytes(legacy); err != nil {
		log.Fatal(err)
	}
	text := strings.ReplaceAll(string(legacy), "\r\n", "\n")
	write("synth/skeletons/legacy2014.tsv", skeleton("legacy", legacyTable(text)))
	for _, tpl := range []string{"form2019", "form2021"} {
		b, err := os.ReadFile("testdata/" + tpl + "/tabs-tables-only.txt")
		if err != nil {
			log.Fatal(err)
		}
		write("synth/skeletons/"+tpl+".tsv", skeleton(tpl, strings.TrimRight(string(b), "\n")))
	}
}

// legacyTable returns the lines of the legacy statistics table: from its
// header (统计指标) to the last line with three cells.
func legacyTable(text string) string {
	lines := strings.Split(text, "\n")
	start, end := -1, -1
	for i, l := range lines {
		if start < 0 && strings.HasPrefix(strings.ReplaceAll(l, "　", ""), "统计指标") {
			start = i
		}
		if start >= 0 && strings.Count(l, "\t") == 2 {
			end = i + 1
		}
	}
	if start < 0 {
		log.Fatal("legacy: no table header 统计指标")
	}
	return strings.Join(lines[start:end], "\n")
}

// skeleton replaces the figures of table with placeholders.
func skeleton(name, table string) string {
	rows := grid(table)
	original := placed(name, rows)
	marked := clone(rows)
	k := 0
	cell := map[string][2]int{} // marker → row, column
	for i, r := range marked {
		for j, c := range r {
			if figureCell.MatchString(c) {
				m := strconv.Itoa(markerBase + k)
				k++
				marked[i][j] = m
				cell[m] = [2]int{i, j}
			}
		}
	}
	out := clone(rows)
	found := 0
	for _, o := range parse(name, marked).Observations {
		at, ok := cell[o.Raw]
		if !ok {
			continue // a figure derived from others, printed nowhere
		}
		key := o.Indicator + "/" + o.Breakdown
		if want := original[key]; want != rows[at[0]][at[1]] {
			log.Fatalf("%s: %s read from %q, the original has %q there", name, key, rows[at[0]][at[1]], want)
		}
		out[at[0]][at[1]] = "{" + key + "}"
		found++
	}
	if found != k {
		log.Fatalf("%s: %d figure cells, %d placed", name, k, found)
	}
	var b strings.Builder
	for _, r := range out {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// placed returns the raw text of each figure of the original table.
func placed(name string, rows [][]string) map[string]string {
	m := map[string]string{}
	for _, o := range parse(name, rows).Observations {
		m[o.Indicator+"/"+o.Breakdown] = o.Raw
	}
	return m
}

// parse parses a table as a report of its template, failing on anything unplaced.
func parse(name string, rows [][]string) *gongkai.Report {
	var b strings.Builder
	b.WriteString("薛城区人民政府2020年政府信息公开工作年度报告\n\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	r, err := ingest.Parse(name+".txt", []byte(b.String()))
	if err != nil {
		log.Fatal(err)
	}
	if len(r.Unplaced) > 0 {
		log.Fatalf("%s: unplaced %+v", name, r.Unplaced)
	}
	return r
}

func grid(table string) [][]string {
	var rows [][]string
	for l := range strings.SplitSeq(table, "\n") {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows
}

func clone(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

func write(name, content string) {
	if err := os.MkdirAll("synth/skeletons", 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", name)
}
