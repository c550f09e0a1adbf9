-- One clock store: a confidential report's two time limits, until now worked out from its days on every
-- read, become rows of `clocks` (owner kind 'report'). The amounts are the defaults of the period table
-- (src/kernel/time/owner-periods.ts, both [R] force targets, not statute: EU Directive 2019/1937
-- art 9(1)(b) and (f) followed as good practice): acknowledgement 7 calendar days from the day after the
-- report was received; feedback 3 months from the acknowledgement, or from the end of the acknowledgement
-- period when it was late or never sent. A clock whose day is recorded on the report is met on that day; an
-- unmet clock of a closed report is cancelled. Reports that already have their clocks are left alone.
INSERT INTO "clocks" ("force_id", "owner_kind", "report_id", "period", "sequence", "started_on", "due_on", "state", "met_on")
SELECT r."force_id", 'report', r."id", 'report_acknowledgement', 1, r."received_on", r."received_on" + 7,
  CASE WHEN r."acknowledged_on" IS NOT NULL THEN 'met'
       WHEN r."status" IN ('case_opened', 'no_action', 'referred') THEN 'cancelled'
       ELSE 'running' END,
  r."acknowledged_on"
FROM "reports" r
ON CONFLICT ("force_id", "report_id", "period") DO NOTHING;--> statement-breakpoint
INSERT INTO "clocks" ("force_id", "owner_kind", "report_id", "period", "sequence", "started_on", "due_on", "state", "met_on")
SELECT s."force_id", 'report', s."id", 'report_feedback', 1, s."start", (s."start" + interval '3 months')::date,
  CASE WHEN s."feedback_on" IS NOT NULL THEN 'met'
       WHEN s."status" IN ('case_opened', 'no_action', 'referred') THEN 'cancelled'
       ELSE 'running' END,
  s."feedback_on"
FROM (
  SELECT r."force_id", r."id", r."status", r."feedback_on",
    CASE WHEN r."acknowledged_on" IS NOT NULL AND r."acknowledged_on" <= r."received_on" + 7 THEN r."acknowledged_on"
         ELSE r."received_on" + 7 END AS "start"
  FROM "reports" r
) s
ON CONFLICT ("force_id", "report_id", "period") DO NOTHING;
