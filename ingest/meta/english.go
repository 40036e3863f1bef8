package meta

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"github.com/gongkai/gongkai/region"
)

// divisionSuffixes name the kinds of division in English, longest first.
var divisionSuffixes = []struct{ zh, en string }{
	{"特别行政区", "Special Administrative Region"},
	{"自治区", "Autonomous Region"}, {"自治州", "Autonomous Prefecture"}, {"自治县", "Autonomous County"},
	{"自治旗", "Autonomous Banner"}, {"林区", "Forestry District"}, {"特区", "Special District"},
	{"地区", "Prefecture"}, {"省", "Province"}, {"市", "City"}, {"区", "District"}, {"县", "County"},
	{"旗", "Banner"}, {"盟", "League"},
}

// bodyWords name common kinds of body in English, longest first.
var bodyWords = []struct{ zh, en string }{
	{"人民政府办公室", "People's Government Office"}, {"人民政府办公厅", "People's Government General Office"},
	{"街道办事处", "Subdistrict Office"}, {"人民政府", "People's Government"}, {"办公室", "Office"},
	{"办公厅", "General Office"}, {"政府", "Government"}, {"镇", "Town"}, {"乡", "Township"},
}

// englishName renders a publisher's name in English: division names as
// pinyin with their kind translated (薛城区 → Xuecheng District), common words
// of government translated, anything else in pinyin.
func englishName(name string, d region.Division, resolved bool) string {
	var parts []string
	rest := name
	if resolved {
		// outermost first, as names print them: 山东省枣庄市薛城区…
		for _, a := range reverse(append([]region.Division{d}, region.Ancestors(d.Code)...)) {
			if strings.HasPrefix(rest, a.Name) {
				parts = append(parts, divisionEnglish(a.Name))
				rest = rest[len(a.Name):]
			}
		}
	}
	for rest != "" {
		matched := false
		for _, w := range bodyWords {
			if strings.HasPrefix(rest, w.zh) {
				parts = append(parts, w.en)
				rest = rest[len(w.zh):]
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		end := len(rest)
		for _, w := range bodyWords {
			if i := strings.Index(rest, w.zh); i > 0 && i < end {
				end = i
			}
		}
		parts = append(parts, pinyinWord(rest[:end]))
		rest = rest[end:]
	}
	return strings.Join(parts, " ")
}

func reverse(ds []region.Division) []region.Division {
	out := make([]region.Division, len(ds))
	for i, d := range ds {
		out[len(ds)-1-i] = d
	}
	return out
}

// divisionEnglish renders one division name: 薛城区 → Xuecheng District.
func divisionEnglish(name string) string {
	for _, s := range divisionSuffixes {
		if stem, ok := strings.CutSuffix(name, s.zh); ok && stem != "" {
			return pinyinWord(stem) + " " + s.en
		}
	}
	return pinyinWord(name)
}

// pinyinWord writes Chinese text as one capitalised pinyin word, keeping
// anything that is not Chinese.
func pinyinWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			if py := pinyin.LazyPinyin(string(r), pinyin.NewArgs()); len(py) > 0 {
				b.WriteString(py[0])
				continue
			}
		}
		b.WriteRune(r)
	}
	w := b.String()
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}
