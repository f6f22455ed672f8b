CREATE TABLE registraties (
    id TEXT PRIMARY KEY NOT NULL,
    registratienummer TEXT NOT NULL UNIQUE,
    nummeraanduiding_id TEXT NOT NULL,
    adresseerbaar_object_id TEXT NOT NULL,
    adres TEXT NOT NULL,
    gemeentecode TEXT NOT NULL,
    bsn TEXT NOT NULL,
    status TEXT NOT NULL,
    reden_intrekking TEXT,
    aangemaakt_op TIMESTAMP NOT NULL,
    ingetrokken_op TIMESTAMP
);
-- one active registration per address
CREATE UNIQUE INDEX registraties_een_actief ON registraties (nummeraanduiding_id) WHERE status = 'actief';
CREATE INDEX registraties_bsn ON registraties (bsn);

CREATE TABLE verblijven (
    id TEXT PRIMARY KEY NOT NULL,
    registratie_id TEXT NOT NULL REFERENCES registraties (id),
    nummeraanduiding_id TEXT NOT NULL,
    start_datum DATE NOT NULL,
    eind_datum DATE NOT NULL,
    aantal_gasten INTEGER NOT NULL,
    gemeld_door TEXT NOT NULL,
    gemeld_op TIMESTAMP NOT NULL,
    geannuleerd_op TIMESTAMP
);
CREATE INDEX verblijven_adres ON verblijven (nummeraanduiding_id, start_datum);
