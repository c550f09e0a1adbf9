CREATE INDEX "allegation_events_allegation_idx" ON "allegation_events" USING btree ("force_id","allegation_id","to_state");--> statement-breakpoint
CREATE INDEX "allegation_events_closed_idx" ON "allegation_events" USING btree ("force_id","occurred_on","allegation_id") WHERE to_state = 'closed';--> statement-breakpoint
CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("force_id","closed_on");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("force_id","came_to_attention_on");--> statement-breakpoint
CREATE INDEX "criminal_proceedings_subject_idx" ON "criminal_proceedings" USING btree ("force_id","subject_id");--> statement-breakpoint
CREATE INDEX "duty_restrictions_starts_idx" ON "duty_restrictions" USING btree ("force_id","starts_on");--> statement-breakpoint
CREATE INDEX "duty_restrictions_ends_idx" ON "duty_restrictions" USING btree ("force_id","ends_on");