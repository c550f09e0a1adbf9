ALTER TABLE "complaint_complainants" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "complaint_complainants" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "complaint_complainants" ADD COLUMN "age" integer;--> statement-breakpoint
ALTER TABLE "complaint_complainants" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_complainants" ADD CONSTRAINT "complaint_complainants_source_key_unique" UNIQUE("force_id","source_key");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_source_key_unique" UNIQUE("force_id","source_key");