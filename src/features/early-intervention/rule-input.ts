import { z } from 'zod';

const KIND = /^[a-z][a-z0-9_]{1,59}$/;

/** A rule as an administrator of early intervention defines it (page and API alike). */
export const ruleInput = z
  .object({
    name: z
      .string({ message: 'Enter a name for the rule' })
      .trim()
      .min(3, 'Enter a name of at least 3 characters')
      .max(120),
    description: z.string().trim().max(2000).default(''),
    signalKinds: z
      .array(z.string().regex(KIND, 'Choose the kinds of signal the rule counts'), {
        message: 'Choose the kinds of signal the rule counts',
      })
      .min(1, 'Choose at least one kind of signal')
      .max(20),
    categoryPrefix: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^[a-z0-9_.]{2,80}$/, 'Enter a category code such as discrimination or honesty.fraud')
        .nullable()
        .default(null),
    ),
    /** A rule of one unit: only people posted to it on the day of the run count (null: the whole force). */
    unitId: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.string().uuid('Choose a unit of the force, or the whole force').nullable(),
    ),
    windowDays: z.coerce
      .number({ message: 'Enter the window in days' })
      .int('Enter the window as a whole number of days')
      .min(1, 'The window must be at least 1 day')
      .max(3660, 'The window can be at most 3,660 days (10 years)'),
    warningLevel: z.coerce
      .number({ message: 'Enter the warning level' })
      .int('Enter the warning level as a whole number')
      .min(1, 'The warning level must be at least 1')
      .max(1000),
    criticalLevel: z.coerce
      .number({ message: 'Enter the critical level' })
      .int('Enter the critical level as a whole number')
      .min(1, 'The critical level must be at least 1')
      .max(1000),
  })
  .refine((r) => r.criticalLevel >= r.warningLevel, {
    path: ['criticalLevel'],
    message: 'The critical level must be at least the warning level',
  });

export type RuleInput = z.infer<typeof ruleInput>;
