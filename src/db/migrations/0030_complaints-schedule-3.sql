CREATE TABLE "complaint_allegations" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"description" text NOT NULL,
	"incident_on" date,
	"incident_place" text DEFAULT '' NOT NULL,
	"outcome" text,
	"outcome_actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome_notes" text,
	CONSTRAINT "complaint_allegations_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_clocks" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"met_on" date,
	CONSTRAINT "complaint_clocks_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_complainants" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"name" text NOT NULL,
	"basis" text NOT NULL,
	"represented_basis" text,
	"represented_name" text,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"contact_method" text NOT NULL,
	"format" text DEFAULT '' NOT NULL,
	"language" text DEFAULT '' NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	CONSTRAINT "complaint_complainants_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_decisions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" uuid,
	"reasons" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_decisions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_subjects" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "complaint_subjects_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"logged_on" date NOT NULL,
	"summary" text NOT NULL,
	"desired_outcome" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'logged' NOT NULL,
	"contact_made_on" date,
	"complainant_wishes" text,
	"complainant_wants_recorded" boolean,
	"recording_grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"initial_handling" text,
	"initial_handling_on" date,
	"referral_grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"referred" boolean,
	"referred_on" date,
	"iopc_decision" text,
	"iopc_decided_on" date,
	"handling_route" text,
	"handling_started_on" date,
	"review_grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_body" text,
	"review_body_reason" text,
	"outcome_decided_on" date,
	"outcome_notified_on" date,
	"review_window_ends_on" date,
	"learning" text,
	"withdrawn_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "complaints_reference_unique" UNIQUE("force_id","reference")
);
--> statement-breakpoint
ALTER TABLE "complaint_allegations" ADD CONSTRAINT "complaint_allegations_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_allegations" ADD CONSTRAINT "complaint_allegations_force_id_subject_id_complaint_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."complaint_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD CONSTRAINT "complaint_clocks_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_complainants" ADD CONSTRAINT "complaint_complainants_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_decisions" ADD CONSTRAINT "complaint_decisions_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_subjects" ADD CONSTRAINT "complaint_subjects_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_subjects" ADD CONSTRAINT "complaint_subjects_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_allegations_complaint_idx" ON "complaint_allegations" USING btree ("force_id","complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_clocks_complaint_idx" ON "complaint_clocks" USING btree ("force_id","complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_clocks_live_due_idx" ON "complaint_clocks" USING btree ("force_id","due_on") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "complaint_complainants_complaint_idx" ON "complaint_complainants" USING btree ("force_id","complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_decisions_complaint_idx" ON "complaint_decisions" USING btree ("force_id","complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_subjects_complaint_idx" ON "complaint_subjects" USING btree ("force_id","complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_subjects_person_idx" ON "complaint_subjects" USING btree ("force_id","person_id") WHERE person_id is not null;--> statement-breakpoint
CREATE INDEX "complaints_list_idx" ON "complaints" USING btree ("force_id","received_on","id");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("force_id","status");