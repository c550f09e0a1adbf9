import { z } from 'zod';
import { isoDate } from '../complaint-input.ts';

const text = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`);
const version = z.number({ message: 'Send the version you saw' }).int().positive();

export const reviewApplicationBody = z.object({
  receivedOn: isoDate,
  grounds: text(10000).min(1, 'Say why the complainant is not satisfied with the outcome'),
});
export type ReviewApplicationInput = z.input<typeof reviewApplicationBody>;

export const reviewOutcomeBody = z.object({
  version,
  result: z.enum(['upheld', 'not_upheld'], { message: 'Say whether the review is upheld' }),
  recommendations: text(10000).default(''),
  decidedOn: isoDate,
});
export type ReviewOutcomeInput = z.input<typeof reviewOutcomeBody>;

export const forwardReviewBody = z.object({ version, forwardedOn: isoDate });
export type ForwardReviewInput = z.input<typeof forwardReviewBody>;
