package ocrsign

import (
	"slices"
	"testing"
)

// What OCR prints that no typed or converted text does, and what such
// text prints that looks like it but is none.
func TestOCRSigns(t *testing.T) {
	for _, tc := range []struct {
		line   string
		signs  []string
		figure string
	}{
		{"3.要求提供公开出版物 ]1 0 0 0 0 0 ]1", []string{"]1", "]1"}, "]1"},
		{"1]12                    1]12", []string{"1]12", "1]12"}, "1]12"},
		{"21 | 0 | 0|s| 0|10|s6", []string{"s6"}, "s6"},
		{"5.属于三类内部事务信息 | 0 | 0 | o | o | o |2|了", nil, ""},
		{"0 |olololololo", []string{"olololololo"}, ""},
		{"申请人情况 人[>", []string{"[>"}, ""},
		{"依据《关于印发…的通知》（薛政发〔2017〕75号）", nil, ""},
		{"【2017 】75", nil, ""},
		{"[ ]{style=\"font-family: 仿宋_GB2312; color: rgb(51, 51, 51);\"}", nil, ""},
		{"5G基站 3 0 3", nil, ""},
		{"0 0 0 0 0 34/", []string{"34/"}, "34/"},
		{"自2019/12/31起 1/2 / 0", nil, ""},
		{"第二十条第 〈一) 项", []string{"〈一)"}, ""},
		{"第二十条第《〈《八) 项", []string{"《八)"}, ""},
		{"第二十条第（一）项 《条例》（2019年）", nil, ""},
		{"一、本年新收政府信息公开申请数量 | 40 | 5 | 1 | 0 | 2 | 1 |49", nil, ""},
	} {
		signs, figure := Find(tc.line)
		if !slices.Equal(signs, tc.signs) || figure != tc.figure {
			t.Errorf("%s: signs %q, figure %q; want %q, %q", tc.line, signs, figure, tc.signs, tc.figure)
		}
	}
}

// The round brackets OCR misread as angle ones are given back; a title's
// angle brackets, closed by their own pair, stay.
func TestReround(t *testing.T) {
	for in, want := range map[string]string{
		"《一) 公报发行期数":             "（一） 公报发行期数",
		"(一) 区〈市) 政府及其部门":        "(一) 区（市） 政府及其部门",
		"不是《条例》所指政府信息":           "不是《条例》所指政府信息",
		"第二十条第〈一) 项 《条例》（2019年）": "第二十条第（一） 项 《条例》（2019年）",
	} {
		if got := Reround(in); got != want {
			t.Errorf("Reround(%q) = %q, want %q", in, got, want)
		}
	}
}
