import type { IsoDate } from '../../kernel/time/dates.ts';
import {
  constantOrLookup,
  optionalDate,
  type Fields,
  type HeaderCompiler,
  type Note,
  type Reject,
} from './header-compiler.ts';
import type { ComplainantSpec, ComplaintSpec } from './mapping-schema.ts';

/**
 * Rows of a file of complaints and of a file of complainants (Police Reform Act 2002 Sch 3), mapped to
 * records; the database decides later what exists already (load-complaints.ts).
 */
export type ComplaintRecord = {
  key: string;
  reference: string;
  receivedOn: IsoDate;
  channel: string;
  summary: string;
  /** A complaint status, or `by_case`: from the linked conduct case when the row is loaded. */
  status: string;
  /** The linked conduct case's source key, or null. */
  caseKey: string | null;
  closedOn: IsoDate | null;
  source: Record<string, string>;
};
export type ComplainantRecord = {
  key: string;
  complaintKey: string;
  name: string;
  basis: string;
  sex: string | null;
  ethnicity: string | null;
  age: number | null;
};

type Compiled<T> = (fields: Fields, reject: Reject, note: Note) => T | null;

export function compileComplaint(
  c: HeaderCompiler,
  spec: ComplaintSpec,
  path: string,
  source: string,
  dateFormats: readonly string[],
  today: IsoDate,
): Compiled<ComplaintRecord> {
  const key = c.template(spec.key, `${path}.key`);
  const reference = c.template(spec.reference, `${path}.reference`);
  const summary = c.template(spec.summary, `${path}.summary`);
  const received = optionalDate(c, spec.receivedOn, `${path}.receivedOn`, dateFormats);
  const closed = spec.closedOn ? optionalDate(c, spec.closedOn, `${path}.closedOn`, dateFormats) : null;
  const channel = constantOrLookup(c, spec.channel, `${path}.channel`);
  const status = spec.status === 'by_case' ? null : constantOrLookup(c, spec.status, `${path}.status`);
  const caseKey = spec.case ? c.template(spec.case, `${path}.case`) : null;
  const keep = spec.keep.map((name, i) => [name, c.column(name, `${path}.keep[${i}]`)] as const);
  return (fields, reject, note) => {
    const k = key(fields);
    const ref = reference(fields);
    if (!k) reject('the complaint key is empty');
    if (!ref) reject('the complaint reference is empty');
    const receivedOn = received(fields, reject);
    if (!receivedOn) reject(`${spec.receivedOn.column} (the day the complaint was received) is empty or not a date`);
    else if (receivedOn > today) reject(`the date ${receivedOn} is in the future`);
    const closedOn = closed ? closed(fields, reject) : null;
    if (closedOn && receivedOn && closedOn < receivedOn)
      reject(`the closing date ${closedOn} is before the complaint was received (${receivedOn})`);
    const ch = channel(fields, note, reject, 'channel');
    const st = status ? status(fields, note, reject, 'complaint status') : 'by_case';
    if (!k || !ref || !receivedOn || !ch || !st) return null;
    const kept: Record<string, string> = {};
    for (const [name, i] of keep) kept[name] = fields[i] ?? '';
    const linked = caseKey ? caseKey(fields) : '';
    return {
      key: `${source}:${k}`,
      reference: ref,
      receivedOn,
      channel: ch,
      summary: summary(fields),
      status: st,
      caseKey: linked ? `${source}:${linked}` : null,
      closedOn,
      source: kept,
    };
  };
}

export function compileComplainant(
  c: HeaderCompiler,
  spec: ComplainantSpec,
  path: string,
  source: string,
): Compiled<ComplainantRecord> {
  const complaint = c.template(spec.complaint, `${path}.complaint`);
  const key = c.template(spec.key, `${path}.key`);
  const name = c.template(spec.name, `${path}.name`);
  const basis = constantOrLookup(c, spec.basis, `${path}.basis`);
  const sex = spec.sex ? constantOrLookup(c, spec.sex, `${path}.sex`) : null;
  const ethnicity = spec.ethnicity ? constantOrLookup(c, spec.ethnicity, `${path}.ethnicity`) : null;
  const age = spec.age ? c.column(spec.age.column, `${path}.age.column`) : null;
  const ignoreAge = new Set(spec.age?.ignore ?? []);
  return (fields, reject, note) => {
    const ck = complaint(fields);
    const k = key(fields);
    const n = name(fields);
    if (!ck) reject("the complaint's key is empty");
    if (!k) reject("the complainant's key is empty");
    if (!n) reject("the complainant's name is empty");
    const b = basis(fields, note, reject, 'basis');
    const s = sex ? sex(fields, note, reject, 'sex') : null;
    const e = ethnicity ? ethnicity(fields, note, reject, 'ethnicity') : null;
    const text = age === null ? '' : (fields[age] ?? '');
    const years = age === null || ignoreAge.has(text) ? null : readAge(text, spec.age!.column, reject);
    if (!ck || !k || !n || !b || (sex && !s) || (ethnicity && !e) || years === undefined) return null;
    return {
      key: `${source}:${ck}/${k}`,
      complaintKey: `${source}:${ck}`,
      name: n,
      basis: b,
      sex: s,
      ethnicity: e,
      age: years,
    };
  };
}

/** Whole years 0–120 ("21" or "21.0"); empty is null (not recorded); anything else rejects (undefined). */
function readAge(text: string, column: string, reject: Reject): number | null | undefined {
  if (text === '') return null;
  const m = /^(\d{1,3})(?:\.0+)?$/.exec(text);
  const years = m ? Number(m[1]) : NaN;
  if (Number.isInteger(years) && years <= 120) return years;
  reject(`"${text}" in ${column} is not an age in whole years (0 to 120)`);
  return undefined;
}
