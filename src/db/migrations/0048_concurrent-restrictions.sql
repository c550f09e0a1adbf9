DROP INDEX "duty_restrictions_one_in_force";--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "restriction_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "duty_restrictions_one_in_force_per_kind" ON "duty_restrictions" USING btree ("force_id","subject_id","kind") WHERE status = 'in_force';