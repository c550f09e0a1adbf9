CREATE TABLE "complaint_letters" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"complainant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"written_on" date NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"delivery" text NOT NULL,
	"outbox_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_letters_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_reviews" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"body" text NOT NULL,
	"received_on" date NOT NULL,
	"via" text NOT NULL,
	"grounds" text NOT NULL,
	"status" text DEFAULT 'awaiting' NOT NULL,
	"forwarded_on" date,
	"result" text,
	"recommendations" text,
	"decided_on" date,
	"decided_by" uuid,
	"logged_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_reviews_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "follow_up_hash" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "follow_up_failed_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "follow_up_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaint_letters" ADD CONSTRAINT "complaint_letters_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_reviews" ADD CONSTRAINT "complaint_reviews_force_id_complaint_id_complaints_force_id_id_fk" FOREIGN KEY ("force_id","complaint_id") REFERENCES "public"."complaints"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_letters_complaint_idx" ON "complaint_letters" USING btree ("force_id","complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_reviews_queue_idx" ON "complaint_reviews" USING btree ("force_id","body","status");