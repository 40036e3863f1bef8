package layout

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// Kind is what a table cell holds, judged from its text alone.
type Kind int

const (
	Blank Kind = iota
	Value      // a number, a signed change, or a not-available mark
	Unit       // a unit of measure: 条, 件, 万元 …
	Label      // anything else: a row label or a header
)

// Classify tells what a cell holds from its text alone; isUnit knows the
// catalogue's unit symbols.
func Classify(text string, isUnit func(string) bool) Kind {
	spaced := label.Fold(source.Trim(text))
	t := strings.ReplaceAll(spaced, " ", "")
	// Every figure has an ASCII digit (\d): words are not tried on the patterns.
	digits := strings.ContainsAny(t, "0123456789")
	switch {
	case t == "":
		return Blank
	case digits && severalFigures(spaced):
		return Label // exploded into its figures by the readers
	case figure.NotAvailable[t] || digits && figure.Pattern.MatchString(t):
		return Value
	case isUnit(t):
		return Unit
	}
	return Label
}

// thousandsSpaced is a figure whose thousands are parted by spaces (1 234).
var thousandsSpaced = regexp.MustCompile(`^[+\-]?\d{1,3}( \d{3})+(\.\d+)?$`)

// severalFigures reports whether folded text holds figures parted by
// spaces that are not the thousands of one figure (88 1652 20, a cell of
// OCR text whose rules between cells were lost): several figures, never
// the one their digits would make together.
func severalFigures(folded string) bool {
	fields := strings.Fields(folded)
	if len(fields) < 2 || thousandsSpaced.MatchString(strings.Join(fields, " ")) {
		return false
	}
	for _, f := range fields {
		if !figure.Pattern.MatchString(f) {
			return false
		}
	}
	return true
}
