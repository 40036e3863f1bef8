#!/usr/bin/env python3
"""pdfminer-order.py EXPECTED.json TEXT...: does pdfminer's order of table 3's figures fill the grid cell by cell?

For each pdfminer text (pdf2txt, markitdown's engine) of a 2019/2021 report whose figures EXPECTED.json lists, takes
the figures printed between 三、收到和处理 and 四、政府信息公开 (whole numbers alone on a line or after a label, page
numbers `- 2 -` left out) and asks whether their printed order is one way of filling table 3's grid a cell at a time,
each cell after the one above it and (strict) the one left of it, or (free) the one left of it from the third column
on (自然人 and 商业企业 only after the cell above). Prints, per text, the figures found, whether each model admits the
true grid, where the longest admitted prefix stops (figures are picked from the text by a plain rule: a
`to 0` may be a stray number of the header, not the order), and the most rows a column ran ahead of another.
Evidence for ingest/form notes of session 12 (pdfminer12); no parser code depends on it.
"""
import json, re, sys
sys.setrecursionlimit(10000)

def grid_of(expected):
    d = json.load(open(expected))
    rows, order = {}, []
    for o in d['observations']:
        if o['label'] not in rows:
            rows[o['label']] = []
            order.append(o['label'])
        rows[o['label']].append(o['value'])
    return [rows[l] for l in order if len(rows[l]) == 7]

def figures_of(text):
    out, on = [], False
    for line in open(text, encoding='utf-8'):
        s = line.strip()
        if '收到和处理政府信息公开申请' in s:
            on = True
            continue
        if '行政复议' in s and ('四、' in s or '行政诉讼' in s):
            break
        if not on or re.fullmatch(r'-\s*\d+\s*-', s):
            continue
        toks = s.split()
        for i, t in enumerate(toks):
            if re.fullmatch(r'\d+', t) and (i > 0 or len(toks) == 1 or all(re.fullmatch(r'\d+', x) for x in toks)):
                out.append(float(t))
    return out

def admits(grid, figs, free):
    R, cnt, seen, best, spread = len(grid), [0] * 7, set(), [0], [0]
    def dfs(p):
        if p == len(figs):
            return True
        key = tuple(cnt)
        if key in seen:
            return False
        best[0] = max(best[0], p)
        for c in range(7):
            r = cnt[c]
            if r >= R or (c > free and cnt[c - 1] <= r) or float(grid[r][c]) != figs[p]:
                continue
            cnt[c] += 1
            ahead = max(cnt) - min(cnt)
            if dfs(p + 1):
                spread[0] = max(spread[0], ahead)
                return True
            cnt[c] -= 1
        seen.add(key)
        return False
    ok = dfs(0)
    return ok, best[0], spread[0]

def main():
    grid = grid_of(sys.argv[1])
    for text in sys.argv[2:]:
        figs = figures_of(text)
        n = len(grid) * 7
        if len(figs) < n:
            print(f'{text}: {len(figs)} figures, the grid has {n}')
            continue
        figs = figs[:n]
        res = [admits(grid, figs, free) for free in (0, 1)]
        print(f'{text}: {n} figures; strict {res[0][0]} (to {res[0][1]}); free {res[1][0]} (to {res[1][1]}, spread {res[1][2]})')

main()
