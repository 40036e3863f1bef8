package ingest

import (
	"strings"
	"testing"
)

// fewBlanksPage is table 3 of the 2021 form as a Markdown table, with the
// row 2.没有现成信息需要另行制作 printed as row: the figures of the other
// rows add up with it blank.
func fewBlanksPage(row string) string {
	lines := []string{
		"三、收到和处理政府信息公开申请情况",
		"",
		"| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
		"|---|---|---|---|---|---|---|---|",
		"| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |",
		"| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
		"| （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |",
		"| 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
		row,
		"| （七）总计 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |",
		"| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestFewBlankCellsGiveNothing: a row that prints no figure is read as
// blank only when it prints a cell for each column. OCR that breaks a row
// into pieces leaves the row a cell or two, empty (〇||己|避): which
// columns they are is not certain, and a blank given to the first column
// would say the report left empty a cell it filled.
func TestFewBlankCellsGiveNothing(t *testing.T) {
	r, err := Parse("ocr.md", []byte(fewBlanksPage("| 2.没有现成信息需要另行制作 |  |")))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.unavailable.needs_creation", "natural_person") {
		t.Error("a row of one empty cell read as a blank 自然人")
	}
	if !unplacedBecause(r, "没有现成信息", "empty cells are not its 7 columns") {
		t.Errorf("2.没有现成信息需要另行制作 not unplaced with the reason: %+v", r.Unplaced)
	}
	if !hasObs(r, "requests.disclosed", "total") {
		t.Error("the rows around it not read")
	}

	// A row of seven empty cells is the table's blank row: read as blank.
	r, err = Parse("page.md", []byte(fewBlanksPage("| 2.没有现成信息需要另行制作 |  |  |  |  |  |  |  |")))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range applicantKeys {
		if !hasObs(r, "requests.unavailable.needs_creation", b) {
			t.Errorf("2.没有现成信息需要另行制作 [%s]: the blank cell not read", b)
		}
	}
}
