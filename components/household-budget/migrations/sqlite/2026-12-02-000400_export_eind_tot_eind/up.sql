-- The end-to-end id of each exported payment, so the bank's debit is matched back to it.
ALTER TABLE geexporteerde_betalingen ADD COLUMN end_to_end_id TEXT;
CREATE INDEX geexporteerde_betalingen_e2e ON geexporteerde_betalingen (end_to_end_id);
