package ingest

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// streamShape says how plainStream prints one row of table 3 against the
// row the form prints after it.
type streamShape int

const (
	// labelsFirst: the row's label, the next row's label, then both
	// rows' figures (two labels on one line of the page).
	labelsFirst streamShape = iota + 1
	// labelAfter: the row's label, its figures and the next row's, then
	// the next row's label (a label lower in its cell than its figures).
	labelAfter
	// sameLine: the row's label and figures on one line, as a layout
	// keeps them (`3.补正后申请内容仍不明确 0` keeps one).
	sameLine
	// pieceSplit: the first half of the row's label, its first figure,
	// the second half, its other six (a label wrapped in its cell, the
	// first figure level with the first line).
	pieceSplit
)

// plainStream prints table 3 as plain pdftotext prints a PDF's table in
// reading order: every cell on a line of its own between blank lines, the
// header's pieces one a line. shapes moves the figures of the rows named
// (by indicator) and of the row printed after them.
func plainStream(rows []damagedRow, shapes map[string]streamShape) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n\n") }
	line("三、收到和处理政府信息公开申请情况")
	for _, h := range []string{"申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"} {
		line(h)
	}
	figures := func(fs []int) {
		for _, f := range fs {
			line(strconv.Itoa(f))
		}
	}
	kept := rows
	for i := 0; i < len(kept); i++ {
		r := kept[i]
		if r.figures == nil {
			line(r.label)
			continue
		}
		next := i + 1
		for next < len(kept) && kept[next].figures == nil {
			next++
		}
		switch shapes[r.indicator] {
		case labelsFirst:
			line(r.label)
			line(kept[next].label)
			figures(r.figures)
			figures(kept[next].figures)
			i = next
		case labelAfter:
			line(r.label)
			figures(r.figures)
			figures(kept[next].figures)
			line(kept[next].label)
			i = next
		case pieceSplit:
			rs := []rune(r.label)
			line(string(rs[:len(rs)/2]))
			figures(r.figures[:1])
			line(string(rs[len(rs)/2:]))
			figures(r.figures[1:])
		case sameLine:
			line(r.label + " " + joinFigures(r.figures, " "))
		default:
			line(r.label)
			figures(r.figures)
		}
	}
	line("四、政府信息公开行政复议、行政诉讼情况")
	return b.String()
}

// readWholeStream parses table 3 printed by plainStream and checks that
// every figure is placed, right, and no row unplaced.
func readWholeStream(t *testing.T, rows []damagedRow, shapes map[string]streamShape) *gongkai.Report {
	t.Helper()
	r, err := Parse("pdftotext.txt", []byte(plainStream(rows, shapes)))
	if err != nil {
		t.Fatal(err)
	}
	noUnplaced(t, r)
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	return r
}

// Rows whose labels are printed apart from their figures in reading order
// (two labels, then both rows' figures; or a row's figures and the next
// row's before the next row's label) are placed by the form's order of
// rows: the rows that print no figures of their own are exactly as many as
// the sevens, each adding up.
func TestStreamRowsPlacedByFormOrder(t *testing.T) {
	for _, template := range damagedTemplates {
		t.Run(template, func(t *testing.T) {
			rows := damagedTable3(t, 11, template)
			shapes := map[string]streamShape{
				"requests.carried_over":               labelAfter,
				"requests.refused.third_party_rights": labelsFirst,
				"requests.unavailable.not_held":       labelAfter,
			}
			// A label beside its figures keeps the table from being read
			// in the form's order as a whole (readingorder.go).
			shapes["requests.not_processed.publications"] = sameLine
			r := readWholeStream(t, rows, shapes)
			for _, ind := range []string{"requests.disclosed", "requests.refused.third_party_rights", "requests.unavailable.needs_creation"} {
				if o := obs(t, r, ind, "total"); !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s: flags %v, want %s", ind, o.Flags, gongkai.FlagPlacedByFormOrder)
				}
			}
		})
	}
}

