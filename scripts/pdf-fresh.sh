#!/bin/sh
# Writes testdata/pdf/fresh/synth*-{word,chrome}.pdf: synth reports whose
# figures are known (scripts/convert-sources, seed 21 unless given), printed
# to PDF the two ways governments print them: the Word file through
# LibreOffice, the web page through Chrome (with its header and footer).
# TestFreshPDFs reads them with pdfium, as `gongkai parse` does, and scores
# every figure against the truth beside them. These PDFs were not made for
# the reader: they check that its PDF rules hold on tables no fixture had.
# Needs LibreOffice and chromium; CI does not: the PDFs are committed.
set -eu
cd "$(dirname "$0")/.."
seed=${1:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/pdf/fresh
mkdir -p "$out"
go run ./scripts/convert-sources "$work" "$seed"
soffice --headless --convert-to pdf --outdir "$work" "$work"/*.docx >/dev/null
for page in "$work"/*-html.html; do
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="${page%.html}.pdf" "$page" >/dev/null 2>&1
done
for tpl in form2019 form2021 legacy2014; do
	for kind in docx:word html:chrome; do
		src=$work/synth-$tpl-${kind%%:*}
		year=${tpl#form}
		year=${year#legacy}
		cp "$src.truth.csv" "$out/synth$year-${kind#*:}.truth.csv"
		cp "$src.pdf" "$out/synth$year-${kind#*:}.pdf"
	done
done
