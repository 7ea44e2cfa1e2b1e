-- A CAT result is written once by the scoring and changes only through the audited correction
-- (server/modules/cat-results), which keeps the first result in "original". Any other update —
-- one that leaves no original, replaces the kept original, or touches the answer sheet's hash or
-- the participant — is refused, even when written directly to the database.
CREATE OR REPLACE FUNCTION cat_results_refuse_uncorrected_change() RETURNS trigger AS $$
BEGIN
  IF NEW.original IS NULL
     OR (OLD.original IS NOT NULL AND NEW.original IS DISTINCT FROM OLD.original)
     OR NEW.attempt_id IS DISTINCT FROM OLD.attempt_id
     OR NEW.answer_sheet_hash IS DISTINCT FROM OLD.answer_sheet_hash
     OR NEW.registration_number IS DISTINCT FROM OLD.registration_number THEN
    RAISE EXCEPTION 'hasil ujian CAT hanya dapat diubah melalui koreksi yang menyimpan hasil aslinya' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cat_results_corrected_only BEFORE UPDATE ON cat_results FOR EACH ROW EXECUTE FUNCTION cat_results_refuse_uncorrected_change();
