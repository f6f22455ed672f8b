-- The audit log becomes the component's Logboek Dataverwerkingen (Logius): every record carries
-- its trace and action (W3C Trace Context), the calling action, status, start and end, the
-- processing activity's version in the register and the data subject, keyed (an HMAC under the
-- audit key, never a BSN in clear). Records written before have these empty and keep the hash
-- they were signed with.
ALTER TABLE audit_log ADD COLUMN trace_id TEXT;
ALTER TABLE audit_log ADD COLUMN span_id TEXT;
ALTER TABLE audit_log ADD COLUMN parent_span_id TEXT;
ALTER TABLE audit_log ADD COLUMN foreign_operation TEXT;
ALTER TABLE audit_log ADD COLUMN status_code INTEGER;
ALTER TABLE audit_log ADD COLUMN started_at TIMESTAMP;
ALTER TABLE audit_log ADD COLUMN ended_at TIMESTAMP;
ALTER TABLE audit_log ADD COLUMN processing_activity_id TEXT;
ALTER TABLE audit_log ADD COLUMN data_subject_id TEXT;
ALTER TABLE audit_log ADD COLUMN data_subject_id_type TEXT;
-- a citizen's own records (inzage) and one trace's records are found by index
CREATE INDEX audit_log_subject ON audit_log (data_subject_id, seq);
CREATE INDEX audit_log_trace ON audit_log (trace_id);
