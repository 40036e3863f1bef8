package form

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// pdfminer (pdf2txt, markitdown's engine) of a 2021-form report drafted in
// Word prints table 3's cells as text boxes (docs/pdfminer-word-prints.md).
// Two places of that text keep the rows the form's identities tie
// together, whatever the order of the rows between them:
//
//   - the header's boxes hold row 一's figures, each after the header's
//     pieces of its column: `商业企 / 业 / A`, `B`, `总计`, `科研机 / 构 /
//     C`, `社会公 / 益组织 / D`, `法律服 / 务机构 / E`, `其他`, `F`, `G`,
//     then row 二's seven figures (a band of one row). A and B are 自然人's
//     and 商业企业's in either order (their boxes group with the header's),
//     and so are row 二's first two;
//   - the last three rows come apart from the rest: 自然人's （六）3 glued to
//     its label (`3.其他 17`), its （七）总计 in the next box and its 四 after
//     the label （七）总计; every other column's （六）3 and （七）总计 as one
//     box of two figures (`4 / 139`), in the order of the columns, and its
//     四 as a box of one, in no fixed order (`19 / 566`, `1 / 105`, `0`,
//     `0`, `5 / 97` …), all six pairs and six singles in one run of boxes
//     that holds nothing else.
//
// The five rows are read when a reading of them satisfies, in every
// column, 一 + 二 = （七）总计 + 四 (I1) and （六）3 ≤ （七）总计, and in every row
// the total column is the sum of the six applicants' (I2); the figures of
// 四 are those the identity gives, when they are, as a whole, the figures
// printed as 四. Each column's readings are tried (A and B either way,
// row 二's first two either way, two columns' pairs swapped); a figure is
// placed when every reading that holds gives it, and left unplaced with
// the reason otherwise. Nothing is read when the reader placed a figure of
// these rows, or either place is not found once.

// identityRowIndicators are the rows read from the boxes, in the order of
// a column's figures: 一, 二, （六）3, （七）总计, 四.
var identityRowIndicators = []string{"requests.received", "requests.carried_over", "requests.other_handling.other", "requests.answered", carriedForwardIndicator}

// otherThreeGlued matches 自然人's （六）3 glued to its label: 3.其他 17.
var otherThreeGlued = regexp.MustCompile(`^3[.．]其他\s+(\d+)$`)

// headColumnEnds are the wordings the header's pieces before each of row
// 一's figures end with: "" for a figure right after another.
var headColumnEnds = []string{"商业企业", "", "科研机构", "社会公益组织", "法律服务机构", "其他", ""}

// boxFigure is a figure of the boxes, with its line.
type boxFigure struct {
	v    int64
	cell layout.Cell
}

func newBoxFigure(text string, n int) boxFigure {
	v, _ := strconv.ParseInt(text, 10, 64)
	return boxFigure{v: v, cell: layout.Cell{Text: text, Raw: text, Line: n}}
}

// readIdentityBoxes places table 3's rows 一, 二, （六）3, （七）总计 and 四
// as pdfminer prints them (see above). lines are the text's lines as given.
func (r *reader) readIdentityBoxes(lines []source.Line) {
	if r.s.applications == nil {
		return
	}
	var rows []*rowSpec
	for _, ind := range identityRowIndicators {
		k := slices.IndexFunc(r.applicationsLeaves(gongkai.Template2021), func(row *rowSpec) bool { return row.indicator == ind })
		if k < 0 {
			return
		}
		rows = append(rows, r.applicationsLeaves(gongkai.Template2021)[k])
	}
	for _, o := range r.obs {
		if slices.ContainsFunc(rows, func(row *rowSpec) bool { return row.indicator == o.Indicator }) {
			return
		}
	}
	head, ok := identityHead(lines)
	if !ok {
		return
	}
	tail, zs, ok := identityTail(lines)
	if !ok {
		return
	}
	placed, doubt := identityReadings(head, tail, zs)
	if placed == nil {
		return
	}
	slots := r.formOrderSlots()
	if len(slots) != applicantColumns+1 {
		return
	}
	var out []orderedFigure
	used := map[int]bool{}
	for i, row := range rows {
		for c, s := range slots {
			f, ok := placed[i][c]
			if !ok {
				continue
			}
			out = append(out, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: f.cell, seen: row.id})
			used[f.cell.Line] = true
		}
	}
	r.emitOrdered(out)
	r.unplaced = slices.DeleteFunc(r.unplaced, func(u gongkai.Unplaced) bool { return used[u.Line] })
	for _, d := range doubt {
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: rows[d.row].label, Line: d.line, Cells: d.cells,
			Reason: fmt.Sprintf("pdfminer prints table 3's cells as boxes whose order leaves this row's figure under %s one of %s: a reading with each satisfies the form's identities", slots[d.col].printed, strings.Join(d.cells, ", "))})
	}
}

