package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRunTogetherPageLinks: a government site's header names services
// before its report, some in the words of the form's columns (自然人服务,
// 法人服务), and parts them by bars. The page's tables run together are
// read from their header on, as without those links: the same figures,
// whatever the links say.
func TestRunTogetherPageLinks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2024.textcontent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse("page.txt", page)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Observations) < 190 {
		t.Fatalf("%d figures read from the page without links, want its tables' 200", len(want.Observations))
	}
	for _, links := range []string{"网站首页 自然人服务 法人服务 部门服务 ", "网站首页 | 自然人服务 | 法人服务 | 部门服务 "} {
		r, err := Parse("page.txt", append([]byte(links), page...))
		if err != nil {
			t.Fatalf("%q: %v", links, err)
		}
		if len(r.Observations) != len(want.Observations) {
			t.Errorf("%q: %d figures, want %d", links, len(r.Observations), len(want.Observations))
			continue
		}
		for i, o := range r.Observations {
			w := want.Observations[i]
			if o.Indicator != w.Indicator || o.Breakdown != w.Breakdown || o.Raw != w.Raw {
				t.Errorf("%q: figure %d is %s/%s %q, want %s/%s %q", links, i, o.Indicator, o.Breakdown, o.Raw, w.Indicator, w.Breakdown, w.Raw)
			}
		}
	}
}
