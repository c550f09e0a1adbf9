import { isoDateString } from '../../kernel/validation.ts';
import { z } from 'zod';
import { noticeMethods, restrictionKinds } from '../../db/schema/index.ts';
import { decisionIssues, SUSPENSION_GROUNDS } from './restriction-rules.ts';

/**
 * The inputs of the restriction use cases. Each schema comes in two forms: the plain object (the API's
 * body in the OpenAPI document) and the checked one (with the cross-field rules of restriction-rules.ts),
 * which the use case parses so that every problem comes back as one message per field.
 */

export const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const text = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`);
const uuid = (message: string) => z.string().uuid(message);

export const optionConsidered = z.object({
  option: z.enum(restrictionKinds, { message: 'Choose one of the restrictions' }),
  considered: z.boolean({ message: 'Say whether this option was considered' }),
  reason: text(5000),
});

export const suspensionTests = z.object({
  redeploymentRejectedReason: text(5000).optional(),
  ground: z.enum(SUSPENSION_GROUNDS, { message: 'Choose the ground for suspension' }).optional(),
  groundReason: text(5000).optional(),
});

/** The content of a decision to impose a restriction or to change to another (without its dates). */
const decisionContentShape = {
  kind: z.enum(restrictionKinds, { message: 'Choose the restriction' }),
  options: z
    .array(optionConsidered, { message: 'Say, for every option, whether you considered it and why' })
    .max(restrictionKinds.length),
  suspensionTests: suspensionTests.optional(),
  conditions: text(5000).default(''),
  rationale: text(10000).min(1, 'Give the reasons for the decision'),
  startsOn: isoDate,
  noticeMethod: z.enum(noticeMethods, { message: 'Say how the officer was told' }).optional(),
  noticeGivenOn: isoDate.optional(),
};

export const decisionBody = z.object({ ...decisionContentShape, decidedOn: isoDate });
/** A change made within a review is decided on the review's date. */
export const changeWithinReviewBody = z.object(decisionContentShape);

type Content = z.infer<typeof changeWithinReviewBody>;

function checkDecision(value: Content, ctx: z.RefinementCtx, prefix: (string | number)[] = []): void {
  for (const issue of decisionIssues(value))
    ctx.addIssue({ code: 'custom', message: issue.message, path: [...prefix, ...issue.path.split('.')] });
}

export const imposeBody = decisionBody.extend({ subjectId: uuid('Choose the subject') });
export const imposeInput = imposeBody
  .extend({ caseId: z.string().uuid() })
  .superRefine((v, ctx) => checkDecision(v, ctx));
export type ImposeInput = z.input<typeof imposeInput>;

export const changeBody = decisionBody.extend({ version: z.number().int().min(1) });
export const changeInput = changeBody
  .extend({ restrictionId: z.string().uuid(), caseId: z.string().uuid().optional() })
  .superRefine((v, ctx) => checkDecision(v, ctx));
export type ChangeInput = z.input<typeof changeInput>;

export const REVIEW_OUTCOMES = ['continue', 'lift', 'change'] as const;

export const reviewBody = z.object({
  version: z.number().int().min(1),
  reviewedOn: isoDate,
  conditionsStillHold: z.boolean({ message: 'Say whether the conditions for the restriction still hold' }),
  reasons: text(10000).min(1, 'Give the reasons for the review decision'),
  officerInformed: z.boolean({
    message: 'Say whether the officer was told of the review and could make representations',
  }),
  representations: text(10000).default(''),
  outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose what happens to the restriction' }).default('continue'),
  /** For outcome 'lift': the last day of the restriction (default: the review date). */
  liftEndsOn: isoDate.optional(),
  /** For outcome 'change': the new restriction, decided on the review date. */
  change: changeWithinReviewBody.optional(),
  /** A senior decision maker's renewed reasons why a measure short of suspension is enough (answers the flag to the next review). */
  renewedRationale: text(10000).optional(),
});

export const reviewInput = reviewBody
  .extend({ restrictionId: z.string().uuid(), caseId: z.string().uuid().optional() })
  .superRefine((v, ctx) => {
    if (!v.conditionsStillHold && v.outcome === 'continue') {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'The conditions no longer hold: lift the restriction or change it in this review',
      });
    }
    if (v.outcome === 'change') {
      if (!v.change)
        ctx.addIssue({ code: 'custom', path: ['change', 'kind'], message: 'Choose the restriction to change to' });
      else checkDecision(v.change, ctx, ['change']);
    }
  });
export type ReviewInput = z.input<typeof reviewInput>;

export const liftBody = z.object({
  version: z.number().int().min(1),
  decidedOn: isoDate,
  endsOn: isoDate,
  reasons: text(10000).min(1, 'Give the reasons for lifting the restriction'),
});
export const liftInput = liftBody.extend({ restrictionId: z.string().uuid(), caseId: z.string().uuid().optional() });
export type LiftInput = z.input<typeof liftInput>;

export const noticeBody = z.object({ version: z.number().int().min(1), writtenNoticeOn: isoDate });
export const noticeInput = noticeBody.extend({
  restrictionId: z.string().uuid(),
  caseId: z.string().uuid().optional(),
});
export type NoticeInput = z.input<typeof noticeInput>;

export const rationaleBody = z.object({
  rationale: text(10000).min(1, 'Give the reasons why a measure short of suspension is enough'),
  decidedOn: isoDate.optional(),
});
export const rationaleInput = rationaleBody.extend({ caseId: z.string().uuid(), subjectId: z.string().uuid() });
export type RationaleInput = z.input<typeof rationaleInput>;
