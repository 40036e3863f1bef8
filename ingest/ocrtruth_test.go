package ingest_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
)

var updateOCRTruth = flag.Bool("update-ocr-truth", false, "write the truth of testdata/ocr's real reports from testdata/real")

// The OCR corpus (ocr_test.go) scores the real reports it holds against a
// truth.csv by indicator and breakdown; that file must say what the
// figures typed by hand in testdata/real say.
func TestOCRTruthOfRealReports(t *testing.T) {
	cat := catalog.MustLoad()
	for _, report := range []string{"huaian-hongze-2023"} {
		want := readRealExpected(t, filepath.Join("..", "testdata", "real", report+".expected.json"))
		var recs [][]string
		for _, f := range want.Observations {
			if f.Value == nil {
				continue
			}
			k, err := realKey(cat, realTemplates[want.Template], f)
			if err != nil {
				t.Fatalf("%s / %s: %v", f.Path, f.Column, err)
			}
			ind, bd, _ := strings.Cut(k, "|")
			recs = append(recs, []string{ind, bd, strconv.FormatFloat(*f.Value, 'f', -1, 64)})
		}
		sort.Slice(recs, func(i, j int) bool { return recs[i][0]+recs[i][1] < recs[j][0]+recs[j][1] })
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write([]string{"indicator", "breakdown", "value"})
		w.WriteAll(recs)
		path := filepath.Join("..", "testdata", "ocr", report+".truth.csv")
		if *updateOCRTruth {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, b.Bytes()) {
			t.Errorf("%s differs from %s.expected.json: run go test ./ingest -run TestOCRTruthOfRealReports -update-ocr-truth", path, report)
		}
	}
}
