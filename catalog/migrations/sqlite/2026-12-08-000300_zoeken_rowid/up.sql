-- The full-text index keyed by the component's rowid instead of holding its id: a search reads
-- the matching rowids from the index alone, where reading each match's id cost a seek into the
-- index's content (a quarter of a search's time at 11,000 components). A VACUUM may renumber
-- the rowids of a table without an INTEGER PRIMARY KEY; the catalogue checks the index at
-- start-up and rebuilds it when they no longer match (store::check_search_index).
DROP TRIGGER componenten_zoek_gewijzigd;
DROP TRIGGER componenten_zoek_nieuw;
DROP TABLE componenten_zoek;
CREATE VIRTUAL TABLE componenten_zoek USING fts5(
    naam, korte_beschrijving, beschrijving, organisatie,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO componenten_zoek (rowid, naam, korte_beschrijving, beschrijving, organisatie)
    SELECT rowid, naam, korte_beschrijving, beschrijving, coalesce(organisatie, '') FROM componenten;
CREATE TRIGGER componenten_zoek_nieuw AFTER INSERT ON componenten BEGIN
    INSERT INTO componenten_zoek (rowid, naam, korte_beschrijving, beschrijving, organisatie)
    VALUES (new.rowid, new.naam, new.korte_beschrijving, new.beschrijving, coalesce(new.organisatie, ''));
END;
CREATE TRIGGER componenten_zoek_gewijzigd AFTER UPDATE ON componenten BEGIN
    DELETE FROM componenten_zoek WHERE rowid = old.rowid;
    INSERT INTO componenten_zoek (rowid, naam, korte_beschrijving, beschrijving, organisatie)
    VALUES (new.rowid, new.naam, new.korte_beschrijving, new.beschrijving, coalesce(new.organisatie, ''));
END;
