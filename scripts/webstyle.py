#!/usr/bin/env python3
"""Restyle a synthetic report page's tables as real government pages mark
them up (scripts/heldout.py --webstyle): the pingtan pages of testdata/real.

usage: scripts/webstyle.py STYLE IN.html OUT.html   (STYLE: word or auto)

The synthetic page prints every table as a plain grid, a cell for each
column of each row. Real pages (a report drafted in Word and pasted into the
site's editor) merge the block labels of table 3 over their rows
(三、本年度办理结果 rowspan 22, （三）不予公开 rowspan 8, ...), span a
row's label over the label columns (一、本年新收… colspan 3, （一）予以公开
colspan 2), nest the header (申请人情况 over 自然人 / 法人或其他组织 / 总计,
法人或其他组织 over its five columns) and centre each cell's text
vertically. Two styles of the pages are kept:
  word  Word's HTML export (pingtan-2021.html): fixed widths in pt, the
        label columns 218.5pt and the figure columns about 30pt each, every
        cell's text a paragraph of 仿宋 14pt with line-height 21pt, the leaf
        labels of （三）不予公开 set at the top of their cells;
  auto  the site editor's table (pingtan-2024.html, pingtan-2025.html): no
        widths, Times New Roman 13px, the table centred at its own width.
The figures and labels are the synthetic page's, unchanged: the page's
parse is the truth its prints are scored against.
"""
import html
import re
import sys

WORD_WIDTHS = [51.05, 55.5, 111.95, 32.3, 29.5, 29.55, 29.6, 29.55, 26.0, 39.35]


def cells(tr):
    return [html.unescape(re.sub(r'<[^>]+>', '', c)) for c in re.findall(r'<td[^>]*>(.*?)</td>', tr, re.S)]


def td(text, style, attrs='', top=False):
    a = attrs
    if style == 'word':
        va = 'top' if top else 'center'
        body = ('<p style="margin:1.5pt 0 0 0;text-align:justify;line-height:21pt;">'
                '<span style="font-family:仿宋_GB2312;font-size:14pt;color:rgb(51,51,51);">%s</span></p>'
                % html.escape(text))
        return '<td valign="%s"%s style="padding:3.75pt;border:1pt solid windowtext;">%s</td>' % (va, a, body)
    return '<td valign="center"%s style="border:1px solid #000;padding:2px 4px;">%s</td>' % (a, html.escape(text))


def width(cols, style, start):
    if style != 'word':
        return ''
    return ' width="%d" style_w="%.2f"' % (round(sum(WORD_WIDTHS[start:start + cols]) * 4 / 3),
                                           sum(WORD_WIDTHS[start:start + cols]))


def fixwidth(s):
    # move the pt width into the style attribute Word writes
    return re.sub(r' style_w="([\d.]+)" style="', r' style="width:\1pt;', s)


def table(style, body):
    if style == 'word':
        return ('<table border="1" cellspacing="0" style="border-collapse:collapse;border:none;">'
                + body + '</table>')
    return ('<table style="font-family:\'Times New Roman\';font-size:13px;border-collapse:collapse;border:none;'
            'width:auto !important;margin:0 auto;" cellspacing="0" align="center" border="1">' + body + '</table>')


def applications(rows, style):
    """Table 3 (rows: the synthetic grid, 3 header rows then rows of 3
    label cells and 7 figures) in the real pages' markup, or None."""
    if len(rows) < 4 or any(len(r) != 10 for r in rows):
        return None
    head, body = rows[:3], rows[3:]
    names = [c for c in head[2][4:9]]
    out = ['<tr>' + td(head[0][0], style, ' colspan="3" rowspan="3"' + width(3, style, 0)) +
           td(head[0][1], style, ' colspan="7"' + width(7, style, 3)) + '</tr>',
           '<tr>' + td(head[1][3], style, ' rowspan="2"' + width(1, style, 3)) +
           td(head[1][4], style, ' colspan="5"' + width(5, style, 4)) +
           td(head[1][9], style, ' rowspan="2"' + width(1, style, 9)) + '</tr>',
           '<tr>' + ''.join(td(n, style, width(1, style, 4 + i)) for i, n in enumerate(names)) + '</tr>']
    n = len(body)
    covered = [[False] * 3 for _ in range(n)]
    for i, r in enumerate(body):
        tds = []
        c = 0
        while c < 3:
            if covered[i][c]:
                c += 1
                continue
            if not r[c].strip():
                # an empty label cell not under a merged label: leave it (the
                # synthetic grid's shape is not one the real pages print)
                tds.append(td('', style, width(1, style, c)))
                c += 1
                continue
            span = 1
            while c + span < 3 and not r[c + span].strip() and not covered[i][c + span]:
                span += 1
            rs = 1
            if span == 1 and c < 2:
                # a block label: merged over the rows below whose cell in
                # its column is empty and which print a label further right
                j = i + 1
                while j < n and not body[j][c].strip() and any(x.strip() for x in body[j][c + 1:3]):
                    rs += 1
                    j += 1
            for k in range(i + 1, i + rs):
                covered[k][c] = True
            attrs = (' colspan="%d"' % span if span > 1 else '') + (' rowspan="%d"' % rs if rs > 1 else '')
            tds.append(td(r[c], style, attrs + width(span, style, c), top=(c == 2 and style == 'word')))
            c += span
        tds += [td(v, style, width(1, style, 3 + k)) for k, v in enumerate(r[3:])]
        out.append('<tr>' + ''.join(tds) + '</tr>')
    return table(style, ''.join(out))


