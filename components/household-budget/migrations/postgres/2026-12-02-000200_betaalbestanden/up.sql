-- Betaalinstructies of afspraken (JSON), exported payment files, and which payment (afspraak,
-- date) went into which file: the primary key makes sure none is exported twice.
ALTER TABLE afspraken ADD COLUMN betaalinstructie TEXT;

CREATE TABLE betaalbestanden (
    id TEXT PRIMARY KEY NOT NULL,
    versie TEXT NOT NULL,
    van DATE NOT NULL,
    tot DATE NOT NULL,
    sha256 TEXT NOT NULL,
    inhoud TEXT NOT NULL,
    aantal INTEGER NOT NULL,
    totaal BIGINT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL,
    aangemaakt_door TEXT NOT NULL
);

CREATE TABLE geexporteerde_betalingen (
    afspraak_id TEXT NOT NULL REFERENCES afspraken (id),
    datum DATE NOT NULL,
    betaalbestand_id TEXT NOT NULL REFERENCES betaalbestanden (id),
    PRIMARY KEY (afspraak_id, datum)
);
