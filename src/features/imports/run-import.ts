import path from 'node:path';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { ukToday, type IsoDate } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { assignAll, type AssignedFile } from './assign-files.ts';
import { commitBatch } from './commit-import-batch.ts';
import { HeaderCompiler } from './header-compiler.ts';
import {
  buildLookupTables,
  noLookups,
  readLookupHeaders,
  type LookupFile,
  type LookupTables,
} from './lookup-tables.ts';
import type { Mapping } from './mapping-schema.ts';
import { fileChecksum, openCsv } from './csv-source.ts';
import { ImportProgress, type ProgressSink } from './import-progress.ts';
import { activeCategoryCodes, findRun, finishRun, forceExists, type RunFile } from './import-runs.repository.ts';
import { checkTaxonomyCodes, loadMappingFile } from './load-mapping.ts';
import { noneCreated, type Created } from './load-batch.ts';
import { compileFile, compileFileWithColumns, type MappedRow } from './map-row.ts';
import { analyseImportedTables } from './import-batch.repository.ts';
import { writeRejectsFile } from './rejects-file.ts';
import { startOrResume } from './start-import-run.ts';

export const runImportInput = z.object({
  forceId: z.string().trim().min(1, 'Give the force to import into'),
  mappingFile: z.string().min(1, 'Give the mapping file'),
  files: z.array(z.string().min(1)).min(1, 'Give at least one CSV file to import'),
  batchSize: z
    .number()
    .int()
    .min(1, 'The batch size must be at least 1')
    .max(100_000, 'The batch size must be at most 100000')
    .optional(),
  rejectsFile: z.string().min(1).optional(),
});

export type ImportSummary = {
  runId: string;
  resumedFrom: { batches: number; file: string | null; row: number } | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  created: Created;
  unmapped: Record<string, Record<string, number>>;
  rejectsFile: string | null;
  seconds: number;
  rowsThisRun: number;
};

/**
 * `probity import`: streams the files through the mapping and loads them in batches, each batch one
 * transaction with its records, its rejects, the run's new position and one 'import.batch' audit event, so a
 * batch is all or nothing. A rerun of the same import (same force, mapping and file checksums) resumes the
 * unfinished run from its first uncommitted batch; a rerun of a finished one imports nothing, because every
 * record is found by its source key. The import acts as the system (`probity import`), like the seed.
 */
