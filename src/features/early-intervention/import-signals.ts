import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { BUILT_IN_KINDS, insertEvents, resolvePerson } from './signals.repository.ts';

/** A kind is data: lower-case words joined by _, never one of the kinds Probity derives itself. */
export const signalKind = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, 'A signal kind is lower-case letters, digits and _, e.g. use_of_force')
  .refine(
    (k) => !Object.hasOwn(BUILT_IN_KINDS, k),
    'This kind is derived from Probity’s own records; choose another name',
  );

const row = z.object({
  line: z.number().int(),
  identifier: z.string().trim().max(60).optional(),
  personKey: z.string().trim().max(200).optional(),
  occurredOn: isoDateString('Enter the date as YYYY-MM-DD'),
  category: z.string().trim().max(120).nullable().default(null),
  sourceKey: z.string().trim().min(1).max(300),
  details: z.record(z.string(), z.string()).default({}),
});

/** The source line of a row (the mapping gives it), else its place in the list. */
const lineOf = (raw: unknown, fallback: number): number => {
  const line = (raw as { line?: unknown } | null)?.line;
  return typeof line === 'number' ? line : fallback;
};

export type SignalImportResult = {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
};

/**
 * Loads signals of one kind from a force's other system (use of force, sickness, pursuits …). The person is
 * found by a number they held on the day, or by their import source key; a row naming nobody, or more than
 * one person, is rejected with its line. Idempotent by source key. One audit event for the load.
 */
export async function importSignals(
  deps: Deps,
  actor: AuditActor,
  input: { forceId: string; kind: string; source: string; rows: unknown[] },
): Promise<SignalImportResult> {
  const kind = parseInput(signalKind, input.kind, 'Check the signal kind');
  return deps.db.transaction(async (tx) => {
    const rejected: { line: number; reason: string }[] = [];
    const ready = [];
    for (const [i, raw] of input.rows.entries()) {
      const parsed = row.safeParse(raw);
      if (!parsed.success) {
        rejected.push({
          line: lineOf(raw, i + 1),
          reason: parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '),
        });
        continue;
      }
      const r = parsed.data;
      const personId = await resolvePerson(tx, input.forceId, {
        identifier: r.identifier,
        personKey: r.personKey,
        on: r.occurredOn,
      });
      if (!personId) {
        rejected.push({ line: r.line, reason: 'no single person holds this number (or key) on the day' });
        continue;
      }
      ready.push({
        forceId: input.forceId,
        personId,
        kind,
        occurredOn: r.occurredOn,
        category: r.category,
        source: input.source,
        sourceKey: `${input.source}:${r.sourceKey}`,
        details: r.details,
      });
    }
    if (ready.length === 0 && rejected.length === 0) throw new AppError('validation', 'There are no rows to import');
    const inserted = await insertEvents(tx, ready);
    await recordAudit(
      tx,
      { ...actor, forceId: input.forceId },
      { type: 'ei_events', id: input.forceId },
      { type: 'ei.events_imported', kind, inserted },
    );
    return { read: input.rows.length, inserted, duplicates: ready.length - inserted, rejected };
  });
}
