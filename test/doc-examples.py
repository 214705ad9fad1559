#!/usr/bin/env python3
"""Run the SQL examples of the documentation and compare their output.

Every ```sql block of a page in doc/ that is immediately followed by a plain
``` block is an example: the SQL is run with psql (aligned output, the way
`psql -X -q` prints it, errors and notices included) and what psql prints
must equal the second block.  doc/developing.md ("Examples in the
documentation") describes the convention; in short:

  <!-- context: NAME -->           once per page: the database the page runs
                                   in, test/doc-contexts/NAME.sql (default
                                   assen: the extension and the Assen sample
                                   data; leeg: the extension only)
  <!-- doc-test: setup -->         before a ```sql block: run it and keep
                                   what it does for the rest of the page
                                   (walk-throughs); without an output block
                                   it must print nothing
  <!-- doc-test: skip REASON -->   before an example that cannot run here

Each example runs in its own subtransaction that is rolled back, sequences
included, so examples that write leave nothing behind; a page's setup blocks
are rolled back at the end of the page.  One database per context, one psql
session per page.  Needs only Python 3 and psql; libpq variables choose the
server.

usage: test/doc-examples.py [--update] [--actual DIR] [PAGE.md ...]
  no pages: every doc/**/*.md.  Exit 0 when every example matches.
  --update      write the actual output into the pages (then read the diff!)
  --actual DIR  write a copy of every checked page with the actual output
"""
import argparse
import difflib
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXTS = os.path.join(ROOT, 'test', 'doc-contexts')
DEFAULT_CONTEXT = 'assen'
# Pages write files of the repository under this prefix (e.g. the KLIC
# fixtures for pg_read_file); the runner puts the checkout's path there.
ROOT_PLACEHOLDER = '/path/to/bodemvisie'
FOOTER = re.compile(r'^\(\d+ rows?\)$')
PSQL_PREFIX = re.compile(r'^psql:<stdin>:\d+: ')
MARKER = '@@bv-doc-example {}@@'


class Item:
    """A runnable piece of a page: an example or a setup block."""

    def __init__(self, kind, sql, sql_line, out_start=None, out_end=None, expected=None):
        self.kind = kind            # 'example' or 'setup'
        self.sql = sql
        self.sql_line = sql_line    # 1-based line of the ```sql fence
        self.out_start = out_start  # 0-based index of the first output line
        self.out_end = out_end      # 0-based index of the closing fence
        self.expected = expected
        self.actual = None
        self.skip = None
        self.keep = False           # setup: what it does stays for the page
        self.psql_opts = ''         # letters of psql's -A -t -x for this example


def close_fence(lines, start, ticks):
    """Index of the line closing a fence of `ticks` opened before `start`."""
    end = start
    while end < len(lines) and not re.fullmatch(r'\s*' + ticks + '`*\s*', lines[end]):
        end += 1
    return end


