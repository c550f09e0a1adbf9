import type { IsoDate } from '../../kernel/time/dates.ts';
import type { HeaderCompiler, Fields, Reject } from './header-compiler.ts';
import { compileRequiredDate } from './map-allegation.ts';
import type { SignalSpec } from './mapping-schema.ts';

/** One early-intervention signal from a row: a person imported before, a kind, a day, a category, its key. */
export type SignalRecord = {
  personKey: string;
  kind: string;
  occurredOn: IsoDate;
  category: string | null;
  key: string;
  details: Record<string, string>;
};

/** Compiles a `signal` entry against a file's header; the row function rejects with the reason (pure). */
export function compileSignal(
  c: HeaderCompiler,
  spec: SignalSpec,
  path: string,
  source: string,
  dateFormats: readonly string[],
  today: IsoDate,
) {
  const personKey = c.template(spec.person, `${path}.person`);
  const key = c.template(spec.key, `${path}.key`);
  const category = spec.category ? c.template(spec.category, `${path}.category`) : null;
  const date = compileRequiredDate(c, spec.occurredOn, `${path}.occurredOn`, dateFormats);
  const keep = spec.keep.map((name, i) => [name, c.column(name, `${path}.keep[${i}]`)] as const);
  return (fields: Fields, reject: Reject): SignalRecord | null => {
    const p = personKey(fields);
    const k = key(fields);
    const day = date(fields);
    if (!p) reject('the person key is empty');
    if (!k) reject('the signal key is empty');
    if (!day.value) reject(day.problem);
    else if (day.value > today) reject(`the date ${day.value} is in the future`);
    if (!p || !k || !day.value || day.value > today) return null;
    const details: Record<string, string> = {};
    for (const [name, i] of keep) details[name] = fields[i] ?? '';
    return {
      personKey: `${source}:${p}`,
      kind: spec.kind,
      occurredOn: day.value,
      category: category ? category(fields) || null : null,
      key: `${source}:${spec.kind}:${k}`,
      details,
    };
  };
}
