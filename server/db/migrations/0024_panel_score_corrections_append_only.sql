-- A correction of a locked panel score is appended, never changed or removed: the locked score
-- (panel_candidates.score) is the original and each correction names the score it replaced, so
-- the whole history stays. The service only inserts; this holds for a direct write too.
CREATE OR REPLACE FUNCTION panel_score_corrections_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'koreksi nilai panel tidak dapat diubah atau dihapus: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER panel_score_corrections_append_only BEFORE UPDATE OR DELETE ON panel_score_corrections FOR EACH ROW EXECUTE FUNCTION panel_score_corrections_refuse_change();
