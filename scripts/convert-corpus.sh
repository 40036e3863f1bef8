#!/bin/sh
# Regenerates testdata/convert: report tables whose figures are known, as
# real converters print them. The sources are
#   - the real web pages of testdata/real (scored against their
#     expected.json);
#   - the pages of scripts/pdftext-corpus.py (merged block labels, two-row
#     headers, rowspan and colspan) and the Word files LibreOffice makes of
#     them;
#   - synth's web pages and Word files (scripts/convert-sources).
# Each web page goes through pandoc (-t gfm, -t markdown, -t plain), w3m
# -dump, lynx -dump (wide and narrow), chromium's document.body.innerText,
# turndown (with and without its GFM tables) and html-to-text; each Word
# file through pandoc (the same three), LibreOffice's text export and
# mammoth (Markdown and raw text). Needs pandoc, w3m, lynx, chromium,
# LibreOffice, node and npm (scripts/jsconvert-install.sh), python3 and Go; CI
# has none of them: the outputs are committed, the sources of the real
# pages are in testdata/real, the others are remade here.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=testdata/convert
mkdir -p "$out"
rm -f "$out"/*.md "$out"/*.txt "$out"/*.truth.csv
node_path=$(scripts/jsconvert-install.sh "$work/npm")
js() { NODE_PATH=$node_path node scripts/jsconvert.mjs "$@"; }

python3 scripts/pdftext-corpus.py html "$work"
go run ./scripts/convert-sources "$work"
for page in testdata/real/*.html; do
	cp "$page" "$work/real-$(basename "$page")"
done
for page in "$work"/*.html; do
	case $page in */real-* | */synth-*) continue ;; esac
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null
done

# innerText prints a page's text as the browser lays it out: a tab between
# the cells of a row, a line a row.
innertext() {
	{
		cat "$1"
		echo '<script>const t=document.body.innerText;document.body.innerHTML="";const p=document.createElement("pre");p.textContent=t;document.body.appendChild(p);</script>'
	} >"$work/innertext.html"
	chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$work/innertext.html" 2>/dev/null |
		python3 -c 'import html,re,sys; print(html.unescape(re.search(r"<pre>(.*)</pre>", sys.stdin.read(), re.S).group(1)))'
}

for page in "$work"/*.html; do
	[ "$(basename "$page")" = innertext.html ] && continue
	name=$(basename "$page" .html)
	pandoc -f html -t gfm "$page" -o "$out/$name.pandoc-gfm.md"
	pandoc -f html -t markdown "$page" -o "$out/$name.pandoc-markdown.md"
	pandoc -f html -t plain "$page" -o "$out/$name.pandoc-plain.txt"
	w3m -I UTF-8 -O UTF-8 -T text/html -dump "$page" >"$out/$name.w3m.txt"
	lynx -assume_charset=utf-8 -display_charset=utf-8 -dump -nolist -width=200 "$page" >"$out/$name.lynx-wide.txt"
	lynx -assume_charset=utf-8 -display_charset=utf-8 -dump -nolist -width=80 "$page" >"$out/$name.lynx-narrow.txt"
	innertext "$page" >"$out/$name.innertext.txt"
	js turndown "$page" >"$out/$name.turndown.md"
	js turndown-gfm "$page" >"$out/$name.turndown-gfm.md"
	js html-to-text "$page" >"$out/$name.html-to-text.txt"
done
cp "$work"/*.truth.csv "$out/"
for file in "$work"/*.docx; do
	name=$(basename "$file" .docx)
	case $name in
	*-docx) ;;
	*)
		cp "$work/$name.truth.csv" "$out/$name-docx.truth.csv"
		name=$name-docx
		;;
	esac
	pandoc -f docx -t gfm "$file" -o "$out/$name.pandoc-gfm.md"
	pandoc -f docx -t markdown "$file" -o "$out/$name.pandoc-markdown.md"
	pandoc -f docx -t plain "$file" -o "$out/$name.pandoc-plain.txt"
	soffice --headless --convert-to 'txt:Text (encoded):UTF8' --outdir "$work" "$file" >/dev/null
	mv "$work/$(basename "$file" .docx).txt" "$out/$name.libreoffice.txt"
	js mammoth-markdown "$file" >"$out/$name.mammoth.md"
	js mammoth-text "$file" >"$out/$name.mammoth-text.txt"
done
