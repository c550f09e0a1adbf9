-- One clock store: vetting's and public complaints' clocks move into `clocks` with their history (ids,
-- state, met_on and the sweeper's notified stamps are kept, so audit rows naming a clock still find it).
INSERT INTO "clocks" ("force_id", "id", "owner_kind", "subject_key", "person_id", "period", "sequence", "started_on", "due_on", "state", "met_on", "due_notified_at", "overdue_notified_at")
SELECT "force_id", "id", 'vetting', "subject_key", "person_id", "period", 1, "started_on", "due_on", "state", "met_on", "due_notified_at", "overdue_notified_at"
FROM "vetting_clocks";--> statement-breakpoint
INSERT INTO "clocks" ("force_id", "id", "owner_kind", "complaint_id", "period", "sequence", "started_on", "due_on", "state", "met_on", "due_notified_at", "overdue_notified_at")
SELECT "force_id", "id", 'complaint', "complaint_id", "period", "sequence", "started_on", "due_on", "state", "met_on", "due_notified_at", "overdue_notified_at"
FROM "complaint_clocks";
