CREATE TABLE "inspection_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publisher" text NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"report_type" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_reports_title_unique" UNIQUE("publisher","title","published_on")
);
--> statement-breakpoint
CREATE TABLE "published_responses" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"document" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"published_on" date,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "published_responses_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_actions" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"done_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recommendation_actions_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_comments" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_comments_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_evidence" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_evidence_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_responses" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"owner_user_id" uuid,
	"self_status" text DEFAULT 'not_started' NOT NULL,
	"self_assessed_at" timestamp with time zone,
	"self_assessed_by" uuid,
	"verified_status" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"signed_off_status" text,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_responses_force_id_id_pk" PRIMARY KEY("force_id","id"),
	CONSTRAINT "recommendation_responses_item_unique" UNIQUE("force_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "report_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"owner_body" text NOT NULL,
	"deadline" date,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"text_verified" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_items_number_unique" UNIQUE("report_id","kind","number")
);
--> statement-breakpoint
ALTER TABLE "published_responses" ADD CONSTRAINT "published_responses_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_responses" ADD CONSTRAINT "published_responses_report_id_inspection_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."inspection_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_actions" ADD CONSTRAINT "recommendation_actions_force_id_response_id_recommendation_responses_force_id_id_fk" FOREIGN KEY ("force_id","response_id") REFERENCES "public"."recommendation_responses"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_comments" ADD CONSTRAINT "recommendation_comments_force_id_response_id_recommendation_responses_force_id_id_fk" FOREIGN KEY ("force_id","response_id") REFERENCES "public"."recommendation_responses"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_evidence" ADD CONSTRAINT "recommendation_evidence_force_id_response_id_recommendation_responses_force_id_id_fk" FOREIGN KEY ("force_id","response_id") REFERENCES "public"."recommendation_responses"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_item_id_report_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."report_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_report_id_inspection_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."inspection_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_responses_report_idx" ON "published_responses" USING btree ("force_id","report_id","generated_at");--> statement-breakpoint
CREATE INDEX "recommendation_actions_response_idx" ON "recommendation_actions" USING btree ("force_id","response_id");--> statement-breakpoint
CREATE INDEX "recommendation_comments_response_idx" ON "recommendation_comments" USING btree ("force_id","response_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendation_evidence_response_idx" ON "recommendation_evidence" USING btree ("force_id","response_id");