-- The chain becomes keyed (security review, finding 3): every record's hash is an HMAC-SHA256
-- under a configured key that is not stored here (key_id names it, so keys can rotate), over an
-- unambiguous length-prefixed encoding. The head and the checkpoints are signed too.
-- Records of the unkeyed chain are kept as they were in audit_log_v1 (an archive; no
-- deployment ran that version in production) and the keyed chain starts afresh.
ALTER TABLE audit_log RENAME TO audit_log_v1;
ALTER TABLE audit_head RENAME TO audit_head_v1;
DROP INDEX audit_log_object;
DROP TRIGGER audit_log_no_change ON audit_log_v1;
DROP TRIGGER audit_head_no_delete ON audit_head_v1;

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    client_id TEXT NOT NULL,
    user_id TEXT,
    purpose TEXT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT NOT NULL,
    outcome TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    key_id TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);

-- The chain head, signed: seq, hash and an HMAC over both (NULL only for the empty chain).
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    key_id TEXT,
    mac TEXT
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: (seq, hash) of a record, so routine verification starts there.
CREATE TABLE audit_checkpoint (
    seq BIGINT PRIMARY KEY NOT NULL,
    hash TEXT NOT NULL,
    key_id TEXT NOT NULL,
    mac TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
