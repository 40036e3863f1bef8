package form

import "github.com/gongkai/gongkai"

// The first block of table 2 (第二十条第（一）项) has three columns in both
// forms: 本年新制作数量, 本年新公开数量, 对外公开总数量 in 2019; 本年制发件数,
// 本年废止件数, 现行有效件数 in 2021. When its header is not read (Word
// wraps it a few characters a line beside the wrapped block label, and
// the pieces do not stack), the three figures of its rows fit both, and
// the count cannot tell which. The report's other tables can: table 3's
// （六）其他处理 printed as three rows is the 2021 form's alone, and the
// headers of table 2's other blocks (本年处理决定数量, 本年收费金额) each fit
// one form. When they tell one form and none tells the other, the report
// is read again with the block's columns taken from that form, in its
// order, flagged placed_by_form_order.

// certainTemplate is the form the report's tables tell without a doubt:
// every header of table 2 that fits one form fits the same, and table 3
// agrees (its three 其他处理 rows tell 2021; a single 其他处理 row, which
// many 2021 reports keep, tells nothing). For 2021 both must tell it; for
// 2019, table 2's headers, with table 3 not telling 2021. "" otherwise.
func (r *reader) certainTemplate() string {
	v19, v21 := r.proactive.votes[gongkai.Template2019], r.proactive.votes[gongkai.Template2021]
	switch three := r.applications.otherHandlingRows; {
	case v21 > 0 && v19 == 0 && three:
		return gongkai.Template2021
	case v19 > 0 && v21 == 0 && !three:
		return gongkai.Template2019
	}
	return ""
}
