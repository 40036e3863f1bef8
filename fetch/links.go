package fetch

import (
	"net"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"
)

var (
	// reportWords mark a link or page title as an annual report: 年度报告
	// (工作年度报告, 年度工作报告) or 年报.
	reportWords = regexp.MustCompile(`年度报告|年度工作报告|年报`)
	// notReport mark the pages that go with a report but are not one: its
	// interpretation (解读, 图解, 一图读懂) or a video.
	notReport = regexp.MustCompile(`解读|图解|一图读懂|视频`)
	// reportYear is a year in a report's title (2008 onwards, or earlier for old archives).
	reportYear = regexp.MustCompile(`(?:19|20)\d\d\s*年?`)
	// nextWords are the texts of a listing's link to its next page.
	nextWords = regexp.MustCompile(`^(?:下一页|下页|后页|next|next page|›|»|>|>>)$`)
	// pagedPath is the file name of a numbered listing page (index_1.html,
	// list_2.shtml, default3.htm): the static pagination of the CMSs that
	// government sites run on.
	pagedPath = regexp.MustCompile(`(?i)^(?:index|list|default)_?\d+\.s?html?$`)
	// pageParam is a query parameter that numbers a listing's pages.
	pageParam = regexp.MustCompile(`(?i)^(?:page|pageno|pageindex|pagenum|curpage|currpage|p|pn)$`)
	// createPageHTML is the pagination script of the TRS CMS, which many
	// government sites run: createPageHTML(pages, current, "index", "html")
	// writes links to index.html, index_1.html … index_{pages-1}.html.
	createPageHTML = regexp.MustCompile(`createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]`)
	// attachmentExt are the file types an attachment of a report comes in.
	attachmentExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".wps": true, ".txt": true}
)

// link is an <a> of a page: where it points and what it says.
type link struct {
	URL   *url.URL
	Text  string // the link text and its title attribute, spaces squeezed
	Class string // the link's class, for pagination buttons
}

// page is what the crawler reads from an HTML page.
type page struct {
	Title   string // <title>, or the first <h1> when there is none
	Links   []link
	Scripts string // the inline scripts, where pagination is often written
}

// readPage parses an HTML page for its title, links and inline scripts.
// Relative links are resolved against base (or the page's <base href>).
func readPage(base *url.URL, text string) *page {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil { // html.Parse accepts any text; this is an I/O error of the reader
		return &page{}
	}
	p := &page{}
	var h1 string
	var scripts strings.Builder
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "base":
			if b, err := base.Parse(attr(n, "href")); err == nil && attr(n, "href") != "" {
				base = b
			}
		case "title":
			if p.Title == "" {
				p.Title = squeeze(textOf(n))
			}
		case "h1":
			if h1 == "" {
				h1 = squeeze(textOf(n))
			}
		case "script":
			scripts.WriteString(textOf(n))
			scripts.WriteByte('\n')
		case "a":
			href := strings.TrimSpace(attr(n, "href"))
			if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
				continue
			}
			u, err := base.Parse(href)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				continue
			}
			u.Fragment = ""
			p.Links = append(p.Links, link{URL: u, Text: squeeze(textOf(n) + " " + attr(n, "title")), Class: attr(n, "class")})
		}
	}
	if p.Title == "" {
		p.Title = h1
	}
	p.Scripts = scripts.String()
	return p
}

// reportLinks are the links to annual reports on the same site as from:
// their text or title names a report and a year.
func (p *page) reportLinks(from *url.URL) []*url.URL {
	var out []*url.URL
	for _, l := range p.Links {
		if sameSite(from, l.URL) && looksLikeReport(l.Text) && !isAttachment(l) {
			out = append(out, l.URL)
		}
	}
	return unique(out)
}

// reportFileLinks are links of a listing straight to report files (a PDF
// titled as a report), each once.
func (p *page) reportFileLinks(from *url.URL) []link {
	var out []link
	seen := map[string]bool{}
	for _, l := range p.Links {
		if sameSite(from, l.URL) && looksLikeReport(l.Text) && isAttachment(l) && !seen[l.URL.String()] {
			seen[l.URL.String()] = true
			out = append(out, l)
		}
	}
	return out
}

