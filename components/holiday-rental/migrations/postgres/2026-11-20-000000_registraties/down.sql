DROP TABLE verblijven;
DROP TABLE registraties;
