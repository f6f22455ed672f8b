-- Harvesting: an organisation registers where its repositories live (a GitHub organisation or
-- GitLab group, and/or a list of repositories); the catalogue fetches each repository's
-- publiccode.yml (and the spec it points to) and adds a version when something changed.
CREATE TABLE oogstbronnen (
    id TEXT PRIMARY KEY NOT NULL,
    organisatie TEXT NOT NULL,
    soort TEXT NOT NULL,
    api_url TEXT NOT NULL,
    groep TEXT,
    repositories TEXT NOT NULL,
    aangemaakt_door TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL,
    geoogst_op TIMESTAMP,
    melding TEXT
);
-- What the last harvest found in each repository of a source: a component, nothing, a file the
-- standard refuses, or a repository that is gone (never dropped silently). The ETags make an
-- unchanged repository cost one conditional request.
CREATE TABLE oogst_repositories (
    bron_id TEXT NOT NULL REFERENCES oogstbronnen (id) ON DELETE CASCADE,
    repository TEXT NOT NULL,
    web_url TEXT NOT NULL,
    status TEXT NOT NULL,
    melding TEXT,
    component_id TEXT,
    publiccode_pad TEXT,
    publiccode_etag TEXT,
    gecontroleerd_op TIMESTAMP NOT NULL,
    PRIMARY KEY (bron_id, repository)
);
CREATE INDEX oogst_repositories_component ON oogst_repositories (component_id);
