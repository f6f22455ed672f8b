-- The ADR lint of each version's spec: the findings (JSON) and the score (share of rules passed).
ALTER TABLE versies ADD COLUMN adr_bevindingen TEXT;
ALTER TABLE versies ADD COLUMN adr_score INTEGER;