// identityHead reads row 一's and row 二's figures from the header's boxes:
// fourteen figures, the first seven each after its column's pieces.
func identityHead(lines []source.Line) ([]boxFigure, bool) {
	var found []boxFigure
	n := 0
	for i, l := range lines {
		if !strings.HasPrefix(label.Squeeze(label.Fold(l.Text)), "自然人") {
			continue
		}
		figs, ok := headFigures(lines[i:])
		if !ok {
			continue
		}
		found, n = figs, n+1
	}
	return found, n == 1
}

// headFigures reads the fourteen figures after the header's first line
// (see identityHead).
func headFigures(lines []source.Line) ([]boxFigure, bool) {
	var figs []boxFigure
	pending := ""
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "":
			continue
		case plainCount.MatchString(t):
			k := len(figs)
			want := ""
			if k < len(headColumnEnds) {
				want = headColumnEnds[k]
			}
			if want == "" && pending != "" || want != "" && !strings.HasSuffix(pending, want) {
				return nil, false
			}
			figs = append(figs, newBoxFigure(t, l.N))
			pending = ""
			if len(figs) == 2*(applicantColumns+1) {
				return figs, true
			}
		default:
			if len(figs) >= applicantColumns+1 {
				return nil, false // a label among row 二's figures
			}
			pending += label.Key(t)
		}
	}
	return nil, false
}

// identityTail reads the last three rows' figures: for each column its
// （六）3 and （七）总计 (pairs, 自然人's first), and the figures printed as
// 四, in no order.
func identityTail(lines []source.Line) (pairs [][2]boxFigure, zs []boxFigure, ok bool) {
	var first [][2]boxFigure
	var firstZ []boxFigure
	for i, l := range lines {
		m := otherThreeGlued.FindStringSubmatch(label.Fold(strings.TrimSpace(l.Text)))
		if m == nil {
			continue
		}
		var rest []source.Line
		for _, x := range lines[i+1:] {
			if strings.TrimSpace(x.Text) != "" {
				rest = append(rest, x)
			}
			if len(rest) == 4 {
				break
			}
		}
		if len(rest) < 4 || !plainCount.MatchString(strings.TrimSpace(rest[3].Text)) {
			continue
		}
		y, named := rest[0], rest[1].Text+rest[2].Text // 3.其他 x / y / （七） / 总计 / z
		if !plainCount.MatchString(strings.TrimSpace(y.Text)) {
			y, named = rest[2], rest[0].Text+rest[1].Text // 3.其他 x / （七） / 总计 / y / z
		}
		if !plainCount.MatchString(strings.TrimSpace(y.Text)) || label.Key(named) != label.Key("（七）总计") {
			continue
		}
		first = append(first, [2]boxFigure{newBoxFigure(m[1], l.N), newBoxFigure(strings.TrimSpace(y.Text), y.N)})
		firstZ = append(firstZ, newBoxFigure(strings.TrimSpace(rest[3].Text), rest[3].N))
	}
	if len(first) != 1 {
		return nil, nil, false
	}
	var runs [][][]source.Line
	var run [][]source.Line
	for _, box := range append(textBoxes(lines), nil) {
		if box != nil && allCounts(box) {
			run = append(run, box)
			continue
		}
		if len(run) > 0 {
			runs = append(runs, run)
		}
		run = nil
	}
	var tail [][2]boxFigure
	var tailZ []boxFigure
	n := 0
	for _, run := range runs {
		var ps [][2]boxFigure
		var singles []boxFigure
		for _, box := range run {
			switch len(box) {
			case 1:
				singles = append(singles, newBoxFigure(strings.TrimSpace(box[0].Text), box[0].N))
			case 2:
				ps = append(ps, [2]boxFigure{newBoxFigure(strings.TrimSpace(box[0].Text), box[0].N), newBoxFigure(strings.TrimSpace(box[1].Text), box[1].N)})
			}
		}
		if len(ps) > 0 && !slices.ContainsFunc(run, func(b []source.Line) bool { return len(b) > 2 }) {
			if len(ps) == applicantColumns && len(singles) == applicantColumns {
				tail, tailZ = ps, singles
			}
			n++ // a run with a pair is the tail's or spoils it
		}
	}
	if n != 1 || tail == nil {
		return nil, nil, false
	}
	return append(first, tail...), append(firstZ, tailZ...), true
}

