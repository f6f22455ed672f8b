ALTER TABLE componenten DROP COLUMN afhankelijk_van;
DROP INDEX gebruik_organisatie;
DROP TABLE gebruik;
