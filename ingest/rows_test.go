package ingest

import (
	"strings"
	"testing"
)

// TestRowRules parses small tables that each exercise one rule of placement.
func TestRowRules(t *testing.T) {
	const head = "统计指标\t单位\t统计数\n一、主动公开情况\t\t\n（一）主动公开政府信息数\t条\t100\n"
	tests := []struct {
		name      string
		table     string
		indicator string
		value     any // float64, or nil for null
		raw       string
		flags     string
		unplaced  string // a reason the table's extra row must be reported with
	}{
		{"a blank cell is null, not zero", head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t\n",
			"requests.received", nil, "", "blank", ""},
		{"a dash is kept raw with a null value", head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t—\n",
			"requests.received", nil, "—", "not_available", ""},
		{"无 is not a zero", head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t无\n",
			"requests.received", nil, "无", "not_available", ""},
		{"a county's wording of the level below", head + "八、开通政府信息公开网站或设立门户网站信息公开专栏数\t个\t5\n（一）县（市、区）政府及其部门\t个\t3\n（二）乡镇政府（街道办事处）\t个\t2\n",
			"websites.government", 3.0, "3", "", ""},
		{"元 is converted to the row's 万元", head + "十二、机构建设和保障经费情况\t\t\n（四）政府信息公开专项经费\t元\t25000\n",
			"capacity.budget", 2.5, "25000", "converted", ""},
		{"thousands separators", head + "十一、查阅点接待人数\t次\t3,911\n",
			"reading_points.visitors", 3911.0, "3,911", "", ""},
		{"a row the form does not have is reported, not dropped", head + "（二）主动公开机构领导、机构设置及人事信息\t条\t7\n",
			"proactive.items", 100.0, "100", "", "no row of the form has this label"},
		{"a repeated label outside any section is not guessed", "统计指标\t单位\t统计数\n（二）被依法纠错数\t件\t1\n（一）收到申请数\t件\t4\n",
			"requests.received", 4.0, "4", "", "fits rows"},
		{"a header repeated after a page break is skipped", head + "统　计　指　标\t单位\t统计数\n三、依申请公开情况\t\t\n（一）收到申请数\t件\t13\n",
			"requests.received", 13.0, "13", "", ""},
		{"the unit column after the figures", "统计指标\t统计数\t单位\n一、主动公开情况\t\t\n（一）主动公开政府信息数\t100\t条\n",
			"proactive.items", 100.0, "100", "", ""},
		{"a table without a unit column", "统计指标\t统计数\n一、主动公开情况\t\n（一）主动公开政府信息数\t100\n",
			"proactive.items", 100.0, "100", "unit_missing", ""},
		{"a column of row numbers", "序号\t统计指标\t单位\t统计数\n1\t一、主动公开情况\t\t\n2\t（一）主动公开政府信息数\t条\t100\n",
			"proactive.items", 100.0, "100", "", ""},
		{"a city's wording of its own level", head + "八、开通政府信息公开网站或设立门户网站信息公开专栏数\t个\t5\n（一）市政府及其部门\t个\t3\n（二）县（市、区）政府及其部门\t个\t2\n",
			"websites.government", 3.0, "3", "", "no row of the form has this label"},
		{"a sentence naming statistics before the table is not its header", "各项统计指标均有提升，详见附表。\n" + head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t13\n",
			"requests.received", 13.0, "13", "", ""},
		{"a narrative word of the pre-2014 forms is not their header", "本年累计主动公开信息100条。\n" + head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t13\n",
			"requests.received", 13.0, "13", "", ""},
		{"full-width digits", head + "三、依申请公开情况\t\t\n（一）收到申请数\t件\t１３\n",
			"requests.received", 13.0, "１３", "", ""},
		{"Traditional script", head + "三、依申請公開情況\t\t\n（一）收到申請數\t件\t13\n",
			"requests.received", 13.0, "13", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("t.txt", []byte(tt.table))
			if err != nil {
				t.Fatal(err)
			}
			o, ok := byIndicator(r)[tt.indicator+"/total"]
			if !ok {
				t.Fatalf("no %s in %+v (unplaced %+v)", tt.indicator, r.Observations, r.Unplaced)
			}
			if deref(o.Value) != tt.value || o.Raw != tt.raw || strings.Join(o.Flags, ",") != tt.flags {
				t.Errorf("%s = %v raw %q flags %v; want %v raw %q flags %q", tt.indicator, deref(o.Value), o.Raw, o.Flags, tt.value, tt.raw, tt.flags)
			}
			switch {
			case tt.unplaced == "" && len(r.Unplaced) > 0:
				t.Errorf("unplaced: %+v", r.Unplaced)
			case tt.unplaced != "" && (len(r.Unplaced) != 1 || !strings.Contains(r.Unplaced[0].Reason, tt.unplaced)):
				t.Errorf("unplaced %+v, want one with %q", r.Unplaced, tt.unplaced)
			}
		})
	}
}

