package doc_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/ingest/source/doc"
	"github.com/gongkai/gongkai/ingest/source/docx"
	"github.com/gongkai/gongkai/ingest/source/html"
	"github.com/gongkai/gongkai/ingest/source/text"
)

const testdata = "../../../testdata"

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(testdata, name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func mustRead(t *testing.T, name string) *source.Document {
	t.Helper()
	d, err := doc.Read(readFile(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func pipeRows(d *source.Document) []string {
	var out []string
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Text, "|") {
			out = append(out, l.Text)
		}
	}
	return out
}

// TestTablesAsHTML reads the tables of web pages saved as .doc, their
// headers merged across rows and columns, into the rows the HTML reader
// reads from the pages: one cell per column of the grid, each merged cell
// printed once and empty under the other columns it covers.
func TestTablesAsHTML(t *testing.T) {
	for _, name := range []string{"form2019", "form2021"} {
		t.Run(name, func(t *testing.T) {
			page := readFile(t, "html/"+name+".html")
			decoded, err := text.Decode(page)
			if err != nil {
				t.Fatal(err)
			}
			want := pipeRows(html.Read(page, decoded))
			got := pipeRows(mustRead(t, "doc/"+name+"-html.doc"))
			if !slices.Equal(got, want) {
				t.Errorf("rows\n%s\nwant as the HTML reader\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestLinesAsDOCX numbers the lines of a DOCX file saved as .doc as the
// DOCX reader numbers them, by the place of their paragraph or table row,
// and prints its paragraphs as it does. (The DOCX file's tables have no
// grid, and LibreOffice lays each row's cells out on its own: their rows
// are printed one cell per printed cell; TestTableWithoutGrid.)
func TestLinesAsDOCX(t *testing.T) {
	want, err := docx.Read(readFile(t, "docx/form2021.docx"))
	if err != nil {
		t.Fatal(err)
	}
	got := mustRead(t, "doc/form2021.doc")
	if len(got.Lines) != len(want.Lines) {
		t.Fatalf("%d lines, want %d", len(got.Lines), len(want.Lines))
	}
	for i, l := range got.Lines {
		w := want.Lines[i]
		row := strings.HasPrefix(w.Text, "|")
		if l.N != w.N || strings.HasPrefix(l.Text, "|") != row || !row && l.Text != w.Text {
			t.Errorf("line %d %q, want %d %q", l.N, l.Text, w.N, w.Text)
		}
	}
}

// TestTableWithoutGrid prints the rows of a table whose rows share no
// column lines as they are, one cell per printed cell: no figure is moved
// under a column it may not be in.
func TestTableWithoutGrid(t *testing.T) {
	lines := map[int]string{}
	for _, l := range mustRead(t, "doc/form2021.doc").Lines {
		lines[l.N] = l.Text
	}
	for n, want := range map[int]string{
		21: "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |",
		24: "| 一、本年新收政府信息公开申请数量 | 60 | 8 | 0 | 1 | 3 | 2 | 74 |",
		28: "|  | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
		53: "| 1 | 0 | 1 | 0 | 2 | 0 | 0 | 0 | 1 | 1 | 1 | 0 | 0 | 0 | 1 |",
	} {
		if lines[n] != want {
			t.Errorf("line %d %q, want %q", n, lines[n], want)
		}
	}
}

// TestSeedReport reads the seed report's web page saved as .doc: its
// statistics table, row by row, with each figure in the third column.
func TestSeedReport(t *testing.T) {
	rows := pipeRows(mustRead(t, "doc/xuecheng-2017-html.doc"))
	for _, want := range []string{
		"| 统　计　指　标 | 单位 | 统计数 |",
		"| 　　（一）收到申请数 | 件 | 13 |",
		"| 八、开通政府信息公开网站或设立门户网站信息公开专栏数 | 个 | 2 |",
	} {
		if !slices.Contains(rows, want) {
			t.Errorf("no row %q in\n%s", want, strings.Join(rows, "\n"))
		}
	}
}

// TestTrackedChanges prints the text as revised: text deleted with
// revisions tracked is left out, never joined to the figure that replaced
// it (12 changed to 15 is 15, not 1215).
func TestTrackedChanges(t *testing.T) {
	var got []string
	for _, l := range mustRead(t, "doc/tracked-changes.doc").Lines {
		got = append(got, l.Text)
	}
	want := []string{"本年新收申请数量：15件", "| 行政许可 | 9 |", "完"}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// fibAt returns the offset in a .doc file of its WordDocument stream's
// header (FIB): a sector that starts with the FIB's magic number.
func fibAt(t *testing.T, data []byte) int {
	t.Helper()
	for at := 512; at+4 <= len(data); at += 512 {
		if binary.LittleEndian.Uint16(data[at:]) == 0xA5EC && binary.LittleEndian.Uint16(data[at+2:]) >= 0xC1 {
			return at
		}
	}
	t.Fatal("no FIB")
	return 0
}

// patched returns form2021.doc with the 16-bit word at off of its FIB set
// to v (or'ed in when or is true).
func patched(t *testing.T, off int, v uint16, or bool) []byte {
	data := bytes.Clone(readFile(t, "doc/form2021.doc"))
	at := fibAt(t, data) + off
	if or {
		v |= binary.LittleEndian.Uint16(data[at:])
	}
	binary.LittleEndian.PutUint16(data[at:], v)
	return data
}

// TestRefused refuses what is not a Word 97-2003 document it can read,
// saying what the file is or what is wrong with it.
func TestRefused(t *testing.T) {
	good := readFile(t, "doc/form2021.doc")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a DOCX file", readFile(t, "docx/form2021.docx"), "no compound file signature"},
		{"an Excel workbook", readFile(t, "doc/excel.xls"), "an Excel workbook (.xls), not a Word document"},
		{"an encrypted document", patched(t, 0x0A, 0x0100, true), "encrypted (password-protected)"},
		{"a Word 95 document", patched(t, 0x02, 0x68, false), "a Word 6 or Word 95 document (nFib 0x68)"},
		{"a damaged header", patched(t, 0x00, 0x1234, false), "its header (FIB) starts with 0x1234"},
		{"a piece table outside its stream", patched(t, 0x01A4, 0x7FFF, false), "piece table (Clx)"},
		{"a file cut off", good[:len(good)/2+100], "cut off"},
		{"a file cut off in its header", good[:300], "a damaged compound file"},
		{"the signature and nothing", append(bytes.Clone(good[:8]), make([]byte, 600)...), "a damaged compound file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := doc.Read(tc.data)
			if err == nil {
				t.Fatalf("read %d lines, want an error", len(d.Lines))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
		})
	}
}

// FuzzRead reads arbitrary bytes as a .doc file: an error or lines, never
// a panic; lines numbered in order.
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(testdata, "doc", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := doc.Read(data)
		if err != nil {
			return
		}
		for i := 1; i < len(d.Lines); i++ {
			if d.Lines[i].N < d.Lines[i-1].N {
				t.Fatalf("line %d numbered %d after %d", i+1, d.Lines[i].N, d.Lines[i-1].N)
			}
		}
	})
}

// BenchmarkRead reads the 2019 report saved as .doc.
func BenchmarkRead(b *testing.B) {
	data := readFile(b, "doc/form2019-html.doc")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := doc.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
