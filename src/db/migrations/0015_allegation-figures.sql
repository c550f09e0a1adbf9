CREATE TABLE "allegation_figures" (
	"force_id" text NOT NULL,
	"allegation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"received_on" date NOT NULL,
	"finalised_on" date,
	"category_code" text NOT NULL,
	"state" text NOT NULL,
	"severity" text,
	"case_to_answer" text,
	"form" text,
	"finding" text,
	"sanction" text,
	"rprp" boolean NOT NULL,
	CONSTRAINT "allegation_figures_force_id_allegation_id_pk" PRIMARY KEY("force_id","allegation_id")
);
--> statement-breakpoint
-- Fill the table for the allegations that exist already, from the same sources the application uses
-- (features/oversight/allegation-figures.repository.ts, which writes it from now on).
INSERT INTO "allegation_figures" ("force_id", "allegation_id", "case_id", "person_id", "case_type", "received_on", "finalised_on", "category_code",
  "state", "severity", "case_to_answer", "form", "finding", "sanction", "rprp")
SELECT a.force_id, a.id, a.case_id, s.person_id, c.case_type, c.came_to_attention_on,
  CASE WHEN a.state = 'closed' THEN (SELECT max(e.occurred_on) FROM allegation_events e
    WHERE e.force_id = a.force_id AND e.allegation_id = a.id AND e.to_state = 'closed') END,
  a.category_code, a.state, a.facts->'track'->>'severity', a.facts->'track'->>'caseToAnswer', a.facts->'track'->>'form',
  a.facts->'track'->>'finding', a.facts->'track'->>'sanction',
  EXISTS (SELECT 1 FROM allegation_events r WHERE r.force_id = a.force_id AND r.allegation_id = a.id AND r.to_state = 'rprp')
FROM allegations a
  JOIN cases c ON c.force_id = a.force_id AND c.id = a.case_id
  JOIN case_subjects s ON s.force_id = a.force_id AND s.id = a.subject_id;
--> statement-breakpoint
ALTER TABLE "allegation_figures" ADD CONSTRAINT "allegation_figures_force_id_allegation_id_allegations_force_id_id_fk" FOREIGN KEY ("force_id","allegation_id") REFERENCES "public"."allegations"("force_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegation_figures_finalised_idx" ON "allegation_figures" USING btree ("force_id","finalised_on");--> statement-breakpoint
CREATE INDEX "allegation_figures_received_idx" ON "allegation_figures" USING btree ("force_id","received_on");