-- Master data around the citizens: households, organisations with their departments, the bank
-- accounts of citizens and departments, and rubrieken mapped to a chart of accounts.
CREATE TABLE huishoudens (
    id TEXT PRIMARY KEY NOT NULL,
    naam TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL
);
ALTER TABLE burgers ADD COLUMN huishouden_id TEXT REFERENCES huishoudens (id);
CREATE INDEX burgers_huishouden ON burgers (huishouden_id);

CREATE TABLE organisaties (
    id TEXT PRIMARY KEY NOT NULL,
    kvk_nummer TEXT NOT NULL UNIQUE,
    naam TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL
);

CREATE TABLE afdelingen (
    id TEXT PRIMARY KEY NOT NULL,
    organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
    naam TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL
);
CREATE INDEX afdelingen_organisatie ON afdelingen (organisatie_id);

-- an account is known once by its IBAN and may belong to several citizens (a joint account)
-- or departments
CREATE TABLE rekeningen (
    iban TEXT PRIMARY KEY NOT NULL,
    rekeninghouder TEXT NOT NULL,
    aangemaakt_op TIMESTAMP NOT NULL
);
CREATE TABLE burger_rekeningen (
    burger_id TEXT NOT NULL REFERENCES burgers (id),
    iban TEXT NOT NULL REFERENCES rekeningen (iban),
    PRIMARY KEY (burger_id, iban)
);
CREATE TABLE afdeling_rekeningen (
    afdeling_id TEXT NOT NULL REFERENCES afdelingen (id),
    iban TEXT NOT NULL REFERENCES rekeningen (iban),
    PRIMARY KEY (afdeling_id, iban)
);
CREATE INDEX afdeling_rekeningen_iban ON afdeling_rekeningen (iban);

CREATE TABLE grootboekrekeningen (
    code TEXT PRIMARY KEY NOT NULL,
    naam TEXT NOT NULL,
    -- credit: income, debit: expense
    soort TEXT NOT NULL
);
CREATE TABLE rubrieken (
    id TEXT PRIMARY KEY NOT NULL,
    naam TEXT NOT NULL UNIQUE,
    grootboekrekening TEXT NOT NULL REFERENCES grootboekrekeningen (code),
    aangemaakt_op TIMESTAMP NOT NULL
);

ALTER TABLE afspraken ADD COLUMN rubriek_id TEXT REFERENCES rubrieken (id);
ALTER TABLE afspraken ADD COLUMN afdeling_id TEXT REFERENCES afdelingen (id);
CREATE INDEX afspraken_afdeling ON afspraken (afdeling_id);

-- The standard chart of accounts of a household budget, grouped as the Nibud groups a
-- household's income and fixed costs (our own numbering, not the RGS).
INSERT INTO grootboekrekeningen (code, naam, soort) VALUES
    ('8000', 'Loon en salaris', 'credit'),
    ('8010', 'Uitkering', 'credit'),
    ('8020', 'Pensioen en AOW', 'credit'),
    ('8100', 'Zorgtoeslag', 'credit'),
    ('8110', 'Huurtoeslag', 'credit'),
    ('8120', 'Kinderbijslag en kindgebonden budget', 'credit'),
    ('8130', 'Kinderopvangtoeslag', 'credit'),
    ('8200', 'Ontvangen alimentatie', 'credit'),
    ('8900', 'Overige inkomsten', 'credit'),
    ('4000', 'Huur of hypotheek', 'debit'),
    ('4010', 'Energie', 'debit'),
    ('4020', 'Water', 'debit'),
    ('4030', 'Gemeentelijke belastingen en waterschapsbelasting', 'debit'),
    ('4100', 'Zorgverzekering', 'debit'),
    ('4110', 'Overige verzekeringen', 'debit'),
    ('4200', 'Telefoon, internet en televisie', 'debit'),
    ('4300', 'Vervoer', 'debit'),
    ('4400', 'Onderwijs en kinderopvang', 'debit'),
    ('4500', 'Leefgeld', 'debit'),
    ('4600', 'Aflossing van schulden', 'debit'),
    ('4610', 'Betaalde alimentatie', 'debit'),
    ('4700', 'Reserveringen', 'debit'),
    ('4900', 'Overige uitgaven', 'debit');
