#!/usr/bin/env python3
"""Score the parser on prints it has never met: synthetic reports printed to
PDF and taken back out by every extractor, each scored figure by figure.

usage: scripts/heldout.py [--reports N] [--seed S] [--zeros P] [--ocr] [--keep] [--webstyle] BIN OUTDIR

`BIN synth` writes N reports (DOCX, HTML, ... of the legacy, 2019 and 2021
forms) from seed S; with --zeros P, a share P of their figures is drawn as 0,
as in published tables, whose zero rows add up whatever the reading. Each DOCX and HTML report is parsed as it is; that
reading (all figures, checked by the synth tests against the figures synth
wrote) is the truth each print is scored against, in OUTDIR/<name>.expected.json.
Prints:
  word        the DOCX printed by LibreOffice (a report drafted in Word);
  chromium    the HTML page printed by Chromium on A4 (a saved web page);
  chromium-word, chromium-auto (with --webstyle) the HTML page with its
              tables marked up as real sites' are (scripts/webstyle.py: merged
              block labels, nested header, Word's fixed widths and 14pt cells
              or the site editor's auto-width table), printed by Chromium;
  template    a 2021-form report's figures typeset in the national template's
              Word shape (scripts/template-fixtures.py's layout), printed by
              LibreOffice.
The original is also read as web pages and converters give it (web: its
text with the cells run together, turndown's and html-to-text's of an HTML
page, mammoth's of a DOCX). Each PDF is taken out by pdftotext -layout, -raw and plain, pdfminer's
pdf2txt (markitdown's engine), PyMuPDF's text and its sorted blocks, pdf.js
(pdf-parse) and pdf2md when node is there, and with --ocr, tesseract chi_sim
at 300 dpi (psm 3 and 6). Every text is scored with ../shared/tools/score_parse.py's
rules; OUTDIR/score.txt lists each file and OUTDIR/routes.txt sums by route. Those rules match figures by their
printed label; scripts/truth-check.py BIN OUTDIR checks every figure by indicator and breakdown instead.
Nothing here is committed as a fixture: a text that shows a defect is copied
into testdata/ with its figures when the defect is mended.

Needs python3, LibreOffice, chromium, poppler-utils, python3-pdfminer,
python3-fitz, optionally node/npm (scripts/jsconvert-install.sh) and
tesseract-ocr-chi-sim.
"""
import argparse
import collections
import concurrent.futures
import glob
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer_path():
    """../shared/tools/score_parse.py beside the checkout, looked for in the
    directories above it (a git worktree may stand deeper), or $SCORE_PARSE."""
    if os.environ.get('SCORE_PARSE'):
        return os.environ['SCORE_PARSE']
    d = os.path.dirname(HERE)
    while True:
        p = os.path.join(d, 'shared', 'tools', 'score_parse.py')
        if os.path.exists(p) or os.path.dirname(d) == d:
            return p
        d = os.path.dirname(d)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def truth(binary, path):
    """The parse of an original file as score_parse.py's expected figures."""
    p = subprocess.run([binary, 'parse', path], capture_output=True)
    if p.returncode != 0:
        return None
    doc = json.loads(p.stdout)
    obs = []
    for o in doc['observations']:
        if '+' in (o.get('label') or ''):
            continue  # a sum the parser adds, not a printed row
        obs.append({'label': o['label'], 'column': o['column'], 'value': o['value'],
                    'indicator': o['indicator'], 'unit': o.get('unit')})
    return {'year': doc['year'], 'template': doc['template'], 'publisher': doc['publisher']['name'],
            'observations': obs}


def template_page(tf, pf, exp):
    """The 2021 form's figures in the template's Word shape, as HTML."""
    rows = collections.OrderedDict()
    t3 = collections.OrderedDict()
    for o in exp['observations']:
        ind = o['indicator']
        if ind.startswith('requests.'):
            t3.setdefault(o['label'], collections.OrderedDict())[o['column']] = cell(o['value'])
        else:
            rows.setdefault(o['label'], collections.OrderedDict())[o['column']] = cell(o['value'])
    if len(t3) != len(tf.TABLE3):
        return None
    t2 = [(k, v) for k, v in rows.items() if k in {l for _, ls in tf.TABLE2 for l in ls}]
    t4 = [(k, v) for k, v in rows.items() if k not in dict(t2)]
    ordered = collections.OrderedDict(t2)
    for printed, (_, cols) in zip(tf.TABLE3, t3.items()):
        ordered[printed] = cols
    ordered.update(t4)
    page = pf.form(exp['year'], ordered, tf.TABLE2, pf.table3_blocks(ordered, other_leaves=True), 3)
    return page.replace('薛城区人民政府', exp['publisher']).replace('薛城区', exp['publisher'])


def cell(v):
    if v is None:
        return None
    return str(int(v)) if float(v).is_integer() else repr(v)


