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
#   clean-psm6  300 dpi with the table's rules taken out first, as tools
#               that read tables clean the page (scripts/derule: runs of
#               ink 150 pixels long, or 30 between two rules the other
#               way, painted white where no glyph crosses them), --psm 6
#               with the spaces between words kept (preserve_interword_spaces)
#   clean-psm4  the same page, --psm 4 (one column of text of varying
#               sizes)
#
# OCR_READINGS names the readings to make (default: all of them).
# Pages end with the form feed tesseract prints. The truth of each report is
# <report>.truth.csv (indicator, breakdown, value); huaian-hongze-2023's is
# written from testdata/real's hand-typed figures by
# `go test ./ingest -run TestOCRTruthOfRealReports -update-ocr-truth`. Needs python3, LibreOffice,
# poppler-utils, tesseract-ocr with chi_sim, ImageMagick (scan) and Go (clean); CI has none of
# them: the texts are committed, the images are not.
#
# With -real, it reads real web pages instead: testdata/real/SLUG.html
# printed to PDF by chromium (headless, no header or footer), each page at
# 300 dpi in grey, read as r300-psm6, r300-psm3 (tesseract as it reads a
# page by default, nothing taken out) and clean-psm6 into
# testdata/real/SLUG.ocr-r300-psm6.txt, SLUG.ocr-r300-psm3.txt and
# SLUG.ocr-clean-psm6.txt, and the second and third as pandoc wraps a
# text in Markdown (SLUG.ocr-r300-psm3.md, SLUG.ocr-clean-psm6.md), beside
# the figures typed by hand (ingest/ocrreal_test.go scores them). Needs
# chromium, poppler-utils, tesseract-ocr with chi_sim, pandoc and Go.
#
# With -libreoffice, it reads the LibreOffice prints of the real reports
# (testdata/real/SLUG.libreoffice.pdf, laid out as Word would lay them
# out): each page at 300 dpi in grey, read by tesseract at --psm 6 and
# --psm 3 into testdata/real/SLUG.libreoffice.ocr-psm6.txt and
# SLUG.libreoffice.ocr-psm3.txt. Needs poppler-utils and tesseract-ocr with
# chi_sim.
#
# usage: scripts/ocr-corpus.sh [REPORT...]   (default: every report)
#        scripts/ocr-corpus.sh -real SLUG...
#        scripts/ocr-corpus.sh -libreoffice SLUG...
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

# gray is -gray for the real pages (rendered in grey, as a scanner gives a
# page), empty for the corpus (its texts were read from colour renders).
gray=""
real=""
if [ "${1:-}" = -real ] || [ "${1:-}" = -libreoffice ]; then
	real=$1
	shift
	gray=-gray
else
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
fi
go build -o "$work/derule" ./scripts/derule

# read_real SLUG: the real web page testdata/real/SLUG.html printed to PDF
# and read three ways: the rendered page at --psm 6 and --psm 3, and with
# its rules taken out.
read_real() {
	pdf="$work/$1.pdf"
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$pdf" "testdata/real/$1.html" >/dev/null 2>&1
	read_pdf "$pdf" 300 6 plain "testdata/real/$1.ocr-r300-psm6.txt"
	read_pdf "$pdf" 300 3 plain "testdata/real/$1.ocr-r300-psm3.txt"
	read_pdf "$pdf" 300 6 norules "testdata/real/$1.ocr-clean-psm6.txt"
	# The texts as a converter wraps them in Markdown: spaces collapsed,
	# bars and brackets escaped.
	for reading in r300-psm3 clean-psm6; do
		pandoc -f commonmark -t gfm --wrap=preserve "testdata/real/$1.ocr-$reading.txt" \
			-o "testdata/real/$1.ocr-$reading.md"
	done
}

# read_pdf PDF DPI PSM LOOK OUT: every page of PDF through tesseract into
# OUT. LOOK is plain (the page as rendered), scan (made to look scanned) or
# norules (the table's rules taken out, the spaces between words kept).
read_pdf() {
	pages="$work/pages-$(basename "$5")"
	mkdir -p "$pages"
	# shellcheck disable=SC2086 # gray is empty or one option
	pdftoppm -r "$2" $gray -png "$1" "$pages/page"
	: >"$5"
	for png in "$pages"/page-*.png; do
		keep=""
		case "$4" in
		scan)
			"$im" "$png" -colorspace Gray -background white -rotate 0.4 \
				-blur 0x0.8 -seed 9 -attenuate 0.5 +noise Gaussian \
				-resize 66.7% -density 200 "$png"
			;;
		norules)
			"$work/derule" "$png" "$png"
			keep="-c preserve_interword_spaces=1"
			;;
		esac
		# shellcheck disable=SC2086 # keep is empty or one option
		tesseract "$png" stdout -l chi_sim --psm "$3" $keep 2>/dev/null >>"$5"
	done
	rm -rf "$pages"
}

# wanted READING: whether OCR_READINGS asks for the reading (or is unset).
wanted() {
	case " ${OCR_READINGS:-$1} " in *" $1 "*) return 0 ;; esac
	return 1
}

# read_report NAME: the readings of one report.
read_report() {
	pdf="$work/$1.pdf"
	! wanted r300-psm6 || read_pdf "$pdf" 300 6 plain "$out/$1.r300-psm6.txt"
	! wanted r300-psm3 || read_pdf "$pdf" 300 3 plain "$out/$1.r300-psm3.txt"
	! wanted r150-psm6 || read_pdf "$pdf" 150 6 plain "$out/$1.r150-psm6.txt"
	! wanted scan-psm6 || read_pdf "$pdf" 300 6 scan "$out/$1.scan-psm6.txt"
	! wanted clean-psm6 || read_pdf "$pdf" 300 6 norules "$out/$1.clean-psm6.txt"
	! wanted clean-psm4 || read_pdf "$pdf" 300 4 norules "$out/$1.clean-psm4.txt"
}

# read_print SLUG: the LibreOffice print of a real report, read as printed
# at --psm 6 and --psm 3.
read_print() {
	pdf=testdata/real/$1.libreoffice.pdf
	read_pdf "$pdf" 300 6 plain "testdata/real/$1.libreoffice.ocr-psm6.txt"
	read_pdf "$pdf" 300 3 plain "testdata/real/$1.libreoffice.ocr-psm3.txt"
}

if [ -n "$real" ]; then
	export OMP_THREAD_LIMIT=1
	for slug in "$@"; do
		if [ "$real" = -libreoffice ]; then
			read_print "$slug"
		else
			read_real "$slug"
		fi
	done
	exit 0
fi
if [ $# -gt 0 ]; then
	reports="$*"
else
	reports=$(cd "$work" && ls *.pdf | sed 's/\.pdf$//')
fi
# OCR_JOBS reports at a time (1 by default: the machine is shared), each
# tesseract on one thread; the output does not change with either.
export OMP_THREAD_LIMIT=1
running=0
for name in $reports; do
	read_report "$name" &
	running=$((running + 1))
	if [ "$running" -ge "${OCR_JOBS:-1}" ]; then
		wait
		running=0
	fi
done
wait
