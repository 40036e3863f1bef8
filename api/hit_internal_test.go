package api

import (
	"net/url"
	"testing"
)

// TestCanonicalQuery: the canonical form of a query is url.Values.Encode's,
// whether found by the shortcut for queries already in order or by parsing.
func TestCanonicalQuery(t *testing.T) {
	for _, raw := range []string{
		"",
		"year=2017",
		"indicator=requests.received&publisher=370403",
		"publisher=370403&indicator=requests.received",
		"year=2017&year=2015",
		"a=1&b=2&a=3",
		"year=2015,2017",
		"year=2015%2C2017",
		"q=%E5%85%AC%E5%BC%80",
		"q=a+b",
		"flag",
		"flag&year=2017",
		"a=1&&b=2",
		"=1",
		"a=1=2",
		"a.b_c-d~=x",
	} {
		q, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := canonicalQuery(raw); !ok || got != q.Encode() {
			t.Errorf("%q: %q, %v; want %q", raw, got, ok, q.Encode())
		}
	}
	if _, ok := canonicalQuery("a=%zz"); ok {
		t.Error("a query that does not parse has a canonical form")
	}
	if _, ok := canonicalQuery("a=1;b=2"); ok {
		t.Error("a query with a semicolon has a canonical form")
	}
}

// TestCanonicalQueryOfARepeatedQuestion: a query already in order is its
// own canonical form, found without allocating.
func TestCanonicalQueryOfARepeatedQuestion(t *testing.T) {
	const raw = "indicator=requests.received&publisher=370403&year=2017"
	if n := testing.AllocsPerRun(100, func() { canonicalQuery(raw) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
