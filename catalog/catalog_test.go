package catalog

import "testing"

func TestLoad(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Legacy); got != 83 {
		t.Errorf("legacy rows = %d, want 83 (templates.md §1a)", got)
	}
	figures := 0
	for _, r := range c.Legacy {
		if !r.Group {
			figures++
		}
	}
	if figures != 76 {
		t.Errorf("legacy rows with a figure = %d, want 76", figures)
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
