package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// legacyOCRTable is a legacy table as OCR prints it: 〈一) for （一） is a
// sign of OCR (ocrsign), and in such a text the legacy reader places only
// what the form's identities or the report's own text confirm. Its figures
// are the seed report's (薛城区 2017), whose identities hold.
const legacyOCRTable = `某区2017年政府信息公开工作年度报告

附件：政府信息公开情况统计表

| 统计指标 | 单位 | 统计数 |
| 一、主动公开情况 | | |
| (一) 主动公开政府信息数 | 条 | 18361 |
| 三、依申请公开情况 | | |
| 〈一) 收到申请数 | 件 | 13 |
| 1.当面申请数 | 件 | 1 |
| 2.传真申请数 | 件 | 0 |
| 3.网络申请数 | 件 | 10 |
| 4.信函申请数 | 件 | 2 |
| (二) 申请办结数 | 件 | 13 |
| 1.按时办结数 | 件 | 12 |
| 2.延期办结数 | 件 | 1 |
| 十、设置政府信息查阅点数 | 个 | 67 |
| (一) 区(市)政府及其部门 | 个 | 48 |
| (二) 乡镇政府(街道办事处) | 个 | 19 |
| 十一、查阅点接待人数 | 次 | 3911 |
| (一) 区(市)政府及其部门 | 次 | 1842 |
| (二) 乡镇政府(街道办事处) | 次 | 2069 |
| 十二、机构建设和保障经费情况 | | |
| (一) 政府信息公开工作专门机构数 | 个 | 63 |
| (二) 设置政府信息公开查阅点数 | 个 | 67 |
| (四) 政府信息公开专项经费 | 万元 | 0 |

单位负责人：张三
`

// parseLegacyOCR parses legacyOCRTable with each edit (old, new) made
// once.
func parseLegacyOCR(t *testing.T, edits ...[2]string) *gongkai.Report {
	t.Helper()
	text := legacyOCRTable
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("the table does not hold %q", e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	r, err := Parse("legacy-ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// placedFigure is the figure placed under an indicator (its total), or
// nil.
func placedFigure(r *gongkai.Report, indicator string) *float64 {
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Breakdown == gongkai.BreakdownTotal {
			return o.Value
		}
	}
	return nil
}

// wantPlaced asserts the figures placed under the indicators.
func wantPlaced(t *testing.T, r *gongkai.Report, want map[string]float64) {
	t.Helper()
	for ind, v := range want {
		if got := placedFigure(r, ind); got == nil || *got != v {
			t.Errorf("%s: placed %v, want %v", ind, deref(got), v)
		}
	}
}

// wantUnplaced asserts that no figure is placed under the indicators, and
// that a row printing the figure raw is unplaced with a reason that holds
// why.
func wantUnplaced(t *testing.T, r *gongkai.Report, why string, raw map[string]string) {
	t.Helper()
	for ind, cell := range raw {
		if got := placedFigure(r, ind); got != nil {
			t.Errorf("%s: placed %v, want it unplaced", ind, *got)
		}
		if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
			return slices.Contains(u.Cells, cell) && strings.Contains(u.Reason, why)
		}) {
			t.Errorf("%s: no row with %q unplaced because %q; unplaced: %v", ind, cell, why, r.Unplaced)
		}
	}
}

// A sum of the form whose sub-rows read add up to it confirms every
// figure of it; a figure no identity ties is unplaced (a digit OCR
// misread, 0 read as 1, shows nowhere else).
func TestLegacyOCRIdentities(t *testing.T) {
	r := parseLegacyOCR(t)
	wantPlaced(t, r, map[string]float64{
		"requests.received": 13, "requests.received.in_person": 1, "requests.received.fax": 0,
		"requests.received.online": 10, "requests.received.letter": 2,
		"requests.completed": 13, "requests.completed.on_time": 12, "requests.completed.extended": 1,
		"reading_points.total": 67, "reading_points.government": 48, "reading_points.township": 19,
		"reading_points.visitors": 3911, "reading_points.visitors.government": 1842, "reading_points.visitors.township": 2069,
		// Two rows that report the same quantity and agree confirm each other.
		"capacity.reading_points": 67,
	})
	wantUnplaced(t, r, "no identity of the form confirms it", map[string]string{
		"proactive.items": "18361", "capacity.offices": "63", "capacity.budget": "0",
	})
}

