#!/bin/sh
# Remakes testdata/real/<slug>.chromium*.{pdf,layout.txt,raw.txt,plain.txt,
# pdfminer.txt}: the real web pages of testdata/real printed to PDF by
# Chromium, which is how many published PDFs and "saved web pages" are
# made, and the texts taken from them by poppler's pdftotext (-layout,
# -raw, plain: a viewer's copy) and pdfminer's pdf2txt (markitdown's
# engine). Paper: A4 portrait (<slug>.chromium.pdf) and A4 landscape
# (<slug>.chromium-landscape.pdf, wider table cells, fewer wrapped
# labels). The page size is set by an @page rule added after <head>;
# nothing else of the page changes. Needs chromium, qpdf, poppler-utils
# and python3-pdfminer (CI has none of them: the outputs are committed).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	for paper in portrait landscape; do
		case $paper in
		portrait) out=testdata/real/$slug.chromium ;;
		landscape) out=testdata/real/$slug.chromium-landscape ;;
		esac
		sed "0,/<head>/s//<head><style>@page { size: A4 $paper; }<\/style>/" \
			"testdata/real/$slug.html" >"$work/$slug.html"
		chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
			--print-to-pdf="$work/out.pdf" "$work/$slug.html" 2>/dev/null
		# Drop the document ID and dates so a rerun makes the same bytes
		# where Chromium allows it; the content streams are untouched.
		qpdf --deterministic-id --compress-streams=y --object-streams=generate \
			"$work/out.pdf" "$out.pdf"
		pdftotext -layout "$out.pdf" "$out.layout.txt"
		pdftotext -raw "$out.pdf" "$out.raw.txt"
		pdftotext "$out.pdf" "$out.plain.txt"
		pdf2txt "$out.pdf" >"$out.pdfminer.txt"
	done
done
