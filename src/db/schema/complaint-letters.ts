import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, forceColumn, idColumn, timestampNow } from './columns.ts';
import { complaints } from './complaints.ts';

export const complaintLetterKinds = ['acknowledgement', 'progress_update', 'outcome', 'withdrawal'] as const;
export const complaintLetterDeliveries = ['email', 'post'] as const;

/**
 * Letters to the complainant generated from the record (features/complaints/letters): the HTML and the PDF
 * as sent, kept on the complaint. `delivery` is e-mail (queued in the outbox, `outbox_id`) when the
 * complainant chose e-mail and gave an address, otherwise post (listed for printing).
 */
export const complaintLetters = pgTable(
  'complaint_letters',
  {
    forceId: forceColumn(),
    id: idColumn(),
    complaintId: uuid('complaint_id').notNull(),
    complainantId: uuid('complainant_id').notNull(),
    kind: text('kind', { enum: complaintLetterKinds }).notNull(),
    writtenOn: date('written_on').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    pdf: bytea('pdf').notNull(),
    delivery: text('delivery', { enum: complaintLetterDeliveries }).notNull(),
    outboxId: uuid('outbox_id'),
    createdBy: uuid('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.complaintId], foreignColumns: [complaints.forceId, complaints.id] }),
    index('complaint_letters_complaint_idx').on(t.forceId, t.complaintId, t.createdAt),
  ],
);
