package ingest

import (
	"path/filepath"
	"testing"
)

// A PDF-to-Markdown converter (@opendocsg/pdf2md) runs a table's rows
// together on a line, cells parted by spaces, and marks the cells of rows
// printed in a smaller font as superscript: (^2 1 9). The run is read; a
// single number so marked is a footnote's mark, no figure; and the last
// figure of a row before the next label (7 行政规范性文件, 5 第二十条) is a
// figure, not that label's row number.
func TestPDF2MDRowsRunTogether(t *testing.T) {
	const text = "## 二、主动公开政府信息情况\n\n" +
		"第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 (^1) 3 0 7 " +
		"行政规范性文件 (^2 1 5) 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 (^550)\n"
	r, err := Parse("pdf2md.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		indicator string
		want      float64
	}{
		{"regulations.issued", 3}, {"regulations.repealed", 0}, {"regulations.in_force", 7},
		{"normative_documents.issued", 2}, {"normative_documents.repealed", 1}, {"normative_documents.in_force", 5},
	} {
		if o := obs(t, r, c.indicator, "total"); o.Value == nil || *o.Value != c.want {
			t.Errorf("%s = %v, want %v", c.indicator, o.Value, c.want)
		}
	}
	if hasObs(r, "licensing.decisions", "total") {
		t.Error("a single number marked as superscript, (^550), was read as a figure")
	}
}

// A header cut over lines (商业 / 企业, html-to-text's reading of a page)
// is one column, and the figures under it keep the column as printed,
// whole: 商业企业, not its last piece.
func TestColumnPrintedInPieces(t *testing.T) {
	r := parseFile(t, filepath.Join("..", "testdata", "convert", "real-pingtan-2021.html-to-text.txt"))
	for breakdown, want := range map[string]string{"commercial_enterprise": "商业企业", "research_institution": "科研机构"} {
		if o := obs(t, r, "requests.received", breakdown); o.Column == nil || *o.Column != want {
			t.Errorf("%s: column %v, want %s", breakdown, o.Column, want)
		}
	}
}
