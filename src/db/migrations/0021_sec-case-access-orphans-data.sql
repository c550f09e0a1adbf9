-- Issue 12 / house-in-order defect 2: case_access had no foreign key to users, and the API stored made-up and
-- other-force user ids in it. Remove such rows before the next migration adds the foreign key.
DELETE FROM "case_access" a
WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = a."user_id" AND u."force_id" = a."force_id");
