-- Moves with every stay stored under the registration: a report checked against an older
-- version is stored only if nothing was added meanwhile (optimistic concurrency).
ALTER TABLE registraties ADD COLUMN verblijven_versie BIGINT NOT NULL DEFAULT 0;
