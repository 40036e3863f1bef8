#!/bin/sh
# Regenerates the test PDFs of testdata/pdf the way governments make theirs:
# a Word file (here DOCX, written by LibreOffice from an HTML page) printed
# to PDF. Needs python3 and LibreOffice (Debian: libreoffice-writer-nogui
# fonts-noto-cjk), qpdf; CI does not: the PDFs are committed.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/pdf-fixtures.py "$work"
python3 scripts/scanned-pdf.py testdata/pdf/scanned.pdf
head -c 2000 testdata/real/huaian-hongze-2023.pdf > testdata/pdf/truncated.pdf
for f in legacy2014 form2019 form2021; do
	soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$f.html" >/dev/null
	soffice --headless --convert-to pdf --outdir testdata/pdf "$work/$f.docx" >/dev/null
done
# The same printed sideways: with /Rotate 90, and without (turn the paper).
go run ./scripts/reprintpdf -as rotated testdata/pdf/form2019.pdf testdata/pdf/form2019-rotated.pdf
go run ./scripts/reprintpdf -as sideways testdata/pdf/form2021.pdf testdata/pdf/form2021-sideways.pdf
# The same with each page stamped as a form XObject on a blank page, as
# tools that overlay, stamp or impose pages write them (qpdf --overlay;
# Debian: qpdf): the table's rules are inside the XObject.
python3 - "$work/blank.pdf" <<'PY'
import sys
body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.304 841.89] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream"]
out, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(body):
    offsets.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
xref = len(out)
out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
open(sys.argv[1], "wb").write(out)
PY
for f in legacy2014 form2021; do
	n=$(qpdf --show-npages "testdata/pdf/$f.pdf")
	qpdf --empty --pages $(yes "$work/blank.pdf" | head -n "$n") -- "$work/blanks.pdf"
	qpdf "$work/blanks.pdf" --overlay "testdata/pdf/$f.pdf" -- "testdata/pdf/$f-overlay.pdf"
done
