-- Appeals already recorded against a withdrawal (decision outcome 'withdraw') are withdrawal appeals
-- (Police (Vetting) Regulations 2025, Part 3), and the officer's running window on such a decision is the
-- withdrawal appeal's own period, not the refusal appeal's.
UPDATE "vetting_appeals" a SET "kind" = 'withdrawal', "lodged_by" = 'person'
  FROM "vetting_decisions" d
  WHERE d."force_id" = a."force_id" AND d."id" = a."decision_id" AND d."outcome" = 'withdraw';--> statement-breakpoint
UPDATE "clocks" k SET "period" = 'vetting_withdrawal_appeal'
  FROM "vetting_decisions" d
  WHERE k."owner_kind" = 'vetting' AND k."period" = 'vetting_appeal' AND k."force_id" = d."force_id"
    AND k."subject_key" = 'decision:' || d."id"::text AND d."outcome" = 'withdraw';
