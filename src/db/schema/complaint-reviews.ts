import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { forceColumn, idColumn, timestampNow } from './columns.ts';
import { complaints } from './complaints.ts';

export const complaintReviewStatuses = ['awaiting', 'forwarded', 'decided'] as const;
export const complaintReviewResults = ['upheld', 'not_upheld'] as const;

/**
 * A complainant's application for a review (Police Reform Act 2002 Sch 3 paras 6A and 25; C&M Regs 2020
 * reg 29): received online through the portal or logged by staff, to the review body worked out by reg 32.
 * The local policing body records the result (the outcome was, or was not, reasonable and proportionate:
 * upheld when it was not) and its recommendations; an application that belongs to the IOPC is forwarded
 * (paras 31-32) and recorded as such.
 */
export const complaintReviews = pgTable(
  'complaint_reviews',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    body: text('body', { enum: ['iopc', 'local_policing_body'] }).notNull(),
    receivedOn: date('received_on').notNull(),
    via: text('via', { enum: ['portal', 'staff'] }).notNull(),
    /** Why the complainant is not satisfied, in their words. */
    grounds: text('grounds').notNull(),
    status: text('status', { enum: complaintReviewStatuses }).notNull().default('awaiting'),
    forwardedOn: date('forwarded_on'),
    result: text('result', { enum: complaintReviewResults }),
    recommendations: text('recommendations'),
    decidedOn: date('decided_on'),
    decidedBy: uuid('decided_by'),
    loggedBy: uuid('logged_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    index('complaint_reviews_queue_idx').on(t.forceId, t.body, t.status),
  ],
);
