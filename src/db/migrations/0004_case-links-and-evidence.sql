CREATE TABLE "case_evidence" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_evidence_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"force_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"linked_case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_links_force_id_case_id_linked_case_id_pk" PRIMARY KEY("force_id","case_id","linked_case_id")
);
--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_force_id_linked_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","linked_case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_evidence_case_idx" ON "case_evidence" USING btree ("force_id","case_id");