package ingest

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// zipOf writes a zip archive of the named parts, in order.
func zipOf(t *testing.T, parts ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, p := range parts {
		f, err := w.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Files of formats gongkai does not read are refused with what they are,
// not as a broken DOCX or a text with no table.
func TestOtherFormatsRefusedByName(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"an OpenDocument text": {zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<office:document-content/>"}),
			"report.docx:1: an OpenDocument text (.odt), not a DOCX file: save it as DOCX or PDF"},
		"an OpenDocument spreadsheet": {zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}),
			"report.docx:1: an OpenDocument file (application/vnd.oasis.opendocument.spreadsheet), not a DOCX file"},
		"an Excel workbook": {zipOf(t, [2]string{"[Content_Types].xml", "<Types/>"}, [2]string{"xl/workbook.xml", "<workbook/>"}),
			"report.docx:1: an Excel workbook (.xlsx), not a Word document"},
		"another zip archive": {zipOf(t, [2]string{"report.txt", "二、主动公开政府信息情况"}),
			"report.docx:1: a zip archive without word/document.xml, not a DOCX file"},
		"an RTF document": {[]byte(`{\rtf1\ansi\ansicpg936 {\fonttbl} 三、收到和处理政府信息公开申请情况}`),
			"report.docx:1: an RTF document: gongkai reads PDF, DOCX, DOC, HTML and text; save it as DOCX or PDF"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("report.docx", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}
