package api

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

// observationCSV is a row of observationCSVHeader's columns as encoding/csv
// takes it: the reference appendObservationCSV must match byte for byte.
func observationCSV(rep representation, r *db.ObservationRow) []string {
	return []string{r.Indicator, rep.label(r.IndicatorNameZh, r.IndicatorNameEn), r.PublisherID,
		rep.label(r.PublisherNameZh, r.PublisherNameEn), r.AdminCode, itoa(r.Year), r.Breakdown, number(r.Value),
		r.Unit, rep.label(r.UnitSymbol, r.UnitNameEn), r.Label, deref(r.Column), r.Raw, itoa(r.Line),
		pageOf(r.Page), list(r.Flags), i64toa(r.ReportID)}
}

// TestAppendObservationCSV writes figures whose texts need quoting (commas,
// quotes, line ends, leading spaces, PostgreSQL's \.) and checks that the
// bytes are those encoding/csv writes.
func TestAppendObservationCSV(t *testing.T) {
	value, zero, tiny := 1234.5, 0.0, 0.000001
	column := "其中：法人, \"或\" 其他组织"
	row := func(o gongkai.Observation, r db.ObservationRow) db.ObservationRow {
		r.Observation = o
		return r
	}
	rows := []db.ObservationRow{
		row(gongkai.Observation{Indicator: "requests.received", Breakdown: "total", Value: &value, Unit: "case",
			Label: "（一）收到申请数", Raw: "1,234.5", Line: 135, Flags: []string{}},
			db.ObservationRow{IndicatorNameZh: "收到申请数", IndicatorNameEn: "Requests received",
				PublisherID: "370403", PublisherNameZh: "薛城区人民政府", AdminCode: "370403", Year: 2017,
				UnitSymbol: "件", UnitNameEn: "cases", ReportID: 1}),
		row(gongkai.Observation{Indicator: "a", Label: "two\r\nlines\nand a \"quote\"", Column: &column, Raw: `\.`,
			Value: &zero, Page: 3, Flags: []string{"odd_format", "check_failed"}},
			db.ObservationRow{PublisherNameZh: " leading space", ReportID: 9}),
		row(gongkai.Observation{Indicator: "b", Label: "\u3000全角空格开头", Raw: "\t", Value: &tiny, Flags: []string{"blank"}},
			db.ObservationRow{}),
		row(gongkai.Observation{Indicator: "c", Label: "\\.", Flags: nil}, db.ObservationRow{}),
		row(gongkai.Observation{Indicator: "\v", Label: "\f", Raw: "\r", Unit: "\x1f", Breakdown: "\u00a0nbsp"}, db.ObservationRow{PublisherID: "\u0085"}),
	}
	for _, lang := range []string{"zh", "en"} {
		rep := representation{csv: true, lang: lang}
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.UseCRLF = true
		var got []byte
		for i := range rows {
			if err := w.Write(observationCSV(rep, &rows[i])); err != nil {
				t.Fatal(err)
			}
			got = appendObservationCSV(got, rep, &rows[i])
		}
		w.Flush()
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("lang %s:\n got %q\nwant %q", lang, got, want.Bytes())
		}
	}
}

// pageOf is a page number for CSV: empty for a source without pages.
func pageOf(p int) string {
	if p == 0 {
		return ""
	}
	return itoa(p)
}
