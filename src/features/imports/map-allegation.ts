import type { IsoDate } from '../../kernel/time/dates.ts';
import type { ProceedingsForm, Sanction } from '../misconduct/index.ts';
import { regimeFor } from '../../kernel/time/regime.ts';
import {
  constantOrLookup,
  HeaderCompiler,
  optionalDate,
  type Fields,
  type Note,
  type Reject,
} from './header-compiler.ts';
import { outcomeTakesSanction, type ResolvedOutcome } from './import-outcomes.ts';
import type { AllegationSpec, Mapping } from './mapping-schema.ts';
import { compileDateFormats } from './source-dates.ts';
import type { DateSpec } from './mapping-value-schemas.ts';

/**
 * An allegation row with its case through the mapping: the case (its date of coming to attention, with a
 * coarser fallback column), the category and outcome value maps, the sanction, the closing dates. Pure.
 */
export type CaseRecord = {
  key: string;
  reference: string;
  cameToAttentionOn: IsoDate;
  regimeVersion: string;
  source: string;
  caseType: string;
  summary: string;
  /** From the mapping's case.closedOn; null: the latest closing date of its allegations, if any. */
  closedOn: IsoDate | null;
};
export type AllegationRecord = {
  key: string;
  personKey: string;
  case: CaseRecord;
  categoryCode: string;
  standards: string[];
  description: string;
  outcome: ResolvedOutcome;
  /** The day it was finalised, when the source says (closing event of the imported track). */
  closedOn: IsoDate | null;
  /** The source's own words for the outcome, shown beside Probity's mapped outcome. */
  sourceOutcome: string | null;
  /** The source words kept as they were (the mapping's `keep` columns). */
  source: Record<string, string>;
};

export function compileAllegation(
  c: HeaderCompiler,
  spec: AllegationSpec,
  path: string,
  mapping: Mapping,
  source: string,
  today: IsoDate,
) {
  const key = c.template(spec.key, `${path}.key`);
  const personKey = c.template(spec.person, `${path}.person`);
  const description = c.template(spec.description, `${path}.description`);
  const caseKey = c.template(spec.case.key, `${path}.case.key`);
  const reference = c.template(spec.case.reference, `${path}.case.reference`);
  const summary = c.template(spec.case.summary, `${path}.case.summary`);
  const date = compileRequiredDate(c, spec.case.cameToAttention, `${path}.case.cameToAttention`, mapping.dateFormats);
  const caseSource = constantOrLookup(c, spec.case.source, `${path}.case.source`);
  const caseType = constantOrLookup(c, spec.case.caseType, `${path}.case.caseType`);
  const category = c.valueMap(spec.category, `${path}.category`, (t) =>
    typeof t === 'string' ? { code: t, standards: spec.category.standards } : t,
  );
  const outcome = c.valueMap(spec.outcome, `${path}.outcome`, (t) => (typeof t === 'string' ? { outcome: t } : t));
  const sanctionMap = spec.outcome.sanction
    ? c.valueMap(spec.outcome.sanction, `${path}.outcome.sanction`, (t) => t)
    : null;
  const keep = spec.keep.map((name, i) => [name, c.column(name, `${path}.keep[${i}]`)] as const);
  const closedOn = spec.closedOn ? optionalDate(c, spec.closedOn, `${path}.closedOn`, mapping.dateFormats) : null;
  const caseClosedOn = spec.case.closedOn
    ? optionalDate(c, spec.case.closedOn, `${path}.case.closedOn`, mapping.dateFormats)
    : null;
  const sourceOutcome = spec.sourceOutcome ? c.template(spec.sourceOutcome, `${path}.sourceOutcome`) : null;
  const regime = spec.case.regimeVersion;

  return (fields: Fields, reject: Reject, note: Note): AllegationRecord | null => {
    const k = key(fields);
    const p = personKey(fields);
    const ck = caseKey(fields);
    if (!k) reject('the allegation key is empty');
    if (!p) reject('the subject (person key) is empty');
    if (!ck) reject('the case key is empty');
    const cameToAttentionOn = date(fields);
    if (!cameToAttentionOn.value) reject(cameToAttentionOn.problem);
    else if (cameToAttentionOn.value > today) reject(`the date ${cameToAttentionOn.value} is in the future`);
    const src = caseSource(fields, note, reject, 'case source');
    const type = caseType(fields, note, reject, 'case type');
    const cat = category(fields);
    if (cat.unmapped !== null) note('category', cat.unmapped, cat.value === null);
    if (cat.value === null) reject(`unmapped category "${cat.unmapped}"`);
    const out = outcome(fields);
    if (out.unmapped !== null) note('outcome', out.unmapped, out.value === null);
    if (out.value === null) reject(`unmapped outcome "${out.unmapped}"`);
    let sanction: Sanction | null = null;
    if (out.value && outcomeTakesSanction(out.value.outcome)) {
      const given = out.value.sanction ?? lookupSanction(sanctionMap, fields, note, reject);
      sanction = given && given !== 'none' ? given : null;
    }
    const closed = closedOn ? closedOn(fields, reject) : null;
    const caseClosed = caseClosedOn ? caseClosedOn(fields, reject) : null;
    for (const [what, d] of [
      ['closing date', closed],
      ["case's closing date", caseClosed],
    ] as const) {
      if (d && d > today) reject(`the ${what} ${d} is in the future`);
      else if (d && cameToAttentionOn.value && d < cameToAttentionOn.value)
        reject(`the ${what} ${d} is before the case came to attention (${cameToAttentionOn.value})`);
    }
    if (!k || !p || !ck || !cameToAttentionOn.value || !src || !type || !cat.value || !out.value) return null;
    const kept: Record<string, string> = {};
    for (const [name, i] of keep) kept[name] = fields[i] ?? '';
    const form: ProceedingsForm = out.value.form ?? spec.outcome.form;
    return {
      key: `${source}:${k}`,
      personKey: `${source}:${p}`,
      case: {
        key: `${source}:${ck}`,
        reference: reference(fields),
        cameToAttentionOn: cameToAttentionOn.value,
        // The regime fixed by the date, as openCase does (regimeFor), unless the mapping names one for the source.
        regimeVersion: regime === 'by_date' ? regimeFor(cameToAttentionOn.value) : regime,
        source: src,
        caseType: type,
        summary: summary(fields),
        closedOn: caseClosed,
      },
      categoryCode: cat.value.code,
      standards: cat.value.standards,
      description: description(fields),
      outcome: { outcome: out.value.outcome, form, sanction },
      // An open allegation has no closing date, whatever the source's column says.
      closedOn: out.value.outcome === 'open' ? null : closed,
      sourceOutcome: sourceOutcome ? sourceOutcome(fields) || null : null,
      source: kept,
    };
  };
}

