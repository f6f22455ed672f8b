DROP TRIGGER componenten_zoek_gewijzigd;
DROP TRIGGER componenten_zoek_nieuw;
DROP TABLE componenten_zoek;
