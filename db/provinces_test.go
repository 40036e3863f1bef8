package db

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// sampleReport parses the sample report, changed by change (its source
// too, so that it is another file).
func sampleReport(t *testing.T, change func(r *gongkai.Report)) *gongkai.Report {
	t.Helper()
	b, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ingest.Parse("xuecheng-2017.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	change(r)
	sum := sha256.Sum256(r.Source)
	r.SHA256 = hex.EncodeToString(sum[:])
	return r
}

// TestProvinceCountsFollowStores: the totals that summary_provinces gives
// equal the current observations counted one by one, after a report is
// stored, replaced by a version with fewer figures, and its publisher's
// division code moves to another province with the next year's report.
func TestProvinceCountsFollowStores(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	replacement := sampleReport(t, func(r *gongkai.Report) {
		r.Source = append(r.Source, '\n')
		r.Observations = r.Observations[:70]
	})
	if _, err := d.StoreReport(ctx, replacement, StoreOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	check := func(stage string, want map[string]int) {
		t.Helper()
		for _, tt := range []struct {
			name  string
			f     ObservationFilter
			where string
		}{
			{"requests.received", ObservationFilter{Indicators: []string{"requests.received"}}, "i.code = 'requests.received'"},
			{"requests.received in 37", ObservationFilter{Indicators: []string{"requests.received"}, Region: "37"},
				"i.code = 'requests.received' AND p.admin_code LIKE '37%'"},
			{"two indicators in 1, 2018", ObservationFilter{Indicators: []string{"requests.received", "requests.completed"}, Region: "1",
				Years: YearFilter{List: []int{2018}}}, "i.code IN ('requests.received', 'requests.completed') AND p.admin_code LIKE '1%' AND o.year = 2018"},
			{"region 37", ObservationFilter{Region: "37"}, "p.admin_code LIKE '37%'"},
			{"region 11 to 2017", ObservationFilter{Region: "11", Years: YearFilter{To: 2017}}, "p.admin_code LIKE '11%' AND o.year <= 2017"},
		} {
			if !tt.f.provinceCountable() {
				t.Fatalf("%s: not counted from the provinces", tt.name)
			}
			n, err := d.CountObservations(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			counted := Count(t, d, "observations o JOIN indicators i ON i.id = o.indicator_id JOIN publishers p ON p.id = o.publisher_id",
				"o.current = 1 AND "+tt.where)
			if n != (Total{N: counted}) || counted != want[tt.name] {
				t.Errorf("%s, %s: %+v from the summary, %d counted, want %d", stage, tt.name, n, counted, want[tt.name])
			}
		}
	}
	check("replaced", map[string]int{"requests.received": 1, "requests.received in 37": 1, "region 37": 70})

	next := sampleReport(t, func(r *gongkai.Report) {
		r.Year = 2018
		r.Source = append(r.Source, '\n', '\n')
		r.Publisher.AdminCode = "110105"
	})
	if _, err := d.StoreReport(ctx, next, StoreOptions{}); err != nil {
		t.Fatal(err)
	}
	check("moved to 11", map[string]int{"requests.received": 2, "two indicators in 1, 2018": 2, "region 11 to 2017": 70})
}

// TestProvinceCountPlans: a total from summary_provinces searches its key
// by province (the country's '*' where none is given), year and
// indicator, never reading every row.
func TestProvinceCountPlans(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	indicator := []string{"requests.received"}
	for _, tt := range []struct {
		f    ObservationFilter
		want string
	}{
		{ObservationFilter{Indicators: indicator, Region: "11"}, "SEARCH summary_provinces USING PRIMARY KEY (province=? AND year=? AND indicator_id=?)"},
		{ObservationFilter{Indicators: indicator}, "SEARCH summary_provinces USING PRIMARY KEY (province=? AND year=? AND indicator_id=?)"},
		{ObservationFilter{Indicators: []string{"requests.received", "requests.completed"}, Years: YearFilter{From: 2015}},
			"SEARCH summary_provinces USING PRIMARY KEY (province=? AND year>?)"},
		{ObservationFilter{Region: "37", Years: YearFilter{List: []int{2017}}},
			"SEARCH summary_provinces USING PRIMARY KEY (province=? AND year=?)"},
		{ObservationFilter{Indicators: indicator, Region: "3"}, "SEARCH summary_provinces USING PRIMARY KEY (province>? AND province<?)"},
	} {
		query, args := provinceCountQuery(tt.f)
		if plan := queryPlan(t, d, query, args); !strings.Contains(plan, tt.want) || strings.Contains(plan, "SCAN summary_provinces") {
			t.Errorf("%+v: plan %s, want %s", tt.f, plan, tt.want)
		}
	}
}