function lookupSanction(
  map: ReturnType<HeaderCompiler['valueMap']> | null,
  fields: Fields,
  note: Note,
  reject: Reject,
): Sanction | 'none' | null {
  if (!map) return 'none';
  const found = map(fields);
  if (found.unmapped !== null) note('outcome.sanction', found.unmapped, found.value === null);
  if (found.value === null) {
    reject(`unmapped sanction "${found.unmapped}"`);
    return null;
  }
  return found.value as Sanction | 'none';
}

/** A date a row must have (a case's came-to-attention day, a signal's day), with its optional fallback column. */
export function compileRequiredDate(c: HeaderCompiler, d: DateSpec, path: string, dateFormats: readonly string[]) {
  const column = c.column(d.column, `${path}.column`);
  const parse = compileDateFormats(d.formats ?? dateFormats);
  const fallback = d.fallback
    ? {
        column: c.column(d.fallback.column, `${path}.fallback.column`),
        pattern: safeRegex(c, d.fallback.pattern, `${path}.fallback.pattern`),
        parse: compileDateFormats([d.fallback.format]),
      }
    : null;
  return (fields: Fields): { value: IsoDate; problem: '' } | { value: null; problem: string } => {
    const text = fields[column] ?? '';
    if (text) {
      const value = parse(text);
      return value
        ? { value, problem: '' }
        : {
            value: null,
            problem: `"${text}" in ${d.column} is not a date in the format ${(d.formats ?? dateFormats).join(' or ')}`,
          };
    }
    if (!fallback) return { value: null, problem: `${d.column} is empty` };
    const from = fields[fallback.column] ?? '';
    const captured = fallback.pattern?.exec(from)?.[1] ?? null;
    const value = captured ? fallback.parse(captured) : null;
    return value
      ? { value, problem: '' }
      : { value: null, problem: `${d.column} is empty and no date could be read from ${d.fallback?.column} "${from}"` };
  };
}

function safeRegex(c: HeaderCompiler, pattern: string, path: string): RegExp | null {
  try {
    const re = new RegExp(pattern);
    if (!/\((?!\?)/.test(pattern)) c.errors[path] ??= 'needs one capture group ( … ) around the date';
    return re;
  } catch (err) {
    c.errors[path] ??= `is not a valid pattern: ${(err as Error).message}`;
    return null;
  }
}
