package ingest_test

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
)

var updateConvert = flag.Bool("update-convert", false, "raise testdata/convert/scores.csv to the figures found now")

// convertDir holds real converters' output of web pages and Word files whose
// figures are known (scripts/convert-corpus.sh): pandoc's GFM, Markdown and
// plain text, w3m's and lynx's dumps, chromium's innerText, LibreOffice's
// text export. A file named real-X.… is the real page testdata/real/X.html
// converted, scored against X.expected.json; any other is scored against
// the <source>.truth.csv of its generator.
var convertDir = filepath.Join("..", "testdata", "convert")

// convertScore is a line of testdata/convert/scores.csv: how many figures of
// a file the parser must place, and how many it still puts wrong (known
// defects, which may only go down).
type convertScore struct {
	found, defects int
}

// TestConvertCorpus scores every figure of every converter's output by
// indicator and breakdown: none may be wrong or invented beyond the known
// defects of scores.csv, and the number found may only go up. It logs the
// share found per converter.
func TestConvertCorpus(t *testing.T) {
	scores := readConvertScores(t)
	files, err := filepath.Glob(filepath.Join(convertDir, "*.*.*"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, ".truth.csv") })
	if len(files) == 0 {
		t.Fatal("no converter output in testdata/convert")
	}
	byConverter := map[string][2]int{}
	now := map[string]convertScore{}
	for _, path := range files {
		file := filepath.Base(path)
		t.Run(file, func(t *testing.T) {
			found, of, defects := scoreConverted(t, path)
			now[file] = convertScore{found, len(defects)}
			c := byConverter[strings.Split(file, ".")[1]]
			byConverter[strings.Split(file, ".")[1]] = [2]int{c[0] + found, c[1] + of}
			t.Logf("score: %d of %d figures, %d wrong or invented", found, of, len(defects))
			want, ok := scores[file]
			if !ok && !*updateConvert {
				t.Fatalf("no line for %s in scores.csv: run with -update-convert", file)
			}
			for _, d := range defects {
				if len(defects) > want.defects {
					t.Error(d)
				} else {
					t.Log("known defect:", d)
				}
			}
			if found < want.found {
				t.Errorf("found %d of %d figures, fewer than the %d found before", found, of, want.found)
			}
		})
	}
	for _, c := range slices.Sorted(maps.Keys(byConverter)) {
		s := byConverter[c]
		t.Logf("%-16s %5d of %5d figures (%.3f)", c, s[0], s[1], float64(s[0])/float64(s[1]))
	}
	if *updateConvert {
		writeConvertScores(t, scores, now)
	}
}

// scoreConverted parses one converter's output and returns the figures
// found, the figures printed, and each one wrong or invented.
func scoreConverted(t *testing.T, path string) (int, int, []string) {
	t.Helper()
	file := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ingest.Parse(file, data)
	stem := strings.Split(file, ".")[0]
	if real, ok := strings.CutPrefix(stem, "real-"); ok {
		want := readRealExpected(t, filepath.Join("..", "testdata", "real", real+".expected.json"))
		if err != nil {
			t.Logf("refused: %v", err)
			return 0, want.printed(), nil
		}
		s := scoreReal(t, catalog.MustLoad(), want, r)
		return s.found, want.printed(), append(s.wrong, s.invented...)
	}
	truth := ingest.ReadTruth(t, filepath.Join(convertDir, stem+".truth.csv"))
	if err != nil {
		t.Logf("refused: %v", err)
		return 0, len(truth), nil
	}
	found, defects := ingest.ScoreTruth(truth, r)
	return found, len(truth), defects
}

func readConvertScores(t *testing.T) map[string]convertScore {
	t.Helper()
	path := filepath.Join(convertDir, "scores.csv")
	scores := map[string]convertScore{}
	if _, err := os.Stat(path); os.IsNotExist(err) && *updateConvert {
		return scores
	}
	for i, rec := range ingest.ReadCSV(t, path)[1:] {
		found, err1 := strconv.Atoi(rec[1])
		defects, err2 := strconv.Atoi(rec[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: found and defects must be numbers: %q", path, i+2, rec)
		}
		scores[rec[0]] = convertScore{found, defects}
	}
	return scores
}

// writeConvertScores writes scores.csv with each file's score now, never
// lower than the one before in found nor higher in defects.
func writeConvertScores(t *testing.T, before, now map[string]convertScore) {
	t.Helper()
	var b strings.Builder
	b.WriteString("file,found,defects\n")
	for _, file := range slices.Sorted(maps.Keys(now)) {
		s := now[file]
		if old, ok := before[file]; ok {
			s.found = max(s.found, old.found)
			s.defects = min(s.defects, old.defects)
		}
		fmt.Fprintf(&b, "%s,%d,%d\n", file, s.found, s.defects)
	}
	if err := os.WriteFile(filepath.Join(convertDir, "scores.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
