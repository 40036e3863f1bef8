package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// chromiumText is a real report's page printed to PDF by Chromium and taken
// out by pdftotext -layout (testdata/real, scripts/webpdf-fixtures.sh); the
// test stops when the text no longer prints shown, the damage it is about.
func chromiumText(t *testing.T, slug, shown string) string {
	t.Helper()
	text := readText(t, filepath.Join("..", "testdata", "real", slug+".chromium.layout.txt"))
	if !strings.Contains(text, shown) {
		t.Fatalf("%s no longer prints %q", slug, shown)
	}
	return text
}

// rowFigures is the row's figures by breakdown, and the local rows read.
func rowFigures(r *gongkai.Report, indicator string) (map[string]float64, []gongkai.Observation) {
	got := map[string]float64{}
	var locals []gongkai.Observation
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Value != nil {
			got[o.Breakdown] = *o.Value
		}
		if slices.Contains(o.Flags, gongkai.FlagLocalRow) {
			locals = append(locals, o)
		}
	}
	return got, locals
}

// TestChromiumRowNumberBelowLabelFirstLine: Chromium sets a row's number
// (1.) in another font than its label, on another baseline; pdftotext
// -layout prints it on a line of its own between the label's pieces. The
// number goes back before the label, and the row is read under its own
// label (申请人无正当理由逾期不补正…: 8 from 自然人, 8 in all).
func TestChromiumRowNumberBelowLabelFirstLine(t *testing.T) {
	text := chromiumText(t, "pingtan-2025", "申请人无正当理由逾期不\n        1.\n")
	r := parseText(t, "pingtan-2025.layout.txt", text)
	got, locals := rowFigures(r, "requests.other_handling.no_correction")
	if got["natural_person"] != 8 || got["total"] != 8 || len(got) != 7 {
		t.Errorf("申请人无正当理由逾期不补正… read %v, want 8 from 自然人 and 8 in all, 0 elsewhere", got)
	}
	for _, o := range locals {
		t.Errorf("a row the form lacks read: %s %s = %v under %q", o.Indicator, o.Breakdown, *o.Value, o.Label)
	}
}

// TestChromiumRowNumberNotTakenByTheRowAbove: where the line above the
// number starts where the number does (the tail of the row above, 请 of
// …公开申请), the number is not moved before it; the labels then run
// together with a row's number inside (申请人无正当理由逾期不1.补正…), which
// is no row the report adds: unplaced with the reason, no figure placed
// under a row of its own.
func TestChromiumRowNumberNotTakenByTheRowAbove(t *testing.T) {
	text := chromiumText(t, "pingtan-2025", "         申请人无正当理由逾期不\n        1.\n")
	text = strings.Replace(text, "         申请人无正当理由逾期不\n        1.\n", "        申请人无正当理由逾期不\n        1.\n", 1)
	r := parseText(t, "pingtan-2025.layout.txt", text)
	got, locals := rowFigures(r, "requests.other_handling.no_correction")
	if len(got) != 0 {
		t.Errorf("申请人无正当理由逾期不补正… read %v from a label without its number: its row is not certain", got)
	}
	for _, o := range locals {
		t.Errorf("a row the form lacks read: %s %s = %v under %q", o.Indicator, o.Breakdown, *o.Value, o.Label)
	}
	refused := false
	for _, u := range r.Unplaced {
		refused = refused || strings.Contains(u.Label, "申请人无正当理由逾期不") &&
			(strings.Contains(u.Reason, "number inside the label") || strings.Contains(u.Reason, "pieces of two rows"))
	}
	if !refused {
		t.Errorf("申请人无正当理由逾期不… not unplaced as labels run together with a row's number inside: %+v", r.Unplaced)
	}
}

// TestChromiumSpacedHeadingBesideWrappedLabel: the merged heading 无法提供,
// printed in spaced characters (无 法 提) one space before the wrapped
// label of the row beside it (要另行制作 of 没有现成信息需要另行制作),
// is another cell: each is a piece of a wording of the form and joined
// they are a piece of none. Table 3's rows under it are read, none as a
// row of its own.
func TestChromiumSpacedHeadingBesideWrappedLabel(t *testing.T) {
	text := chromiumText(t, "pingtan-2021", "无 法 提 要另行制作")
	r := parseText(t, "pingtan-2021.layout.txt", text)
	got, locals := rowFigures(r, "requests.unavailable.not_held")
	if got["other_org"] != 3 || got["total"] != 25 || got["natural_person"] != 22 {
		t.Errorf("本机关不掌握相关政府信息 read %v, want 22 from 自然人, 3 from 其他, 25 in all", got)
	}
	for _, o := range locals {
		t.Errorf("a row the form lacks read: %s %s = %v under %q", o.Indicator, o.Breakdown, *o.Value, o.Label)
	}
}

// TestSpacedPiecesOfOneWordingStayOneLabel: two words one space apart that
// are together a piece of one wording (无正当理由大量反复 申请) stay one
// label, and the row is read under it.
func TestSpacedPiecesOfOneWordingStayOneLabel(t *testing.T) {
	const printed = "4.无正当理由大量反复申请 0"
	text := chromiumText(t, "pingtan-2025", printed)
	text = strings.Replace(text, printed, "4.无正当理由大量反复 申请 0", 1)
	r := parseText(t, "pingtan-2025.layout.txt", text)
	got, _ := rowFigures(r, "requests.not_processed.excessive")
	if len(got) != 7 {
		t.Errorf("无正当理由大量反复 申请 read %v, want its seven figures", got)
	}
}
