import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { arr } from './import-batch.repository.ts';

/**
 * The case side of a batch (import-batch.repository.ts for the shape of these statements): cases, their
 * subjects, allegations with their closing events, and each case's status once its allegations are in.
 */

export type NewCase = {
  id: string;
  key: string;
  reference: string;
  source: string;
  caseType: string;
  cameToAttentionOn: string;
  regimeVersion: string;
  summary: string;
  status: 'open' | 'closed';
};

/**
 * Cases by source key, inserting those not imported before. A key missing from the answer could not be
 * inserted because its reference belongs to another case.
 */
export async function upsertCases(
  tx: Db,
  forceId: string,
  rows: NewCase[],
): Promise<{ ids: Map<string, string>; inserted: number }> {
  if (rows.length === 0) return { ids: new Map(), inserted: 0 };
  const found = await rawRows<{ source_key: string; id: string; created: boolean }>(
    tx,
    sql`with input as (
        select * from unnest(${arr(
          rows.map((r) => r.id),
          'uuid',
        )}, ${arr(
          rows.map((r) => r.key),
          'text',
        )}, ${arr(
          rows.map((r) => r.reference),
          'text',
        )},
          ${arr(
            rows.map((r) => r.source),
            'text',
          )}, ${arr(
            rows.map((r) => r.caseType),
            'text',
          )}, ${arr(
            rows.map((r) => r.cameToAttentionOn),
            'date',
          )},
          ${arr(
            rows.map((r) => r.regimeVersion),
            'text',
          )}, ${arr(
            rows.map((r) => r.summary),
            'text',
          )}, ${arr(
            rows.map((r) => r.status),
            'text',
          )}) as u(id, k, ref, src, typ, d, reg, summ, st)),
      ins as (
        insert into cases (force_id, id, reference, source, case_type, came_to_attention_on, regime_version, summary, status, source_key)
        select ${forceId}, id, ref, src, typ, d, reg, summ, st, k from input
        on conflict do nothing
        returning source_key, id)
      select source_key, id, true as created from ins
      union all
      select c.source_key, c.id, false from input i
        join lateral (select c.source_key, c.id from cases c where c.force_id = ${forceId} and c.source_key = i.k limit 1) c on true`,
  );
  return { ids: new Map(found.map((r) => [r.source_key, r.id])), inserted: found.filter((r) => r.created).length };
}

/** One subject per (case, person): existing ones are found, missing ones inserted. Keyed "caseId personId". */
export async function upsertSubjects(
  tx: Db,
  forceId: string,
  pairs: { caseId: string; personId: string }[],
): Promise<{ ids: Map<string, string>; inserted: number }> {
  if (pairs.length === 0) return { ids: new Map(), inserted: 0 };
  const found = await rawRows<{ id: string; case_id: string; person_id: string; created: boolean }>(
    tx,
    sql`with input as (
        select * from unnest(${arr(
          pairs.map(() => randomUUID()),
          'uuid',
        )}, ${arr(
          pairs.map((p) => p.caseId),
          'uuid',
        )}, ${arr(
          pairs.map((p) => p.personId),
          'uuid',
        )}) as u(id, case_id, person_id)),
      ins as (
        insert into case_subjects (force_id, id, case_id, person_id)
        select ${forceId}, id, case_id, person_id from input
        on conflict (force_id, case_id, person_id) do nothing
        returning id, case_id, person_id)
      select id, case_id, person_id, true as created from ins
      union all
      select s.id, s.case_id, s.person_id, false from input i
        join lateral (select s.id, s.case_id, s.person_id from case_subjects s
          where s.force_id = ${forceId} and s.case_id = i.case_id and s.person_id = i.person_id limit 1) s on true`,
  );
  return {
    ids: new Map(found.map((r) => [`${r.case_id} ${r.person_id}`, r.id])),
    inserted: found.filter((r) => r.created).length,
  };
}

export type NewAllegation = {
  id: string;
  key: string;
  caseId: string;
  subjectId: string;
  categoryCode: string;
  standards: string[];
  description: string;
  state: string;
  facts: unknown;
};

/** Inserts the allegations not imported before; answers the source keys actually inserted. */
export async function insertAllegations(tx: Db, forceId: string, rows: NewAllegation[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await rawRows<{ source_key: string }>(
    tx,
    sql`insert into allegations (force_id, id, case_id, subject_id, category_code, standards, description, state, facts, source_key)
      select ${forceId}, u.id, u.c, u.s, u.cat, string_to_array(u.std, ','), u.d, u.st, u.f::jsonb, u.k
      from unnest(${arr(
        rows.map((r) => r.id),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.caseId),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.subjectId),
        'uuid',
      )},
        ${arr(
          rows.map((r) => r.categoryCode),
          'text',
        )}, ${arr(
          rows.map((r) => r.standards.join(',')),
          'text',
        )}, ${arr(
          rows.map((r) => r.description),
          'text',
        )},
        ${arr(
          rows.map((r) => r.state),
          'text',
        )}, ${arr(
          rows.map((r) => JSON.stringify(r.facts)),
          'text',
        )}, ${arr(
          rows.map((r) => r.key),
          'text',
        )}) as u(id, c, s, cat, std, d, st, f, k)
      on conflict (force_id, source_key) do nothing
      returning source_key`,
  );
  return new Set(inserted.map((r) => r.source_key));
}

/**
 * A case is closed when none of its allegations is still open (the rule progress-allegation applies to its
 * last allegation), on the latest closing date of its allegations (none when the source gives none). Only
 * cases whose status or closing date changes are written, so a rerun writes nothing.
 */
export async function refreshCaseStatus(tx: Db, forceId: string, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.execute(sql`update cases c set status = x.status, closed_on = x.closed_on, version = c.version + 1
    from (select c2.id, y.status, case when y.status = 'closed' then (select max(e.occurred_on) from allegation_events e
              where e.force_id = c2.force_id and e.case_id = c2.id and e.to_state = 'closed') end as closed_on
          from unnest(${arr(caseIds, 'uuid')}) as k(id)
          join lateral (select * from cases c2 where c2.force_id = ${forceId} and c2.id = k.id limit 1) c2 on true
          cross join lateral (select case when exists (select 1 from allegations a where a.force_id = c2.force_id
              and a.case_id = c2.id and a.state <> 'closed') then 'open' else 'closed' end as status) y) x
    where c.force_id = ${forceId} and c.id = x.id and (c.status <> x.status or c.closed_on is distinct from x.closed_on)`);
}

/**
 * The closing event of each imported allegation whose source gives a closing date: what the oversight
 * figures read as the day it was finalised (allegation_figures.finalised_on), and what dates its case's closure.
 */
export async function insertClosingEvents(
  tx: Db,
  forceId: string,
  rows: { caseId: string; allegationId: string; closedOn: string; outcome: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into allegation_events (force_id, case_id, allegation_id, action, from_state, to_state, details, occurred_on)
    select ${forceId}, u.c, u.a, 'imported_outcome', 'received', 'closed', jsonb_build_object('outcome', u.o), u.d
    from unnest(${arr(
      rows.map((r) => r.caseId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.allegationId),
      'uuid',
    )}, ${arr(
      rows.map((r) => r.outcome),
      'text',
    )}, ${arr(
      rows.map((r) => r.closedOn),
      'date',
    )}) as u(c, a, o, d)`);
}
