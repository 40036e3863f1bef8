#!/bin/sh
# Installs the JavaScript converters scripts/jsconvert.mjs drives, at the
# versions the committed corpora were made with, into DIR (from the npm
# registry), and prints the NODE_PATH to run them with.
set -eu
dir=$1
npm install --silent --no-audit --no-fund --prefix "$dir" \
	pdf-parse@2.4.5 @opendocsg/pdf2md@0.2.1 \
	turndown@7.2.5 turndown-plugin-gfm@1.0.2 html-to-text@10.0.1 mammoth@1.13.0 >/dev/null
echo "$dir/node_modules"
