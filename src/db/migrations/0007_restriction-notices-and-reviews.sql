ALTER TABLE "duty_restrictions" ADD COLUMN "written_notice_on" date;--> statement-breakpoint
ALTER TABLE "restriction_decisions" ADD COLUMN "officer_informed" boolean;--> statement-breakpoint
CREATE UNIQUE INDEX "duty_restrictions_one_in_force" ON "duty_restrictions" USING btree ("force_id","subject_id") WHERE status = 'in_force';