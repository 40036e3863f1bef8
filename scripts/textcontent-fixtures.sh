#!/bin/sh
# Remakes testdata/real/<slug>.textcontent.txt and <slug>.domtext.txt: the
# stored web pages of testdata/real as a page's whole text is taken
# without its markup (the DOM's textContent, as crawlers and "save as
# text" keep it): table cells run together with no separator, scripts and
# styles left out, and the site's header and footer kept, with the bars
# that part their links (使用帮助 | 联系我们). In .textcontent.txt every
# run of whitespace is one space (as the archive's page texts); .domtext.txt
# keeps the markup's line breaks and indentation, which break the tables'
# run wherever the markup broke a line. Needs python3.
set -eu
cd "$(dirname "$0")/.."
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	python3 - "testdata/real/$slug.html" "testdata/real/$slug" <<'PY'
import re, sys
from html.parser import HTMLParser

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

t = Text()
t.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(t.out)
with open(sys.argv[2] + ".textcontent.txt", "w", encoding="utf-8") as f:
    print(re.sub(r"\s+", " ", text).strip(), file=f)
with open(sys.argv[2] + ".domtext.txt", "w", encoding="utf-8") as f:
    f.write(text)
PY
done
