import { z } from 'zod';

/**
 * The audit events of imports and exports, owned by this feature and joined into the one typed union in
 * audit/audit-events.ts. Adding an event here needs its words in {@link summariseImportEvent}.
 * An import is audited as one event per committed batch (never one per record, never silently); an export
 * names what was exported and how many rows the user's need-to-know let out.
 */
const count = z.number().int();

export const importAuditEvents = [
  z.object({
    type: z.literal('import.batch'),
    importId: z.string(),
    mapping: z.string(),
    batch: count,
    file: z.string(),
    rows: count,
    imported: count,
    duplicates: count,
    rejected: count,
    people: count,
    cases: count,
    subjects: count,
    allegations: count,
    /** Early-intervention signals written by a `signal` entry (absent when none). */
    signals: count.optional(),
  }),
  z.object({
    type: z.literal('export.written'),
    what: z.enum(['people', 'cases', 'allegations']),
    rows: count,
    destination: z.string(),
  }),
] as const;

export type ImportAuditEvent = z.infer<(typeof importAuditEvents)[number]>;

export function summariseImportEvent(e: ImportAuditEvent): string {
  switch (e.type) {
    case 'import.batch':
      return `Imported batch ${e.batch} (${e.mapping}, ${e.file}): ${e.rows} rows, ${e.people} people, ${e.cases} cases, ${e.allegations} allegations${e.signals ? `, ${e.signals} early-intervention signals` : ''}${e.rejected ? `, ${e.rejected} rows rejected` : ''}`;
    case 'export.written':
      return `Exported ${e.rows} ${e.what} as CSV to ${e.destination}`;
    default: {
      const unhandled: never = e;
      return String(unhandled);
    }
  }
}
