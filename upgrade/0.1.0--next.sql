
-- ---------------------------------------------------------------------------
-- From 0.1.0: what changes in the tables and their data.  Runs first; the
-- code of the new version follows (upgrade/vervang-code.sql, then the
-- install pieces, whose tables are created IF NOT EXISTS).  Every change of
-- a table, constraint, index or row of 0.2.0 goes here.
-- ---------------------------------------------------------------------------
