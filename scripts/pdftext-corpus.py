#!/usr/bin/env python3
"""Write the corpus of testdata/pdftext: report tables whose figures are
known, printed to PDF the way governments print them, and taken back out as
text the ways text circulates (pdftotext -layout, plain pdftotext, pdftotext
-raw, and OCR text).

usage: pdftext-corpus.py html OUTDIR      the HTML pages and their truth
       pdftext-corpus.py ocr  CORPUSDIR   OCR text made from each -layout text
       pdftext-corpus.py blocks CORPUSDIR plain text with blocks of rows column by column

scripts/pdftext-corpus.sh runs both, with LibreOffice and pdftotext between.

Each report is one of scripts/pdf-fixtures.py's pages (merged block labels
printed vertically, two-row headers, page-number footers) with figures made
from a seed that satisfy the form's identities, printed in a font size and
cell width of its own so that labels and headers wrap differently. Its truth
is <name>.truth.csv: indicator, breakdown, value of every printed figure.

The OCR text is the -layout text with the damages OCR does, chosen by a
seeded generator: spaces inserted between the characters of labels, digits
and enumerator dots read as full-width characters, table borders read as
`|` or `l` between cells. A border read as a letter must never become a
figure.
"""
import collections
import csv
import importlib.util
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
spec = importlib.util.spec_from_file_location('fixtures', os.path.join(HERE, 'pdf-fixtures.py'))
fx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fx)

# The reports: name, template, figure seed (0 keeps the fixture's figures),
# table font size (pt), width of the row-label column (px).
REPORTS = [
    ('form2021-a', 'form2021', 1, 9, 130),
    ('form2021-b', 'form2021', 2, 10.5, 90),
    ('form2021-c', 'form2021', 3, 8, 160),
    ('form2019-a', 'form2019', 4, 9, 130),
    ('form2019-b', 'form2019', 5, 11, 80),
    ('legacy2014-a', 'legacy2014', 0, 9, 300),
    ('legacy2014-b', 'legacy2014', 0, 12, 160),
    ('legacy2014-c', 'legacy2014', 6, 10.5, 200),
    ('legacy2014-d', 'legacy2014', 7, 9, 420),
]

# Rows a legacy table leaves out, as local variants print fewer rows than
# the seed report: report name → indicators of the rows left out.
LEGACY_DROPPED = {
    'legacy2014-d': {'requests.received.other', 'responses.channels.online_interviews.by_leaders'},
}

RESULT_TOTALS = {'requests.received', 'requests.carried_over', 'requests.answered', 'requests.carried_forward'}
APPLICANT_KEYS = ['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org',
                  'legal_service_org', 'other_org']


def read_truth(template):
    with open(os.path.join(ROOT, 'testdata', template, 'expected.csv'), encoding='utf-8') as f:
        # lawsuits.upheld … are derived (direct + after review), never printed.
        return [r for r in csv.DictReader(f) if '+' not in r['label']]


def small(rng, most):
    """A count as reports print them: often 0, sometimes large."""
    x = rng.random()
    if x < 0.45:
        return 0
    if x < 0.9:
        return rng.randint(1, most)
    return rng.randint(most, most * 40)


