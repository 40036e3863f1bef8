// Package meta reads what a report says of itself: its title, year,
// publisher (with its division code, level and English name), date of
// publication, contact details and the sections of its narrative.
package meta

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/region"
)

var (
	yearIn       = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	titleParts   = regexp.MustCompile(`^(.*?)((?:19|20)\d{2})\s*年度?(.*?)(?:政府信息公开|政务公开|信息公开)`)
	dateLine     = regexp.MustCompile(`^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*)?日?$`)
	periodClause = regexp.MustCompile(`统计期限?(?:自|为|是)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日`)

	reAddress  = regexp.MustCompile(`(?:通讯地址|联系地址|地址)[:：]\s*([^，,；;）)\n]+)`)
	rePostcode = regexp.MustCompile(`邮(?:政)?编(?:码)?[:：]?\s*(\d{6})`)
	rePhone    = regexp.MustCompile(`(?:联系电话|电话|联系方式)[:：]\s*([0-9０-９][0-9０-９\-—－–()（） ]{5,}[0-9０-９])`)
	reEmail    = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	reContact  = regexp.MustCompile(`(?:请与|请联系|联系单位[:：])\s*([^（(，,。\n]{2,40}?)(?:联系|[（(]|$)`)
)

// Read reads what a report says of itself from its narrative lines (the
// lines before the table) and, for a table-only file, the table's own title.
func Read(r *gongkai.Report, narrative []source.Line, text string) {
	r.Title = Title(narrative)
	r.Year = reportYear(r.Title, text)
	r.Publisher = PublisherOf(r.Title, text)
	r.PublishedOn = published(narrative)
	r.Contact = contact(text)
	r.Sections = Sections(narrative)

	missing := func(name string, absent bool) {
		if absent {
			r.Missing = append(r.Missing, name)
		}
	}
	missing("title", r.Title == "")
	missing("publisher", r.Publisher.NameZh == "")
	missing("admin_code", r.Publisher.AdminCode == "")
	missing("year", r.Year == 0)
	missing("published_on", r.PublishedOn == "")
	missing("contact", r.Contact == gongkai.Contact{})
	missing("sections", len(r.Sections) == 0)
}

// Title is the first short line near the top that names a report
// (…年度报告), joined with the short line before it when the title wraps
// (薛城区人民政府 / 2017年政府信息公开工作年度报告). Lines of site navigation
// or dates above it are left out.
func Title(lines []source.Line) string {
	var prev string
	prevMenu := false // prev may be a menu item: joined only into a title with a year
	seen := 0
	for _, l := range lines {
		t := source.Trim(l.Text)
		if t == "" {
			continue
		}
		if strings.Contains(t, "。") {
			return ""
		}
		menu := menuItem(t)
		if !menu {
			if seen++; seen > 15 {
				return ""
			}
		}
		if strings.ContainsAny(t, ">»›") { // site navigation: 首页 > 政府信息公开 > 年度报告
			prev = ""
			continue
		}
		short := utf8.RuneCountInString(t) <= 40
		if short && strings.Contains(t, "报告") {
			title := t
			if prev != "" && !strings.Contains(prev, "报告") && (!yearIn.MatchString(t) || titleStart.MatchString(t)) &&
				(!prevMenu || yearIn.MatchString(prev+t)) {
				title = prev + t
			}
			if utf8.RuneCountInString(title) >= minTitle {
				return title
			}
		}
		prev, prevMenu = "", menu
		if short && !label.Heading.MatchString(t) && !strings.ContainsAny(t, "/|：:") {
			prev = t
		}
	}
	return ""
}

// minTitle is the fewest characters of a title: shorter lines that name a
// report (年度报告, 工作报告) are the items of a site's menu.
const minTitle = 8

// menuItem reports whether a line may be an item of a site's menu above
// the title (首页, 政务公开, 网站地图): a few characters with no figure and
// no report in them. Menus run to dozens of such lines, which the search
// for the title passes without counting; but a short publisher's name
// (某区政府) above a wrapped title looks the same.
func menuItem(t string) bool {
	return utf8.RuneCountInString(t) <= 6 && !strings.Contains(t, "报告") && !strings.ContainsAny(t, "0123456789")
}

// titleStart matches a title line that begins with the year or the words
// after the publisher's name, so the line before names the publisher.
var titleStart = regexp.MustCompile(`^(?:(?:19|20)\d{2}\s*年|关于|工作|年度|政府信息公开)`)

func reportYear(title, text string) int {
	if m := yearIn.FindStringSubmatch(title); m != nil {
		return atoi(m[1])
	}
	if m := periodClause.FindStringSubmatch(text); m != nil {
		return atoi(m[1])
	}
	for _, re := range yearMentions {
		if m := re.FindStringSubmatch(text); m != nil {
			return atoi(m[1])
		}
	}
	return 0
}

