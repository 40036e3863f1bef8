package layout

import (
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
	t := strings.ReplaceAll(label.Fold(source.Trim(text)), " ", "")
	switch {
	case t == "":
		return Blank
	case figure.NotAvailable[t] || figure.Pattern.MatchString(t):
		return Value
	case isUnit(t):
		return Unit
	}
	return Label
}
