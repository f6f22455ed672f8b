ALTER TABLE versies DROP COLUMN vergeleken_met;
ALTER TABLE versies DROP COLUMN aantal_brekend;
ALTER TABLE versies DROP COLUMN wijzigingen;
