ALTER TABLE componenten DROP COLUMN eigenaar;
