-- What changed in a version's spec against the previous version with a spec: the changes (JSON),
-- how many break a client, and which version it was compared with.
ALTER TABLE versies ADD COLUMN wijzigingen TEXT;
ALTER TABLE versies ADD COLUMN aantal_brekend INTEGER;
ALTER TABLE versies ADD COLUMN vergeleken_met INTEGER;
