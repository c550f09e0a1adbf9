ALTER TABLE "case_subjects" ADD COLUMN "recorded_in_error_on" date;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD COLUMN "recorded_in_error_reason" text;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD COLUMN "recorded_in_error_by" uuid;