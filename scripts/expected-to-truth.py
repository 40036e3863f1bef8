#!/usr/bin/env python3
"""expected-to-truth.py EXPECTED.json > NAME.truth.csv: a held-out report's figures (scripts/heldout.py) as the
indicator,breakdown,value rows of testdata/pdftext's truth files: table 3's columns by their breakdown, the
other tables' cells under `total`."""
import json, sys

APPLICANTS = {'自然人': 'natural_person', '商业企业': 'commercial_enterprise', '科研机构': 'research_institution',
              '社会公益组织': 'public_interest_org', '法律服务机构': 'legal_service_org', '其他': 'other_org', '总计': 'total'}
print('indicator,breakdown,value')
for o in json.load(open(sys.argv[1]))['observations']:
    table3 = o['indicator'].startswith('requests.') and o.get('column') in APPLICANTS  # the legacy table's requests.* have no column
    print(f"{o['indicator']},{APPLICANTS[o['column']] if table3 else 'total'},{o['value']}")
