-- Once the panel locks a component's scores nothing of it changes: not the component, nor its
-- assignments, scores, candidates or moderation. The service refuses first; this holds even for a
-- direct write to the database. Rows of a component are written before the component is locked.
CREATE OR REPLACE FUNCTION panel_components_refuse_locked_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'locked' THEN
    RAISE EXCEPTION 'nilai panel yang sudah dikunci tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER panel_components_locked_immutable BEFORE UPDATE OR DELETE ON panel_components FOR EACH ROW EXECUTE FUNCTION panel_components_refuse_locked_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION panel_rows_refuse_locked_change() RETURNS trigger AS $$
DECLARE
  parent_status text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT status INTO parent_status FROM panel_components WHERE id = OLD.component_id;
    IF parent_status = 'locked' THEN
      RAISE EXCEPTION 'nilai panel yang sudah dikunci tidak dapat diubah: % pada % ditolak', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT status INTO parent_status FROM panel_components WHERE id = NEW.component_id;
    IF parent_status = 'locked' THEN
      RAISE EXCEPTION 'nilai panel yang sudah dikunci tidak dapat diubah: % pada % ditolak', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER panel_assignments_locked_immutable BEFORE INSERT OR UPDATE OR DELETE ON panel_assignments FOR EACH ROW EXECUTE FUNCTION panel_rows_refuse_locked_change();
--> statement-breakpoint
CREATE TRIGGER panel_scores_locked_immutable BEFORE INSERT OR UPDATE OR DELETE ON panel_scores FOR EACH ROW EXECUTE FUNCTION panel_rows_refuse_locked_change();
--> statement-breakpoint
CREATE TRIGGER panel_candidates_locked_immutable BEFORE INSERT OR UPDATE OR DELETE ON panel_candidates FOR EACH ROW EXECUTE FUNCTION panel_rows_refuse_locked_change();
--> statement-breakpoint
CREATE TRIGGER panel_moderations_locked_immutable BEFORE INSERT OR UPDATE OR DELETE ON panel_moderations FOR EACH ROW EXECUTE FUNCTION panel_rows_refuse_locked_change();
