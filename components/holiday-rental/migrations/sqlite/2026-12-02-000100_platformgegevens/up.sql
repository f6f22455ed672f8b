-- What the platforms report through the EU Single Digital Entry Point (SDEP), each record once
-- (its id is a hash of its content), with where and when it was fetched; the signals the
-- matching makes of it; and the removal orders inspectors issue.
CREATE TABLE platform_verblijven (
    id TEXT PRIMARY KEY NOT NULL,
    registratienummer TEXT NOT NULL,
    platform TEXT NOT NULL,
    url TEXT NOT NULL,
    start_datum DATE NOT NULL,
    eind_datum DATE NOT NULL,
    aantal_gasten INTEGER,
    landen TEXT NOT NULL,
    gebied TEXT NOT NULL,
    bron TEXT NOT NULL,
    ingediend_op TEXT,
    opgehaald_op TIMESTAMP NOT NULL
);
CREATE INDEX platform_verblijven_nummer ON platform_verblijven (registratienummer);

CREATE TABLE platform_advertenties (
    id TEXT PRIMARY KEY NOT NULL,
    registratienummer TEXT NOT NULL,
    platform TEXT NOT NULL,
    url TEXT NOT NULL,
    adres TEXT NOT NULL,
    gebied TEXT NOT NULL,
    bron TEXT NOT NULL,
    opgehaald_op TIMESTAMP NOT NULL
);

CREATE TABLE platformsignalen (
    id TEXT PRIMARY KEY NOT NULL,
    sleutel TEXT NOT NULL UNIQUE,
    soort TEXT NOT NULL,
    registratienummer TEXT NOT NULL,
    jaar INTEGER NOT NULL,
    gemeentecode TEXT NOT NULL,
    nachten BIGINT NOT NULL,
    bewijs TEXT NOT NULL,
    status TEXT NOT NULL,
    notitie TEXT,
    aangemaakt_op TIMESTAMP NOT NULL,
    gesloten_op TIMESTAMP,
    gesloten_door TEXT
);
CREATE INDEX platformsignalen_gemeente ON platformsignalen (gemeentecode, status);

CREATE TABLE verwijderverzoeken (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    platform TEXT NOT NULL,
    registratienummer TEXT NOT NULL,
    reden TEXT NOT NULL,
    datum DATE NOT NULL,
    gemeentecode TEXT NOT NULL,
    signaal_id TEXT NOT NULL,
    aangemaakt_door TEXT NOT NULL,
    UNIQUE (url, registratienummer)
);