REVIEW_WIDTHS = [26.5, 26.5, 26.5, 26.5, 26.85, 30.55, 22.5, 26.55, 26.55, 35.3, 26.55, 26.55, 26.55, 26.55, 42.3]


def rw(cols, style, start):
    if style != 'word':
        return ''
    w = sum(REVIEW_WIDTHS[start:start + cols])
    return ' width="%d" style_w="%.2f"' % (round(w * 4 / 3), w)


def reviews(rows, style):
    """Table 4 (the synthetic grid: 行政复议 / 行政诉讼, the blocks'
    header, the columns', then rows of 15 figures) as the real pages nest
    its header, or None."""
    if len(rows) < 4 or len(rows[2]) != 15 or any(len(r) != 15 for r in rows[3:]):
        return None
    h0 = [c for c in rows[0] if c.strip()]
    h1 = [c for c in rows[1] if c.strip()]
    h2 = [c for c in rows[2] if c.strip()]
    if len(h0) != 2 or len(h1) != 7 or len(h2) != 10:
        return None
    out = ['<tr>' + td(h0[0], style, ' colspan="5"' + rw(5, style, 0)) +
           td(h0[1], style, ' colspan="10"' + rw(10, style, 5)) + '</tr>',
           '<tr>' + ''.join(td(c, style, ' rowspan="2"' + rw(1, style, i)) for i, c in enumerate(h1[:5])) +
           td(h1[5], style, ' colspan="5"' + rw(5, style, 5)) + td(h1[6], style, ' colspan="5"' + rw(5, style, 10)) + '</tr>',
           '<tr>' + ''.join(td(c, style, rw(1, style, 5 + i)) for i, c in enumerate(h2)) + '</tr>']
    for r in rows[3:]:
        out.append('<tr>' + ''.join(td(c, style, rw(1, style, i)) for i, c in enumerate(r)) + '</tr>')
    return table(style, ''.join(out))


PROACTIVE_WIDTHS = [127.2, 92.1, 100.75, 102.75]


def plain(rows, style):
    """Another table (table 2): each row's cells styled, the last cell of a
    row shorter than the widest spanning the columns left, as the real
    pages span 第二十条第（五）项 and 本年处理决定数量."""
    trimmed = []
    for r in rows:
        while len(r) > 1 and not r[-1].strip():
            r = r[:-1]
        trimmed.append(r)
    m = max(len(r) for r in trimmed)
    out = []
    for r in trimmed:
        tds = []
        for i, c in enumerate(r):
            span = m - i if i == len(r) - 1 else 1
            a = ' colspan="%d"' % span if span > 1 else ''
            if style == 'word' and m == len(PROACTIVE_WIDTHS):
                w = sum(PROACTIVE_WIDTHS[i:i + span])
                a += ' width="%d" style_w="%.2f"' % (round(w * 4 / 3), w)
            tds.append(td(c, style, a))
        out.append('<tr>' + ''.join(tds) + '</tr>')
    return table(style, ''.join(out))


def restyle(page, style):
    def one(m):
        rows = [cells(tr) for tr in re.findall(r'<tr[^>]*>(.*?)</tr>', m.group(0), re.S)]
        t = None
        if any('申请人情况' in c for r in rows[:1] for c in r):
            t = applications(rows, style)
        elif rows and '行政复议' in rows[0] and '行政诉讼' in rows[0]:
            t = reviews(rows, style)
        return fixwidth(t if t else plain(rows, style))
    page = re.sub(r'(?s)<table\b.*?</table>', one, page)
    if style == 'word':
        page = page.replace('<head>', '<head>\n<style>#zoom p{font-family:仿宋_GB2312;font-size:16pt;}</style>', 1)
    return page


if __name__ == '__main__':
    style, src, dst = sys.argv[1:4]
    open(dst, 'w', encoding='utf-8').write(restyle(open(src, encoding='utf-8').read(), style))
