DROP TABLE geexporteerde_betalingen;
DROP TABLE betaalbestanden;
ALTER TABLE afspraken DROP COLUMN betaalinstructie;
