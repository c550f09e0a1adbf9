CREATE TABLE "complaint_access" (
	"force_id" text NOT NULL,
	"complaint_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_access_force_id_complaint_id_user_id_pk" PRIMARY KEY("force_id","complaint_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "appropriate_authority" text DEFAULT 'chief_officer' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_access" ADD CONSTRAINT "complaint_access_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_access_user_idx" ON "complaint_access" USING btree ("force_id","user_id");