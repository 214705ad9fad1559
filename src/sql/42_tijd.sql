-- TEMPORARY (lead's branch): the validity predicates the time model
-- (issue 10) provides; replaced by the time model's own piece on merge.
CREATE FUNCTION bv_van_kracht(status text, geldig_vanaf date, geldig_tot date, peildatum date)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$ SELECT status = 'vastgesteld' AND (geldig_vanaf IS NULL OR geldig_vanaf <= peildatum) AND (geldig_tot IS NULL OR peildatum < geldig_tot) $fn$;
CREATE FUNCTION bv_in_gebruik(status text, vergunning_datum date, eind_datum date, peildatum date)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$ SELECT (vergunning_datum IS NULL OR vergunning_datum <= peildatum) AND (eind_datum IS NULL OR peildatum < eind_datum) AND (status <> 'beeindigd' OR eind_datum IS NOT NULL) $fn$;
CREATE FUNCTION bv_pluim_actueel(status text, ontdekt_op date, gesaneerd_op date, peildatum date)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$ SELECT (ontdekt_op IS NULL OR ontdekt_op <= peildatum) AND (gesaneerd_op IS NULL OR peildatum < gesaneerd_op) AND (status <> 'gesaneerd' OR gesaneerd_op IS NOT NULL) $fn$;
CREATE FUNCTION bv_komend(status text, geldig_vanaf date, geldig_tot date, peildatum date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$ SELECT CASE WHEN geldig_tot IS NOT NULL AND geldig_tot <= peildatum THEN NULL
                    WHEN status = 'vastgesteld' AND geldig_vanaf > peildatum THEN 'wordt van kracht vanaf ' || pg_catalog.to_char(geldig_vanaf, 'YYYY-MM-DD'::text)
                    WHEN status IN ('ontwerp', 'voornemen') THEN status || ', nog niet van kracht' END $fn$;
