ALTER TABLE "cases" ADD COLUMN "connected_matter_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "connected_matter_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "iopc_reinvestigation" boolean DEFAULT false NOT NULL;