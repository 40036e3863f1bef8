#!/bin/sh
# Regenerates testdata/pdftext: tables of each template with known figures
# (scripts/pdftext-corpus.py), printed to PDF as governments print them (HTML
# → DOCX → PDF with LibreOffice), then taken back out as text: pdftotext
# -layout, plain pdftotext (reading order), pdftotext -raw, pdf.js's text
# (Firefox's viewer, Node's pdf-parse) and Markdown (@opendocsg/pdf2md), OCR text made from the -layout
# text, and the plain text with blocks of table 3's rows printed column by
# column (as a viewer's copy of merged cells gives them).
# Needs python3, LibreOffice, poppler-utils, Debian's python3-pdfminer
# (pdf2txt) and python3-fitz (PyMuPDF), node and npm (the JavaScript
# converters are installed into a temporary directory); CI does not: the texts are
# committed, the PDFs are not.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/pdftext
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.md "$out"/*.truth.csv
node_path=$(scripts/jsconvert-install.sh "$work/npm")
python3 scripts/pdftext-corpus.py html "$work"
for page in "$work"/*.html; do
	name=$(basename "$page" .html)
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null
	soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
	pdftotext -layout "$work/$name.pdf" "$out/$name.layout.txt"
	pdftotext "$work/$name.pdf" "$out/$name.plain.txt"
	pdftotext -raw "$work/$name.pdf" "$out/$name.raw.txt"
	NODE_PATH=$node_path node scripts/jsconvert.mjs pdf-text "$work/$name.pdf" >"$out/$name.pdfjs.txt"
	NODE_PATH=$node_path node scripts/jsconvert.mjs pdf-markdown "$work/$name.pdf" >"$out/$name.pdf2md.md"
	pdf2txt "$work/$name.pdf" >"$out/$name.pdfminer.txt"
	python3 -c 'import fitz, sys; sys.stdout.write("".join(p.get_text() for p in fitz.open(sys.argv[1])))' "$work/$name.pdf" >"$out/$name.pymupdf.txt"
	cp "$work/$name.truth.csv" "$out/"
done
python3 scripts/pdftext-corpus.py ocr "$out"
python3 scripts/pdftext-corpus.py blocks "$out"
