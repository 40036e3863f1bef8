#!/bin/sh
# Remakes testdata/real/<slug>.libreoffice.{pdf,layout.txt,raw.txt,
# plain.txt,pdfminer.txt}: the real web pages of
# testdata/real printed to PDF by LibreOffice (its Writer/Web export), the
# other way many published PDFs are made. LibreOffice lays the pages out
# as Word would: cells that set their text at the top, tables wider than
# the paper cut at its edge (沭阳's 总计 column, its 26 wrapped one digit a
# line), rows split over page breaks. Nothing of the page is changed.
# Needs LibreOffice and qpdf (CI has neither: the outputs are committed).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	cp "testdata/real/$slug.html" "$work/$slug.html"
	soffice --headless --convert-to pdf:writer_web_pdf_Export --outdir "$work" "$work/$slug.html" >/dev/null 2>&1
	# A fixed document ID, so a rerun changes only LibreOffice's dates.
	qpdf --deterministic-id --compress-streams=y --object-streams=generate \
		"$work/$slug.pdf" "testdata/real/$slug.libreoffice.pdf"
	out=testdata/real/$slug.libreoffice
	pdftotext -layout "$out.pdf" "$out.layout.txt"
	pdftotext -raw "$out.pdf" "$out.raw.txt"
	pdftotext "$out.pdf" "$out.plain.txt"
	pdf2txt "$out.pdf" >"$out.pdfminer.txt"
done
