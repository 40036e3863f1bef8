package synth

import (
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/gongkai/gongkai/region"
)

// publisher is a body that publishes reports: a government of a division
// of GB/T 2260, or one of its departments.
type publisher struct {
	name string // as the report's title prints it
	code string // the division it belongs to
	size float64
}

// departments publish their own reports under the government of their
// division; the names are those of the usual bureaus.
var departments = []string{
	"发展和改革委员会", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
	"自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局",
	"商务局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局",
}

// levelSize is the typical count of applications a government of each
// level receives in a year; departments get a fifth of it.
var levelSize = map[string]float64{"province": 400, "prefecture": 120, "county": 30}

// publishers returns the publishers of a corpus in a deterministic order
// for seed: first the governments of every division, shuffled, then their
// departments. Only divisions whose name resolves back to their code are
// used, so that the parser finds the same division the title names.
func publishers(seed uint64) []publisher {
	rng := rand.New(rand.NewPCG(seed, 0x9b1))
	var govs []publisher
	for _, d := range region.Divisions() {
		name := governmentName(d)
		if got, ok := region.Resolve(name, ""); !ok || got.Code != d.Code {
			continue
		}
		govs = append(govs, publisher{name: name, code: d.Code, size: levelSize[d.Level] * (0.5 + rng.Float64())})
	}
	rng.Shuffle(len(govs), func(i, j int) { govs[i], govs[j] = govs[j], govs[i] })
	out := govs
	for _, dept := range departments {
		for _, g := range govs {
			place := strings.TrimSuffix(g.name, "人民政府")
			out = append(out, publisher{name: place + dept, code: g.code, size: g.size / 5})
		}
	}
	return out
}

// governmentName is the name a division's government prints: a county
// qualified by its prefecture when another county bears the same name.
func governmentName(d region.Division) string {
	name := d.Name + "人民政府"
	if d.Level == "county" && ambiguous(d.Name) {
		if up := region.Ancestors(d.Code); len(up) > 0 {
			name = up[0].Name + name
		}
	}
	return name
}

// ambiguous reports whether several current divisions bear name.
func ambiguous(name string) bool {
	return namesCount()[name] > 1
}

var namesCount = sync.OnceValue(func() map[string]int {
	n := map[string]int{}
	for _, d := range region.Divisions() {
		n[d.Name]++
	}
	return n
})
