package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// trsListing is a listing page as the TRS CMS of many government sites
// writes it: the column's reports among navigation, news and a footer, and
// the pagination written by a script.
const trsListing = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年度报告_沭阳县人民政府</title>
<base href="http://www.shuyang.gov.cn/sygfj/gknb/"></head><body>
<div class="nav"><a href="/">首页</a><a href="/col/zwdt/">政务动态</a><a href="javascript:void(0)">无障碍</a>
<a href="/sygfj/zwdt/202401/t20240105_1.html">县发改局召开2023年度工作总结会议</a></div>
<ul class="list">
<li><a href="./202401/2ecfb31a.shtml" title="沭阳县发展和改革局2023年政府信息公开年度报告">沭阳县发展和改革局2023年政府信息...</a></li>
<li><a href="./202301/5b7c.shtml">沭阳县发展和改革局2022年度政府信息公开工作年度报告</a><a href="./202301/5b7c.shtml">2023-01-31 2022年度报告</a></li>
<li><a href="http://xxgk.shuyang.gov.cn/fgj/2021nb.html">2021年度政府信息公开年报</a></li>
<li><a href="http://www.suqian.gov.cn/nb/2020.html">宿迁市2020年政府信息公开工作年度报告</a></li>
<li><a href="/files/2020nb.pdf">2020年政府信息公开工作年度报告</a></li>
<li><a href="./jd.shtml">政府信息公开工作年度报告解读</a></li>
<li><a href="./202401/jd2023.shtml">【图解】沭阳县发展和改革局2023年政府信息公开年度报告</a></li>
</ul>
<div class="page"><a href="index_1.shtml">2</a><a href="?page=3">3</a><a href="index_1.shtml">下一页</a></div>
<script>createPageHTML(3, 0, "index", "shtml");</script>
<div class="footer"><a href="http://www.beian.gov.cn/">苏公网安备 32132202000000号</a></div></body></html>`

func TestListingLinks(t *testing.T) {
	from, _ := url.Parse("http://www.shuyang.gov.cn/sygfj/gknb/index.shtml")
	p := readPage(from, trsListing)
	if p.Title != "政府信息公开年度报告_沭阳县人民政府" {
		t.Errorf("title = %q", p.Title)
	}
	want := []string{ // a year and 年度报告 or 年报, on the site (xxgk. is the same site); not the 解读 and 图解
		"http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a.shtml",
		"http://www.shuyang.gov.cn/sygfj/gknb/202301/5b7c.shtml",
		"http://xxgk.shuyang.gov.cn/fgj/2021nb.html",
	}
	if got := urlStrings(p.reportLinks(from)); !slices.Equal(got, want) {
		t.Errorf("report links = %q, want %q", got, want)
	}
	if got := p.reportFileLinks(from); len(got) != 1 || got[0].URL.String() != "http://www.shuyang.gov.cn/files/2020nb.pdf" ||
		got[0].Text != "2020年政府信息公开工作年度报告" {
		t.Errorf("report files = %q", got)
	}
	wantPages := []string{
		"http://www.shuyang.gov.cn/sygfj/gknb/index_1.shtml",
		"http://www.shuyang.gov.cn/sygfj/gknb/?page=3",
		"http://www.shuyang.gov.cn/sygfj/gknb/index_2.shtml", // createPageHTML(3, …); index_1 again, and 下一页, once
	}
	if got := urlStrings(p.nextPages(from)); !slices.Equal(got, wantPages) {
		t.Errorf("next pages = %q, want %q", got, wantPages)
	}
}

func TestAttachments(t *testing.T) {
	from, _ := url.Parse("http://www.pingtan.gov.cn/zwgk/nb/t20250120_1.htm")
	p := readPage(from, `<h1>平潭综合实验区2024年度政府信息公开工作年度报告</h1>
		<a href="/share/">分享</a><a href="./P0202501.pdf">附件1</a><a href="/down?id=7" title="2024年报.docx">下载</a>
		<a href="../old/P0201901.DOC">2018年报</a><a href="/pic/a.jpg">图</a>`)
	want := []string{"http://www.pingtan.gov.cn/zwgk/nb/P0202501.pdf", "http://www.pingtan.gov.cn/down?id=7",
		"http://www.pingtan.gov.cn/zwgk/old/P0201901.DOC"}
	if got := urlStrings(p.attachments()); !slices.Equal(got, want) {
		t.Errorf("attachments = %q, want %q", got, want)
	}
	if p.Title != "平潭综合实验区2024年度政府信息公开工作年度报告" {
		t.Errorf("title from <h1> = %q", p.Title)
	}
}

func TestIsReportPage(t *testing.T) {
	from, _ := url.Parse("http://www.pingtan.gov.cn/zwgk/nb/")
	for _, c := range []struct {
		name, html string
		want       bool
	}{
		{"a report with its PDF", `<title>平潭综合实验区2024年度政府信息公开工作年度报告</title><a href="a.pdf">附件</a>`, true},
		{"a report with its file titled as the report", `<title>平潭综合实验区2024年度政府信息公开工作年度报告</title>
			<a href="a.pdf">2024年度报告.pdf</a><a href="b.pdf">解读.pdf</a>`, true},
		{"a column of report files in a year", `<title>2024年度政府信息公开工作年度报告专栏</title>
			<a href="a.pdf">平潭2024年度报告</a><a href="b.pdf">福州2024年度报告</a>`, false},
		{"a report page without attachments", `<title>平潭综合实验区2024年度政府信息公开工作年度报告</title>`, false},
		{"a listing", `<title>政府信息公开年度报告</title><a href="a.pdf">附件</a>`, false},
	} {
		if got := readPage(from, c.html).isReportPage(from); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSameSite(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"http://www.shuyang.gov.cn/a", "https://xxgk.shuyang.gov.cn/b", true},
		{"http://www.shuyang.gov.cn/a", "http://www.suqian.gov.cn/b", false},
		{"http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b", true},
		{"http://127.0.0.1/a", "http://127.0.0.2/b", false},
	} {
		a, _ := url.Parse(c.a)
		b, _ := url.Parse(c.b)
		if got := sameSite(a, b); got != c.same {
			t.Errorf("sameSite(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

func TestDecodeForIngest(t *testing.T) {
	page := `<html><head>%s<title>平潭综合实验区2024年度政府信息公开工作年度报告</title></head><body>收到申请数</body></html>`
	gbk := func(meta string) []byte {
		b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(fmt.Sprintf(page, meta)))
		return b
	}
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<html><head><title>臺北市政府2024年度政府資訊公開年度報告</title></head><body>政府資訊公開工作年度報告</body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, ctype string
		body        []byte
		transcoded  string // "" when handed over as served
	}{
		{"UTF-8", "text/html; charset=gbk", []byte(fmt.Sprintf(page, "")), ""},
		{"GBK declared nowhere: ingest reads GB18030", "text/html", gbk(""), ""},
		{"GBK declared in the header only", "text/html; charset=GBK", gbk(""), ""},
		{"GB2312 in the header and the meta", "text/html; charset=gb2312", gbk(`<meta charset="gb2312">`), ""},
		{"GBK under a meta that says UTF-8", "text/html; charset=gbk", gbk(`<meta charset="utf-8">`), "gbk"},
		{"Big5 declared in the header only", "text/html; charset=big5", big5, "big5"},
	} {
		got, from := decodeForIngest(c.body, c.ctype)
		if from != c.transcoded {
			t.Errorf("%s: transcoded from %q, want %q", c.name, from, c.transcoded)
		}
		if from == "" && !bytes.Equal(got, c.body) {
			t.Errorf("%s: bytes changed", c.name)
		}
		if from != "" && !bytes.Contains(got, []byte("年度报告")) && !bytes.Contains(got, []byte("年度報告")) {
			t.Errorf("%s: transcoded to %q", c.name, got)
		}
	}
	if got := decodeText(gbk(""), "text/html"); !strings.Contains(got, "平潭综合实验区") {
		t.Errorf("decodeText of GBK declared nowhere = %q", got)
	}
}

func urlStrings(us []*url.URL) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.String()
	}
	return out
}
