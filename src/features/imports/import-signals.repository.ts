import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { arr } from './import-batch.repository.ts';

export type NewSignal = {
  personId: string;
  kind: string;
  occurredOn: string;
  category: string | null;
  sourceKey: string;
  details: Record<string, string>;
};

/**
 * Early-intervention signals (`ei_events`, the table early intervention's rules read) from a `signal` entry,
 * in one statement; a source key imported before is found, not inserted again. Which were inserted.
 */
export async function insertNewSignals(tx: Db, forceId: string, source: string, rows: NewSignal[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(() => randomUUID());
  const col = (pick: (r: NewSignal) => string | null, type: string) => arr(rows.map(pick), type);
  const inserted = await rawRows<{ id: string }>(
    tx,
    sql`insert into ei_events (force_id, id, person_id, kind, occurred_on, category, source, source_key, details)
      select ${forceId}, u.id, u.p, u.k, u.d, u.c, ${source}, u.s, u.x::jsonb
      from unnest(${arr(ids, 'uuid')}, ${col((r) => r.personId, 'uuid')}, ${col((r) => r.kind, 'text')},
        ${col((r) => r.occurredOn, 'date')}, ${col((r) => r.category, 'text')}, ${col((r) => r.sourceKey, 'text')},
        ${col((r) => JSON.stringify(r.details), 'text')}) as u(id, p, k, d, c, s, x)
      on conflict (force_id, source_key) do nothing
      returning id`,
  );
  const created = new Set(inserted.map((r) => r.id));
  return ids.map((id) => created.has(id));
}
