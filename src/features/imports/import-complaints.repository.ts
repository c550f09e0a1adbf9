import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { arr } from './import-batch.repository.ts';

/**
 * The set-based statements that load imported public complaints and their complainants (see
 * import-batch.repository.ts for the shape: whole columns as arrays, `ON CONFLICT DO NOTHING` on the source
 * key, existing rows found through their unique index).
 */

export type NewComplaint = {
  id: string;
  key: string;
  reference: string;
  receivedOn: string;
  channel: string;
  summary: string;
  /** A complaint status, or `by_case`. */
  status: string;
  caseKey: string | null;
  closedOn: string | null;
  details: Record<string, unknown>;
};

/**
 * Inserts the complaints not imported before, linked to their conduct case by its source key; `by_case`
 * becomes `being_handled` while that case is open and `finalised` once it is closed (or without a case),
 * and a finalised complaint without its own closing date takes the case's. Each new complaint gets its
 * "logged" decision (the import, with the source's kept words), and the case's subjects and allegations as
 * the persons complained about and the complaint's allegations. Returns the ids by source key (new and
 * existing) and which keys were new.
 */
export async function upsertComplaints(
  tx: Db,
  forceId: string,
  rows: NewComplaint[],
  mappingName: string,
): Promise<{ ids: Map<string, string>; created: Set<string>; linked: number }> {
  if (rows.length === 0) return { ids: new Map(), created: new Set(), linked: 0 };
  const found = await rawRows<{ source_key: string; id: string; created: boolean; case_id: string | null }>(
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
        )}, ${arr(
          rows.map((r) => r.receivedOn),
          'date',
        )}, ${arr(
          rows.map((r) => r.channel),
          'text',
        )}, ${arr(
          rows.map((r) => r.summary),
          'text',
        )}, ${arr(
          rows.map((r) => r.status),
          'text',
        )}, ${arr(
          rows.map((r) => r.caseKey),
          'text',
        )}, ${arr(
          rows.map((r) => r.closedOn),
          'date',
        )}, ${arr(
          rows.map((r) => JSON.stringify(r.details)),
          'jsonb',
        )}) as u(id, k, ref, received, channel, summ, st, case_key, closed, details)),
      linked as (
        select i.*, c.id as case_id, c.status as case_status, c.closed_on as case_closed
          from input i
          left join lateral (select c.id, c.status, c.closed_on from cases c
            where c.force_id = ${forceId} and c.source_key = i.case_key limit 1) c on true),
      resolved as (
        select l.*, case when l.st <> 'by_case' then l.st when l.case_status = 'open' then 'being_handled'
                          else 'finalised' end as status
          from linked l),
      ins as (
        insert into complaints (force_id, id, reference, channel, received_on, logged_on, summary, status,
                                outcome_decided_on, case_id, source_key)
        select ${forceId}, id, ref, channel, received, received, summ, status,
               case when status = 'finalised' then coalesce(closed, case_closed) end, case_id, k
          from resolved
        on conflict do nothing
        returning source_key, id, case_id),
      decided as (
        insert into complaint_decisions (force_id, complaint_id, kind, decided_on, reasons, details)
        select ${forceId}, ins.id, 'logged', r.received, ${`Imported by the mapping ${mappingName}`}, r.details
          from ins join resolved r on r.k = ins.source_key
        returning complaint_id)
      select source_key, id, true as created, case_id from ins
      union all
      select c.source_key, c.id, false, c.case_id from input i
        join lateral (select c.source_key, c.id, c.case_id from complaints c
          where c.force_id = ${forceId} and c.source_key = i.k limit 1) c on true`,
  );
  const fresh = found.filter((r) => r.created && r.case_id);
  if (fresh.length > 0)
    await copyCaseMatters(
      tx,
      forceId,
      fresh.map((r) => ({ complaintId: r.id, caseId: r.case_id! })),
    );
  return {
    ids: new Map(found.map((r) => [r.source_key, r.id])),
    created: new Set(found.filter((r) => r.created).map((r) => r.source_key)),
    linked: fresh.length,
  };
}

/** The linked case's subjects become the persons complained about, and its allegations the complaint's. */
async function copyCaseMatters(tx: Db, forceId: string, pairs: { complaintId: string; caseId: string }[]) {
  const input = sql`unnest(${arr(
    pairs.map((p) => p.complaintId),
    'uuid',
  )}, ${arr(
    pairs.map((p) => p.caseId),
    'uuid',
  )}) as x(complaint_id, case_id)`;
  await tx.execute(sql`insert into complaint_subjects (force_id, complaint_id, kind, person_id)
    select distinct ${forceId}, x.complaint_id, 'person', s.person_id
      from ${input} join case_subjects s on s.force_id = ${forceId} and s.case_id = x.case_id`);
  await tx.execute(sql`insert into complaint_allegations (force_id, complaint_id, subject_id, category_code, description)
    select ${forceId}, x.complaint_id, cs.id, a.category_code, a.description
      from ${input}
      join allegations a on a.force_id = ${forceId} and a.case_id = x.case_id
      join case_subjects s on s.force_id = ${forceId} and s.id = a.subject_id
      join complaint_subjects cs on cs.force_id = ${forceId} and cs.complaint_id = x.complaint_id
                                and cs.person_id = s.person_id`);
}

/** Complaint ids by source key, for complainant rows (the complaint imported in an earlier batch or run). */
export async function findComplaintsByKey(tx: Db, forceId: string, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const found = await rawRows<{ source_key: string; id: string }>(
    tx,
    sql`select c.source_key, c.id from unnest(${arr(keys, 'text')}) as k(key)
      join lateral (select c.source_key, c.id from complaints c
        where c.force_id = ${forceId} and c.source_key = k.key limit 1) c on true`,
  );
  return new Map(found.map((r) => [r.source_key, r.id]));
}

export type NewComplainant = {
  key: string;
  complaintId: string;
  name: string;
  basis: string;
  sex: string | null;
  ethnicity: string | null;
  age: number | null;
};

/** Inserts the complainants not imported before (contact by post: an imported record has no address). */
export async function insertComplainants(tx: Db, forceId: string, rows: NewComplainant[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await rawRows<{ source_key: string }>(
    tx,
    sql`insert into complaint_complainants (force_id, complaint_id, name, basis, contact_method, sex, ethnicity, age, source_key)
      select ${forceId}, c, n, b, 'post', s, e, a, k from unnest(${arr(
        rows.map((r) => r.complaintId),
        'uuid',
      )}, ${arr(
        rows.map((r) => r.name),
        'text',
      )}, ${arr(
        rows.map((r) => r.basis),
        'text',
      )}, ${arr(
        rows.map((r) => r.sex),
        'text',
      )}, ${arr(
        rows.map((r) => r.ethnicity),
        'text',
      )}, ${arr(
        rows.map((r) => r.age),
        'int',
      )}, ${arr(
        rows.map((r) => r.key),
        'text',
      )}) as u(c, n, b, s, e, a, k)
      on conflict do nothing
      returning source_key`,
  );
  return new Set(inserted.map((r) => r.source_key));
}
