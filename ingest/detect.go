package ingest

import (
	"strings"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
)

// formKind is what kind of statistics form a text holds.
type formKind int

const (
	formNone   formKind = iota
	formLegacy          // 2014 政府信息公开情况统计表
	formNew             // 2019 or 2021 format
	formOld             // pre-2014 local forms (本期实际 | 本年累计)
)

// detectForm counts the headings and row labels of each kind of form: the
// word lists of the catalogue's words.csv.
func detectForm(text string, cat *catalog.Catalog) formKind {
	t := label.Squeeze(label.Fold(text))
	old := cat.Words(catalog.WordsDetectPre2014)
	count := func(signals []string) int {
		n := 0
		for _, s := range signals {
			if strings.Contains(t, s) {
				n++
			}
		}
		return n
	}
	legacy, nw := count(cat.Words(catalog.WordsDetectLegacy)), count(cat.Words(catalog.WordsDetectForm))
	switch {
	case legacy >= 1 && count(old) >= 2 && oldHeader(text, old):
		return formOld
	case nw >= 2 && nw >= legacy:
		return formNew
	case legacy >= 2:
		return formLegacy
	}
	return formNone
}

// oldHeader reports whether a line of text is the header of a pre-2014
// form: two of its column names together (本期实际 | 本年累计), not a word of
// them in a sentence (本年累计公开信息…).
func oldHeader(text string, old []string) bool {
	for _, l := range strings.Split(text, "\n") {
		t := label.Squeeze(label.Fold(l))
		n := 0
		for _, s := range old {
			if strings.Contains(t, s) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}
