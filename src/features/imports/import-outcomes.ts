import type { AllegationState, ProceedingsForm, Sanction } from '../misconduct/index.ts';

/**
 * What an imported allegation's history ended in, in Probity's words. A mapping's value maps turn a source's
 * disposition words into one of these; {@link importedTrack} turns it into the allegation track's state as if
 * the workflow had been walked to its end. Every outcome but `open` ends in 'closed', the workflow's only
 * terminal status (no action leaves it), so a case whose imported allegations all have a final outcome is
 * closed, exactly as progress-allegation closes a case with its last allegation.
 *
 * Imported outcomes are history, not decisions taken in Probity: the workflow's guards (which sanctions a
 * regime allows, which form may find what) are not re-applied to them, and no clocks are started.
 */
export const IMPORT_OUTCOMES = [
  /** Assessed as neither misconduct nor gross misconduct (or not pursued): no further action. */
  'no_further_action',
  /** Investigated; no case to answer. */
  'no_case_to_answer',
  /** A case to answer dealt with by reflective practice (RPRP) rather than proceedings. */
  'reflective_practice',
  /** Proceedings found the allegation not proven. */
  'not_proven',
  /** Proceedings found misconduct; a sanction comes from the mapping (or none). */
  'misconduct',
  /** Proceedings found gross misconduct; for a former officer recorded as "would have been dismissed" (§2.14). */
  'gross_misconduct',
  /** Proceedings were arranged and withdrawn. */
  'withdrawn',
  /** Not concluded in the source: the allegation stays 'received' and its case stays open. */
  'open',
  /**
   * Concluded in the source, but the source does not record how (a blank or unknowable finding): closed with
   * no severity, case to answer or finding, so it is never counted as any particular outcome.
   */
  'not_recorded',
] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const PROCEEDINGS_FORMS = [
  'meeting',
  'hearing',
  'accelerated_hearing',
] as const satisfies readonly ProceedingsForm[];

export type ResolvedOutcome = { outcome: ImportOutcome; form: ProceedingsForm; sanction: Sanction | null };

/** The allegation track an imported outcome stands for. `subjectFormer`: the officer had left (§2.14). */
export function importedTrack(o: ResolvedOutcome, subjectFormer: boolean): AllegationState {
  const closed = { status: 'closed', reg17NoticeServed: false } as const;
  switch (o.outcome) {
    case 'open':
      return { status: 'received', reg17NoticeServed: false };
    case 'not_recorded':
      return closed;
    case 'no_further_action':
      return { ...closed, severity: 'none' };
    case 'no_case_to_answer':
      return { ...closed, severity: 'misconduct', caseToAnswer: 'no_case' };
    case 'reflective_practice':
      return { ...closed, severity: 'misconduct', caseToAnswer: 'misconduct' };
    case 'withdrawn':
      return { ...closed, severity: 'misconduct', caseToAnswer: 'misconduct', form: o.form };
    case 'not_proven':
      return { ...closed, severity: 'misconduct', caseToAnswer: 'misconduct', form: o.form, finding: 'not_proven' };
    case 'misconduct':
      return {
        ...closed,
        severity: 'misconduct',
        caseToAnswer: 'misconduct',
        form: o.form,
        finding: 'misconduct',
        ...(o.sanction ? { sanction: o.sanction } : {}),
      };
    case 'gross_misconduct':
      if (subjectFormer)
        return {
          ...closed,
          severity: 'gross_misconduct',
          caseToAnswer: 'gross_misconduct',
          form: o.form,
          finding: 'would_have_been_dismissed',
        };
      return {
        ...closed,
        severity: 'gross_misconduct',
        caseToAnswer: 'gross_misconduct',
        form: o.form,
        finding: 'gross_misconduct',
        ...(o.sanction ? { sanction: o.sanction } : {}),
      };
    default: {
      const unhandled: never = o.outcome;
      throw new Error(`unknown import outcome ${String(unhandled)}`);
    }
  }
}

/** Whether the outcome takes a sanction from the mapping. */
export function outcomeTakesSanction(outcome: ImportOutcome): boolean {
  return outcome === 'misconduct' || outcome === 'gross_misconduct';
}
