package ingest

import (
	"strings"
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
	// 12345 under two columns is 1|2345 or 12|345, for the row and for its
	// part 政府网站公开数 alike; its other part 政府公报公开数 is 10|5, at
	// most the row's figures: 1|2345 is no whole of it. So the row is
	// 12|345, and its part, at most that, 12|345 too.
	checkCells(t, r, []cellCase{
		{indicator: "proactive.items", breakdown: "total", value: "12", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "proactive.items", breakdown: "cumulative", value: "345"},
		{indicator: "proactive.channels.website", breakdown: "total", value: "12", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "proactive.channels.website", breakdown: "cumulative", value: "345"},
	})
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

// fujianStated prints Fujian's variant run together after a narrative
// that says, in its own words, how much was published: the table's
// 主动公开文件数条294981916 is 2|94981916, 29|4981916, 294|981916 or
// 2949|81916, and its parts print the same run or 00.
func fujianStated(narrative string) []byte {
	return []byte("标题: 某区2015年度政府信息公开工作年度报告\n正文\n" +
		"一、概述" + narrative + "七、政府信息公开情况统计表 指标名称计量单位2015年度历年累计" +
		"主动公开文件数条294981916其中：1、政府网站公开数条2949819162、政府公报公开数条00" +
		"受理依申请公开信息总数条01行政复议数件00行政诉讼数件00\n")
}

// TestFujianRunSplitByNarrative: the report's text states the year's
// figure of 主动公开政府信息数, the national wording of the row 主动公开文件数:
// exactly one split gives it, so the row takes that split, and its part
// 政府网站公开数 (at most the row) the only split left to it. A figure the
// text calls cumulative confirms nothing.
func TestFujianRunSplitByNarrative(t *testing.T) {
	r, err := Parse("fujian.txt", fujianStated("2015年，全区主动公开政府信息2949条，其中，区直各部门主动公开政府信息2275条。"))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "proactive.items", breakdown: "total", value: "2949", flags: []string{gongkai.FlagSplitByNarrative}, without: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "proactive.items", breakdown: "cumulative", value: "81916", flags: []string{gongkai.FlagSplitByNarrative}},
		{indicator: "proactive.channels.website", breakdown: "total", value: "2949", flags: []string{gongkai.FlagSplitByNarrative}},
		{indicator: "proactive.channels.website", breakdown: "cumulative", value: "81916"},
		{indicator: "proactive.channels.gazette", breakdown: "total", value: "0"},
	})
	r, err = Parse("fujian.txt", fujianStated("截至2015年底，累计主动公开政府信息2949条。"))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "proactive.items", "total") {
		t.Error("a cumulative figure of the text confirmed the year's split")
	}
}

// TestFujianNarrativeRefuses: the text's figure confirms a split only when
// exactly one split gives it. A figure no split gives (2950), or figures
// two splits give (29 and 294), leave the row unplaced, and say so.
func TestFujianNarrativeRefuses(t *testing.T) {
	cases := []struct{ narrative, reason string }{
		{"2015年，全区主动公开政府信息2950条。", "states 2950, which 0 of the splits give"},
		{"全区主动公开政府信息29条，乡镇主动公开政府信息294条。", "states 29, 294, which 2 of the splits give"},
	}
	for _, c := range cases {
		r, err := Parse("fujian.txt", fujianStated(c.narrative))
		if err != nil {
			t.Fatal(err)
		}
		if hasObs(r, "proactive.items", "total") || hasObs(r, "proactive.channels.website", "total") {
			t.Errorf("%s: the row split although the text confirms no one split", c.narrative)
		}
		if !unplacedBecause(r, "主动公开文件数", c.reason) || !unplacedBecause(r, "主动公开文件数", "4 splits fit") {
			t.Errorf("%s: 主动公开文件数 not unplaced with the reason %q: %+v", c.narrative, c.reason, r.Unplaced)
		}
	}
}

// TestFujianSubsetBoundRefuses: a row and its part that print the same
// run, 12345, with another part 00, fit 1|2345 and 12|345 both: the bound
// (a part at most its whole) leaves two readings, and neither is taken.
func TestFujianSubsetBoundRefuses(t *testing.T) {
	text := strings.Replace(fujianRunTogether, "2、政府公报公开数条105", "2、政府公报公开数条00", 1)
	r, err := Parse("fujian.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "proactive.items", "total") || hasObs(r, "proactive.channels.website", "total") {
		t.Error("a run of figures with several splits was split by guess")
	}
	if !unplacedBecause(r, "主动公开文件数", "2 splits fit") || !unplacedBecause(r, "主动公开文件数", "1|2345, 12|345") {
		t.Errorf("主动公开文件数 not unplaced with the splits that fit: %+v", r.Unplaced)
	}
}

// fujianTable prints Fujian's variant run together with the rows given.
func fujianTable(rows string) []byte {
	return []byte("标题: 某区2016年度政府信息公开工作年度报告\n正文\n一、概述本年度，我区深入推进政府信息公开工作。" +
		"七、政府信息公开情况统计表 指标名称计量单位2016年度历年累计" + rows + "行政复议数件00行政诉讼数件00\n")
}

