#!/bin/sh
# Regenerates the test PDFs of testdata/pdf the way governments make theirs:
# a Word file (here DOCX, written by LibreOffice from an HTML page) printed
# to PDF. Needs python3 and LibreOffice (Debian: libreoffice-writer-nogui
# fonts-noto-cjk); CI does not: the PDFs are committed.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/pdf-fixtures.py "$work"
python3 scripts/scanned-pdf.py testdata/pdf/scanned.pdf
head -c 2000 testdata/real/huaian-hongze-2023.pdf > testdata/pdf/truncated.pdf
for f in legacy2014 form2019 form2021; do
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$f.html" >/dev/null
	soffice --headless --convert-to pdf --outdir testdata/pdf "$work/$f.docx" >/dev/null
done
# The same printed sideways: with /Rotate 90, and without (turn the paper).
go run ./scripts/reprintpdf -as rotated testdata/pdf/form2019.pdf testdata/pdf/form2019-rotated.pdf
go run ./scripts/reprintpdf -as sideways testdata/pdf/form2021.pdf testdata/pdf/form2021-sideways.pdf
