-- Citizens whose books are kept, their agreements (afspraken) and the bookings of transactions
-- to those agreements.
CREATE TABLE burgers (
    id TEXT PRIMARY KEY NOT NULL,
    bsn TEXT NOT NULL UNIQUE,
    voornamen TEXT NOT NULL,
    achternaam TEXT NOT NULL,
    straat TEXT,
    huisnummer TEXT,
    postcode TEXT,
    plaats TEXT,
    email TEXT,
    telefoon TEXT,
    aangemaakt_op TIMESTAMP NOT NULL
);

CREATE TABLE afspraken (
    id TEXT PRIMARY KEY NOT NULL,
    burger_id TEXT NOT NULL REFERENCES burgers (id),
    omschrijving TEXT NOT NULL,
    richting TEXT NOT NULL,
    bedrag BIGINT NOT NULL,
    tegenrekening TEXT NOT NULL,
    geldig_van DATE NOT NULL,
    geldig_tot DATE,
    zoektermen TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL
);
CREATE INDEX afspraken_burger ON afspraken (burger_id);
CREATE INDEX afspraken_tegenrekening ON afspraken (tegenrekening);

CREATE TABLE boekingen (
    transactie_id TEXT PRIMARY KEY NOT NULL REFERENCES transacties (id),
    afspraak_id TEXT NOT NULL REFERENCES afspraken (id),
    automatisch BOOLEAN NOT NULL,
    geboekt_door TEXT NOT NULL,
    geboekt_op TIMESTAMP NOT NULL
);
CREATE INDEX boekingen_afspraak ON boekingen (afspraak_id);
