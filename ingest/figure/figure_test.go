package figure

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		raw   string
		want  any
		unit  string
		flags string
	}{
		{"13", 13.0, "", ""},
		{"　1802", 1802.0, "", gongkai.FlagOddFormat},
		{"000", 0.0, "", gongkai.FlagOddFormat},
		{"+2", 2.0, "", ""},
		{"-1", -1.0, "", ""},
		{"减4", -4.0, "", ""},
		{"--253", -253.0, "", gongkai.FlagOddFormat},
		{"?5", 5.0, "", gongkai.FlagOddFormat},
		{"251000元", 251000.0, "元", ""},
		{"160.5964万元", 160.5964, "万元", ""},
		{"/", nil, "", gongkai.FlagNotAvailable},
		{"", nil, "", gongkai.FlagBlank},
	}
	for _, tt := range tests {
		v := Parse(tt.raw)
		if deref(v.Number) != tt.want || v.Unit != tt.unit || strings.Join(v.Flags, ",") != tt.flags {
			t.Errorf("parseValue(%q) = %v %q %v; want %v %q %q", tt.raw, deref(v.Number), v.Unit, v.Flags, tt.want, tt.unit, tt.flags)
		}
	}
}

// deref is a figure's value, nil when there is none.
func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
