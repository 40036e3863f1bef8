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
	"github.com/gongkai/gongkai/ingest/meta"
	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/ingest/source/html"
)

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
		p := html.Read([]byte(tc.page), tc.page)
		if got := meta.Title(p.Lines); got != tc.want {
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
	doc, err := read(b)
	if err != nil || doc.Cells == nil {
		t.Fatalf("error %v, cells %v", err, doc)
	}
	text, lines := doc.Text(), doc.Lines
	if len(lines) != 1 || lines[0].Text != "政府資訊公開年度報告" || !strings.Contains(text, "年度報告") {
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
				if o.Value == nil || *o.Value != w.value || source.Trim(o.Raw) != source.Trim(w.raw) {
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
