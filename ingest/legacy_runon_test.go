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
	"受理依申请公开信息总数条01其中：1、当面申请数条002、网上申请数条013、信函、传真申请数条00" +
	"对申请的答复总数条01行政复议数件00行政诉讼数件00\n"

func TestFujianVariantRunTogether(t *testing.T) {
	r, err := Parse("fujian.txt", []byte(fujianRunTogether))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		// 105 is 10|5: 1|05 is no pair of printed figures.
		{indicator: "proactive.channels.gazette", breakdown: "total", value: "10", column: "2016年度", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "proactive.channels.gazette", breakdown: "cumulative", value: "5", column: "历年累计"},
		{indicator: "requests.received", breakdown: "total", value: "0"},
		{indicator: "requests.received", breakdown: "cumulative", value: "1"},
		{indicator: "requests.received.online", breakdown: "cumulative", value: "1"},
		{indicator: "reconsiderations.total", breakdown: "total", value: "0"},
	})
	// 12345 under two columns is 1|2345, 12|345 …: never guessed.
	if hasObs(r, "proactive.items", "total") || hasObs(r, "proactive.channels.website", "total") {
		t.Error("a run of figures with several splits was split by guess")
	}
	// 信函、传真申请数 merges two rows of the national form: no row is certain.
	if hasObs(r, "requests.received.fax", "total") || hasObs(r, "requests.received.letter", "total") {
		t.Error("信函、传真申请数 placed under a row of the national form")
	}
	if !unplacedBecause(r, "信函、传真申请数", "no row of the form") {
		t.Errorf("信函、传真申请数 not unplaced with the reason: %+v", r.Unplaced)
	}
}
