#!/bin/sh
# Remakes testdata/real/<slug>.template.{docx,pdf,layout.txt,raw.txt,
# plain.txt,pdfminer.txt,pymupdf.txt}: the figures of each real report of
# the 2021 form typeset in the national template's shape as a Word file
# (scripts/template-fixtures.py), printed to PDF by LibreOffice, then
# taken out by pdftotext (-layout, -raw, plain), pdfminer's pdf2txt and
# PyMuPDF: the report its publisher would have printed, with the figures
# the parser must meet, blank cells included. Needs python3, LibreOffice,
# qpdf, poppler-utils, python3-pdfminer and python3-fitz (CI has none of
# them: the outputs are committed).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shanghai-bgt-2025 shuyang-fgj-2023; do
	python3 scripts/template-fixtures.py "testdata/real/$slug.expected.json" >"$work/$slug.html"
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$slug.html" >/dev/null 2>&1
	soffice --headless --convert-to pdf --outdir "$work" "$work/$slug.docx" >/dev/null 2>&1
	out=testdata/real/$slug.template
	cp "$work/$slug.docx" "$out.docx"
	# A fixed document ID, so a rerun changes only LibreOffice's dates.
	qpdf --deterministic-id --compress-streams=y --object-streams=generate "$work/$slug.pdf" "$out.pdf"
	pdftotext -layout "$out.pdf" "$out.layout.txt"
	pdftotext -raw "$out.pdf" "$out.raw.txt"
	pdftotext "$out.pdf" "$out.plain.txt"
	/usr/bin/python3 /usr/bin/pdf2txt "$out.pdf" >"$out.pdfminer.txt"
	/usr/bin/python3 -c 'import fitz, sys; sys.stdout.write("".join(p.get_text() for p in fitz.open(sys.argv[1])))' "$out.pdf" >"$out.pymupdf.txt"
done
