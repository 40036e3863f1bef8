#!/bin/sh
# Remakes testdata/real/<slug>.textcontent.txt and <slug>.domtext.txt: the
# stored web pages of testdata/real as a page's whole text is taken
# without its markup (the DOM's textContent, as crawlers and "save as
# text" keep it): table cells run together with no separator, scripts and
# styles left out, and the site's header and footer kept, with the bars
# that part their links (使用帮助 | 联系我们). In .textcontent.txt every
# run of whitespace is one space (as the archive's page texts); .domtext.txt
# keeps the markup's line breaks and indentation, which break the tables'
# run wherever the markup broke a line. <slug>.rowlines.txt breaks a line
# at the end of each table row, and around each paragraph, block and <br>
# outside the tables, the whitespace between collapsed: each row's cells
# run together on a line of its own (as text converters that keep a
# table's rows print it). Needs python3.
set -eu
cd "$(dirname "$0")/.."
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	python3 - "testdata/real/$slug.html" "testdata/real/$slug" <<'PY'
import re, sys
from html.parser import HTMLParser

BREAK = "\x01"  # a line break of rowlines, marked where the markup ends a row or paragraph


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.rows, self.skip = [], [], 0
    tables = 0  # how deep inside tables the parser is
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "table":
            self.tables += 1
        if tag in ("p", "div", "br") and not self.tables:
            self.rows.append(BREAK)
    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "table":
            self.tables -= 1
        if tag == "tr" or tag in ("p", "div") and not self.tables:
            self.rows.append(BREAK)
    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)
            self.rows.append(data)

t = Text()
t.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(t.out)
rows = re.sub(r"[ \n\r\t\u00a0\u3000]+", " ", "".join(t.rows))
rows = re.sub(r" *\x01[\x01 ]*", "\n", rows).strip()
with open(sys.argv[2] + ".rowlines.txt", "w", encoding="utf-8") as f:
    print(rows, file=f)
with open(sys.argv[2] + ".textcontent.txt", "w", encoding="utf-8") as f:
    print(re.sub(r"\s+", " ", text).strip(), file=f)
with open(sys.argv[2] + ".domtext.txt", "w", encoding="utf-8") as f:
    f.write(text)
PY
done
