import type { Db } from '../../db/client.ts';
import { firstBy } from './first-by.ts';
import { findPeopleByKey } from './import-people.repository.ts';
import { insertNewSignals } from './import-signals.repository.ts';
import type { Created, RowStatus } from './load-batch.ts';
import type { MappedRow } from './map-row.ts';

/**
 * Signal rows: early-intervention signals about people imported before (an earlier batch, file or run). A row
 * whose person is unknown is rejected with the reason; one whose key was imported before is a duplicate.
 */
export async function loadSignalRows(
  tx: Db,
  forceId: string,
  mappingName: string,
  rows: MappedRow[],
  status: RowStatus[],
  reject: (i: number, reason: string) => void,
  created: Created,
): Promise<void> {
  const live = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.signal && status[i] !== 'rejected');
  if (live.length === 0) return;
  const people = await findPeopleByKey(tx, forceId, [...new Set(live.map(({ r }) => r.signal!.personKey))]);
  const known = live.filter(({ r, i }) => {
    if (people.has(r.signal!.personKey)) return true;
    reject(i, `no person with the key "${r.signal!.personKey}": import their people file first, or check the key`);
    return false;
  });
  const first = firstBy(known, ({ r }) => r.signal!.key);
  const inserted = await insertNewSignals(
    tx,
    forceId,
    mappingName,
    first.map(({ r }) => {
      const s = r.signal!;
      return {
        personId: people.get(s.personKey)!.id,
        kind: s.kind,
        occurredOn: s.occurredOn,
        category: s.category,
        sourceKey: s.key,
        details: s.details,
      };
    }),
  );
  first.forEach(({ i }, n) => {
    if (inserted[n]) status[i] = 'imported';
  });
  created.signals += inserted.filter(Boolean).length;
}