PYMUPDF = r'''
import sys, fitz
mode, path = sys.argv[1], sys.argv[2]
doc = fitz.open(path)
if mode == "text":
    sys.stdout.write("".join(p.get_text() for p in doc))
else:
    for p in doc:
        for b in p.get_text("blocks", sort=True):
            if b[6] == 0:
                sys.stdout.write(b[4])
'''


def extract(pdf, stem, node_path, ocr):
    """Every extractor's text of pdf, written to stem.<route>."""
    outs = []
    for route, args in (('layout', ['-layout']), ('raw', ['-raw']), ('plain', [])):
        run(['pdftotext'] + args + [pdf, f'{stem}.{route}.txt'])
        outs.append(f'{stem}.{route}.txt')
    with open(f'{stem}.pdfminer.txt', 'wb') as f:
        f.write(run(['/usr/bin/python3', '/usr/bin/pdf2txt', pdf]).stdout)
    outs.append(f'{stem}.pdfminer.txt')
    for mode, route in (('text', 'pymupdf'), ('blocks', 'pymupdf-blocks')):
        with open(f'{stem}.{route}.txt', 'wb') as f:
            f.write(run(['/usr/bin/python3', '-c', PYMUPDF, mode, pdf]).stdout)
        outs.append(f'{stem}.{route}.txt')
    if node_path:
        env = dict(os.environ, NODE_PATH=node_path)
        for mode, name in (('pdf-text', 'pdfjs.txt'), ('pdf-markdown', 'pdf2md.md')):
            with open(f'{stem}.{name}', 'wb') as f:
                f.write(run(['node', os.path.join(HERE, 'jsconvert.mjs'), mode, pdf], env=env).stdout)
            outs.append(f'{stem}.{name}')
    if ocr:
        with tempfile.TemporaryDirectory() as d:
            run(['pdftoppm', '-r', '300', '-gray', '-png', pdf, os.path.join(d, 'p')])
            pages = sorted(glob.glob(os.path.join(d, 'p*.png')))
            for psm in ('3', '6'):
                text = ''.join(run(['tesseract', pg, '-', '-l', 'chi_sim', '--psm', psm]).stdout.decode()
                               for pg in pages)
                with open(f'{stem}.ocr-psm{psm}.txt', 'w') as f:
                    f.write(text)
                outs.append(f'{stem}.ocr-psm{psm}.txt')
    return outs


def webtexts(src, stem, node_path):
    """The original's texts as web pages and converters give them: the page's
    text with its cells run together (textContent, whitespace collapsed), and
    the JavaScript converters' Markdown and text."""
    outs = []
    if src.endswith('.html'):
        page = open(src, encoding='utf-8').read()
        page = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', page)
        text = html.unescape(re.sub(r'<[^>]*>', '', page))
        with open(f'{stem}.textcontent.txt', 'w') as f:
            f.write(re.sub(r'\s+', ' ', text).strip() + '\n')
        outs.append(f'{stem}.textcontent.txt')
        modes = (('turndown', 'turndown.md'), ('turndown-gfm', 'turndown-gfm.md'), ('html-to-text', 'html-to-text.txt'))
    else:
        modes = (('mammoth-markdown', 'mammoth.md'), ('mammoth-text', 'mammoth.txt'))
    if node_path:
        env = dict(os.environ, NODE_PATH=node_path)
        for mode, name in modes:
            with open(f'{stem}.{name}', 'wb') as f:
                f.write(run(['node', os.path.join(HERE, 'jsconvert.mjs'), mode, src], env=env).stdout)
            outs.append(f'{stem}.{name}')
    return outs


def chromium_pdf(src, pdf, work):
    run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
         '--disable-background-networking', '--user-data-dir=' + os.path.join(work, 'chr'),
         '--print-to-pdf=' + pdf, src])


