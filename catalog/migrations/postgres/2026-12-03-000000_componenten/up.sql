-- Components described by their publiccode.yml, and every version of that file with the
-- OpenAPI spec that came with it: nothing is overwritten, an update adds a version.
CREATE TABLE componenten (
    id TEXT PRIMARY KEY NOT NULL,
    -- the repository URL of publiccode.yml: a component's identity
    url TEXT NOT NULL UNIQUE,
    naam TEXT NOT NULL,
    laag TEXT,
    installatietype TEXT,
    status TEXT NOT NULL,
    software_type TEXT NOT NULL,
    licentie TEXT NOT NULL,
    organisatie TEXT,
    korte_beschrijving TEXT NOT NULL,
    beschrijving TEXT NOT NULL,
    laatste_versie INTEGER NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL,
    gewijzigd_op TIMESTAMP NOT NULL
);
CREATE INDEX componenten_laag ON componenten (laag);

CREATE TABLE versies (
    component_id TEXT NOT NULL REFERENCES componenten (id),
    versie INTEGER NOT NULL,
    software_versie TEXT,
    publiccode TEXT NOT NULL,
    openapi TEXT,
    -- SHA-256 of publiccode.yml and spec together: publishing the same again adds no version
    inhoud_sha256 TEXT NOT NULL,
    gepubliceerd_door TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL,
    PRIMARY KEY (component_id, versie)
);
