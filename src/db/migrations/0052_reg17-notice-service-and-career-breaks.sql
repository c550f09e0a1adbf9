CREATE TABLE "person_career_breaks" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_career_breaks_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_letters" ADD COLUMN "service_method" text;--> statement-breakpoint
ALTER TABLE "case_letters" ADD COLUMN "given_on" date;--> statement-breakpoint
ALTER TABLE "case_letters" ADD COLUMN "deemed_served_on" date;--> statement-breakpoint
ALTER TABLE "case_letters" ADD COLUMN "representations_due_on" date;--> statement-breakpoint
ALTER TABLE "person_career_breaks" ADD CONSTRAINT "person_career_breaks_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_career_breaks_person_idx" ON "person_career_breaks" USING btree ("force_id","person_id");