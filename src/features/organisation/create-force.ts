import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { findForce } from './forces.repository.ts';
import { insertForceWithTopUnit } from './organisation.repository.ts';

export const createForceInput = z.object({
  id: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9-]{1,39}$/,
      'A force id is 2 to 40 lower-case letters, digits or hyphens, starting with a letter (e.g. nypd)',
    ),
  name: z.string().trim().min(2, 'Give the force its full name').max(200, 'A force name is at most 200 characters'),
});

/**
 * A new, empty force (a tenant) with its top unit, so that people can be imported into it and accounts
 * created for it. Refused, with nothing written, if the id is taken.
 */
export async function createForce(
  deps: Deps,
  actor: AuditActor,
  raw: z.input<typeof createForceInput>,
): Promise<{ id: string; name: string; topUnitId: string }> {
  const input = parseInput(createForceInput, raw);
  return deps.db.transaction(async (tx) => {
    if (await findForce(tx, input.id))
      throw new AppError('validation', `A force with id "${input.id}" already exists`, { id: 'Already in use' });
    const topUnitId = await insertForceWithTopUnit(tx, input);
    await recordAudit(
      tx,
      { ...actor, forceId: input.id },
      { type: 'force', id: input.id },
      { type: 'force.created', forceId: input.id, name: input.name },
    );
    return { ...input, topUnitId };
  });
}
