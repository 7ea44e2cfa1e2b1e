-- A published final list is never changed: a correction after objections is a new list. The
-- service never updates a line; this holds for a direct write to the database too (the integrity
-- recompute would name such a line anyway).
CREATE OR REPLACE FUNCTION final_results_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'hasil akhir yang sudah diumumkan tidak dapat diubah atau dihapus: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER final_results_immutable BEFORE UPDATE OR DELETE ON final_results FOR EACH ROW EXECUTE FUNCTION final_results_refuse_change();
--> statement-breakpoint
CREATE TRIGGER final_rankings_immutable BEFORE UPDATE OR DELETE ON final_rankings FOR EACH ROW EXECUTE FUNCTION final_results_refuse_change();
