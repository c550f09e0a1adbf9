CREATE TABLE "ei_settings" (
	"force_id" text PRIMARY KEY NOT NULL,
	"supervisor_access" boolean DEFAULT false NOT NULL,
	"supervisory_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ei_rules" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "ei_settings" ADD CONSTRAINT "ei_settings_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ei_rules" ADD CONSTRAINT "ei_rules_force_id_unit_id_units_force_id_id_fk" FOREIGN KEY ("force_id","unit_id") REFERENCES "public"."units"("force_id","id") ON DELETE no action ON UPDATE no action;