-- Where a version came from when it was not published here: the upstream file of a seeded
-- landscape entry, the repository file a harvest fetched, or the catalogue it was followed from.
-- None for a version published to this catalogue.
ALTER TABLE versies ADD COLUMN bron TEXT;
