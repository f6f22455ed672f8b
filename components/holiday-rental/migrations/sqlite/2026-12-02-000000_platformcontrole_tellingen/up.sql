-- The platform number check's requests per client per window, counted here so that every
-- replica counts against the same limit. Old windows are removed as new ones start.
CREATE TABLE platformcontrole_tellingen (
    client_id TEXT NOT NULL,
    venster BIGINT NOT NULL,
    aantal BIGINT NOT NULL,
    PRIMARY KEY (client_id, venster)
);
