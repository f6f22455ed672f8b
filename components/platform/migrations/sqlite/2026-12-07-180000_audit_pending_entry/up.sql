-- A pending entry is stored as the entry itself (the JSON of platform::audit::AuditEntry) instead
-- of repeating the audit log's columns: the writer reads it back whole. Entries pending at the
-- upgrade are kept, converted.
CREATE TABLE audit_pending_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    entry TEXT NOT NULL
);
INSERT INTO audit_pending_entry (id, recorded_at, entry)
SELECT id, recorded_at, json_object(
    'client_id', client_id, 'user_id', user_id, 'purpose', purpose, 'action', action,
    'object_type', object_type, 'object_id', object_id, 'details', json(details),
    'outcome', outcome)
FROM audit_pending;
DROP TABLE audit_pending;
ALTER TABLE audit_pending_entry RENAME TO audit_pending;
