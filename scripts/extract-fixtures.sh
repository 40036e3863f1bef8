#!/bin/sh
# Remakes testdata/real/<slug>.<print>.{pdfjs.txt,pdf2md.md,pymupdf.txt,
# pymupdf-blocks.txt}: the real pages' PDFs of testdata/real (Chromium's
# portrait and landscape prints, LibreOffice's, and the Word documents'
# printed by LibreOffice) taken out by the extractors they had not met:
# pdf.js as Firefox's viewer and Node's pdf-parse give its text, pdf2md's
# Markdown (on pdf.js), and PyMuPDF's get_text(), the text of most Python
# pipelines, read once in its stream order and once as blocks sorted top
# to bottom, left to right (get_text("blocks", sort=True), the reading
# order a pipeline asks for when the stream order jumps about). The
# published huaian-hongze-2023.pdf is taken out the same way into the
# files of its name (huaian-hongze-2023.pdfjs.txt ...).
#
#	scripts/extract-fixtures.sh [OUTDIR]
#
# OUTDIR (testdata/real unless given) lets the texts be made into a
# scratch directory and compared with the committed ones. Needs node and
# npm (scripts/jsconvert-install.sh installs pdf-parse and pdf2md at the
# versions the committed texts were made with) and /usr/bin/python3 with
# PyMuPDF (python3-fitz); CI has none of them: the outputs are committed.
set -eu
cd "$(dirname "$0")/.."
out=${1:-testdata/real}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node_path=$(scripts/jsconvert-install.sh "$work/npm")
js() { NODE_PATH=$node_path node scripts/jsconvert.mjs "$@"; }
pymupdf() {
	/usr/bin/python3 - "$@" <<'EOF'
import sys

import fitz

mode, path = sys.argv[1], sys.argv[2]
doc = fitz.open(path)
if mode == "text":
    sys.stdout.write("".join(page.get_text() for page in doc))
else:
    # Each block's text as PyMuPDF gives it, blocks of text only (type 0),
    # in the order sort=True puts them: by their top, then their left.
    for page in doc:
        for block in page.get_text("blocks", sort=True):
            if block[6] == 0:
                sys.stdout.write(block[4])
EOF
}
extract() { # PDF STEM
	js pdf-text "$1" >"$2.pdfjs.txt"
	js pdf-markdown "$1" >"$2.pdf2md.md"
	pymupdf text "$1" >"$2.pymupdf.txt"
	pymupdf blocks "$1" >"$2.pymupdf-blocks.txt"
}
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	for print in chromium chromium-landscape libreoffice word; do
		extract "testdata/real/$slug.$print.pdf" "$out/$slug.$print"
	done
done
extract testdata/real/huaian-hongze-2023.pdf "$out/huaian-hongze-2023"
