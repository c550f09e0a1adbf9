CREATE TABLE "report_files" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" text NOT NULL,
	"metadata_stripped" boolean NOT NULL,
	"received_on" date NOT NULL,
	CONSTRAINT "report_files_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_messages" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "report_messages_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "report_messages_seq_key" UNIQUE("force_id","report_id","seq")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"receipt_lookup" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"key_id" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"identity" text,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"acknowledged_on" date,
	"status_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "reports_receipt_lookup_key" UNIQUE("force_id","receipt_lookup")
);
--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_force_id_report_id_reports_force_id_id_fk" FOREIGN KEY ("force_id","report_id") REFERENCES "public"."reports"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_messages" ADD CONSTRAINT "report_messages_force_id_report_id_reports_force_id_id_fk" FOREIGN KEY ("force_id","report_id") REFERENCES "public"."reports"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("force_id","status","received_on");