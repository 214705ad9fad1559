
-- ---------------------------------------------------------------------------
-- Last part of every update script (see the Makefile), after the install
-- pieces: fill the stored map layers (bv_kaart_*_m) from the new code and
-- the kept data, so that an update leaves them current and never silently
-- empty.  (From 0.1.0 they were materialized views, dropped by
-- vervang-code.sql and created anew, empty, as tables by the pieces; later
-- the view code of the layers may change.)  bv_kaart_verversen records the
-- refresh, so bv_kaart_actualiteit calls them current.  A fresh install does
-- not do this: it has no data, and its empty layers are "never refreshed".
-- ---------------------------------------------------------------------------
DO $vullen$
BEGIN
    PERFORM FROM @extschema@.bv_kaart_verversen(true);
END
$vullen$;