// yearMentions find the report's year in its text when neither the title
// nor the period clause gives it, the surer phrase first.
var yearMentions = []*regexp.Regexp{
	regexp.MustCompile(`((?:19|20)\d{2})\s*年度?政府信息公开`),
	regexp.MustCompile(`((?:19|20)\d{2})\s*年度`),
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// fillerUnit matches the 填报单位 printed above the legacy table, the name
// ending at the first space of any kind: the form pads it from the 填表日期
// beside it with spaces, often no-break ones.
var fillerUnit = regexp.MustCompile(`填报单位[:：][\s\p{Zs}]*([^\s\p{Zs}]+)`)

// PublisherOf names the body that issues the report: the words before the year
// in the title (薛城区人民政府2017年…), or the 填报单位 of the table.
func PublisherOf(title, text string) gongkai.Publisher {
	name := ""
	if m := titleParts.FindStringSubmatch(title); m != nil {
		// 薛城区人民政府2017年政府信息公开…, or 2017年薛城区政府信息公开…
		name = strings.TrimSuffix(strings.TrimSpace(m[1]), "关于")
		if name == "" {
			name = strings.TrimSpace(m[3])
		}
	}
	if name == "" {
		if m := fillerUnit.FindStringSubmatch(text); m != nil {
			name, _, _ = strings.Cut(m[1], "填表") // 填表日期 printed right after the name
		}
	}
	if name == "" {
		return gongkai.Publisher{}
	}
	return Publisher(name, text)
}

// Publisher describes the body called name: its division code, level and
// stable id. context (the report's text) breaks ties between places of the
// same name.
func Publisher(name, context string) gongkai.Publisher {
	p := gongkai.Publisher{NameZh: name}
	d, ok := region.Resolve(name, context)
	if ok {
		p.AdminCode, p.ParentCode = d.Code, d.Parent
	}
	p.Level = level(name, d, ok)
	p.ID = publisherID(p, ok && p.Level == d.Level)
	p.NameEn = englishName(name, d, ok)
	return p
}

// level tells a government from a department: a name that is only place
// names followed by 人民政府 is the government of the most specific place.
func level(name string, d region.Division, resolved bool) string {
	rest := name
	if resolved {
		for _, a := range append([]region.Division{d}, region.Ancestors(d.Code)...) {
			rest = strings.ReplaceAll(rest, a.Name, "")
		}
	}
	switch {
	case resolved && (rest == "" || rest == "人民政府" || rest == "政府"):
		return d.Level
	case township.MatchString(name):
		return "township"
	}
	return "department"
}

// township matches the name of a township or sub-district body.
var township = regexp.MustCompile(`(镇|乡|街道)(人民政府|政府|办事处)?$`)

// publisherID is stable across reports: a government is known by its
// division code (370403); any other body by the code of its region and a
// digest of its name.
func publisherID(p gongkai.Publisher, government bool) string {
	if government {
		return p.AdminCode
	}
	sum := sha256.Sum256([]byte(p.NameZh))
	prefix := p.AdminCode
	if prefix == "" {
		prefix = "x"
	}
	return fmt.Sprintf("%s-%s", prefix, hex.EncodeToString(sum[:4]))
}

// published is the date printed on a line of its own under the signature;
// a blank day (2018年2月   日) gives year and month only.
func published(lines []source.Line) string {
	for _, l := range lines {
		m := dateLine.FindStringSubmatch(source.Trim(l.Text))
		if m == nil {
			continue
		}
		if m[3] != "" {
			return fmt.Sprintf("%s-%02d-%02d", m[1], atoi(m[2]), atoi(m[3]))
		}
		return fmt.Sprintf("%s-%02d", m[1], atoi(m[2]))
	}
	return ""
}

func contact(text string) gongkai.Contact {
	// Only the lines that can hold a contact detail are searched.
	var b strings.Builder
	for l := range strings.SplitSeq(text, "\n") {
		if strings.Contains(l, "@") || strings.ContainsAny(l, "址编电话联") {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	text = b.String()
	var c gongkai.Contact
	first := func(re *regexp.Regexp) string {
		if m := re.FindStringSubmatch(text); m != nil {
			return strings.TrimSpace(m[len(m)-1])
		}
		return ""
	}
	c.Address = first(reAddress)
	c.Postcode = first(rePostcode)
	c.Phone = strings.TrimSpace(label.Fold(first(rePhone)))
	c.Email = reEmail.FindString(text)
	c.Organization = first(reContact)
	return c
}

// Sections splits the narrative at its numbered headings (一、概述).
func Sections(lines []source.Line) []gongkai.Section {
	var out []gongkai.Section
	var body []string
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = nil
	}
	for _, l := range lines {
		t := source.Trim(l.Text)
		if label.Heading.MatchString(t) && len([]rune(t)) <= 40 && !strings.Contains(t, "。") {
			flush()
			out = append(out, gongkai.Section{Heading: t, Line: l.N})
			continue
		}
		if len(out) > 0 {
			body = append(body, t)
		}
	}
	flush()
	return out
}
