DROP INDEX "cases_status_idx";--> statement-breakpoint
CREATE INDEX "case_access_user_idx" ON "case_access" USING btree ("user_id","force_id","case_id");--> statement-breakpoint
CREATE INDEX "cases_list_idx" ON "cases" USING btree ("force_id","status","came_to_attention_on" DESC NULLS FIRST,"reference","id","confidentiality","lead_investigator_id","owning_unit_id");