-- Issue 17: clocks of a finished stage were never closed (the officer's statement clocks still running after
-- the report, a pre-hearing clock still running after the hearing's finding). This repairs existing data by
-- the rules declared in src/features/misconduct/rules/clock-endings.ts (CLOCK_ENDINGS), which every step now
-- applies as it is taken:
--  1. a clock MET by a step already taken (metBy) is met on the day of the first such step after it started;
--  2. a live clock of a period that lives only in some allegation states (livesIn), on an allegation now in
--     another state, is superseded on the day of the allegation's latest step.
-- Each repaired clock gets a timeline entry (clock_events) saying it was repaired. Idempotent: only live
-- clocks are touched.
CREATE TEMPORARY TABLE "clock_rule" ("period" text PRIMARY KEY, "met_by" text[] NOT NULL, "lives_in" text[] NOT NULL);--> statement-breakpoint
INSERT INTO "clock_rule" VALUES
  ('reg18_representations', '{}', '{under_investigation}'),
  ('rprp_account', '{complete_rprp}', '{rprp}'),
  ('pre_hearing', '{record_finding}', '{hearing_scheduled}'),
  ('accelerated_hearing', '{record_finding}', '{accelerated_hearing_scheduled}'),
  ('meeting_appeal', '{lodge_appeal}', '{finding_recorded}'),
  ('pat_appeal', '{lodge_appeal}', '{finding_recorded}');--> statement-breakpoint
CREATE TEMPORARY TABLE "clock_repair" AS
  SELECT k."force_id", k."id", k."case_id", k."due_on",
    'met'::text AS "outcome",
    (SELECT min(e."occurred_on") FROM "allegation_events" e
      WHERE e."force_id" = k."force_id" AND e."allegation_id" = k."allegation_id"
        AND e."action" = ANY (r."met_by") AND e."occurred_on" >= k."started_on") AS "on"
  FROM "clocks" k JOIN "clock_rule" r ON r."period" = k."period"
  WHERE k."state" IN ('running', 'due', 'overdue') AND k."allegation_id" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "allegation_events" e
      WHERE e."force_id" = k."force_id" AND e."allegation_id" = k."allegation_id"
        AND e."action" = ANY (r."met_by") AND e."occurred_on" >= k."started_on");--> statement-breakpoint
INSERT INTO "clock_repair"
  SELECT k."force_id", k."id", k."case_id", k."due_on", 'superseded',
    coalesce((SELECT max(e."occurred_on") FROM "allegation_events" e
      WHERE e."force_id" = k."force_id" AND e."allegation_id" = k."allegation_id"), k."started_on")
  FROM "clocks" k JOIN "clock_rule" r ON r."period" = k."period"
    JOIN "allegations" a ON a."force_id" = k."force_id" AND a."id" = k."allegation_id"
  WHERE k."state" IN ('running', 'due', 'overdue') AND NOT (a."state" = ANY (r."lives_in"))
    AND NOT EXISTS (SELECT 1 FROM "clock_repair" x WHERE x."force_id" = k."force_id" AND x."id" = k."id");--> statement-breakpoint
UPDATE "clocks" k SET "state" = x."outcome", "met_on" = x."on",
    "ended_reason" = CASE WHEN x."outcome" = 'superseded' THEN 'Superseded: a later step on the allegation (repaired)' END
  FROM "clock_repair" x WHERE k."force_id" = x."force_id" AND k."id" = x."id";--> statement-breakpoint
INSERT INTO "clock_events" ("force_id", "case_id", "clock_id", "kind", "reason", "previous_due_on", "occurred_on")
  SELECT x."force_id", x."case_id", x."id", x."outcome",
    CASE WHEN x."outcome" = 'met' THEN 'Met by a step already taken (repaired)'
      ELSE 'Superseded: a later step on the allegation (repaired)' END,
    x."due_on", x."on"
  FROM "clock_repair" x;--> statement-breakpoint
DROP TABLE "clock_repair";--> statement-breakpoint
DROP TABLE "clock_rule";
