package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// Tables of the 2021 form, made up for these tests, printed through the
// damages text exports do to them: cells run together on one line (a web
// page's text), and space-aligned columns with a scattered header, spaced
// labels and page numbers (pdftotext -layout). Every figure must come out
// under its own row and column, or its row must be unplaced with a reason:
// never a wrong figure.

// damagedRow is a row of table 3 as the form prints it.
type damagedRow struct {
	label     string // with its enumerator: （一）予以公开, 1.属于国家秘密
	indicator string // "" for a heading
	figures   []int  // the six applicant columns and the total
}

var applicantKeys = []string{"natural_person", "commercial_enterprise", "research_institution",
	"public_interest_org", "legal_service_org", "other_org", "total"}

// damagedTable3 is table 3 of a template's catalogue with figures that satisfy the
// form's identities (I1, I2, I3). seed varies the figures.
func damagedTable3(t *testing.T, seed int, template string) []damagedRow {
	t.Helper()
	cat := catalog.MustLoad()
	var rows []damagedRow
	leafSum := make([]int, 7)
	n := seed
	next := func() int { n = (n*7919 + 13) % 1000; return n }
	for _, e := range cat.Forms[template] {
		if e.Table != 3 || e.Kind != catalog.FormRow && e.Kind != catalog.FormGroup {
			continue
		}
		r := damagedRow{label: enumerated(e.ID) + e.Label, indicator: e.Indicator}
		if e.Kind == catalog.FormGroup {
			r.indicator = ""
			rows = append(rows, r)
			continue
		}
		r.figures = make([]int, 7)
		if strings.HasPrefix(e.ID, "3.3.") && e.ID != "3.3.7" {
			r.figures[0] = next() % 40
			if next()%3 == 0 {
				r.figures[1] = next() % 7
			}
			if next()%5 == 0 {
				r.figures[5] = next() % 3
			}
			for i := 0; i < 6; i++ {
				r.figures[6] += r.figures[i]
				leafSum[i] += r.figures[i]
			}
			leafSum[6] += r.figures[6]
		}
		rows = append(rows, r)
	}
	byInd := map[string]*damagedRow{}
	for i := range rows {
		byInd[rows[i].indicator] = &rows[i]
	}
	copy(byInd["requests.answered"].figures, leafSum)
	carried := byInd["requests.carried_over"].figures
	forward := byInd["requests.carried_forward"].figures
	carried[0], forward[0] = min(leafSum[0], 2), 3
	carried[6], forward[6] = carried[0], forward[0]
	for i := range 7 {
		byInd["requests.received"].figures[i] = leafSum[i] + forward[i] - carried[i]
	}
	return rows
}

// enumerated is the enumerator the form prints before a row of table 3.
func enumerated(id string) string {
	parts := strings.Split(id, ".")
	last, _ := strconv.Atoi(parts[len(parts)-1])
	numerals := []string{"", "一", "二", "三", "四", "五", "六", "七", "八"}
	switch len(parts) {
	case 2:
		return numerals[last] + "、"
	case 3:
		return "（" + numerals[last] + "）"
	}
	return strconv.Itoa(last) + "."
}

func joinFigures(fs []int, sep string) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = strconv.Itoa(f)
	}
	return strings.Join(s, sep)
}

