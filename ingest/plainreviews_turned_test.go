package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// wordReviewsText is table 4 as plain pdftotext takes it from LibreOffice's
// print of a Word table (pingtan-2025's page saved as .docx, printed on
// A3): the header one character a line, the last block's four figures
// after 结果维持 (first) printed before the pieces of the header's second
// row, the other eleven (rest) after them.
func wordReviewsText(first, rest []string) string {
	var b strings.Builder
	b.WriteString("平潭综合实验区2025年度政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n\n结\n果\n维\n持\n\n行政诉讼\n\n未经复议直接起诉\n\n复议后起诉\n")
	pieces := "结\n果\n纠\n正\n\n其\n他\n结\n果\n\n尚\n未\n审\n结\n\n总\n计\n\n"
	b.WriteString(pieces)
	for _, f := range first {
		b.WriteString(f + "\n\n")
	}
	b.WriteString(pieces + pieces + "结\n果\n维\n持\n\n")
	for _, f := range rest {
		b.WriteString(f + "\n\n")
	}
	b.WriteString("五、存在的主要问题及改进情况\n")
	return b.String()
}

// Two runs of table 4's figures parted by pieces of its header, inside a
// block, are read the second first when that order, and not the printed
// one, makes fifteen figures adding up block by block
// (form/plainreviews.go, runsTurned). When both orders add up, or
// neither, nothing is placed.
func TestReviewsRunsTurned(t *testing.T) {
	want := map[string]float64{}
	for i, res := range []string{"upheld", "corrected", "other", "pending", "total"} {
		want["reconsiderations."+res] = []float64{25, 3, 8, 0, 36}[i]
		want["lawsuits.direct."+res] = []float64{3, 3, 0, 0, 6}[i]
		want["lawsuits.after_reconsideration."+res] = []float64{3, 0, 0, 0, 3}[i]
	}
	for _, c := range []struct {
		name        string
		first, rest string
		placed      bool
	}{
		{"as printed", "0 0 0 3", "25 3 8 0 36 3 3 0 0 6 3", true},
		{"a figure changed: neither order adds up", "0 0 0 3", "25 3 8 0 35 3 3 0 0 6 3", false},
		// 0 0 0 1 1 three times as printed; turned, 1 0 0 0 1 three times.
		{"both orders add up", "0 0 0 1", "1 0 0 0 1 1 0 0 0 1 1", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := wordReviewsText(strings.Fields(c.first), strings.Fields(c.rest))
			if c.placed {
				checkReviews(t, parseText(t, "word.plain.txt", text), want, true, true)
				return
			}
			// The text holds table 4 alone: with its figures unplaced, it
			// holds no figure of the form.
			r, err := Parse("word.plain.txt", []byte(text))
			if err != nil {
				if !strings.Contains(err.Error(), "hold no figure of the form") {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			for ind := range want {
				if o, ok := observation(r, ind); ok {
					t.Errorf("%s = %s placed, though the order is not certain", ind, o.Raw)
				}
			}
			if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, "table 4") }) {
				t.Errorf("table 4 not unplaced with the reason: %v", r.Unplaced)
			}
		})
	}
}