def refigure(rows, seed):
    """New figures for the rows of expected.csv, keeping the form's
    identities: a row's 总计 is the sum of its applicants; per applicant,
    新收 + 上年结转 = 总计 + 结转下年; a review or lawsuit block's 总计 is the
    sum of its results."""
    rng = random.Random(seed)
    val = {}
    by_indicator = collections.defaultdict(dict)
    for r in rows:
        by_indicator[r['indicator']][r['breakdown']] = r
    for ind, cells in by_indicator.items():
        if not ind.startswith(('requests.', 'reconsiderations.', 'lawsuits.')):
            for b, r in cells.items():
                if ind.endswith('_change'):
                    val[(ind, b)] = str(rng.randint(-6, 6))
                elif ind.endswith('amount'):
                    val[(ind, b)] = '%.2f' % (rng.randint(0, 900000) / 100)
                else:
                    val[(ind, b)] = str(small(rng, 300))
    results = [i for i in by_indicator if i.startswith('requests.') and i not in RESULT_TOTALS]
    answered = [0] * 6
    for ind in results:
        figs = [small(rng, 25) if k == 0 or rng.random() < 0.25 else 0 for k in range(6)]
        for k in range(6):
            answered[k] += figs[k]
        put_row(val, ind, figs)
    forward = [small(rng, 4) for _ in range(6)]
    over = [min(small(rng, 4), answered[k] + forward[k]) for k in range(6)]
    put_row(val, 'requests.answered', answered)
    put_row(val, 'requests.carried_forward', forward)
    put_row(val, 'requests.carried_over', over)
    put_row(val, 'requests.received', [answered[k] + forward[k] - over[k] for k in range(6)])
    for block in ['reconsiderations', 'lawsuits.direct', 'lawsuits.after_reconsideration']:
        parts = [small(rng, 6) for _ in range(4)]
        for name, v in zip(['upheld', 'corrected', 'other', 'pending'], parts):
            val[(block + '.' + name, 'total')] = str(v)
        val[(block + '.total', 'total')] = str(sum(parts))
    out = []
    for r in rows:
        r = dict(r)
        r['value'] = val[(r['indicator'], r['breakdown'])]
        out.append(r)
    return out


def put_row(val, indicator, figs):
    for k, v in zip(APPLICANT_KEYS, figs):
        val[(indicator, k)] = str(v)
    val[(indicator, 'total')] = str(sum(figs))


def table_rows(truth):
    """The fixtures' rows: label → column → printed value."""
    rows = collections.OrderedDict()
    for r in truth:
        rows.setdefault(r['label'], collections.OrderedDict())[r['column']] = r['value']
    return rows


def form_page(template, truth):
    rows = table_rows(truth)
    if template == 'form2021':
        t2 = [('第二十条第（一）项', ['规章', '行政规范性文件']), ('第二十条第（五）项', ['行政许可']),
              ('第二十条第（六）项', ['行政处罚', '行政强制']), ('第二十条第（八）项', ['行政事业性收费'])]
        return fx.form(2021, rows, t2, fx.table3_blocks(rows, other_leaves=True), 3)
    t2 = [('第二十条第（一）项', ['规章', '规范性文件']),
          ('第二十条第（五）项', ['行政许可', '其他对外管理服务事项']),
          ('第二十条第（六）项', ['行政处罚', '行政强制']), ('第二十条第（八）项', ['行政事业性收费']),
          ('第二十条第（九）项', ['政府集中采购'])]
    return fx.form(2019, rows, t2, fx.table3_blocks(rows, other_leaves=False), 1)


def legacy_truth():
    with open(os.path.join(ROOT, 'testdata', 'xuecheng-2017.figures.csv'), encoding='utf-8') as f:
        return [{'indicator': r['indicator'], 'breakdown': 'total', 'value': r['value']} for r in csv.DictReader(f)]


def legacy_page(name, seed):
    """The legacy table of pdf-fixtures.py with new figures made from
    seed (0 keeps the seed report's) and the rows of LEGACY_DROPPED[name]
    left out, and its truth. Each printed figure is the seed report's, in
    the order of xuecheng-2017.figures.csv (row 九's figure is printed in a
    row of its own, under its label)."""
    truth = legacy_truth()
    rng = random.Random(seed)
    dropped = LEGACY_DROPPED.get(name, set())
    kept = []
    k = 0

    def row(m):
        nonlocal k
        tds = re.findall(r'<td[^>]*>(.*?)</td>', m.group(0))
        lone = tds[0] == truth[min(k, len(truth) - 1)]['value'] and tds[1:] == ['', '']
        if len(tds) != 3 or tds[0] == '统计指标' or tds[2] == '' and not lone:
            return m.group(0)
        t = dict(truth[k])
        k += 1
        if t['indicator'] in dropped:
            return ''
        old = tds[0] if lone else tds[2]
        if seed:
            t['value'] = str(small(rng, 300))
        kept.append(t)
        at = m.group(0).rfind('>%s</td>' % old) if not lone else m.group(0).find('>%s</td>' % old)
        return m.group(0)[:at] + '>%s</td>' % t['value'] + m.group(0)[at + len(old) + 6:]

    page = re.sub(r'<tr>.*?</tr>', row, fx.legacy2014())
    assert k == len(truth), (name, k, len(truth))
    return page, kept


