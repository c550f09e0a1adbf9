-- Trigram matching for the people directory's name search (pg_trgm: in PostgreSQL's contrib package, and loaded by
-- Probity into PGlite). A trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_name" gin_trgm_ops);