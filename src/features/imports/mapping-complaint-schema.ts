import { z } from 'zod';
import {
  complainantBases,
  complaintStatuses,
  ethnicities,
  sexes,
  storedComplaintChannels,
} from '../../db/schema/index.ts';
import { constantOr, optionalDateSchema, strict, templateSchema } from './mapping-value-schemas.ts';

/**
 * A public complaint (Police Reform Act 2002 Sch 3) from a file of complaints, one row each. Its persons
 * complained about and allegations are those of its linked conduct case (`case`), imported from the file of
 * accused officers earlier in the run (put that entry first). Without a linked case the complaint has none.
 */
export const complaintSchema = strict({
  key: templateSchema,
  reference: templateSchema,
  /** The day the complaint was received (made); a row without it is rejected. */
  receivedOn: optionalDateSchema,
  channel: constantOr(storedComplaintChannels).default('not_recorded'),
  summary: templateSchema,
  /**
   * `by_case` (default): being handled while the linked conduct case is open, finalised once it is closed or
   * when there is no linked case; or one status (or a value map) from the source.
   */
  status: z.union([z.literal('by_case'), constantOr(complaintStatuses)]).default('by_case'),
  /** The linked conduct case's key, in the same words as `allegation.case.key` of the accused-officers file. */
  case: templateSchema.optional(),
  /** The day the outcome was decided; without it a finalised complaint takes its linked case's closing date. */
  closedOn: optionalDateSchema.optional(),
  /** Source columns kept word for word with the complaint's import decision (nothing interpreted is lost). */
  keep: z.array(z.string().min(1)).default([]),
});

/** A complainant of a complaint imported earlier in the run (or an earlier run), one row each. */
export const complainantSchema = strict({
  /** The complaint's key, in the same words as `complaint.key`. */
  complaint: templateSchema,
  /** This complainant's own key; `{_line}` (the row's line in its file) serves when the source has none. */
  key: templateSchema,
  name: templateSchema,
  basis: constantOr(complainantBases).default('directed_at'),
  sex: constantOr(sexes).optional(),
  ethnicity: constantOr(ethnicities).optional(),
  /** Age in years (whole numbers 0–120; "21.0" reads as 21); empty: not recorded; anything else rejects. */
  age: strict({
    column: z.string().min(1),
    /** Values that mean "not recorded" (e.g. -1). */
    ignore: z.array(z.string()).default([]),
  }).optional(),
});
