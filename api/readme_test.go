package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
)

// TestReadmeExamples runs every curl example of the README against a real
// server on the sample data, so that the README stays true.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := regexp.MustCompile(`curl -s '(http://localhost:8080(/[^']*))'`).FindAllStringSubmatch(string(readme), -1)
	if len(examples) < 3 {
		t.Fatalf("%d curl examples in the README, want the journalist's, the dashboard's and the researcher's", len(examples))
	}
	ts := newTestServer(t, api.Options{})
	want := map[string]string{
		"/v1/observations?indicator=requests.received&publisher=370403&year=2017": `"value":13,"unit":"case","unit_symbol":"件","label":"（一）收到申请数"`,
		"/v1/series?indicator=requests.received&publisher=370403":                 `"points":[{"year":2017,"value":13`,
		"/v1/observations?publisher=370403&year=2017&format=csv":                  "requests.received,收到申请数,370403,薛城区人民政府,370403,2017,total,13,case,件,（一）收到申请数,,13,135,",
	}
	for _, ex := range examples {
		path := ex[2]
		t.Run(path, func(t *testing.T) {
			resp, body := ts.get(t, path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if w, ok := want[path]; ok && !strings.Contains(string(body), w) {
				t.Errorf("answer lacks %s:\n%s", w, body)
			}
			if strings.Contains(path, "format=csv") {
				if n := len(lines(body)); n != 77 {
					t.Errorf("%d CSV lines, want a header and the report's 76 figures", n)
				}
			}
		})
	}
	for path := range want {
		if !strings.Contains(string(readme), path) {
			t.Errorf("the README no longer shows %s", path)
		}
	}
}

// TestReadmeAnswer checks that the journalist's answer the README prints is
// the one the server gives.
func TestReadmeAnswer(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(\\{\"data\":\\[\\{\"indicator\":\"requests.received\".*?)\n```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("the README shows no answer")
	}
	var shown, served bytes.Buffer
	if err := json.Compact(&shown, m[1]); err != nil {
		t.Fatalf("the README's answer is not JSON: %v", err)
	}
	ts := newTestServer(t, api.Options{})
	_, body := ts.get(t, "/v1/observations?indicator=requests.received&publisher=370403&year=2017")
	if err := json.Compact(&served, body); err != nil {
		t.Fatal(err)
	}
	if shown.String() != served.String() {
		t.Errorf("the README shows\n%s\nthe server answers\n%s", &shown, &served)
	}
}
