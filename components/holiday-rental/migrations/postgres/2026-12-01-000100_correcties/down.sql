ALTER TABLE verblijven DROP COLUMN gecorrigeerd_door;
ALTER TABLE verblijven DROP COLUMN correctie_reden;
