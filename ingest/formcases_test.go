package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
)

// obs finds one observation of r, failing the test when it is missing.
func obs(t *testing.T, r *gongkai.Report, indicator, breakdown string) gongkai.Observation {
	t.Helper()
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Breakdown == breakdown {
			return o
		}
	}
	t.Fatalf("no observation %s [%s]", indicator, breakdown)
	return gongkai.Observation{}
}

func hasObs(r *gongkai.Report, indicator, breakdown string) bool {
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Breakdown == breakdown {
			return true
		}
	}
	return false
}

func hasFlag(o gongkai.Observation, f string) bool {
	for _, x := range o.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// cellCase is one figure a tricky report must yield.
type cellCase struct {
	indicator, breakdown string
	value                string // "null" for a cell with no number
	raw, column          string
	flags                []string // flags it must carry
	without              []string // flags it must not carry
}

func checkCells(t *testing.T, r *gongkai.Report, cases []cellCase) {
	t.Helper()
	for _, c := range cases {
		o := obs(t, r, c.indicator, c.breakdown)
		if got := show(o.Value); got != c.value {
			t.Errorf("%s [%s] = %s (raw %q), want %s", c.indicator, c.breakdown, got, o.Raw, c.value)
		}
		if c.raw != "" && o.Raw != c.raw {
			t.Errorf("%s [%s]: raw %q, want %q", c.indicator, c.breakdown, o.Raw, c.raw)
		}
		if c.column != "" && strOrNil(o.Column) != c.column {
			t.Errorf("%s [%s]: column %q, want %q", c.indicator, c.breakdown, strOrNil(o.Column), c.column)
		}
		for _, f := range c.flags {
			if !hasFlag(o, f) {
				t.Errorf("%s [%s]: flags %v, want %s", c.indicator, c.breakdown, o.Flags, f)
			}
		}
		for _, f := range c.without {
			if hasFlag(o, f) {
				t.Errorf("%s [%s]: flags %v, must not have %s", c.indicator, c.breakdown, o.Flags, f)
			}
		}
	}
}

func noUnplaced(t *testing.T, r *gongkai.Report) {
	t.Helper()
	for _, u := range r.Unplaced {
		t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
	}
}

func TestSignedValuesAndUnitsInCells(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/signed-and-units.md")
	noUnplaced(t, r)
	checkCells(t, r, []cellCase{
		{indicator: "licensing.items_change", breakdown: "total", value: "2", raw: "+2", column: "本年增/减", without: []string{gongkai.FlagOddFormat}},
		{indicator: "penalties.items_change", breakdown: "total", value: "-253", raw: "--253", flags: []string{gongkai.FlagOddFormat}},
		{indicator: "enforcement.items_change", breakdown: "total", value: "-4", raw: "减4"},
		{indicator: "fees.items_change", breakdown: "total", value: "-1", raw: "-1"},
		// 通州区 2019: a signed figure printed under 上一年项目数量 is kept where
		// it is printed, and flagged.
		{indicator: "other_services.items_last_year", breakdown: "total", value: "22", raw: "+22", flags: []string{gongkai.FlagOddFormat}},
		{indicator: "procurement.amount", breakdown: "total", value: "160.5964", raw: "160.5964万元", column: "采购总金额", without: []string{gongkai.FlagConverted}},
	})
	for _, tc := range []struct {
		file, value, raw string
		flags, without   []string
	}{
		{"amount-yuan.txt", "7.90001", "79000.1元", []string{gongkai.FlagConverted}, nil},
		{"amount-header-unit.txt", "8040", "8040", nil, []string{gongkai.FlagUnitMissing, gongkai.FlagConverted}},
		{"amount-no-unit.txt", "8040", "8040", []string{gongkai.FlagUnitMissing}, nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := parseFile(t, "../testdata/form2019/cases/"+tc.file)
			noUnplaced(t, r)
			checkCells(t, r, []cellCase{
				{indicator: "procurement.amount", breakdown: "total", value: tc.value, raw: tc.raw, flags: tc.flags, without: tc.without},
				{indicator: "procurement.projects", breakdown: "total", value: "12"},
			})
		})
	}
}

