DROP TABLE versies;
DROP TABLE componenten;
