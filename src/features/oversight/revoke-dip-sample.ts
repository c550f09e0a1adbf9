import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findSampleForUpdate, revokeSample } from './dip-samples.repository.ts';

export const revokeDipSampleInput = z.object({
  sampleId: z.string().uuid('Choose a dip sample'),
  version: z.coerce
    .number({ message: 'Reload the page and try again' })
    .int('Reload the page and try again')
    .min(1, 'Reload the page and try again'),
});

/** Ends a dip sample now: from this moment its grantee can no longer open its cases. Stale edits are refused (409). */
export async function revokeDipSample(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'dipsample.grant');
  const input = parseInput(revokeDipSampleInput, raw, 'Check the dip sample');
  return deps.db.transaction(async (tx) => {
    const row = await findSampleForUpdate(tx, principal.forceId, input.sampleId);
    if (!row) throw notFound('dip sample');
    if (row.version !== input.version) throw staleVersion();
    if (row.revokedAt || row.endsOn < ukToday(deps.now()))
      throw new AppError('invalid_state', 'This dip sample has already ended.');
    await revokeSample(tx, row, principal.userId, deps.now());
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'dip_sample', id: row.id },
      { type: 'oversight.sample_revoked', sampleId: row.id, granteeUserId: row.granteeUserId },
    );
    return { id: row.id };
  });
}
