
-- ---------------------------------------------------------------------------
-- From 0.1.0: what changes in the tables and their data.  Runs first; the
-- code of the new version follows (upgrade/vervang-code.sql, then the
-- install pieces, whose tables are created IF NOT EXISTS).  Every change of
-- a table, constraint, index or row of 0.2.0 goes here.
-- ---------------------------------------------------------------------------

-- WKO systems: the life cycle replaces bestaand/gepland (issue 10).  A
-- 0.1.0 'bestaand' system is built, a 'gepland' one permitted; both keep
-- claiming their bubble as before.  The new columns themselves are added by
-- the install piece (ADD COLUMN IF NOT EXISTS).
ALTER TABLE bv_wko_systeem DROP CONSTRAINT bv_wko_systeem_status_check;
UPDATE bv_wko_systeem
   SET status = CASE status WHEN 'bestaand' THEN 'gerealiseerd' WHEN 'gepland' THEN 'vergund' ELSE status END;
ALTER TABLE bv_wko_systeem
    ALTER COLUMN status SET DEFAULT 'gerealiseerd',
    ADD CONSTRAINT bv_wko_systeem_status_check
        CHECK (status IN ('aangevraagd', 'vergund', 'gerealiseerd', 'beeindigd'));
