package region

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		publisher, context string
		want               string // code, "" for not ok
	}{
		{"薛城区人民政府", "", "370403"},
		{"枣庄市薛城区人民政府办公室", "", "370403"},
		{"薛城区政府信息和政务公开办公室", "", "370403"},
		{"枣庄市人民政府", "", "370400"},
		{"山东省人民政府办公厅", "", "370000"},
		{"山东省枣庄市薛城区人民政府", "", "370403"},
		{"北京市朝阳区人民政府", "", "110105"},
		{"北京朝阳区人民政府", "", "110105"},
		{"朝阳区人民政府", "长春市朝阳区2019年政府信息公开工作年度报告", "220104"},
		{"朝阳区人民政府", "", ""},
		{"朝阳区人民政府", "本报告由朝阳区人民政府办公室编制。", ""},
		{"兰州市城关区人民政府", "", "620102"},
		{"城关区人民政府", "根据《西藏自治区政府信息公开规定》", "540102"},
		{"国务院办公厅", "", ""},
		{"教育部", "北京市", ""},
		{"", "", ""},
		{"上海市人民政府", "", "310000"},
		{"上海市浦东新区人民政府", "", "310115"},
		{"广西壮族自治区人民政府", "", "450000"},
		{"广西南宁市人民政府", "", "450100"},
		{"内蒙古自治区发展和改革委员会", "", "150000"},
		{"宁夏回族自治区人民政府", "", "640000"},
		{"恩施土家族苗族自治州人民政府", "", "422800"},
		{"东莞市人民政府", "", "441900"},
		{"中山市人民政府", "", "442000"},
		{"儋州市人民政府", "", "460400"},
		{"嘉峪关市人民政府", "", "620200"},
		{"仙桃市人民政府", "", "429004"},
		{"湖北省仙桃市人民政府", "", "429004"},
		{"吉林省吉林市人民政府", "", "220200"},
		{"吉林市人民政府", "", "220200"},
		{"枣庄市市中区人民政府", "", "370402"},
		{"阳泉市城区人民政府", "", "140302"},
		{"海南藏族自治州人民政府", "", "632500"},
		// Obsolete names, used when no current division has them.
		{"襄樊市人民政府", "", "420600"},
		{"巢湖市居巢区人民政府", "", "341402"},
		// A current name is preferred over an obsolete division of the same name.
		{"巢湖市人民政府", "", "340181"},
		{"长治市城区人民政府", "", "140402"}, // renamed 潞州区 in 2018
		{"长治市潞州区人民政府", "", "140403"},
		// A province's short name does not start a county's (河南蒙古族自治县).
		{"河南县人民政府", "", ""},
		{"河南省人民政府", "", "410000"},
		// Two-character names need a boundary before them.
		{"马鞍山市和县人民政府", "", "340523"},
		{"和县人民政府", "", "340523"},
		{"攀枝花市东区人民政府", "", "510402"},
		// A broader name that contradicts the county leaves the broader one.
		{"山东省朝阳区", "", "370000"},
	}
	for _, tt := range tests {
		d, ok := Resolve(tt.publisher, tt.context)
		got := ""
		if ok {
			got = d.Code
		}
		if got != tt.want {
			t.Errorf("Resolve(%q, %q) = %q %q, want %q", tt.publisher, tt.context, got, d.Name, tt.want)
		}
	}
}

func TestResolveObsoleteFlag(t *testing.T) {
	d, ok := Resolve("襄樊市人民政府", "")
	if !ok || d.Name != "襄樊市" || !d.Obsolete {
		t.Errorf("Resolve(襄樊市人民政府) = %+v, %v; want obsolete 襄樊市", d, ok)
	}
	d, ok = Resolve("薛城区人民政府", "")
	if !ok || d.Obsolete {
		t.Errorf("Resolve(薛城区人民政府) = %+v, %v; want current", d, ok)
	}
}

func TestByCodeAndAncestors(t *testing.T) {
	d, ok := ByCode("370403")
	want := Division{Code: "370403", Name: "薛城区", Level: "county", Parent: "370400"}
	if !ok || d != want {
		t.Fatalf("ByCode(370403) = %+v, %v; want %+v", d, ok, want)
	}
	anc := Ancestors("370403")
	if len(anc) != 2 || anc[0].Code != "370400" || anc[0].Name != "枣庄市" ||
		anc[1].Code != "370000" || anc[1].Name != "山东省" {
		t.Errorf("Ancestors(370403) = %+v; want 枣庄市, 山东省", anc)
	}
	if anc := Ancestors("110105"); len(anc) != 1 || anc[0].Code != "110000" {
		t.Errorf("Ancestors(110105) = %+v; want 北京市 only", anc)
	}
	if anc := Ancestors("370000"); len(anc) != 0 {
		t.Errorf("Ancestors(370000) = %+v; want none", anc)
	}
	if d, ok := ByCode("420600"); !ok || d.Name != "襄阳市" || d.Obsolete {
		t.Errorf("ByCode(420600) = %+v, %v; want current 襄阳市", d, ok)
	}
	if _, ok := ByCode("999999"); ok {
		t.Error("ByCode(999999) found")
	}
}

func TestTable(t *testing.T) {
	tab := load()
	counts := map[string]int{}
	prev := ""
	for _, d := range tab.rows {
		if d.Code < prev {
			t.Errorf("rows not sorted by code: %s after %s", d.Code, prev)
		}
		prev = d.Code
		if len(d.Code) != 6 || d.Name == "" {
			t.Errorf("bad row %+v", d)
		}
		if _, ok := rank[d.Level]; !ok {
			t.Errorf("bad level in %+v", d)
		}
		if !d.Obsolete {
			counts[d.Level]++
		}
		if d.Level == "province" {
			if d.Parent != "" {
				t.Errorf("province with parent: %+v", d)
			}
			continue
		}
		p, ok := ByCode(d.Parent)
		if !ok {
			t.Errorf("%+v: parent missing", d)
		} else if rank[p.Level] >= rank[d.Level] || !strings.HasPrefix(d.Code, strings.TrimRight(p.Code, "0")) {
			t.Errorf("%+v: bad parent %+v", d, p)
		}
	}
	if counts["county"] <= 2800 {
		t.Errorf("%d current county-level rows, want > 2800", counts["county"])
	}
	if counts["prefecture"] < 330 || counts["province"] != 34 {
		t.Errorf("counts %v, want >= 330 prefectures and 34 provinces", counts)
	}
}
