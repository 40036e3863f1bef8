package meta

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

func TestPublisherFromTitle(t *testing.T) {
	tests := []struct {
		title, name, id, level string
		en                     string
	}{
		{"薛城区人民政府2017年政府信息公开工作年度报告", "薛城区人民政府", "370403", "county", "Xuecheng District People's Government"},
		{"2017年薛城区政府信息公开工作年度报告", "薛城区", "370403", "county", "Xuecheng District"},
		{"枣庄市人民政府关于2016年度政府信息公开工作年度报告", "枣庄市人民政府", "370400", "prefecture", "Zaozhuang City People's Government"},
		{"山东省人民政府2018年政府信息公开工作年度报告", "山东省人民政府", "370000", "province", "Shandong Province People's Government"},
		{"薛城区人民政府办公室2017年政府信息公开工作年度报告", "薛城区人民政府办公室", "370403-", "department", "Xuecheng District People's Government Office"},
		{"枣庄市薛城区财政局2017年政府信息公开工作年度报告", "枣庄市薛城区财政局", "370403-", "department", "Zaozhuang City Xuecheng District Caizhengju"},
		{"2017年政府信息公开工作年度报告", "", "", "", ""},
	}
	for _, tt := range tests {
		p := PublisherOf(tt.title, "")
		if p.NameZh != tt.name || !strings.HasPrefix(p.ID, tt.id) || p.Level != tt.level || (tt.id == "") != (p.ID == "") || p.NameEn != tt.en {
			t.Errorf("%s: got %+v; want name %q id %q… level %q", tt.title, p, tt.name, tt.id, tt.level)
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ text, want string }{
		{"薛城区人民政府2017年政府信息公开\n工作年度报告\n\n本年度报告根据…。", "薛城区人民政府2017年政府信息公开工作年度报告"},
		{"首页 > 政府信息公开 > 年度报告\n\n薛城区人民政府2017年政府信息公开工作年度报告\n发布日期：2018-02-28", "薛城区人民政府2017年政府信息公开工作年度报告"},
		{"薛城区人民政府\n2019年政府信息公开工作年度报告\n", "薛城区人民政府2019年政府信息公开工作年度报告"},
		{"2018-03-30\n山东省人民政府办公厅2017年政府信息公开工作年度报告\n", "山东省人民政府办公厅2017年政府信息公开工作年度报告"},
		{"本报告根据《条例》编制。\n薛城区人民政府2017年政府信息公开工作年度报告", ""},
		// a site's menu of twenty items above the title, one of them 年度报告
		{strings.Repeat("首页\n政务公开\n新闻动态\n年度报告\n", 5) + "薛城区人民政府2017年政府信息公开工作年度报告\n", "薛城区人民政府2017年政府信息公开工作年度报告"},
		// a short publisher's name above a wrapped title
		{"首页\n薛城区政府\n2019年政府信息公开工作年度报告\n", "薛城区政府2019年政府信息公开工作年度报告"},
		// only a menu item names a report: no title
		{"首页\n信息公开\n年度报告\n\n本年度报告根据…。", ""},
		// sixteen lines that are not menu items before it: too far down
		{strings.Repeat("发布日期：2018-02-28\n", 16) + "薛城区人民政府2017年政府信息公开工作年度报告\n", ""},
	}
	for _, tt := range tests {
		if got := Title(source.SplitLines(tt.text)); got != tt.want {
			t.Errorf("title(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if p := Publisher("邹坞镇", ""); p.Level != "township" {
		t.Errorf("邹坞镇: level %q, want township", p.Level)
	}
}

// TestPublisherFromFillerUnit: without a title naming it, the publisher is
// the 填报单位 above the legacy table, up to the first space of any kind or
// the 填表日期 glued after it.
func TestPublisherFromFillerUnit(t *testing.T) {
	for _, text := range []string{
		"填报单位：薛城区政府信息和政务公开办公室\u00a0\u00a0\u00a0\u00a0填表日期：2018年2月\u00a0\u00a0日",
		"填报单位: 薛城区政府信息和政务公开办公室     填表日期：2018年2月",
		"填报单位：薛城区政府信息和政务公开办公室\u3000填表日期：2018年2月",
		"填报单位：薛城区政府信息和政务公开办公室填表日期：2018年2月",
	} {
		if p := PublisherOf("", text); p.NameZh != "薛城区政府信息和政务公开办公室" || p.AdminCode != "370403" {
			t.Errorf("%q: publisher %q (%s), want 薛城区政府信息和政务公开办公室 (370403)", text, p.NameZh, p.AdminCode)
		}
	}
}
