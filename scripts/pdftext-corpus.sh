#!/bin/sh
# Regenerates testdata/pdftext: tables of each template with known figures
# (scripts/pdftext-corpus.py), printed to PDF as governments print them (HTML
# → DOCX → PDF with LibreOffice), then taken back out as text: pdftotext
# -layout, plain pdftotext (reading order), pdftotext -raw, pdf.js's text
# (Firefox's viewer, Node's pdf-parse) and Markdown (@opendocsg/pdf2md), OCR text made from the -layout
# text, and the plain text with blocks of table 3's rows printed column by
# column (as a viewer's copy of merged cells gives them).
# Needs python3, LibreOffice, poppler-utils, node and npm (pdf-parse is
# installed into a temporary directory); CI does not: the texts are
# committed, the PDFs are not.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/pdftext
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.md "$out"/*.truth.csv
npm install --silent --prefix "$work/npm" pdf-parse@2.4.5 @opendocsg/pdf2md@0.2.1 >/dev/null
python3 scripts/pdftext-corpus.py html "$work"
for page in "$work"/*.html; do
	name=$(basename "$page" .html)
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null
	soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
	pdftotext -layout "$work/$name.pdf" "$out/$name.layout.txt"
	pdftotext "$work/$name.pdf" "$out/$name.plain.txt"
	pdftotext -raw "$work/$name.pdf" "$out/$name.raw.txt"
	NODE_PATH="$work/npm/node_modules" node scripts/pdfjs.mjs text "$work/$name.pdf" >"$out/$name.pdfjs.txt"
	NODE_PATH="$work/npm/node_modules" node scripts/pdfjs.mjs markdown "$work/$name.pdf" >"$out/$name.pdf2md.md"
	cp "$work/$name.truth.csv" "$out/"
done
python3 scripts/pdftext-corpus.py ocr "$out"
python3 scripts/pdftext-corpus.py blocks "$out"
