-- Audit entries a use case writes in its own transaction, beside the change they record (both
-- or neither, without every write waiting for the chain head's lock); the audit writer moves
-- them into the keyed chain in batches, before the use case answers, and deletes them here.
CREATE TABLE audit_pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    client_id TEXT NOT NULL,
    user_id TEXT,
    purpose TEXT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT NOT NULL,
    outcome TEXT NOT NULL
);
