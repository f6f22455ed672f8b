DROP TABLE boekingen;
DROP TABLE afspraken;
DROP TABLE burgers;
