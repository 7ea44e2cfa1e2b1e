-- Each CAT result names its attempt's application, so the final ranking reads a round's results by
-- application (results.repo.ts, loadCandidatesWithCat) without joining every attempt. PostgreSQL
-- sets it and the blueprint from the attempt on every insert, whatever the insert gave, and refuses
-- to change either.
ALTER TABLE "cat_results" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "cat_results" DISABLE TRIGGER "cat_results_corrected_only";--> statement-breakpoint
UPDATE "cat_results" r SET "application_id" = t."application_id" FROM "cat_attempts" t WHERE t."id" = r."attempt_id";--> statement-breakpoint
ALTER TABLE "cat_results" ENABLE TRIGGER "cat_results_corrected_only";--> statement-breakpoint
ALTER TABLE "cat_results" ALTER COLUMN "application_id" SET NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION cat_results_application_of_attempt() RETURNS trigger AS $$
BEGIN
  SELECT t.application_id, t.blueprint_id INTO NEW.application_id, NEW.blueprint_id FROM cat_attempts t WHERE t.id = NEW.attempt_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cat_results_application BEFORE INSERT ON cat_results FOR EACH ROW EXECUTE FUNCTION cat_results_application_of_attempt();--> statement-breakpoint
CREATE OR REPLACE FUNCTION cat_results_refuse_uncorrected_change() RETURNS trigger AS $$
BEGIN
  IF NEW.original IS NULL
     OR (OLD.original IS NOT NULL AND NEW.original IS DISTINCT FROM OLD.original)
     OR NEW.attempt_id IS DISTINCT FROM OLD.attempt_id
     OR NEW.application_id IS DISTINCT FROM OLD.application_id
     OR NEW.blueprint_id IS DISTINCT FROM OLD.blueprint_id
     OR NEW.answer_sheet_hash IS DISTINCT FROM OLD.answer_sheet_hash
     OR NEW.registration_number IS DISTINCT FROM OLD.registration_number THEN
    RAISE EXCEPTION 'hasil ujian CAT hanya dapat diubah melalui koreksi yang menyimpan hasil aslinya' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE INDEX "cat_attempts_absent_idx" ON "cat_attempts" USING btree ("blueprint_id") WHERE status = 'absent';--> statement-breakpoint
CREATE UNIQUE INDEX "cat_results_blueprint_application_key" ON "cat_results" USING btree ("blueprint_id","application_id");
