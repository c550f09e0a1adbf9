ALTER TABLE "vetting_appeals" ADD COLUMN "kind" text DEFAULT 'refusal' NOT NULL;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD COLUMN "lodged_by" text;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD COLUMN "appellant_type" text;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD COLUMN "decide_by" date;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD COLUMN "dismissal_follows" boolean;--> statement-breakpoint
ALTER TABLE "vetting_appeals" ADD COLUMN "tribunal_window_ends_on" date;