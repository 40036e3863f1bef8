package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/gongkai/gongkai"
)

func TestFindObservationsApplicationsReceived(t *testing.T) {
	d := MustOpenDB(t)
	id := mustStoreSample(t, d)
	rows, err := d.FindObservations(context.Background(), ObservationFilter{
		Indicators: []string{"requests.received"}, Publishers: []string{"370403"}, Years: YearFilter{List: []int{2017}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	r := rows[0]
	if r.Value == nil || *r.Value != 13 || r.Unit != "case" || r.UnitSymbol != "件" || r.ReportID != id ||
		r.PublisherNameZh != "薛城区人民政府" || r.IndicatorNameZh != "收到申请数" || r.AdminCode != "370403" {
		t.Errorf("got %+v, want 13 件 of report %d", r, id)
	}
}

func TestFindObservationsFilters(t *testing.T) {
	d := MustOpenDB(t)
	id := mustStoreSample(t, d)
	for _, tt := range []struct {
		name string
		f    ObservationFilter
		want int
	}{
		{"everything", ObservationFilter{}, 76},
		{"the report", ObservationFilter{Report: id}, 76},
		{"region of 枣庄市", ObservationFilter{Region: "3704"}, 76},
		{"another region", ObservationFilter{Region: "11"}, 0},
		{"year range", ObservationFilter{Years: YearFilter{From: 2015, To: 2019}}, 76},
		{"years before", ObservationFilter{Years: YearFilter{To: 2016}}, 0},
		{"two indicators", ObservationFilter{Indicators: []string{"requests.received", "requests.received.online"}}, 2},
		{"total breakdown", ObservationFilter{Breakdowns: []string{"total"}}, 76},
		{"legacy template", ObservationFilter{Templates: []string{gongkai.TemplateLegacy}}, 76},
		{"2021 template", ObservationFilter{Templates: []string{gongkai.Template2021}}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := d.CountObservations(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := d.FindObservations(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != (Total{N: tt.want}) || len(rows) != tt.want {
				t.Errorf("count %+v, %d rows, want %d", n, len(rows), tt.want)
			}
		})
	}
}

func TestFindObservationsUnknownCodes(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	for _, tt := range []struct {
		f     ObservationFilter
		param string
	}{
		{ObservationFilter{Indicators: []string{"requests.received", "nope"}}, "indicator"},
		{ObservationFilter{Publishers: []string{"999999"}}, "publisher"},
		{ObservationFilter{Sort: []SortField{{Field: "label"}}}, "sort"},
	} {
		_, err := d.FindObservations(context.Background(), tt.f)
		var e *gongkai.Error
		if !asError(err, &e) || e.Code != gongkai.EINVALID || e.Param != tt.param {
			t.Errorf("%+v: error %v, want EINVALID naming %s", tt.f, err, tt.param)
		}
	}
}

// Walking the pages of every order visits the rows of the unpaged query,
// in the same order, once each.
func TestFindObservationsKeysetPagination(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	// A null value, a tie of values and a second report exercise the key's edge cases.
	MustExec(t, d, `UPDATE observations SET value = NULL WHERE indicator_id IN (SELECT id FROM indicators WHERE code LIKE 'requests.refused.%')`)
	sorts := [][]SortField{
		nil,
		{{Field: "value"}},
		{{Field: "value", Desc: true}},
		{{Field: "indicator", Desc: true}, {Field: "value"}},
		{{Field: "year", Desc: true}, {Field: "breakdown"}, {Field: "publisher", Desc: true}},
	}
	for _, sort := range sorts {
		t.Run(fmt.Sprint(sort), func(t *testing.T) {
			all, err := d.FindObservations(context.Background(), ObservationFilter{Sort: sort})
			if err != nil {
				t.Fatal(err)
			}
			var walked []ObservationRow
			f := ObservationFilter{Sort: sort, Limit: 7}
			for page := 0; page < 100; page++ {
				rows, err := d.FindObservations(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				walked = append(walked, rows...)
				if len(rows) < f.Limit {
					break
				}
				k := rows[len(rows)-1].Key()
				f.After = &k
			}
			if len(all) != 76 || !reflect.DeepEqual(ids(walked), ids(all)) {
				t.Errorf("walked %v\nwant     %v", ids(walked), ids(all))
			}
		})
	}
}

func ids(rows []ObservationRow) []int64 {
	var out []int64
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func asError(err error, target **gongkai.Error) bool { return errors.As(err, target) }

// A year with reports of two templates: a template filter keeps the
// observations of its own reports only, whatever the other filters and
// the order.
func TestFindObservationsTemplateInMixedYear(t *testing.T) {
	d := MustOpenDB(t)
	mustStore(t, d, xuecheng2017(t), StoreOptions{})
	later := xuecheng2017(t)
	later.Year = 2018
	mustStore(t, d, later, StoreOptions{})
	other := xuecheng2017(t)
	other.Publisher = gongkai.Publisher{ID: "370402", NameZh: "市中区人民政府", AdminCode: "370402"}
	other.Template = gongkai.Template2019
	mustStore(t, d, other, StoreOptions{})
	n := len(other.Observations)
	legacy := []string{gongkai.TemplateLegacy}
	byValue := []SortField{{Field: "value", Desc: true}}
	for _, tt := range []struct {
		name       string
		f          ObservationFilter
		publishers map[string]int // observations per publisher
	}{
		{"the legacy template", ObservationFilter{Templates: legacy}, map[string]int{"370403": 2 * n}},
		{"the 2019 form", ObservationFilter{Templates: []string{gongkai.Template2019}}, map[string]int{"370402": n}},
		{"both", ObservationFilter{Templates: []string{gongkai.Template2019, gongkai.TemplateLegacy}},
			map[string]int{"370402": n, "370403": 2 * n}},
		{"the legacy template in 2017", ObservationFilter{Templates: legacy, Years: YearFilter{List: []int{2017}}},
			map[string]int{"370403": n}},
		{"applications received on the legacy template", ObservationFilter{Templates: legacy,
			Indicators: []string{"requests.received"}}, map[string]int{"370403": 2}},
		{"the legacy template in the region, by value", ObservationFilter{Templates: legacy, Region: "3704",
			Sort: byValue, Limit: 1000}, map[string]int{"370403": 2 * n}},
		{"the 2019 form's totals, by value", ObservationFilter{Templates: []string{gongkai.Template2019},
			Breakdowns: []string{"total"}, Sort: byValue, Limit: 1000}, map[string]int{"370402": n}},
		{"the 2021 form", ObservationFilter{Templates: []string{gongkai.Template2021}}, map[string]int{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			total, err := d.CountObservations(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := d.FindObservations(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, r := range rows {
				got[r.PublisherID]++
			}
			want := 0
			for _, k := range tt.publishers {
				want += k
			}
			if !reflect.DeepEqual(got, tt.publishers) || total != (Total{N: want}) {
				t.Errorf("rows by publisher %v, total %+v; want %v", got, total, tt.publishers)
			}
		})
	}
}
