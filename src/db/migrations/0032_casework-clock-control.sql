CREATE TABLE "clock_events" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"previous_due_on" date NOT NULL,
	"new_due_on" date,
	"actor_user_id" uuid,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clock_events_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "paused_on" date;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "ended_reason" text;--> statement-breakpoint
ALTER TABLE "clock_events" ADD CONSTRAINT "clock_events_force_id_clock_id_clocks_force_id_id_fk" FOREIGN KEY ("force_id","clock_id") REFERENCES "public"."clocks"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clock_events_case_idx" ON "clock_events" USING btree ("force_id","case_id","recorded_at");