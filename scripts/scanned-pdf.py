#!/usr/bin/env python3
"""Write a PDF like a scanned report: two pages, each an image, no text layer.

usage: scanned-pdf.py OUT.pdf
The images are small gray rasters with a few dark bars standing for lines of
print; what matters is that the pages carry no characters.
"""
import sys
import zlib


def image(w, h, seed):
    rows = []
    for y in range(h):
        dark = (y // 6) % 3 == 1 and (y + seed) % 5 != 0
        rows.append(b'\x00' + bytes(40 if dark and 8 < x < w - 8 else 235 for x in range(w)))
    return zlib.compress(b''.join(rows))


def build(pages=2, w=120, h=170):
    objs = []
    kids = []
    for p in range(pages):
        img = image(w, h, p)
        base = 3 + p * 3
        objs.append((base, b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
                           b'/BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns %d >> '
                           b'/Length %d >>\nstream\n' % (w, h, w, len(img)) + img + b'\nendstream'))
        content = b'q 595 0 0 842 0 0 cm /Im0 Do Q'
        objs.append((base + 1, b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream'))
        objs.append((base + 2, b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
                               b'/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>' % (base, base + 1)))
        kids.append(b'%d 0 R' % (base + 2))
    objs.append((1, b'<< /Type /Catalog /Pages 2 0 R >>'))
    objs.append((2, b'<< /Type /Pages /Kids [' + b' '.join(kids) + b'] /Count %d >>' % pages))
    objs.sort()
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = {}
    for n, body in objs:
        offsets[n] = len(out)
        out += b'%d 0 obj\n' % n + body + b'\nendobj\n'
    xref = len(out)
    size = max(offsets) + 1
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for n in range(1, size):
        out += b'%010d 00000 n \n' % offsets[n]
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (size, xref)
    return bytes(out)


if __name__ == '__main__':
    open(sys.argv[1], 'wb').write(build())
