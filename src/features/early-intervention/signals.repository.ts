import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { eiDerivedSignalKinds } from '../../db/schema/index.ts';
import type { Signal, SignalRef } from './rules/evaluate.ts';

/**
 * SIGNALS: the dated events per person that rules count, read where they live. The kinds Probity derives
 * itself are listed in {@link BUILT_IN_KINDS}; every other kind is a row of `ei_events` (imported from a
 * force's other systems through a mapping file, features/imports). A merged duplicate's signals count for
 * its survivor.
 *
 * Never a signal: anything from the anonymous reporting channel (features/reporting names no person
 * record), and conduct cases opened from an anonymous report (`cases.source = 'anonymous_report'`): a
 * report whose author cannot be asked is not a basis for an alert about a person. Subjects recorded in
 * error are left out, and so are unidentified officers of complaints (no person record).
 */
export const BUILT_IN_KINDS = {
  conduct_allegation: 'Conduct allegation (recorded)',
  finding: 'Finding of misconduct or gross misconduct',
  sanction: 'Disciplinary sanction',
  restriction: 'Duty restriction or suspension',
  complaint_allegation: 'Complaint allegation',
  vetting_outcome: 'Vetting refused, withdrawn or granted with conditions',
} as const satisfies Record<(typeof eiDerivedSignalKinds)[number], string>;

/** Vetting decisions that are a signal: an adverse or conditional outcome (never the file's contents). */
export const ADVERSE_VETTING_OUTCOMES = ['refuse', 'withdraw', 'grant_with_conditions', 'maintain_with_conditions'];
export type BuiltInKind = keyof typeof BUILT_IN_KINDS;

export const PROVEN_FINDINGS = ['misconduct', 'gross_misconduct', 'would_have_been_dismissed'];

type SignalRow = {
  kind: string;
  source_id: string;
  person_id: string;
  occurred_on: IsoDate;
  category: string | null;
  ref_type: SignalRef['type'];
  parent_id: string | null;
};

const person = (alias: string) =>
  sql.raw(
    `coalesce((select m.merged_into_id from people m where m.force_id = ${alias}.force_id and m.id = ${alias}.person_id), ${alias}.person_id)`,
  );

function builtIn(kind: BuiltInKind, forceId: string, from: IsoDate, to: IsoDate): SQL {
  const conduct = sql`join cases c on c.force_id = af.force_id and c.id = af.case_id and c.source <> 'anonymous_report'
      join allegations a on a.force_id = af.force_id and a.id = af.allegation_id
      join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id and s.recorded_in_error_on is null`;
  switch (kind) {
    case 'conduct_allegation':
      return sql`select 'conduct_allegation' as kind, af.allegation_id::text as source_id, ${person('af')} as person_id,
          af.received_on::text as occurred_on, af.category_code as category, 'allegation' as ref_type, af.case_id::text as parent_id
        from allegation_figures af ${conduct}
        where af.force_id = ${forceId} and af.received_on between ${from}::date and ${to}::date`;
    case 'finding':
      return sql`select 'finding' as kind, af.allegation_id::text as source_id, ${person('af')} as person_id, af.finalised_on::text as occurred_on,
          af.category_code as category, 'allegation' as ref_type, af.case_id::text as parent_id
        from allegation_figures af ${conduct}
        where af.force_id = ${forceId} and af.finalised_on between ${from}::date and ${to}::date
          and af.finding in (${sql.join(
            PROVEN_FINDINGS.map((f) => sql`${f}`),
            sql`, `,
          )})`;
    case 'sanction':
      return sql`select 'sanction' as kind, af.allegation_id::text as source_id, ${person('af')} as person_id, af.finalised_on::text as occurred_on,
          af.sanction as category, 'allegation' as ref_type, af.case_id::text as parent_id
        from allegation_figures af ${conduct}
        where af.force_id = ${forceId} and af.finalised_on between ${from}::date and ${to}::date and af.sanction is not null`;
    case 'restriction':
      return sql`select 'restriction' as kind, r.id::text as source_id, ${person('r')} as person_id, r.starts_on::text as occurred_on,
          r.kind as category, 'restriction' as ref_type, r.case_id::text as parent_id
        from duty_restrictions r join cases c on c.force_id = r.force_id and c.id = r.case_id and c.source <> 'anonymous_report'
        where r.force_id = ${forceId} and r.starts_on between ${from}::date and ${to}::date`;
    case 'complaint_allegation':
      return sql`select 'complaint_allegation' as kind, ca.id::text as source_id, ${person('cs')} as person_id, co.received_on::text as occurred_on,
          ca.category_code as category, 'complaint_allegation' as ref_type, co.id::text as parent_id
        from complaint_allegations ca
          join complaint_subjects cs on cs.force_id = ca.force_id and cs.id = ca.subject_id and cs.person_id is not null
          join complaints co on co.force_id = ca.force_id and co.id = ca.complaint_id
        where ca.force_id = ${forceId} and co.received_on between ${from}::date and ${to}::date`;
    case 'vetting_outcome':
      return sql`select 'vetting_outcome' as kind, v.id::text as source_id, ${person('v')} as person_id, v.decided_on::text as occurred_on,
          v.outcome as category, 'vetting_decision' as ref_type, null::text as parent_id
        from vetting_decisions v
        where v.force_id = ${forceId} and v.person_id is not null and v.decided_on between ${from}::date and ${to}::date
          and v.outcome in (${sql.join(
            ADVERSE_VETTING_OUTCOMES.map((o) => sql`${o}`),
            sql`, `,
          )})`;
  }
}

