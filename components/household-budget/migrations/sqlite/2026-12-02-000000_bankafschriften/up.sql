-- One row per imported file; its transactions below. A transaction is identified per account by
-- its key (the bank's reference where that is unique in its statement, else its content), so an
-- overlapping statement adds only what is new.
CREATE TABLE bankafschriften (
    id TEXT PRIMARY KEY NOT NULL,
    formaat TEXT NOT NULL,
    bestand_sha256 TEXT NOT NULL,
    ingelezen_op TIMESTAMP NOT NULL,
    ingelezen_door TEXT NOT NULL,
    aantal_transacties INTEGER NOT NULL,
    aantal_nieuw INTEGER NOT NULL,
    aantal_dubbel INTEGER NOT NULL
);

CREATE TABLE transacties (
    id TEXT PRIMARY KEY NOT NULL,
    bankafschrift_id TEXT NOT NULL REFERENCES bankafschriften (id),
    rekening TEXT NOT NULL,
    sleutel TEXT NOT NULL,
    bedrag BIGINT NOT NULL,
    richting TEXT NOT NULL,
    boekdatum DATE NOT NULL,
    valutadatum DATE,
    bankreferentie TEXT,
    end_to_end_id TEXT,
    tegenrekening TEXT,
    tegenpartij_naam TEXT,
    tegenpartij_bic TEXT,
    omschrijving TEXT NOT NULL,
    betalingskenmerk TEXT,
    storno BOOLEAN NOT NULL,
    retourreden TEXT,
    UNIQUE (rekening, sleutel)
);
CREATE INDEX transacties_bankafschrift ON transacties (bankafschrift_id);
CREATE INDEX transacties_datum ON transacties (rekening, boekdatum);
