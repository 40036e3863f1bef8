package legacy

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/source"
)

// A row that prints no figure right after a row printing one figure too
// many (PyMuPDF's sorted blocks put 9.61 above its label, beside 2.兼职人员
// 数's 8) is not read as blank: its figure may be the one there. After a
// row printing one figure, it is blank as printed.
func TestBlankAfterSurplus(t *testing.T) {
	const head = "统计指标\n单位\n统计数\n（三）从事政府信息公开工作人员数\n人\n67\n"
	const budget = "（四）政府信息公开专项经费\n万元\n十三、政府信息公开会议和培训情况\n（一）召开政府信息公开工作会议或专题会议数\n次\n3\n单位负责人：刘伟\n"
	for _, tc := range []struct {
		name, text string
		blank      bool
	}{
		{"after two figures", head + "2.兼职人员数\n人\n8\n9.61\n" + budget, false},
		{"after one figure", head + "2.兼职人员数\n人\n8\n" + budget, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r gongkai.Report
			if _, _, err := Read(&r, catalog.MustLoad(), source.SplitLines(tc.text)); err != nil {
				t.Fatal(err)
			}
			blank := false
			for _, o := range r.Observations {
				if o.Indicator == "capacity.budget" {
					blank = o.Value == nil
				}
			}
			unplaced := false
			for _, u := range r.Unplaced {
				unplaced = unplaced || strings.HasPrefix(u.Label, "（四）") && strings.Contains(u.Reason, "one figure too many")
			}
			if blank != tc.blank || unplaced == tc.blank {
				t.Errorf("budget read blank %v, unplaced for the surplus %v; want blank %v", blank, unplaced, tc.blank)
			}
		})
	}
}
