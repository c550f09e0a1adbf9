CREATE TABLE "allegation_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"label" text NOT NULL,
	"legacy_codes" text[] DEFAULT '{}' NOT NULL,
	"serious" boolean DEFAULT false NOT NULL,
	"confidence" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allegation_events" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"allegation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allegation_events_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "allegations" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"standards" text[] NOT NULL,
	"description" text NOT NULL,
	"state" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allegations_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_access" (
	"force_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_access_force_id_case_id_user_id_pk" PRIMARY KEY("force_id","case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"name" text,
	CONSTRAINT "case_parties_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_subjects" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_subjects_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "case_subjects_person_unique" UNIQUE("force_id","case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"source" text NOT NULL,
	"case_type" text NOT NULL,
	"came_to_attention_on" date NOT NULL,
	"regime_version" text NOT NULL,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"owning_unit_id" uuid,
	"summary" text NOT NULL,
	"lead_investigator_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"source_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "cases_reference_unique" UNIQUE("force_id","reference")
);
--> statement-breakpoint
CREATE TABLE "clocks" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"allegation_id" uuid,
	"subject_id" uuid,
	"period" text NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"regime_version" text NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"owner_user_id" uuid,
	"state" text DEFAULT 'running' NOT NULL,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"met_on" date,
	"due_notified_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	CONSTRAINT "clocks_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "criminal_proceedings" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"sub_judice_from" date,
	"sub_judice_to" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criminal_proceedings_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "list_returns" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"allegation_id" uuid,
	"list" text NOT NULL,
	"document" jsonb NOT NULL,
	"triggered_on" date NOT NULL,
	"submitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_returns_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "allegation_events" ADD CONSTRAINT "allegation_events_force_id_allegation_id_allegations_force_id_id_fk" FOREIGN KEY ("force_id","allegation_id") REFERENCES "public"."allegations"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegations" ADD CONSTRAINT "allegations_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegations" ADD CONSTRAINT "allegations_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD CONSTRAINT "case_subjects_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_proceedings" ADD CONSTRAINT "criminal_proceedings_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_returns" ADD CONSTRAINT "list_returns_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegation_events_case_idx" ON "allegation_events" USING btree ("force_id","case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "allegations_case_idx" ON "allegations" USING btree ("force_id","case_id");--> statement-breakpoint
CREATE INDEX "allegations_subject_idx" ON "allegations" USING btree ("force_id","subject_id");--> statement-breakpoint
CREATE INDEX "allegations_state_idx" ON "allegations" USING btree ("force_id","state");--> statement-breakpoint
CREATE INDEX "case_parties_person_idx" ON "case_parties" USING btree ("force_id","person_id");--> statement-breakpoint
CREATE INDEX "case_subjects_person_idx" ON "case_subjects" USING btree ("force_id","person_id");--> statement-breakpoint
CREATE INDEX "cases_lead_idx" ON "cases" USING btree ("force_id","lead_investigator_id","status");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("force_id","status","came_to_attention_on");--> statement-breakpoint
CREATE INDEX "clocks_due_idx" ON "clocks" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "clocks_case_idx" ON "clocks" USING btree ("force_id","case_id");--> statement-breakpoint
CREATE INDEX "clocks_owner_idx" ON "clocks" USING btree ("force_id","owner_user_id","state","due_on");--> statement-breakpoint
CREATE INDEX "criminal_proceedings_case_idx" ON "criminal_proceedings" USING btree ("force_id","case_id");--> statement-breakpoint
CREATE INDEX "list_returns_case_idx" ON "list_returns" USING btree ("force_id","case_id");