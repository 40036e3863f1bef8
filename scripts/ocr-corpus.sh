#!/bin/sh
# Regenerates testdata/ocr: the text a real OCR engine (tesseract, chi_sim)
# reads from page images of reports whose figures are known.
#
# The PDFs: the tables of scripts/pdftext-corpus.py printed through
# LibreOffice (HTML → DOCX → PDF, as for testdata/pdftext), the fixtures
# testdata/pdf/{form2019,form2021}.pdf, and the real report
# testdata/real/huaian-hongze-2023.pdf. Each page is rendered with pdftoppm
# and read by tesseract in these ways (the file's middle name):
#
#   r300-psm6   300 dpi, one block of text (--psm 6: rows stay lines)
#   r300-psm3   300 dpi, tesseract's default page segmentation (--psm 3)
#   r150-psm6   150 dpi, --psm 6 (a coarse scan)
#   scan-psm6   300 dpi made to look scanned (grey, turned 0.4°, blurred,
#               noise, 200 dpi), --psm 6
#
# Pages end with the form feed tesseract prints. The truth of each report is
# <report>.truth.csv (indicator, breakdown, value); huaian-hongze-2023's is
# written from testdata/real's hand-typed figures by
# `go test ./ingest -run TestOCRTruthOfRealReports -update-ocr-truth`. Needs python3, LibreOffice,
# poppler-utils, tesseract-ocr with chi_sim and ImageMagick; CI has none of
# them: the texts are committed, the images are not.
#
# usage: scripts/ocr-corpus.sh [REPORT...]   (default: every report)
set -eu
cd "$(dirname "$0")/.."
# OCR_WORK keeps the PDFs between runs (made once: LibreOffice is slow).
if [ -n "${OCR_WORK:-}" ]; then
	work=$OCR_WORK
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
out=testdata/ocr
mkdir -p "$out"
# /usr/local/bin/convert may be a stand-in; take ImageMagick's own binary.
im=$(command -v magick || command -v convert-im6.q16 || command -v convert)

python3 scripts/pdftext-corpus.py html "$work"
# A profile of its own: another LibreOffice running at the same time would
# otherwise take the conversion and print nothing.
profile=-env:UserInstallation=file://$work/profile
for page in "$work"/*.html; do
	name=$(basename "$page" .html)
	cp "$work/$name.truth.csv" "$out/"
	[ -s "$work/$name.pdf" ] && continue
	soffice "$profile" --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null
	soffice "$profile" --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
done
# The legacy fixture's truth is in Go (pdf_test.go): legacy tables are
# the corpus's own two.
for template in form2019 form2021; do
	cp "testdata/pdf/$template.pdf" "$work/pdf-$template.pdf"
	# The fixture's truth without the derived rows (a label with +).
	python3 - "testdata/$template/expected.csv" >"$out/pdf-$template.truth.csv" <<-'EOF'
		import csv, sys
		rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if '+' not in r['label']]
		w = csv.writer(sys.stdout, lineterminator='\n')
		w.writerow(['indicator', 'breakdown', 'value'])
		for r in rows:
		    w.writerow([r['indicator'], r['breakdown'], r['value']])
	EOF
done
cp testdata/real/huaian-hongze-2023.pdf "$work/"

# read_pdf PDF DPI PSM SCAN OUT: every page of PDF through tesseract into OUT.
read_pdf() {
	pages="$work/pages-$(basename "$5")"
	mkdir -p "$pages"
	pdftoppm -r "$2" -png "$1" "$pages/page"
	: >"$5"
	for png in "$pages"/page-*.png; do
		if [ "$4" = scan ]; then
			"$im" "$png" -colorspace Gray -background white -rotate 0.4 \
				-blur 0x0.8 -seed 9 -attenuate 0.5 +noise Gaussian \
				-resize 66.7% -density 200 "$png"
		fi
		tesseract "$png" stdout -l chi_sim --psm "$3" 2>/dev/null >>"$5"
	done
	rm -rf "$pages"
}

# read_report NAME: the four readings of one report.
read_report() {
	pdf="$work/$1.pdf"
	read_pdf "$pdf" 300 6 clean "$out/$1.r300-psm6.txt"
	read_pdf "$pdf" 300 3 clean "$out/$1.r300-psm3.txt"
	read_pdf "$pdf" 150 6 clean "$out/$1.r150-psm6.txt"
	read_pdf "$pdf" 300 6 scan "$out/$1.scan-psm6.txt"
}

if [ $# -gt 0 ]; then
	reports="$*"
else
	reports=$(cd "$work" && ls *.pdf | sed 's/\.pdf$//')
fi
# Two reports at a time, each tesseract on one thread: faster than one
# tesseract's threads on a shared machine, and the output does not change.
export OMP_THREAD_LIMIT=1
running=0
for name in $reports; do
	read_report "$name" &
	running=$((running + 1))
	if [ "$running" -ge 2 ]; then
		wait
		running=0
	fi
done
wait
