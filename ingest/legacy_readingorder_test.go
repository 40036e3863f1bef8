package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// The legacy table in reading order (plain pdftotext of a table whose
// labels wrap in a narrow column): its figures are placed by the form's
// order only when the text names as many rows of the form as it prints
// figures, and every unit printed is its row's. Each damage below breaks
// one of these and must leave every figure unplaced, none wrong.
func TestLegacyReadingOrderRefuses(t *testing.T) {
	path := filepath.Join("..", "testdata", "pdftext", "legacy2014-a.plain.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, filepath.Join("..", "testdata", "pdftext", "legacy2014-a.truth.csv"))
	cases := []struct {
		name    string
		damage  func(lines []string) []string
		refusal string // what the reason must say
	}{
		{
			name:    "a row's figure lost (其他方式公开政府信息数)",
			damage:  func(l []string) []string { return replaceLine(l, "7865", "") },
			refusal: "75 figures printed apart from their labels, and the text names 76 rows",
		},
		{
			name:    "a figure of a row the form lacks",
			damage:  func(l []string) []string { return replaceLine(l, "7865", "7865\n\n6.网站访问 次\n\n12") },
			refusal: "77 figures printed apart from their labels, and the text names 76 rows",
		},
		{
			name:    "a unit that is not its row's (篇 printed 次)",
			damage:  func(l []string) []string { return replaceLine(l, "篇", "次") },
			refusal: "prints unit 次 where row 2.2.3 (政策解读稿件发布数) has 篇",
		},
		{
			name:    "a unit with no figure after the last row",
			damage:  func(l []string) []string { return replaceLine(l, "482", "482\n\n人") },
			refusal: "1 units printed before 0 figures at the table's end",
		},
		{
			name:    "a unit with no figure among the rows",
			damage:  func(l []string) []string { return replaceLine(l, "7865", "7865\n\n条") },
			refusal: "2 units printed before 1 figures at figure 1802 at line 204",
		},
		{
			name: "two figures side by side without their units",
			damage: func(l []string) []string {
				i := slices.Index(l, "8734")
				l[i-2] = "公开政府信" // 2.政府网站公开政府信息数 loses its unit
				i = slices.Index(l, "905")
				l[i-2] = "" // so does 3.政务微博公开政府信息数
				return l
			},
			refusal: "prints no unit, and the figures beside it do not confirm its row",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := c.damage(strings.Split(string(data), "\n"))
			r, err := Parse("legacy2014-a.plain.txt", []byte(strings.Join(lines, "\n")))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Observations {
				if slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s = %s placed by the form's order", o.Indicator, o.Raw)
				}
			}
			if _, defects := scoreTruth(truth, r); len(defects) > 0 {
				t.Errorf("wrong or invented: %v", defects)
			}
			if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, c.refusal) }) {
				t.Errorf("no row unplaced with reason %q; unplaced: %v", c.refusal, r.Unplaced)
			}
		})
	}
}

