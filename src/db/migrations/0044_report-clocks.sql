ALTER TABLE "clocks" DROP CONSTRAINT "clocks_owner_check";--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "report_id" uuid;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_force_id_report_id_reports_force_id_id_fk" FOREIGN KEY ("force_id","report_id") REFERENCES "public"."reports"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_report_period_key" UNIQUE("force_id","report_id","period");--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_owner_check" CHECK (("clocks"."owner_kind" = 'case' and "clocks"."case_id" is not null and "clocks"."regime_version" is not null and "clocks"."complaint_id" is null and "clocks"."subject_key" is null and "clocks"."report_id" is null)
        or ("clocks"."owner_kind" = 'complaint' and "clocks"."complaint_id" is not null and "clocks"."case_id" is null and "clocks"."subject_key" is null and "clocks"."report_id" is null)
        or ("clocks"."owner_kind" = 'vetting' and "clocks"."subject_key" is not null and "clocks"."case_id" is null and "clocks"."complaint_id" is null and "clocks"."report_id" is null)
        or ("clocks"."owner_kind" = 'report' and "clocks"."report_id" is not null and "clocks"."case_id" is null and "clocks"."complaint_id" is null and "clocks"."subject_key" is null));