class Page:
    def __init__(self, path):
        self.path = path
        self.rel = os.path.relpath(path, ROOT)
        with open(path, encoding='utf-8') as f:
            self.lines = f.read().split('\n')
        self.context = DEFAULT_CONTEXT
        self.items = []
        self.problems = []
        self.psql_opts = ''
        self.parse()

    def parse(self):
        lines = self.lines
        pending = None  # a doc-test marker waiting for its block
        i = 0
        while i < len(lines):
            line = lines[i]
            m = re.match(r'^\s*<!--\s*context:\s*(\S+)\s*-->\s*$', line)
            if m:
                self.context = m.group(1)
            m = re.match(r'^\s*<!--\s*doc-test:\s*(\w+)\s*(.*?)\s*-->\s*$', line)
            if m:
                if m.group(1) == 'psql':
                    # psql options for the next example: -A, -t, -x
                    if not re.fullmatch(r'(-[Atx]+\s*)+', m.group(2)):
                        self.problems.append(f'line {i + 1}: doc-test: psql takes only -A, -t, -x')
                    self.psql_opts = m.group(2).replace('-', '').replace(' ', '')
                    i += 1
                    continue
                if m.group(1) not in ('skip', 'setup'):
                    self.problems.append(f'line {i + 1}: unknown marker doc-test: {m.group(1)}')
                elif m.group(1) == 'skip' and not m.group(2):
                    self.problems.append(f'line {i + 1}: doc-test: skip needs a reason')
                pending = (m.group(1), m.group(2), i + 1)
            fence = re.match(r'^\s*(`{3,})([^`]*)$', line)
            if fence:
                ticks, lang = fence.group(1), fence.group(2).strip()
                end = close_fence(lines, i + 1, ticks)
                if end >= len(lines):
                    self.problems.append(f'line {i + 1}: code block never closed')
                    return
                body = lines[i + 1:end]
                if lang == 'sql' and ticks == '```' and end + 1 < len(lines) and lines[end + 1].strip() == '```':
                    oend = close_fence(lines, end + 2, '```')
                    if oend >= len(lines):
                        self.problems.append(f'line {end + 2}: output block never closed')
                        return
                    item = Item('example', '\n'.join(body), i + 1, end + 2, oend,
                                lines[end + 2:oend])
                    item.psql_opts, self.psql_opts = self.psql_opts, ''
                    if pending and pending[0] == 'skip':
                        item.skip = pending[1]
                    elif pending and pending[0] == 'setup':
                        item.keep = True
                    self.items.append(item)
                    pending = None
                    i = oend + 1
                    continue
                if lang == 'sql' and pending and pending[0] == 'setup':
                    self.items.append(Item('setup', '\n'.join(body), i + 1))
                elif pending:
                    self.problems.append(f'line {pending[2]}: doc-test: {pending[0]} is not followed by a ```sql block')
                pending = None
                i = end + 1
                continue
            i += 1

    def examples(self):
        return [it for it in self.items if it.kind == 'example']


def prepare_sql(item):
    """The block's SQL as the runner sends it, or raise ValueError."""
    sql = item.sql.replace(ROOT_PLACEHOLDER, ROOT)
    stmts = [l for l in sql.split('\n') if l.strip() and not l.strip().startswith('--')]
    if not stmts:
        raise ValueError('empty block')
    last = re.sub(r'\s*--[^\'"]*$', '', stmts[-1]).strip()
    if not (last.endswith(';') or last.startswith('\\')):
        raise ValueError('the block does not end with ";" (a reader pasting it into psql would wait)')
    # A block may show its own transaction (BEGIN; ... COMMIT;), e.g. for a
    # temporary table ON COMMIT DROP: the runner's subtransaction replaces it.
    body = sql.strip()
    m = re.match(r'(?is)^(begin|start\s+transaction)\s*;\s*(.*?)\s*\bcommit\s*;$', body)
    if m:
        body = m.group(2)
    if re.search(r'(?im)^\s*(begin|start\s+transaction|commit|rollback|end|savepoint|release)\b', body):
        raise ValueError('transaction control inside the block (only a BEGIN; first and COMMIT; last are allowed)')
    return body


# What the examples of a context must leave as they found it: the rows of
# every table and the state of every sequence.
FINGERPRINT = r"""SELECT pg_catalog.concat_ws(' ',
  (SELECT pg_catalog.string_agg(pg_catalog.format('%s=%s', c.oid::regclass,
          (pg_catalog.xpath('/row/n/text()', pg_catalog.query_to_xml(
              pg_catalog.format('SELECT md5(string_agg(t::text, %L ORDER BY t::text)) AS n FROM %s t', ',', c.oid::regclass), false, true, '')))[1]), ' ' ORDER BY 1)
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')),
  (SELECT pg_catalog.string_agg(pg_catalog.format('%s.%s:%s', schemaname, sequencename, last_value), ' ' ORDER BY 1)
     FROM pg_catalog.pg_sequences))"""


def psql(args, stdin=None, db=None, check=True):
    cmd = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'] + args
    env = dict(os.environ)
    if db:
        env['PGDATABASE'] = db
    r = subprocess.run(cmd, input=stdin, text=True, capture_output=True, env=env)
    if check and r.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} failed:\n{r.stdout}{r.stderr}')
    return r.stdout


