DROP INDEX componenten_zoektekst;
ALTER TABLE componenten DROP COLUMN zoektekst;
