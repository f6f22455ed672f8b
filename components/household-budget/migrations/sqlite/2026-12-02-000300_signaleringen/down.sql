DROP TABLE signaleringen;
