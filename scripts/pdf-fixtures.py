#!/usr/bin/env python3
"""Write the HTML pages from which scripts/pdf-fixtures.sh makes the test PDFs
of testdata/pdf: each national template printed the way governments' Word
files print it.

usage: pdf-fixtures.py OUTDIR

  legacy2014.html  the seed report (testdata/series/xuecheng-2017.txt): its
                   narrative, then its table 指标名称 | 计量单位 | 统计数
  form2019.html    the figures of testdata/form2019/expected.csv
  form2021.html    the figures of testdata/form2021/expected.csv

The 2019 and 2021 tables have what real reports have: the block label
三、本年度办理结果 merged over its rows and printed vertically, one character
a line; sub-block labels （三）不予公开 … merged over theirs; labels wrapped in
narrow cells; header cells split over lines (社会公益组织); table 3 long enough
to cross a page break, with a page-number footer (- 3 -) on every page.
"""
import collections
import csv
import html
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
STYLE = '''<style>
body { font-family: "Noto Serif CJK SC", serif; font-size: 12pt; }
p { text-indent: 2em; margin: 0; line-height: 150%; }
table { border-collapse: collapse; }
td { border: 1px solid black; font-size: 9pt; text-align: center; vertical-align: middle; padding: 1pt 2pt; }
td.l { text-align: left; }
</style>'''
FOOTER = ('<div title="footer"><p align="center" style="text-indent:0">- '
          '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>')


def page(title, body):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>%s</head><body>%s'
            '<h1 style="text-align:center;font-size:16pt">%s</h1>%s</body></html>'
            % (html.escape(title), STYLE, FOOTER, html.escape(title), body))


def para(text):
    return '<p>%s</p>' % html.escape(text)


def td(text, cls='', rowspan=1, colspan=1, width=None):
    attrs = ''
    if cls:
        attrs += ' class="%s"' % cls
    if rowspan > 1:
        attrs += ' rowspan="%d"' % rowspan
    if colspan > 1:
        attrs += ' colspan="%d"' % colspan
    if width:
        attrs += ' width="%d"' % width
    return '<td%s>%s</td>' % (attrs, text)


def vertical(text):
    """One character a line, as in a narrow merged cell."""
    return '<br>'.join(html.escape(c) for c in text)


def wrapped_header(text, per_line=2):
    return '<br>'.join(html.escape(text[i:i + per_line]) for i in range(0, len(text), per_line))


def fmt(v):
    return '' if v is None else v