export async function runImport(
  deps: Deps,
  raw: z.input<typeof runImportInput>,
  sink: ProgressSink = { write: () => true },
): Promise<ImportSummary> {
  const input = parseInput(runImportInput, raw, 'Check the import');
  const loaded = loadMappingFile(input.mappingFile);
  if (!(await forceExists(deps.db, input.forceId)))
    throw new AppError('validation', 'Check the import', { forceId: `No force with id "${input.forceId}"` });
  checkTaxonomyCodes(loaded.mapping, loaded.fileName, await activeCategoryCodes(deps.db));
  const { imported: files, lookups: lookupFiles } = assignAll(loaded.mapping, input.files);
  const today = ukToday(deps.now());
  const sums: RunFile[] = [];
  for (const f of files) sums.push({ name: f.name, ...(await fileChecksum(f.path)) });
  const lookupSums: RunFile[] = [];
  for (const f of lookupFiles) lookupSums.push({ name: f.fileName, ...(await fileChecksum(f.path)) });
  // Every file's header and every entry are checked before the first row is written (and before a run starts).
  const lookups = await prepareLookups(loaded.mapping, files, lookupFiles, today);
  const run = await startOrResume(
    deps,
    input.forceId,
    loaded,
    sums,
    lookupSums,
    input.batchSize ?? loaded.mapping.batchSize,
  );
  const resumedFrom =
    run.batches > 0 ? { batches: run.batches, file: sums[run.fileIndex]?.name ?? null, row: run.fileRow } : null;
  const totalBytes = sums.reduce((n, f) => n + f.bytes, 0);
  const progress = new ImportProgress(
    sink,
    totalBytes,
    sums.slice(0, run.fileIndex).reduce((n, f) => n + f.bytes, 0),
  );
  progress.note(
    resumedFrom
      ? `Resuming import run ${run.id} after batch ${run.batches} (${resumedFrom.file ?? 'end'}, row ${run.fileRow})`
      : `Import run ${run.id}`,
  );
  const started = Date.now();
  const state = {
    batches: run.batches,
    created: { ...noneCreated(), ...(run.created as Partial<Created>) },
    unmapped: run.unmapped as Record<string, Record<string, number>>,
    rowsThisRun: 0,
  };
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (let fileIndex = run.fileIndex; fileIndex < files.length; fileIndex++) {
      const file = files[fileIndex]!;
      const doneBefore = sums.slice(0, fileIndex).reduce((n, f) => n + f.bytes, 0);
      const csv = await openCsv(file.path, { trim: loaded.mapping.trim });
      try {
        const mapRow = compileFile(loaded.mapping, file.specIndex, file.name, csv.header, today, lookups);
        const skip = fileIndex === run.fileIndex ? run.fileRow : 0;
        let consumed = 0;
        let batch: MappedRow[] = [];
        // Pipelined: the next batch is read and mapped while the database commits this one. Commits stay in
        // order (each waits for the one before), so the run's position only ever moves forward.
        const commit = async () => {
          const rows = batch;
          const at = consumed;
          batch = [];
          await inFlight;
          inFlight = commitBatch(deps, run, loaded, { index: fileIndex, name: file.name, row: at }, rows, state).then(
            () => {
              state.rowsThisRun += rows.length;
              progress.committed({
                file: file.name,
                rows: state.rowsThisRun,
                bytesDone: doneBefore + csv.bytesRead(),
                batches: state.batches,
              });
            },
          );
          inFlight.catch(() => undefined); // observed by the next await; not an unhandled rejection meanwhile
        };
        for await (const row of csv.rows) {
          consumed++;
          if (consumed <= skip) continue;
          batch.push(mapRow(row.fields, row.line, row.raw));
          if (batch.length >= run.batchSize) await commit();
          else
            progress.reading({
              file: file.name,
              rows: state.rowsThisRun + batch.length,
              bytesDone: doneBefore + csv.bytesRead(),
              batches: state.batches,
            });
        }
        if (batch.length > 0) await commit();
        await inFlight;
      } finally {
        csv.close();
      }
    }
  } catch (err) {
    await inFlight.catch(() => undefined);
    progress.clear();
    await finishRun(deps.db, run.forceId, run.id, 'failed', err instanceof Error ? err.message : String(err));
    throw err;
  }
  progress.clear();
  await finishRun(deps.db, run.forceId, run.id, 'completed', null);
  if (state.rowsThisRun > 0) await analyseImportedTables(deps.db);
  const done = (await findRun(deps.db, run.forceId, run.id))!;
  let rejectsFile: string | null = null;
  if (done.rowsRejected > 0) {
    rejectsFile = path.resolve(input.rejectsFile ?? `probity-import-${run.id}-rejected.csv`);
    await writeRejectsFile(deps.db, run.forceId, run.id, rejectsFile);
  }
  return {
    runId: run.id,
    resumedFrom,
    rowsRead: done.rowsRead,
    imported: done.rowsImported,
    duplicates: done.rowsDuplicate,
    rejected: done.rowsRejected,
    created: { ...noneCreated(), ...(done.created as Partial<Created>) },
    unmapped: done.unmapped as Record<string, Record<string, number>>,
    rejectsFile,
    seconds: (Date.now() - started) / 1000,
    rowsThisRun: state.rowsThisRun,
  };
}

/**
 * Validates every file's header (and each lookup's key) against the mapping before anything is written, and
 * reports the problems of all files at once; then reads the lookup files into memory (only the columns used).
 */
async function prepareLookups(
  mapping: Mapping,
  files: readonly AssignedFile[],
  lookupFiles: readonly LookupFile[],
  today: IsoDate,
): Promise<LookupTables> {
  const headers = await readLookupHeaders(mapping, lookupFiles);
  const validating: LookupTables = { ...noLookups(), headers };
  const failures: { file: string; error: AppError }[] = [];
  const used = new Map<string, string[]>();
  for (const l of lookupFiles) {
    const c = new HeaderCompiler(l.fileName, headers.get(l.name)?.header ?? [], mapping.transforms);
    c.template(mapping.lookups[l.name]!.key, `lookups.${l.name}.key`);
    if (Object.keys(c.errors).length > 0)
      failures.push({
        file: l.fileName,
        error: new AppError('validation', `The mapping ${mapping.name} does not fit ${l.fileName}`, c.errors),
      });
  }
  for (const f of files) {
    const csv = await openCsv(f.path, { trim: mapping.trim });
    csv.close();
    try {
      const { lookupColumns } = compileFileWithColumns(mapping, f.specIndex, f.name, csv.header, today, validating);
      for (const v of lookupColumns) {
        const cols = used.get(v.lookup) ?? [];
        if (!cols.includes(v.column)) cols.push(v.column);
        used.set(v.lookup, cols);
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failures.push({ file: f.name, error: err });
    }
  }
  const [only] = failures;
  if (failures.length === 1 && only) throw only.error;
  if (failures.length > 1) {
    const fields: Record<string, string> = {};
    for (const { file, error } of failures)
      for (const [k, v] of Object.entries(error.fields ?? {})) fields[`${file}: ${k}`] = v;
    throw new AppError(
      'validation',
      `The mapping ${mapping.name} does not fit ${failures.map((f) => f.file).join(', ')}`,
      fields,
    );
  }
  if (lookupFiles.length === 0) return validating;
  return buildLookupTables(mapping, lookupFiles, headers, used);
}
