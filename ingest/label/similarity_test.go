package label

import (
	"strings"
	"testing"
)

// TestSimilarity: the scores of pairs of keys, each kind of agreement,
// and Similarity gives what GramSimilarity gives on the keys' Grams.
func TestSimilarity(t *testing.T) {
	long := strings.Repeat("行政机关收到的政府信息公开申请", 6) // past Similarity's buffer of 64 bigrams
	for _, tc := range []struct {
		name, a, b string
		want       float64
	}{
		{"an empty key", "", "本年新收政府信息公开申请数量", 0},
		{"the same key", "本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量", 1},
		{"one held in the other (6 of 14 runes)", "政府信息公开", "本年新收政府信息公开申请数量", Contained + containedSpan*6/14},
		{"a short key held in another counts as bigrams", "其他", "其他处理", 2 * 1.0 / (1 + 3)},
		{"one rune each, the same", "是", "是", 1},
		{"one rune each, different", "是", "否", 0},
		{"bigrams: 3 of 4 and 4 shared", "行政复议", "行政复核", 2 * 2.0 / (3 + 3)},
		{"a long key and a change of its last rune", long + "甲", long + "乙", 2 * float64(6*15-1) / float64(6*15+6*15)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Similarity(tc.a, tc.b)
			if diff := got - tc.want; diff > 1e-12 || diff < -1e-12 {
				t.Errorf("Similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if grams := GramSimilarity(NewGram(tc.a), NewGram(tc.b)); grams != got {
				t.Errorf("GramSimilarity = %v, Similarity = %v", grams, got)
			}
		})
	}
}
