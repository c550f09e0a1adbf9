CREATE TABLE "duty_restrictions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"options_considered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suspension_tests" jsonb,
	"conditions" text DEFAULT '' NOT NULL,
	"rationale" text NOT NULL,
	"decision_maker_user_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"notice_method" text,
	"notice_given_on" date,
	"notice_due_on" date,
	"next_review_due_on" date,
	"replaced_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_restrictions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "restriction_decisions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"restriction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_maker_user_id" uuid NOT NULL,
	"conditions_still_hold" boolean,
	"reasons" text NOT NULL,
	"officer_representations" text DEFAULT '' NOT NULL,
	"next_review_due_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restriction_decisions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "suspension_flag_rationales" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"rationale" text NOT NULL,
	"decided_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"decision_maker_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suspension_flag_rationales_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "adverse_information" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"review_id" uuid,
	"check_id" uuid,
	"source" text NOT NULL,
	"info_type" text NOT NULL,
	"occurred_on" date,
	"relation" text NOT NULL,
	"severity" integer NOT NULL,
	"credibility" integer NOT NULL,
	"description" text NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"resolution" jsonb,
	"resolved_by_decision_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adverse_information_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "designated_posts" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"posting_role" text NOT NULL,
	"unit_id" uuid,
	"required_level" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "designated_posts_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "list_entries" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"list" text NOT NULL,
	"origin" text NOT NULL,
	"list_return_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"former_force" text DEFAULT '' NOT NULL,
	"rank" text DEFAULT '' NOT NULL,
	"identifiers" text[] DEFAULT '{}' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"listed_on" date,
	"source_key" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_entries_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "list_entries_source_unique" UNIQUE("force_id","source_key")
);
--> statement-breakpoint
CREATE TABLE "list_matches" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" text[] NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_on" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "list_matches_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "list_matches_pair_unique" UNIQUE("force_id","application_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "vetting_appeals" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"lodged_on" date NOT NULL,
	"grounds" text NOT NULL,
	"panel" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"decided_on" date,
	"outcome_reasons" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_appeals_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_applications" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"person_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"former_names" text[] DEFAULT '{}' NOT NULL,
	"date_of_birth" date NOT NULL,
	"former_numbers" text[] DEFAULT '{}' NOT NULL,
	"previous_force" text,
	"status" text DEFAULT 'open' NOT NULL,
	"received_on" date NOT NULL,
	"case_officer_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_applications_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "vetting_applications_reference_unique" UNIQUE("force_id","reference")
);
--> statement-breakpoint
CREATE TABLE "vetting_checks" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"review_id" uuid,
	"check_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"completed_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vetting_checks_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_clearances" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"granted_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"application_id" uuid,
	"ended_on" date,
	"ended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_clearances_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_clocks" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"subject_key" text NOT NULL,
	"period" text NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"met_on" date,
	"due_notified_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	CONSTRAINT "vetting_clocks_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_decisions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"review_id" uuid,
	"person_id" uuid,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_maker_user_id" uuid NOT NULL,
	"rationale" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"reasons_for_applicant" text DEFAULT '' NOT NULL,
	"appeal_window_ends_on" date,
	"document" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_decisions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_declarations" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"details" text NOT NULL,
	"occurred_on" date NOT NULL,
	"declared_by_user_id" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_declarations_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "vetting_reviews" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"source_key" text NOT NULL,
	"case_id" uuid,
	"opened_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"assigned_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_reviews_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "vetting_reviews_source_unique" UNIQUE("force_id","person_id","trigger","source_key")
);
--> statement-breakpoint
ALTER TABLE "duty_restrictions" ADD CONSTRAINT "duty_restrictions_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_restrictions" ADD CONSTRAINT "duty_restrictions_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restriction_decisions" ADD CONSTRAINT "restriction_decisions_force_id_restriction_id_duty_restrictions_force_id_id_fk" FOREIGN KEY ("force_id","restriction_id") REFERENCES "public"."duty_restrictions"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspension_flag_rationales" ADD CONSTRAINT "suspension_flag_rationales_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_matches" ADD CONSTRAINT "list_matches_force_id_application_id_vetting_applications_force_id_id_fk" FOREIGN KEY ("force_id","application_id") REFERENCES "public"."vetting_applications"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_matches" ADD CONSTRAINT "list_matches_force_id_entry_id_list_entries_force_id_id_fk" FOREIGN KEY ("force_id","entry_id") REFERENCES "public"."list_entries"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD CONSTRAINT "vetting_appeals_force_id_decision_id_vetting_decisions_force_id_id_fk" FOREIGN KEY ("force_id","decision_id") REFERENCES "public"."vetting_decisions"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_clearances" ADD CONSTRAINT "vetting_clearances_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_reviews" ADD CONSTRAINT "vetting_reviews_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_restrictions_subject_idx" ON "duty_restrictions" USING btree ("force_id","subject_id","status");--> statement-breakpoint
CREATE INDEX "duty_restrictions_person_idx" ON "duty_restrictions" USING btree ("force_id","person_id","status");--> statement-breakpoint
CREATE INDEX "duty_restrictions_status_idx" ON "duty_restrictions" USING btree ("force_id","status","kind");--> statement-breakpoint
CREATE INDEX "restriction_decisions_restriction_idx" ON "restriction_decisions" USING btree ("force_id","restriction_id","decided_on");--> statement-breakpoint
CREATE INDEX "suspension_flag_rationales_subject_idx" ON "suspension_flag_rationales" USING btree ("force_id","subject_id","valid_until");--> statement-breakpoint
CREATE INDEX "adverse_information_application_idx" ON "adverse_information" USING btree ("force_id","application_id");--> statement-breakpoint
CREATE INDEX "adverse_information_review_idx" ON "adverse_information" USING btree ("force_id","review_id");--> statement-breakpoint
CREATE INDEX "designated_posts_role_idx" ON "designated_posts" USING btree ("force_id","posting_role");--> statement-breakpoint
CREATE INDEX "list_entries_name_idx" ON "list_entries" USING btree ("force_id","family_name");--> statement-breakpoint
CREATE INDEX "list_entries_dob_idx" ON "list_entries" USING btree ("force_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "vetting_applications_status_idx" ON "vetting_applications" USING btree ("force_id","status","received_on");--> statement-breakpoint
CREATE INDEX "vetting_checks_application_idx" ON "vetting_checks" USING btree ("force_id","application_id");--> statement-breakpoint
CREATE INDEX "vetting_checks_review_idx" ON "vetting_checks" USING btree ("force_id","review_id");--> statement-breakpoint
CREATE INDEX "vetting_clearances_person_idx" ON "vetting_clearances" USING btree ("force_id","person_id","status");--> statement-breakpoint
CREATE INDEX "vetting_clearances_expiry_idx" ON "vetting_clearances" USING btree ("force_id","status","expires_on");--> statement-breakpoint
CREATE INDEX "vetting_clocks_due_idx" ON "vetting_clocks" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "vetting_clocks_subject_idx" ON "vetting_clocks" USING btree ("force_id","subject_key","period");--> statement-breakpoint
CREATE INDEX "vetting_decisions_application_idx" ON "vetting_decisions" USING btree ("force_id","application_id");--> statement-breakpoint
CREATE INDEX "vetting_decisions_review_idx" ON "vetting_decisions" USING btree ("force_id","review_id");--> statement-breakpoint
CREATE INDEX "vetting_declarations_person_idx" ON "vetting_declarations" USING btree ("force_id","person_id");--> statement-breakpoint
CREATE INDEX "vetting_reviews_status_idx" ON "vetting_reviews" USING btree ("force_id","status","due_on");