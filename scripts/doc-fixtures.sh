#!/bin/sh
# Regenerates the Word 97-2003 (.doc) files of testdata/doc the way a
# government office makes them: LibreOffice saves the test DOCX and HTML
# reports as .doc. Needs LibreOffice (Debian: libreoffice-writer-nogui
# fonts-noto-cjk); CI does not: the .doc files are committed.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of its own, so that a LibreOffice already running elsewhere does
# not take the conversion over.
lo="soffice -env:UserInstallation=file://$work/profile --headless"
$lo --convert-to 'doc:MS Word 97' --outdir testdata/doc testdata/docx/form2021.docx >/dev/null
# HTML pages with merged cells (rowspan, colspan) and the seed report.
for f in form2019 form2021 xuecheng-2017; do
	cp testdata/html/$f.html "$work/$f-html.html"
	$lo --convert-to 'doc:MS Word 97' --outdir testdata/doc "$work/$f-html.html" >/dev/null
done
# Revisions tracked: a figure changed from 12 to 15 in a paragraph and from
# 7 to 9 in a cell; the deleted text stays in the .doc, marked deleted.
python3 - "$work/tracked-changes.docx" <<'PY'
import sys, zipfile
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
def run(t): return f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>'
def dele(t): return f'<w:del w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del>'
def ins(t): return f'<w:ins w:id="2" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:t>{t}</w:t></w:r></w:ins>'
def cell(x): return f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p>{x}</w:p></w:tc>'
body = (f'<w:p>{run("本年新收申请数量：")}{dele("12")}{ins("15")}{run("件")}</w:p>'
	'<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
	f'<w:tr>{cell(run("行政许可"))}{cell(dele("7") + ins("9"))}</w:tr></w:tbl>'
	f'<w:p>{run("完")}</w:p>')
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
	z.writestr('[Content_Types].xml', ct)
	z.writestr('_rels/.rels', rels)
	z.writestr('word/document.xml', doc)
PY
$lo --convert-to 'doc:MS Word 97' --outdir testdata/doc "$work/tracked-changes.docx" >/dev/null
# testdata/doc/excel.xls is not made here: it is test.xls of the container
# library's tests (github.com/richardlehane/mscfb, Apache-2.0), a workbook
# saved by Excel, for the refusal of a compound file that is no Word file.
