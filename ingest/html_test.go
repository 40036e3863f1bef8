package ingest

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/gongkai/gongkai"
)

// TestHTMLLines reads pages into the lines a text export of them would
// have, each numbered with the source line where its text starts.
func TestHTMLLines(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string // "n text"
	}{
		{"paragraphs and headings are lines; script, style and head are dropped",
			"<html><head><title>x</title>\n<style>p{}</style>\n<script>document.write('<p>no</p>')</script></head>\n<body><h2>一、概述</h2>\n<p>正文<b>加粗</b>。</p><div>甲<br>乙</div></body></html>",
			[]string{"4 一、概述", "5 正文加粗。", "5 甲", "5 乙"}},
		{"entities decoded, non-breaking spaces kept as spaces",
			"<p>A&amp;B&nbsp;&nbsp;&lt;C&gt; &#x4E00;</p>",
			[]string{"1 A&B  <C> 一"}},
		{"white space collapsed; a wrap between Chinese characters joins them",
			"<p>\n  主动公开\n  政府信息   数 of\n  text</p>",
			[]string{"2 主动公开政府信息 数 of text"}},
		{"each row one pipe line; a cell's paragraphs joined with nothing",
			"<table>\n<tr>\n<td>统计指标</td>\n<td>单位</td>\n</tr>\n<tr><td><p>（一）收到</p>\n<p>　申请数</p></td><td>件</td></tr>\n</table>",
			[]string{"2 | 统计指标 | 单位 |", "6 | （一）收到申请数 | 件 |"}},
		{"colspan prints empty cells after the cell",
			"<table><tr><td colspan=3>第二十条第（一）项</td></tr><tr><td>a</td><td colspan='2'>b</td><td>c</td></tr></table>",
			[]string{"1 | 第二十条第（一）项 |  |  |", "1 | a | b |  | c |"}},
		{"rowspan prints an empty cell in the rows below",
			"<table>\n<tr><td rowspan=3>三、本年度办理结果</td><td rowspan=2>（三）不予公开</td><td>1</td></tr>\n<tr><td>2</td></tr>\n<tr><td>（七）总计</td><td>3</td></tr>\n<tr><td>四</td><td>x</td><td>4</td></tr>\n</table>",
			[]string{"2 | 三、本年度办理结果 | （三）不予公开 | 1 |", "3 |  |  | 2 |", "4 |  | （七）总计 | 3 |", "5 | 四 | x | 4 |"}},
		{"a rowspan on the right pads the rows below",
			"<table><tr><td>a</td><td rowspan=2>总计</td></tr><tr><td>b</td></tr></table>",
			[]string{"1 | a | 总计 |", "1 | b |  |"}},
		{"a pipe in a cell is not a cell separator",
			"<table><tr><td>本年增|减</td><td>A｜B</td></tr></table>",
			[]string{"1 | 本年增 减 | A B |"}},
		{"missing end tags and upper case, as old pages print them",
			"<TABLE border=1>\r\n<TR><TD>规章<TD>0\r\n<TR><TD>规范性文件<TD>5\r\n</TABLE>",
			[]string{"2 | 规章 | 0 |", "3 | 规范性文件 | 5 |"}},
		{"a layout table's cells are blocks, its inner table's rows are rows",
			"<table><tr><td>菜单</td><td>\n<p>一、概述</p>\n<table><tr><td>行政许可</td><td>120</td></tr></table>\n<p>完</p></td></tr></table>",
			[]string{"1 菜单", "2 一、概述", "3 | 行政许可 | 120 |", "4 完"}},
		{"a single-column table is a layout table",
			"<table><tr><td><p>标题</p><p>正文</p></td></tr></table>",
			[]string{"1 标题", "1 正文"}},
		{"blank rows are left out",
			"<table><tr><td>&nbsp;</td><td> </td></tr><tr><td>a</td><td>1</td></tr></table>",
			[]string{"1 | a | 1 |"}},
		{"preformatted text keeps its lines and spacing",
			"<html><body><pre>\n规章\t0\n行政许可    120\n</pre>",
			[]string{"2 规章\t0", "3 行政许可    120"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := readHTML([]byte(tc.page), normalizeNewlines(tc.page))
			if p == nil {
				t.Fatal("not read as HTML")
			}
			var got []string
			for _, l := range p.lines {
				got = append(got, strings.Join([]string{itoa(l.n), l.text}, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

func TestIsHTML(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"<!DOCTYPE html>\n<html>", true},
		{"  <!-- saved -->\n<HTML lang=zh>", true},
		{"<meta charset=\"gbk\"><p>正文</p>", true},
		{"薛城区2017年报告\n<table border=1><tr><td>x</td></tr></table>", true},
		{"正文\n<p>一段</p>", true},
		{"薛城区人民政府2017年政府信息公开工作年度报告\n| 规章 | 0 |", false},
		{"| 规章<br>文件 | 0 |", false}, // markdown export with line breaks in a cell
		{"收到申请数 <5> 件", false},
	} {
		if got := isHTML(tc.text); got != tc.want {
			t.Errorf("isHTML(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestHTMLTitle finds the report's title where meta looks for it, above
// a long menu: the first <h1>, or else the page's <title> without the
// site's name.
func TestHTMLTitle(t *testing.T) {
	menu := strings.Repeat("<li><a href=#>栏目</a></li>\n", 20)
	for _, tc := range []struct{ name, page, want string }{
		{"h1 wrapped with a line break", "<title>无关</title><ul>" + menu + "</ul><h1>薛城区人民政府2017年政府信息公开<br>工作年度报告</h1>",
			"薛城区人民政府2017年政府信息公开工作年度报告"},
		{"title without the site's name", "<html><head><title>薛城区人民政府2019年政府信息公开工作年度报告_薛城区人民政府</title></head><body><ul>" + menu + "</ul><div class=title>薛城区人民政府2019年政府信息公开工作年度报告</div>",
			"薛城区人民政府2019年政府信息公开工作年度报告"},
	} {
		p := readHTML([]byte(tc.page), tc.page)
		if got := title(p.lines); got != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestHTMLBig5 reads a page in the charset its <meta> declares when it is
// not UTF-8 nor GB18030.
func TestHTMLBig5(t *testing.T) {
	page := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body><p>政府資訊公開年度報告</p></body></html>"
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	text, lines, page2, _, problem := read(b)
	if problem != "" || page2 == nil {
		t.Fatalf("problem %q, page %v", problem, page2)
	}
	if len(lines) != 1 || lines[0].text != "政府資訊公開年度報告" || !strings.Contains(text, "年度報告") {
		t.Errorf("lines %v", lines)
	}
}

// assertCited checks that every printed figure cites the source line of
// its own cell: a line of the page that holds a cell with the figure, and
// that figures of one row, in the order of its columns, cite lines in
// that order.
func assertCited(t *testing.T, src []byte, r *gongkai.Report, order []string) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	got := byKey(r)
	prev, prevRow := 0, ""
	for _, k := range order {
		o, ok := got[k]
		if !ok || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		if o.Line < 1 || o.Line > len(lines) {
			t.Errorf("%s: line %d out of the page", k, o.Line)
			continue
		}
		l := lines[o.Line-1]
		if !strings.Contains(strings.ToLower(l), "<td") || !strings.Contains(l, ">"+o.Raw) {
			t.Errorf("%s = %q cites line %d: %s", k, o.Raw, o.Line, l)
		}
		row := o.Label
		if row == prevRow && o.Line <= prev {
			t.Errorf("%s (%s) cites line %d, not after the cell before it in its row (line %d)", k, row, o.Line, prev)
		}
		prev, prevRow = o.Line, row
	}
}

// TestHTMLSeedReport reads the seed report published as a web page: every
// figure as in the text file, each citing its cell in the page's source.
func TestHTMLSeedReport(t *testing.T) {
	txt := parseFile(t, "../samples/xuecheng-2017.txt")
	for _, name := range []string{"../testdata/html/xuecheng-2017.html", "../testdata/html/xuecheng-2017-gbk.htm"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			r := parseFile(t, name)
			if !bytes.Equal(r.Source, src) {
				t.Error("Source is not the page's bytes")
			}
			if r.Template != gongkai.TemplateLegacy || r.Truncated != "" || len(r.Unplaced) != 0 || len(r.Missing) != 0 {
				t.Errorf("template %q, truncated %q, unplaced %v, missing %v", r.Template, r.Truncated, r.Unplaced, r.Missing)
			}
			if r.Title != txt.Title || r.Year != txt.Year || r.Publisher != txt.Publisher || r.PublishedOn != txt.PublishedOn || r.Contact != txt.Contact {
				t.Errorf("meta %q %d %v %q %v, want as the text file: %q %d %v %q %v",
					r.Title, r.Year, r.Publisher, r.PublishedOn, r.Contact, txt.Title, txt.Year, txt.Publisher, txt.PublishedOn, txt.Contact)
			}
			if headings(r) != headings(txt) {
				t.Errorf("sections\n%s\nwant\n%s", headings(r), headings(txt))
			}
			want := seedFigures
			if len(r.Observations) != len(want) {
				t.Errorf("%d figures, want %d", len(r.Observations), len(want))
			}
			got, labels := byKey(r), byKey(txt)
			var order []string
			for _, w := range want {
				k := key(w.indicator, "total")
				order = append(order, k)
				o, ok := got[k]
				if !ok {
					t.Errorf("%s missing", w.indicator)
					continue
				}
				if o.Value == nil || *o.Value != w.value || trimCell(o.Raw) != trimCell(w.raw) {
					t.Errorf("%s = %s (raw %q), want %v (raw %q)", w.indicator, show(o.Value), o.Raw, w.value, w.raw)
				}
				if o.Label != labels[k].Label {
					t.Errorf("%s: label %q, want %q", w.indicator, o.Label, labels[k].Label)
				}
			}
			assertCited(t, src, r, order)
			if strings.HasSuffix(name, "gbk.htm") && utf8.Valid(src) {
				t.Error("the GBK fixture is UTF-8")
			}
		})
	}
}

func headings(r *gongkai.Report) string {
	var hs []string
	for _, s := range r.Sections {
		hs = append(hs, s.Heading)
	}
	return strings.Join(hs, "\n")
}

// TestHTMLForms reads reports of the 2019 and 2021 formats published as web
// pages, their tables' headers merged across rows and columns as the
// national templates print them.
func TestHTMLForms(t *testing.T) {
	for _, tc := range []struct{ page, expected, template string }{
		{"../testdata/html/form2019.html", "../testdata/form2019/expected.csv", gongkai.Template2019},
		{"../testdata/html/form2021.html", "../testdata/form2021/expected.csv", gongkai.Template2021},
	} {
		t.Run(tc.page, func(t *testing.T) {
			r := parseFile(t, tc.page)
			if r.Template != tc.template || r.Truncated != "" {
				t.Errorf("template %q (want %q), truncated %q", r.Template, tc.template, r.Truncated)
			}
			for _, u := range r.Unplaced {
				t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
			}
			if r.Title == "" || strings.Contains(r.Title, "网站") || r.Publisher.AdminCode != "370403" || len(r.Sections) != 6 {
				t.Errorf("title %q, publisher %v, %d sections", r.Title, r.Publisher, len(r.Sections))
			}
			want := readExpected(t, tc.expected)
			assertFigures(t, r, want)
			var order []string
			for _, w := range want {
				order = append(order, key(w.indicator, w.breakdown))
			}
			src, _ := os.ReadFile(tc.page)
			assertCited(t, src, r, order)
		})
	}
}

// TestHTMLNoTable fails a page without a statistics table as it fails a
// text file, naming the first line.
func TestHTMLNoTable(t *testing.T) {
	_, err := Parse("news.html", []byte("<!DOCTYPE html><html><body><p>新闻</p></body></html>"))
	if err == nil || !strings.Contains(err.Error(), "no statistics table") {
		t.Errorf("err %v", err)
	}
}
