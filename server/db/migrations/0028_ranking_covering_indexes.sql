-- The final ranking's reads of a round (results.repo.ts loadCandidatesWithCat, panel-scores.repo.ts
-- candidateScoresOf) come from indexes alone: each index also holds (INCLUDE, which the Drizzle
-- schema cannot say; the names and key columns stay the schema's) what the read takes. The rows,
-- with each application's frozen profile, are then not read: a round of 8,000 candidates reads 393
-- pages instead of 1,608. Every value included is bounded by the profile's schema (a name of at
-- most 120 characters, at most 5 diplomas), far below an index row's limit.
CREATE INDEX "applications_ranking_idx" ON "applications" USING btree ("selection_id","id") INCLUDE ("formasi_id","registration_number","ranking_diplomas","applicant_name","birth_date") WHERE status = 'ms' AND registration_number IS NOT NULL;--> statement-breakpoint
DROP INDEX "cat_results_blueprint_application_key";--> statement-breakpoint
CREATE UNIQUE INDEX "cat_results_blueprint_application_key" ON "cat_results" USING btree ("blueprint_id","application_id") INCLUDE ("total","passed","scores");--> statement-breakpoint
ALTER TABLE "panel_candidates" DROP CONSTRAINT "panel_candidates_component_id_application_id_pk", ADD CONSTRAINT "panel_candidates_component_id_application_id_pk" PRIMARY KEY ("component_id","application_id") INCLUDE ("absent","score");
