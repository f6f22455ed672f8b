DROP TABLE gevolgde_catalogi;
ALTER TABLE componenten DROP COLUMN gevolgd_van;
DROP INDEX versies_vastgelegd;
ALTER TABLE versies DROP COLUMN vastgelegd_op;
