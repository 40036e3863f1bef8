package ingest_test

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// Many reports leave table 3's cells blank instead of printing 0
// (testdata/real/shuyang-fgj-2023.html fills only 自然人 and 总计). In text
// taken from such a table the blank cells leave no trace: pdftotext -raw
// prints the figures of a row parted by one space, -layout prints spaces
// where the blank cell stood. The corpus is every -raw and -layout text of
// testdata/pdftext whose table 3 is read, printed through each damage
// below in memory (the zeros it blanks taken out of the text, and out of
// the truth: a figure placed under a blank cell is invented); each parse
// is scored figure by figure. No figure may be wrong or invented; the
// figures found may only go up (blankCellsRatchet).

// blankDamage blanks, of table 3's cells, those printing 0 under the
// columns it names (by breakdown).
type blankDamage struct {
	name  string
	blank func(breakdown string) bool
}

var blankDamages = []blankDamage{
	// As shuyang-fgj-2023: only 自然人 and 总计 are filled.
	{"zeros under 法人或其他组织 blank", func(b string) bool { return b != "natural_person" && b != "total" }},
	{"every applicant zero blank", func(b string) bool { return b != "total" }},
	{"every zero blank", func(string) bool { return true }},
}

// blankCellsFiles is the texts damaged, each with its truth.
var blankCellsFiles = []struct{ text, truth string }{
	{"pdftext/form2019-a.raw.txt", "pdftext/form2019-a.truth.csv"},
	{"pdftext/form2019-b.raw.txt", "pdftext/form2019-b.truth.csv"},
	{"pdftext/form2021-a.raw.txt", "pdftext/form2021-a.truth.csv"},
	{"pdftext/form2021-b.raw.txt", "pdftext/form2021-b.truth.csv"},
	{"pdftext/form2021-c.raw.txt", "pdftext/form2021-c.truth.csv"},
	{"pdftext/form2019-a.layout.txt", "pdftext/form2019-a.truth.csv"},
	{"pdftext/form2019-b.layout.txt", "pdftext/form2019-b.truth.csv"},
	{"pdftext/form2021-a.layout.txt", "pdftext/form2021-a.truth.csv"},
	{"pdftext/form2021-b.layout.txt", "pdftext/form2021-b.truth.csv"},
	{"pdftext/form2021-c.layout.txt", "pdftext/form2021-c.truth.csv"},
	{"pdftext/synth2019-chrome.layout.txt", "pdftext/synth2019-chrome.truth.csv"},
	{"pdftext/synth2021-chrome.layout.txt", "pdftext/synth2021-chrome.truth.csv"},
}

// blankCellsRatchet is, for each damage, the figures found over the
// corpus, which may only go up (none may be wrong or invented).
var blankCellsRatchet = map[string]int{
	"zeros under 法人或其他组织 blank":  721,
	"every applicant zero blank": 715,
	"every zero blank":           715,
}

func TestBlankCellsCorpus(t *testing.T) {
	found := map[string]int{}
	for _, f := range blankCellsFiles {
		bt := readBlankText(t, f.text, f.truth)
		for _, dmg := range blankDamages {
			text, truth := bt.blanked(dmg.blank)
			r, err := ingest.Parse(filepath.Base(f.text), []byte(text))
			if err != nil {
				t.Errorf("%s, %s: %v", f.text, dmg.name, err)
				continue
			}
			n, defects := ingest.ScoreDamaged(truth, nil, r)
			found[dmg.name] += n
			t.Logf("%s, %s: %d of %d figures found", f.text, dmg.name, n, len(truth))
			for _, d := range defects {
				t.Errorf("%s, %s: %s", f.text, dmg.name, d)
			}
		}
	}
	for _, dmg := range blankDamages {
		want := blankCellsRatchet[dmg.name]
		got := found[dmg.name]
		switch {
		case got < want:
			t.Errorf("%s: %d figures found, fewer than the %d found before", dmg.name, got, want)
		case got > want:
			t.Logf("%s: %d figures found, more than the %d in the table: raise it", dmg.name, got, want)
		default:
			t.Logf("%s: %d figures found", dmg.name, got)
		}
	}
}

// blankText is a text whose table-3 cells are known by place: for each
// cell the undamaged parse placed right, its line and the byte range of
// its figure.
type blankText struct {
	aligned bool // space-aligned (-layout), not parted by one space (-raw)
	lines   []string
	truth   map[string]float64
	cells   []blankCell
}

type blankCell struct {
	key        string // indicator|breakdown
	breakdown  string
	line       int
	start, end int
}

// figureTokens matches the figures that end a line.
var figureTokens = regexp.MustCompile(`[0-9]+`)

// readBlankText reads a text and its truth, and finds its table-3 cells:
// on each line where the parse placed seven figures of table 3, all
// right, and the line ends with those seven figures.
func readBlankText(t *testing.T, text, truth string) *blankText {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", text))
	if err != nil {
		t.Fatal(err)
	}
	bt := &blankText{aligned: strings.HasSuffix(text, ".layout.txt"), lines: strings.Split(string(data), "\n"), truth: ingest.ReadTruth(t, filepath.Join("..", "testdata", truth))}
	r, err := ingest.Parse(filepath.Base(text), data)
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int][]gongkai.Observation{}
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "requests.") && o.Value != nil && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			byLine[o.Line] = append(byLine[o.Line], o)
		}
	}
	for n, obs := range byLine {
		line := bt.lines[n-1]
		spans := figureTokens.FindAllStringIndex(line, -1)
		if len(obs) != 7 || len(spans) < 7 || strings.TrimSpace(line[spans[len(spans)-1][1]:]) != "" {
			continue
		}
		spans = spans[len(spans)-7:]
		ok := true
		for i, o := range obs {
			v, err := strconv.ParseFloat(line[spans[i][0]:spans[i][1]], 64)
			key := o.Indicator + "|" + o.Breakdown
			ok = ok && err == nil && v == *o.Value && bt.truth[key] == v
		}
		if !ok {
			continue
		}
		for i, o := range obs {
			bt.cells = append(bt.cells, blankCell{key: o.Indicator + "|" + o.Breakdown, breakdown: o.Breakdown, line: n - 1, start: spans[i][0], end: spans[i][1]})
		}
	}
	if len(bt.cells) == 0 {
		t.Fatalf("%s: no row of table 3 read whole", text)
	}
	return bt
}

// blanked is the text with the zeros of the cells blank picks printed
// blank, and the truth without them. A space-aligned line keeps its
// width (pdftotext -layout prints nothing where the cell stood); a line
// whose figures are parted by one space loses the figure and its space
// (pdftotext -raw).
func (bt *blankText) blanked(blank func(string) bool) (string, map[string]float64) {
	lines := slices.Clone(bt.lines)
	truth := maps.Clone(bt.truth)
	cells := slices.Clone(bt.cells)
	// Right to left on each line, so that the earlier cells keep their place.
	slices.SortFunc(cells, func(a, b blankCell) int { return b.start - a.start })
	for _, c := range cells {
		l := lines[c.line]
		if l[c.start:c.end] != "0" || !blank(c.breakdown) {
			continue
		}
		delete(truth, c.key)
		if bt.aligned {
			lines[c.line] = l[:c.start] + " " + l[c.end:]
			continue
		}
		lines[c.line] = strings.TrimRight(l[:c.start], " ") + " " + strings.TrimLeft(l[c.end:], " ")
	}
	return strings.Join(lines, "\n"), truth
}
