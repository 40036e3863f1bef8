#!/bin/sh
# Remakes testdata/real/<slug>.textcontent.txt: the stored web pages of
# testdata/real as a page's whole text is taken without its markup (the
# DOM's textContent, as crawlers and "save as text" keep it): table cells
# run together with no separator, whitespace runs collapsed to one space,
# scripts and styles left out, and the site's header and footer kept,
# with the bars that part their links (使用帮助 | 联系我们). Needs python3.
set -eu
cd "$(dirname "$0")/.."
for slug in pingtan-2021 pingtan-2024 pingtan-2025 shuyang-fgj-2023; do
	python3 - "testdata/real/$slug.html" >"testdata/real/$slug.textcontent.txt" <<'PY'
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
print(re.sub(r"\s+", " ", "".join(t.out)).strip())
PY
done