func TestProcurementInYuanIsConverted(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/pipes-report.md")
	checkCells(t, r, []cellCase{{indicator: "procurement.amount", breakdown: "total", value: "25.1", raw: "251000元",
		flags: []string{gongkai.FlagConverted}}})
	if u := obs(t, r, "procurement.amount", "total").Unit; u != "wan_yuan" {
		t.Errorf("unit %q, want wan_yuan", u)
	}
}

func TestTruncatedReportYieldsWhatIsThere(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/truncated-in-table3.txt")
	if r.Truncated == "" {
		t.Error("Truncated is empty")
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "total", value: "49"},
		{indicator: "procurement.amount", breakdown: "total", value: "25.1"},
	})
	// The row the file cuts off prints fewer cells than the table has
	// columns: nothing shows which are missing, so it is not placed.
	if hasObs(r, "requests.refused.third_party_rights", "natural_person") {
		t.Error("the row cut off part-way was placed")
	}
	cut := false
	for _, u := range r.Unplaced {
		cut = cut || strings.Contains(u.Reason, "nothing shows which cells are missing")
	}
	if !cut {
		t.Errorf("the row cut off part-way is not unplaced with its reason: %+v", r.Unplaced)
	}
	for _, code := range []string{"requests.refused.internal_affairs", "requests.answered", "requests.carried_forward", "reconsiderations.total"} {
		if hasObs(r, code, "total") {
			t.Errorf("%s read from a file cut off before it", code)
		}
	}
}

func TestTraditionalScriptMirror(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/traditional.md")
	noUnplaced(t, r)
	if r.Template != gongkai.Template2019 {
		t.Errorf("template %q", r.Template)
	}
	assertFigures(t, r, asPrinted(readExpected(t, "../testdata/form2019/expected.csv")))
	checkCells(t, r, []cellCase{{indicator: "normative_documents.published_total", breakdown: "total", value: "14", column: "對外公開總數量"}})
}

// asPrinted rewrites the expected labels and columns as the mirror prints them.
func asPrinted(want []wantFigure) []wantFigure {
	b, _ := os.ReadFile("../testdata/form2019/cases/traditional.md")
	cells := strings.Split(strings.ReplaceAll(string(b), "\n", "|"), "|")
	printed := map[string]bool{}
	for _, c := range cells {
		printed[strings.TrimSpace(c)] = true
	}
	for i := range want {
		for _, f := range []*string{&want[i].label, &want[i].column} {
			for _, part := range strings.Split(*f, "+") {
				if printed[part] {
					continue
				}
				// find the printed cell whose folded text is this one
				for _, c := range cells {
					if c = strings.TrimSpace(c); label.Fold(c) == label.Fold(part) {
						*f = strings.Replace(*f, part, c, 1)
						break
					}
				}
			}
		}
	}
	return want
}

func TestLocalRows(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/local-rows.md")
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "0", column: "本年新制作数量（件）"},
		{indicator: "normative_documents.published_total", breakdown: "total", value: "14", column: "对外公开总数量（件，含历年）"},
		{indicator: "other_documents.issued", breakdown: "total", value: "30", flags: []string{gongkai.FlagLocalRow}},
		{indicator: "other_documents.published_total", breakdown: "total", value: "410", flags: []string{gongkai.FlagLocalRow}},
		{indicator: "requests.refused.local", breakdown: "natural_person", value: "1", flags: []string{gongkai.FlagLocalRow}},
		{indicator: "requests.refused.local", breakdown: "total", value: "1", flags: []string{gongkai.FlagLocalRow}},
		{indicator: "licensing.decisions", breakdown: "total", value: "3500", without: []string{gongkai.FlagLocalRow}},
		{indicator: "requests.carried_forward", breakdown: "total", value: "5"},
	})
	if o := obs(t, r, "regulations.issued", "total"); o.Label != "规章(县级无此项)" {
		t.Errorf("label %q", o.Label)
	}
	if o := obs(t, r, "requests.refused.local", "total"); o.Label != "9.其他" {
		t.Errorf("local row label %q, want 9.其他", o.Label)
	}
	if hasObs(r, "requests.other_handling.other", "total") {
		t.Error("9.其他 under 不予公开 taken for （六）3.其他")
	}
	want := map[string]bool{"行政确认": false, "五、其他需要说明的申请": false}
	for _, u := range r.Unplaced {
		if _, ok := want[u.Label]; ok && u.Reason != "" && len(u.Cells) > 0 {
			want[u.Label] = true
		} else {
			t.Errorf("unexpected unplaced %q: %s", u.Label, u.Reason)
		}
	}
	for l, ok := range want {
		if !ok {
			t.Errorf("%s: not reported as unplaced", l)
		}
	}
}

