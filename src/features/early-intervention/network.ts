import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { coAccusedPairs, type PairRow } from './network.repository.ts';

export type NetworkNode = {
  id: string;
  name: string;
  x: number;
  y: number;
  degree: number;
  labelX: number;
  labelY: number;
  anchor: string;
};
export type NetworkEdge = {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  matters: number;
  title: string;
};

export const NETWORK_SIZE = 640;
const MAX_NODES = 40;

/**
 * A circular layout, drawn on the server: the people most connected first, evenly round a circle, and one
 * line per pair, as thick as their shared matters. Plain geometry (no force simulation): the same pairs
 * always give the same picture, and the table beside it carries the same data for anyone who cannot see it.
 */
export function circularLayout(pairs: readonly PairRow[]): {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  omitted: number;
} {
  const degree = new Map<string, { name: string; n: number }>();
  for (const p of pairs)
    for (const [id, name] of [
      [p.a_id, p.a_name],
      [p.b_id, p.b_name],
    ] as const) {
      const d = degree.get(id);
      if (d) d.n += p.matters;
      else degree.set(id, { name, n: p.matters });
    }
  const ranked = [...degree.entries()].sort((a, b) => b[1].n - a[1].n || a[1].name.localeCompare(b[1].name));
  const shown = ranked.slice(0, MAX_NODES);
  const c = NETWORK_SIZE / 2;
  const r = c - 130;
  const at = new Map<string, NetworkNode>();
  shown.forEach(([id, d], i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    const round = (v: number) => Math.round(v * 10) / 10;
    const cos = Math.cos(angle);
    at.set(id, {
      id,
      name: d.name,
      degree: d.n,
      x: round(c + r * cos),
      y: round(c + r * Math.sin(angle)),
      labelX: round(c + (r + 12) * cos),
      labelY: round(c + (r + 12) * Math.sin(angle) + 4),
      anchor: cos > 0.1 ? 'start' : cos < -0.1 ? 'end' : 'middle',
    });
  });
  const edges: NetworkEdge[] = [];
  for (const p of pairs) {
    const a = at.get(p.a_id);
    const b = at.get(p.b_id);
    if (!a || !b) continue;
    edges.push({
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      width: Math.min(8, 1 + p.matters),
      matters: p.matters,
      title: `${p.a_name} and ${p.b_name}: ${p.matters} shared`,
    });
  }
  return { nodes: [...at.values()], edges, omitted: ranked.length - shown.length };
}

const query = z.object({
  person: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid('Choose a person from the list').optional()),
  min: z.preprocess((v) => (v === '' || v === undefined ? 1 : v), z.coerce.number().int().min(1).max(100)),
});

/** The co-accused network the viewer may see (only matters they have need-to-know of). Audited. */
export async function viewNetwork(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'ei.read');
  const q = parseInput(query, raw, 'Check the filters');
  return deps.db.transaction(async (tx) => {
    const pairs = await coAccusedPairs(tx, principal, { personId: q.person, minShared: q.min });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_network', id: q.person ?? principal.forceId, personId: q.person ?? null },
      { type: 'ei.network_viewed', personId: q.person ?? null },
    );
    return { pairs, ...circularLayout(pairs), filter: q };
  });
}
