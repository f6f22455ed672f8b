-- Lists are sorted by name (and by last change).
CREATE INDEX componenten_naam ON componenten (naam, id);
CREATE INDEX componenten_gewijzigd ON componenten (gewijzigd_op);
