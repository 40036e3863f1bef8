package form

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4 printed as one run of figures (a web page's text:
// 5962852145301184535104120) is cut by each block's 总计, the sum of its
// results. When several cuts fit, they often differ in one block only,
// and there only in some cells (59|6|28|52|145 30|1|18|4|53 5|10|4|1|20
// and …30|11|8|4|53…): a cell every cut that fits fills alike is as
// certain as a run one cut fits, as in a row of table 3 (agreedCells).
// Those cells are placed; the others are unplaced with the reason.

// agreedReviews is, for table 4's figures printed as one run that several
// cuts under slots fit, the cells every cut fills alike (in their columns,
// nil elsewhere), and the reason the rest is unplaced; nil and "" when
// the figures are no such run, the header does not show whole blocks, or
// no cell is agreed.
func agreedReviews(data []layout.Cell, slots []slot) ([]*layout.Cell, string) {
	if !wholeBlocks(slots) {
		return nil, ""
	}
	out, _ := agreedCells(&openRow{values: data}, slots)
	if out == nil {
		return nil, ""
	}
	res, _ := splitRow(data[0], slots)
	var placed, open []string
	for i, c := range out {
		name := slots[i].block.label + " " + slots[i].printed
		if c == nil {
			open = append(open, name)
			continue
		}
		placed = append(placed, name+" "+c.Raw)
	}
	return out, fmt.Sprintf("figures run together with no separator (%s): %d splits make each block's 总计 the sum of its results, and they differ under %s; every one gives %s, placed",
		data[0].Raw, len(res.Splits), strings.Join(open, ", "), strings.Join(placed, ", "))
}
