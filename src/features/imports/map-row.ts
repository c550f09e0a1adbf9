import { AppError } from '../../kernel/errors.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { HeaderCompiler, type Fields, type Reject } from './header-compiler.ts';
import { noLookups, type LookupTables } from './lookup-tables.ts';
import type { FileSpec, HistorySpec, Mapping } from './mapping-schema.ts';
import { compileAllegation, type AllegationRecord } from './map-allegation.ts';
import { compileComplainant, compileComplaint, type ComplainantRecord, type ComplaintRecord } from './map-complaint.ts';
import { compileSignal, type SignalRecord } from './map-signal.ts';
import {
  compileIdentifier,
  compilePerson,
  compilePosting,
  type IdentifierRecord,
  type PersonRecord,
  type PostingRecord,
} from './map-person.ts';

/** A history row: a posting or a number added to a person imported before. */
export type HistoryRecord = {
  personKey: string;
  posting: PostingRecord | null;
  identifier: IdentifierRecord | null;
};
export type UnmappedNote = { map: string; value: string; rejected: boolean };
/**
 * One source row through a file's part of the mapping: a person, an allegation (with its case), both, or a
 * rejection with its reason. Pure: the database decides later only what already exists.
 */
export type MappedRow = {
  line: number;
  raw: string;
  person: PersonRecord | null;
  allegation: AllegationRecord | null;
  history: HistoryRecord | null;
  complaint: ComplaintRecord | null;
  complainant: ComplainantRecord | null;
  signal: SignalRecord | null;
  rejected: string | null;
  unmapped: UnmappedNote[];
};
export type RowMapper = (fields: Fields, line: number, raw: string) => MappedRow;
export type { PersonRecord } from './map-person.ts';

/** Thrown as an AppError naming every place where the mapping does not fit the file's header. */
export function compileFile(
  mapping: Mapping,
  specIndex: number,
  fileName: string,
  header: readonly string[],
  today: IsoDate,
  lookups: LookupTables = noLookups(),
): RowMapper {
  return compileFileWithColumns(mapping, specIndex, fileName, header, today, lookups).mapRow;
}

/**
 * The row mapper and the lookup columns it reads (so that only those are held in memory). Thrown as an
 * AppError naming every place where the mapping does not fit the file's header or its lookups.
 */
export function compileFileWithColumns(
  mapping: Mapping,
  specIndex: number,
  fileName: string,
  header: readonly string[],
  today: IsoDate,
  lookups: LookupTables,
): { mapRow: RowMapper; lookupColumns: { lookup: string; column: string }[] } {
  const spec: FileSpec | undefined = mapping.files[specIndex];
  if (!spec) throw new Error(`the mapping has no file entry ${specIndex}`);
  const c = new HeaderCompiler(fileName, header, mapping.transforms, lookups.headers);
  const source = mapping.source ?? mapping.name;
  const base = `files[${specIndex}]`;
  const dates = { unknownValidFrom: mapping.unknownValidFrom, dateFormats: mapping.dateFormats };
  const person = spec.person ? compilePerson(c, spec.person, `${base}.person`, source, dates) : null;
  const allegation = spec.allegation
    ? compileAllegation(c, spec.allegation, `${base}.allegation`, mapping, source, today)
    : null;
  const history = spec.history ? compileHistory(c, spec.history, `${base}.history`, source, dates) : null;
  const complaint = spec.complaint
    ? compileComplaint(c, spec.complaint, `${base}.complaint`, source, mapping.dateFormats, today)
    : null;
  const complainant = spec.complainant ? compileComplainant(c, spec.complainant, `${base}.complainant`, source) : null;
  const signal = spec.signal
    ? compileSignal(c, spec.signal, `${base}.signal`, source, mapping.dateFormats, today)
    : null;
  // The lookups this file's entry reads, each with the key this file's row gives (`lookups.<name>.from`).
  const joins = unique(c.virtual.map((v) => v.lookup)).map((name) => ({
    name,
    from: c.template(mapping.lookups[name]!.from, `lookups.${name}.from (reading ${fileName})`),
    missing: mapping.lookups[name]!.missing,
    columns: c.virtual.map((v, i) => ({ ...v, at: i })).filter((v) => v.lookup === name),
  }));
  if (Object.keys(c.errors).length > 0)
    throw new AppError('validation', `The mapping ${mapping.name} does not fit ${fileName}`, c.errors);
  const width = header.length;
  const virtualCount = c.virtual.length;
  return {
    lookupColumns: c.virtual,
    mapRow: (source, line, raw) => {
      const row: MappedRow = {
        line,
        raw,
        person: null,
        allegation: null,
        history: null,
        complaint: null,
        complainant: null,
        signal: null,
        rejected: null,
        unmapped: [],
      };
      if (source.length !== width) return { ...row, rejected: `expected ${width} columns, found ${source.length}` };
      let fields: Fields = source;
      if (virtualCount > 0 || c.usesLine) {
        const extended = [...source, String(line), ...new Array<string>(virtualCount).fill('')];
        for (const j of joins) {
          const key = j.from(source);
          const found = lookups.rows?.get(j.name)?.get(key);
          if (!found) {
            if (j.missing === 'reject')
              return { ...row, rejected: `no row of the lookup ${j.name} has the key "${key}"` };
            continue;
          }
          for (const col of j.columns) extended[width + 1 + col.at] = lookups.value(j.name, found, col.column);
        }
        fields = extended;
      }
      const reject = (reason: string) => {
        row.rejected ??= reason;
      };
      const note = (map: string, value: string, rejected: boolean) => row.unmapped.push({ map, value, rejected });
      if (person) row.person = person(fields, reject, note);
      if (allegation) row.allegation = allegation(fields, reject, note);
      if (history) row.history = history(fields, reject);
      if (complaint) row.complaint = complaint(fields, reject, note);
      if (complainant) row.complainant = complainant(fields, reject, note);
      if (signal) row.signal = signal(fields, reject);
      if (row.rejected)
        return {
          ...row,
          person: null,
          allegation: null,
          history: null,
          complaint: null,
          complainant: null,
          signal: null,
        };
      return row;
    },
  };
}

function compileHistory(
  c: HeaderCompiler,
  spec: HistorySpec,
  path: string,
  source: string,
  dates: { unknownValidFrom: IsoDate; dateFormats: readonly string[] },
) {
  const personKey = c.template(spec.person, `${path}.person`);
  const posting = spec.posting ? compilePosting(c, spec.posting, `${path}.posting`, source, dates) : null;
  const identifier = spec.identifier ? compileIdentifier(c, spec.identifier, `${path}.identifier`, dates) : null;
  return (fields: Fields, reject: Reject): HistoryRecord | null => {
    const p = personKey(fields);
    if (!p) reject('the person key is empty');
    const post = posting ? posting(fields, reject) : null;
    const number = identifier ? identifier(fields, reject) : null;
    if (posting && !post) reject('the posting has no unit or no rank');
    if (identifier && !number) reject('the number is empty or one the mapping ignores');
    if (!p) return null;
    return { personKey: `${source}:${p}`, posting: post, identifier: number };
  };
}

const unique = (values: string[]): string[] => [...new Set(values)];
