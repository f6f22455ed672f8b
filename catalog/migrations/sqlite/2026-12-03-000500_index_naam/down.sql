DROP INDEX componenten_gewijzigd;
DROP INDEX componenten_naam;
