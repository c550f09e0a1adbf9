import { z } from 'zod';
import { EI_SIGNAL_KIND_PATTERN, eiDerivedSignalKinds } from '../../db/schema/index.ts';
import { dateSpecSchema, strict, templateSchema } from './mapping-value-schemas.ts';

/**
 * A `signal` file entry: each row is one dated early-intervention signal of a named kind (use of force, a
 * sickness episode, a pursuit …) about a person imported before, written to `ei_events`. A new kind is a new
 * mapping, not new code: the rules of early intervention count any kind found there.
 */
export const signalSchema = strict({
  /** What rules will count, e.g. use_of_force (never one of the kinds Probity derives from its own records). */
  kind: z
    .string()
    .regex(EI_SIGNAL_KIND_PATTERN, 'must be lower-case letters, digits and _, e.g. use_of_force')
    .refine(
      (k) => !(eiDerivedSignalKinds as readonly string[]).includes(k),
      `is derived from Probity’s own records (${eiDerivedSignalKinds.join(', ')}); choose another name`,
    ),
  /** The person's key, in the same words as the people file's `person.key`. */
  person: templateSchema,
  /** The day it happened; a row without a date, or with one in the future, is rejected. */
  occurredOn: dateSpecSchema,
  /** Optional category (a code such as taser.drawn): a rule may count only one category and its sub-categories. */
  category: templateSchema.optional(),
  /** Unique per signal: importing the same row again creates nothing. */
  key: templateSchema,
  /** Source columns kept word for word in the signal's details. */
  keep: z.array(z.string().min(1)).default([]),
});

export type SignalSpec = z.infer<typeof signalSchema>;
