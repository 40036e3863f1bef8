#!/usr/bin/env python3
"""Write the HTML page of a real report's figures typeset in the national
template's shape, as governments' Word files print it.

usage: template-fixtures.py EXPECTED.json > PAGE.html

The figures are those transcribed by hand in testdata/real/<slug>.expected.json;
the shape is scripts/pdf-fixtures.py's (the block label 三、本年度办理结果
merged over its rows and printed one character a line, sub-block labels
merged over theirs, narrow wrapped label cells, table 3 across a page break
with page numbers): a report the parser has read as a web page, page text
and converter Markdown, now as the Word file its publisher would print. A
blank cell stays blank. Only the 2021 form with its three 其他处理 rows is
written (洪泽's table prints （六）其他处理 as one row: its own PDF is here).
"""
import collections
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('pdf_fixtures', os.path.join(HERE, 'pdf-fixtures.py'))
pf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pf)

# Table 3's rows as the 2021 form prints them, in order.
TABLE3 = '''一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
（一）予以公开
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
1.本机关不掌握相关政府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
1.信访举报投诉类申请
2.重复申请
3.要求提供公开出版物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
3.其他
（七）总计
四、结转下年度继续办理'''.split('\n')
TABLE2 = [('第二十条第（一）项', ['规章', '行政规范性文件']), ('第二十条第（五）项', ['行政许可']),
          ('第二十条第（六）项', ['行政处罚', '行政强制']), ('第二十条第（八）项', ['行政事业性收费'])]


def bare(printed):
    """A printed label without its enumerator and counting note: the JSON's label."""
    return re.sub(r'（[^）]*）$', '', re.sub(r'^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．])', '', printed))


def cell(o):
    if o['value'] is None:
        return None
    if re.fullmatch(r'[0-9.,]+', o.get('printed', '')):
        return o['printed']
    v = o['value']
    return str(int(v)) if float(v).is_integer() else repr(v)


def rows_of(report):
    rows = collections.OrderedDict()
    obs = report['observations']
    for o in obs:
        if o['table'] == '主动公开政府信息情况':
            rows.setdefault(o['label'], collections.OrderedDict())[o['column']] = cell(o)
    paths = list(collections.OrderedDict((o['path'], 1) for o in obs if o['table'] == '收到和处理政府信息公开申请情况'))
    if len(paths) != len(TABLE3):
        sys.exit('%d rows in table 3, not the 2021 form\'s %d' % (len(paths), len(TABLE3)))
    for path, printed in zip(paths, TABLE3):
        if bare(printed) != path.split('/')[-1]:
            sys.exit('row %s is not the form\'s %s' % (path, printed))
        rows[printed] = collections.OrderedDict((o['column'], cell(o)) for o in obs if o['path'] == path)
    for o in obs:
        if o['table'] == '政府信息公开行政复议、行政诉讼情况':
            rows.setdefault(o['label'], collections.OrderedDict())[o['column']] = cell(o)
    return rows


if __name__ == '__main__':
    report = json.load(open(sys.argv[1], encoding='utf-8'))
    rows = rows_of(report)
    page = pf.form(report['year'], rows, TABLE2, pf.table3_blocks(rows, other_leaves=True), 3)
    sys.stdout.write(page.replace('薛城区人民政府', report['publisher']).replace('薛城区', report['publisher']))
