#!/usr/bin/env python3
"""Page-shaped held-out prints for pdfminer (pdf2txt, markitdown's engine).

The real web pages of testdata/real (pingtan-2024, pingtan-2025: their cells
are <td><p>N</p></td>) with table 3's 175 figures replaced by synthetic ones
that keep the form's identities (I1, I2, I3) and table 2's first block's six
by random ones, printed by Chromium headless (A4 portrait and landscape, as
scripts/webpdf-fixtures.sh does) and read by pdf2txt. The page's layout is
the real page's; only the figures differ, so pdfminer's grouping of the cells
differs from the real print's with them.

  scripts/page-heldout.py make SEED ZEROS OUTDIR SLUG...   write OUTDIR/SLUG-sSEED.html and its
                                                          -portrait/-landscape.pdfminer.txt
  scripts/page-heldout.py score BIN OUTDIR                each text against BIN's parse of its page's
                                                          HTML (the reference): found, wrong, invented

Needs chromium and pdf2txt (python3-pdfminer). Session 14 (chromeminer14):
seeds 1-5 (zeros 0.6, 0.85, 0.4) gave 0 wrong.
"""
import glob, json, os, random, re, subprocess, sys

CELL = re.compile(r'(<td[^>]*>\s*<p[^>]*>)(\s*\d+\s*)(</p>\s*</td>)')


def make(seed, zeros, out, slugs):
    rnd = random.Random(seed)

    def small():
        if rnd.random() < zeros:
            return 0
        r = rnd.random()
        return rnd.randint(1, 9) if r < 0.6 else rnd.randint(10, 99) if r < 0.9 else rnd.randint(100, 999)

    def grid():  # the 2021 form: 一, 二, 21 outcome rows, （七）总计, 四
        cols = []
        for _ in range(6):
            outs = [small() for _ in range(21)]
            seven, fwd = sum(outs), small()
            two = rnd.randint(0, seven + fwd) if rnd.random() < 0.3 else 0
            cols.append([seven + fwd - two, two] + outs + [seven, fwd])
        return [[cols[c][i] for c in range(6)] + [sum(cols[c][i] for c in range(6))] for i in range(25)]

    os.makedirs(out, exist_ok=True)
    for slug in slugs:
        s = open(f'testdata/real/{slug}.html', encoding='utf-8').read()
        a = s.find('本年新收政府信息公开申请数量')
        b = s.find('</tr>', s.find('结转下年度继续办理', a))
        it = iter([v for r in grid() for v in r])
        seg = CELL.sub(lambda m: m.group(1) + str(next(it)) + m.group(3), s[a:b])
        if sum(1 for _ in it):
            print(slug, ': table 3 is not 175 cells of <td><p>N</p></td>', file=sys.stderr)
            continue
        s = s[:a] + seg + s[b:]
        a = s.find('规章')
        b = s.find('第二十条第（五）项', a)
        if a > 0 and b > 0:
            s = s[:a] + CELL.sub(lambda m: m.group(1) + str(small() if rnd.random() < 0.5 else rnd.randint(1, 700)) + m.group(3), s[a:b]) + s[b:]
        base = f'{out}/{slug}-s{seed}'
        open(base + '.html', 'w', encoding='utf-8').write(s)
        for paper in ('portrait', 'landscape'):
            page, pdf = f'{base}-{paper}.src.html', f'{base}-{paper}.pdf'
            open(page, 'w', encoding='utf-8').write(s.replace('<head>', f'<head><style>@page {{ size: A4 {paper}; }}</style>', 1))
            subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                            f'--print-to-pdf={pdf}', page], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            text = subprocess.run(['pdf2txt', pdf], capture_output=True, text=True).stdout
            open(f'{base}-{paper}.pdfminer.txt', 'w', encoding='utf-8').write(text)
            os.remove(page)
            os.remove(pdf)


def score(binary, d):
    def obs(f):
        p = subprocess.run([binary, 'parse', f], capture_output=True, text=True)
        if p.returncode:
            return None
        return {(o['indicator'], o['breakdown']): o.get('value') for o in json.loads(p.stdout)['observations']}
    total = [0, 0, 0, 0]
    for f in sorted(glob.glob(d + '/*.pdfminer.txt')):
        truth, got = obs(re.sub(r'-(portrait|landscape)\.pdfminer\.txt$', '.html', f)), obs(f)
        if truth is None or got is None:
            print(f, 'not parsed')
            continue
        wrong = [(k, v, truth[k]) for k, v in got.items() if k in truth and truth[k] != v]
        invented = [k for k in got if k not in truth]
        found = sum(1 for k, v in got.items() if truth.get(k) == v)
        for i, x in enumerate((found, len(truth), len(wrong), len(invented))):
            total[i] += x
        print(os.path.basename(f), f'{found}/{len(truth)} wrong {len(wrong)} invented {len(invented)}', wrong[:3])
    print(f'all {total[0]}/{total[1]} wrong {total[2]} invented {total[3]}')


if __name__ == '__main__':
    if sys.argv[1:2] == ['make']:
        make(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5:])
    elif sys.argv[1:2] == ['score']:
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
