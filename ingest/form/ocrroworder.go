package form

import (
	"regexp"
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
)

// In a text recognised from images, the long labels of table 3 wrap over
// lines around their figures, OCR garbles their numbers (`“工申请人` for
// 1.申请人) and the reader glues the end of one row's label to the start
// of the next (`理其政府信息公开申请2.申请人逾期未按收费通知…`,
// `关不再处理其政府信息公开申请3.其他`). Such a row is none the form has by
// its wording, and is unplaced. The form's row order (roworder.go) may
// still place it, with every condition it keeps there (as many rows as
// the anchors leave unread, each adding up, I3 when known); in a text
// showing OCR's signs the label need only say which row of the gap it is:
//
//   - the part from its last row number on is that row's label (3.其他), or
//   - it shares a run of at least minSharedRun characters with the row's
//     wording, longer than it shares with any other row of the gap.

// minSharedRun is the number of characters a misread label needs in one
// run with a row's wording: shorter runs (政府信息公开申请 aside) are
// words many rows share.
const minSharedRun = 6

// lastRowNumber finds the last row number (1. to 9.) of a label glued to
// the end of another.
var lastRowNumber = regexp.MustCompile(`[1-9][.．]\p{Han}`)

// The rows of I1 (一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理,
// in every column) need no label: where OCR garbled the label of one of
// them past any run of its wording (`一上告轩下府二已公开中请数` for
// 二、上年结转政府信息公开申请数量), the three others, read and placed,
// give each of its seven figures. The candidate of the gap is that row
// when its figures are those, column by column: the arithmetic confirms
// every figure, and the gap its place.

// balanceTerms gives the sign of each row of I1 in it: 一 + 二 − （七）总计 − 四 = 0.
var balanceTerms = map[string]float64{
	"requests.received": 1, "requests.carried_over": 1, "requests.answered": -1, "requests.carried_forward": -1,
}

// misreadRowOf reports whether the k-th candidate of a gap, in a text
// showing OCR's signs, is the k-th row of rows: its label says so
// (misreadLabelOf), or the row is a term of I1 whose figures the three
// other terms give (balancedCandidate).
func (r *reader) misreadRowOf(cand *openRow, rows []*rowSpec, k int) bool {
	return r.misreadLabelOf(cand.printedLabel(), rows, k) || r.balancedCandidate(cand, rows[k])
}

// balancedCandidate reports whether, in a text showing OCR's signs, row is
// a term of I1 and the candidate's seven figures are, in every column,
// what I1 gives from its three other terms, each read and placed.
func (r *reader) balancedCandidate(cand *openRow, row *rowSpec) bool {
	sign, ok := balanceTerms[row.indicator]
	if r.misread == 0 || !ok {
		return false
	}
	figures, _, ok := r.plainFigures(cand.values)
	if !ok || len(figures) != applicantColumns+1 {
		return false
	}
	values := map[string]float64{}
	for _, o := range r.obs {
		if _, term := balanceTerms[o.Indicator]; term && o.Value != nil {
			values[o.Indicator+"/"+o.Breakdown] = *o.Value
		}
	}
	columns := r.applications.columns
	if !completeApplicants(columns) {
		columns = r.formOrderSlots()
	}
	for c, col := range columns {
		var others float64
		for ind, s := range balanceTerms {
			if ind == row.indicator {
				continue
			}
			v, read := values[ind+"/"+col.key]
			if !read {
				return false
			}
			others += s * v
		}
		if figures[c] != -others/sign {
			return false
		}
	}
	return true
}

// A row of I1 whose garbled label still holds a run of its wording (`一
// 疆 村信息公 ;去_ 一 上年结转政府 百/己 公开申请数`) may stand where the
// row order cannot fill its gap (rows around it unread, or too many
// candidates). The three other terms of I1 give each of its figures;
// where the candidate prints exactly those, and its label shares a run
// of at least minSharedRun characters with the row's wording, longer
// than with any other row of table 3, it is that row (fillBalancedRows).

