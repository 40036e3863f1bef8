package web_test

// Tests in a real browser: headless Chromium (Debian's chromium package,
// which .ci/run installs) driven by go-rod. One browser serves every test
// of the binary, each test in a page of its own.

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"
)

// browserTimeout bounds each browser test, so that a hung page fails it
// instead of the whole test binary.
const browserTimeout = 60 * time.Second

var browser struct {
	once     sync.Once
	b        *rod.Browser
	launcher *launcher.Launcher
	err      error
}

// chromium returns the path of a Chromium or Chrome binary, "" if none is installed.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// closeBrowser ends the browser, if a test started it. TestMain calls it.
func closeBrowser() {
	if browser.b != nil {
		browser.b.Close()
	}
	if browser.launcher != nil {
		browser.launcher.Kill()
		browser.launcher.Cleanup()
	}
}

// newTab returns a new page of the shared browser whose failures fail the
// test, and checks when the test ends that it logged no error (console
// errors, uncaught exceptions, failed loads). Without a browser the test
// is skipped, except in CI (CI set), where it fails.
func newTab(t *testing.T) *rod.Page {
	t.Helper()
	path := chromium()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium: .ci/run installs it (apt-get install chromium)")
		}
		t.Skip("no chromium installed (apt-get install chromium)")
	}
	browser.once.Do(func() {
		// Leakless off: it would unpack a helper binary; closeBrowser kills the browser.
		l := launcher.New().Bin(path).Headless(true).NoSandbox(true).Leakless(false).Set("disable-gpu")
		u, err := l.Launch()
		if err != nil {
			browser.err = err
			return
		}
		browser.launcher = l
		browser.b = rod.New().ControlURL(u)
		browser.err = browser.b.Connect()
	})
	if browser.err != nil {
		t.Fatalf("start %s: %v", path, browser.err)
	}
	page, err := browser.b.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { page.Close() })
	page = page.Timeout(browserTimeout).WithPanic(func(v any) { t.Helper(); t.Fatal(v) })
	page.MustSetViewport(1200, 900, 1, false)
	console := &consoleLog{}
	go page.EachEvent(console.console, console.exception, console.entry)()
	if err := (proto.LogEnable{}).Call(page); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, e := range console.errors() {
			t.Errorf("browser: %s", e)
		}
	})
	return page
}

// consoleLog collects what a page reports as errors: console.error calls,
// uncaught exceptions and the browser's log of failed loads (a missing
// stylesheet or image).
type consoleLog struct {
	mu   sync.Mutex
	errs []string
}

func (c *consoleLog) add(msg string) {
	c.mu.Lock()
	c.errs = append(c.errs, msg)
	c.mu.Unlock()
}

func (c *consoleLog) console(e *proto.RuntimeConsoleAPICalled) {
	if e.Type == proto.RuntimeConsoleAPICalledTypeError {
		msg := "console.error"
		for _, a := range e.Args {
			msg += " " + a.Value.String()
		}
		c.add(msg)
	}
}

func (c *consoleLog) exception(e *proto.RuntimeExceptionThrown) {
	c.add("exception: " + e.ExceptionDetails.Text)
}

func (c *consoleLog) entry(e *proto.LogEntryAdded) {
	if e.Entry.Level == proto.LogLogEntryLevelError {
		c.add(e.Entry.Text + " " + e.Entry.URL)
	}
}

func (c *consoleLog) errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...)
}

// open navigates to url and waits for the page to load.
func open(page *rod.Page, url string) {
	page.MustNavigate(url).MustWaitLoad()
}

// clickAndWait clicks an element and waits for the page it leads to.
func clickAndWait(page *rod.Page, el *rod.Element) {
	wait := page.MustWaitNavigation()
	el.MustClick()
	wait()
	page.MustWaitLoad()
}

