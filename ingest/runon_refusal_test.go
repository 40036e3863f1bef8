package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// TestColumnSumsRefuseSeveralChoices prints two rows of table 3 whose runs
// read the same, 270020130: 27|0|0|2|0|1|30 under 予以公开 and
// 2|7|0|0|20|1|30 under 部分公开. The column sums hold for that choice and
// for its swap, so neither row is placed, and the reason says so.
func TestColumnSumsRefuseSeveralChoices(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	set := map[string][]int{
		"requests.disclosed":           {27, 0, 0, 2, 0, 1, 30},
		"requests.partially_disclosed": {2, 7, 0, 0, 20, 1, 30},
	}
	delta := make([]int, 7)
	for i := range rows {
		if want, ok := set[rows[i].indicator]; ok {
			for c := range 7 {
				delta[c] += want[c] - rows[i].figures[c]
			}
			copy(rows[i].figures, want)
		}
	}
	for i := range rows {
		if rows[i].indicator == "requests.received" || rows[i].indicator == "requests.answered" {
			for c := range 7 {
				rows[i].figures[c] += delta[c]
			}
		}
	}
	r, err := Parse("run-together.txt", []byte(runTogether(gongkai.Template2021, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, "")
	if hasObs(r, "requests.disclosed", "natural_person") || hasObs(r, "requests.partially_disclosed", "natural_person") {
		t.Error("a row placed although two choices of the splits make the column sums hold")
	}
	for _, l := range []string{"予以公开", "部分公开"} {
		if !unplacedBecause(r, l, "several choices of them make the column sums of table 3 hold") {
			t.Errorf("%s not unplaced with the reason: %+v", l, r.Unplaced)
		}
	}
}