// allCounts reports whether every line of box is a plain count.
func allCounts(box []source.Line) bool {
	for _, l := range box {
		if !plainCount.MatchString(strings.TrimSpace(l.Text)) {
			return false
		}
	}
	return true
}

// identityDoubt is a figure of the five rows that readings give apart.
type identityDoubt struct {
	row, col, line int
	cells          []string
}

// identityReading is one reading of the five rows: by row, by column.
type identityReading [5][applicantColumns + 1]boxFigure

// identityReadings tries the readings of the five rows (see above) and
// returns the figures every reading that holds gives, by row and column,
// with the doubts; nil when none holds.
func identityReadings(head []boxFigure, pairs [][2]boxFigure, zs []boxFigure) ([]map[int]boxFigure, []identityDoubt) {
	n := applicantColumns + 1
	var held []identityReading
	swaps := [][2]int{{-1, -1}}
	for c := 1; c < n; c++ {
		for d := c + 1; d < n; d++ {
			swaps = append(swaps, [2]int{c, d})
		}
	}
	for _, swapOne := range []bool{false, true} {
		for _, swapTwo := range []bool{false, true} {
			for _, sw := range swaps {
				var rd identityReading
				for c := range n {
					rd[0][c], rd[1][c] = head[c], head[n+c]
					p := c
					switch c {
					case sw[0]:
						p = sw[1]
					case sw[1]:
						p = sw[0]
					}
					rd[2][c], rd[3][c] = pairs[p][0], pairs[p][1]
				}
				if swapOne {
					rd[0][0], rd[0][1] = rd[0][1], rd[0][0]
				}
				if swapTwo {
					rd[1][0], rd[1][1] = rd[1][1], rd[1][0]
				}
				if fourFromIdentity(&rd, zs) && rd.holds() {
					held = append(held, rd)
				}
			}
		}
	}
	if len(held) == 0 {
		return nil, nil
	}
	out := make([]map[int]boxFigure, 5)
	var doubts []identityDoubt
	for i := range 5 {
		out[i] = map[int]boxFigure{}
		for c := range n {
			f := held[0][i][c]
			var vals []string
			same := true
			for _, rd := range held {
				if rd[i][c].v != f.v {
					same = false
				}
				if s := strconv.FormatInt(rd[i][c].v, 10); !slices.Contains(vals, s) {
					vals = append(vals, s)
				}
			}
			if same {
				out[i][c] = f
				continue
			}
			doubts = append(doubts, identityDoubt{row: i, col: c, line: f.cell.Line, cells: vals})
		}
	}
	return out, doubts
}

// fourFromIdentity fills row 四 of rd with the figures 一 + 二 − （七）总计
// gives, each taken from zs, the figures printed as 四; false when one is
// not among them.
func fourFromIdentity(rd *identityReading, zs []boxFigure) bool {
	left := slices.Clone(zs)
	for c := range rd[4] {
		want := rd[0][c].v + rd[1][c].v - rd[3][c].v
		k := slices.IndexFunc(left, func(z boxFigure) bool { return z.v == want })
		if k < 0 {
			return false
		}
		rd[4][c] = left[k]
		left = slices.Delete(left, k, k+1)
	}
	return len(left) == 0
}

// holds reports whether the reading's rows add up to their totals (I2)
// and each column's （六）3 is at most its （七）总计.
func (rd *identityReading) holds() bool {
	for _, row := range rd {
		var sum int64
		for _, f := range row[:applicantColumns] {
			sum += f.v
		}
		if sum != row[applicantColumns].v {
			return false
		}
	}
	for c := range rd[2] {
		if rd[2][c].v > rd[3][c].v {
			return false
		}
	}
	return true
}
