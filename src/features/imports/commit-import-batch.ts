import type { Deps } from '../../kernel/deps.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { insertRejects, recordBatch, type ImportRunRow } from './import-runs.repository.ts';
import { loadBatch, type Created } from './load-batch.ts';
import type { LoadedMapping } from './load-mapping.ts';
import type { MappedRow } from './map-row.ts';

export type RunState = { batches: number; created: Created; unmapped: Record<string, Record<string, number>> };

/** One batch, all or nothing: records, rejects, the run's position and counts, and the audit event. */
export async function commitBatch(
  deps: Deps,
  run: ImportRunRow,
  loaded: LoadedMapping,
  file: { index: number; name: string; row: number },
  rows: MappedRow[],
  state: RunState,
): Promise<void> {
  const next = { batches: state.batches + 1, created: { ...state.created }, unmapped: structuredClone(state.unmapped) };
  await deps.db.transaction(async (tx) => {
    const outcome = await loadBatch(tx, run.forceId, loaded.mapping.name, rows);
    const count = (s: string) => outcome.status.filter((x) => x === s).length;
    for (const [k, v] of Object.entries(outcome.created)) next.created[k as keyof Created] += v;
    for (const row of rows) {
      for (const n of row.unmapped) {
        const map = n.rejected ? n.map : `${n.map} (mapped by otherwise)`;
        const values = (next.unmapped[map] ??= {});
        values[n.value] = (values[n.value] ?? 0) + 1;
      }
    }
    const rejects = rows.flatMap((r, i) =>
      outcome.status[i] === 'rejected'
        ? [
            {
              fileIndex: file.index,
              line: r.line,
              fileName: file.name,
              reason: outcome.reasons[i] ?? 'rejected',
              raw: r.raw,
            },
          ]
        : [],
    );
    await insertRejects(tx, run.forceId, run.id, rejects);
    const counts = {
      rows: rows.length,
      imported: count('imported'),
      duplicates: count('duplicate'),
      rejected: rejects.length,
    };
    await recordBatch(tx, run.forceId, run.id, {
      fileIndex: file.index,
      fileRow: file.row,
      ...counts,
      created: next.created,
      unmapped: next.unmapped,
    });
    await recordAudit(
      tx,
      systemActor('probity import', run.forceId),
      { type: 'import_run', id: run.id },
      {
        type: 'import.batch',
        importId: run.id,
        mapping: loaded.mapping.name,
        batch: next.batches,
        file: file.name,
        ...counts,
        people: outcome.created.people,
        cases: outcome.created.cases,
        subjects: outcome.created.subjects,
        allegations: outcome.created.allegations,
        ...(outcome.created.signals ? { signals: outcome.created.signals } : {}),
      },
    );
  });
  Object.assign(state, next);
}
