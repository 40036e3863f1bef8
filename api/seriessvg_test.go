package api_test

import (
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/gongkai/gongkai/api"
)

func init() {
	// The OpenAPI validator knows no SVG: read it as the string it is documented as.
	openapi3filter.RegisterBodyDecoder("image/svg+xml", openapi3filter.PlainBodyDecoder)
}

// svgDoc is what the tests read of a chart.
type svgDoc struct {
	Title  string `xml:"title"`
	Desc   string `xml:"desc"`
	Groups []struct {
		Class string `xml:"class,attr"`
		Paths []struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
		Circles []struct {
			Class string `xml:"class,attr"`
		} `xml:"circle"`
	} `xml:"g"`
}

// svgText matches the text elements of a chart, at any depth.
var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

func TestSeriesSVG(t *testing.T) {
	ts := newTestServerOn(t, seriesDB, api.Options{})
	resp, body := ts.get(t, "/v1/series.svg?indicator=requests.received&publisher=370403")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/svg+xml") {
		t.Fatalf("status %d, type %q\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var doc svgDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, body)
	}
	if doc.Title != "收到申请数 (件)" {
		t.Errorf("title %q, want 收到申请数 (件)", doc.Title)
	}
	if !strings.Contains(doc.Desc, "薛城区: 2017: 13") {
		t.Errorf("desc %q does not give 2017's 13", doc.Desc)
	}
	var texts string
	for _, m := range svgText.FindAllStringSubmatch(string(body), -1) {
		texts += m[1] + "|"
	}
	for _, want := range []string{"|2017|", "|2018|", "|2019|", "|2021|", "年份", "薛城区", "来源：薛城区人民政府"} {
		if !strings.Contains("|"+texts+"|", want) {
			t.Errorf("no text %q in %s", want, texts)
		}
	}
	var series int
	for _, g := range doc.Groups {
		if g.Class != "series" {
			continue
		}
		series++
		// 2017, 2019 and 2021 with 2018 and 2020 missing: three separate
		// points, no segment drawn across a blank year.
		if len(g.Paths) != 1 || strings.Count(g.Paths[0].D, "M") != 3 || strings.Contains(g.Paths[0].D, "L") {
			t.Errorf("path %+v: want three moves and no line across the gaps", g.Paths)
		}
		flagged := 0
		for _, c := range g.Circles {
			if c.Class == "flagged" {
				flagged++
			}
		}
		if flagged == 0 {
			t.Errorf("2017's 13 carries check_failed but no point is marked")
		}
	}
	if series != 1 {
		t.Errorf("%d lines, want 1", series)
	}
}

func TestSeriesSVGEnglish(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	resp, body := ts.get(t, "/v1/series.svg?indicator=requests.received&publisher=370403&lang=en")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d\n%s", resp.StatusCode, body)
	}
	for _, want := range []string{"<title id=\"chart-title\">Applications received (case)</title>", ">Year<", "Xuecheng District", "Source: "} {
		if !strings.Contains(string(body), want) {
			t.Errorf("no %q in\n%s", want, body)
		}
	}
}

func TestSeriesSVGErrors(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, tc := range []struct{ path, param string }{
		{"/v1/series.svg?publisher=370403", "indicator"},
		{"/v1/series.svg?indicator=requests.received", "publisher"},
		{"/v1/series.svg?indicator=requests.received&publisher=370403&format=csv", "format"},
		{"/v1/series.svg?indicator=requests.received&publisher=370403&lang=fr", "lang"},
	} {
		resp, body := ts.get(t, tc.path)
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"param":"`+tc.param+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", tc.path, resp.StatusCode, body, tc.param)
		}
	}
}
