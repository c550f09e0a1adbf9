import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { notFound, staleVersion } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { findItem, type ItemRow } from './reports.repository.ts';
import { lockResponse, type ResponseRow } from './responses.repository.ts';
import { itemLabel } from './tracker-rules.ts';

const uuid = z.string().uuid();

/** An item id from a URL: anything that is not a uuid is simply not found. */
export function checkItemId(itemId: string): void {
  if (!uuid.safeParse(itemId).success) throw notFound('recommendation');
}

/**
 * The item and the caller's force's response to it, locked for a change (created on first use). With
 * `expectedVersion`, a response changed since the form was opened is refused as stale (409).
 */
export async function openResponseForChange(
  tx: Db,
  principal: Principal,
  itemId: string,
  expectedVersion?: number,
): Promise<{ item: ItemRow; response: ResponseRow; label: string }> {
  checkItemId(itemId);
  const item = await findItem(tx, principal.forceId, itemId);
  if (!item) throw notFound('recommendation');
  const response = await lockResponse(tx, principal.forceId, item.id);
  if (expectedVersion !== undefined && response.version !== expectedVersion) throw staleVersion();
  return { item, response, label: itemLabel(item) };
}
