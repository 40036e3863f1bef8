package ingest

import "testing"

// comparedYears prints a legacy table that compares two years, its value
// columns headed as given, the earlier year's figures first.
func comparedYears(header string) []byte {
	return []byte("# 某市2015年政府信息公开工作年度报告\n\n## 政府信息公开情况统计表\n\n" +
		"| 统计指标 | 单位 | " + header + " |\n|---|---|---|---|---|\n" +
		"| 一、主动公开情况 | | | | |\n" +
		"| （一）主动公开政府信息数 | 条 | 1200 | 1500 | 300 |\n" +
		"| 三、依申请公开情况 | | | | |\n" +
		"| （一）收到申请数 | 件 | 30 | 42 | 12 |\n")
}

// TestLegacyComparedYears: a table that prints the year before beside the
// report's (2014年度 | 2015年度 | 同比增减) gives the year's figure from the
// latest year's column; the other year's figures keep their column and
// are never the year's. Where the year's column cannot be told (the same
// year twice), no column is the year's.
func TestLegacyComparedYears(t *testing.T) {
	for _, c := range []struct {
		header        string
		items, before string // the year's figure of 主动公开政府信息数, and the earlier year's
		beforeColumn  string
	}{
		{"2014年度 | 2015年度 | 同比增减", "1500", "1200", "column_1"},
		{"2015年度 | 2014年度 | 增减", "1200", "1500", "column_2"},
		{"本年度 | 上年度 | 增减", "1200", "1500", "column_2"},
		{"本年度 | 2014年度 | 增减", "1200", "1500", "column_2"},
		{"本年数 | 上年数 | 增减", "1200", "1500", "column_2"},
	} {
		t.Run(c.header, func(t *testing.T) {
			r, err := Parse("years.md", comparedYears(c.header))
			if err != nil {
				t.Fatal(err)
			}
			checkCells(t, r, []cellCase{
				{indicator: "proactive.items", breakdown: "total", value: c.items},
				{indicator: "proactive.items", breakdown: c.beforeColumn, value: c.before},
				{indicator: "proactive.items", breakdown: "column_3", value: "300"},
			})
		})
	}
	r, err := Parse("years.md", comparedYears("2015年度 | 2015年度 | 增减"))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Breakdown == "total" {
			t.Errorf("%s = %s read as the year's, with the year printed twice", o.Indicator, show(o.Value))
		}
	}
}

// comparedRunTogether prints a legacy table run together on one line, its
// value columns headed as given.
func comparedRunTogether(header string) []byte {
	return []byte("标题: 某区2015年度政府信息公开工作年度报告\n正文\n一、概述2015年，我区深入推进政府信息公开工作。" +
		"七、政府信息公开情况统计表 指标名称计量单位" + header +
		"主动公开文件数条12001500其中：1、政府网站公开数条110014002、政府公报公开数条105" +
		"受理依申请公开信息总数件3042行政复议数件00行政诉讼数件00\n")
}

// TestLegacyRunOnComparedYears: run together, the headings of a table that
// compares years (上年度, 上年同期, 同比增减) are value columns too: each
// row's figures are split under all of them, or left unplaced, and never
// read whole as the year's (12001500 is 1200 | 1500 or another split).
func TestLegacyRunOnComparedYears(t *testing.T) {
	for _, c := range []struct {
		header, gazette, before, beforeColumn string
	}{
		{"本年度上年度", "10", "5", "column_2"},
		{"本年度上年同期", "10", "5", "column_2"},
		{"2014年度2015年度", "5", "10", "column_1"},
	} {
		t.Run(c.header, func(t *testing.T) {
			r, err := Parse("years.txt", comparedRunTogether(c.header))
			if err != nil {
				t.Fatal(err)
			}
			checkCells(t, r, []cellCase{
				{indicator: "proactive.channels.gazette", breakdown: "total", value: c.gazette},
				{indicator: "proactive.channels.gazette", breakdown: c.beforeColumn, value: c.before},
			})
			for _, ind := range []string{"proactive.items", "proactive.channels.website", "requests.received"} {
				if hasObs(r, ind, "total") {
					t.Errorf("%s placed from a run several splits fit", ind)
				}
			}
			if !unplacedBecause(r, "主动公开文件数", "4 splits fit") {
				t.Errorf("主动公开文件数 not unplaced with the splits that fit: %+v", r.Unplaced)
			}
		})
	}
}
