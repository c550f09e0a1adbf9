CREATE TABLE "ei_alert_transitions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ei_alert_transitions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "ei_alerts" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_key" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"raised_on" date NOT NULL,
	"last_run_id" uuid,
	"last_run_on" date NOT NULL,
	"events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"false_positive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ei_alerts_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "ei_events" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"category" text,
	"source" text NOT NULL,
	"source_key" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ei_events_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "ei_events_source_key_unique" UNIQUE("force_id","source_key")
);
--> statement-breakpoint
CREATE TABLE "ei_interventions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"outcome" text,
	"outcome_notes" text,
	"outcome_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ei_interventions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "ei_rules" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rule_key" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"signal_kinds" text[] NOT NULL,
	"category_prefix" text,
	"window_days" integer NOT NULL,
	"warning_level" integer NOT NULL,
	"critical_level" integer NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"superseded" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ei_rules_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "ei_rules_version_unique" UNIQUE("force_id","rule_key","version")
);
--> statement-breakpoint
CREATE TABLE "ei_runs" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_on" date NOT NULL,
	"trigger" text NOT NULL,
	"evaluated" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"events_evaluated" integer DEFAULT 0 NOT NULL,
	"alerts_opened" integer DEFAULT 0 NOT NULL,
	"alerts_changed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "ei_runs_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
ALTER TABLE "ei_alert_transitions" ADD CONSTRAINT "ei_alert_transitions_force_id_alert_id_ei_alerts_force_id_id_fk" FOREIGN KEY ("force_id","alert_id") REFERENCES "public"."ei_alerts"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_alerts" ADD CONSTRAINT "ei_alerts_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_alerts" ADD CONSTRAINT "ei_alerts_force_id_rule_id_ei_rules_force_id_id_fk" FOREIGN KEY ("force_id","rule_id") REFERENCES "public"."ei_rules"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_alerts" ADD CONSTRAINT "ei_alerts_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_events" ADD CONSTRAINT "ei_events_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_events" ADD CONSTRAINT "ei_events_force_id_person_id_people_force_id_id_fk" FOREIGN KEY ("force_id","person_id") REFERENCES "public"."people"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_interventions" ADD CONSTRAINT "ei_interventions_force_id_alert_id_ei_alerts_force_id_id_fk" FOREIGN KEY ("force_id","alert_id") REFERENCES "public"."ei_alerts"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_rules" ADD CONSTRAINT "ei_rules_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_runs" ADD CONSTRAINT "ei_runs_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ei_alert_transitions_alert_idx" ON "ei_alert_transitions" USING btree ("force_id","alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ei_alerts_open_idx" ON "ei_alerts" USING btree ("force_id","rule_key","person_id") WHERE state not in ('closed', 'false_positive');--> statement-breakpoint
CREATE INDEX "ei_alerts_state_idx" ON "ei_alerts" USING btree ("force_id","state");--> statement-breakpoint
CREATE INDEX "ei_alerts_person_idx" ON "ei_alerts" USING btree ("force_id","person_id");--> statement-breakpoint
CREATE INDEX "ei_events_kind_idx" ON "ei_events" USING btree ("force_id","kind","occurred_on","person_id");--> statement-breakpoint
CREATE INDEX "ei_interventions_alert_idx" ON "ei_interventions" USING btree ("force_id","alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ei_rules_current_idx" ON "ei_rules" USING btree ("force_id","rule_key") WHERE not superseded;--> statement-breakpoint
CREATE INDEX "ei_runs_on_idx" ON "ei_runs" USING btree ("force_id","run_on");