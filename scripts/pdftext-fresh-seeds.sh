#!/bin/sh
# Writes testdata/pdftext/fresh: synth reports of a seed the reader was
# never tuned on (26 unless SEED is given), printed to PDF as governments
# print them (the Word file through LibreOffice, the web page through
# Chrome), then taken out by every extractor on this machine: pdftotext
# -layout, -raw and plain, pdfminer's pdf2txt, PyMuPDF, pdf.js (pdf-parse)
# and pdf2md (scripts/jsconvert.mjs). TestFreshTexts scores each against
# the truth beside it. Texts of a seed differ from another's in figures and
# names, not in shape: seeds 26-30 gave the same counts (ingest/README.md).
#
#	scripts/pdftext-fresh-seeds.sh [SEED]
#
# Needs LibreOffice, chromium, poppler-utils, python3-pdfminer,
# python3-fitz, node and npm; CI has none of them: the texts are committed.
set -eu
cd "$(dirname "$0")/.."
seed=${1:-26}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/pdftext/fresh
mkdir -p "$out"
node_path=$(scripts/jsconvert-install.sh "$work/npm")
js() { NODE_PATH=$node_path node scripts/jsconvert.mjs "$@"; }
go run ./scripts/convert-sources "$work" "$seed"
soffice --headless --convert-to pdf --outdir "$work" "$work"/*.docx >/dev/null
for page in "$work"/*-html.html; do
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="${page%.html}.pdf" "$page" >/dev/null 2>&1
done
for src in "$work"/synth-*.pdf; do
	stem=$(basename "$src" .pdf)
	name=$out/s$seed-${stem#synth-}
	cp "$work/$stem.truth.csv" "$name.truth.csv"
	clean() { sed "s|$work/|/home/user/|g" >"$1"; }
	pdftotext -layout "$src" - | clean "$name.layout.txt"
	pdftotext -raw "$src" - | clean "$name.raw.txt"
	pdftotext "$src" - | clean "$name.plain.txt"
	pdf2txt "$src" | clean "$name.pdfminer.txt"
	/usr/bin/python3 -c 'import fitz, sys; sys.stdout.write("".join(p.get_text() for p in fitz.open(sys.argv[1])))' "$src" | clean "$name.pymupdf.txt"
	js pdf-text "$src" | clean "$name.pdfjs.txt"
	js pdf-markdown "$src" | clean "$name.pdf2md.md"
done
