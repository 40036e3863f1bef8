#!/bin/sh
# Remakes testdata/marks: real web pages of testdata/real as a report that
# prints nothing in its empty cells would publish them. Every table cell
# whose text is 0 is printed as a dash (<slug>-dash.*) or left blank
# (<slug>-blank.*); nothing else of the page changes. Each page is then
# taken the ways such reports circulate: the page itself (.html), printed
# to PDF by Chromium (.pdf), that PDF's text from pdftotext -layout and
# -raw (.layout.txt, .raw.txt), and the page as lynx and w3m dump it
# (.lynx.txt, .w3m.txt). The figures are the real page's, a 0 becoming
# the dash or blank (ingest/marks_test.go derives them from
# testdata/real/<slug>.expected.json). Needs python3, chromium, qpdf,
# poppler-utils, lynx and w3m (CI has none of them: the outputs are
# committed). SLUGS="pingtan-2021" remakes the pages of those slugs only.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for slug in ${SLUGS:-pingtan-2021 pingtan-2024 pingtan-2025}; do
	for kind in dash blank; do
		out=testdata/marks/$slug-$kind
		case $kind in
		dash) mark='—' ;;
		blank) mark='' ;;
		esac
		python3 - "testdata/real/$slug.html" "$mark" "$out.html" <<'PY'
import re, sys
src, mark, out = sys.argv[1:]
page = open(src, encoding='utf-8').read()
def cell(m):
    td = m.group(0)
    if re.sub(r'<[^>]+>', '', td).replace('&nbsp;', '').strip() != '0':
        return td
    return re.sub(r'>(\s*)0(\s*)<', lambda z: '>' + z.group(1) + mark + z.group(2) + '<', td, count=1)
open(out, 'w', encoding='utf-8').write(re.sub(r'<td\b.*?</td>', cell, page, flags=re.S))
PY
		chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
			--print-to-pdf="$work/out.pdf" "$out.html" 2>/dev/null
		qpdf --deterministic-id --compress-streams=y --object-streams=generate \
			"$work/out.pdf" "$out.pdf"
		pdftotext -layout "$out.pdf" "$out.layout.txt"
		pdftotext -raw "$out.pdf" "$out.raw.txt"
		lynx -dump -width=200 -nolist "$out.html" >"$out.lynx.txt"
		w3m -dump -cols 200 -T text/html "$out.html" >"$out.w3m.txt"
	done
done