// TestLocalValueColumns reads a local variant of the legacy table with a
// figure per level of government instead of one 统计数 (templates.md §1a:
// a parser must accept extra numeric columns).
func TestLocalValueColumns(t *testing.T) {
	tables := map[string]string{
		"tabs": "统计指标\t单位\t区政府统计数\t区直单位统计数\t乡镇街道统计数\n" +
			"一、主动公开情况\t\t\t\t\n" +
			"（一）主动公开政府信息数\t条\t120\t300\t80\n" +
			"（二）主动公开机构领导、机构设置及人事信息\t条\t4\t9\t2\n" +
			"三、依申请公开情况\t\t\t\t\n" +
			"（一）收到申请数\t件\t5\t\t1\n",
		"pipes": "| 统计指标 | 单位 | 合计 | 区政府统计数 | 区直单位统计数 | 乡镇街道统计数 |\n|---|---|---|---|---|---|\n" +
			"| 一、主动公开情况 | | | | | |\n" +
			"| （一）主动公开政府信息数 | 条 | 500 | 120 | 300 | 80 |\n" +
			"| （二）主动公开机构领导、机构设置及人事信息 | 条 | 15 | 4 | 9 | 2 |\n" +
			"| 三、依申请公开情况 | | | | | |\n" +
			"| （一）收到申请数 | 件 | 6 | 5 | | 1 |\n",
	}
	for name, table := range tables {
		t.Run(name, func(t *testing.T) {
			r, err := Parse(name+".txt", []byte(table))
			if err != nil {
				t.Fatal(err)
			}
			obs := byIndicator(r)
			want := map[string]any{
				"proactive.items/government": 120.0, "proactive.items/departments": 300.0, "proactive.items/townships": 80.0,
				"requests.received/government": 5.0, "requests.received/departments": nil, "requests.received/townships": 1.0,
			}
			if name == "pipes" {
				want["proactive.items/total"], want["requests.received/total"] = 500.0, 6.0
			} else if _, ok := obs["proactive.items/total"]; ok {
				t.Errorf("a total that the table does not print was made up")
			}
			for k, v := range want {
				o, ok := obs[k]
				if !ok || deref(o.Value) != v {
					t.Errorf("%s = %v, want %v", k, deref(o.Value), v)
				}
			}
			if o := obs["proactive.items/departments"]; o.Column == nil || *o.Column != "区直单位统计数" {
				t.Errorf("column %v, want the header as printed", o.Column)
			}
			if len(r.Observations) != len(want) {
				t.Errorf("%d observations, want %d", len(r.Observations), len(want))
			}
			if len(r.Unplaced) != 1 || !strings.Contains(r.Unplaced[0].Label, "机构领导") {
				t.Errorf("unplaced %+v, want the local row", r.Unplaced)
			}
		})
	}
}

func TestSectionsAfterTheTable(t *testing.T) {
	text := "薛城区人民政府2017年政府信息公开工作年度报告\n一、概述\n全年工作有序开展。\n" +
		"统计指标\t单位\t统计数\n一、主动公开情况\t\t\n（一）主动公开政府信息数\t条\t100\n" +
		"单位负责人：某某\n二、存在的主要问题及改进情况\n人员不足，明年将加强培训。\n"
	r, err := Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, s := range r.Sections {
		headings = append(headings, s.Heading+": "+s.Text)
	}
	want := "一、概述: 全年工作有序开展。|二、存在的主要问题及改进情况: 人员不足，明年将加强培训。"
	if got := strings.Join(headings, "|"); got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
}
