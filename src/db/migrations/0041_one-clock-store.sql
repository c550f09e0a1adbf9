ALTER TABLE "clocks" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clocks" ALTER COLUMN "regime_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "owner_kind" text DEFAULT 'case' NOT NULL;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "complaint_id" uuid;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "subject_key" text;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clocks_complaint_idx" ON "clocks" USING btree ("force_id","complaint_id");--> statement-breakpoint
CREATE INDEX "clocks_vetting_subject_idx" ON "clocks" USING btree ("force_id","subject_key","period");--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_owner_check" CHECK (("clocks"."owner_kind" = 'case' and "clocks"."case_id" is not null and "clocks"."regime_version" is not null and "clocks"."complaint_id" is null and "clocks"."subject_key" is null)
        or ("clocks"."owner_kind" = 'complaint' and "clocks"."complaint_id" is not null and "clocks"."case_id" is null and "clocks"."subject_key" is null)
        or ("clocks"."owner_kind" = 'vetting' and "clocks"."subject_key" is not null and "clocks"."case_id" is null and "clocks"."complaint_id" is null));