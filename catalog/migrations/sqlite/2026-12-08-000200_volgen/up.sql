-- Following other catalogues. A version records when it was stored here (`vastgelegd_op`), the
-- order of the feed a follower reads (a seeded or followed version is dated as its source dated
-- it, long before it was stored). A followed component says which catalogue it comes from: only
-- that catalogue changes it.
ALTER TABLE versies ADD COLUMN vastgelegd_op TIMESTAMP;
UPDATE versies SET vastgelegd_op = aangemaakt_op;
CREATE INDEX versies_vastgelegd ON versies (vastgelegd_op, component_id, versie);
ALTER TABLE componenten ADD COLUMN gevolgd_van TEXT;
-- What a catalogue followed has given so far: the moment its feed is read from next.
CREATE TABLE gevolgde_catalogi (
    url TEXT PRIMARY KEY NOT NULL,
    sinds TIMESTAMP,
    gevolgd_op TIMESTAMP,
    melding TEXT,
    overgenomen INTEGER NOT NULL DEFAULT 0,
    overgeslagen INTEGER NOT NULL DEFAULT 0
);
