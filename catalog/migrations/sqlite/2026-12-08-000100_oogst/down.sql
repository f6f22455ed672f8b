DROP TABLE oogst_repositories;
DROP TABLE oogstbronnen;