// Sub-rows that add up to more than their row, or, all read, to less,
// contradict it: a digit is misread and nothing shows which, so every
// figure of the identity is unplaced.
func TestLegacyOCRContradiction(t *testing.T) {
	r := parseLegacyOCR(t, [2]string{"| 1.当面申请数 | 件 | 1 |", "| 1.当面申请数 | 件 | 7 |"})
	wantUnplaced(t, r, "more than it: a digit is misread", map[string]string{
		"requests.received": "13", "requests.received.in_person": "7", "requests.received.fax": "0",
		"requests.received.online": "10", "requests.received.letter": "2",
	})
	wantPlaced(t, r, map[string]float64{"requests.completed": 13, "requests.completed.on_time": 12})

	r = parseLegacyOCR(t, [2]string{"| 1.按时办结数 | 件 | 12 |", "| 1.按时办结数 | 件 | 2 |"})
	wantUnplaced(t, r, "less than it", map[string]string{
		"requests.completed": "13", "requests.completed.on_time": "2", "requests.completed.extended": "1",
	})
}

// A figure no identity confirms is placed when the report's own text
// states it for its row; not when it states another.
func TestLegacyOCRNarrative(t *testing.T) {
	r := parseLegacyOCR(t, [2]string{"某区2017年政府信息公开工作年度报告\n", "某区2017年政府信息公开工作年度报告\n\n全年主动公开政府信息18361条。\n"})
	wantPlaced(t, r, map[string]float64{"proactive.items": 18361})

	r = parseLegacyOCR(t, [2]string{"某区2017年政府信息公开工作年度报告\n", "某区2017年政府信息公开工作年度报告\n\n全年主动公开政府信息18367条。\n"})
	wantUnplaced(t, r, "the report's text states 18367", map[string]string{"proactive.items": "18361"})
}

// A figure printed under a unit that is not its row's is another row's
// (its label garbled), in OCR text; in typed text it is placed, flagged.
func TestLegacyOCRUnit(t *testing.T) {
	wrongUnit := [2]string{"| (一) 区(市)政府及其部门 | 个 | 48 |", "| (一) 区(市)政府及其部门 | 次 | 48 |"}
	r := parseLegacyOCR(t, wrongUnit)
	wantUnplaced(t, r, "printed under the unit 次, not the row's (个)", map[string]string{"reading_points.government": "48"})

	r = parseLegacyOCR(t, wrongUnit, [2]string{"〈一) 收到申请数", "(一) 收到申请数"})
	wantPlaced(t, r, map[string]float64{"reading_points.government": 48, "proactive.items": 18361})
	for _, o := range r.Observations {
		if o.Indicator == "reading_points.government" && !slices.Contains(o.Flags, gongkai.FlagUnitMismatch) {
			t.Errorf("reading_points.government: flags %v, want %s", o.Flags, gongkai.FlagUnitMismatch)
		}
	}
}

// Two rows' labels run together (OCR garbled the bracket of the second
// row's number, 人二)) print one figure, which is either row's: the row is
// unplaced. A heading's words before a row's label are no row with a
// figure: the row is read (here, the report's text confirms its figure).
func TestLegacyOCRRunTogether(t *testing.T) {
	r := parseLegacyOCR(t, [2]string{"| (一) 政府信息公开工作专门机构数 | 个 | 63 |\n| (二) 设置政府信息公开查阅点数 | 个 | 67 |",
		"| (一) 政府信息公开工作专门机构数人二) 设置政府信息公开查阅点数 | 个 | 67 |"})
	wantUnplaced(t, r, "the labels of two rows run together, 12.1 (政府信息公开工作专门机构数) and 12.2", map[string]string{
		"capacity.offices": "67", "capacity.reading_points": "67"})

	r = parseLegacyOCR(t,
		[2]string{"| (一) 政府信息公开工作专门机构数 | 个 | 63 |", "| 保障经费情况(一) 政府信息公开工作专门机构数 | 个 | 63 |"},
		[2]string{"某区2017年政府信息公开工作年度报告\n", "某区2017年政府信息公开工作年度报告\n\n设立政府信息公开工作专门机构63个。\n"})
	wantPlaced(t, r, map[string]float64{"capacity.offices": 63})
}

