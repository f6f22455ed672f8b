-- Full-text search over the components in the database (tsvector with the Dutch configuration),
-- so every replica searches the same index.
ALTER TABLE componenten ADD COLUMN zoektekst tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', naam), 'A')
    || setweight(to_tsvector('dutch', korte_beschrijving), 'B')
    || setweight(to_tsvector('dutch', coalesce(organisatie, '')), 'B')
    || setweight(to_tsvector('dutch', beschrijving), 'C')
) STORED;
CREATE INDEX componenten_zoektekst ON componenten USING gin (zoektekst);