def make_context(name):
    """Create the context's database; return its name."""
    path = os.path.join(CONTEXTS, name + '.sql')
    if not os.path.isfile(path):
        raise RuntimeError(f'no context {name}: {os.path.relpath(path, ROOT)} does not exist')
    db = 'bv_doc_' + name
    psql(['-d', 'postgres', '-c', f'DROP DATABASE IF EXISTS {db}', '-c', f'CREATE DATABASE {db}'])
    psql(['-c', 'SET client_min_messages = warning', '-c', 'CREATE EXTENSION bodemvisie CASCADE'], db=db)
    psql(['-v', f'root={ROOT}', '-c', 'SET client_min_messages = warning', '-f', path], db=db)
    psql(['-c', 'VACUUM ANALYZE'], db=db)
    return db


# psql's script for one page.  The snapshot of the sequences is a psql
# variable holding the setval calls that put them back (setval is not undone
# by a rollback, and ids in outputs must not depend on earlier examples).
SNAPSHOT = r"""SELECT coalesce(pg_catalog.string_agg(pg_catalog.format('SELECT pg_catalog.setval(%L, %s, %L);',
         pg_catalog.format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value),
         last_value IS NOT NULL), ' '), 'SELECT 1;') AS {var} FROM pg_catalog.pg_sequences \gset"""


def psql_opts(letters, on):
    sets = {'A': ('format', 'unaligned', 'aligned'), 't': ('tuples_only', 'on', 'off'),
            'x': ('expanded', 'on', 'off')}
    return [f'\\pset {sets[c][0]} {sets[c][1] if on else sets[c][2]}' for c in letters if c in sets]


def page_script(page, sqls):
    out = ['\\set ON_ERROR_STOP 0', '\\set SHOW_CONTEXT never', '\\set VERBOSITY default',
           SNAPSHOT.format(var='bv_doc_seq_page'), 'BEGIN;']
    for n, (item, sql) in enumerate(zip(page.items, sqls)):
        if sql is None:
            continue
        if item.kind == 'setup' or item.keep:
            out += [f'\\echo {MARKER.format(n)}', sql, f'\\echo {MARKER.format("end")}']
        else:
            out += [SNAPSHOT.format(var='bv_doc_seq'), 'SAVEPOINT bv_doc_example;', '\\o /dev/null']
            out += psql_opts(item.psql_opts, True) + ['\\o']
            out += [f'\\echo {MARKER.format(n)}', sql, f'\\echo {MARKER.format("end")}', '\\o /dev/null']
            out += psql_opts(item.psql_opts, False) + ['\\o',
                    'ROLLBACK TO SAVEPOINT bv_doc_example;',
                    '\\o /dev/null', ':bv_doc_seq', '\\o']
    out += ['ROLLBACK;', '\\o /dev/null', ':bv_doc_seq_page', '\\o', '']
    return '\n'.join(out)


