import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { allegations } from './allegations.ts';

/**
 * One narrow row per allegation: what the oversight figures count (features/oversight), kept beside the
 * allegation so that a period's figures read one index range of small rows instead of walking the
 * allegations, their events, cases and subjects (docs/decisions/0004-allegation-figures.md).
 *
 * Derived data, never edited by hand: written from the allegation, its case, its subject and its events by
 * features/misconduct/allegation-figures.repository.ts, in the transaction of every change to those (opening
 * a case, progressing an allegation, an import batch, the scale seed). `finalised_on` is the day of the
 * allegation's last closing event while it is closed; `rprp` whether it ever went to reflective practice.
 */
export const allegationFigures = pgTable(
  'allegation_figures',
  {
    forceId: text('force_id').notNull(),
    allegationId: uuid('allegation_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The subject's person as recorded on the case; a merged duplicate is resolved to its survivor when counted. */
    personId: uuid('person_id').notNull(),
    caseType: text('case_type').notNull(),
    receivedOn: date('received_on').notNull(),
    finalisedOn: date('finalised_on'),
    categoryCode: text('category_code').notNull(),
    state: text('state').notNull(),
    severity: text('severity'),
    caseToAnswer: text('case_to_answer'),
    form: text('form'),
    finding: text('finding'),
    sanction: text('sanction'),
    rprp: boolean('rprp').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.allegationId] }),
    foreignKey({ columns: [t.forceId, t.allegationId], foreignColumns: [allegations.forceId, allegations.id] }),
    index('allegation_figures_finalised_idx').on(t.forceId, t.finalisedOn),
    index('allegation_figures_received_idx').on(t.forceId, t.receivedOn),
    // Allegations whose suspension-flag window is open (restrictions/suspension-flag.ts WINDOW_CLOSED_STATUSES,
    // the same list: a test checks they agree), by severity: where counting flags starts, read from the index alone.
    index('allegation_figures_live_idx')
      .on(t.forceId, t.severity, t.categoryCode, t.caseId, t.personId)
      .where(
        sql`state not in ('assessed_no_case', 'no_case_to_answer', 'withdrawn', 'closed', 'finding_recorded', 'appeal_pending')`,
      ),
  ],
);