// attachments are the links of a report page to files (PDF, DOC, DOCX …),
// on any site: a report's files are often kept on a file server of their own.
func (p *page) attachments() []*url.URL {
	var out []*url.URL
	for _, l := range p.Links {
		if isAttachment(l) {
			out = append(out, l.URL)
		}
	}
	return unique(out)
}

// nextPages are the links of a listing to its further pages on the same
// site: a "next page" link, numbered pages (index_1.html, ?page=2) and the
// pages that a TRS createPageHTML script writes.
func (p *page) nextPages(from *url.URL) []*url.URL {
	var out []*url.URL
	for _, l := range p.Links {
		if !sameSite(from, l.URL) || looksLikeReport(l.Text) {
			continue
		}
		if nextWords.MatchString(strings.ToLower(l.Text)) || pagedPath.MatchString(path.Base(l.URL.Path)) || hasPageParam(l.URL) {
			out = append(out, l.URL)
		}
	}
	return unique(append(out, scriptPages(from, p.Scripts)...))
}

// unique is urls without repetitions, in the order of their first appearance
// (a listing links a report by its title and by its date, a page numbered
// pages and a next page).
func unique(urls []*url.URL) []*url.URL {
	seen := map[string]bool{}
	out := urls[:0]
	for _, u := range urls {
		if k := u.String(); !seen[k] {
			seen[k] = true
			out = append(out, u)
		}
	}
	return out
}

func hasPageParam(u *url.URL) bool {
	for k, v := range u.Query() {
		if pageParam.MatchString(k) && len(v) == 1 {
			if _, err := strconv.Atoi(v[0]); err == nil {
				return true
			}
		}
	}
	return false
}

// scriptPages are the pages a createPageHTML call links to, beside from.
func scriptPages(from *url.URL, scripts string) []*url.URL {
	m := createPageHTML.FindStringSubmatch(scripts)
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(m[1]) // the pattern's digits
	var out []*url.URL
	for i := 1; i < n; i++ {
		if u, err := from.Parse(m[3] + "_" + strconv.Itoa(i) + "." + m[4]); err == nil {
			out = append(out, u)
		}
	}
	return out
}

// isReportPage reports whether a page without a table is the page of one
// report whose table is in its attachment: titled as a report, with
// attachments, of which at most one is titled as a report itself (a
// listing of report files has many).
func (p *page) isReportPage(from *url.URL) bool {
	return looksLikeReport(p.Title) && len(p.attachments()) > 0 && len(p.reportFileLinks(from)) <= 1
}

// looksLikeReport reports whether a title names an annual report and a
// year, and not a page that goes with one (its interpretation).
func looksLikeReport(title string) bool {
	return reportWords.MatchString(title) && reportYear.MatchString(title) && !notReport.MatchString(title)
}

// isAttachment reports whether a link points to a file a report may be in.
func isAttachment(l link) bool {
	if attachmentExt[strings.ToLower(path.Ext(l.URL.Path))] {
		return true
	}
	text := strings.ToLower(l.Text)
	for ext := range attachmentExt {
		if strings.HasSuffix(text, ext) {
			return true
		}
	}
	return false
}

// sameSite reports whether a and b are on one site: the same registered
// domain (www.shuyang.gov.cn and xxgk.shuyang.gov.cn), or the same host
// where there is none (an IP address, localhost).
func sameSite(a, b *url.URL) bool {
	ha, hb := a.Hostname(), b.Hostname()
	if ha == hb {
		return true
	}
	if net.ParseIP(ha) != nil || net.ParseIP(hb) != nil {
		return false
	}
	da, erra := publicsuffix.EffectiveTLDPlusOne(ha)
	db, errb := publicsuffix.EffectiveTLDPlusOne(hb)
	return erra == nil && errb == nil && da == db
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// squeeze collapses runs of white space (full-width spaces included) into one space.
func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ")
}