func TestBlankIsNotZero(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/blank-cells.md")
	noUnplaced(t, r)
	checkCells(t, r, []cellCase{
		{indicator: "requests.disclosed", breakdown: "natural_person", value: "20"},
		{indicator: "requests.disclosed", breakdown: "public_interest_org", value: "null", raw: "", flags: []string{gongkai.FlagBlank}},
		{indicator: "requests.disclosed", breakdown: "total", value: "null", flags: []string{gongkai.FlagBlank}, column: "总计"},
		{indicator: "requests.received", breakdown: "total", value: "49"},
		{indicator: "requests.received", breakdown: "public_interest_org", value: "null", flags: []string{gongkai.FlagBlank}},
		{indicator: "requests.refused.state_secret", breakdown: "total", value: "null"},
		{indicator: "requests.answered", breakdown: "total", value: "47"},
	})
	want := readExpected(t, "../testdata/form2019/expected.csv")
	n := 0
	for _, w := range want {
		if strings.HasPrefix(w.indicator, "requests.") {
			n++
		}
	}
	if got := len(r.Observations); got != n {
		t.Errorf("%d observations, want %d: every cell of table 3, blank ones as null", got, n)
	}
}

func TestHeadersSplitOrTruncated(t *testing.T) {
	for _, f := range []string{"split-headers.md", "truncated-headers.txt"} {
		t.Run(f, func(t *testing.T) {
			r := parseFile(t, "../testdata/form2019/cases/"+f)
			noUnplaced(t, r)
			checkCells(t, r, []cellCase{
				{indicator: "regulations.issued", breakdown: "total", value: "1"},
				{indicator: "regulations.published", breakdown: "total", value: "1"},
				{indicator: "regulations.published_total", breakdown: "total", value: "9"},
				{indicator: "normative_documents.published_total", breakdown: "total", value: "14"},
				{indicator: "licensing.items_last_year", breakdown: "total", value: "120", column: "上一年项目数量"},
				{indicator: "licensing.items_change", breakdown: "total", value: "2"},
				{indicator: "licensing.decisions", breakdown: "total", value: "3500", column: "处理决定数量"},
			})
			if r.Template != gongkai.Template2019 {
				t.Errorf("template %q", r.Template)
			}
		})
	}
	r := parseFile(t, "../testdata/form2019/cases/split-headers.md")
	checkCells(t, r, []cellCase{{indicator: "regulations.issued", breakdown: "total", value: "1", column: "本年新制作数量"}})
}

func TestNoSeparators(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/cases/no-separators.txt")
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "5", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "regulations.published", breakdown: "total", value: "5"},
		{indicator: "regulations.published_total", breakdown: "total", value: "5"},
		{indicator: "licensing.items_last_year", breakdown: "total", value: "3"},
		{indicator: "licensing.items_change", breakdown: "total", value: "0"},
		{indicator: "licensing.decisions", breakdown: "total", value: "3"},
	})
	// 141414 under three columns could be 14|14|14 or 1|41|414: never guessed.
	if hasObs(r, "normative_documents.issued", "total") {
		t.Error("figures run together were split by guess")
	}
	if len(r.Unplaced) != 1 || r.Unplaced[0].Label != "规范性文件" {
		t.Errorf("unplaced = %+v, want the row 规范性文件", r.Unplaced)
	}
}

