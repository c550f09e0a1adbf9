-- Each restriction clock now names its restriction (clocks.restriction_id): a subject may have several
-- restrictions in force at once. Before this, a subject had at most one restriction in force in a case, so
-- a live restriction clock belongs to the subject's one in-force restriction; an ended one to the latest
-- restriction of the subject decided on or before the clock started.
UPDATE "clocks" k SET "restriction_id" = (
  SELECT r."id" FROM "duty_restrictions" r
  WHERE r."force_id" = k."force_id" AND r."case_id" = k."case_id" AND r."subject_id" = k."subject_id"
    AND (
      (k."state" IN ('running', 'due', 'overdue') AND r."status" = 'in_force')
      OR (k."state" NOT IN ('running', 'due', 'overdue') AND r."decided_on" <= k."started_on")
    )
  ORDER BY (r."status" = 'in_force' AND k."state" IN ('running', 'due', 'overdue')) DESC, r."decided_on" DESC, r."created_at" DESC
  LIMIT 1
)
WHERE k."owner_kind" = 'case' AND k."allegation_id" IS NULL AND k."restriction_id" IS NULL
  AND k."period" IN ('suspension_notice_written', 'restriction_notice', 'suspension_review', 'restriction_review');
