#!/usr/bin/env python3
"""Check a parse figure by figure against a held-out report's truth, by indicator and breakdown.

usage: scripts/truth-check.py BIN DIR

DIR is a scripts/heldout.py output directory: each text NAME.ROUTE.* there is parsed with `BIN parse`, and every
figure placed (derived ones aside) is compared with NAME.expected.json, the figures of the report's own HTML or
DOCX, keyed as scripts/expected-to-truth.py keys them (table 3 by applicant column, every other cell `total`).
../shared/tools/score_parse.py matches figures by their printed label, so a figure under a label it cannot
normalise (an open bracket: `…舆情计 1` / `次）`) counts as missing, not wrong; this check sees it. Prints each
figure that differs from the truth, then `files N wrong W`.
"""
import glob, json, os, subprocess, sys

APPLICANTS = {'自然人': 'natural_person', '商业企业': 'commercial_enterprise', '科研机构': 'research_institution',
              '社会公益组织': 'public_interest_org', '法律服务机构': 'legal_service_org', '其他': 'other_org', '总计': 'total'}


def truth(path):
    out = {}
    for o in json.load(open(path))['observations']:
        table3 = o['indicator'].startswith('requests.') and o.get('column') in APPLICANTS
        out[(o['indicator'], APPLICANTS[o['column']] if table3 else 'total')] = o.get('value')
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, d = sys.argv[1], sys.argv[2]
    wrong = files = 0
    for f in sorted(glob.glob(os.path.join(d, '*'))):
        if f.endswith(('.json', 'score.txt', 'routes.txt', '.pdf')):
            continue
        ep = os.path.join(d, os.path.basename(f).split('.')[0] + '.expected.json')
        if not os.path.exists(ep):
            continue
        want = truth(ep)
        p = subprocess.run([binary, 'parse', f], capture_output=True)
        if p.returncode != 0:
            continue
        files += 1
        for o in json.loads(p.stdout).get('observations') or []:
            k = (o['indicator'], o.get('breakdown'))
            if 'derived' in (o.get('flags') or []) or k not in want or o.get('value') is None:
                continue
            if want[k] is None or abs(want[k] - o['value']) > 1e-6:
                wrong += 1
                print(os.path.basename(f), *k, o['value'], 'truth', want[k], (o.get('label') or '')[:30], sep='\t')
    print('files', files, 'wrong', wrong)


if __name__ == '__main__':
    main()
