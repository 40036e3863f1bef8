package html

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
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
			p := Read([]byte(tc.page), source.NormalizeNewlines(tc.page))
			if p == nil {
				t.Fatal("not read as HTML")
			}
			var got []string
			for _, l := range p.Lines {
				got = append(got, strings.Join([]string{strconv.Itoa(l.N), l.Text}, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
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
		if got := Is(tc.text); got != tc.want {
			t.Errorf("isHTML(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
