package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

func f(v float64) *float64 { return &v }

func TestNiceCeil(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0, 4}, {13, 20}, {74, 80}, {18361, 20000}, {0.3, 0.4}, {100, 100}, {230, 250},
	} {
		if got := niceCeil(tc.in); got != tc.want {
			t.Errorf("niceCeil(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{13, "13"}, {18361, "18,361"}, {1234567.5, "1,234,567.5"}, {-2500, "-2,500"}, {0, "0"}} {
		if got := FormatValue(tc.in); got != tc.want {
			t.Errorf("FormatValue(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A blank year breaks the line: the point after it starts a new subpath.
func TestGapsAreNotZeros(t *testing.T) {
	var b strings.Builder
	err := SVG(&b, Chart{Title: "收到申请数", Unit: "件", Lines: []Line{{Label: "甲区", Points: []Point{
		{Year: 2015, Value: f(10)}, {Year: 2016, Value: f(12)}, {Year: 2017}, {Year: 2018, Value: f(20)}, {Year: 2019, Value: f(25)},
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	i := strings.Index(svg, `<path d="`)
	d := svg[i+9 : i+9+strings.Index(svg[i+9:], `"`)]
	if strings.Count(d, "M") != 2 || strings.Count(d, "L") != 2 {
		t.Errorf("path %q: want 2015–2016 and 2018–2019 as two segments", d)
	}
	if strings.Count(svg, "<circle") != 4 {
		t.Errorf("want a dot on each of the 4 values, none on the blank year:\n%s", svg)
	}
	if !strings.Contains(svg, "甲区: 2015: 10, 2016: 12, 2017: —, 2018: 20, 2019: 25") {
		t.Errorf("desc does not list the values:\n%s", svg)
	}
}

func TestEmptyChart(t *testing.T) {
	var b strings.Builder
	if err := SVG(&b, Chart{Title: "收到申请数", Empty: "没有数据"}); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal([]byte(b.String()), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if !strings.Contains(b.String(), ">没有数据<") {
		t.Errorf("no empty note:\n%s", b.String())
	}
}

func TestEscapes(t *testing.T) {
	var b strings.Builder
	if err := SVG(&b, Chart{Title: `A & <B> "C"`, Lines: []Line{{Label: "<x>", Points: []Point{{Year: 2017, Value: f(1), Flagged: true}}}}}); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal([]byte(b.String()), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, b.String())
	}
	if !strings.Contains(b.String(), `class="flagged"`) {
		t.Error("the flagged point is not marked")
	}
}