// fillBalancedRows places, in a text showing OCR's signs, each candidate
// of table 3 that a row of I1 not read names by a run of its wording and
// whose seven figures I1 gives, column by column; flag
// placed_by_form_order.
func (r *reader) fillBalancedRows() {
	if r.misread == 0 {
		return
	}
	for _, it := range r.applications.order {
		if it.row != nil || it.unplaced < 0 || it.cand.row != nil {
			continue // placed, kept as a local row, or placed by the row order since
		}
		row := r.balanceRowNamed(it.cand)
		if row == nil || !r.balancedCandidate(it.cand, row) {
			continue
		}
		if _, read := r.seen[row.id]; read {
			continue
		}
		printed, line := it.cand.printedLabel(), it.cand.labels[0].Line
		obs, unplaced := len(r.obs), len(r.unplaced)
		r.placeCandidate(it.cand, row)
		if len(r.obs) == obs || len(r.unplaced) != unplaced {
			// closeRow refused it after all: as it was
			r.obs, r.unplaced = r.obs[:obs], r.unplaced[:unplaced]
			delete(r.seen, row.id)
			continue
		}
		r.unplaced = slices.DeleteFunc(r.unplaced, func(u gongkai.Unplaced) bool { return u.Line == line && u.Label == printed })
	}
}

// balanceRowNamed is the row of I1 with whose wording the candidate's
// label shares its longest run, at least minSharedRun characters and
// longer than with any other row of table 3; nil when none is.
func (r *reader) balanceRowNamed(cand *openRow) *rowSpec {
	key := []rune(label.Parse(cand.printedLabel()).Key)
	var best *rowSpec
	bestRun, tie := 0, false
	for _, row := range r.s.rows[tableApplications] {
		switch run := sharedRun(key, row); {
		case run > bestRun:
			best, bestRun, tie = row, run, false
		case run == bestRun:
			tie = true
		}
	}
	if best == nil || tie || bestRun < minSharedRun {
		return nil
	}
	if _, term := balanceTerms[best.indicator]; !term {
		return nil
	}
	return best
}

// misreadLabelOf reports whether the label of the k-th candidate of a gap,
// in a text showing OCR's signs, says it is the k-th row of rows.
func (r *reader) misreadLabelOf(printed string, rows []*rowSpec, k int) bool {
	if r.misread == 0 {
		return false
	}
	if loc := lastRowNumber.FindAllStringIndex(printed, -1); loc != nil {
		tail := label.Parse(printed[loc[len(loc)-1][0]:])
		if r.numberedAs(tail, rows[k]) && rows[k].score(tail.Key) >= label.Full {
			return true
		}
	}
	key := []rune(label.Parse(printed).Key)
	own := sharedRun(key, rows[k])
	if own < minSharedRun {
		return false
	}
	for j, row := range rows {
		if j != k && sharedRun(key, row) >= own {
			return false
		}
	}
	return true
}

// sharedRun is the length, in characters, of the longest run key shares
// with any wording of row.
func sharedRun(key []rune, row *rowSpec) int {
	return bestOverWordings(key, row, longestCommonRun)
}

// bestOverWordings is the largest measure of key against any wording of
// row.
func bestOverWordings(key []rune, row *rowSpec, measure func(a, b []rune) int) int {
	best := 0
	for _, k := range row.keys {
		best = max(best, measure(key, []rune(k)))
	}
	return best
}

// longestCommonRun is the length of the longest run of characters a and b
// share.
func longestCommonRun(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// misreadTotalRow reports whether, in a text showing OCR's signs, the row
// （七）总计 was read with figures that do not add up (its 总计 is not the
// sum of its six applicant columns): a figure of it is misread, and the
// column sums (I3) it would check cannot be checked.
func (r *reader) misreadTotalRow(answered *rowSpec, values map[string]float64, columns []slot) bool {
	if r.misread == 0 {
		return false
	}
	var others, total float64
	for _, c := range columns {
		v, ok := values[answered.indicator+"/"+c.key]
		switch {
		case !ok:
			return false
		case c.key == "total":
			total = v
		default:
			others += v
		}
	}
	return others != total
}
