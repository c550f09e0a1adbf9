#!/usr/bin/env python3
"""One-off refactoring tool (kept for the record of how the front doors were made):
for every import that crosses into another feature's internal file, export the imported names from that
feature's src/features/<name>/index.ts and rewrite the import to go through it. Type-only names stay type
exports. Run from the repository root; prettier formats the result."""
import os, re, sys, collections

ROOT = os.getcwd()
IMPORT = re.compile(r"import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';", re.S)

def area(path):
    rel = os.path.relpath(path, ROOT).split(os.sep)
    if rel[0] == 'src' and len(rel) > 3 and rel[1] == 'features':
        return ('feature', rel[2], '/'.join(rel[3:]))
    return (rel[0] if rel[0] != 'src' else 'src/' + rel[1], None, None)

def parse_names(body, all_type):
    out = []
    for part in body.split(','):
        part = part.strip()
        if not part: continue
        is_type = all_type or part.startswith('type ')
        part = part[5:].strip() if part.startswith('type ') else part
        if ' as ' in part:
            name, alias = [p.strip() for p in part.split(' as ')]
        else:
            name, alias = part, part
        out.append((name, alias, is_type))
    return out

exports = collections.defaultdict(lambda: collections.defaultdict(dict))  # feature -> file -> name -> is_type
rewrites = []
scan_dirs = sys.argv[1:] or ['src', 'test', 'bench']
files = []
for d in scan_dirs:
    for dp, dn, fn in os.walk(os.path.join(ROOT, d)):
        files += [os.path.join(dp, f) for f in fn if f.endswith('.ts')]

for path in files:
    src = open(path).read()
    me = area(path)
    changed = False
    def repl(m):
        global changed
        all_type, body, spec = m.group(1), m.group(2), m.group(3)
        if not spec.startswith('.'): return m.group(0)
        target = os.path.normpath(os.path.join(os.path.dirname(path), spec))
        kind, feat, rest = area(target)
        if kind != 'feature' or rest == 'index.ts': return m.group(0)
        if me[0] == 'feature' and me[1] == feat: return m.group(0)
        names = parse_names(body, bool(all_type))
        for name, alias, is_type in names:
            prev = exports[feat][rest].get(name)
            exports[feat][rest][name] = is_type if prev is None else (prev and is_type)
        door = os.path.relpath(os.path.join(ROOT, 'src/features', feat, 'index.ts'), os.path.dirname(path))
        if not door.startswith('.'): door = './' + door
        return m.group(0).replace("'" + spec + "'", "'" + door + "'")
    new = IMPORT.sub(repl, src)
    if new != src:
        open(path, 'w').write(new)

for feat, byfile in exports.items():
    index = os.path.join(ROOT, 'src/features', feat, 'index.ts')
    existing = open(index).read() if os.path.exists(index) else ''
    lines = [existing.rstrip('\n')] if existing else [f"/** The {feat} feature's front door: what other features and the server may use. */"]
    for rest in sorted(byfile):
        names = byfile[rest]
        values = sorted(n for n, t in names.items() if not t)
        types = sorted(n for n, t in names.items() if t)
        spec = './' + rest
        if values: lines.append('export { ' + ', '.join(values) + " } from '" + spec + "';")
        if types: lines.append('export type { ' + ', '.join(types) + " } from '" + spec + "';")
    open(index, 'w').write('\n'.join(lines) + '\n')
print('front doors written for', len(exports), 'features')