def run_page(page, db):
    sqls = []
    for item in page.items:
        if item.skip is not None:
            sqls.append(None)
            continue
        try:
            sqls.append(prepare_sql(item))
        except ValueError as e:
            page.problems.append(f'block at line {item.sql_line}: {e}')
            sqls.append(None)
    script = page_script(page, sqls)
    # stdout line-buffered and stderr into the same pipe: errors and notices
    # land between the results exactly where psql prints them.
    env = dict(os.environ, PGDATABASE=db, PGOPTIONS=os.environ.get('PGOPTIONS', ''))
    r = subprocess.run(['stdbuf', '-oL', 'psql', '-X', '-q', '-f', '-'], input=script, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    current = None
    chunks = {}
    stray = []  # what the runner's own statements printed: must be nothing
    for line in r.stdout.split('\n'):
        m = re.match(r'^@@bv-doc-example (\w+)@@$', line)
        if m:
            current = None if m.group(1) == 'end' else int(m.group(1))
            if current is not None:
                chunks[current] = []
            continue
        if current is not None:
            chunks[current].append(PSQL_PREFIX.sub('', line))
        elif line.strip():
            stray.append(line)
    if stray:
        page.problems.append('the runner\'s own statements failed:\n      ' + '\n      '.join(stray[:10]))
    for n, item in enumerate(page.items):
        if sqls[n] is None:
            continue
        if n not in chunks:
            page.problems.append(f'block at line {item.sql_line}: no output at all (psql stopped?):\n{r.stdout[-2000:]}')
            continue
        item.actual = chunks[n]


def trim(lines):
    lines = [l.rstrip() for l in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def normalise(actual, expected):
    """The page decides whether it shows psql's "(N rows)" footers."""
    if not any(FOOTER.match(l.strip()) for l in expected):
        actual = [l for l in actual if not FOOTER.match(l.strip())]
        # the blank line psql prints after a footer-less table stays
        out = []
        for l in actual:
            if not (l.strip() == '' and out and out[-1].strip() == ''):
                out.append(l)
        actual = out
    return trim(actual), trim(expected)


def page_footers(page):
    return any(FOOTER.match(l.strip()) for it in page.examples() for l in (it.expected or []))


def rewritten(page):
    """The page's lines with every example's output replaced by the actual one."""
    lines = list(page.lines)
    keep_footers = page_footers(page)
    for item in sorted(page.examples(), key=lambda it: -it.out_start):
        if item.actual is None:
            continue
        probe = item.expected if item.expected else (['(0 rows)'] if keep_footers else [])
        actual, _ = normalise(item.actual, probe)
        lines[item.out_start:item.out_end] = actual
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('pages', nargs='*')
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--actual')
    args = ap.parse_args()
    paths = args.pages or sorted(glob.glob(os.path.join(ROOT, 'doc', '**', '*.md'), recursive=True))
    pages = [Page(os.path.abspath(p)) for p in paths]
    bycontext = {}
    for p in pages:
        if p.items:
            bycontext.setdefault(p.context, []).append(p)
    dbs = []
    failures = 0
    try:
        for ctx in sorted(bycontext):
            try:
                db = make_context(ctx)
            except RuntimeError as e:
                for p in bycontext[ctx]:
                    p.problems.append(str(e))
                continue
            dbs.append(db)
            before = psql(['-At', '-c', FINGERPRINT], db=db)
            for p in bycontext[ctx]:
                run_page(p, db)
            after = psql(['-At', '-c', FINGERPRINT], db=db)
            if before != after:
                changed = sorted(set(after.split()) - set(before.split()))
                print(f'  FAIL context {ctx}: the examples left the database changed: {" ".join(changed)[:500]}')
                failures += 1
    finally:
        for db in dbs:
            psql(['-d', 'postgres', '-c', f'DROP DATABASE IF EXISTS {db}'], check=False)

    total = 0
    for p in pages:
        bad = []
        if p.rel.startswith('doc/reference/') and not any(it.skip is None for it in p.examples()):
            bad.append('no tested example (a ```sql block followed by its output)')
        for item in p.items:
            if item.kind == 'setup' and item.actual is not None and trim(item.actual):
                bad.append(f'setup block at line {item.sql_line} printed something:\n    '
                           + '\n    '.join(trim(item.actual)))
        for k, item in enumerate(p.examples(), 1):
            if item.skip is not None or item.actual is None:
                continue
            total += 1
            actual, expected = normalise(item.actual, item.expected)
            if actual != expected:
                diff = difflib.unified_diff(expected, actual, f'{p.rel} (page)', f'{p.rel} (psql)', lineterm='', n=2)
                bad.append(f'example {k} (```sql at line {item.sql_line}) differs:\n    ' + '\n    '.join(diff))
        bad = p.problems + bad
        skipped = sum(1 for it in p.examples() if it.skip is not None)
        note = f' ({skipped} skipped)' if skipped else ''
        if bad:
            failures += 1
            print(f'  FAIL {p.rel} [context {p.context}]{note}')
            for b in bad:
                print('    ' + b)
        elif p.items:
            print(f'  ok   {p.rel}: {len(p.examples()) - skipped} examples{note}')
        if args.actual and p.items:
            dest = os.path.join(args.actual, p.rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, 'w', encoding='utf-8') as f:
                f.write('\n'.join(rewritten(p)))
        if args.update and p.items:
            new = rewritten(p)
            if new != p.lines:
                with open(p.path, 'w', encoding='utf-8') as f:
                    f.write('\n'.join(new))
                print(f'       updated {p.rel}')
    print(f'{total} examples run, {failures} pages failing')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
