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
CREATE TABLE "hearing_allegations" (
	"force_id" text NOT NULL,
	"hearing_id" uuid NOT NULL,
	"allegation_id" uuid NOT NULL,
	CONSTRAINT "hearing_allegations_force_id_hearing_id_allegation_id_pk" PRIMARY KEY("force_id","hearing_id","allegation_id")
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"form" text NOT NULL,
	"held_on" date NOT NULL,
	"venue" text NOT NULL,
	"in_public" boolean NOT NULL,
	"panel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adjournments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearings_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "paused_on" date;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "ended_reason" text;--> statement-breakpoint
ALTER TABLE "clock_events" ADD CONSTRAINT "clock_events_force_id_clock_id_clocks_force_id_id_fk" FOREIGN KEY ("force_id","clock_id") REFERENCES "public"."clocks"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_allegations" ADD CONSTRAINT "hearing_allegations_force_id_hearing_id_hearings_force_id_id_fk" FOREIGN KEY ("force_id","hearing_id") REFERENCES "public"."hearings"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_allegations" ADD CONSTRAINT "hearing_allegations_force_id_allegation_id_allegations_force_id_id_fk" FOREIGN KEY ("force_id","allegation_id") REFERENCES "public"."allegations"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_force_id_case_id_cases_force_id_id_fk" FOREIGN KEY ("force_id","case_id") REFERENCES "public"."cases"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clock_events_case_idx" ON "clock_events" USING btree ("force_id","case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "hearing_allegations_allegation_idx" ON "hearing_allegations" USING btree ("force_id","allegation_id");--> statement-breakpoint
CREATE INDEX "hearings_case_idx" ON "hearings" USING btree ("force_id","case_id");