#!/bin/sh
# Remakes testdata/real/<slug>.chromium-<paper>.plain.txt: plain pdftotext
# (the reading order a PDF viewer's copy gives) of real web pages printed
# by Chromium on other paper than scripts/webpdf-fixtures.sh's A4, whose
# texts show shapes the A4 prints do not: on A3 (pingtan-2021) table 4's
# block names and header pieces are printed among its figures; on B5
# landscape (pingtan-2025) its header's pieces come between the first
# block's figures and the others'. The paper is set by an @page rule added
# after <head>; nothing else of the page changes. Needs chromium and
# poppler-utils (CI has neither: the texts are committed).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for print in "pingtan-2021 A3 portrait a3" "pingtan-2025 B5 landscape b5-landscape"; do
	set -- $print
	slug=$1 size=$2 orientation=$3 tag=$4
	sed "0,/<head>/s//<head><style>@page { size: $size $orientation; }<\/style>/" \
		"testdata/real/$slug.html" >"$work/$slug.html"
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$work/out.pdf" "$work/$slug.html" 2>/dev/null
	pdftotext "$work/out.pdf" "testdata/real/$slug.chromium-$tag.plain.txt"
done