// The journalist: searches 薛城, opens the report, sees 13 under
// 收到申请数, follows the figure to line 135 of the source, and sees the
// narrative's 16 flagged against the table's 13.
func TestBrowserJournalistPath(t *testing.T) {
	srv := newServer(t)
	page := newTab(t)
	open(page, srv.URL+"/")
	page.MustElement("#q-home").MustInput("薛城")
	clickAndWait(page, page.MustElement(`main form.search button`))
	if hits := page.MustElement("ol.hits").MustText(); !strings.Contains(hits, "薛城区人民政府2017年政府信息公开工作年度报告") {
		t.Fatalf("the hits do not list the 2017 report:\n%s", hits)
	}
	clickAndWait(page, page.MustElement(`ol.hits a[href="/reports/1"]`))

	cell := page.MustElementX(`//tr[th[contains(., "（一）收到申请数")]]//td[contains(@class, "num")]/a`)
	if figure := cell.MustText(); figure != "13" {
		t.Fatalf("收到申请数 shows %q, want 13", figure)
	}
	clickAndWait(page, cell)
	if url := page.MustInfo().URL; !strings.HasSuffix(url, "/reports/1/source#L135") {
		t.Fatalf("the figure leads to %s, want /reports/1/source#L135", url)
	}
	target := page.MustEval(`() => { const li = document.querySelector("li:target"); return li ? li.id + " " + li.querySelector(".t").textContent.trim() : "nothing targeted"; }`).String()
	if target != "L135 13" {
		t.Errorf("the highlighted line is %q, want line 135 reading 13", target)
	}
	if bg := page.MustEval(`() => getComputedStyle(document.querySelector("#L135")).backgroundColor`).String(); bg == "rgba(0, 0, 0, 0)" || bg == "rgb(255, 255, 255)" {
		t.Errorf("line 135 is not highlighted: background %s", bg)
	}
	if visible := page.MustEval(`() => { const r = document.querySelector("#L135").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }`).Bool(); !visible {
		t.Error("line 135 is not scrolled into view")
	}

	page.MustNavigateBack().MustWaitLoad()
	if m := page.MustElement("mark.contradiction").MustText(); !strings.Contains(m, "申请16件") {
		t.Errorf("the marked sentence is %q, want the narrative's 16", m)
	}
	if n := page.MustElement("mark.contradiction + a.note").MustText(); !strings.Contains(n, "表中为 13") {
		t.Errorf("the note beside it is %q, want the table's 13", n)
	}
}

// The chart of an indicator renders: the image loads at its size, and the
// SVG itself is a document with its title.
func TestBrowserChartRenders(t *testing.T) {
	srv := newServer(t)
	page := newTab(t)
	open(page, srv.URL+"/indicators/requests.received?publisher=370403")
	page.MustWait(`() => document.querySelector("figure.chart img").complete`)
	if w := page.MustEval(`() => document.querySelector("figure.chart img").naturalWidth`).Int(); w != 760 {
		t.Errorf("the chart's natural width is %d, want 760 (a broken image has 0)", w)
	}
	assertNotBlank(t, page, "indicator")
	open(page, srv.URL+"/v1/series.svg?indicator=requests.received&publisher=370403")
	if title := page.MustEval(`() => document.documentElement.tagName + " " + document.querySelector("title").textContent`).String(); title != "svg 收到申请数 (件)" {
		t.Errorf("the SVG document is %q", title)
	}
	assertNotBlank(t, page, "chart")
}

// The language switch turns a page into English and back.
func TestBrowserEnglishSwitch(t *testing.T) {
	srv := newServer(t)
	page := newTab(t)
	open(page, srv.URL+"/reports/1")
	clickAndWait(page, page.MustElement("a.lang"))
	if lang := page.MustEval(`() => document.documentElement.lang`).String(); lang != "en" {
		t.Fatalf("lang %q after the switch", lang)
	}
	if h := page.MustElement("#figures").MustText(); h != "Statistics tables" {
		t.Errorf("heading %q, want Statistics tables", h)
	}
	if body := page.MustElement("table.figures").MustText(); !strings.Contains(body, "Applications received") {
		t.Error("the English table does not name Applications received")
	}
	clickAndWait(page, page.MustElement("a.lang"))
	if lang := page.MustEval(`() => document.documentElement.lang`).String(); lang != "zh-CN" {
		t.Errorf("lang %q after switching back", lang)
	}
}

// Accessibility basics on every page: a language, one h1, labelled fields,
// images with alt text, text contrast of at least 4.5:1, and a visible
// keyboard focus that starts at the skip link.
func TestBrowserAccessibility(t *testing.T) {
	srv := newServer(t)
	page := newTab(t)
	for _, path := range []string{"/", "/reports/1", "/reports/1/source", "/publishers/370403",
		"/indicators/requests.received?publisher=370403", "/checks", "/search?q=%E5%A4%8D%E8%AE%AE", "/reports/2?lang=en"} {
		open(page, srv.URL+path)
		for _, p := range page.MustEval(a11yScript).Arr() {
			t.Errorf("%s: %s", path, p.String())
		}
	}
	open(page, srv.URL+"/reports/1")
	page.KeyActions().Press(input.Tab).MustDo()
	focus := page.MustEval(`() => { const e = document.activeElement, s = getComputedStyle(e);
		return e.className + " " + s.outlineStyle + " " + (e.getBoundingClientRect().left >= 0); }`).String()
	if focus != "skip solid true" {
		t.Errorf("first Tab: %q, want the skip link, outlined and on screen", focus)
	}
}

