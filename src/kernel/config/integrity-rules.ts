import { z } from 'zod';

/**
 * The ranks of a Home Office force, lowest first (Police Act 1996 s.13; the Metropolitan and City forces name
 * some differently, so the order is configuration) [S].
 */
export const HOME_OFFICE_RANKS = [
  'Constable',
  'Sergeant',
  'Inspector',
  'Chief Inspector',
  'Superintendent',
  'Chief Superintendent',
  'Assistant Chief Constable',
  'Deputy Chief Constable',
  'Chief Constable',
] as const;

/**
 * Force policy for the integrity loop (§2.12, §4), as configuration with defaults (the `integrity` key of
 * PROBITY_RULES_FILE). None of these is fixed by statute; each default is the or the reference's.
 */
export const integrityRulesSchema = z.strictObject({
  /**
   * Allegation categories (taxonomy codes; a parent code covers its sub-categories) for which a subject with
   * a gross-misconduct assessment or a criminal arrest or charge, who is not suspended, is flagged until a
   * senior decision maker records why a lesser measure suffices.
   */
  seriousCategories: z
    .array(z.string().min(1))
    .default([
      'sexual_conduct',
      'abuse_of_position.sexual',
      'discreditable.vawg',
      'discreditable.domestic_abuse',
      'discrimination',
    ]),
  /**
   * Who may record the senior rationale that answers the suspension flag (restrictions/record-senior-rationale.ts):
   * someone other than the person who imposed the subject's restriction, whose linked person record's current
   * rank is at least `minimumRank` in `rankOrder` (lowest first). Force policy, not statute: neither the Conduct
   * Regs 2020 reg 11 nor the reference fixes a rank for it, so both are defaults [R].
   */
  seniorRationale: z
    .strictObject({
      minimumRank: z.string().trim().min(1).default('Superintendent'),
      rankOrder: z
        .array(z.string().trim().min(1))
        .min(1)
        .default([...HOME_OFFICE_RANKS]),
    })
    .default({ minimumRank: 'Superintendent', rankOrder: [...HOME_OFFICE_RANKS] })
    .refine((r) => r.rankOrder.some((rank) => rank.toLowerCase() === r.minimumRank.toLowerCase()), {
      message: 'seniorRationale.minimumRank must be one of seniorRationale.rankOrder',
      path: ['minimumRank'],
    }),
  /** The clearance every member of the workforce must hold at least (§4.2: RV is the minimum). */
  minimumLevel: z.string().default('RV'),
  /** Score (0–1) at or above which a barred/advisory list entry is shown as a likely match for a human decision. */
  listMatchThreshold: z.number().min(0).max(1).default(0.6),
  /**
   * Years after listing from which a listed person may ask for a review of their entry (Police Barred List and
   * Police Advisory List Regulations 2017): 5 on the barred list, 3 after dismissal for gross incompetence,
   * 5 on the advisory list [S].
   */
  listReviewYears: z
    .strictObject({
      barred: z.number().int().min(1).max(50).default(5),
      barredGrossIncompetence: z.number().int().min(1).max(50).default(3),
      advisory: z.number().int().min(1).max(50).default(5),
    })
    .default({ barred: 5, barredGrossIncompetence: 3, advisory: 5 }),
  /** Days before a clearance expires that the sweeper opens its renewal review (force policy). */
  renewalLeadDays: z.number().int().min(0).max(3650).default(90),
  /**
   * The transferee checklist (APP Appendix E) shown when a transfer in is recorded. §4.2 confirms only the
   * parent-force PSD items (Kent Police transferees and rejoiners procedure); the appendix's own wording was not retrieved, so the list is a default [R].
   */
  transferChecklist: z
    .array(z.strictObject({ key: z.string().regex(/^[a-z0-9_]+$/), label: z.string().min(1) }))
    .min(1)
    .default([
      {
        key: 'parent_psd_intelligence',
        label: 'Parent force professional standards: intelligence held about the officer',
      },
      {
        key: 'parent_psd_conduct',
        label: 'Parent force professional standards: conduct or complaint matters outstanding',
      },
      { key: 'parent_psd_criminal', label: 'Parent force professional standards: criminal matters outstanding' },
      { key: 'parent_vetting', label: 'Parent force vetting: clearance level and expiry confirmed' },
      { key: 'references', label: 'References, and sickness and attendance record' },
    ]),
  /** Oversight (features/oversight): counts below this are suppressed outside PSD (§6.6 small-number suppression [R]). */
  disclosureThreshold: z.number().int().min(1).max(100).default(5),
  /**
   * Early intervention (features/early-intervention): the smallest peer group (same rank and length-of-service
   * band) given a percentile. Force policy, not statute: a percentile from five people mostly measures chance.
   */
  earlyInterventionMinPeerGroup: z.number().int().min(2).max(1000).default(10),
  /** The reference groups of the disproportionality relative rates (Casey and the dismissals review compare with White). */
  disproportionalityReference: z
    .strictObject({ sex: z.string().default('male'), ethnicity: z.string().default('white') })
    .default({ sex: 'male', ethnicity: 'white' }),
});

export type IntegrityRules = z.infer<typeof integrityRulesSchema>;

export function parseIntegrityRules(raw: unknown): IntegrityRules {
  return integrityRulesSchema.parse(raw ?? {});
}