// A row read out of the form's order (a sub-row after the one the form
// prints after it, or under the heading before its own, which OCR
// garbled) is unplaced, and so is the row it follows.
func TestLegacyOCROrder(t *testing.T) {
	r := parseLegacyOCR(t, [2]string{"| (一) 区(市)政府及其部门 | 个 | 48 |\n| (二) 乡镇政府(街道办事处) | 个 | 19 |",
		"| (二) 乡镇政府(街道办事处) | 个 | 19 |\n| (一) 区(市)政府及其部门 | 个 | 48 |"})
	wantUnplaced(t, r, "out of the form's order", map[string]string{"reading_points.government": "48", "reading_points.township": "19"})

	r = parseLegacyOCR(t, [2]string{"| 十一、查阅点接待人数 | 次 | 3911 |", "| 十一、杳阅慮揍待 | | |"})
	for _, ind := range []string{"reading_points.government", "reading_points.township"} {
		if got := placedFigure(r, ind); got != nil && *got != map[string]float64{"reading_points.government": 48, "reading_points.township": 19}[ind] {
			t.Errorf("%s = %v: a figure of 十一 placed under 十, whose heading OCR garbled", ind, *got)
		}
	}
	wantUnplaced(t, r, "", map[string]string{"reading_points.visitors.government": "1842", "reading_points.visitors.township": "2069"})
}

// A row that prints its unit and no figure in a text that shows OCR's
// signs is no blank cell: OCR drops a figure it cannot read (held-out
// chromium print, psm 6: `其中 : 主动公开规范性文件数   条` for 21). It is
// unplaced, not read as blank.
func TestLegacyOCRNoBlank(t *testing.T) {
	r := parseLegacyOCR(t, [2]string{"| 2.传真申请数 | 件 | 0 |", "| 2.传真申请数 | 件 | |"})
	for _, o := range r.Observations {
		if o.Indicator == "requests.received.fax" {
			t.Errorf("requests.received.fax: placed %v (flags %v), want it unplaced", show(o.Value), o.Flags)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Label, "传真申请数") && strings.Contains(u.Reason, "OCR loses figures")
	}) {
		t.Errorf("2.传真申请数: not unplaced as a figure OCR lost; unplaced: %v", r.Unplaced)
	}
}

// OCR of a legacy table that keeps its rules prints them as bars glued to
// the figures that end its lines (`件 |64`) and, as often, as a 1 glued
// to a figure (`个 130` for 30): with two lines or more so printed the
// text is taken as OCR's, and only figures an identity confirms are
// placed (130 and 163 break 十、设置政府信息查阅点数 93), and no empty cell
// is read as blank (`次 |` for 1). A typed table sets its bars apart
// (| 件 | 13 |) and keeps its trust: with no other sign of OCR, its
// figures no identity ties are placed.
func TestLegacyOCRRuled(t *testing.T) {
	dir := filepath.Join("..", "testdata", "ocr", "ruledlegacy")
	b, err := os.ReadFile(filepath.Join(dir, "legacy2014-chromium.ocr-psm3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("ruled.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Observations []struct {
			Indicator string   `json:"indicator"`
			Value     *float64 `json:"value"`
		} `json:"observations"`
	}
	e, err := os.ReadFile(filepath.Join(dir, "legacy2014-chromium.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(e, &want); err != nil {
		t.Fatal(err)
	}
	values := map[string]*float64{}
	for _, o := range want.Observations {
		values[o.Indicator] = o.Value
	}
	found := 0
	for _, o := range r.Observations {
		v, ok := values[o.Indicator]
		switch {
		case !ok:
			t.Errorf("invented: %s %s", o.Indicator, o.Raw)
		case o.Value == nil || v == nil || *v != *o.Value:
			t.Errorf("wrong: %s = %s (flags %v), want %s", o.Indicator, show(o.Value), o.Flags, show(v))
		default:
			found++
		}
	}
	if found == 0 {
		t.Error("nothing read")
	}
	for _, ind := range []string{"reading_points.township", "reading_points.government", "responses.channels.online_interviews"} {
		if got := placedFigure(r, ind); got != nil {
			t.Errorf("%s: placed %v, want it unplaced", ind, *got)
		}
	}
	typed := parseLegacyOCR(t, [2]string{"〈一) 收到申请数", "(一) 收到申请数"})
	wantPlaced(t, typed, map[string]float64{"proactive.items": 18361, "capacity.offices": 63})
}
