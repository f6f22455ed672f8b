ALTER TABLE versies DROP COLUMN adr_score;
ALTER TABLE versies DROP COLUMN adr_bevindingen;
