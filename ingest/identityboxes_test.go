package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer of a 2021-form report printed from Word keeps table 3's rows
// 一 and 二 in the header's boxes (`商业企 / 业 / 163`, `572`, `总计`, `科研机
// / 构 / 7` …, then row 二's seven) and its last three rows apart (`3.其他
// 25`, `629`, `（七） / 总计`, `0`; then a box `4 / 163` of （六）3 and （七）总计
// for each other column, in order, and 四's figures in boxes of one). The
// five rows are read when a reading of them satisfies the form's
// identities (一 + 二 = （七）总计 + 四 in each column, each row's total the
// sum of its applicants'), 商业企业 and 自然人 taken either way
// (form/identityboxes.go). A figure of 四 the identity does not give, a
// piece of label among row 二's figures, or 自然人's （六）3 not glued to
// its label leaves the five rows as the reader left them: unplaced.
func TestIdentityBoxes(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho2012-22.word.pdfminer.txt"
	lines := strings.Split(readText(t, filepath.Join(dir, file)), "\n")
	at := func(s string) int {
		i := slices.Index(lines, s)
		if i < 0 {
			t.Fatalf("%q not found in the fixture", s)
		}
		return i
	}
	glued := at("3.其他 25")
	pair := at("163") + 1 // 4 / 163 after the signature: the second 163
	pair += slices.Index(lines[pair:], "163")
	if lines[pair-1] != "4" || lines[pair+2] != "0" {
		t.Fatalf("the box 4 / 163 and the 0 after it not found in the fixture")
	}
	carried := at("57") // row 二's first figure, after row 一's
	for _, c := range []struct {
		name string
		edit func([]string) []string
		read bool
	}{
		{"as printed", func(l []string) []string { return l }, true},
		{"a figure of 四 the identity does not give", func(l []string) []string { l[pair+2] = "5"; return l }, false},
		{"a piece of label among row 二's figures", func(l []string) []string { return slices.Insert(l, carried+2, "申请数") }, false},
		{"（六）3 apart from its label", func(l []string) []string { l[glued] = "3.其他"; return slices.Insert(l, glued+1, "25") }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, edited(lines, c.edit))
			placed := 0
			for _, o := range r.Observations {
				if identityBoxRow(o.Indicator) {
					placed++
					if !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
						t.Errorf("%s [%s] = %s not flagged placed by the form's order", o.Indicator, o.Breakdown, o.Raw)
					}
				}
			}
			if want := map[bool]int{true: 35, false: 0}[c.read]; placed != want {
				t.Errorf("placed %d figures of the five rows, want %d", placed, want)
			}
			if !c.read {
				return
			}
			checkCells(t, r, []cellCase{
				{indicator: "requests.received", breakdown: "natural_person", value: "572"},
				{indicator: "requests.received", breakdown: "commercial_enterprise", value: "163"},
				{indicator: "requests.carried_over", breakdown: "natural_person", value: "57"},
				{indicator: "requests.other_handling.other", breakdown: "natural_person", value: "25"},
				{indicator: "requests.other_handling.other", breakdown: "commercial_enterprise", value: "4"},
				{indicator: "requests.answered", breakdown: "natural_person", value: "629"},
				{indicator: "requests.answered", breakdown: "total", value: "904"},
				{indicator: "requests.carried_forward", breakdown: "total", value: "0"},
			})
		})
	}
	ratchetTruthFile(t, dir, file, 46, 0)
}

// Two columns whose （七）总计 and 一 + 二 are equal (科研机构's and
// 社会公益组织's 23 in held-out report 58 of seed 4242) satisfy the
// identities with their boxes either way: their （六）3, 0 and 1, are
// unplaced with both figures and the reason; the rest of the five rows is
// placed.
func TestIdentityBoxesTwoWays(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho4242-58.word.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 44, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.other_handling.other" && (o.Breakdown == "research_institution" || o.Breakdown == "public_interest_org") {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	for _, col := range []string{"科研机构", "社会公益组织"} {
		if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
			return strings.Contains(u.Reason, "under "+col+" one of") && strings.Contains(u.Reason, "a reading with each satisfies the form's identities") && len(u.Cells) == 2
		}) {
			t.Errorf("（六）3 under %s not unplaced with its two figures and the reason: %+v", col, r.Unplaced)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.other_handling.other", breakdown: "natural_person", value: "55"},
		{indicator: "requests.other_handling.other", breakdown: "legal_service_org", value: "4"},
		{indicator: "requests.answered", breakdown: "research_institution", value: "23"},
		{indicator: "requests.answered", breakdown: "public_interest_org", value: "23"},
	})
}

// identityBoxRow reports whether indicator is one of table 3's rows read
// from pdfminer's boxes by the identities: 一, 二, （六）3, （七）总计, 四.
func identityBoxRow(indicator string) bool {
	return slices.Contains([]string{"requests.received", "requests.carried_over", "requests.other_handling.other", "requests.answered", "requests.carried_forward"}, indicator)
}
