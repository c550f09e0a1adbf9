import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { refreshAllegationFigures } from '../misconduct/index.ts';
import { importedTrack } from './import-outcomes.ts';
import type { MappedRow } from './map-row.ts';
import { firstBy } from './first-by.ts';
import { loadComplainants, loadComplaints } from './load-complaints.ts';
import { loadSignalRows } from './load-signals.ts';
import {
  ensureUnits,
  findPeopleByKey,
  insertIdentifiers,
  insertNewIdentifiers,
  insertNewPostings,
  insertPeople,
  insertPostings,
} from './import-people.repository.ts';
import {
  insertAllegations,
  insertClosingEvents,
  refreshCaseStatus,
  upsertCases,
  upsertSubjects,
  type NewAllegation,
  type NewCase,
} from './import-cases.repository.ts';

/**
 * Loads one batch of mapped rows inside the caller's transaction: people (with numbers, postings and units),
 * then cases, subjects and allegations, each as a few set-based statements. Within a batch and across
 * batches the FIRST row with a given source key wins; a later row with the same key is a duplicate.
 * A row is `imported` if it created a record, `duplicate` if everything it describes existed already,
 * `rejected` (with a reason) if the mapping refused it or its subject is not among the people.
 */
export const CREATED_KINDS = [
  'people',
  'identifiers',
  'postings',
  'units',
  'cases',
  'subjects',
  'allegations',
  'complaints',
  'complainants',
  'signals',
] as const;
export type Created = Record<(typeof CREATED_KINDS)[number], number>;
export type RowStatus = 'imported' | 'duplicate' | 'rejected';
export type BatchOutcome = { status: RowStatus[]; reasons: (string | null)[]; created: Created };

export const noneCreated = (): Created => ({
  people: 0,
  identifiers: 0,
  postings: 0,
  units: 0,
  cases: 0,
  subjects: 0,
  allegations: 0,
  complaints: 0,
  complainants: 0,
  signals: 0,
});

export async function loadBatch(
  tx: Db,
  forceId: string,
  mappingName: string,
  rows: MappedRow[],
): Promise<BatchOutcome> {
  const status: RowStatus[] = rows.map((r) => (r.rejected ? 'rejected' : 'duplicate'));
  const reasons: (string | null)[] = rows.map((r) => r.rejected);
  const created = noneCreated();
  const reject = (i: number, reason: string) => {
    status[i] = 'rejected';
    reasons[i] = reason;
  };

  await loadPeople(tx, forceId, rows, status, created);
  await loadHistory(tx, forceId, rows, status, reject, created);
  await loadComplaints(tx, forceId, mappingName, rows, status, reject, created);
  await loadComplainants(tx, forceId, rows, status, reject, created);
  await loadSignalRows(tx, forceId, mappingName, rows, status, reject, created);

  // Allegations: the subject must be a person already imported (here or earlier).
  const live = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.allegation && status[i] !== 'rejected');
  const people = await findPeopleByKey(tx, forceId, unique(live.map(({ r }) => r.allegation?.personKey ?? '')));
  const withPerson = live.filter(({ r, i }) => {
    if (people.has(r.allegation?.personKey ?? '')) return true;
    reject(i, `no person with the key "${r.allegation?.personKey}": import their people file first, or check the key`);
    return false;
  });

  const firstCases = firstBy(withPerson, ({ r }) => r.allegation?.case.key ?? '');
  const openCase = new Set(
    withPerson.filter(({ r }) => r.allegation?.outcome.outcome === 'open').map(({ r }) => r.allegation?.case.key),
  );
  const newCases: NewCase[] = firstCases.map(({ r }) => {
    const c = r.allegation!.case;
    return { id: randomUUID(), ...c, status: openCase.has(c.key) ? 'open' : 'closed' };
  });
  const cases = await upsertCases(tx, forceId, newCases);
  created.cases += cases.inserted;
  const withCase = withPerson.filter(({ r, i }) => {
    if (cases.ids.has(r.allegation?.case.key ?? '')) return true;
    reject(i, `the case reference "${r.allegation?.case.reference}" already belongs to another case`);
    return false;
  });

  const subjectOf = ({ r }: { r: MappedRow }) =>
    `${cases.ids.get(r.allegation!.case.key)} ${people.get(r.allegation!.personKey)!.id}`;
  const pairs = firstBy(withCase, subjectOf).map((x) => {
    const [caseId = '', personId = ''] = subjectOf(x).split(' ');
    return { caseId, personId };
  });
  const subjects = await upsertSubjects(tx, forceId, pairs);
  created.subjects += subjects.inserted;

  const firstAllegations = firstBy(withCase, ({ r }) => r.allegation!.key);
  const newAllegations: NewAllegation[] = firstAllegations.map(({ r }) => {
    const a = r.allegation!;
    const person = people.get(a.personKey)!;
    const track = importedTrack(a.outcome, person.former);
    return {
      id: randomUUID(),
      key: a.key,
      caseId: cases.ids.get(a.case.key)!,
      subjectId: subjects.ids.get(subjectOf({ r }))!,
      categoryCode: a.categoryCode,
      standards: a.standards,
      description: a.description,
      state: track.status,
      facts: {
        track,
        finalWrittenWarningInForce: false,
        multipleUnconnectedIncidents: false,
        imported: {
          mapping: mappingName,
          outcome: a.outcome.outcome,
          ...(a.sourceOutcome ? { sourceOutcome: a.sourceOutcome } : {}),
          source: a.source,
        },
      },
    };
  });
  const inserted = await insertAllegations(tx, forceId, newAllegations);
  created.allegations += inserted.size;
  // The day each was finalised: its own closing date, else its case's (an open allegation has none).
  await insertClosingEvents(
    tx,
    forceId,
    firstAllegations.flatMap(({ r }, n) => {
      const a = r.allegation!;
      const closedOn = a.outcome.outcome === 'open' ? null : (a.closedOn ?? a.case.closedOn);
      const made = newAllegations[n]!;
      return inserted.has(a.key) && closedOn
        ? [{ caseId: made.caseId, allegationId: made.id, closedOn, outcome: a.outcome.outcome }]
        : [];
    }),
  );
  for (const { r, i } of firstAllegations) if (inserted.has(r.allegation!.key)) status[i] = 'imported';
  const touched = unique(
    firstAllegations
      .filter(({ r }) => inserted.has(r.allegation!.key))
      .map(({ r }) => cases.ids.get(r.allegation!.case.key)!),
  );
  await refreshCaseStatus(tx, forceId, touched);
  await refreshAllegationFigures(tx, forceId, { caseIds: touched });
  return { status, reasons, created };
}

