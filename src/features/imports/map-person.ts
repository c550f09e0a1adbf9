import type { IsoDate } from '../../kernel/time/dates.ts';
import {
  constantOrLookup,
  optionalDate,
  type Fields,
  type HeaderCompiler,
  type Note,
  type Reject,
} from './header-compiler.ts';
import type { PersonSpec } from './mapping-schema.ts';
import { compileDateFormats } from './source-dates.ts';

type IdentifierSpec = PersonSpec['identifiers'][number];
type PostingSpec = NonNullable<PersonSpec['posting']>;

/**
 * A people row: the person, their numbers and their posting. Numbers and postings whose start the source
 * does not know get the mapping's `unknownValidFrom` (1900-01-01 by default: "held since an unknown date")
 * and stay open-ended (valid_to null), documented in docs/import.md.
 */
export type PersonRecord = {
  key: string;
  givenName: string;
  familyName: string;
  personType: string;
  status: string;
  sex: string | null;
  ethnicity: string | null;
  dateOfBirth: IsoDate | null;
  serviceStart: IsoDate | null;
  serviceEnd: IsoDate | null;
  identifiers: { kind: string; value: string; validFrom: IsoDate; validTo: IsoDate | null }[];
  posting: {
    rank: string;
    role: string;
    unitKey: string;
    unitName: string;
    unitKind: string;
    validFrom: IsoDate;
    validTo: IsoDate | null;
  } | null;
};

export type IdentifierRecord = PersonRecord['identifiers'][number];
export type PostingRecord = NonNullable<PersonRecord['posting']>;
type Dates = { unknownValidFrom: IsoDate; dateFormats: readonly string[] };

/** A number with the period it was held: null when the value means "no number". */
export function compileIdentifier(c: HeaderCompiler, spec: IdentifierSpec, path: string, dates: Dates) {
  const value = c.template(spec.value, `${path}.value`);
  const ignore = new Set(spec.ignore);
  const from = spec.validFrom ? c.template(spec.validFrom, `${path}.validFrom`) : () => '';
  const to = spec.validTo ? c.template(spec.validTo, `${path}.validTo`) : () => '';
  const parse = compileDateFormats([...dates.dateFormats, 'YYYY-MM-DD']);
  return (fields: Fields, reject: Reject): IdentifierRecord | null => {
    const v = value(fields);
    if (ignore.has(v)) return null;
    const validFrom = readDate(from(fields), parse, dates.unknownValidFrom);
    const validTo = readDate(to(fields), parse, null);
    if (validFrom === undefined || validTo === undefined) {
      reject(
        `the ${spec.kind} number's dates must be dates in the format ${[...dates.dateFormats, 'YYYY-MM-DD'].join(' or ')}`,
      );
      return null;
    }
    if (validTo !== null && validTo < validFrom) {
      reject(`the ${spec.kind} number ends (${validTo}) before it starts (${validFrom})`);
      return null;
    }
    return { kind: spec.kind, value: v, validFrom, validTo };
  };
}

/** A posting: a unit (created once per name under the force's top unit), a rank and the period held. */
export function compilePosting(c: HeaderCompiler, spec: PostingSpec, path: string, source: string, dates: Dates) {
  const rank = c.template(spec.rank, `${path}.rank`);
  const role = c.template(spec.role ?? spec.rank, `${path}.role`);
  const unit = c.template(spec.unit, `${path}.unit`);
  const from = spec.validFrom ? c.template(spec.validFrom, `${path}.validFrom`) : () => '';
  const to = spec.validTo ? c.template(spec.validTo, `${path}.validTo`) : () => '';
  const parse = compileDateFormats([...dates.dateFormats, 'YYYY-MM-DD']);
  return (fields: Fields, reject: Reject): PostingRecord | null => {
    const unitName = unit(fields);
    const r = rank(fields);
    const validFrom = readDate(from(fields), parse, dates.unknownValidFrom);
    const validTo = readDate(to(fields), parse, null);
    if (validFrom === undefined || validTo === undefined) {
      reject(`the posting's dates must be dates in the format ${[...dates.dateFormats, 'YYYY-MM-DD'].join(' or ')}`);
      return null;
    }
    if (validTo !== null && validTo < validFrom) {
      reject(`the posting ends (${validTo}) before it starts (${validFrom})`);
      return null;
    }
    if (!unitName || !r) return null;
    return {
      rank: r,
      role: role(fields) || r,
      unitKey: `${source}:unit:${unitName}`,
      unitName,
      unitKind: spec.unitKind,
      validFrom,
      validTo,
    };
  };
}

/** An empty text is the fallback; a date is read; anything else is undefined (refused). */
function readDate<F extends IsoDate | null>(
  text: string,
  parse: (t: string) => IsoDate | null,
  fallback: F,
): IsoDate | F | undefined {
  if (!text) return fallback;
  return parse(text) ?? undefined;
}

export function compilePerson(c: HeaderCompiler, spec: PersonSpec, path: string, source: string, dates: Dates) {
  const key = c.template(spec.key, `${path}.key`);
  const givenName = c.template(spec.givenName, `${path}.givenName`);
  const familyName = c.template(spec.familyName, `${path}.familyName`);
  const personType = constantOrLookup(c, spec.personType, `${path}.personType`);
  const status = constantOrLookup(c, spec.status, `${path}.status`);
  const sex = spec.sex ? constantOrLookup(c, spec.sex, `${path}.sex`) : null;
  const ethnicity = spec.ethnicity ? constantOrLookup(c, spec.ethnicity, `${path}.ethnicity`) : null;
  const born = spec.dateOfBirth ? optionalDate(c, spec.dateOfBirth, `${path}.dateOfBirth`, dates.dateFormats) : null;
  const start = spec.serviceStart
    ? optionalDate(c, spec.serviceStart, `${path}.serviceStart`, dates.dateFormats)
    : null;
  const end = spec.serviceEnd ? optionalDate(c, spec.serviceEnd, `${path}.serviceEnd`, dates.dateFormats) : null;
  const identifiers = spec.identifiers.map((i, n) => compileIdentifier(c, i, `${path}.identifiers[${n}]`, dates));
  const posting = spec.posting ? compilePosting(c, spec.posting, `${path}.posting`, source, dates) : null;

  return (fields: Fields, reject: Reject, note: Note): PersonRecord | null => {
    const k = key(fields);
    const family = familyName(fields);
    if (!k) reject('the person key is empty');
    if (!family) reject('the family name is empty');
    const type = personType(fields, note, reject, 'person type');
    const st = status(fields, note, reject, 'person status');
    const sx = sex ? sex(fields, note, reject, 'sex') : null;
    const eth = ethnicity ? ethnicity(fields, note, reject, 'ethnicity') : null;
    const numbers: PersonRecord['identifiers'] = [];
    for (const i of identifiers) {
      const n = i(fields, reject);
      if (n) numbers.push(n);
    }
    const serviceStart = start ? start(fields, reject) : null;
    const serviceEnd = end ? end(fields, reject) : null;
    if (serviceStart && serviceEnd && serviceEnd < serviceStart)
      reject(`service ends (${serviceEnd}) before it starts (${serviceStart})`);
    if (!k || !family || !type || !st) return null;
    return {
      key: `${source}:${k}`,
      givenName: givenName(fields),
      familyName: family,
      personType: type,
      status: st,
      sex: sx,
      ethnicity: eth,
      dateOfBirth: born ? born(fields, reject) : null,
      serviceStart,
      serviceEnd,
      identifiers: numbers,
      posting: posting ? posting(fields, reject) : null,
    };
  };
}