// A row that prints a mark for nothing to report (—) in its figure's
// place is read by the form's order as that: no figure, flagged.
func TestLegacyReadingOrderNotAvailable(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext")
	data, err := os.ReadFile(filepath.Join(dir, "legacy2014-a.plain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := replaceLine(strings.Split(string(data), "\n"), "1802", "—") // 回应公众关注热点或重大舆情数
	r, err := Parse("legacy2014-a.plain.txt", []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, filepath.Join(dir, "legacy2014-a.truth.csv"))
	found, defects := scoreTruth(truth, r)
	if found != len(truth)-1 || len(defects) > 0 {
		t.Errorf("%d of %d figures, wrong or invented: %v", found, len(truth), defects)
	}
	i := slices.IndexFunc(r.Observations, func(o gongkai.Observation) bool { return o.Indicator == "responses.hot_topics" })
	if i < 0 {
		t.Fatal("responses.hot_topics not read")
	}
	if o := r.Observations[i]; o.Value != nil || !slices.Contains(o.Flags, gongkai.FlagNotAvailable) {
		t.Errorf("responses.hot_topics: %+v, want no figure, flagged %s", o, gongkai.FlagNotAvailable)
	}
}

// A row's label line lost in the legacy table in reading order: the form's
// order refuses (a figure more than the rows named), and the rows read by
// their labels stand. Where the lost row's figure follows the label of the
// row before it (1.专职人员数, whose own 58 is printed before its label),
// that row is unplaced, never given the lost row's 82; a figure printed
// level with a piece of its own label (（四）政府 万元 / 0, 5.其他方式 次 /
// 254) stands.
func TestLegacyReadingOrderLabelLost(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext")
	data, err := os.ReadFile(filepath.Join(dir, "legacy2014-b.plain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, filepath.Join(dir, "legacy2014-b.truth.csv"))
	for _, c := range []struct {
		lost     string // the label line dropped
		refused  string // the row unplaced for the lost row beside it
		standing string // a row beside the lost one read by its own label
	}{
		{"2.兼职人员", "capacity.staff.full_time", "capacity.budget"},
		{"（一）收到", "", "responses.channels.other"},
	} {
		t.Run(c.lost, func(t *testing.T) {
			r, err := Parse("legacy2014-b.plain.txt", []byte(strings.Join(replaceLine(strings.Split(string(data), "\n"), c.lost, ""), "\n")))
			if err != nil {
				t.Fatal(err)
			}
			if _, defects := scoreTruth(truth, r); len(defects) > 0 {
				t.Errorf("wrong or invented: %v", defects)
			}
			placed := func(ind string) bool {
				return slices.ContainsFunc(r.Observations, func(o gongkai.Observation) bool { return o.Indicator == ind && o.Value != nil })
			}
			if c.refused != "" {
				if placed(c.refused) {
					t.Errorf("%s placed", c.refused)
				}
				if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
					return strings.Contains(u.Reason, "whose label the text does not print: the figure may be that row's")
				}) {
					t.Errorf("no row unplaced for the lost label beside it: %v", r.Unplaced)
				}
			}
			if !placed(c.standing) {
				t.Errorf("%s, printed level with its own label, not placed", c.standing)
			}
		})
	}
}

// replaceLine replaces the first line that is exactly old with new (which
// may hold several lines).
func replaceLine(lines []string, old, new string) []string {
	i := slices.Index(lines, old)
	if i < 0 {
		panic("no line " + old)
	}
	out := append(append([]string{}, lines[:i]...), strings.Split(new, "\n")...)
	return append(out, lines[i+1:]...)
}

// Page numbers printed bare (5, the last line of each page) between the
// table's rows are no figures of it: the text's pages show them.
func TestLegacyReadingOrderBarePageNumbers(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext")
	data, err := os.ReadFile(filepath.Join(dir, "legacy2014-a.plain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bare := regexp.MustCompile(`(?m)^- ?(\d+) ?-$`).ReplaceAll(data, []byte("$1"))
	if string(bare) == string(data) {
		t.Fatal("no page number to print bare")
	}
	r, err := Parse("legacy2014-a.plain.txt", bare)
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, filepath.Join(dir, "legacy2014-a.truth.csv"))
	found, defects := scoreTruth(truth, r)
	if found != len(truth) || len(defects) > 0 {
		t.Errorf("%d of %d figures, wrong or invented: %v", found, len(truth), defects)
	}
}

// A viewer's copy may print a page of the table column by column: the
// labels, then the units, then the figures. The k-th figure is still the
// k-th row's, and the k-th unit its unit: when every row prints its unit,
// the figures are placed. A row that prints none (九、…公报发行量 0) may
// stand anywhere in such a column, or apart from it (2014-d prints it
// among the headings at the page's end): then nothing is placed, and no
// label read beside a figure stands either, since none stands beside its
// own.
func TestLegacyReadingOrderColumnByColumn(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext")
	unitOfGazette := regexp.MustCompile(`(公报发行量\n+)(\d+)\n`)
	cases := []struct {
		name    string
		units   bool // every row prints its unit
		placed  bool
		refusal string
	}{
		{"legacy2014-a", true, true, ""},
		{"legacy2014-c", true, true, ""},
		{"legacy2014-d", true, false, "prints unit 期 where row 9 (区（市）政府公报发行量) has 份"},
		{"legacy2014-a", false, false, "units printed as a column before 11 figures"},
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join(dir, c.name+".plain.txt"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if c.units {
			text = unitOfGazette.ReplaceAllString(text, "${1}份\n${2}\n")
		}
		r, err := Parse(c.name+".columns.txt", []byte(columnByColumn(text)))
		if err != nil {
			t.Fatal(err)
		}
		truth := readTruth(t, filepath.Join(dir, c.name+".truth.csv"))
		found, defects := scoreTruth(truth, r)
		if len(defects) > 0 {
			t.Errorf("%s: wrong or invented: %v", c.name, defects)
		}
		switch {
		case c.placed && found != len(truth):
			t.Errorf("%s: %d of %d figures", c.name, found, len(truth))
		case !c.placed && found > 0:
			t.Errorf("%s: %d figures placed, want none", c.name, found)
		case !c.placed && !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, c.refusal) }):
			t.Errorf("%s: no row unplaced with reason %q", c.name, c.refusal)
		}
	}
}

// columnByColumn prints each page of a plain text's table (pages part at
// form feeds) column by column: its other lines as they are, then its
// units, then its figures. A unit or a unit and figure printed after a
// piece of label go to their columns, the piece stays.
func columnByColumn(text string) string {
	unit := regexp.MustCompile(`^(?:(.*) )?(条|件|次|篇|个|期|份|人次|人|万元)(?: (\d+))?$`)
	figure := regexp.MustCompile(`^\d+$`)
	var out []string
	for _, page := range strings.Split(text, "\f") {
		var rest, units, figures []string
		for _, l := range strings.Split(page, "\n") {
			switch m := unit.FindStringSubmatch(l); {
			case figure.MatchString(l):
				figures = append(figures, l)
			case m != nil:
				if m[1] != "" {
					rest = append(rest, m[1])
				}
				units = append(units, m[2])
				if m[3] != "" {
					figures = append(figures, m[3])
				}
			default:
				rest = append(rest, l)
			}
		}
		out = append(out, strings.Join(append(append(rest, units...), figures...), "\n")+"\n")
	}
	return strings.Join(out, "\f")
}

// BenchmarkLegacyReadingOrder parses whole legacy reports whose table is
// read by the form's order: plain text (the labels' pieces apart from the
// figures) and -layout text (read by labels too, then compared).
func BenchmarkLegacyReadingOrder(b *testing.B) {
	for _, name := range []string{"legacy2014-a.plain.txt", "legacy2014-a.layout.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Chromium's print of a web page whose table is auto-width, taken out by
// plain pdftotext: the first page prints each row's label, then its unit
// and figure on a line (条 0), the second prints its labels, units and
// figures as three columns. The rows of the first page, each figure a
// block of its own with its unit after its label, stand as read by their
// labels (legacy/readingorder.go, pairedOnly); those of the second are
// unplaced, as the column of 39 units over 40 figures does not show which
// prints none. Before, every row was unplaced: 0 of 76.
func TestLegacyReadingOrderPairedRowsStand(t *testing.T) {
	const file = "ho1601-1.chromium-auto.plain.txt"
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	ratchetTruthFile(t, dir, file, 24, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.refused" && o.Value != nil {
			t.Errorf("%s = %s placed from the page printed as columns", o.Indicator, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "units printed as a column before 40 figures")
	}) {
		t.Errorf("the column page not refused with its reason: %+v", r.Unplaced)
	}
}

// pdfminer of a Chrome print with Word's table markup prints the last
// rows' units and figures after the table's footer, the unit 万元 wrapped
// a piece a line (万 / 元 / 38.82): the column read after the footer goes
// on over a piece that a unit's end completes (legacy/readingorder.go,
// columnAfter), and every figure is placed (1 of 76 before). A piece no
// unit's end completes ends the column, and the figures after it are not
// the table's: the count no longer meets the rows named, and the table is
// refused with the reason.
func TestLegacyReadingOrderUnitPiecesAfterFooter(t *testing.T) {
	r := heldoutEdited(t, "ho1601-1.chromium-word.pdfminer.txt", 76, "\n万\n", "\n万万\n")
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return u.Label == "the table in reading order" && strings.Contains(u.Reason, "72 figures printed apart from their labels")
	}) {
		t.Error("the table not refused for the count of its figures")
	}
}
