-- A stay corrected (cancelled) by the municipality keeps who did it and why.
ALTER TABLE verblijven ADD COLUMN correctie_reden TEXT;
ALTER TABLE verblijven ADD COLUMN gecorrigeerd_door TEXT;
