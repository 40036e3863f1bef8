package catalog

import (
	"testing"

	"github.com/gongkai/gongkai"
)

func TestLoad(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Legacy); got != 87 {
		t.Errorf("legacy rows = %d, want 87 (templates.md §1a and four rows of Fujian's variant)", got)
	}
	figures := 0
	for _, r := range c.Legacy {
		if !r.Group {
			figures++
		}
	}
	if figures != 80 {
		t.Errorf("legacy rows with a figure = %d, want 80", figures)
	}
	ind, ok := c.Indicator("requests.received")
	if !ok || ind.Unit != "case" || ind.NameZh != "收到申请数" {
		t.Errorf("requests.received = %+v", ind)
	}
	u, ok := c.UnitBySymbol("万元")
	if !ok || u.Code != "wan_yuan" || u.Factor != 10000 || u.BaseUnit != "yuan" {
		t.Errorf("万元 = %+v", u)
	}
}

func TestForms(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cells := func(template string, table int) int {
		n := 0
		for _, e := range c.Forms[template] {
			if e.Table == table && e.Kind == FormRow {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		template    string
		table, want int
	}{
		{gongkai.Template2019, 2, 2*3 + 2*3 + 2*3 + 2 + 2}, // (一) (五) (六) (八) (九)
		{gongkai.Template2021, 2, 2*3 + 1 + 2 + 1},
		{gongkai.Template2019, 3, 2 + 2 + 8 + 3 + 5 + 1 + 1 + 1},
		{gongkai.Template2021, 3, 2 + 2 + 8 + 3 + 5 + 3 + 1 + 1},
		{gongkai.Template2019, 4, 15},
		{gongkai.Template2021, 4, 15},
	} {
		if got := cells(tc.template, tc.table); got != tc.want {
			t.Errorf("%s table %d: %d figure entries, want %d", tc.template, tc.table, got, tc.want)
		}
	}
	for _, code := range []string{"requests.received", "requests.disclosed", "reconsiderations.total", "normative_documents.issued"} {
		ind, _ := c.Indicator(code)
		if ind == nil {
			t.Fatalf("%s missing", code)
		}
		for _, tpl := range []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021} {
			if contains(ind.Templates, tpl) {
				continue
			}
			t.Errorf("%s is not in template %s: one code must run across the change of format", code, tpl)
		}
	}
	ind, _ := c.Indicator("requests.received")
	if len(ind.Breakdowns) != 7 || ind.Breakdowns[0] != "natural_person" || ind.Breakdowns[6] != "total" {
		t.Errorf("requests.received breakdowns = %v", ind.Breakdowns)
	}
	ind, _ = c.Indicator("lawsuits.total")
	if !contains(ind.Templates, gongkai.TemplateLegacy) || ind.Mapping == "" {
		t.Errorf("lawsuits.total = %+v", ind)
	}
}
