package api

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
)

// realObservationRows stores the real reports of testdata (those that
// parse from text, HTML or Markdown) and reads every current observation
// back as the API does.
func realObservationRows(t *testing.T) []db.ObservationRow {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "real.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var files []string
	for _, pattern := range []string{"../testdata/real/*", "../testdata/series/*"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, names...)
	}
	stored := 0
	for _, name := range files {
		switch filepath.Ext(name) {
		case ".txt", ".html", ".md":
		default:
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ingest.Parse(filepath.Base(name), b)
		if err != nil {
			continue // not a report this parser reads from this form
		}
		if _, err := d.StoreReport(ctx, r, db.StoreOptions{Replace: true}); err == nil {
			stored++
		}
	}
	rows, err := d.FindObservations(ctx, db.ObservationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d reports stored, %d observations", stored, len(rows))
	if stored < 15 || len(rows) < 1000 {
		t.Fatalf("%d reports stored, %d observations: too few to compare", stored, len(rows))
	}
	return rows
}

// oddObservationRows are rows with what the real reports may not hold:
// texts that encoding/json escapes, numbers it writes with an exponent, no
// value, no column, no page, no flags.
func oddObservationRows() []db.ObservationRow {
	column := "a\u2028b\u2029<c>&\"d\"\\"
	values := []float64{0, math.Copysign(0, -1), 1e-7, -1e-7, 1.5e-6, 1e21, -3e22, 999999999999999999999, 0.1, 123456.789}
	var rows []db.ObservationRow
	for i, v := range values {
		r := db.ObservationRow{
			Observation: gongkai.Observation{Indicator: "requests.received", Breakdown: "total", Value: &v,
				Unit: "case", Label: "\b\f\n\r\t\x00\x1f\x7f tab", Raw: "bad \xff\xfe utf-8 \xe4\xb8", Line: i, Page: i % 2,
				Flags: []string{"blank", "<odd>"}},
			ID: int64(i), ReportID: 1 << 40, PublisherID: "370403", PublisherNameZh: "薛城区人民政府",
			AdminCode: "370403", Year: 2017, IndicatorNameZh: "收到申请数", UnitSymbol: "件",
		}
		if i%3 == 0 {
			r.Value, r.Flags = nil, nil
		}
		if i%2 == 0 {
			r.Column = &column
		}
		rows = append(rows, r)
	}
	return rows
}

// TestObservationJSONAsEncodingJSON: each row and a whole page, the real
// reports' observations and odd ones, encode to the very bytes
// encoding/json writes for them as Observations in an ObservationList.
func TestObservationJSONAsEncodingJSON(t *testing.T) {
	rows := append(realObservationRows(t), oddObservationRows()...)
	for i := range rows {
		want, err := json.Marshal(observationOf(&rows[i]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendObservationJSON(nil, &rows[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("row %d:\n got %s\nwant %s", i, got, want)
		}
	}

	for _, pg := range []Page{
		{Total: len(rows), Limit: 1000},
		{Total: 100_000, TotalCapped: true, Limit: 1000, NextCursor: "eyJx<&>", Next: "http://example.org/v1/observations?a=1&b=<2>"},
	} {
		page := make([]*db.ObservationRow, len(rows))
		data := make([]Observation, len(rows))
		for i := range rows {
			page[i], data[i] = &rows[i], observationOf(&rows[i])
		}
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(ObservationList{Data: data, Page: pg}); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second from a reused buffer
			rec := httptest.NewRecorder()
			c := echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/v1/observations", nil), rec)
			if err := observationPage(c, page, pg); err != nil {
				t.Fatal(err)
			}
			if got := rec.Body.Bytes(); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("page %+v: %d bytes, want %d; first difference at %d", pg, len(got), want.Len(), firstDifference(got, want.Bytes()))
			}
			if ct := rec.Header().Get(echo.HeaderContentType); ct != echo.MIMEApplicationJSON {
				t.Errorf("Content-Type %q", ct)
			}
		}
	}
}

// TestObservationJSONRefusesInfinity: a value encoding/json cannot write
// is an error, not a malformed answer.
func TestObservationJSONRefusesInfinity(t *testing.T) {
	inf := math.Inf(1)
	r := db.ObservationRow{Observation: gongkai.Observation{Value: &inf}}
	if _, err := appendObservationJSON(nil, &r); err == nil || !strings.Contains(err.Error(), "+Inf") {
		t.Errorf("error %v, want one naming +Inf", err)
	}
}

// firstDifference is the index of the first byte where a and b differ.
func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