// a11yScript lists what a page lacks of the accessibility basics.
const a11yScript = `() => {
	const problems = [];
	if (!document.documentElement.lang) problems.push("no lang on <html>");
	if (!document.title) problems.push("no <title>");
	if (document.querySelectorAll("h1").length !== 1) problems.push(document.querySelectorAll("h1").length + " h1 elements");
	for (const img of document.querySelectorAll("img")) if (!img.alt) problems.push("image without alt: " + img.src);
	for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
		const labelled = el.labels && el.labels.length > 0 || el.getAttribute("aria-label");
		if (!labelled) problems.push("field without label: " + (el.name || el.id));
	}
	const lum = c => {
		const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const background = el => {
		for (; el; el = el.parentElement) {
			const bg = getComputedStyle(el).backgroundColor;
			const alpha = bg.startsWith("rgba") ? Number(bg.match(/[\d.]+/g)[3]) : 1;
			if (alpha > 0.5) return bg;
		}
		return "rgb(255, 255, 255)";
	};
	const seen = new Set();
	for (const el of document.querySelectorAll("body *")) {
		if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
		const s = getComputedStyle(el);
		if (s.visibility === "hidden" || s.display === "none" || el.closest(".visually-hidden, .skip")) continue;
		const a = lum(s.color), b = lum(background(el));
		const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		const key = s.color + "/" + background(el);
		if (ratio < 4.5 && !seen.has(key)) { seen.add(key); problems.push("contrast " + ratio.toFixed(2) + ":1 for " + el.tagName + "." + el.className + " (" + key + ")"); }
	}
	return problems;
}`

// Screenshots of the main pages are not blank: a page that renders
// nothing (a stylesheet hiding everything, a template error swallowed)
// fails. With GONGKAI_SCREENSHOTS=dir the shots are saved there.
func TestBrowserScreenshots(t *testing.T) {
	srv := newServer(t)
	page := newTab(t)
	for _, p := range []struct{ name, path string }{
		{"home", "/"}, {"report", "/reports/1"}, {"source", "/reports/1/source#L135"},
		{"publisher", "/publishers/370403"}, {"search", "/search?q=%E8%96%9B%E5%9F%8E"}, {"checks", "/checks"},
	} {
		open(page, srv.URL+p.path)
		page.MustElement("footer.site")
		assertNotBlank(t, page, p.name)
	}
}

// The blank check fails on a blank page.
func TestBrowserBlankPageIsCaught(t *testing.T) {
	page := newTab(t)
	open(page, `data:text/html,<html lang="en"><title>blank</title><body style="background:%23fff"></body></html>`)
	if inked, err := inkedShare(page.MustScreenshot()); err != nil || inked >= minInked {
		t.Errorf("a blank page has %.4f of its pixels inked (err %v): the check would not catch it", inked, err)
	}
}

// minInked is the least share of pixels that are not background on a page
// that renders: text and tables ink several percent of the viewport.
const minInked = 0.01

// assertNotBlank takes a screenshot of the viewport and fails when almost
// every pixel is the background colour.
func assertNotBlank(t *testing.T, page *rod.Page, name string) {
	t.Helper()
	shot := page.MustScreenshot()
	if dir := os.Getenv("GONGKAI_SCREENSHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), shot, 0o644); err != nil {
			t.Error(err)
		}
	}
	inked, err := inkedShare(shot)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if inked < minInked {
		t.Errorf("%s renders blank: %.4f of the pixels differ from the background", name, inked)
	}
}

// inkedShare is the share of a PNG's pixels that differ from its top-left
// pixel, the background.
func inkedShare(shot []byte) (float64, error) {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return 0, err
	}
	b := img.Bounds()
	br, bg, bb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, br)+diff(g, bg)+diff(bl, bb) > 0x3000 {
				inked++
			}
		}
	}
	return float64(inked) / float64(b.Dx()*b.Dy()), nil
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