// The template comes from the header cells: a 2022 report that cites the
// 2019 notice, prints (一) with 2019 columns and (五)/(六) with one
// 处理决定数量 column, and table 3 with the three rows of （六）, is read
// cell by cell and recorded as 2021 (the template of its table 3).
func TestMixedTemplates2022(t *testing.T) {
	r := parseFile(t, "../testdata/form2021/cases/mixed-2022.txt")
	noUnplaced(t, r)
	if r.Template != gongkai.Template2021 || r.Year != 2022 {
		t.Errorf("template %q year %d, want form2021 2022", r.Template, r.Year)
	}
	checkCells(t, r, []cellCase{
		{indicator: "normative_documents.issued", breakdown: "total", value: "3", column: "本年新制作数量"},
		{indicator: "normative_documents.published_total", breakdown: "total", value: "25", column: "对外公开总数量"},
		{indicator: "licensing.decisions", breakdown: "total", value: "4210", column: "处理决定数量"},
		{indicator: "enforcement.decisions", breakdown: "total", value: "12"},
		{indicator: "fees.amount", breakdown: "total", value: "160.5964"},
		{indicator: "requests.other_handling.other", breakdown: "commercial_enterprise", value: "1"},
		{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "1"},
	})
	if hasObs(r, "normative_documents.in_force", "total") {
		t.Error("2019 column 对外公开总数量 read as 2021 现行有效件数")
	}
}

// A 2022 report that reuses the whole 2019 form is a 2019-format report.
func TestTemplateFromHeadersNotYear(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2019/tab-led-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(b), "2019", "2022")
	r, err := Parse("reused.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if r.Template != gongkai.Template2019 || r.Year != 2022 {
		t.Errorf("template %q year %d, want form2019 2022", r.Template, r.Year)
	}
	b, _ = os.ReadFile("../testdata/form2021/pipes-report.md")
	r, err = Parse("early.md", []byte(strings.ReplaceAll(string(b), "2021", "2020")))
	if err != nil {
		t.Fatal(err)
	}
	if r.Template != gongkai.Template2021 {
		t.Errorf("2021 tables dated 2020: template %q, want form2021", r.Template)
	}
}

// 四、结转下年度继续办理 is the last row of table 3; 四、政府信息公开行政复议、
// 行政诉讼情况 is the heading of section 四 of the report.
func TestTheTwoSectionFours(t *testing.T) {
	for _, f := range []string{"../testdata/form2019/tab-led-report.txt", "../testdata/form2021/spaces-report.txt", "../testdata/form2021/pipes-report.md"} {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := parseFile(t, f)
			var headings []string
			for _, s := range r.Sections {
				headings = append(headings, s.Heading)
			}
			want := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
				"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
			if strings.Join(headings, "/") != strings.Join(want, "/") {
				t.Errorf("sections %q, want %q", headings, want)
			}
			o := obs(t, r, "requests.carried_forward", "total")
			if o.Label != "四、结转下年度继续办理" {
				t.Errorf("carried forward label %q", o.Label)
			}
			if !hasObs(r, "reconsiderations.total", "total") {
				t.Error("table 4 lost after the second 四、")
			}
			for _, s := range r.Sections {
				if strings.Contains(s.Text, "结转下年度") || strings.Contains(s.Text, "结果维持") {
					t.Errorf("section %s holds table cells: %q", s.Heading, s.Text)
				}
			}
			if r.Publisher.NameZh != "薛城区人民政府" || r.Contact.Phone == "" || r.PublishedOn == "" {
				t.Errorf("metadata: %+v %+v %q", r.Publisher, r.Contact, r.PublishedOn)
			}
		})
	}
}

func TestSpaceAlignedBlankCells(t *testing.T) {
	r := parseFile(t, "../testdata/form2021/cases/spaces-blank-cells.txt")
	noUnplaced(t, r)
	want := readExpected(t, "../testdata/form2021/expected.csv")
	printed := 0
	for _, w := range want {
		if !strings.HasPrefix(w.indicator, "requests.") {
			continue
		}
		if w.value != nil && *w.value != 0 {
			printed++
			o := obs(t, r, w.indicator, w.breakdown)
			if show(o.Value) != show(w.value) || strOrNil(o.Column) != w.column {
				t.Errorf("%s [%s] = %s under %q, want %s under %q", w.indicator, w.breakdown, show(o.Value), strOrNil(o.Column), show(w.value), w.column)
			}
		}
	}
	if len(r.Observations) != printed {
		t.Errorf("%d observations, want the %d printed figures", len(r.Observations), printed)
	}
}

