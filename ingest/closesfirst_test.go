package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A block label wrapped in its narrow merged cell may print its first
// piece apart (`（三`) and the rest (`）不予公开`) beside the figures of a
// row under it. The rest names the heading by its words, but it closes a
// bracket it does not open: it is no whole label, and the figures beside
// it are not the heading's own (requests.refused has no cell of its own
// in the 2021 form's table 3).
func TestHeadingPieceClosingABracket(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2024.template.layout.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	row := regexp.MustCompile(`(?m)^ *（三）不 +1\.属于国家秘密( +4 .*)$`).FindStringSubmatch(text)
	piece := regexp.MustCompile(`(?m)^ +予公开\n`)
	if row == nil || !piece.MatchString(text) {
		t.Fatal("the fixture no longer prints （三）不 / 予公开 beside 1.属于国家秘密")
	}
	text = strings.Replace(text, row[0], "    （三\n    ）不予公开"+row[1], 1)
	text = piece.ReplaceAllString(text, "")
	r, err := Parse("template.layout.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.refused", "total") {
		t.Error("the figures beside ）不予公开 were read as the heading's own")
	}
	if !unplacedBecause(r, "）不予公开", "a piece of heading") {
		t.Errorf("）不予公开 not unplaced with the reason: %+v", r.Unplaced)
	}
}
