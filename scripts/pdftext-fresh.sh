#!/bin/sh
# Writes testdata/pdftext/synth*-{word,chrome}.*: synth reports whose figures
# are known (scripts/convert-sources, seed 9), printed to PDF the two ways
# governments print them (the Word file through LibreOffice; the web page
# through Chrome, with its header and footer: date, title, address, page),
# then taken back out with pdfminer's pdf2txt (markitdown's engine),
# plain pdftotext and pdftotext -layout. These texts were not made for the
# reader: they check that its rules hold on shapes no fixture had (a narrow
# label column wrapped three characters a line, each row's figures on the
# line of its first piece; Chrome's text layer printing radicals for
# ideographs, ⼀ ⾏ ⺠; a row's figures printed before its label).
#
# With -pdf it writes the PDFs themselves instead, of seed 21, to
# testdata/pdf/fresh (synth*-{word,chrome}.pdf and their truth), which
# TestFreshPDFs reads with pdfium as `gongkai parse` does.
#
# Needs LibreOffice, chromium, poppler-utils and Debian's python3-pdfminer;
# CI does not: the texts and PDFs are committed.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdf=false out=testdata/pdftext seed=9
if [ "${1:-}" = -pdf ]; then
	pdf=true out=testdata/pdf/fresh seed=21
	mkdir -p "$out"
fi
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
		name=$out/synth$year-${kind#*:}
		cp "$src.truth.csv" "$name.truth.csv"
		if $pdf; then
			cp "$src.pdf" "$name.pdf"
			continue
		fi
		pdf2txt "$src.pdf" | sed "s|$work/|/home/user/|g" >"$name.pdfminer.txt"
		pdftotext "$src.pdf" - | sed "s|$work/|/home/user/|g" >"$name.plain.txt"
		pdftotext -layout "$src.pdf" - | sed "s|$work/|/home/user/|g" >"$name.layout.txt"
	done
done
