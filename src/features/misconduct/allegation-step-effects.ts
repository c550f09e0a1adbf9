import type { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { startClock, stopClocks } from '../clocks/index.ts';
import type { PeriodKey } from '../../kernel/time/periods.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import type { Db } from '../../db/client.ts';
import { ACTION_TABLE } from './rules/allegation-table.ts';
import type { AllegationState, WorkflowEffect } from './rules/allegation-types.ts';
import type { allegationActionSchema } from './allegation-action-input.ts';
import { regimeOf } from './case-context.ts';
import { createListReturn } from './list-returns.ts';
import { allegationsOf, findAllegationForUpdate, type CaseRow } from './cases.repository.ts';

/**
 * What a step on an allegation sets going, as the workflow declared it: the clocks it starts and stops, the
 * barred and advisory list returns, and the notices and referrals it calls for. Returns each effect in words
 * for the step's timeline entry.
 */
export async function applyStepEffects(
  tx: Db,
  deps: Deps,
  step: {
    theCase: CaseRow;
    row: NonNullable<Awaited<ReturnType<typeof findAllegationForUpdate>>>;
    action: z.infer<typeof allegationActionSchema>;
    next: AllegationState;
    effects: readonly WorkflowEffect[];
    occurredOn: string;
    actor: AuditActor;
    actorUserId: string;
  },
): Promise<string[]> {
  const { theCase, row, action, next, effects, occurredOn, actor, actorUserId } = step;
  const effectsDone: string[] = [];
  for (const effect of effects) {
    switch (effect.kind) {
      case 'start_clock': {
        const startOn = effect.anchor === 'came_to_attention' ? theCase.cameToAttentionOn : occurredOn;
        // The report to the PCC is about the case's investigation: one clock per case, not per allegation.
        const caseLevel = isPccReport(effect.period);
        const clock = await startClock(tx, deps, {
          forceId: theCase.forceId,
          caseId: theCase.id,
          allegationId: caseLevel ? null : row.id,
          subjectId: caseLevel ? null : row.subjectId,
          period: effect.period,
          startOn,
          regimeVersion: regimeOf(theCase),
          ownerUserId: theCase.leadInvestigatorId,
          ...(effect.amount !== undefined ? { amount: effect.amount } : {}),
        });
        if (clock) effectsDone.push(`clock ${effect.period} due ${clock.dueOn}`);
        break;
      }
      case 'stop_clock':
        if (isPccReport(effect.period)) {
          // Met only when no allegation of the case is still awaiting the end of its investigation.
          if (await investigationStillOpen(tx, theCase, row.id)) break;
          await stopClocks(tx, {
            forceId: theCase.forceId,
            caseId: theCase.id,
            allegationId: null,
            period: effect.period,
            metOn: occurredOn,
          });
          effectsDone.push(`${periodLabel(deps, effect.period)}: met`);
        } else {
          // Met, or superseded by this step, as declared in rules/clock-endings.ts.
          const superseded = effect.outcome === 'superseded';
          const stopped = await stopClocks(tx, {
            forceId: theCase.forceId,
            caseId: theCase.id,
            allegationId: row.id,
            period: effect.period,
            metOn: occurredOn,
            outcome: effect.outcome ?? 'met',
            reason: `Superseded: ${ACTION_TABLE[action.type].label.toLowerCase()}`,
            actorUserId: actorUserId,
          });
          if (stopped > 0)
            effectsDone.push(`${periodLabel(deps, effect.period)}: ${superseded ? 'superseded by this step' : 'met'}`);
        }
        break;
      case 'create_barred_list_return':
      case 'barred_list_further_report': {
        const further = effect.kind === 'barred_list_further_report';
        const id = await createListReturn(tx, deps, actor, {
          list: 'barred',
          theCase,
          allegation: row,
          triggeredOn: occurredOn,
          finding: next.finding,
          sanction: next.sanction,
          ...(further ? { kind: 'further' as const, change: furtherReportChange(action) } : {}),
        });
        if (id) effectsDone.push(further ? 'barred list further report created' : 'barred list return created');
        break;
      }
      case 'create_advisory_list_return': {
        const id = await createListReturn(tx, deps, actor, {
          list: 'advisory',
          theCase,
          allegation: row,
          triggeredOn: occurredOn,
        });
        if (id) effectsDone.push('advisory list return created');
        break;
      }
      case 'give_notice':
        effectsDone.push(`notice due: ${effect.notice}`);
        break;
      case 'refer_to_iopc':
      case 'refer_to_vetting_process':
      case 'refer_to_performance_regulations':
        effectsDone.push(effect.kind.replaceAll('_', ' '));
        break;
      case 'appoint_hearing_panel':
        effectsDone.push(`appoint hearing panel (${effect.chair.replaceAll('_', ' ')})`);
        break;
      default: {
        const unknownEffect: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(unknownEffect)}`);
      }
    }
  }
  return effectsDone;
}

/** Police Act 1996 s.88F: the further report says what changed since the first one. */
function furtherReportChange(action: z.infer<typeof allegationActionSchema>): string {
  if (action.type !== 'decide_appeal') return 'the finding or outcome reported earlier changed';
  return action.outcome === 'finding_overturned'
    ? 'finding overturned on appeal'
    : `dismissal replaced on appeal by ${(action.sanction ?? 'another sanction').replaceAll('_', ' ')}`;
}

const periodLabel = (deps: Deps, period: PeriodKey) => deps.config.rules.periods[period].label;

const isPccReport = (period: PeriodKey) => period === 'pcc_report_first' || period === 'pcc_report_repeat';

/** States in which an allegation's investigation has not yet concluded (reg 19 counts these). */
const beforeInvestigationEnds = new Set([
  'received',
  'assessed_misconduct',
  'assessed_gross_misconduct',
  'referred_to_iopc',
  'under_investigation',
]);

async function investigationStillOpen(tx: Db, theCase: CaseRow, except: string): Promise<boolean> {
  const rows = await allegationsOf(tx, theCase.forceId, theCase.id);
  return rows.some((a) => a.id !== except && beforeInvestigationEnds.has(a.state));
}
