package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR parts a row's number from its dot (`1 .本机关不掌握相关政府`, `5 .属于
// 三类内部事务信息`): the digit numbers the row, and is no figure of the row
// before (which would then print eight).
func TestOCRRowNumberSpacedDot(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	text := ocrCleanTable3(rows, nil)
	for _, n := range "12345678" {
		text = strings.ReplaceAll(text, "\n"+string(n)+".", "\n"+string(n)+" .")
	}
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	noUnplaced(t, r)
}

// A digit after a row's figures, before words that open no row of the form
// numbered so, is a figure: the row then prints eight and is unplaced,
// never read with the digit dropped as a row's number.
func TestOCRRowNumberSpacedDotRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == at {
			return append(figures, "9 .属于国家秘密")
		}
		return figures
	})))
	if err != nil {
		t.Fatal(err)
	}
	secretsRowUnplaced(t, r, rows[at])
}

// secretsRowUnplaced checks that no figure of row (1.属于国家秘密) is placed
// and that the row is unplaced.
func secretsRowUnplaced(t *testing.T, r *gongkai.Report, row damagedRow) {
	t.Helper()
	for _, o := range r.Observations {
		if o.Indicator == row.indicator {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
	if !unplacedBecause(r, "属于国家秘密", "") {
		t.Errorf("row not unplaced: %+v", r.Unplaced)
	}
}

// OCR reads a speck before a row's first figure as a quotation mark glued
// to it (`一、本年新收政府信息公开申请数量 “208 155 …`, `仍不明确 ”8 0 0 0 0 0
// 8`, where the cell reader cuts the digits off as a run glued to a label,
// which might hold several figures): the digits are the
// row's first figure where 总计 less the five other columns gives them
// (flag split_by_arithmetic); where it does not (the quote hid a digit:
// “08 for 108) the row is unplaced, the other rows read.
func TestOCRQuoteBeforeFirstFigure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"glued to the label", []int{208, 15, 0, 0, 0, 0, 223}, "“208 15 0 0 0 0 223", true},
		{"apart from the label", []int{208, 15, 0, 0, 0, 0, 223}, "        “208  15  0  0  0  0  223", true},
		{"a 1 under the quote", []int{108, 15, 0, 0, 0, 0, 123}, "“08 15 0 0 0 0 123", false},
		{"a figure lost after it", []int{208, 15, 0, 0, 0, 0, 223}, "“208 15 0 0 0 223", false},
		{"a closing quote", []int{208, 15, 0, 0, 0, 0, 223}, "”208 15 0 0 0 0 223", true},
		{"a closing quote over a 1", []int{108, 15, 0, 0, 0, 0, 123}, "”08 15 0 0 0 0 123", false},
		{"a closing quote on the figures' line", []int{208, 15, 0, 0, 0, 0, 223}, "\n”208 15 0 0 0 0 223", true},
		{"a mark after the figures", []int{208, 15, 0, 0, 0, 0, 223}, "\n”208 15 0 0 0 0 223 .", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			printed := rows[at].label + " " + tc.printed
			if rest, wrapped := strings.CutPrefix(tc.printed, "\n"); wrapped {
				// The label wrapped: its last two characters on the figures' line.
				l := []rune(rows[at].label)
				printed = string(l[:len(l)-2]) + "\n" + string(l[len(l)-2:]) + " " + rest
			}
			text := strings.Replace(ocrCleanTable3(rows, nil), rows[at].label+"        "+strings.Join(intStrings(tc.figures), "  "), printed, 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if tc.read {
				checkTable3(t, r, rows[at:at+1], "")
				for _, o := range byIndicatorOf(r, rows[at].indicator) {
					if o.Breakdown == "natural_person" && !hasFlag(o, gongkai.FlagSplitByArithmetic) {
						t.Errorf("%s [%s]: flags %v, want split_by_arithmetic", o.Indicator, o.Breakdown, o.Flags)
					}
				}
			} else {
				want -= 7
				secretsRowUnplaced(t, r, rows[at])
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

// OCR reads a rule's stub at the page's margin as a dash opening a row's
// line of figures (`了处理 4 无正当理由大量反复申` / `-  347 0 0 0 0 0 347`):
// the dash is no cell where the seven figures after it add up; where they
// do not, or the dash stands after the label on its line (a cell marked
// as nothing to report, perhaps, and a figure too many), the row is
// unplaced.
func TestOCRDashBeforeFigures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string // the label's line, then the figures'
		read    bool
	}{
		{"opening the line", []int{347, 0, 0, 0, 0, 0, 347}, "\n-       347 0 0 0 0 0 347", true},
		{"not adding up", []int{347, 0, 0, 0, 0, 0, 347}, "\n-       347 0 0 0 0 0 34", false},
		{"after the label", []int{347, 0, 0, 0, 0, 0, 347}, "  -  347 0 0 0 0 0 347", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			text := strings.Replace(ocrCleanTable3(rows, nil), rows[at].label+"        "+strings.Join(intStrings(tc.figures), "  "),
				rows[at].label+tc.printed, 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if !tc.read {
				want -= 7
				secretsRowUnplaced(t, r, rows[at])
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

// In OCR text the long labels of （六）其他处理 wrap around their figures,
// their numbers are misread and the end of one is glued to the start of
// the next (as tesseract read pdf-form2021's cleaned page): no row of the
// form by its wording. The form's row order places them (flag
// placed_by_form_order) when the rows read around them leave exactly as
// many unread, each adds up, and each label says which it is (a run of
// its wording no other row of the gap shares as long, or its own numbered
// label at its end); a gap of another count, or labels that say nothing,
// leave them unplaced.
func TestOCRMisreadLabelsByRowOrder(t *testing.T) {
	garbled := map[string]string{
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":     "其“工申请人无正当理由逾期他处理 ”不补正、行政机关不再外",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "理其政府信息公开申请2.申请人逾期未按收费通知要求缴纳费用、行政机",
		"3.其他": "关不再处理其政府信息公开申请3.其他",
	}
	const second = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
	garble := func(l string) (string, bool) { return garbled[l], true }
	for _, tc := range []struct {
		name  string
		edit  func(label string) (string, bool) // the label printed, and whether the row is printed
		total func(figures []int)               // changes （七）总计 as printed
		lost  int                               // rows of （六） not placed
	}{
		{"garbled", garble, nil, 0},
		// 2. is read by its number after 1. (whose gap it closes); no row
		// of the form closes the gap of 3.其他 when （七）总计 does not add
		// up and is unplaced, but its glued label's tail names it, and its
		// figures add up (ocrgluedlabel.go).
		{"总计 misread", garble, func(f []int) { f[0] += 10 }, 0},
		// （七）总计 adds up but is not the sum of the outcome rows: the
		// order is not confirmed, and only 2. and 3.其他 (by its tail) stand.
		{"总计 not the outcomes' sum", garble, func(f []int) { f[0]++; f[6]++ }, 1},
		// Two rows of figures for the three rows of （六）: none is certain
		// by the order; 3.其他 is named by its tail.
		{"a row lost", func(l string) (string, bool) { return garbled[l], l != second }, nil, 2},
		{"labels that say nothing", func(l string) (string, bool) { return "口囗口囗", true }, nil, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			var printed []damagedRow
			var other []int
			total := -1
			for i, row := range rows {
				if _, ok := garbled[row.label]; ok {
					other = append(other, i)
					label, keep := tc.edit(row.label)
					if !keep {
						continue
					}
					row.label = label
				}
				if row.indicator == "requests.answered" && tc.total != nil {
					row.figures = slices.Clone(row.figures)
					tc.total(row.figures)
					total = i
				}
				printed = append(printed, row)
			}
			if len(other) != 3 {
				t.Fatalf("%d rows of （六）其他处理, want 3", len(other))
			}
			// A speck read as a quote before a figure: the text shows OCR's signs.
			text := strings.Replace(ocrCleanTable3(printed, nil), "申请数量        ", "申请数量 “", 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if total >= 0 {
				// （七）总计 is unplaced as misread, or placed as printed.
				rows = slices.Delete(slices.Clone(rows), total, total+1)
				for k := range other {
					if other[k] > total {
						other[k]--
					}
				}
			}
			if found, want := checkTable3(t, r, rows, ""), 7*(printedRows(rows)-tc.lost); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
			if tc.lost > 0 {
				return
			}
			for _, i := range other {
				if o := obs(t, r, rows[i].indicator, "total"); !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s: flags %v, want placed_by_form_order", rows[i].label, o.Flags)
				}
			}
		})
	}
}

// Under a header that shows table 3's seven columns, （七）总计 misread
// (its figures do not add up) is placed as printed while the table is read
// and unplaced after: the column sums it would check cannot be checked,
// and the rows of （六） are placed by the count and their labels; where
// it adds up but is not the outcome rows' sum, they are not by the count:
// only 3.其他, whose glued label's tail names it and whose figures add up
// (ocrgluedlabel.go), is read.
func TestOCRMisreadTotalLeavesOrder(t *testing.T) {
	garbled := map[string]string{
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "其“工申请人无正当理由逾期他处理 ”不补正、行政机关不再外",
		"3.其他": "关不再处理其政府信息公开申请3.其他",
	}
	for _, tc := range []struct {
		name   string
		total  func(figures []int)
		placed bool
	}{
		{"misread", func(f []int) { f[0] += 10 }, true},
		{"not the outcomes' sum", func(f []int) { f[0]++; f[6]++ }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			var checked []damagedRow
			text := ocrPipeTable3(rows, func(i int, cells []string) []string {
				if g, ok := garbled[rows[i].label]; ok {
					cells[0] = g
				}
				if rows[i].indicator == "requests.answered" {
					figures := slices.Clone(rows[i].figures)
					tc.total(figures)
					cells = append(cells[:1], intStrings(figures)...)
				}
				if i == 1 {
					cells[1] = "“" + cells[1] // a sign of OCR
				}
				return cells
			})
			for _, row := range rows {
				if row.indicator != "requests.answered" && row.indicator != "requests.received" {
					checked = append(checked, row)
				}
			}
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(checked)
			if !tc.placed {
				want -= 7 // （六）1., its label garbled
			}
			if found := checkTable3(t, r, checked, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
		})
	}
}

// OCR loses the figures of （六）2. (read as `工 0 0 0 工`), and the end of
// its wrapped label is glued to the next row's (行政机关不再处理其政府信息公开
// 申请3.其他): the tail from the last row number on names the row, when it
// is that row's number and wording in full, or a garbled wording sharing
// a run of six characters with that row's alone of the rows so numbered
// (2.申请人这期未按收费通知要求缴纳费用、 after the end of 1.'s label; one
// character misread inside the run not counted), and the row's seven
// figures add up. Otherwise the row stays unplaced, and
// the other rows are read.
func TestOCRGluedLabelTail(t *testing.T) {
	const (
		other = "requests.other_handling.other"
		noFee = "requests.other_handling.no_fee"
		late  = "requests.other_handling.no_correction"
	)
	for _, tc := range []struct {
		name     string
		at, lost string // the row whose label is glued, the row before it whose figures OCR lost
		label    string
		damage   func(figures []string) []string
		placed   bool
	}{
		{"the tail names the row", other, noFee, "行政机关不再处理其政府信息公开申请3.其他", nil, true},
		{"numbered otherwise", other, noFee, "行政机关不再处理其政府信息公开申请2.其他", nil, false},
		{"a piece of the wording", other, noFee, "行政机关不再处理其政府信息公开申请3.其", nil, false},
		{"not adding up", other, noFee, "行政机关不再处理其政府信息公开申请3.其他", func(f []string) []string {
			f[6] += "1"
			return f
		}, false},
		{"a figure lost", other, noFee, "行政机关不再处理其政府信息公开申请3.其他", func(f []string) []string { return f[1:] }, false},
		{"a garbled tail", noFee, late, "不再处理其政府信息公开申请2.申请人这期未按收费通知要求缴纳费用、", nil, true},
		// 申请人这期未按收费 shares 申请人?期未按收费 (eight, 这 misread) with
		// the row: enough; 申请人这期未 shares five.
		{"a garbled tail sharing enough, one character misread", noFee, late, "不再处理其政府信息公开申请2.申请人这期未按收费", nil, true},
		{"a garbled tail sharing too little", noFee, late, "不再处理其政府信息公开申请2.申请人这期未", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == tc.at })
			lost := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == tc.lost })
			text := ocrCleanTable3(rows, func(i int, figures []string) []string {
				switch {
				case i == 1:
					figures[0] = "“" + figures[0] // a sign of OCR
				case i == lost:
					figures = []string{"工", "0", "0", "工"}
				case i == at && tc.damage != nil:
					figures = tc.damage(figures)
				case rows[i].indicator == "requests.answered":
					// （七）总计 misread: the row order is not confirmed,
					// and places no row of （六）.
					figures[0] = "1" + figures[0]
				}
				return figures
			})
			text = strings.Replace(text, "\n"+rows[at].label+" ", "\n"+tc.label+" ", 1)
			// The label of the row whose figures OCR lost is garbled too:
			// no number of it says where the glued row stands.
			text = strings.Replace(text, "\n"+rows[lost].label+" ", "\n其“工"+string([]rune(rows[lost].label)[3:9])+"他处理 ", 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var checked []damagedRow
			for i, row := range rows {
				if i != lost && row.indicator != "requests.answered" {
					checked = append(checked, row)
				}
			}
			want := 7 * printedRows(checked)
			if !tc.placed {
				want -= 7
				if len(byIndicatorOf(r, rows[at].indicator)) > 0 {
					t.Errorf("row %s placed: %+v", rows[at].label, byIndicatorOf(r, rows[at].indicator))
				}
			}
			if found := checkTable3(t, r, checked, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
		})
	}
}

// pingtan-2025's page read by OCR (testdata/real): the rows of （六） print
// their figures on a line of their own between the pieces of their
// labels, each glued to the end of the row before's, and garbled
// (1.申请人无正当理由流期不补处理正、行政机关, 2.申请人这期未按收费通知要求缴纳费用、):
// each tail shares a long run with its own row's wording alone.
func TestOCRGluedLabelTailReal(t *testing.T) {
	r := parseFile(t, "../testdata/real/pingtan-2025.ocr-clean-psm6.txt")
	for ind, want := range map[string][]int{
		"requests.other_handling.no_correction": {8, 0, 0, 0, 0, 0, 8},
		"requests.other_handling.no_fee":        {2, 0, 0, 0, 0, 0, 2},
	} {
		checkTable3(t, r, []damagedRow{{label: ind, indicator: ind, figures: want}}, "")
		if n := len(byIndicatorOf(r, ind)); n != 7 {
			t.Errorf("%s: %d figures placed, want 7; unplaced %+v", ind, n, r.Unplaced)
		}
	}
}

// OCR garbles the label of 二、上年结转政府信息公开申请数量 (as tesseract read
// pingtan-2021's page). I1 (一 + 二 = （七）总计 + 四, in every column) gives
// each of its figures from the three other rows: a candidate printing
// those seven figures is that row (flag placed_by_form_order), where
//   - between 一 and （一）予以公开 the form leaves that row alone, its label
//     sharing no run of its wording (`一上告轩下府二已公开中请数`, the page
//     cleaned: the row order's gap, ocrroworder.go's balancedCandidate), or
//   - its label shares a run of six characters of its wording (`一 疆 村信息
//     公 ;去_ 一 上年结转政府 百/己 公开申请数`, at --psm 3) where the gap
//     cannot be filled: （一）予以公开 lost a figure and is unread, two rows
//     of the form for one candidate (fillBalancedRows).
//
// A candidate whose figures add up but differ from I1's in a column stays
// unplaced.
func TestOCRBalanceConfirmsGarbledRow(t *testing.T) {
	const cleaned, psm3 = "一上告轩下府二已公开中请数", "一 疆 村信息公 ;去_ 一 上年结转政府 百/己 公开申请数"
	offByOne := func(f []int) { f[1]++; f[6]++ }
	for _, tc := range []struct {
		name        string
		label       string
		change      func(figures []int)
		grantedLost bool // （一）予以公开 prints six figures
		placed      bool
	}{
		{"in the gap, the figures I1 gives", cleaned, nil, false, true},
		{"in the gap, a column off by one", cleaned, offByOne, false, false},
		{"out of the gap, the figures I1 gives", psm3, nil, true, true},
		{"out of the gap, a column off by one", psm3, offByOne, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == "requests.carried_over" })
			printed := slices.Clone(rows)
			printed[at].label = tc.label
			want := 7 * printedRows(rows)
			granted := rowWith(t, rows, func(r damagedRow) bool { return strings.HasSuffix(r.label, "予以公开") })
			if tc.grantedLost {
				printed[granted].figures = printed[granted].figures[1:]
				want -= 7
			}
			if tc.change != nil {
				printed[at].figures = slices.Clone(printed[at].figures)
				tc.change(printed[at].figures)
			}
			// A speck read as a quote before a figure: the text shows OCR's signs.
			text := strings.Replace(ocrCleanTable3(printed, nil), "申请数量        ", "申请数量 “", 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			unplaced := unplacedBecause(r, tc.label, "")
			if tc.grantedLost {
				want += placedBySums(t, r, rows[granted].indicator)
			}
			if !tc.placed {
				bySums := placedBySums(t, r, rows[at].indicator)
				want -= 7 - bySums
				if bySums < 7 && !unplaced {
					t.Errorf("row not unplaced: %+v", r.Unplaced)
				}
			} else {
				if o := obs(t, r, rows[at].indicator, "total"); !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s: flags %v, want placed_by_form_order", rows[at].label, o.Flags)
				}
				if unplaced {
					t.Errorf("row placed and still unplaced: %+v", r.Unplaced)
				}
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
		})
	}
}

// OCR glues a garbled piece before a row's numbered label and misreads a
// character of it (`沐:计各，6.属于四关过程性`, 类 read as 关, in pingtan-2021's
// page at --psm 3): the tail from the row number names the row when it
// shares a run of six characters with the row's wording, one character
// misread inside the run not counted, and the row's seven figures add up
// (ocrgluedlabel.go). Two characters misread (`属于四关过秤性`) leave runs
// too short, and the row unplaced.
func TestOCRGluedTailOneCharacterMisread(t *testing.T) {
	for _, tc := range []struct {
		label  string
		placed bool
	}{
		{"沐计各，6.属于四关过程性", true},
		{"沐计各，6.属于四关过秤性", false},
	} {
		t.Run(tc.label, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "6.属于四类过程性信息") })
			printed := slices.Clone(rows)
			printed[at].label = tc.label
			// A speck read as a quote before a figure: the text shows OCR's signs.
			text := strings.Replace(ocrCleanTable3(printed, nil), "申请数量        ", "申请数量 “", 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if !tc.placed {
				want -= 7
				for _, o := range r.Observations {
					if o.Indicator == rows[at].indicator {
						t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
					}
				}
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
		})
	}
}
