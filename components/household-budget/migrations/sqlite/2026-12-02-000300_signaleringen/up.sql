-- Signals for budget workers. The key (kind, afspraak or citizen, date) makes the same finding
-- one signal however often they are computed; a closed signal keeps who closed it and why.
CREATE TABLE signaleringen (
    id TEXT PRIMARY KEY NOT NULL,
    soort TEXT NOT NULL,
    burger_id TEXT NOT NULL REFERENCES burgers (id),
    afspraak_id TEXT REFERENCES afspraken (id),
    datum DATE NOT NULL,
    sleutel TEXT NOT NULL UNIQUE,
    toelichting TEXT NOT NULL,
    status TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL,
    gesloten_op TIMESTAMP,
    gesloten_door TEXT,
    notitie TEXT
);
CREATE INDEX signaleringen_burger ON signaleringen (burger_id, status);
CREATE INDEX signaleringen_status ON signaleringen (status, datum);
