import {
  SANCTIONS,
  type AllegationContext,
  type Finding,
  type ProceedingsForm,
  type Sanction,
} from './allegation-types.ts';
import { regimeFeatures } from '../../../kernel/time/regime.ts';

/**
 * Which sanctions misconduct proceedings may impose (§2.9, Police (Conduct) Regulations 2020 (Conduct Regs 2020 reg 42)):
 *
 * - misconduct MEETING: written warning or final written warning — never reduction in rank or dismissal;
 * - misconduct HEARING, misconduct found: WW, FWW; reduction in rank or dismissal without notice only if a
 *   FWW was already in force or the misconduct arises from multiple unconnected incidents;
 * - misconduct HEARING, gross misconduct found: FWW, reduction in rank, dismissal without notice;
 * - ACCELERATED hearing, gross misconduct found: reduction in rank or dismissal without notice — no final written
 *   warning (Conduct Regs reg 62(3) [V]); a finding short of gross misconduct has no sanction (reg 62(8), see
 *   allegation-workflow.ts);
 * - while a FWW is in force, neither a written warning nor a FWW may be given (Conduct Regs reg 42(8) [S]).
 *
 * From 28 May 2025 ('2020+2025') gross misconduct carries a presumption of dismissal: anything less needs
 * recorded exceptional circumstances (Police (Amendment) Regs 2025, SI 2025/558). Sanctions under the 2012 Regulations (management advice,
 * dismissal with notice…) are NOT modelled: the reference does not list them fully, and a wrong list is
 * worse than none, so those outcomes are recorded outside this workflow.
 */

export type SanctionAvailability = { ok: true; sanctions: readonly Sanction[] } | { ok: false; reason: string };

export const SANCTION_LABELS: Readonly<Record<Sanction, string>> = Object.freeze({
  written_warning: 'written warning',
  final_written_warning: 'final written warning',
  reduction_in_rank: 'reduction in rank',
  dismissal_without_notice: 'dismissal without notice',
});

export function availableSanctions(
  form: ProceedingsForm,
  finding: Finding,
  ctx: AllegationContext,
): SanctionAvailability {
  if (!regimeFeatures(ctx.regime).reductionInRank) {
    return {
      ok: false,
      reason: 'Sanctions under the 2012 Regulations are not modelled: record this outcome outside the workflow',
    };
  }
  if (finding === 'not_proven') return { ok: false, reason: 'There is no sanction: the conduct was not found proven' };
  if (finding === 'would_have_been_dismissed' || ctx.subject === 'former') {
    return {
      ok: false,
      reason: 'A former officer cannot be given a sanction: the finding itself is the outcome (§2.14)',
    };
  }
  let list: Sanction[];
  if (form === 'meeting') {
    if (finding === 'gross_misconduct')
      return { ok: false, reason: 'A misconduct meeting cannot find gross misconduct (§2.9)' };
    list = ['written_warning', 'final_written_warning'];
  } else if (form === 'accelerated_hearing') {
    if (finding !== 'gross_misconduct') {
      return {
        ok: false,
        reason:
          'An accelerated hearing that does not find gross misconduct imposes no sanction: it dismisses the case or returns it to the appropriate authority (Conduct Regs reg 62(8))',
      };
    }
    // Conduct Regs reg 62(3): no final written warning at an accelerated hearing.
    list = ['reduction_in_rank', 'dismissal_without_notice'];
  } else if (finding === 'gross_misconduct') {
    list = ['final_written_warning', 'reduction_in_rank', 'dismissal_without_notice'];
  } else {
    list = ['written_warning', 'final_written_warning'];
    if (ctx.finalWrittenWarningInForce || ctx.multipleUnconnectedIncidents)
      list.push('reduction_in_rank', 'dismissal_without_notice');
  }
  // Conduct Regs reg 42(8): with a FWW in force "neither a written warning nor a final written warning may be given".
  if (ctx.finalWrittenWarningInForce)
    list = list.filter((s) => s !== 'final_written_warning' && s !== 'written_warning');
  // Conduct Regs reg 62(6)–(7): only where a lower rank exists, and not twice.
  if (ctx.lowerRankExists === false || ctx.alreadyReducedInRank) list = list.filter((s) => s !== 'reduction_in_rank');
  return { ok: true, sanctions: SANCTIONS.filter((s) => list.includes(s)) };
}

/**
 * Null when `sanction` may be imposed; otherwise the reason it may not. `applyPresumption` is false when an
 * appeal body substitutes a sanction: the presumption binds the panel, and the appeal decides for itself.
 */
export function sanctionRefusal(
  form: ProceedingsForm,
  finding: Finding,
  sanction: Sanction,
  ctx: AllegationContext,
  exceptionalCircumstances: string | undefined,
  applyPresumption = true,
): string | null {
  const available = availableSanctions(form, finding, ctx);
  if (!available.ok) return available.reason;
  if (!available.sanctions.includes(sanction)) return whyNot(form, finding, sanction, ctx);
  if (
    applyPresumption &&
    finding === 'gross_misconduct' &&
    sanction !== 'dismissal_without_notice' &&
    regimeFeatures(ctx.regime).presumptionOfDismissal &&
    !exceptionalCircumstances?.trim()
  ) {
    return (
      'Gross misconduct carries a presumption of dismissal without notice (from 28 May 2025, §2.9): ' +
      `a ${SANCTION_LABELS[sanction]} needs the exceptional circumstances that justify it to be recorded`
    );
  }
  return null;
}

function whyNot(form: ProceedingsForm, finding: Finding, sanction: Sanction, ctx: AllegationContext): string {
  if ((sanction === 'final_written_warning' || sanction === 'written_warning') && ctx.finalWrittenWarningInForce) {
    return `A ${SANCTION_LABELS[sanction]} cannot be given while a final written warning is in force: neither a written warning nor a final written warning may be given (Conduct Regs reg 42(8))`;
  }
  if (sanction === 'reduction_in_rank' && ctx.alreadyReducedInRank) {
    return 'The officer has already been reduced in rank in these proceedings: a second reduction is not available (Conduct Regs reg 62(7))';
  }
  if (sanction === 'reduction_in_rank' && ctx.lowerRankExists === false) {
    return 'Reduction in rank is not available: the person record shows no rank below the officer’s rank on this date (a constable, a special constable or no rank recorded) (Conduct Regs reg 62(6))';
  }
  if (form === 'accelerated_hearing' && sanction === 'final_written_warning') {
    return 'An accelerated hearing cannot give a final written warning: only reduction in rank or dismissal without notice (Conduct Regs reg 62(3))';
  }
  if (form === 'meeting') {
    return (
      `A misconduct meeting cannot impose a ${SANCTION_LABELS[sanction]}: it can give only a written warning or a final ` +
      'written warning; reduction in rank and dismissal need a misconduct hearing (§2.9)'
    );
  }
  if (finding === 'gross_misconduct') return 'A written warning is not available for gross misconduct (§2.9)';
  return (
    `For misconduct, a ${SANCTION_LABELS[sanction]} is available only if a final written warning was in force or the ` +
    'misconduct arises from multiple unconnected incidents (§2.9)'
  );
}
