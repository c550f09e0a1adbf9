ALTER TABLE "complaint_clocks" ADD COLUMN "due_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaint_clocks" ADD COLUMN "overdue_notified_at" timestamp with time zone;