import os from 'node:os';
import { createHash } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { claimRun, findUnfinishedRun, insertRun, type ImportRunRow, type RunFile } from './import-runs.repository.ts';
import type { LoadedMapping } from './load-mapping.ts';

/** The unfinished run of the same import, taken over; or a new run. Refused while another process runs it. */
export async function startOrResume(
  deps: Deps,
  forceId: string,
  loaded: LoadedMapping,
  files: RunFile[],
  lookupFiles: RunFile[],
  batchSize: number,
): Promise<ImportRunRow> {
  // The lookup files are part of what an import is: a changed lookup file is a new run.
  const identity = createHash('sha256')
    .update(
      JSON.stringify([
        forceId,
        loaded.checksum,
        files.map((f) => [f.name, f.sha256]),
        ...(lookupFiles.length > 0 ? [lookupFiles.map((f) => [f.name, f.sha256])] : []),
      ]),
    )
    .digest('hex');
  const host = os.hostname();
  const unfinished = await findUnfinishedRun(deps.db, forceId, identity);
  if (unfinished) {
    const pid = unfinished.processId;
    if (unfinished.status === 'running' && pid && pid !== process.pid && unfinished.host === host && isAlive(pid)) {
      throw new AppError(
        'conflict',
        `Import run ${unfinished.id} of these files is still in progress in process ${pid}`,
      );
    }
    await claimRun(deps.db, unfinished, process.pid, host);
    return unfinished;
  }
  try {
    return await insertRun(deps.db, {
      forceId,
      identity,
      mappingName: loaded.mapping.name,
      mappingChecksum: loaded.checksum,
      files,
      batchSize,
      processId: process.pid,
      host,
    });
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === '23505' || (err as { code?: string }).code === '23505') {
      throw new AppError('conflict', 'The same import was started at the same moment by another process');
    }
    throw err;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
