CREATE TABLE "audit_pending" (
	"id" uuid PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"agency_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"payload_before_prev_hash" text NOT NULL,
	"payload_before_seq" text NOT NULL,
	"payload_after_seq" text NOT NULL
);
--> statement-breakpoint
-- recordAudit inserts an entry into audit_pending inside the transaction that makes the change;
-- at that transaction's commit this trigger links it into its chain: the head is locked, the entry
-- takes the next seq and its hash (SHA-256 of the canonical payload with the head's hash and the
-- seq put in, as hashEntry computes it), the head moves on and the pending row goes. So the head
-- stays locked only until the commit ends, never across a round trip to the server. Deferred
-- triggers fire in the order their rows were inserted: a transaction's entries keep their order.
-- Under READ COMMITTED the FOR UPDATE waits for the previous writer's commit and then reads its head.
CREATE OR REPLACE FUNCTION audit_link_pending() RETURNS trigger AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  entry_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_heads WHERE chain = NEW.chain FOR UPDATE;
  IF NOT FOUND THEN
    -- The chain's first entry: its head starts at the genesis hash.
    INSERT INTO audit_heads (chain, seq, hash) VALUES (NEW.chain, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_heads WHERE chain = NEW.chain FOR UPDATE;
  END IF;
  head_seq := head_seq + 1;
  entry_hash := encode(sha256(convert_to(NEW.payload_before_prev_hash || '"' || head_hash || '"' || NEW.payload_before_seq || head_seq::text || NEW.payload_after_seq, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, chain, seq, agency_id, actor_id, action, target_type, target_id, summary, created_at, prev_hash, hash)
    VALUES (NEW.id, NEW.chain, head_seq, NEW.agency_id, NEW.actor_id, NEW.action, NEW.target_type, NEW.target_id, NEW.summary, NEW.created_at, head_hash, entry_hash);
  UPDATE audit_heads SET seq = head_seq, hash = entry_hash WHERE chain = NEW.chain;
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_link AFTER INSERT ON audit_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_link_pending();
