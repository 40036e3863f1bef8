package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const testdata = "../../../testdata"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdata, path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRealReportLines reads the published 洪泽区 2023 report (WPS → PDF)
// and checks the shapes its table takes in the extracted text: block
// labels printed once and vertically, wrapped labels, the header pieces
// scattered over lines, the table crossing pages between page numbers.
func TestRealReportLines(t *testing.T) {
	lines, err := Read(readFile(t, "real/huaian-hongze-2023.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]Line{}
	for i, l := range lines {
		if l.N != i+1 {
			t.Fatalf("line %d numbered %d", i+1, l.N)
		}
		text[l.Text] = l
		if pageNumber.MatchString(strings.TrimSpace(l.Text)) {
			t.Errorf("page number kept as line %d: %q", l.N, l.Text)
		}
	}
	for _, want := range []struct {
		text string
		page int
	}{
		{"洪泽区人民政府", 1},
		{"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", 2},
		{"| 行政规范性文件 | 0 | 5 | 5 |", 2},
		{"| 行政许可 | 550 |", 2},
		{"| 行政处罚 | 4119 |", 3},
		{"| 行政事业性收费 | 7730.28 |", 3},
		{"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", 3},
		{"| 一、本年新收政府信息公开申请数量 |  |  | 21 | 0 | 0 | 0 | 0 | 0 | 21 |", 3},
		// a label wrapped in its cell, beside one line of figures
		{"|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 4 | 0 | 0 | 0 | 0 | 0 | 4 |", 3},
		// the vertical block label and the sub-block label, each printed
		// once beside the middle of their rows
		{"| 三、本年度办理结果 | （三）不予公开 | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", 3},
		{"|  |  | 2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", 3},
		// after the page break and its page number -3-
		{"|  |  | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", 4},
		{"|  |  | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", 4},
		{"| 四、结转下年度继续办理 |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", 4},
		{"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 4},
		{"| 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |", 4},
		{"六、其他需要报告的事项", 5},
	} {
		l, ok := text[want.text]
		if !ok {
			t.Errorf("no line %q", want.text)
			continue
		}
		if l.Page != want.page {
			t.Errorf("line %d %q on page %d, want %d", l.N, l.Text, l.Page, want.page)
		}
	}
	if n := strings.Count(joinText(lines), "属于国家秘密"); n != 1 {
		t.Errorf("属于国家秘密 printed %d times in the text, want once", n)
	}
}

func joinText(lines []Line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"scan", readFile(t, "pdf/scanned.pdf"), "no text layer: it looks like a scanned image; OCR it first"},
		{"truncated", readFile(t, "pdf/truncated.pdf"), "the PDF is broken"},
		{"garbage", []byte("%PDF-1.7\n\x00\x01garbage"), "the PDF is broken"},
		{"not a PDF", []byte("plain text"), "the PDF is broken"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, err := Read(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Read = %d lines, %v; want an error saying %q", len(lines), err, tc.want)
			}
		})
	}
	_, err := Read(readFile(t, "pdf/scanned.pdf"))
	if !errors.Is(err, ErrNoText) {
		t.Errorf("scan: %v is not ErrNoText", err)
	}
}

func TestLimits(t *testing.T) {
	data := readFile(t, "real/huaian-hongze-2023.pdf")
	for _, tc := range []struct {
		name string
		lim  Limits
		want string
	}{
		{"bytes", Limits{MaxBytes: 1000, MaxPages: 100, MaxChars: 1e6, MaxObjects: 1e6, Timeout: time.Minute}, "(MaxBytes)"},
		{"pages", Limits{MaxBytes: 1e8, MaxPages: 4, MaxChars: 1e6, MaxObjects: 1e6, Timeout: time.Minute}, "the PDF has 5 pages, more than the limit of 4 pages (MaxPages)"},
		{"characters", Limits{MaxBytes: 1e8, MaxPages: 100, MaxChars: 1000, MaxObjects: 1e6, Timeout: time.Minute}, "(MaxChars)"},
		{"objects", Limits{MaxBytes: 1e8, MaxPages: 100, MaxChars: 1e6, MaxObjects: 1000, Timeout: time.Minute}, "(MaxObjects)"},
		{"time", Limits{MaxBytes: 1e8, MaxPages: 100, MaxChars: 1e6, MaxObjects: 1e6, Timeout: time.Millisecond}, "(Timeout)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadLimited(data, tc.lim)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ReadLimited = %v; want an error naming %q", err, tc.want)
			}
		})
	}
	// The engine is still usable after a file was stopped.
	if _, err := Read(data); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentReads reads files on several goroutines at once, as ingest
// does on every core, with one engine.
func TestConcurrentReads(t *testing.T) {
	data := readFile(t, "real/huaian-hongze-2023.pdf")
	want, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := Read(data)
			if err == nil && joinText(got) != joinText(want) {
				err = errors.New("a concurrent read gave another text")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
