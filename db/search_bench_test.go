package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// benchReports is the number of reports of the search benchmark: about
// the national count of reports.
const benchReports = 50000

// searchBenchDB returns a database whose search index holds benchReports
// reports, each the sample's title and 13 narrative sections under another
// publisher's name, and 5,000 publishers. Building it takes minutes, so
// it is kept in the temporary directory between runs
// (GONGKAI_SEARCH_BENCH_DB names another file).
func searchBenchDB(b *testing.B) *DB {
	path := os.Getenv("GONGKAI_SEARCH_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "gongkai-search-bench-"+strconv.Itoa(benchReports)+".db")
	}
	ctx := context.Background()
	if _, err := os.Stat(path); err == nil {
		d, err := Open(ctx, path, true)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	tmp := path + ".building"
	os.Remove(tmp)
	d, err := Open(ctx, tmp, false)
	if err != nil {
		b.Fatal(err)
	}
	r := seedReport(b)
	mustStore(b, d, r, StoreOptions{})
	start := time.Now()
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := 2; i <= benchReports; i++ {
		name := fmt.Sprintf("测试%04d人民政府", i%5000)
		ref := strconv.Itoa(i)
		for k := len(r.Sections) - 1; k >= 0; k-- {
			s := r.Sections[k]
			text := s.Heading + "\n" + name + s.Text
			if err := addDoc(ctx, tx, "search_text", KindSection, ref, s.Line, s.Heading, text); err != nil {
				b.Fatal(err)
			}
		}
		title := fmt.Sprintf("%s%d年政府信息公开工作年度报告", name, 2009+i%10)
		if err := addDoc(ctx, tx, "search_text", KindReport, ref, 0, title, title); err != nil {
			b.Fatal(err)
		}
		if i < 5000 {
			if err := addDoc(ctx, tx, "search_names", KindPublisher, fmt.Sprintf("9%05d", i), 0, name, name); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the search index of %d reports in %s", benchReports, time.Since(start).Round(time.Second))
	d.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if d, err = Open(ctx, path, true); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkSearch times the first page (20 hits) of searches over the
// index of 50,000 reports: two-character words in every report (征收 is
// in none: a miss), a publisher's name, a phrase, and a word with no match.
func BenchmarkSearch(b *testing.B) {
	d := searchBenchDB(b)
	defer d.Close()
	for _, q := range []string{"复议", "征收", "测试0042", "依申请公开政府信息的申请", "收到申请数", "政府 网站", "xuecheng"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := d.Search(context.Background(), SearchFilter{Q: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