const isBuiltIn = (kind: string): kind is BuiltInKind => Object.hasOwn(BUILT_IN_KINDS, kind);

/** Every signal of the given kinds dated from `from` to `to` (both included) in one force. */
export async function loadSignals(
  db: Db,
  forceId: string,
  kinds: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Promise<Signal[]> {
  if (!kinds.length) return [];
  const parts: SQL[] = kinds.filter(isBuiltIn).map((k) => builtIn(k, forceId, from, to));
  const imported = kinds.filter((k) => !isBuiltIn(k));
  if (imported.length)
    parts.push(sql`select e.kind as kind, e.id::text as source_id, ${person('e')} as person_id, e.occurred_on::text as occurred_on,
      e.category as category, 'event' as ref_type, null::text as parent_id
      from ei_events e where e.force_id = ${forceId} and e.occurred_on between ${from}::date and ${to}::date
        and e.kind in (${sql.join(
          imported.map((k) => sql`${k}`),
          sql`, `,
        )})`);
  const rows = await rawRows<SignalRow>(db, sql.join(parts, sql` union all `));
  return rows.map(toSignal);
}

function toSignal(r: SignalRow): Signal {
  const ref: SignalRef =
    r.ref_type === 'allegation' || r.ref_type === 'restriction'
      ? { type: r.ref_type, id: r.source_id, caseId: r.parent_id ?? '' }
      : r.ref_type === 'complaint_allegation'
        ? { type: 'complaint_allegation', id: r.source_id, complaintId: r.parent_id ?? '' }
        : r.ref_type === 'vetting_decision'
          ? { type: 'vetting_decision', id: r.source_id }
          : { type: 'event', id: r.source_id };
  return {
    key: `${r.kind}:${r.source_id}`,
    personId: r.person_id,
    kind: r.kind,
    occurredOn: r.occurred_on,
    category: r.category,
    ref,
  };
}

/** The kinds a force has: the built-in ones and every kind of its imported events. */
export async function knownKinds(
  db: Db,
  forceId: string,
): Promise<{ kind: string; label: string; imported: boolean }[]> {
  const rows = await rawRows<{ kind: string }>(
    db,
    sql`select distinct kind from ei_events where force_id = ${forceId} order by kind`,
  );
  return [
    ...Object.entries(BUILT_IN_KINDS).map(([kind, label]) => ({ kind, label, imported: false })),
    ...rows
      .filter((r) => !isBuiltIn(r.kind))
      .map((r) => ({ kind: r.kind, label: r.kind.replace(/_/g, ' '), imported: true })),
  ];
}

/** Stores imported signals; a row already imported (same source key) is left as it is. */
export async function insertEvents(
  db: Db,
  rows: {
    forceId: string;
    personId: string;
    kind: string;
    occurredOn: IsoDate;
    category: string | null;
    source: string;
    sourceKey: string | null;
    details: Record<string, unknown>;
  }[],
): Promise<number> {
  let inserted = 0;
  for (const r of rows) {
    const done = await rawRows<{ id: string }>(
      db,
      sql`insert into ei_events (force_id, person_id, kind, occurred_on, category, source, source_key, details)
        values (${r.forceId}, ${r.personId}::uuid, ${r.kind}, ${r.occurredOn}::date, ${r.category}, ${r.source}, ${r.sourceKey}, ${JSON.stringify(r.details)}::jsonb)
        on conflict (force_id, source_key) do nothing returning id`,
    );
    inserted += done.length;
  }
  return inserted;
}

/** The person a collar (or other) number was held by on a day, or a person by their import source key. */
export async function resolvePerson(
  db: Db,
  forceId: string,
  ref: { identifier?: string | undefined; on?: IsoDate | undefined; personKey?: string | undefined },
): Promise<string | null> {
  if (ref.personKey) {
    const [row] = await rawRows<{ id: string }>(
      db,
      sql`select coalesce(merged_into_id, id)::text as id from people where force_id = ${forceId} and source_key = ${ref.personKey}`,
    );
    return row?.id ?? null;
  }
  if (!ref.identifier) return null;
  const on = ref.on ?? null;
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select distinct coalesce(p.merged_into_id, p.id)::text as id from person_identifiers i
          join people p on p.force_id = i.force_id and p.id = i.person_id
        where i.force_id = ${forceId} and upper(i.value) = upper(${ref.identifier})
          and (${on}::date is null or (i.valid_from <= ${on}::date and (i.valid_to is null or i.valid_to >= ${on}::date)))`,
  );
  return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}
