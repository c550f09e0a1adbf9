import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { openCsv } from '../imports/index.ts';
import { importSignals, type SignalImportResult } from './import-signals.ts';
import { loadSignalMapping, mapSignalRow, missingColumns } from './signal-mapping.ts';

/**
 * `probity ei import --mapping mappings/ei-….yaml --force F file.csv`: reads the CSV (streamed, with the
 * imports feature's reader), maps every row by the mapping file and loads the signals in one transaction.
 * The header is checked against the mapping first: a column it names that the file lacks writes nothing.
 */
export async function importSignalFile(
  deps: Deps,
  actor: AuditActor,
  input: { forceId: string; mappingFile: string; csvFile: string },
): Promise<SignalImportResult & { kind: string }> {
  const mapping = loadSignalMapping(input.mappingFile);
  const csv = await openCsv(input.csvFile, { trim: true });
  try {
    const missing = missingColumns(mapping, csv.header);
    if (missing.length)
      throw new AppError(
        'validation',
        `The file has no column ${missing.join(', ')} (its columns: ${csv.header.join(', ')})`,
      );
    const rows = [];
    for await (const r of csv.rows) {
      const record = Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i] ?? '']));
      rows.push(mapSignalRow(mapping, record, r.line));
    }
    const result = await importSignals(deps, actor, {
      forceId: input.forceId,
      kind: mapping.kind,
      source: mapping.source,
      rows,
    });
    return { ...result, kind: mapping.kind };
  } finally {
    csv.close();
  }
}
