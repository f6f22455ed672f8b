CREATE TABLE audit_pending_columns (
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
INSERT INTO audit_pending_columns
SELECT id, recorded_at, json_extract(entry, '$.client_id'), json_extract(entry, '$.user_id'),
    json_extract(entry, '$.purpose'), json_extract(entry, '$.action'),
    json_extract(entry, '$.object_type'), json_extract(entry, '$.object_id'),
    entry -> '$.details', json_extract(entry, '$.outcome')
FROM audit_pending;
DROP TABLE audit_pending;
ALTER TABLE audit_pending_columns RENAME TO audit_pending;
