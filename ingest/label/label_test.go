package label

import (
	"testing"
)

func TestOrdinal(t *testing.T) {
	for printed, want := range map[string]int{"一、主动公开情况": 1, "十三、会议": 13, "十、查阅点": 10, "（二）被依法纠错数": 2,
		"（十一）x": 11, "3.政务微博": 3, "(4)x": 4, "②x": 2, "其中：x": 0, "x": 0, "二十一、x": 21} {
		if got := Parse(printed).Ordinal(); got != want {
			t.Errorf("ordinal(%s) = %d, want %d", printed, got, want)
		}
	}
}