async function loadPeople(
  tx: Db,
  forceId: string,
  rows: MappedRow[],
  status: RowStatus[],
  created: Created,
): Promise<void> {
  const first = firstBy(
    rows.map((r, i) => ({ r, i })).filter(({ r }) => r.person),
    ({ r }) => r.person!.key,
  );
  if (first.length === 0) return;
  const ids = new Map(first.map(({ r }) => [r.person!.key, randomUUID()]));
  const inserted = await insertPeople(
    tx,
    forceId,
    first.map(({ r }) => ({ ...r.person!, id: ids.get(r.person!.key)! })),
  );
  const fresh = first.filter(({ r }) => inserted.has(r.person!.key));
  for (const { i } of fresh) status[i] = 'imported';
  created.people += fresh.length;

  const identifiers = fresh.flatMap(({ r }) =>
    r.person!.identifiers.map((n) => ({ ...n, personId: ids.get(r.person!.key)! })),
  );
  await insertIdentifiers(tx, forceId, identifiers);
  created.identifiers += identifiers.length;

  const posted = fresh.filter(({ r }) => r.person!.posting);
  const units = await ensureUnits(
    tx,
    forceId,
    firstBy(posted, ({ r }) => r.person!.posting!.unitKey).map(({ r }) => ({
      key: r.person!.posting!.unitKey,
      name: r.person!.posting!.unitName,
      kind: r.person!.posting!.unitKind,
    })),
  );
  created.units += units.created;
  const postings = posted.map(({ r }) => {
    const p = r.person!.posting!;
    return {
      personId: ids.get(r.person!.key)!,
      rank: p.rank,
      role: p.role,
      unitId: units.ids.get(p.unitKey)!,
      validFrom: p.validFrom,
      validTo: p.validTo,
    };
  });
  await insertPostings(tx, forceId, postings);
  created.postings += postings.length;
}

/**
 * History rows: postings and numbers added to people imported before (in an earlier batch, an earlier file
 * or this batch). A row whose person is unknown is rejected with the reason; one whose posting or number is
 * recorded already is a duplicate; every other row is imported. Never skipped silently.
 */
async function loadHistory(
  tx: Db,
  forceId: string,
  rows: MappedRow[],
  status: RowStatus[],
  reject: (i: number, reason: string) => void,
  created: Created,
): Promise<void> {
  const live = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.history && status[i] !== 'rejected');
  if (live.length === 0) return;
  const people = await findPeopleByKey(tx, forceId, unique(live.map(({ r }) => r.history!.personKey)));
  const known = live.filter(({ r, i }) => {
    if (people.has(r.history!.personKey)) return true;
    reject(i, `no person with the key "${r.history!.personKey}": import their people file first, or check the key`);
    return false;
  });
  const posted = known.filter(({ r }) => r.history!.posting);
  const units = await ensureUnits(
    tx,
    forceId,
    firstBy(posted, ({ r }) => r.history!.posting!.unitKey).map(({ r }) => ({
      key: r.history!.posting!.unitKey,
      name: r.history!.posting!.unitName,
      kind: r.history!.posting!.unitKind,
    })),
  );
  created.units += units.created;
  const postings = firstBy(posted, ({ r }) => {
    const p = r.history!.posting!;
    return JSON.stringify([r.history!.personKey, p.unitKey, p.rank, p.validFrom, p.validTo]);
  });
  const postedNow = await insertNewPostings(
    tx,
    forceId,
    postings.map(({ r }) => {
      const p = r.history!.posting!;
      const personId = people.get(r.history!.personKey)!.id;
      return {
        personId,
        rank: p.rank,
        role: p.role,
        unitId: units.ids.get(p.unitKey)!,
        validFrom: p.validFrom,
        validTo: p.validTo,
      };
    }),
  );
  postings.forEach(({ i }, n) => {
    if (postedNow[n]) status[i] = 'imported';
  });
  created.postings += postedNow.filter(Boolean).length;
  const numbered = firstBy(
    known.filter(({ r }) => r.history!.identifier),
    ({ r }) => {
      const n = r.history!.identifier!;
      return JSON.stringify([r.history!.personKey, n.kind, n.value, n.validFrom, n.validTo]);
    },
  );
  const numberedNow = await insertNewIdentifiers(
    tx,
    forceId,
    numbered.map(({ r }) => ({ ...r.history!.identifier!, personId: people.get(r.history!.personKey)!.id })),
  );
  numbered.forEach(({ i }, n) => {
    if (numberedNow[n]) status[i] = 'imported';
  });
  created.identifiers += numberedNow.filter(Boolean).length;
}

const unique = (values: string[]): string[] => [...new Set(values)];
