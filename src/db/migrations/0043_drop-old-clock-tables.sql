DROP TABLE "vetting_clocks" CASCADE;--> statement-breakpoint
DROP TABLE "complaint_clocks" CASCADE;