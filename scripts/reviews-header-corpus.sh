#!/bin/sh
# Regenerates testdata/pdftext's table-4 header variants
# (scripts/reviews-header-corpus.py): each page printed to PDF as
# pdftext-corpus.sh prints it (HTML → DOCX → PDF with LibreOffice), then
# taken out with pdftotext -layout. Needs python3, LibreOffice and
# poppler-utils; CI does not: the texts are committed, the PDFs are not.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/pdftext
python3 scripts/reviews-header-corpus.py "$work"
for page in "$work"/*.html; do
	name=$(basename "$page" .html)
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null
	soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
	pdftotext -layout "$work/$name.pdf" "$out/$name.layout.txt"
	cp "$work/$name.truth.csv" "$out/"
done