def prints(src, name, out, exp, tf, pf, webstyle=False):
    """The PDFs of one original: (print, pdf path)."""
    work = tempfile.mkdtemp()
    made = []
    prof = '-env:UserInstallation=file://' + os.path.join(work, 'lo')
    if src.endswith('.docx'):
        run(['soffice', prof, '--headless', '--convert-to', 'pdf', '--outdir', work, src])
        made.append(('word', os.path.join(work, os.path.basename(src)[:-5] + '.pdf')))
    if src.endswith('.html'):
        pdf = os.path.join(work, 'chromium.pdf')
        chromium_pdf(src, pdf, work)
        made.append(('chromium', pdf))
    if webstyle and src.endswith('.html'):
        # the page's tables marked up as real sites' are (scripts/webstyle.py)
        ws = load('webstyle', os.path.join(HERE, 'webstyle.py'))
        for style in ('word', 'auto'):
            page = os.path.join(work, f'{name}-{style}.html')
            open(page, 'w', encoding='utf-8').write(ws.restyle(open(src, encoding='utf-8').read(), style))
            pdf = os.path.join(work, f'chromium-{style}.pdf')
            chromium_pdf(page, pdf, work)
            made.append((f'chromium-{style}', pdf))
    if exp['template'] == 'form2021' and src.endswith('.docx'):
        page = template_page(tf, pf, exp)
        if page:
            html = os.path.join(work, name + '-template.html')
            open(html, 'w').write(page)
            run(['soffice', prof, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html])
            run(['soffice', prof, '--headless', '--convert-to', 'pdf', '--outdir', work, html[:-5] + '.docx'])
            made.append(('template', html[:-5] + '.pdf'))
    return work, made


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reports', type=int, default=24)
    ap.add_argument('--seed', type=int, default=12)
    ap.add_argument('--ocr', action='store_true')
    ap.add_argument('--zeros', type=float, default=0,
                    help="share of figures drawn as 0 (synth --zeros): published tables are mostly zeros")
    ap.add_argument('--keep', action='store_true', help='keep the PDFs in OUTDIR')
    ap.add_argument('--webstyle', action='store_true',
                    help="also print each HTML page with its tables marked up as real sites' (scripts/webstyle.py): "
                         "chromium-word and chromium-auto")
    ap.add_argument('bin')
    ap.add_argument('out')
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    os.makedirs(a.out, exist_ok=True)
    tf = load('template_fixtures', os.path.join(HERE, 'template-fixtures.py'))
    pf = tf.pf
    syn = tempfile.mkdtemp()
    zeros = ['--zeros', str(a.zeros)] if a.zeros else []
    run([binary, 'synth', '--reports', str(a.reports), '--seed', str(a.seed), *zeros, '--out', syn])
    node_path = None
    if shutil.which('node') and shutil.which('npm'):
        node_path = run([os.path.join(HERE, 'jsconvert-install.sh'), os.path.join(syn, 'npm')]).stdout.decode().strip()
    srcs = sorted(p for p in glob.glob(os.path.join(syn, '*', '*')) if p.endswith(('.docx', '.html')))
    pairs = []

    def one(src):
        name = os.path.basename(src).rsplit('.', 1)[0]
        exp = truth(binary, src)
        if exp is None:
            return []
        ep = os.path.join(a.out, name + '.expected.json')
        json.dump(exp, open(ep, 'w'), ensure_ascii=False)
        work, made = prints(src, name, a.out, exp, tf, pf, a.webstyle)
        got = [f'{ep}={t}' for t in webtexts(src, os.path.join(a.out, name + '.web'), node_path)]
        for kind, pdf in made:
            stem = os.path.join(a.out, f'{name}.{kind}')
            if a.keep:
                shutil.copy(pdf, stem + '.pdf')
            for t in extract(pdf, stem, node_path, a.ocr):
                got.append(f'{ep}={t}')
        shutil.rmtree(work, ignore_errors=True)
        return got

    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        for got in ex.map(one, srcs):
            pairs.extend(got)
    score(binary, pairs, a.out)


def score(binary, pairs, out):
    sp = load('score_parse', scorer_path())
    routes = collections.defaultdict(collections.Counter)
    with open(os.path.join(out, 'score.txt'), 'w') as f:
        for pair in sorted(pairs):
            ep, _, txt = pair.partition('=')
            r = sp.score(binary, ep, txt)
            name = os.path.basename(txt)
            m = re.match(r'[^.]*-(legacy2014|form2019|form2021)-[^.]*\.(.*)$', name)
            route = (m.group(1) + ' ' + m.group(2)) if m else name
            c = routes[route]
            c['files'] += 1
            c['parsed'] += r['parsed']
            for k in 'EFWI':
                c[k] += r[k]
            if r['parsed']:
                f.write(f"{name}: {r['F']}/{r['E']} found, {r['W']} wrong, {r['I']} invented\n")
            else:
                f.write(f"{name}: not parsed: {r['why']}\n")
    tot = collections.Counter()
    with open(os.path.join(out, 'routes.txt'), 'w') as f:
        for route, c in sorted(routes.items()):
            tot.update(c)
            f.write(f"{route:40s} {c['F']:5d}/{c['E']:5d} wrong {c['W']:3d} invented {c['I']:3d} "
                    f"parsed {c['parsed']}/{c['files']}\n")
        f.write(f"{'all':40s} {tot['F']:5d}/{tot['E']:5d} wrong {tot['W']:3d} invented {tot['I']:3d} "
                f"parsed {tot['parsed']}/{tot['files']}\n")
    sys.stdout.write(open(os.path.join(out, 'routes.txt')).read())


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--rescore':
        # --rescore BIN OUTDIR: score the texts already in OUTDIR with another binary
        binary, out = os.path.abspath(sys.argv[2]), sys.argv[3]
        pairs = []
        for ep in glob.glob(os.path.join(out, '*.expected.json')):
            stem = ep[:-len('.expected.json')]
            pairs += [f'{ep}={t}' for t in glob.glob(stem + '.*')
                      if not t.endswith(('.expected.json', '.pdf'))]
        score(binary, pairs, out)
    else:
        main()
