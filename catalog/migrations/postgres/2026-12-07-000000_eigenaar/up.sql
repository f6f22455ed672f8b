-- A component belongs to the organisation that first published it; only that organisation
-- publishes new versions, and an administrator transfers it. Components published before
-- ownership existed have none until an administrator assigns one (the catalogue's own entries
-- are claimed by the catalogue at start-up).
ALTER TABLE componenten ADD COLUMN eigenaar TEXT;
