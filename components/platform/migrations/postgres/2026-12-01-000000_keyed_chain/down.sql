DROP TABLE audit_checkpoint;
DROP TABLE audit_head;
DROP TABLE audit_log;
ALTER TABLE audit_log_v1 RENAME TO audit_log;
ALTER TABLE audit_head_v1 RENAME TO audit_head;
