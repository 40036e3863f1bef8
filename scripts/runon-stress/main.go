// Command runon-stress measures the parser on web pages whose text was
// taken with the table cells run together: synth's pages of the 2019 and
// 2021 forms, their tags dropped with nothing in their place, scored
// figure by figure against synth's truth. It prints the figures found and
// every figure wrong or invented (derived sums are not scored), and with
// -v the rows left unplaced and their reasons.
//
//	go run ./scripts/runon-stress [-reports 150] [-rows] [-spaces] [-v]
//
// -rows breaks the text at each table row and paragraph (a line a row);
// -spaces keeps a space after three cells in ten, as a page whose source
// parts some cells by white space does; without either the whole page is
// one line, as the pingtan archive stores it.
package main

import (
	"flag"
	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/synth"
)

var (
	scripts  = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`)
	tags     = regexp.MustCompile(`(?s)<[^>]*>`)
	space    = regexp.MustCompile(`\s+`)
	cellEnd  = regexp.MustCompile(`</t[dh]>`)
	rowBreak = regexp.MustCompile(`(?i)</tr>|</p>|<br\s*/?>`)
)

// lineBreak stands for a line break kept through the collapsing of white
// space.
const lineBreak = "\x00"

// flatten is a page's text with its cells run together.
func flatten(page string, seed int, rows, spaces bool) string {
	page = scripts.ReplaceAllString(page, "")
	if spaces {
		n := seed
		page = cellEnd.ReplaceAllStringFunc(page, func(m string) string {
			n = (n*7919 + 13) % 1000
			if n%10 < 3 {
				return m + " "
			}
			return m
		})
	}
	if rows {
		page = rowBreak.ReplaceAllString(page, lineBreak)
	}
	page = html.UnescapeString(tags.ReplaceAllString(page, ""))
	return strings.ReplaceAll(strings.TrimSpace(space.ReplaceAllString(page, " ")), lineBreak, "\n")
}

func main() {
	reports := flag.Int("reports", 150, "pages to read")
	rows := flag.Bool("rows", false, "a line a table row")
	spaces := flag.Bool("spaces", false, "a space after some cells")
	verbose := flag.Bool("v", false, "print the rows unplaced")
	flag.Parse()
	c, err := synth.New(synth.Options{Reports: 20 * *reports, Seed: 31})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var found, figures, wrong, pages int
	for i := 0; i < c.Len() && pages < *reports; i++ {
		r, err := c.Report(i)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if r.Format != "html" || r.Broken != "" || r.Template == gongkai.TemplateLegacy {
			continue
		}
		pages++
		figures += len(r.Figures)
		text := "标题: x\n正文\n" + flatten(string(r.Data), i, *rows, *spaces) + "\n"
		rep, err := ingest.Parse(fmt.Sprintf("page-%d.txt", i), []byte(text))
		if err != nil {
			fmt.Printf("page %d (%s): %v\n", i, r.Template, err)
			continue
		}
		f, w := score(i, r, rep)
		found, wrong = found+f, wrong+w
		if *verbose {
			for _, u := range rep.Unplaced {
				fmt.Printf("page %d (%s) unplaced %s: %s\n", i, r.Template, u.Label, u.Reason)
			}
		}
	}
	fmt.Printf("pages %d figures %d found %d (%.3f) wrong or invented %d\n", pages, figures, found, float64(found)/float64(figures), wrong)
}

// score counts the figures of a page found, and prints and counts those
// wrong or invented.
func score(i int, r *synth.Report, rep *gongkai.Report) (found, wrong int) {
	got := map[string]float64{}
	for _, o := range rep.Observations {
		if o.Value != nil && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			got[o.Indicator+"/"+o.Breakdown] = *o.Value
		}
	}
	for k, g := range got {
		want, ok := r.Figures[k]
		switch {
		case !ok:
			fmt.Printf("page %d (%s): %s = %v invented\n", i, r.Template, k, g)
			wrong++
		case g != want:
			fmt.Printf("page %d (%s): %s = %v, want %v\n", i, r.Template, k, g, want)
			wrong++
		default:
			found++
		}
	}
	return found, wrong
}
