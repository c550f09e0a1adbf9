CREATE TABLE "case_letters" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"hearing_id" uuid,
	"kind" text NOT NULL,
	"written_on" date NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_letters_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_force_id_subject_id_case_subjects_force_id_id_fk" FOREIGN KEY ("force_id","subject_id") REFERENCES "public"."case_subjects"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_letters_case_idx" ON "case_letters" USING btree ("force_id","case_id","created_at");