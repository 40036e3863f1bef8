package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A table 3 run together whose row 1.属于国家秘密 does not add up (its 总计
// mistyped: no split of its run fits) cannot be weighed by the outcome
// rows' column sums (I3); 二、上年结转 13|1|1|0|2|1|18, which three splits
// fit, is still settled by 一 + 二 = （七）总计 + 四 (I1) alone
// (form/balancesplits.go), as on held-out seed 1313's
// 000056-form2021-html.web.textcontent.txt.
func TestBalanceSettlesCarriedOver(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	byInd := map[string]*damagedRow{}
	for i := range rows {
		byInd[rows[i].indicator] = &rows[i]
	}
	carried, forward := byInd["requests.carried_over"].figures, byInd["requests.carried_forward"].figures
	for c, x := range []int{13, 1, 1, 0, 2, 1, 18} {
		forward[c] += x - carried[c]
		carried[c] = x
	}
	secret := byInd["requests.refused.state_secret"]
	text := runTogether(gongkai.Template2021, rows, make([]int, 15))
	printed := secret.label + joinFigures(secret.figures, "")
	secret.figures[6] += 7 // mistyped: the row's 总计 is no longer the sum
	text = strings.Replace(text, printed, secret.label+joinFigures(secret.figures, ""), 1)
	r, err := Parse("run-together.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checked := rows[:0:0]
	for _, row := range rows {
		if row.indicator != secret.indicator {
			checked = append(checked, row)
		}
	}
	checkTable3(t, r, checked, "")
	for c, want := range carried {
		o := obs(t, r, "requests.carried_over", applicantKeys[c])
		if *o.Value != float64(want) {
			t.Errorf("上年结转 [%s] = %v, want %d", applicantKeys[c], *o.Value, want)
		}
	}
	if hasObs(r, secret.indicator, "total") {
		t.Error("属于国家秘密 placed, though its run fits no split")
	}
}