// runTogether prints the report as the text of a web page whose table
// cells have no separators: the whole body on one line.
func runTogether(template string, rows []damagedRow, table4 []int) string {
	var b strings.Builder
	b.WriteString("标题: 某县2023年政府信息公开工作年度报告\n正文\n")
	b.WriteString("一、总体情况 2023年，本县持续推进政务公开。")
	if template == gongkai.Template2019 {
		b.WriteString("二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件1012")
		b.WriteString("第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可000")
	} else {
		b.WriteString("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1012")
		b.WriteString("第二十条第（五）项信息内容本年处理决定数量行政许可45第二十条第（六）项信息内容本年处理决定数量行政处罚11行政强制6")
		b.WriteString("第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费1.5")
	}
	b.WriteString("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
	b.WriteString("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益 组织 法律服务 机构 其他")
	for _, r := range rows {
		b.WriteString(r.label)
		b.WriteString(joinFigures(r.figures, ""))
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉")
	b.WriteString(strings.Repeat("结果维持结果纠正其他结果尚未审结总计", 2))
	b.WriteString(joinFigures(table4, ""))
	b.WriteString("五、存在的主要问题及改进情况 政策解读形式不够丰富。六、其他需要报告的事项 无。\n")
	return b.String()
}

// pdfLayout prints table 3 as pdftotext -layout prints a PDF's table: the
// header's pieces scattered over lines, spaces inside labels, figures in
// space-aligned columns, and page numbers between rows.
func pdfLayout(rows []damagedRow) string {
	var b strings.Builder
	b.WriteString("三、收到和处理政府信息公开申请情况\n")
	b.WriteString("                                              申请人情况\n")
	b.WriteString("                                         法人或其他组织\n")
	b.WriteString("                             自然人         社会 法律                总计\n")
	b.WriteString("                                   商业 科研\n")
	b.WriteString("                                         公益 服务 其他\n")
	b.WriteString("                                   企业 机构\n")
	b.WriteString("                                         组织 机构\n\n")
	for i, r := range rows {
		label := r.label
		if i%4 == 1 { // a space inside the label, as PDF text has them
			rs := []rune(label)
			label = string(rs[:len(rs)/2]) + " " + string(rs[len(rs)/2:])
		}
		if r.figures == nil {
			fmt.Fprintf(&b, "    %s\n", label)
			continue
		}
		fmt.Fprintf(&b, "    %-40s %s\n", label, joinFigures(r.figures, "    "))
		if i == 12 {
			b.WriteString("\n                                  -3-\n\f")
		}
	}
	b.WriteString("\n四、政府信息公开行政复议、行政诉讼情况\n")
	return b.String()
}

// checkTable3 asserts that every figure of rows parsed is right, and
// returns how many were found and the rows left unplaced.
func checkTable3(t *testing.T, r *gongkai.Report, rows []damagedRow, flag string) int {
	t.Helper()
	got := map[string]gongkai.Observation{}
	for _, o := range r.Observations {
		got[o.Indicator+"|"+o.Breakdown] = o
	}
	found := 0
	for _, row := range rows {
		if row.indicator == "" {
			continue
		}
		for i, f := range row.figures {
			o, ok := got[row.indicator+"|"+applicantKeys[i]]
			if !ok {
				continue
			}
			if o.Value == nil || *o.Value != float64(f) {
				t.Errorf("%s [%s] = %s, want %d", row.label, applicantKeys[i], show(o.Value), f)
				continue
			}
			if flag != "" && !hasFlag(o, flag) {
				t.Errorf("%s [%s]: flags %v, want %s", row.label, applicantKeys[i], o.Flags, flag)
			}
			found++
		}
	}
	return found
}

// damagedTemplates are the templates whose tables the tests print through
// each damage.
var damagedTemplates = []string{gongkai.Template2019, gongkai.Template2021}

func TestRunTogetherTables(t *testing.T) {
	for _, template := range damagedTemplates {
		for seed := 1; seed <= 10; seed++ {
			t.Run(fmt.Sprintf("%s seed %d", template, seed), func(t *testing.T) {
				testRunTogether(t, template, seed)
			})
		}
	}
}

func testRunTogether(t *testing.T, template string, seed int) {
	rows := damagedTable3(t, seed, template)
	table4 := []int{1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0}
	r, err := Parse("run-together.txt", []byte(runTogether(template, rows, table4)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Template != template {
		t.Errorf("template %s, want %s", r.Template, template)
	}
	found := checkTable3(t, r, rows, gongkai.FlagSplitByArithmetic)
	unplaced := 0
	for _, u := range r.Unplaced {
		if strings.Contains(u.Reason, "splits") {
			unplaced++
		}
	}
	// Each row is either read whole or left unplaced, with the
	// reason that several splits fit.
	if found+7*(unplaced-1) != 7*printedRows(rows) {
		t.Errorf("%d figures of table 3 found and %d rows unplaced (one is of table 2), for %d rows", found, unplaced, printedRows(rows))
		for _, u := range r.Unplaced {
			t.Logf("unplaced %q %v: %s", u.Label, u.Cells, u.Reason)
		}
	}
	cells := []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "0"},
		{indicator: "reconsiderations.total", breakdown: "total", value: "3", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "lawsuits.direct.upheld", breakdown: "total", value: "12"},
	}
	if template == gongkai.Template2021 {
		cells = append(cells, cellCase{indicator: "licensing.decisions", breakdown: "total", value: "45"},
			cellCase{indicator: "fees.amount", breakdown: "total", value: "1.5"})
	} else {
		cells = append(cells, cellCase{indicator: "licensing.items_change", breakdown: "total", value: "0"})
	}
	checkCells(t, r, cells)
	// 1012 under three columns is 1|0|12 or 10|1|2: never guessed.
	if hasObs(r, "normative_documents.issued", "total") {
		t.Error("规范性文件 1012 was split by guess")
	}
}

func TestRunTogetherSettledByColumnSums(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	// 予以公开 27|0|0|2|0|1|30 prints 270020130, which 2|7|0|0|20|1|30
	// prints too; only the column sums of the table tell them apart.
	var disclosed *damagedRow
	for i := range rows {
		if rows[i].indicator == "requests.disclosed" {
			disclosed = &rows[i]
		}
	}
	delta := []int{27, 0, 0, 2, 0, 1, 30}
	for _, row := range rows {
		if row.indicator == "requests.received" || row.indicator == "requests.answered" {
			for i := range 7 {
				row.figures[i] += delta[i] - disclosed.figures[i]
			}
		}
	}
	copy(disclosed.figures, delta)
	r, err := Parse("run-together.txt", []byte(runTogether(gongkai.Template2021, rows, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, gongkai.FlagSplitByArithmetic)
	checkCells(t, r, []cellCase{
		{indicator: "requests.disclosed", breakdown: "natural_person", value: "27", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "requests.disclosed", breakdown: "public_interest_org", value: "2"},
	})

	// Without the row of 予以公开's neighbour the sums cannot be checked:
	// the row stays unplaced, with the reason.
	var cut []damagedRow
	for _, row := range rows {
		if row.indicator != "requests.partially_disclosed" {
			cut = append(cut, row)
		}
	}
	r, err = Parse("run-together.txt", []byte(runTogether(gongkai.Template2021, cut, make([]int, 15))))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.disclosed", "natural_person") {
		t.Error("予以公开 placed although the column sums cannot be checked")
	}
	if !unplacedBecause(r, "予以公开", "cannot decide") {
		t.Errorf("予以公开 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// printedRows is the number of rows of table 3 that print figures.
func printedRows(rows []damagedRow) int {
	n := 0
	for _, r := range rows {
		if r.figures != nil {
			n++
		}
	}
	return n
}

func unplacedBecause(r *gongkai.Report, label, reason string) bool {
	for _, u := range r.Unplaced {
		if strings.Contains(u.Label, label) && strings.Contains(u.Reason, reason) {
			return true
		}
	}
	return false
}

func TestPDFLayoutPlacedByFormOrder(t *testing.T) {
	for _, template := range damagedTemplates {
		t.Run(template, func(t *testing.T) {
			rows := damagedTable3(t, 5, template)
			r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)))
			if err != nil {
				t.Fatal(err)
			}
			noUnplaced(t, r)
			if found, want := checkTable3(t, r, rows, gongkai.FlagPlacedByFormOrder), 7*printedRows(rows); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
			if r.Template != template {
				t.Errorf("template %s, want %s", r.Template, template)
			}
		})
	}
}

func TestFormOrderRefuses(t *testing.T) {
	rows := damagedTable3(t, 7, gongkai.Template2021)
	var disclosed, refused *damagedRow
	for i := range rows {
		switch rows[i].indicator {
		case "requests.disclosed":
			disclosed = &rows[i]
		case "requests.refused.state_secret":
			refused = &rows[i]
		}
	}
	disclosed.figures = disclosed.figures[:6] // a figure short of the form's seven
	refused.figures[6]++                      // a total that is not the sum of its row
	r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.disclosed", "natural_person") || hasObs(r, "requests.refused.state_secret", "natural_person") {
		t.Error("a row placed by the form's order although it does not fit it")
	}
	if !unplacedBecause(r, "予以公开", "not the form's 7") {
		t.Errorf("予以公开 not unplaced for its count: %+v", r.Unplaced)
	}
	if !unplacedBecause(r, "属于国家秘密", "do not add up") {
		t.Errorf("属于国家秘密 not unplaced for its sum: %+v", r.Unplaced)
	}
}

// shreddedTable4 prints table 4 as pdftotext prints a PDF's: the header's
// words scattered over lines and cut in pieces, the fifteen figures on one
// line.
func shreddedTable4(figures []int) string {
	return shreddedTable4Line(joinFigures(figures, "    "))
}

// shreddedTable4Line is shreddedTable4 with the figures' line as given.
func shreddedTable4Line(figures string) string {
	return "四、政府信息公开行政复议、行政诉讼情况\n" +
		"          行政复议                              行政诉讼\n" +
		"                              未经复议直接起诉                  复议后起诉\n" +
		"结果   结果     其他   尚未\n" +
		"                    总 计 结果 结果 其他       尚未     结果 结果 其他 尚未\n" +
		"维持   纠正     结果   审结                                               总计\n" +
		"                        维持 纠正 结果       审结     维持 纠正 结果 审结\n\n" +
		figures + "\n\n五、存在的主要问题及改进情况\n"
}

func TestTable4PlacedByFormOrder(t *testing.T) {
	rows := damagedTable3(t, 2, gongkai.Template2021)
	figures := []int{40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22}
	r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)+shreddedTable4(figures)))
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"upheld", "corrected", "other", "pending", "total"}
	blocks := []string{"reconsiderations", "lawsuits.direct", "lawsuits.after_reconsideration"}
	var cases []cellCase
	for i, f := range figures {
		cases = append(cases, cellCase{indicator: blocks[i/5] + "." + order[i%5], breakdown: "total",
			value: strconv.Itoa(f), flags: []string{gongkai.FlagPlacedByFormOrder}})
	}
	checkCells(t, r, cases)

	// A total printed as 0 where its parts add to more: that block's order
	// is not certain and it is unplaced; the header names the three blocks
	// in the form's order, so the blocks that add up are placed.
	figures[4] = 0
	r, err = Parse("pdftotext.txt", []byte(pdfLayout(rows)+shreddedTable4(figures)))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "reconsiderations.upheld", "total") || hasObs(r, "reconsiderations.total", "total") {
		t.Error("a block of table 4 placed by the form's order although it does not add up")
	}
	if !unplacedBecause(r, "行政复议", "not the sum of its results (55 ≠ 0)") {
		t.Errorf("the block not unplaced with the reason: %+v", r.Unplaced)
	}
	checkCells(t, r, cases[5:])

	// With a block not named in the header, the blocks' places are not
	// certain either: nothing is placed.
	text := strings.Replace(shreddedTable4(figures), "复议后起诉", "", 1)
	r, err = Parse("pdftotext.txt", []byte(pdfLayout(rows)+text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "lawsuits.direct.total", "total") || hasObs(r, "lawsuits.after_reconsideration.total", "total") {
		t.Error("table 4 placed block by block although its header does not name every block")
	}
	if !unplacedBecause(r, "行政复议", "a block's 总计 is not the sum of its results") {
		t.Errorf("table 4 not unplaced with the reason: %+v", r.Unplaced)
	}
}