// TestFujianSummandsBound: the answers of 对申请的答复总数 are distinct
// kinds of answer (the catalogue's summands of it), so together they are
// at most it. 同意部分公开答复数 2242 is 2|242 or 22|42, both at most the
// whole 75|340; with 22 the answers would add up to 95 > 75, so it is
// 2|242. The channels of 主动公开文件数 are no summands (one item may go out
// on several): the same figures there settle nothing.
func TestFujianSummandsBound(t *testing.T) {
	r, err := Parse("fujian.txt", fujianTable("受理依申请公开信息总数条00对申请的答复总数条75340其中：1.同意公开答复数条0252.同意部分公开答复数条2242"+
		"3.不予公开答复数条70704.其他类型答复数条33"))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.answered", breakdown: "total", value: "75", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "requests.partially_disclosed", breakdown: "total", value: "2", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "requests.partially_disclosed", breakdown: "cumulative", value: "242"},
	})
	// 1234 under 主动公开文件数 500|600 beside 政府网站公开数 300|400 is 1|234
	// or 12|34: each at most the whole, and nothing adds the channels up.
	r, err = Parse("fujian.txt", fujianTable("主动公开文件数条500600其中：1.政府网站公开数条3004002.政府公报公开数条1234受理依申请公开信息总数条00"))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "proactive.channels.gazette", "total") {
		t.Error("政府公报公开数 split by a sum of channels, which are no summands")
	}
	if !unplacedBecause(r, "政府公报公开数", "fitting: 1|234, 12|34") {
		t.Errorf("政府公报公开数 not unplaced with the splits that fit: %+v", r.Unplaced)
	}
}

// TestFujianBrokenSubsetSettlesNothing: a 其中 whose printed figures break
// its bounds (政府网站公开数 70|80 above 主动公开文件数 50|60) is read as
// printed, and settles none of its runs: 政府公报公开数 1234 would be 12|34
// under 50|60, but a table that breaks the bound is no ground for it.
func TestFujianBrokenSubsetSettlesNothing(t *testing.T) {
	r, err := Parse("fujian.txt", fujianTable("主动公开文件数条5060其中：1.政府网站公开数条70802.政府公报公开数条1234受理依申请公开信息总数条00"))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{{indicator: "proactive.channels.website", breakdown: "total", value: "70"}})
	if hasObs(r, "proactive.channels.gazette", "total") {
		t.Error("政府公报公开数 split by the bounds of a 其中 that breaks them")
	}
	if !unplacedBecause(r, "政府公报公开数", "fitting: 1|234, 12|34") {
		t.Errorf("政府公报公开数 not unplaced with the splits that fit: %+v", r.Unplaced)
	}
}

// legacySpacedHeader prints the national legacy table run together as a
// PDF-to-Markdown converter prints it: its header's words kept apart by
// spaces, the last cut inside (统计 数), a space between each label, unit
// and figure.
const legacySpacedHeader = "某区2017年政府信息公开工作年度报告\n" +
	"一、概述 2017年，我区深入推进政府信息公开工作，主动公开政府信息的数量和质量进一步提升，依申请公开工作规范有序，各项制度不断健全完善，政府信息公开的时效性和全面性进一步提高。\n" +
	"附件： 2017 年政府信息公开工作情况统计表\n" +
	"统计指标 单位 统计 数 一、主动公开情况 （一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条） 条 18361 " +
	"其中：主动公开规范性文件数 条 200 制发规范性文件总数 件 2 （二）通过不同渠道和方式公开政府信息的情况 " +
	"1.政府公报公开政府信息数 条 0 2.政府网站公开政府信息数 条 8734\n"

// TestLegacyRunTogetherSpacedHeader: the header 统计指标 单位 统计 数 on a
// line long enough to hold the table run together opens it, and its rows
// are read (the text was refused as holding no table with figures).
func TestLegacyRunTogetherSpacedHeader(t *testing.T) {
	r, err := Parse("pdf2md.md", []byte(legacySpacedHeader))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "proactive.items", breakdown: "total", value: "18361"},
		{indicator: "proactive.items.normative_documents", breakdown: "total", value: "200"},
		{indicator: "normative_documents.issued", breakdown: "total", value: "2"},
		{indicator: "proactive.channels.website", breakdown: "total", value: "8734"},
	})
}

// TestRunTogetherPageFooterBars: a web page's whole text runs on from the
// table into the site's footer, whose links are parted by bars. The bars
// after the table say nothing of how its cells were taken: the table is
// read run together as without them. A bar between the table's cells is a
// row of another layout, and the line is not cut as a table run together.
func TestRunTogetherPageFooterBars(t *testing.T) {
	page := strings.TrimSuffix(fujianRunTogether, "\n") + " 使用帮助 | 联系我们 | 隐私保护\n"
	r, err := Parse("fujian.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received.online", breakdown: "total", value: "1"},
		{indicator: "requests.received.online", breakdown: "cumulative", value: "13"},
		{indicator: "reconsiderations.total", breakdown: "total", value: "0"},
	})
	barred := strings.Replace(fujianRunTogether, "对申请的答复总数条115", "| 对申请的答复总数条115", 1)
	if r, err := Parse("fujian.txt", []byte(barred)); err == nil && hasObs(r, "requests.received.online", "cumulative") {
		t.Error("a line with a bar between its table's cells cut as a table run together")
	}
}
