-- PostgreSQL searches a generated tsvector column of the components themselves (see
-- 2026-12-03-000300_zoeken); SQLite's index changed here. Nothing to do.
SELECT 1;
