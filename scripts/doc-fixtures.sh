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
# testdata/doc/excel.xls is not made here: it is test.xls of the container
# library's tests (github.com/richardlehane/mscfb, Apache-2.0), a workbook
# saved by Excel, for the refusal of a compound file that is no Word file.
