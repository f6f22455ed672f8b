-- Which organisation uses which component, in which version and environment, since when; and
-- what a component depends on (dependsOn.open of its publiccode.yml, JSON array of names).
CREATE TABLE gebruik (
    component_id TEXT NOT NULL REFERENCES componenten (id),
    organisatie TEXT NOT NULL,
    oin TEXT,
    gemeentecode TEXT,
    omgeving TEXT NOT NULL,
    versie INTEGER NOT NULL,
    sinds DATE NOT NULL,
    geregistreerd_door TEXT NOT NULL,
    geregistreerd_op TIMESTAMP NOT NULL,
    PRIMARY KEY (component_id, organisatie, omgeving)
);
CREATE INDEX gebruik_organisatie ON gebruik (organisatie);
ALTER TABLE componenten ADD COLUMN afhankelijk_van TEXT NOT NULL DEFAULT '[]';
