DROP TABLE transacties;
DROP TABLE bankafschriften;
