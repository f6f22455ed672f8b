DROP TRIGGER componenten_zoek_gewijzigd;
DROP TRIGGER componenten_zoek_nieuw;
DROP TABLE componenten_zoek;
CREATE VIRTUAL TABLE componenten_zoek USING fts5(
    id UNINDEXED, naam, korte_beschrijving, beschrijving, organisatie,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO componenten_zoek (id, naam, korte_beschrijving, beschrijving, organisatie)
    SELECT id, naam, korte_beschrijving, beschrijving, coalesce(organisatie, '') FROM componenten;
CREATE TRIGGER componenten_zoek_nieuw AFTER INSERT ON componenten BEGIN
    INSERT INTO componenten_zoek (id, naam, korte_beschrijving, beschrijving, organisatie)
    VALUES (new.id, new.naam, new.korte_beschrijving, new.beschrijving, coalesce(new.organisatie, ''));
END;
CREATE TRIGGER componenten_zoek_gewijzigd AFTER UPDATE ON componenten BEGIN
    DELETE FROM componenten_zoek WHERE id = old.id;
    INSERT INTO componenten_zoek (id, naam, korte_beschrijving, beschrijving, organisatie)
    VALUES (new.id, new.naam, new.korte_beschrijving, new.beschrijving, coalesce(new.organisatie, ''));
END;
