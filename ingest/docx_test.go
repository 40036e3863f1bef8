package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source/docx"
)

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxFile builds a DOCX archive around the body of word/document.xml.
func docxFile(t testing.TB, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="` + wordNS + `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func wp(text string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(text))
	return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + b.String() + `</w:t></w:r></w:p>`
}

func wtc(text, props string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>` + props + `</w:tcPr>` + wp(text) + `</w:tc>`
}

// docxFromText turns a text fixture into a Word document: its pipe rows
// into table rows (a run of them one table), its other lines into paragraphs.
func docxFromText(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	inTable := false
	for l := range strings.SplitSeq(strings.TrimPrefix(string(b), "\ufeff"), "\n") {
		row := strings.HasPrefix(l, "|")
		if row != inTable {
			body.WriteString(map[bool]string{true: "<w:tbl><w:tblPr/><w:tblGrid/>", false: "</w:tbl>"}[row])
			inTable = row
		}
		switch {
		case row && layout.SeparatorRow.MatchString(l):
		case row:
			body.WriteString("<w:tr>")
			for c := range strings.SplitSeq(strings.Trim(strings.TrimSpace(l), "|"), "|") {
				body.WriteString(wtc(strings.TrimSpace(c), ""))
			}
			body.WriteString("</w:tr>")
		default:
			body.WriteString(wp(l))
		}
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}
	return docxFile(t, body.String())
}

// TestDOCXLines reads paragraphs as lines and table rows as pipe rows,
// numbered by their place in the document.
func TestDOCXLines(t *testing.T) {
	body := wp("薛城区人民政府2019年政府信息公开工作年度报告") +
		`<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">总体 </w:t></w:r><w:r><w:t>情况</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>规章</w:t><w:tab/><w:t>0</w:t><w:br/><w:t>第二行</w:t></w:r>` +
		`<w:r><w:delText>删除的</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>` +
		`<w:p/>` +
		`<w:tbl><w:tblPr/><w:tblGrid/>` +
		`<w:tr>` + wtc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", `<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>`) + wtc("申请人情况", `<w:gridSpan w:val="2"/>`) + `</w:tr>` +
		`<w:tr>` + wtc("", `<w:gridSpan w:val="3"/><w:vMerge/>`) + wtc("自然人", "") + wtc("商业|企业", "") + `</w:tr>` +
		`<w:tr>` + wtc("", "") + wtc("", "") + `</w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p><w:p><w:r><w:t>（区分处理的）</w:t></w:r></w:p></w:tc>` + wtc("4", "") + `</w:tr>` +
		`</w:tbl>` +
		wp("二〇二〇年一月")
	doc, err := docx.Read(docxFile(t, body))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Lines {
		got = append(got, strconv.Itoa(l.N)+" "+l.Text)
	}
	want := []string{
		"1 薛城区人民政府2019年政府信息公开工作年度报告",
		"2 一、总体 情况",
		"3 规章\t0",
		"3 第二行",
		"5 | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |  |",
		"6 |  |  |  | 自然人 | 商业 企业 |",
		"8 | （二）部分公开（区分处理的） | 4 |",
		"9 二〇二〇年一月",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDOCXReports parses reports saved as Word documents as it parses them
// as text.
func TestDOCXReports(t *testing.T) {
	t.Run("legacy table", func(t *testing.T) {
		r, err := Parse("report.docx", docxFromText(t, "../testdata/legacy/pipes-bom.md"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Template != gongkai.TemplateLegacy || r.Title != "薛城区人民政府2017年政府信息公开工作年度报告" || r.Year != 2017 {
			t.Errorf("template %q, title %q, year %d", r.Template, r.Title, r.Year)
		}
		got := byKey(r)
		if len(r.Observations) != len(seedFigures) {
			t.Errorf("%d figures, want %d", len(r.Observations), len(seedFigures))
		}
		for _, w := range seedFigures {
			o, ok := got[key(w.indicator, "total")]
			if !ok || o.Value == nil || *o.Value != w.value {
				t.Errorf("%s = %v, want %v", w.indicator, o.Value, w.value)
			}
		}
	})
	t.Run("2019 format", func(t *testing.T) {
		r, err := Parse("report.docx", docxFromText(t, "../testdata/form2019/pipes-merged-cells-dropped.md"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Template != gongkai.Template2019 || r.Truncated != "" || len(r.Unplaced) != 0 {
			t.Errorf("template %q, truncated %q, unplaced %v", r.Template, r.Truncated, r.Unplaced)
		}
		assertFigures(t, r, readExpected(t, "../testdata/form2019/expected.csv"))
	})
}

// TestDOCXDamaged refuses archives that are not Word documents, naming why.
func TestDOCXDamaged(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("content.xml")
	w.Write([]byte("<x/>"))
	zw.Close()
	for name, data := range map[string][]byte{
		"no document":      b.Bytes(),
		"truncated":        docxFile(t, wp("x"))[:60],
		"malformed xml":    docxFile(t, "<w:p><w:t>x</w:p>"),
		"not a report":     docxFile(t, wp("新闻")),
		"empty table cell": docxFile(t, "<w:tbl><w:tr><w:tc/></w:tr></w:tbl>"),
	} {
		if _, err := Parse(name+".docx", data); err == nil {
			t.Errorf("%s: no error", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

// TestDOCXMergedCells parses a 2021 report saved from Word, its table
// headers merged across rows (w:vMerge) and columns (w:gridSpan); each
// figure cites the place of its table row in the document.
func TestDOCXMergedCells(t *testing.T) {
	r := parseFile(t, "../testdata/docx/form2021.docx")
	if r.Template != gongkai.Template2021 || r.Truncated != "" || len(r.Missing) != 0 {
		t.Errorf("template %q, truncated %q, missing %v", r.Template, r.Truncated, r.Missing)
	}
	for _, u := range r.Unplaced {
		t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
	}
	assertFigures(t, r, readExpected(t, "../testdata/form2021/expected.csv"))
	got := byKey(r)
	received := got[key("requests.received", "natural_person")].Line
	for _, b := range []string{"commercial_enterprise", "other_org", "total"} {
		if l := got[key("requests.received", b)].Line; l != received {
			t.Errorf("requests.received [%s] cites row %d, want %d as the rest of its row", b, l, received)
		}
	}
	if l := got[key("requests.carried_over", "total")].Line; l != received+1 {
		t.Errorf("requests.carried_over cites row %d, want the next row %d", l, received+1)
	}
	if got[key("regulations.issued", "total")].Line >= received || got[key("reconsiderations.total", "total")].Line <= received {
		t.Error("figures do not cite their rows in document order")
	}
}
