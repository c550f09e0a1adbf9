-- A report added before owners were recorded belongs to the force of the account that added it.
UPDATE "inspection_reports" r SET "owner_force_id" = u."force_id" FROM "users" u WHERE u."id" = r."created_by";
