ALTER TABLE registraties DROP COLUMN verblijven_versie;
