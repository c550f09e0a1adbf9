import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { parseInput } from '../../kernel/validation.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { markNoticesRead, setDeliveryChoice } from './notifications.repository.ts';

export const markReadInput = z.union([
  z.object({ all: z.literal(true) }),
  z.object({
    ids: z.array(z.string().uuid('Each notice id must be a UUID')).min(1, 'Name at least one notice').max(500),
  }),
]);

/** Marks the user's own notices read; ids of anyone else's notices change nothing. The number marked. */
export async function markNotificationsRead(deps: Deps, principal: Principal, raw: unknown): Promise<number> {
  const input = parseInput(markReadInput, raw);
  return markNoticesRead(deps.db, principal.userId, 'all' in input ? 'all' : input.ids, deps.now());
}

export const deliveryInput = z.object({
  delivery: z.enum(['immediate', 'digest'], { message: 'Choose each notice at once, or a daily digest' }),
});

/** The user's own choice of e-mail delivery: each notice at once, or one digest a day. */
export async function chooseDelivery(deps: Deps, principal: Principal, raw: unknown): Promise<void> {
  const input = parseInput(deliveryInput, raw);
  await setDeliveryChoice(deps.db, principal.userId, input.delivery);
}
