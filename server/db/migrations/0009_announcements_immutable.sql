-- A published announcement (pengumuman) is never changed or removed, nor are its attachments: a
-- correction is a new announcement that supersedes it. The service refuses first; this holds even
-- for a direct write to the database.
CREATE OR REPLACE FUNCTION announcements_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'pengumuman yang sudah terbit tidak dapat diubah atau dihapus: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER announcements_published_immutable BEFORE UPDATE OR DELETE ON announcements FOR EACH ROW EXECUTE FUNCTION announcements_refuse_published_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION announcement_files_refuse_published_change() RETURNS trigger AS $$
DECLARE
  parent_status text;
BEGIN
  SELECT status INTO parent_status FROM announcements WHERE id = (CASE WHEN TG_OP = 'INSERT' THEN NEW.announcement_id ELSE OLD.announcement_id END);
  IF parent_status = 'published' THEN
    RAISE EXCEPTION 'lampiran pengumuman yang sudah terbit tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.announcement_id IS DISTINCT FROM OLD.announcement_id THEN
    SELECT status INTO parent_status FROM announcements WHERE id = NEW.announcement_id;
    IF parent_status = 'published' THEN
      RAISE EXCEPTION 'lampiran pengumuman yang sudah terbit tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER announcement_files_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON announcement_files FOR EACH ROW EXECUTE FUNCTION announcement_files_refuse_published_change();
