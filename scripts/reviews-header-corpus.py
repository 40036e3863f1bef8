#!/usr/bin/env python3
"""Write the HTML pages of testdata/pdftext's table-4 header variants: the
2019 and 2021 forms of pdftext-corpus.py, each with table 4's header cells
arranged as reports arrange them, so that pdftotext -layout scatters the
pieces of its result columns over lines (issue 9):

  tall      行政复议's result cells merged over two rows, the lawsuit blocks'
            in one: each block's cells printed at its own height, 总计 spaced
            out (`总 计`) as huaian-hongze-2023.pdf prints it
  wrap3     result labels wrapped three characters a line (结果维 / 持)
  total     each block's 总计 merged over the header's rows, centred beside
            its results
  vertical  result labels printed one character a line

Every report prints one or two blocks whose 总计 is not the sum of its
results (real reports print 0 where the parts add to more): the form's
arithmetic cannot confirm their order, only the header read by position
can. The truth is the figures as printed.

usage: reviews-header-corpus.py OUTDIR   (scripts/reviews-header-corpus.sh)
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('corpus', os.path.join(HERE, 'pdftext-corpus.py'))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)
fx = corpus.fx
td = fx.td

RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
BLOCKS = [('行政复议', 'reconsiderations'), ('未经复议直接起诉', 'lawsuits.direct'),
          ('复议后起诉', 'lawsuits.after_reconsideration')]
KEYS = ['upheld', 'corrected', 'other', 'pending', 'total']

# name, template, figure seed, table font size (pt), header arrangement,
# blocks whose 总计 is printed as 0.
REPORTS = [
    ('form2021-tall', 'form2021', 11, 9, 'tall', [0, 2]),
    ('form2021-wrap3', 'form2021', 12, 10.5, 'wrap3', [1]),
    ('form2021-total', 'form2021', 13, 9, 'total', [0]),
    ('form2019-tall', 'form2019', 14, 10.5, 'tall', [1, 2]),
    ('form2019-vertical', 'form2019', 15, 9, 'vertical', [2]),
    ('form2019-total', 'form2019', 16, 11, 'total', [0, 1]),
]


def label_html(text, arrangement):
    if arrangement == 'wrap3':
        return fx.wrapped_header(text, 3)
    if arrangement == 'vertical':
        return fx.vertical(text)
    if text == '总计' and arrangement == 'tall':
        return '总 计'
    return fx.wrapped_header(text)


def table4(arrangement):
    """table4(rows) of pdf-fixtures.py with the header cells arranged."""
    def render(rows):
        out = ['<p style="text-indent:0">四、政府信息公开行政复议、行政诉讼情况</p>'
               '<table border="1" cellspacing="0" cellpadding="2">']
        if arrangement == 'tall':
            out.append('<tr>%s%s</tr>' % (td('行政复议', colspan=5), td('行政诉讼', colspan=10)))
            out.append('<tr>%s%s</tr>' % (''.join(td(label_html(c, arrangement), rowspan=2) for c in RESULTS),
                                          td('未经复议直接起诉', colspan=5) + td('复议后起诉', colspan=5)))
            out.append('<tr>%s</tr>' % ''.join(td(label_html(c, arrangement)) for c in RESULTS * 2))
        elif arrangement == 'total':
            out.append('<tr>%s%s%s</tr>' % (td('行政复议', colspan=4, rowspan=2), td('总计', rowspan=3),
                                            td('行政诉讼', colspan=10)))
            out.append('<tr>%s</tr>' % ''.join(td(b, colspan=4) + td('总计', rowspan=2) for b in ['未经复议直接起诉', '复议后起诉']))
            out.append('<tr>%s</tr>' % ''.join(td(label_html(c, arrangement)) for c in RESULTS[:4] * 3))
        else:
            out.append('<tr>%s%s</tr>' % (td('行政复议', colspan=5, rowspan=2), td('行政诉讼', colspan=10)))
            out.append('<tr>%s%s</tr>' % (td('未经复议直接起诉', colspan=5), td('复议后起诉', colspan=5)))
            out.append('<tr>%s</tr>' % ''.join(td(label_html(c, arrangement)) for c in RESULTS * 3))
        vals = []
        for label, _ in BLOCKS:
            vals += [fx.fmt(rows[label].get(c)) for c in RESULTS]
        out.append('<tr>%s</tr></table>' % ''.join(td(v) for v in vals))
        return ''.join(out)
    return render


def write_html(out):
    for name, template, seed, font, arrangement, wrong in REPORTS:
        fx.STYLE = re.sub(r'(td \{[^}]*font-size: )[0-9.]+pt', r'\g<1>%gpt' % font, fx.STYLE)
        truth = corpus.refigure(corpus.read_truth(template), seed)
        for b in wrong:
            for r in truth:
                if r['indicator'] == BLOCKS[b][1] + '.total' and r['value'] != '0':
                    r['value'] = '0'
                elif r['indicator'] == BLOCKS[b][1] + '.upheld' and r['value'] == '0':
                    r['value'] = str(1 + b)  # the parts add to more than the 0 printed
        fx.table4 = table4(arrangement)
        page = corpus.form_page(template, truth)
        corpus.write_page(out, name, page, truth)


if __name__ == '__main__':
    write_html(sys.argv[1])