// Derived lawsuit totals exist only when both blocks print the figure.
func TestDerivedLawsuits(t *testing.T) {
	r := parseFile(t, "../testdata/form2019/tabs-tables-only.txt")
	o := obs(t, r, "lawsuits.total", "total")
	if show(o.Value) != "3" || o.Raw != "" || !hasFlag(o, gongkai.FlagDerived) {
		t.Errorf("lawsuits.total = %+v", o)
	}
	b, _ := os.ReadFile("../testdata/form2019/tabs-tables-only.txt")
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "2\t1\t0\t1\t4\t") { // the data row of table 4: blank the last figure
			lines[i] = strings.TrimSuffix(l, "1") + ""
		}
	}
	r, err := Parse("x.txt", []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "lawsuits.total", "total") {
		t.Error("lawsuits.total derived with a term missing")
	}
	if !hasObs(r, "lawsuits.upheld", "total") {
		t.Error("lawsuits.upheld not derived")
	}
}

// One publisher's 2017 (legacy), 2019 and 2021 reports give one series of
// requests.received across both changes of format.
func TestSeriesAcrossFormats(t *testing.T) {
	files, _ := filepath.Glob("../testdata/series/*")
	points := map[int]float64{}
	templates := map[int]string{}
	for _, f := range files {
		r := parseFile(t, f)
		if r.Publisher.ID != "370403" {
			t.Errorf("%s: publisher %+v", f, r.Publisher)
		}
		o := obs(t, r, "requests.received", "total")
		points[r.Year] = *o.Value
		templates[r.Year] = r.Template
	}
	want := map[int]float64{2017: 13, 2019: 49, 2021: 74}
	if len(points) != 3 {
		t.Fatalf("points %v, want 3", points)
	}
	for y, v := range want {
		if points[y] != v {
			t.Errorf("%d: requests.received = %v, want %v", y, points[y], v)
		}
	}
	if templates[2017] != gongkai.TemplateLegacy || templates[2019] != gongkai.Template2019 || templates[2021] != gongkai.Template2021 {
		t.Errorf("templates %v", templates)
	}
}

