package label

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongkai/gongkai/catalog"
	"golang.org/x/text/width"
)

// TestFoldWidthIsWidthFold: foldWidth gives what width.Fold and NBSP as a
// space give, for every rune of the BMP beside a full-width letter (which
// makes Fold fold), and for bytes that are no UTF-8.
func TestFoldWidthIsWidthFold(t *testing.T) {
	want := func(s string) string { return strings.ReplaceAll(width.Fold.String(s), "\u00a0", " ") }
	for r := rune(0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "Ａ" + string(r) + "x\u00a0（" + string(r)
		if got := foldWidth(s); got != want(s) {
			t.Fatalf("foldWidth(%q) = %q, width.Fold gives %q", s, got, want(s))
		}
	}
	for b := 0x80; b < 0x100; b++ {
		s := "１" + string([]byte{byte(b)}) + "２\u3000" + string([]byte{0xe4, byte(b)})
		if got := foldWidth(s); got != want(s) {
			t.Fatalf("foldWidth(%q) = %q, width.Fold gives %q", s, got, want(s))
		}
	}
}

// TestFoldTraditional: a text is folded by every pair of traditional.csv,
// also when its only Traditional character's pair is itself (理) beside one
// that is not; a text of Simplified characters alone is returned as it is.
func TestFoldTraditional(t *testing.T) {
	pairs := catalog.MustLoad().Traditional
	r := strings.NewReplacer(pairs...)
	for i := 0; i < len(pairs); i += 2 {
		s := "办" + pairs[i] + "理，（" + pairs[i] + "）"
		if got := Fold(s); got != r.Replace(width.Fold.String(s)) {
			t.Errorf("Fold(%q) = %q, want %q", s, got, r.Replace(width.Fold.String(s)))
		}
	}
	for _, s := range []string{"国家机关办理的规定", "處理", "檔案管理"} {
		if got, want := Fold(s), r.Replace(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPatternsTriedOnlyWhereTheyCanMatch: the cheap tests before the
// numbering and 其中 patterns reject no text the patterns match, for every
// rune of the BMP before the rest of each kind of numbering.
func TestPatternsTriedOnlyWhereTheyCanMatch(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, rest := range []string{"", "、x", "二、", "1.", ")x", "一)", "中：x"} {
			s := string(r) + rest
			if got, want := enumeratorOf(s), enumerator.FindString(s); got != want {
				t.Fatalf("enumeratorOf(%q) = %q, the pattern gives %q", s, got, want)
			}
			if got, want := subsetPrefixOf(s), subsetPrefix.FindString(s); got != want {
				t.Fatalf("subsetPrefixOf(%q) = %q, the pattern gives %q", s, got, want)
			}
		}
	}
}
