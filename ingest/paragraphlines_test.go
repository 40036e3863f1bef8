package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source"
)

// @opendocsg/pdf2md's Markdown of LibreOffice's print of a Word report
// (testdata/heldout, see its README): every line of the page a heading
// (## 规章 59 31 31 ) with a space at its end and a blank line after it.
// Read without the blank lines and the spaces at the lines' ends, as the
// text pdf.js takes out of the page: table 2's headers wrapped over lines
// (本年新 / 制作数 / 量) and table 4's figures are read; the figures of
// 复议后起诉, cut off the page's right edge, are not there to read.
func TestPDF2MDLinesAsParagraphs(t *testing.T) {
	for _, c := range []struct {
		file, expected string
		found          int
	}{
		{"form2021-docx-s12-11.word.pdf2md.md", "form2021-docx-s12-11", 194},
		{"form2019-docx-s12-17.word.pdf2md.md", "form2019-docx-s12-17", 191},
	} {
		t.Run(c.file, func(t *testing.T) {
			r := parseHeldOut(t, c.file, c.expected, c.found)
			for _, ind := range []string{"reconsiderations.upheld", "reconsiderations.total", "lawsuits.direct.total"} {
				if _, ok := observation(r, ind); !ok {
					t.Errorf("%s (table 4) not placed", ind)
				}
			}
			if _, ok := observation(r, "lawsuits.after_reconsideration.upheld"); ok {
				t.Error("复议后起诉's 结果维持 placed, though the block's other figures are off the page")
			}
		})
	}
}

// The blank lines of a Markdown text are dropped only where nearly every
// line has one after it and a third of the lines are headings: a text
// whose blank lines part paragraphs (mammoth's Markdown, pdfminer's boxes)
// keeps them.
func TestParagraphBreaksKept(t *testing.T) {
	for _, c := range []struct {
		name, text string
		drop       bool
	}{
		{"pdf2md", "## 规章 1 2 3 \n\n## 行政规范性文件 4 5 6 \n\n## 第二十条第（五）项 \n", true},
		{"no headings", "规章 1 2 3\n\n行政规范性文件 4 5 6\n\n第二十条第（五）项\n", false},
		{"paragraphs over lines", "## 一、总体情况\n\n本年度，\n本机关…\n\n## 二、主动公开\n", false},
	} {
		lines := source.SplitLines(c.text)
		got := dropParagraphBreaks(lines)
		if dropped := len(got) < len(lines); dropped != c.drop {
			t.Errorf("%s: blank lines dropped %v, want %v", c.name, dropped, c.drop)
		}
		for _, l := range got {
			if c.drop && (l.Text == "" || l.Text[len(l.Text)-1] == ' ') {
				t.Errorf("%s: line %d %q kept blank or with its trailing space", c.name, l.N, l.Text)
			}
		}
	}
}

// parseHeldOut parses file of testdata/heldout and fails the test when a
// figure of it differs from the original's (expected.expected.json) or is
// invented, or fewer than found figures are placed.
func parseHeldOut(t *testing.T, file, expected string, found int) *gongkai.Report {
	t.Helper()
	dir := filepath.Join("..", "testdata", "heldout")
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	s := scoreHeldOut(t, filepath.Join(dir, expected+".expected.json"), r)
	for _, m := range s.wrong {
		t.Errorf("wrong or invented: %s", m)
	}
	if s.found < found {
		t.Errorf("found %d figures, fewer than %d", s.found, found)
	}
	if s.found > found {
		t.Logf("found %d figures, more than %d: raise it", s.found, found)
	}
	return r
}

// pdf2md glues a figure printed higher than its line's first word to the
// figure before it with a caret, as a footnote's link (Chromium's print:
// 行政许可 26 +2^29): between two figures it is the row's next cell. A
// caret after a word (商业^, 规章^1) is no cell's edge: 规章's footnote
// mark is no figure.
func TestPDF2MDRaisedFigure(t *testing.T) {
	const text = "## 二、主动公开政府信息情况 \n\n" +
		"## 第二十条第（五）项 \n\n## 信息内容 上一年项目数量 本年增/减 处理决定数量 \n\n" +
		"## 行政许可 26 +2^29 \n\n## 其他对外管理服务事项 3 -1^15 \n\n" +
		"## 第二十条第（六）项 \n\n## 信息内容 上一年项目数量 本年增/减 处理决定数量 \n\n" +
		"## 行政处罚 6 -3^1 \n\n## 行政强制 3^1 \n\n"
	r, err := Parse("pdf2md.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	wantPlaced(t, r, map[string]float64{
		"licensing.items_last_year": 26, "licensing.items_change": 2, "licensing.decisions": 29,
		"other_services.items_last_year": 3, "other_services.items_change": -1, "other_services.decisions": 15,
		"penalties.items_last_year": 6, "penalties.items_change": -3, "penalties.decisions": 1,
	})
	if hasObs(r, "enforcement.items_last_year", "total") || hasObs(r, "enforcement.decisions", "total") {
		t.Error("行政强制 3^1, two figures for three columns, was placed")
	}
	for _, c := range []struct{ in, want string }{
		{"行政许可 26 +2^29", "行政许可 26 +2 29"},
		{"商业^ 总计", "商业^ 总计"},
		{"行政许可 26^1 2^3", "行政许可 26 1 2 3"},
		{"规章^1 3 0 7", "规章^1 3 0 7"},
	} {
		if got := partRaisedFigures(c.in); got != c.want {
			t.Errorf("partRaisedFigures(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Chromium's print of a justified cell spaces its characters out, and
// pdf2md keeps a space between each (（ 四 ） 无 / 法 提 / 供, 沭阳 2023):
// the run is one word, so that 无 of 无法提供 is no mark of a blank cell
// beside the row before. Marks alone (无 无, two blank cells), words of
// two characters or more and figures stay apart.
func TestJoinSpacedCharacters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"（ 四 ） 无", "（四）无"},
		{"自 然", "自然"},
		{"（ 二 ） 部 分 公 开 （ 区 分 处 理的", "（二）部分公开（区分处 理的"}, // a word after the run stays apart,
		{"8.属于行政查询事 0 0", "8.属于行政查询事 0 0"},
		{"法人或其他组织 总计", "法人或其他组织 总计"},
		{"规章 无 无 无", "规章 无 无 无"},
		{"合 计 5 5", "合计 5 5"},
	} {
		if got := joinSpacedCharacters(c.in); got != c.want {
			t.Errorf("joinSpacedCharacters(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
