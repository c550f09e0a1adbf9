ALTER TABLE "report_items" DROP CONSTRAINT "report_items_number_unique";--> statement-breakpoint
ALTER TABLE "inspection_reports" ADD COLUMN "owner_force_id" text;--> statement-breakpoint
ALTER TABLE "report_items" ADD COLUMN "force_id" text;--> statement-breakpoint
ALTER TABLE "inspection_reports" ADD CONSTRAINT "inspection_reports_owner_force_id_forces_id_fk" FOREIGN KEY ("owner_force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_force_id_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_number_unique" UNIQUE NULLS NOT DISTINCT("report_id","kind","number","force_id");--> statement-breakpoint
-- A report added before owners were recorded belongs to the force of the account that added it.
UPDATE "inspection_reports" r SET "owner_force_id" = u."force_id" FROM "users" u WHERE u."id" = r."created_by";
