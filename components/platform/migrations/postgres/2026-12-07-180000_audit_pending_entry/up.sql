-- A pending entry is stored as the entry itself (the JSON of platform::audit::AuditEntry) instead
-- of repeating the audit log's columns: the writer reads it back whole. Entries pending at the
-- upgrade are kept, converted.
ALTER TABLE audit_pending ADD COLUMN entry TEXT;
UPDATE audit_pending SET entry = json_build_object(
    'client_id', client_id, 'user_id', user_id, 'purpose', purpose, 'action', action,
    'object_type', object_type, 'object_id', object_id, 'details', details::json,
    'outcome', outcome)::text;
ALTER TABLE audit_pending ALTER COLUMN entry SET NOT NULL;
ALTER TABLE audit_pending
    DROP COLUMN client_id, DROP COLUMN user_id, DROP COLUMN purpose, DROP COLUMN action,
    DROP COLUMN object_type, DROP COLUMN object_id, DROP COLUMN details, DROP COLUMN outcome;
