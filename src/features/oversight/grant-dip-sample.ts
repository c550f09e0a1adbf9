import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { insertSample, visibleCasesByReference } from './dip-samples.repository.ts';
import { dipSamplePolicy } from './dip-sample.policy.ts';

const isoDate = (what: string) => isoDateString(`Enter ${what}`);

/** The longest a sample may run (force policy; the reference sets none). */
export const MAX_SAMPLE_DAYS = 92;

export const grantDipSampleInput = z
  .object({
    granteeUserId: z.string({ message: 'Choose who may read the cases' }).uuid('Choose who may read the cases'),
    caseReferences: z
      .string({ message: 'Enter the references of the cases' })
      .transform((s) => [
        ...new Set(
          s
            .split(/[\s,;]+/)
            .map((r) => r.trim().toUpperCase())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.string().max(40))
          .min(1, 'Enter the references of the cases')
          .max(50, 'A sample can hold at most 50 cases'),
      ),
    startsOn: isoDate('the first day of the sample'),
    endsOn: isoDate('the last day of the sample'),
    purpose: z
      .string({ message: 'Say what the sample is for' })
      .trim()
      .min(10, 'Say what the sample is for, in at least 10 characters')
      .max(2000),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    message: 'The last day must be on or after the first day',
    path: ['endsOn'],
  })
  .refine((v) => (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / 86_400_000 < MAX_SAMPLE_DAYS, {
    message: `A sample can last at most ${MAX_SAMPLE_DAYS} days`,
    path: ['endsOn'],
  });

const MESSAGE = 'Check the details of the dip sample';

/**
 * The appropriate authority grants a named oversight user (the PCC's office) read-only access to chosen
 * cases for a period. The cases must be ones the granting user can see; the grantee must be an active
 * oversight user of the same force who cannot otherwise read cases (dip-sample.policy.ts). Audited in the same transaction.
 */
export async function grantDipSample(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorizeBy(principal, dipSamplePolicy.grant);
  const input = parseInput(grantDipSampleInput, raw, MESSAGE);
  if (input.startsOn < ukToday(deps.now()))
    throw new AppError('validation', MESSAGE, { startsOn: 'The first day cannot be in the past' });
  return deps.db.transaction(async (tx) => {
    const grantee = (await listUsersOfForce(tx, principal.forceId)).find((u) => u.id === input.granteeUserId);
    if (!grantee || !dipSamplePolicy.mayBeGrantee(grantee)) {
      throw new AppError('validation', MESSAGE, {
        granteeUserId: 'Choose an active user of the commissioner’s office (oversight) of your force',
      });
    }
    const found = await visibleCasesByReference(tx, principal, input.caseReferences);
    const missing = input.caseReferences.filter((r) => !found.some((c) => c.reference.toUpperCase() === r));
    if (missing.length > 0)
      throw new AppError('validation', MESSAGE, {
        caseReferences: `No case you can see has the reference ${missing.join(', ')}`,
      });
    const sample = await insertSample(
      tx,
      {
        forceId: principal.forceId,
        granteeUserId: grantee.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        purpose: input.purpose,
        grantedBy: principal.userId,
      },
      found.map((c) => c.id),
    );
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'dip_sample', id: sample.id },
      {
        type: 'oversight.sample_granted',
        sampleId: sample.id,
        granteeUserId: grantee.id,
        caseIds: found.map((c) => c.id),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      },
    );
    return { id: sample.id, cases: found.length };
  });
}
