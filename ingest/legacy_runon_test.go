package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// Fujian's variant of the legacy table (指标名称 | 计量单位 | <year>年度 |
// 历年累计), made up for this test and printed as a web page's text with
// the cells run together on one line.
const fujianRunTogether = "标题: 某区2016年度政府信息公开工作年度报告\n" +
	"正文\n" +
	"一、概述2016年，我区深入推进政府信息公开工作，主动公开政府信息的数量和质量进一步提升，依申请公开工作规范有序，各项制度不断健全完善。" +
	"七、政府信息公开情况统计表 指标名称计量单位2016年度历年累计" +
	"主动公开文件数条12345其中：1、政府网站公开数条123452、政府公报公开数条105" +
	"受理依申请公开信息总数条115其中：1、当面申请数条002、网上申请数条1133、信函、传真申请数条02" +
	"对申请的答复总数条115其他类型答复数条01接受行政诉讼、举报数件00行政复议数件00行政诉讼数件00\n"

func TestFujianVariantRunTogether(t *testing.T) {
	r, err := Parse("fujian.txt", []byte(fujianRunTogether))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		// 105 is 10|5: 1|05 is no pair of printed figures.
		{indicator: "proactive.channels.gazette", breakdown: "total", value: "10", column: "2016年度", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "proactive.channels.gazette", breakdown: "cumulative", value: "5", column: "历年累计"},
		// 115 is 1|15 or 11|5; the year's figure is at most the
		// cumulative one (历年累计 counts this year too): 1|15.
		{indicator: "requests.received", breakdown: "total", value: "1", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "requests.received", breakdown: "cumulative", value: "15"},
		{indicator: "requests.received.online", breakdown: "total", value: "1"},
		{indicator: "requests.received.online", breakdown: "cumulative", value: "13"},
		// The rows of the variant that no national row means keep
		// indicators of their own.
		{indicator: "requests.received.letter_or_fax", breakdown: "cumulative", value: "2"},
		{indicator: "requests.answered.other", breakdown: "cumulative", value: "1"},
		{indicator: "lawsuits_and_complaints", breakdown: "total", value: "0"},
		{indicator: "reconsiderations.total", breakdown: "total", value: "0"},
	})
	// 12345 under two columns is 1|2345, 12|345 …: never guessed.
	if hasObs(r, "proactive.items", "total") || hasObs(r, "proactive.channels.website", "total") {
		t.Error("a run of figures with several splits was split by guess")
	}
	if !unplacedBecause(r, "主动公开文件数", "2 splits fit") || !unplacedBecause(r, "主动公开文件数", "1|2345, 12|345") {
		t.Errorf("主动公开文件数 not unplaced with the splits that fit: %+v", r.Unplaced)
	}
	// 信函、传真申请数 merges two rows of the national form: it is neither.
	if hasObs(r, "requests.received.fax", "total") || hasObs(r, "requests.received.letter", "total") {
		t.Error("信函、传真申请数 placed under a row of the national form")
	}
	// 接受行政诉讼、举报数 is no count of lawsuits.
	if hasObs(r, "lawsuits.total", "cumulative") && len(r.Observations) > 0 {
		for _, o := range r.Observations {
			if o.Indicator == "lawsuits.total" && o.Label != "行政诉讼数" {
				t.Errorf("%s read as lawsuits.total", o.Label)
			}
		}
	}
}
