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
			refusal: "the units printed are more than the figures",
		},
		{
			// Within the table the units left behind shift onto the
			// figures after, whose rows have other units.
			name:    "a unit with no figure among the rows",
			damage:  func(l []string) []string { return replaceLine(l, "7865", "7865\n\n条") },
			refusal: "figure 1802 at line 204, the 9. in order, prints unit 条 where row 2.1",
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