// Table 4 printed one row per block, with a blank cell: each block's
// figures go under its own results, the blank one is null.
func TestTable4OneRowPerBlock(t *testing.T) {
	text := strings.Join([]string{
		"四、政府信息公开行政复议、行政诉讼情况",
		"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
		"| 行政复议 | 1 | 0 | 0 | 0 | 1 |",
		"| 未经复议直接起诉 | 0 |  | 0 | 1 | 1 |",
		"| 复议后起诉 | 2 | 0 | 0 | 0 | 2 |",
		"五、存在的主要问题及改进情况",
		"无。",
	}, "\n")
	r, err := Parse("t4.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	noUnplaced(t, r)
	checkCells(t, r, []cellCase{
		{indicator: "reconsiderations.upheld", breakdown: "total", value: "1", column: "结果维持"},
		{indicator: "lawsuits.direct.corrected", breakdown: "total", value: "null", flags: []string{gongkai.FlagBlank}},
		{indicator: "lawsuits.direct.pending", breakdown: "total", value: "1", column: "尚未审结"},
		{indicator: "lawsuits.after_reconsideration.upheld", breakdown: "total", value: "2"},
		{indicator: "lawsuits.total", breakdown: "total", value: "3", flags: []string{gongkai.FlagDerived}},
		{indicator: "lawsuits.upheld", breakdown: "total", value: "2"},
	})
	if hasObs(r, "lawsuits.corrected", "total") {
		t.Error("lawsuits.corrected derived from a blank cell")
	}
	if o := obs(t, r, "lawsuits.direct.total", "total"); o.Label != "未经复议直接起诉" {
		t.Errorf("label %q", o.Label)
	}
	if r.Truncated != "" {
		t.Errorf("truncated: %s", r.Truncated)
	}
}

// A file holding only whole tables (pasted alone) is not cut off; one that
// stops inside a row is.
func TestTablePastedAloneIsWhole(t *testing.T) {
	for _, f := range []string{"signed-and-units.md", "blank-cells.md", "split-headers.md", "amount-yuan.txt"} {
		if r := parseFile(t, "../testdata/form2019/cases/"+f); r.Truncated != "" {
			t.Errorf("%s: truncated: %s", f, r.Truncated)
		}
	}
	r, err := Parse("cut.md", []byte("| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n| 规章 | 1 | 2 |"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Truncated == "" {
		t.Error("a row cut short at the end of the file is not reported")
	}
	checkCells(t, r, []cellCase{{indicator: "regulations.published", breakdown: "total", value: "2"}})
	if hasObs(r, "regulations.published_total", "total") {
		t.Error("a cell that is not in the file was read")
	}
}

// In 2021 （六）其他处理 is a heading: printed as a row of its own with empty
// cells it yields nothing; with figures, they are kept as a local subtotal.
func TestOtherHandlingHeading2021(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2021/pipes-report.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, cells string
		want        bool
	}{
		{"empty heading", "|  |  |  |  |  |  |  |", false},
		{"heading with a subtotal", " 1 | 1 | 0 | 0 | 0 | 0 | 2 |", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out []string
			for _, l := range strings.Split(string(b), "\n") {
				if i := strings.Index(l, "| （六）其他处理 | "); i >= 0 {
					out = append(out, l[:i]+"| （六）其他处理 |  |"+tc.cells)
					l = "|  |  | " + l[i+len("| （六）其他处理 | "):]
				}
				out = append(out, l)
			}
			r, err := Parse("x.md", []byte(strings.Join(out, "\n")))
			if err != nil {
				t.Fatal(err)
			}
			noUnplaced(t, r)
			if r.Template != gongkai.Template2021 {
				t.Errorf("template %q", r.Template)
			}
			checkCells(t, r, []cellCase{{indicator: "requests.other_handling.other", breakdown: "total", value: "2"}})
			if got := hasObs(r, "requests.other_handling", "total"); got != tc.want {
				t.Fatalf("requests.other_handling present = %v, want %v", got, tc.want)
			}
			if tc.want {
				checkCells(t, r, []cellCase{{indicator: "requests.other_handling", breakdown: "total", value: "2", flags: []string{gongkai.FlagLocalRow}}})
			}
		})
	}
}

// A header cut to 本年 fits the 2019 and the 2021 columns alike: the column
// printed in full decides; with none, the figures are left unplaced.
func TestTruncatedHeaderIsNotGuessed(t *testing.T) {
	text := "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年 | 本年 | 现行有效件数 |\n| 规章 | 1 | 0 | 9 |\n" +
		"| 信息内容 | 本年 | 本年 |\n| 规范性文件 | 2 | 0 | 8 |\n"
	r, err := Parse("cut-headers.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		// The cut header reads as no column: the figure bears the form's
		// wording, flagged.
		{indicator: "regulations.issued", breakdown: "total", value: "1", column: "本年制发件数", flags: []string{gongkai.FlagLabelFromForm}},
		{indicator: "regulations.repealed", breakdown: "total", value: "0"},
		{indicator: "regulations.in_force", breakdown: "total", value: "9", column: "现行有效件数"},
	})
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "normative_documents.") {
			t.Errorf("%s = %s read under a header that fits both formats", o.Indicator, show(o.Value))
		}
	}
	if len(r.Unplaced) != 1 || r.Unplaced[0].Label != "规范性文件" {
		t.Errorf("unplaced = %+v", r.Unplaced)
	}
}

