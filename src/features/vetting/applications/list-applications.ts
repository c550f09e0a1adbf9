import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { applicationKinds, applicationStatuses } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { listApplications } from './applications.repository.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

export const listApplicationsInput = z.object({
  status: z.preprocess(blank, z.enum(applicationStatuses, { message: 'Choose a status from the list' }).optional()),
  kind: z.preprocess(blank, z.enum(applicationKinds, { message: 'Choose a kind from the list' }).optional()),
  q: z.preprocess(blank, z.string().trim().max(100, 'Search for 100 characters or fewer').optional()),
  page: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Page must be a number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .default(1),
  ),
});

const PAGE_SIZE = 25;

/** Vetting applications the principal may see (open first, oldest first), filtered; an audited read. */
export async function listApplicationsFor(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorizeVettingRead(principal, 'page');
  const input = parseInput(listApplicationsInput, raw, 'Check the filters');
  return deps.db.transaction(async (tx) => {
    const result = await listApplications(tx, principal, input, {
      limit: PAGE_SIZE,
      offset: (input.page - 1) * PAGE_SIZE,
    });
    const filters = Object.fromEntries(
      Object.entries({ status: input.status, kind: input.kind, q: input.q }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_applications', id: principal.forceId },
      { type: 'vetting.list_viewed', list: 'applications', filters, resultCount: result.total },
    );
    return {
      ...result,
      input,
      pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      canCreate: vettingFilePolicy.decide(principal),
    };
  });
}
