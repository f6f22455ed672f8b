ALTER TABLE audit_pending
    ADD COLUMN client_id TEXT, ADD COLUMN user_id TEXT, ADD COLUMN purpose TEXT,
    ADD COLUMN action TEXT, ADD COLUMN object_type TEXT, ADD COLUMN object_id TEXT,
    ADD COLUMN details TEXT, ADD COLUMN outcome TEXT;
UPDATE audit_pending SET
    client_id = entry::json ->> 'client_id', user_id = entry::json ->> 'user_id',
    purpose = entry::json ->> 'purpose', action = entry::json ->> 'action',
    object_type = entry::json ->> 'object_type', object_id = entry::json ->> 'object_id',
    details = (entry::json -> 'details')::text, outcome = entry::json ->> 'outcome';
ALTER TABLE audit_pending
    ALTER COLUMN client_id SET NOT NULL, ALTER COLUMN action SET NOT NULL,
    ALTER COLUMN object_type SET NOT NULL, ALTER COLUMN details SET NOT NULL,
    ALTER COLUMN outcome SET NOT NULL, DROP COLUMN entry;
