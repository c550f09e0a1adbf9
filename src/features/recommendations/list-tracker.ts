import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { trackerStatuses } from '../../db/schema/index.ts';
import { loadTracker } from './load-tracker.ts';
import { statusLabels } from './tracker-rules.ts';
import type { TrackerEntry } from './tracker-view.ts';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const trackerListInput = z.object({
  show: z.preprocess(
    blankToUndefined,
    z
      .enum(['overdue', 'unverified', 'differs', 'status'], {
        message: 'Choose overdue, unverified, differs or status',
      })
      .default('overdue'),
  ),
  status: z.preprocess(blankToUndefined, z.enum(trackerStatuses, { message: 'Choose a status' }).optional()),
  side: z.preprocess(
    blankToUndefined,
    z.enum(['force', 'commissioner'], { message: 'Choose the force’s or the commissioner’s status' }).default('force'),
  ),
});

export type TrackerListInput = z.infer<typeof trackerListInput>;

/** The title of a list, in words. */
export function listTitle(input: TrackerListInput): string {
  switch (input.show) {
    case 'overdue':
      return 'Overdue';
    case 'unverified':
      return 'Addressed by the force, not verified';
    case 'differs':
      return 'The force and the commissioner’s office differ';
    case 'status':
      return `${input.side === 'force' ? 'Force status' : 'Verified status'}: ${input.status ? statusLabels[input.status] : 'not yet assessed'}`;
  }
}

function keep(input: TrackerListInput, e: TrackerEntry): boolean {
  switch (input.show) {
    case 'overdue':
      return e.overdue.length > 0;
    case 'unverified':
      return e.unverified;
    case 'differs':
      return e.differenceText !== null;
    case 'status':
      return input.side === 'force'
        ? e.selfStatus === (input.status ?? 'not_started')
        : e.verifiedStatus === (input.status ?? null);
  }
}

/**
 * The caller's force's items across every report: overdue (deadline or an action's due date passed and not
 * addressed), unverified (the force says addressed, the commissioner's office has not verified it), those
 * where the two statuses differ, or by status on either side (`status` absent on the commissioner's side
 * means not yet assessed).
 */
export async function listTracker(deps: Deps, principal: Principal | null, raw: unknown) {
  authorize(principal, 'recommendation.read');
  const input = parseInput(trackerListInput, raw, 'Check the list you asked for');
  const entries = await loadTracker(deps.db, principal.forceId, null, ukToday(deps.now()));
  return { input, title: listTitle(input), entries: entries.filter((e) => keep(input, e)) };
}
