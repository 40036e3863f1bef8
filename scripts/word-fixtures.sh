#!/bin/sh
# Remakes testdata/real/<slug>.word.{docx,pdf,layout.txt,raw.txt,plain.txt,
# pdfminer.txt}: the real web pages of testdata/real saved as a Word
# document by LibreOffice (its HTML import, then the Word 2007 export),
# and that document printed to PDF, as a report drafted in Word and
# published as PDF is. The layout is Word's: narrow block-label columns
# whose labels wrap a character or two a line (三、 / 本 / 年度 / 办),
# row labels wrapped over three lines with their figures on the middle
# one, 沭阳's table wider than the paper and cut at its edge. The texts
# are what pdftotext (-layout, -raw, plain) and pdfminer's pdf2txt take
# from the PDF. Needs LibreOffice, qpdf, poppler-utils and
# python3-pdfminer (CI has none of them: the outputs are committed).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	cp "testdata/real/$slug.html" "$work/$slug.html"
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$slug.html" >/dev/null 2>&1
	soffice --headless --convert-to pdf --outdir "$work" "$work/$slug.docx" >/dev/null 2>&1
	out=testdata/real/$slug.word
	cp "$work/$slug.docx" "$out.docx"
	# A fixed document ID, so a rerun changes only LibreOffice's dates.
	qpdf --deterministic-id --compress-streams=y --object-streams=generate "$work/$slug.pdf" "$out.pdf"
	pdftotext -layout "$out.pdf" "$out.layout.txt"
	pdftotext -raw "$out.pdf" "$out.raw.txt"
	pdftotext "$out.pdf" "$out.plain.txt"
	pdf2txt "$out.pdf" >"$out.pdfminer.txt"
done
