CREATE TABLE "report_identity_reveals" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_on" date NOT NULL,
	"decided_by" uuid,
	"decision" text,
	"decision_reason" text,
	"decided_on" date,
	CONSTRAINT "report_identity_reveals_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "feedback_on" date;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "retaliation_flags" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "retaliation_flagged_on" date;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "identity_revealed_on" date;--> statement-breakpoint
ALTER TABLE "report_identity_reveals" ADD CONSTRAINT "report_identity_reveals_force_id_report_id_reports_force_id_id_fk" FOREIGN KEY ("force_id","report_id") REFERENCES "public"."reports"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_identity_reveals_report_idx" ON "report_identity_reveals" USING btree ("force_id","report_id");