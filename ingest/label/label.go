package label

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Fold maps full-width ASCII to half-width (（ → (, ０ → 0, U+3000 → space),
// Traditional characters seen in mirrored reports to Simplified, and NBSP to
// a space, so that the rest of the parser deals with one spelling.
func Fold(s string) string {
	wide, trad := false, false
	for _, r := range s {
		switch {
		case r == '\u00a0' || r == '\u3000' || r >= 0xFF01 && r <= 0xFFEE:
			wide = true
		case r >= 0x4E00 && traditionalRunes[r]:
			trad = true
		}
	}
	if wide { // most text has nothing to fold: skip the work then
		s = strings.ReplaceAll(width.Fold.String(s), "\u00a0", " ")
	}
	if trad {
		s = traditional.Replace(s)
	}
	return s
}

// traditionalRunes are the first runes of the keys of traditional.
var traditionalRunes = func() map[rune]bool {
	m := map[rune]bool{}
	for i := 0; i < len(traditionalPairs); i += 2 {
		r, _ := utf8.DecodeRuneInString(traditionalPairs[i])
		m[r] = true
	}
	return m
}()

// traditional maps the Traditional characters of the form's wording, as
// mis-converted mirrors print them, to Simplified ones.
var traditional = strings.NewReplacer(traditionalPairs...)

var traditionalPairs = []string{
	"檔案", "文件", "規範", "规范", "規章", "规章", "數量", "数量", "數", "数", "開", "开",
	"資訊", "信息", "訊", "讯", "處", "处", "許", "许", "強", "强", "費", "费", "總", "总",
	"計", "计", "項", "项", "條", "条", "個", "个", "機", "机", "關", "关", "請", "请",
	"應", "应", "復", "复", "議", "议", "訟", "讼", "訴", "诉", "維", "维", "結", "结",
	"糾", "纠", "審", "审", "禁", "禁", "國", "国", "家", "家", "會", "会", "織", "织",
	"業", "业", "構", "构", "團", "团", "體", "体", "務", "务", "屬", "属", "於", "于",
	"類", "类", "內", "内", "過", "过", "執", "执", "詢", "询", "無", "无", "現", "现",
	"製", "制", "補", "补", "確", "确", "轉", "转", "繼", "继", "續", "续", "辦", "办",
	"理", "理", "據", "据", "號", "号", "價", "价", "額", "额", "採", "采", "購", "购",
	"經", "经", "濟", "济", "發", "发", "廢", "废", "現行", "现行", "錄", "录", "報", "报",
	"實", "实", "際", "际", "權", "权", "護", "护", "險", "险", "穩", "稳", "定", "定",
	"與", "与", "為", "为", "對", "对", "單", "单", "位", "位", "總計", "总计", "統", "统",
	"規", "规", "減", "减", "決", "决", "罰", "罚", "況", "况", "組", "组", "沒", "没", "後", "后",
	"訪", "访", "舉", "举", "複", "复", "當", "当", "獲", "获", "認", "认", "檢", "检", "門", "门",
	"問", "问", "題", "题", "進", "进", "營", "营", "頁", "页", "準", "准", "設", "设", "區", "区",
	"縣", "县", "鄉", "乡", "鎮", "镇", "產", "产", "環", "环", "義", "义", "歸", "归", "檔", "档",
	"錢", "钱", "額", "额", "餘", "余", "稅", "税", "標", "标", "務", "务", "劃", "划", "廳", "厅",
}

// enumerator matches the numbering that starts a printed row label:
// 一、 第一、 (一) 1. 1、 (1) 1) ①.
var enumerator = regexp.MustCompile(`^(?:第?[一二三四五六七八九十]+[、.,，．]|\([一二三四五六七八九十]+\)|\d{1,2}[、,，．.]|\(\d{1,2}\)|\d{1,2}\)|[①-⑳])`)

// subsetPrefix matches the 其中 that marks a subset row.
var subsetPrefix = regexp.MustCompile(`^其中[:：]?`)

// Label is a printed row label split into what the parser reasons about.
type Label struct {
	printed string // as printed: wrapped parts joined, surrounding space trimmed
	Enum    string // the enumerator, folded ("一、", "(一)", "1."), or ""
	Subset  bool   // starts with 其中
	Key     string // folded, no space, no enumerator, no 其中, no bracketed notes
}

func Parse(printed string) Label {
	l := Label{printed: printed}
	s := Fold(printed)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	// 1.5 is a number, not the enumerator 1. before a label.
	if m := enumerator.FindString(s); m != "" && !(strings.HasSuffix(m, ".") && len(s) > len(m) && IsDigit(s[len(m)])) {
		l.Enum = m
		s = s[len(m):]
	}
	if m := subsetPrefix.FindString(s); m != "" {
		l.Subset = true
		s = s[len(m):]
	}
	l.Key = Key(s)
	return l
}

// EnumLevel is the depth a numbering style marks in the national forms:
// 1 for 一、, 2 for (一), 3 for 1. or (1); 0 when there is none.
func (l Label) EnumLevel() int {
	switch {
	case l.Enum == "":
		return 0
	case strings.HasPrefix(l.Enum, "(") && !IsDigit(l.Enum[1]):
		return 2
	case IsDigit(l.Enum[0]) || strings.HasPrefix(l.Enum, "(") || strings.ContainsAny(l.Enum, "①②③④⑤⑥⑦⑧⑨⑩"):
		return 3
	}
	return 1
}

func IsDigit(b byte) bool { return b >= '0' && b <= '9' }

// Ordinal is the number an enumerator gives its row (二 → 2, 3. → 3,
// 十一 → 11), 0 when there is none.
func (l Label) Ordinal() int {
	n, digits := 0, false
	for _, r := range l.Enum {
		switch {
		case r >= '0' && r <= '9':
			n, digits = n*10+int(r-'0'), true
		case r >= '①' && r <= '⑳':
			return int(r-'①') + 1
		case r == '十':
			if n == 0 {
				n = 1
			}
			n *= 10
		default:
			if d := strings.IndexRune("一二三四五六七八九", r); d >= 0 && !digits {
				v := d/3 + 1 // each of these runes is 3 bytes in UTF-8
				if n >= 10 && n%10 == 0 {
					n += v
				} else {
					n = v
				}
			}
		}
	}
	return n
}

// Key reduces a label to the words that identify its row: bracketed
// notes, quotes and punctuation go; an unclosed bracket (a note cut off by a
// line wrap) goes to the end.
func Key(s string) string {
	s = Fold(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '【', '〔', '[':
			depth++
			continue
		case ')', '】', '〕', ']':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 || unicode.IsSpace(r) || strings.ContainsRune(`《》“”"'‘’:：;；,，.。、`, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Squeeze removes all white space.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// Heading matches a numbered heading of the first level: 一、概述.
var Heading = regexp.MustCompile(`^第?[一二三四五六七八九十]+、`)
