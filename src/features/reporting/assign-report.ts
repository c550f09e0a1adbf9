import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { isClosed } from './report-rules.ts';
import { unitMembersOf, updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { reportPolicy } from './report.policy.ts';

export const assignInput = z.object({
  version,
  /** A member of the unit (an active user of the force who may manage reports), or '' to unassign. */
  assignedTo: z.union([z.literal(''), z.string().uuid({ message: 'Choose a member of the unit' })], {
    message: 'Choose a member of the unit',
  }),
});

/**
 * Gives a report to one member of the confidential unit (or takes it back). The report stays visible to the
 * whole unit of its force; the assignee is who is expected to act on it. Audited with the assignee's id.
 */
export async function assignReport(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<void> {
  authorize(principal, 'report.manage');
  const input = parseInput(assignInput, raw, 'Check the assignment');
  await deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    if (isClosed(row.status)) throw new AppError('invalid_state', 'This report is closed: it cannot be assigned');
    const assignedTo = input.assignedTo || null;
    if (
      assignedTo &&
      !(await unitMembersOf(tx, row.forceId, reportPolicy.assigneeRoles())).some((m) => m.id === assignedTo)
    )
      throw new AppError('validation', 'Check the assignment', {
        assignedTo: 'Choose a member of the confidential unit',
      });
    if (assignedTo === row.assignedTo)
      throw new AppError(
        'invalid_state',
        assignedTo ? 'The report is already assigned to them' : 'The report is not assigned',
      );
    await updateReport(tx, row.forceId, row.id, { assignedTo });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.assigned', reportId: row.id, assignedTo },
    );
  });
}
