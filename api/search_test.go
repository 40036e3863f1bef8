package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
)

func TestSearch(t *testing.T) {
	ts := newTestServerOn(t, seriesDB, api.Options{})
	var list api.SearchList
	ts.getJSON(t, "/v1/search?q=%E8%96%9B%E5%9F%8E", 200, &list) // 薛城
	if len(list.Data) < 4 {
		t.Fatalf("%d hits", len(list.Data))
	}
	if h := list.Data[0]; h.Kind != "publisher" || h.ID != "370403" || h.Link != "/publishers/370403" || h.API != "/v1/publishers/370403" {
		t.Errorf("first hit %+v: want the publisher 370403", h)
	}
	if h := list.Data[1]; h.Kind != "report" || h.Link != "/reports/3" || !strings.Contains(h.Snippet, "<mark>薛城</mark>区人民政府2021年") {
		t.Errorf("second hit %+v: want the 2021 report's title", h)
	}

	// Two characters, sections only, one per page: every page holds 复议 and links to its heading.
	seen := map[string]bool{}
	path := "/v1/search?q=%E5%A4%8D%E8%AE%AE&kind=section&limit=1" // 复议
	for path != "" {
		resp, body := ts.get(t, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		var page api.SearchList
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		for _, h := range page.Data {
			if h.Kind != "section" || !strings.Contains(h.Snippet, "<mark>复议</mark>") || !strings.HasPrefix(h.Link, "/reports/"+h.ID+"#section-L") {
				t.Errorf("hit %+v", h)
			}
			seen[h.Link] = true
		}
		path = ""
		if page.Next != "" {
			if link := resp.Header.Get("Link"); !strings.Contains(link, page.NextCursor) {
				t.Errorf("Link %q lacks the cursor %q", link, page.NextCursor)
			}
			path = page.Next[len(ts.URL):]
		}
	}
	if len(seen) < 3 {
		t.Errorf("复议: %d sections, want one or more in each of the 3 reports", len(seen))
	}
}

func TestSearchErrors(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, tc := range []struct{ path, param string }{
		{"/v1/search", "q"},
		{"/v1/search?q=%E8%96%9B", "q"}, // 薛: one character
		{"/v1/search?q=ab&kind=file", "kind"},
		{"/v1/search?q=ab&limit=0", "limit"},
		{"/v1/search?q=ab&cursor=zz", "cursor"},
		{"/v1/search?q=ab&sort=x", "sort"},
	} {
		resp, body := ts.get(t, tc.path)
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"param":"`+tc.param+`"`) {
			t.Errorf("%s: %d %s, want 400 naming %s", tc.path, resp.StatusCode, body, tc.param)
		}
	}
}