def write_html(out):
    for name, template, seed, font, label_width in REPORTS:
        fx.STYLE = fx.STYLE.replace(re.search(r'td \{[^}]*font-size: [0-9.]+pt', fx.STYLE).group(0),
                                    re.sub(r'font-size: [0-9.]+pt', 'font-size: %gpt' % font,
                                           re.search(r'td \{[^}]*font-size: [0-9.]+pt', fx.STYLE).group(0)))
        if template == 'legacy2014':
            page, truth = legacy_page(name, seed)
            page = page.replace('width="300"', 'width="%d"' % label_width)
        else:
            truth = read_truth(template)
            if seed:
                truth = refigure(truth, seed)
            page = form_page(template, truth).replace('width="130"', 'width="%d"' % label_width)
        write_page(out, name, page, truth)


def write_page(out, name, page, truth):
    """Writes a report's HTML page and its truth into out."""
    with open(os.path.join(out, name + '.html'), 'w', encoding='utf-8') as f:
        f.write(page)
    with open(os.path.join(out, name + '.truth.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['indicator', 'breakdown', 'value'])
        for r in truth:
            w.writerow([r['indicator'], r['breakdown'], r['value']])


CJK = re.compile(r'[\u4e00-\u9fff]')
FULL = str.maketrans('0123456789.', '０１２３４５６７８９．')


def ocr(text, rng, border):
    """The -layout text as OCR prints it (see the module's doc)."""
    out = []
    for line in text.split('\n'):
        chars = []
        for i, c in enumerate(line):
            chars.append(c)
            if CJK.match(c) and i + 1 < len(line) and CJK.match(line[i + 1]) and rng.random() < 0.12:
                chars.append(' ')
        line = ''.join(chars)
        if rng.random() < 0.3:
            line = line.translate(FULL)
        if border and re.search(r'\d\s{2,}\d', line):
            line = re.sub(r'(?<=\S)\s{2,}(?=\S)', lambda m: ' %s ' % border, line)
        out.append(line)
    return '\n'.join(out)


def write_ocr(corpus):
    for name, *_ in REPORTS:
        with open(os.path.join(corpus, name + '.layout.txt'), encoding='utf-8') as f:
            text = f.read()
        rng = random.Random(name)
        border = {'a': '', 'b': '|', 'c': 'l', 'd': '|'}[name[-1]]
        with open(os.path.join(corpus, name + '.ocr.txt'), 'w', encoding='utf-8') as f:
            f.write(ocr(text, rng, border))


FIGURE_LINE = re.compile(r'^\s*\d+(\.\d+)?(\s+\d+(\.\d+)?)*\s*$')

# Blocks of table 3's rows that a viewer's copy prints column by column
# (as pdftotext prints huaian-hongze-2023.pdf's rows whose labels share a
# merged cell): first row, number of rows.
BLOCKS = [(4, 3), (14, 4)]


def column_blocks(text):
    """The plain text with table 3's figures, one a line, and the rows of
    BLOCKS printed column by column: each column's figures of the block in
    turn, then the next column's."""
    lines = []
    for line in text.split('\n'):
        lines.extend(line.split() if FIGURE_LINE.match(line) else [line])
    start = next(i for i, l in enumerate(lines) if l.startswith('三、收到和处理'))
    at = [i for i in range(start, len(lines)) if FIGURE_LINE.match(lines[i])]
    figures = [lines[i] for i in at]
    for first, k in BLOCKS:
        p = first * 7
        block = figures[p:p + 7 * k]
        figures[p:p + 7 * k] = [block[j * 7 + c] for c in range(7) for j in range(k)]
    for i, f in zip(at, figures):
        lines[i] = f
    return '\n'.join(lines)


def write_blocks(corpus):
    for name, template, *_ in REPORTS:
        if template == 'legacy2014':
            continue
        with open(os.path.join(corpus, name + '.plain.txt'), encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(corpus, name + '.blocks.txt'), 'w', encoding='utf-8') as f:
            f.write(column_blocks(text))


if __name__ == '__main__':
    {'html': write_html, 'ocr': write_ocr, 'blocks': write_blocks}[sys.argv[1]](sys.argv[2])
