package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source/doc"
)

// TestDOCReports reads reports saved as Word 97-2003 (.doc) files by
// LibreOffice (scripts/doc-fixtures.sh) from the DOCX and HTML fixtures:
// every figure as the fixture's expected figures give it, under its row
// and column, each citing the table row it is printed in.
func TestDOCReports(t *testing.T) {
	for _, tc := range []struct {
		file, expected, template string
		like                     string // the file the .doc was made from, when its figures cite the same lines
	}{
		{"../testdata/doc/form2021.doc", "../testdata/form2021/expected.csv", gongkai.Template2021, "../testdata/docx/form2021.docx"},
		{"../testdata/doc/form2019-html.doc", "../testdata/form2019/expected.csv", gongkai.Template2019, ""},
		{"../testdata/doc/form2021-html.doc", "../testdata/form2021/expected.csv", gongkai.Template2021, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := parseFile(t, tc.file)
			if r.Template != tc.template || r.Truncated != "" {
				t.Errorf("template %q (want %q), truncated %q", r.Template, tc.template, r.Truncated)
			}
			for _, u := range r.Unplaced {
				t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
			}
			assertFigures(t, r, readExpected(t, tc.expected))
			assertRowsCited(t, tc.file, r)
			if tc.like != "" {
				assertSameLines(t, r, parseFile(t, tc.like))
			}
		})
	}
}

// assertRowsCited checks that each figure cites a table row of the
// document that prints it.
func assertRowsCited(t *testing.T, path string, r *gongkai.Report) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := doc.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[int][]string{}
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Text, "|") {
			for c := range strings.SplitSeq(strings.Trim(l.Text, "| "), "|") {
				rows[l.N] = append(rows[l.N], strings.TrimSpace(c))
			}
		}
	}
	for _, o := range r.Observations {
		if o.Raw != "" && !slices.Contains(rows[o.Line], strings.TrimSpace(o.Raw)) {
			t.Errorf("%s [%s] = %q cites line %d, which prints %q", o.Indicator, o.Breakdown, o.Raw, o.Line, rows[o.Line])
		}
	}
}

// assertSameLines checks that each figure cites the line the same figure
// cites in the file the .doc was made from.
func assertSameLines(t *testing.T, r, like *gongkai.Report) {
	t.Helper()
	want := byKey(like)
	for k, o := range byKey(r) {
		if w, ok := want[k]; !ok || o.Line != w.Line {
			t.Errorf("%s cites line %d, want %d as in %s", k, o.Line, w.Line, like.FileName)
		}
	}
}

// TestDOCSeedReport reads the seed report's web page saved as .doc: every
// figure as in the text file, each citing its table row. (Its title is
// printed over two lines, at the page's <br>, as the DOCX reader prints a
// line break; the page's <title> is not in the .doc.)
func TestDOCSeedReport(t *testing.T) {
	const file = "../testdata/doc/xuecheng-2017-html.doc"
	r := parseFile(t, file)
	if r.Template != gongkai.TemplateLegacy || r.Truncated != "" || len(r.Unplaced) != 0 || r.Year != 2017 {
		t.Errorf("template %q, truncated %q, unplaced %v, year %d", r.Template, r.Truncated, r.Unplaced, r.Year)
	}
	if len(r.Observations) != len(seedFigures) {
		t.Errorf("%d figures, want %d", len(r.Observations), len(seedFigures))
	}
	got := byKey(r)
	for _, w := range seedFigures {
		o, ok := got[key(w.indicator, "total")]
		if !ok || o.Value == nil || *o.Value != w.value {
			t.Errorf("%s = %v, want %v", w.indicator, o.Value, w.value)
		}
	}
	assertRowsCited(t, file, r)
}

// TestDOCRefused names the file and what it is when a .doc cannot be read.
func TestDOCRefused(t *testing.T) {
	xls, err := os.ReadFile("../testdata/doc/excel.xls")
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile("../testdata/doc/form2021.doc")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"a workbook named .doc": {xls, "report.doc:1: an Excel workbook (.xls), not a Word document"},
		"a .doc cut off":        {good[:5000], "report.doc:1: a damaged compound file (.doc), cut off"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("report.doc", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
