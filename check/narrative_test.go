package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// What the narrative patterns read in sentences that reports write, and what
// they must leave alone.
func TestNarrativeWordings(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     []string // rule=value, in rule order
	}{
		{"2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。", []string{"narrative.requests.received=16"}},
		{"全年共受理政府信息公开申请十六件。", []string{"narrative.requests.received=16"}},
		{"本年度新收政府信息公开申请数量为35件。", []string{"narrative.requests.received=35"}},
		{"全年共受理依申请公开政府信息1,234件。", []string{"narrative.requests.received=1234"}},
		{"共收到政府信息公开申请１６件。", []string{"narrative.requests.received=16"}},
		{"本年度未收到政府信息公开申请。", []string{"narrative.requests.received=0"}},
		{"全年主动公开政府信息18361条。", []string{"narrative.proactive.items=18361"}},
		{"全年主动公开各类信息1.2万条。", []string{"narrative.proactive.items=12000"}},
		{"在区政府信息公开网站公开各类政府信息8734条；", []string{"narrative.proactive.channels.website=8734"}},
		{"通过政府网站主动公开政府信息8734条。", []string{"narrative.proactive.channels.website=8734"}},
		{"发生行政复议2起，行政诉讼1起。", []string{"narrative.reconsiderations.total=2", "narrative.lawsuits.total=1"}},
		{"全年发生2起因政府信息公开申请引发的行政复议。", []string{"narrative.reconsiderations.total=2"}},
		{"2017年全区没有发生政府信息公开引发的申诉、行政复议及行政诉讼。",
			[]string{"narrative.reconsiderations.total=0", "narrative.lawsuits.total=0"}},
		{"未发生因政府信息公开申请提起行政复议、行政诉讼的情况。",
			[]string{"narrative.reconsiderations.total=0", "narrative.lawsuits.total=0"}},
		{"召开了3次新闻发布会。", []string{"narrative.responses.channels.press_conferences=3"}},

		// Not the same quantities.
		{"在市政府信息公开平台公开各类政府信息4826条；", nil},
		{"区政府门户网站政府信息公开专栏共发布人大代表建议和政协委员提案办理结果、办理情况信息74条。", nil},
		{"按时办结12件。", nil},
		{"政务微博、微信发布信息300条。", nil},
		{"收到申请1.8万余件。", nil},
		{"纳入区政府信息公开平台的单位共55个。", nil},
	} {
		t.Run(tt.sentence, func(t *testing.T) {
			r := seed(t)
			r.Sections = []gongkai.Section{{Heading: "一、概述", Text: tt.sentence}}
			var got []string
			for _, c := range Run(r, rules(t), nil) {
				if strings.HasPrefix(c.Rule, "narrative.") {
					got = append(got, c.Rule+"="+val(c.Actual))
					if c.Evidence != tt.sentence {
						t.Errorf("evidence %q", c.Evidence)
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{
		"16": 16, "1,234": 1234, "８７３４": 8734, "1.2万": 12000, "3千": 3000, "0.5": 0.5,
		"十六": 16, "十": 10, "二十": 20, "九百": 900, "一百零五": 105, "两万三千": 23000, "零": 0, "一千零一": 1001,
	} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "一二", "万", "百", "1.2.3", "abc"} {
		if got, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) = %v, want no number", in, got)
		}
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("一是加强领导。二是完善制度；\n三是强化监督\n\n")
	want := []string{"一是加强领导。", "二是完善制度；", "三是强化监督"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}