// TestPieceOfAWrappedLabelIsNoLocalRow: a converter that prints the pieces
// of a wrapped label apart leaves a row labelled with a piece of a form
// row's wording. It is not a row the national form lacks (whose figures
// would be kept as a local row). Between the rows placed before and after
// it, the form leaves exactly that row unread: the form's row order places
// it there, flagged, when its figures add up and （七）总计 is then the sum
// of the outcome rows in every column; otherwise it is unplaced, with the
// row it is a piece of.
func TestPieceOfAWrappedLabelIsNoLocalRow(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2021/pipes-report.md")
	if err != nil {
		t.Fatal(err)
	}
	const row = "|  | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
	for _, tc := range []struct {
		name, printed string
		placed        bool
	}{
		// As in 上海 2025's converted table: the piece stands alone, after
		// the rows of 不予处理, with the heading 其他处理 printed elsewhere.
		{"alone", "|  |  | 行政机关不再处理其政府信息公 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", true},
		// The heading in the cell before the piece: the row is not the
		// heading 其他处理, whose figures these are not.
		{"after its heading", "|  | （六）其他处理 | 行政机关不再处理其政府信息公 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", true},
		// The row adds up, but （七）总计 is then not the sum of the
		// outcome rows: the order is not confirmed.
		{"outcomes do not add up", "|  |  | 行政机关不再处理其政府信息公 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", false},
		// Figures that do not add up are no row of the form's for certain.
		{"row does not add up", "|  |  | 行政机关不再处理其政府信息公 | 1 | 0 | 0 | 0 | 0 | 0 | 2 |", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("piece.md", []byte(strings.Replace(string(b), row, tc.printed, 1)))
			if err != nil {
				t.Fatal(err)
			}
			placed := 0
			for _, o := range r.Observations {
				switch {
				case slices.Contains(o.Flags, gongkai.FlagLocalRow) || o.Indicator == "requests.other_handling":
					t.Errorf("%s [%s] = %v placed from the piece %q", o.Indicator, o.Breakdown, show(o.Value), o.Label)
				case o.Indicator != "requests.other_handling.no_correction":
				case !tc.placed || !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder):
					t.Errorf("%s [%s] = %v placed, flags %v", o.Indicator, o.Breakdown, show(o.Value), o.Flags)
				case o.Breakdown == "natural_person" || o.Breakdown == "total":
					placed++
					if *o.Value != 1 {
						t.Errorf("%s [%s] = %v, want 1", o.Indicator, o.Breakdown, *o.Value)
					}
				default:
					placed++
					if *o.Value != 0 {
						t.Errorf("%s [%s] = %v, want 0", o.Indicator, o.Breakdown, *o.Value)
					}
				}
			}
			found := false
			for _, u := range r.Unplaced {
				found = found || strings.Contains(u.Reason, "a piece of the wrapped label of the form's row 申请人无正当理由逾期不补正")
			}
			switch {
			case tc.placed && (placed != 7 || found):
				t.Errorf("%d figures placed by the form's order, want 7; unplaced: %+v", placed, r.Unplaced)
			case !tc.placed && !found:
				t.Errorf("the piece is not unplaced with its reason: %+v", r.Unplaced)
			}
		})
	}
}

// TestDamagedNumberedLabelIsNoLocalRow: a label whose words a PDF's text
// layer or OCR damaged (继续 read as 共和) matches no row of the form, but
// its numbering says which one it stands for. A row numbered at the level
// of the heading it falls under, or with the number of one of its rows, is
// not a row the report adds: it is unplaced, or placed under the form's row
// by the form's row order when the gap and the sums confirm it (flag
// placed_by_form_order), never kept as a local row.
func TestDamagedNumberedLabelIsNoLocalRow(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2021/pipes-report.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, row, damaged, indicator, reason string }{
		{"first level under 三、", "| 四、结转下年度继续办理 |", "| 四、结转下年度共和办理 |",
			"requests.carried_forward", "numbered 四、, at the level of the form's heading"},
		{"a number of 其他处理's rows", "| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |",
			"| 2.申请人本期告根收费据《要求中华费人、行政机关不报处理其政府信息公开申请 |",
			"requests.other_handling.no_fee", "numbered 2. as the form's row 申请人逾期未按收费通知要求缴纳费用"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := string(b)
			if !strings.Contains(text, tc.row) {
				t.Fatalf("fixture lacks %q", tc.row)
			}
			clean, err := Parse("clean.md", b)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse("damaged.md", []byte(strings.Replace(text, tc.row, tc.damaged, 1)))
			if err != nil {
				t.Fatal(err)
			}
			placed := 0
			for _, o := range r.Observations {
				if slices.Contains(o.Flags, gongkai.FlagLocalRow) {
					t.Errorf("%s [%s] = %v kept as a local row from %q", o.Indicator, o.Breakdown, show(o.Value), o.Label)
				}
				if o.Indicator != tc.indicator {
					continue
				}
				placed++
				want := obs(t, clean, o.Indicator, o.Breakdown)
				if !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) || show(o.Value) != show(want.Value) {
					t.Errorf("%s [%s] = %v %v from the damaged label, want %v placed by the form's order", o.Indicator, o.Breakdown, show(o.Value), o.Flags, show(want.Value))
				}
			}
			if placed > 0 {
				return
			}
			found := false
			for _, u := range r.Unplaced {
				found = found || strings.Contains(u.Reason, tc.reason)
			}
			if !found {
				t.Errorf("the row is neither placed by the form's order nor unplaced with the reason %q: %+v", tc.reason, r.Unplaced)
			}
		})
	}
}