def read_expected(path):
    rows = collections.OrderedDict()
    with open(path, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            rows.setdefault(r['label'], collections.OrderedDict())[r['column']] = r['value']
    return rows


def table2(rows, blocks):
    """blocks: (heading, [row labels]) in order; each block its own header row."""
    out = ['<p style="text-indent:0">二、主动公开政府信息情况</p><table border="1" cellspacing="0" cellpadding="2">']
    width = max(len(rows[l]) for _, ls in blocks for l in ls)
    for heading, labels in blocks:
        cols = list(collections.OrderedDict((c, 1) for l in labels for c in rows[l]))
        out.append('<tr>%s</tr>' % td(html.escape(heading), colspan=width + 1))
        out.append('<tr>%s%s</tr>' % (td('信息内容', width=140), ''.join(
            td(html.escape(c), colspan=(width - len(cols) + 1) if i == len(cols) - 1 else 1) for i, c in enumerate(cols))))
        for l in labels:
            vals = list(rows[l].values())
            out.append('<tr>%s%s</tr>' % (td(html.escape(l), 'l'), ''.join(
                td(fmt(v), colspan=(width - len(cols) + 1) if i == len(cols) - 1 else 1) for i, v in enumerate(vals))))
    out.append('</table>')
    return ''.join(out)


def table3(rows, blocks):
    """blocks: the rows of table 3 as (top, sub, [leaf labels]) in order:
    top-level rows (一、 二、 四、) have sub None and no leaves."""
    out = ['<p style="text-indent:0">三、收到和处理政府信息公开申请情况</p><table border="1" cellspacing="0" cellpadding="2">']
    out.append('<tr>%s%s</tr>' % (td(html.escape('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
                                     'l', rowspan=3, colspan=3, width=200), td('申请人情况', colspan=7)))
    out.append('<tr>%s%s%s</tr>' % (td('自然人', rowspan=2), td('法人或其他组织', colspan=5), td('总计', rowspan=2)))
    out.append('<tr>%s</tr>' % ''.join(td(wrapped_header(c)) for c in APPLICANTS[1:6]))

    def values(label):
        return ''.join(td(fmt(rows[label].get(c))) for c in APPLICANTS)

    result_rows = sum(max(1, len(leaves)) for top, sub, leaves in blocks if top == '三、本年度办理结果')
    started = False
    for top, sub, leaves in blocks:
        if top != '三、本年度办理结果':
            out.append('<tr>%s%s</tr>' % (td(html.escape(sub), 'l', colspan=3), values(sub)))
            continue
        first = not started
        started = True
        lead = td(vertical(top), rowspan=result_rows, width=14) if first else ''
        if not leaves:
            out.append('<tr>%s%s%s</tr>' % (lead, td(html.escape(sub), 'l', colspan=2), values(sub)))
            continue
        for i, leaf in enumerate(leaves):
            block = td(html.escape(sub), 'l', rowspan=len(leaves), width=56) if i == 0 else ''
            out.append('<tr>%s%s%s%s</tr>' % (lead if i == 0 else '', block, td(html.escape(leaf), 'l', width=130),
                                             values(leaf)))
    out.append('</table>')
    return ''.join(out)


def table4(rows):
    results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
    out = ['<p style="text-indent:0">四、政府信息公开行政复议、行政诉讼情况</p><table border="1" cellspacing="0" cellpadding="2">',
           '<tr>%s%s</tr>' % (td('行政复议', colspan=5, rowspan=2), td('行政诉讼', colspan=10)),
           '<tr>%s%s</tr>' % (td('未经复议直接起诉', colspan=5), td('复议后起诉', colspan=5)),
           '<tr>%s</tr>' % ''.join(td(wrapped_header(c)) for c in results * 3)]
    vals = []
    for label in ['行政复议', '未经复议直接起诉', '复议后起诉']:
        vals += [fmt(rows[label].get(c)) for c in results]
    out.append('<tr>%s</tr></table>' % ''.join(td(v) for v in vals))
    return ''.join(out)


NARRATIVE = [
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。',
    '一、总体情况',
    '{y}年，薛城区人民政府认真贯彻落实《条例》，全年共收到政府信息公开申请{n}件，均在法定期限内答复。'
    '围绕区委、区政府中心工作，进一步加强政府信息公开平台建设，规范政府信息公开流程，推进决策、执行、管理、服务、结果公开。'
    '加强政策解读和回应关切，及时准确发布权威信息，提升政府工作透明度。',
]
CLOSING = [
    '五、存在的主要问题及改进情况',
    '一是公开内容还不够全面；二是解读形式较为单一。下一步，我区将进一步加强培训，提升政府信息公开工作水平。',
    '六、其他需要报告的事项',
    '如对本报告有任何疑问，请与薛城区政府信息和政务公开办公室联系（地址：山东省枣庄市薛城区永福中路2号，邮编：277000）。',
]


def form(year, rows, t2, t3, repeat):
    """repeat: how many times the narrative's long paragraph is printed, to
    put the page break inside table 3 below its block label."""
    received = rows['一、本年新收政府信息公开申请数量']['总计']
    body = ''.join(para(t.format(y=year, n=received) * (repeat if i == 2 else 1)) for i, t in enumerate(NARRATIVE))
    body += table2(rows, t2) + table3(rows, t3) + table4(rows)
    body += ''.join(para(t) for t in CLOSING)
    return page('薛城区人民政府%d年政府信息公开工作年度报告' % year, body)


def leaves(rows, prefix_from, prefix_to):
    keys = list(rows)
    return keys[keys.index(prefix_from):keys.index(prefix_to) + 1]


def form2021():
    rows = read_expected(os.path.join(ROOT, 'testdata/form2021/expected.csv'))
    t2 = [('第二十条第（一）项', ['规章', '行政规范性文件']), ('第二十条第（五）项', ['行政许可']),
          ('第二十条第（六）项', ['行政处罚', '行政强制']), ('第二十条第（八）项', ['行政事业性收费'])]
    return form(2021, rows, t2, table3_blocks(rows, other_leaves=True), 3)


def form2019():
    rows = read_expected(os.path.join(ROOT, 'testdata/form2019/expected.csv'))
    t2 = [('第二十条第（一）项', ['规章', '规范性文件']),
          ('第二十条第（五）项', ['行政许可', '其他对外管理服务事项']),
          ('第二十条第（六）项', ['行政处罚', '行政强制']), ('第二十条第（八）项', ['行政事业性收费']),
          ('第二十条第（九）项', ['政府集中采购'])]
    return form(2019, rows, t2, table3_blocks(rows, other_leaves=False), 1)


def table3_blocks(rows, other_leaves):
    keys = list(rows)
    top = '三、本年度办理结果'

    def under(start, stop):
        i = keys.index(start)
        out = []
        for k in keys[i:]:
            if k.startswith(stop):
                break
            out.append(k)
        return out

    def find(prefix):
        return next(k for k in keys if k.startswith(prefix))

    blocks = [(None, find('一、'), []), (None, find('二、'), []),
              (top, find('（一）'), []), (top, find('（二）'), [])]
    refused = under(find('1.属于国家秘密'), '1.本机关')
    unable = under(find('1.本机关'), '1.信访')
    unhandled = under(find('1.信访'), '（六）' if not other_leaves else '1.申请人')
    blocks += [(top, '（三）不予公开', refused), (top, '（四）无法提供', unable), (top, '（五）不予处理', unhandled)]
    if other_leaves:
        blocks.append((top, '（六）其他处理', under(find('1.申请人'), '（七）')))
    else:
        blocks.append((top, find('（六）'), []))
    blocks += [(top, find('（七）'), []), (None, find('四、'), [])]
    return blocks


def legacy2014():
    text = open(os.path.join(ROOT, 'testdata/series/xuecheng-2017.txt'), encoding='utf-8').read()
    lines = text.split('\n')
    start = max(i for i, l in enumerate(lines) if '工作情况统计表' in l)
    first = next(i for i in range(start, len(lines)) if lines[i].startswith('\t'))
    end = next((i for i in range(first, len(lines)) if '单位负责人' in lines[i]), len(lines))
    body = ''.join(para(l.strip().replace('\u3000', '')) for l in lines[1:start] if l.strip())
    body += '<p style="text-align:center;text-indent:0">%s</p>' % html.escape(lines[start].strip())
    body += ''.join(para(l.strip()) for l in lines[start + 1:first] if l.strip())
    body += '<table border="1" cellspacing="0" cellpadding="2">'
    body += '<tr>%s%s%s</tr>' % (td('统计指标', width=300), td('单位', width=40), td('统计数', width=60))
    # A line led by a tab starts a cell; other lines continue it (a label
    # wrapped in the source). The seed repeats a label's counting note on
    # its continuation line: keep the note once.
    cells = []
    for l in lines[first:end]:
        text = l.strip().replace('\u3000', '')
        if l.startswith('\t'):
            cells.append(text)
        elif text and cells and text not in cells[-1]:
            cells[-1] += text
    cells = [c for c in cells if c not in ('', '统计指标', '单位', '统计数')]
    units = {'条', '件', '个', '次', '万元', '人', '篇', '期', '份', '人次'}
    i = 0
    while i < len(cells):
        label = cells[i]
        if i + 2 < len(cells) and cells[i + 1] in units:
            body += '<tr>%s%s%s</tr>' % (td(html.escape(label), 'l'), td(cells[i + 1]), td(cells[i + 2]))
            i += 3
        else:
            body += '<tr>%s%s%s</tr>' % (td(html.escape(label), 'l'), td(''), td(''))
            i += 1
    body += '</table>'
    body += ''.join(para(l.strip()) for l in lines[end:] if l.strip())
    return page(lines[0].strip(), body)


if __name__ == '__main__':
    out = sys.argv[1]
    for name, make in [('legacy2014', legacy2014), ('form2019', form2019), ('form2021', form2021)]:
        with open(os.path.join(out, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(make())
