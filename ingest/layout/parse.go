package layout

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// LineOf is the line of the first of signals found, or 1.
func LineOf(lines []source.Line, signals []string) int {
	for _, l := range lines {
		t := label.Squeeze(label.Fold(l.Text))
		for _, s := range signals {
			if strings.Contains(t, s) {
				return l.N
			}
		}
	}
	return 1
}
