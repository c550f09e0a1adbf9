import type { IsoDate } from '../../lib/dates.ts';
import { constantOrLookup, type Fields, type HeaderCompiler, type Note, type Reject } from './header-compiler.ts';
import type { PersonSpec } from './mapping-schema.ts';

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
  identifiers: { kind: string; value: string; validFrom: IsoDate; validTo: IsoDate | null }[];
  posting: {
    rank: string;
    role: string;
    unitKey: string;
    unitName: string;
    unitKind: string;
    validFrom: IsoDate;
  } | null;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function compilePerson(
  c: HeaderCompiler,
  spec: PersonSpec,
  path: string,
  source: string,
  unknownValidFrom: IsoDate,
) {
  const key = c.template(spec.key, `${path}.key`);
  const givenName = c.template(spec.givenName, `${path}.givenName`);
  const familyName = c.template(spec.familyName, `${path}.familyName`);
  const personType = constantOrLookup(c, spec.personType, `${path}.personType`);
  const status = constantOrLookup(c, spec.status, `${path}.status`);
  const identifiers = spec.identifiers.map((i, n) => ({
    kind: i.kind,
    value: c.template(i.value, `${path}.identifiers[${n}].value`),
    ignore: new Set(i.ignore),
    validFrom: i.validFrom ? c.template(i.validFrom, `${path}.identifiers[${n}].validFrom`) : () => unknownValidFrom,
    validTo: i.validTo ? c.template(i.validTo, `${path}.identifiers[${n}].validTo`) : () => '',
  }));
  const posting = spec.posting
    ? {
        rank: c.template(spec.posting.rank, `${path}.posting.rank`),
        role: c.template(spec.posting.role ?? spec.posting.rank, `${path}.posting.role`),
        unit: c.template(spec.posting.unit, `${path}.posting.unit`),
        unitKind: spec.posting.unitKind,
        validFrom: spec.posting.validFrom
          ? c.template(spec.posting.validFrom, `${path}.posting.validFrom`)
          : () => unknownValidFrom,
      }
    : null;

  return (fields: Fields, reject: Reject, note: Note): PersonRecord | null => {
    const k = key(fields);
    const family = familyName(fields);
    if (!k) reject('the person key is empty');
    if (!family) reject('the family name is empty');
    const type = personType(fields, note, reject, 'person type');
    const st = status(fields, note, reject, 'person status');
    const numbers: PersonRecord['identifiers'] = [];
    for (const i of identifiers) {
      const value = i.value(fields);
      if (i.ignore.has(value)) continue;
      const from = i.validFrom(fields) || unknownValidFrom;
      const to = i.validTo(fields) || null;
      if (!ISO.test(from) || (to !== null && !ISO.test(to))) {
        reject(`the ${i.kind} number's dates must be YYYY-MM-DD`);
        continue;
      }
      numbers.push({ kind: i.kind, value, validFrom: from, validTo: to });
    }
    let post: PersonRecord['posting'] = null;
    if (posting) {
      const unitName = posting.unit(fields);
      const rank = posting.rank(fields);
      const validFrom = posting.validFrom(fields) || unknownValidFrom;
      if (!ISO.test(validFrom)) reject("the posting's valid-from date must be YYYY-MM-DD");
      if (unitName && rank)
        post = {
          rank,
          role: posting.role(fields) || rank,
          unitKey: `${source}:unit:${unitName}`,
          unitName,
          unitKind: posting.unitKind,
          validFrom,
        };
    }
    if (!k || !family || !type || !st) return null;
    return {
      key: `${source}:${k}`,
      givenName: givenName(fields),
      familyName: family,
      personType: type,
      status: st,
      identifiers: numbers,
      posting: post,
    };
  };
}
