CREATE TABLE "import_rejects" (
	"force_id" text NOT NULL,
	"run_id" uuid NOT NULL,
	"file_index" integer NOT NULL,
	"line" integer NOT NULL,
	"file_name" text NOT NULL,
	"reason" text NOT NULL,
	"raw" text NOT NULL,
	CONSTRAINT "import_rejects_force_id_run_id_file_index_line_pk" PRIMARY KEY("force_id","run_id","file_index","line")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"force_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"identity" text NOT NULL,
	"mapping_name" text NOT NULL,
	"mapping_checksum" text NOT NULL,
	"files" jsonb NOT NULL,
	"batch_size" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"file_index" integer DEFAULT 0 NOT NULL,
	"file_row" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_duplicate" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"created" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unmapped" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"process_id" integer,
	"host" text,
	"error" text,
	CONSTRAINT "import_runs_force_id_id_pk" PRIMARY KEY("force_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_units" (
	"force_id" text NOT NULL,
	"source_key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "import_units_force_id_source_key_pk" PRIMARY KEY("force_id","source_key")
);
--> statement-breakpoint
ALTER TABLE "allegations" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_force_id_run_id_import_runs_force_id_id_fk" FOREIGN KEY ("force_id","run_id") REFERENCES "public"."import_runs"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_units" ADD CONSTRAINT "import_units_force_id_unit_id_units_force_id_id_fk" FOREIGN KEY ("force_id","unit_id") REFERENCES "public"."units"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_identity_idx" ON "import_runs" USING btree ("force_id","identity","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_runs_unfinished_unique" ON "import_runs" USING btree ("force_id","identity") WHERE status <> 'completed';--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_source_key_unique" UNIQUE("force_id","source_key");--> statement-breakpoint
ALTER TABLE "allegations" ADD CONSTRAINT "allegations_source_key_unique" UNIQUE("force_id","source_key");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_source_key_unique" UNIQUE("force_id","source_key");