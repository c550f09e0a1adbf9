// Local ESLint rule: the layers of docs/architecture.md, enforced.
// - A feature (src/features/<name>/…) may import another feature only through its front door,
//   src/features/<other>/index.ts, and never src/app/ (which only assembles the server).
// - The shared kernel (src/lib/, src/db/) imports no feature and nothing of src/app/.
import path from 'node:path';

function areaOf(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] !== 'src') return { kind: 'outside' };
  if (rel[1] === 'features' && rel.length > 3) return { kind: 'feature', name: rel[2], rest: rel.slice(3).join('/') };
  if (rel[1] === 'lib' || rel[1] === 'db') return { kind: 'kernel', name: rel[1] };
  if (rel[1] === 'app') return { kind: 'app' };
  if (rel[1] === 'cli') return { kind: 'cli' };
  return { kind: 'other' };
}

export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Features meet through their front doors; the kernel and features never import src/app' },
    schema: [],
    messages: {
      deep: 'Import {{other}} through its front door (src/features/{{other}}/index.ts), not {{rest}}.',
      app: 'A feature or the kernel must not import src/app/ (it only assembles the server); use the kernel in src/lib.',
      kernel: 'The shared kernel must not import a feature ({{other}}).',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = areaOf(file, root);
    if (from.kind !== 'feature' && from.kind !== 'kernel') return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = areaOf(path.resolve(path.dirname(file), source), root);
      if (to.kind === 'app') context.report({ node, messageId: 'app' });
      else if (to.kind === 'feature' && from.kind === 'kernel')
        context.report({ node, messageId: 'kernel', data: { other: to.name } });
      else if (to.kind === 'feature' && to.name !== from.name && to.rest !== 'index.ts')
        context.report({ node, messageId: 'deep', data: { other: to.name, rest: to.rest } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