// The sevens are placed only when the rows around the row printing them
// that print no figures of their own are exactly as many: a row left out
// (its label and figures lost) or a next row printing figures of its own
// leaves another count, and the rows are unplaced with the reason.
func TestStreamRowsRefused(t *testing.T) {
	rows := damagedTable3(t, 11, gongkai.Template2021)
	t.Run("a row before lost its figures", func(t *testing.T) {
		// 3. prints its label and no figures, 4. and 5. print their
		// labels and then fourteen figures: 3.'s, 4.'s or 5.'s?
		text := plainStream(rows, map[string]streamShape{"requests.refused.third_party_rights": labelsFirst})
		label3 := "3.危及“三安全一稳定”"
		i := strings.Index(text, label3)
		if i < 0 {
			t.Fatalf("no %s in the text", label3)
		}
		end := strings.Index(text[i:], "4.保护第三方合法权益")
		text = text[:i] + label3 + "\n\n" + text[i+end:]
		r, err := Parse("pdftotext.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range []string{"requests.refused.security_stability", "requests.refused.third_party_rights", "requests.refused.internal_affairs"} {
			if hasObs(r, ind, "total") {
				t.Errorf("%s placed although three rows print no figures of their own and there are two sevens", ind)
			}
		}
		if !unplacedBecause(r, "属于三类内部事务信息", "print no figures of their own are 3, not 2") {
			t.Errorf("5. not unplaced with the reason: %+v", r.Unplaced)
		}
	})
	t.Run("the next row prints figures", func(t *testing.T) {
		// 二、上年结转 prints fourteen figures and （一）予以公开 seven of
		// its own after its label: the second seven are no row's the
		// order can tell (（一）予以公开's own are after its label).
		text := plainStream(rows, map[string]streamShape{"requests.carried_over": labelAfter})
		i := strings.Index(text, "（一）予以公开")
		var own []int
		for _, row := range rows {
			if row.indicator == "requests.disclosed" {
				own = row.figures
			}
		}
		var extra strings.Builder
		for _, f := range own {
			extra.WriteString(strconv.Itoa(f) + "\n\n")
		}
		text = text[:i] + "（一）予以公开\n\n" + extra.String() + text[i+len("（一）予以公开\n\n"):]
		r, err := Parse("pdftotext.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if hasObs(r, "requests.carried_over", "total") {
			t.Error("二、上年结转 placed although the next row read prints figures of its own")
		}
		if !unplacedBecause(r, "上年结转", "print no figures of their own are 1, not 2") {
			t.Errorf("二、上年结转 not unplaced with the reason: %+v", r.Unplaced)
		}
	})
}

// A row whose first figure is printed between the two pieces of its
// wrapped label is read whole: the pieces joined name the row, and its
// seven figures add up.
func TestPieceFigurePlaced(t *testing.T) {
	for _, template := range damagedTemplates {
		t.Run(template, func(t *testing.T) {
			rows := damagedTable3(t, 13, template)
			shapes := map[string]streamShape{
				"requests.received":                   pieceSplit,
				"requests.refused.prohibited_by_law":  pieceSplit,
				"requests.refused.security_stability": pieceSplit,
				"requests.not_processed.publications": sameLine,
			}
			readWholeStream(t, rows, shapes)
		})
	}
}

// The figure between the pieces is not taken when the row read before is
// short of a figure (it may be that row's), nor is the row placed when its
// seven do not add up.
func TestPieceFigureRefused(t *testing.T) {
	rows := damagedTable3(t, 13, gongkai.Template2021)
	shapes := map[string]streamShape{
		"requests.refused.security_stability": pieceSplit,
		"requests.not_processed.publications": sameLine,
	}
	t.Run("the row before is short", func(t *testing.T) {
		short := slices.Clone(rows)
		for i := range short {
			if short[i].indicator == "requests.refused.prohibited_by_law" {
				short[i].figures = short[i].figures[:6]
			}
		}
		r, err := Parse("pdftotext.txt", []byte(plainStream(short, shapes)))
		if err != nil {
			t.Fatal(err)
		}
		if hasObs(r, "requests.refused.security_stability", "total") {
			t.Error("3.危及“三安全一稳定” placed although the row before it printed six figures")
		}
		if !unplacedBecause(r, "3.危及", "") {
			t.Errorf("3.危及“三安全一稳定” not unplaced: %+v", r.Unplaced)
		}
	})
	t.Run("the seven do not add up", func(t *testing.T) {
		off := slices.Clone(rows)
		for i := range off {
			if off[i].indicator == "requests.refused.security_stability" {
				off[i].figures = slices.Clone(off[i].figures)
				off[i].figures[6]++
			}
		}
		r, err := Parse("pdftotext.txt", []byte(plainStream(off, shapes)))
		if err != nil {
			t.Fatal(err)
		}
		if hasObs(r, "requests.refused.security_stability", "total") {
			t.Error("3.危及“三安全一稳定” placed although its seven do not add up")
		}
		if !unplacedBecause(r, "危及", "printed between the pieces of its label") {
			t.Errorf("3.危及“三安全一稳定” not unplaced with the reason: %+v", r.Unplaced)
		}
	})
}
