CREATE TABLE "dip_sample_cases" (
	"force_id" text NOT NULL,
	"sample_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "dip_sample_cases_force_id_sample_id_case_id_pk" PRIMARY KEY("force_id","sample_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "dip_sample_reads" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dip_sample_reads_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "dip_samples" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grantee_user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"purpose" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dip_samples_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "hearing_publications" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"allegation_id" uuid NOT NULL,
	"form" text NOT NULL,
	"officer_name" text NOT NULL,
	"officer_rank" text DEFAULT '' NOT NULL,
	"hearing_on" date NOT NULL,
	"venue" text NOT NULL,
	"allegation_summary" text NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"published_by" uuid,
	"withdrawn_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "hearing_publications_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "dip_sample_cases" ADD CONSTRAINT "dip_sample_cases_force_id_sample_id_dip_samples_force_id_id_fk" FOREIGN KEY ("force_id","sample_id") REFERENCES "public"."dip_samples"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_sample_cases" ADD CONSTRAINT "dip_sample_cases_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_sample_reads" ADD CONSTRAINT "dip_sample_reads_force_id_sample_id_dip_samples_force_id_id_fk" FOREIGN KEY ("force_id","sample_id") REFERENCES "public"."dip_samples"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_samples" ADD CONSTRAINT "dip_samples_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_publications" ADD CONSTRAINT "hearing_publications_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_publications" ADD CONSTRAINT "hearing_publications_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_publications" ADD CONSTRAINT "hearing_publications_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_publications" ADD CONSTRAINT "hearing_publications_force_id_allegation_id_allegations_force_id_id_fk" FOREIGN KEY ("force_id","allegation_id") REFERENCES "public"."allegations"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dip_sample_cases_case_idx" ON "dip_sample_cases" USING btree ("force_id","case_id");--> statement-breakpoint
CREATE INDEX "dip_sample_reads_sample_idx" ON "dip_sample_reads" USING btree ("force_id","sample_id","read_at");--> statement-breakpoint
CREATE INDEX "dip_samples_grantee_idx" ON "dip_samples" USING btree ("force_id","grantee_user_id","ends_on");--> statement-breakpoint
CREATE INDEX "hearing_publications_status_idx" ON "hearing_publications" USING btree ("force_id","status","hearing_on");