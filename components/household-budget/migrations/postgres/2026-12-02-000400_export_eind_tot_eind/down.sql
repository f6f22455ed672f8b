DROP INDEX geexporteerde_betalingen_e2e;
ALTER TABLE geexporteerde_betalingen DROP COLUMN end_to_end_id;
