-- BAG (Basisregistratie Adressen en Gebouwen), issue 11 section 5: units
-- (verblijfsobjecten) and buildings (panden) of a BAG 2.0 extract (IMBAG
-- v20200601), the dwellings per area for table 4.1 and the geothermal
-- density (doc/beleid.md 4 and 8), and a map layer of dwelling density.
-- bin/bodemvisie import streams the files into pg_temp.bv_bag_rij and calls
-- bv_bag_laad (bin/importers/bag.py); bv_bag_import(xml, bron) does the same
-- from SQL for ETL jobs that hold the bytes.  See doc/bag.md.

CREATE TABLE IF NOT EXISTS bv_pand (
    identificatie        text PRIMARY KEY CHECK (identificatie ~ '^[0-9]{16}$'),
    bouwjaar             integer CHECK (bouwjaar BETWEEN 1000 AND 2999),
    status               text NOT NULL,
    voorkomen            integer NOT NULL,
    begin_geldigheid     date NOT NULL,
    eind_geldigheid      date,
    register_tijd        timestamp,
    bron                 text,
    geladen_op           timestamptz NOT NULL DEFAULT now(),
    geom                 geometry(Polygon, 28992),
    CHECK (begin_geldigheid <= eind_geldigheid)
);
CREATE INDEX IF NOT EXISTS bv_pand_geom_idx ON bv_pand USING gist (geom);
SELECT pg_catalog.pg_extension_config_dump('bv_pand', '');

COMMENT ON TABLE bv_pand IS
'Buildings (panden) of the BAG, one row per building: its current voorkomen (or the last one, when the building has ended). Filled by bv_bag_laad / bin/bodemvisie import (doc/bag.md).';
COMMENT ON COLUMN bv_pand.identificatie IS 'BAG id of the building (16 digits, NL.IMBAG.Pand).';
COMMENT ON COLUMN bv_pand.bouwjaar IS 'oorspronkelijkBouwjaar; NULL where the BAG gives 9999 (unknown) or nothing.';
COMMENT ON COLUMN bv_pand.status IS 'BAG status, as the register spells it (e.g. Pand in gebruik, Sloopvergunning verleend, Pand gesloopt).';
COMMENT ON COLUMN bv_pand.voorkomen IS 'voorkomenidentificatie of the stored voorkomen.';
COMMENT ON COLUMN bv_pand.begin_geldigheid IS 'beginGeldigheid of the stored voorkomen.';
COMMENT ON COLUMN bv_pand.eind_geldigheid IS 'eindGeldigheid of the stored voorkomen (NULL: still valid).';
COMMENT ON COLUMN bv_pand.register_tijd IS 'tijdstipRegistratie of the stored voorkomen (local time of the register); an extract with an older one does not replace it.';
COMMENT ON COLUMN bv_pand.geom IS 'Footprint, RD New, 2D.';

CREATE TABLE IF NOT EXISTS bv_verblijfsobject (
    identificatie        text PRIMARY KEY CHECK (identificatie ~ '^[0-9]{16}$'),
    gebruiksdoel         text[] NOT NULL,
    oppervlakte          integer CHECK (oppervlakte >= 0),
    status               text NOT NULL,
    pand_ids             text[] NOT NULL,
    bouwjaar             integer,
    voorkomen            integer NOT NULL,
    begin_geldigheid     date NOT NULL,
    eind_geldigheid      date,
    register_tijd        timestamp,
    bron                 text,
    geladen_op           timestamptz NOT NULL DEFAULT now(),
    geom                 geometry(Point, 28992) NOT NULL,
    CHECK (begin_geldigheid <= eind_geldigheid)
);
CREATE INDEX IF NOT EXISTS bv_verblijfsobject_geom_idx ON bv_verblijfsobject USING gist (geom);
SELECT pg_catalog.pg_extension_config_dump('bv_verblijfsobject', '');

COMMENT ON TABLE bv_verblijfsobject IS
'Units (verblijfsobjecten) of the BAG, one row per unit: its current voorkomen (or the last one, when the unit has ended). A dwelling is a unit with gebruiksdoel woonfunctie and a status of bv_woning_statussen(); see bv_woningen_in. Filled by bv_bag_laad / bin/bodemvisie import (doc/bag.md).';
COMMENT ON COLUMN bv_verblijfsobject.identificatie IS 'BAG id of the unit (16 digits, NL.IMBAG.Verblijfsobject).';
COMMENT ON COLUMN bv_verblijfsobject.gebruiksdoel IS 'Every gebruiksdoel of the unit (woonfunctie, kantoorfunctie, ...).';
COMMENT ON COLUMN bv_verblijfsobject.oppervlakte IS 'Usable floor area, m2.';
COMMENT ON COLUMN bv_verblijfsobject.status IS 'BAG status, as the register spells it (e.g. Verblijfsobject in gebruik).';
COMMENT ON COLUMN bv_verblijfsobject.pand_ids IS 'BAG ids of the buildings the unit lies in (maaktDeelUitVan).';
COMMENT ON COLUMN bv_verblijfsobject.bouwjaar IS 'Building year: the oldest oorspronkelijkBouwjaar of its buildings in bv_pand (kept up to date whichever file comes first); NULL when unknown.';
COMMENT ON COLUMN bv_verblijfsobject.voorkomen IS 'voorkomenidentificatie of the stored voorkomen.';
COMMENT ON COLUMN bv_verblijfsobject.begin_geldigheid IS 'beginGeldigheid of the stored voorkomen.';
COMMENT ON COLUMN bv_verblijfsobject.eind_geldigheid IS 'eindGeldigheid of the stored voorkomen (NULL: still valid).';
COMMENT ON COLUMN bv_verblijfsobject.register_tijd IS 'tijdstipRegistratie of the stored voorkomen (local time of the register); an extract with an older one does not replace it.';
COMMENT ON COLUMN bv_verblijfsobject.geom IS 'The unit''s point, RD New, 2D (a point on its surface when the BAG gives only a surface).';

-- 0.2.0: the unit's addresses (heeftAlsHoofdadres, heeftAlsNevenadres), so
-- an address can be looked up (bv_adres_locatie)
ALTER TABLE bv_verblijfsobject ADD COLUMN IF NOT EXISTS hoofdadres text CHECK (hoofdadres ~ '^[0-9]{16}$');
ALTER TABLE bv_verblijfsobject ADD COLUMN IF NOT EXISTS nevenadressen text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS bv_verblijfsobject_hoofdadres_idx ON bv_verblijfsobject (hoofdadres);
CREATE INDEX IF NOT EXISTS bv_verblijfsobject_nevenadressen_idx ON bv_verblijfsobject USING gin (nevenadressen);
COMMENT ON COLUMN bv_verblijfsobject.hoofdadres IS 'BAG id of the unit''s main address (heeftAlsHoofdadres, a bv_nummeraanduiding); NULL when the file gives none (loaded before 0.2.0: import the VBO file again).';
COMMENT ON COLUMN bv_verblijfsobject.nevenadressen IS 'BAG ids of the unit''s other addresses (heeftAlsNevenadres).';

CREATE TABLE IF NOT EXISTS bv_nummeraanduiding (
    identificatie        text PRIMARY KEY CHECK (identificatie ~ '^[0-9]{16}$'),
    postcode             text CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
    huisnummer           integer NOT NULL CHECK (huisnummer BETWEEN 1 AND 99999),
    huisletter           text CHECK (huisletter ~ '^[A-Za-z]$'),
    toevoeging           text CHECK (toevoeging ~ '^[A-Za-z0-9]{1,4}$'),
    adresseerbaar_object text,
    status               text NOT NULL,
    voorkomen            integer NOT NULL,
    begin_geldigheid     date NOT NULL,
    eind_geldigheid      date,
    register_tijd        timestamp,
    bron                 text,
    geladen_op           timestamptz NOT NULL DEFAULT now(),
    CHECK (begin_geldigheid <= eind_geldigheid)
);
CREATE INDEX IF NOT EXISTS bv_nummeraanduiding_postcode_idx ON bv_nummeraanduiding (postcode, huisnummer);
SELECT pg_catalog.pg_extension_config_dump('bv_nummeraanduiding', '');

COMMENT ON TABLE bv_nummeraanduiding IS
'Addresses (nummeraanduidingen) of the BAG, one row per address: its current voorkomen (or the last one, when it has ended). The unit an address belongs to is the bv_verblijfsobject that names it as hoofdadres or nevenadres; bv_adres_locatie looks an address up. Filled by bv_bag_laad / bin/bodemvisie import (doc/bag.md).';
COMMENT ON COLUMN bv_nummeraanduiding.identificatie IS 'BAG id of the address (16 digits, NL.IMBAG.Nummeraanduiding).';
COMMENT ON COLUMN bv_nummeraanduiding.postcode IS 'Postcode, four digits and two capitals without a space (9401AB); NULL when the BAG gives none.';
COMMENT ON COLUMN bv_nummeraanduiding.huisnummer IS 'House number.';
COMMENT ON COLUMN bv_nummeraanduiding.huisletter IS 'House letter (one letter, as the BAG spells it), or NULL.';
COMMENT ON COLUMN bv_nummeraanduiding.toevoeging IS 'huisnummertoevoeging (up to four letters or digits), or NULL.';
COMMENT ON COLUMN bv_nummeraanduiding.adresseerbaar_object IS 'typeAdresseerbaarObject: Verblijfsobject, Ligplaats or Standplaats (only verblijfsobjecten are loaded, so only their addresses have a point).';
COMMENT ON COLUMN bv_nummeraanduiding.status IS 'BAG status (Naamgeving uitgegeven, Naamgeving ingetrokken).';
COMMENT ON COLUMN bv_nummeraanduiding.voorkomen IS 'voorkomenidentificatie of the stored voorkomen.';
COMMENT ON COLUMN bv_nummeraanduiding.begin_geldigheid IS 'beginGeldigheid of the stored voorkomen.';
COMMENT ON COLUMN bv_nummeraanduiding.eind_geldigheid IS 'eindGeldigheid of the stored voorkomen (NULL: still valid).';
COMMENT ON COLUMN bv_nummeraanduiding.register_tijd IS 'tijdstipRegistratie of the stored voorkomen; an extract with an older one does not replace it.';

-- 0.2.0: the street an address lies on (ligtAan) and, when it differs from
-- the street's, its woonplaats (ligtIn), so an address can be looked up by
-- street name (bv_adres_locatie)
ALTER TABLE bv_nummeraanduiding ADD COLUMN IF NOT EXISTS openbare_ruimte text CHECK (openbare_ruimte ~ '^[0-9]{16}$');
ALTER TABLE bv_nummeraanduiding ADD COLUMN IF NOT EXISTS woonplaats text CHECK (woonplaats ~ '^[0-9]{4}$');
CREATE INDEX IF NOT EXISTS bv_nummeraanduiding_openbare_ruimte_idx ON bv_nummeraanduiding (openbare_ruimte, huisnummer);
COMMENT ON COLUMN bv_nummeraanduiding.openbare_ruimte IS 'BAG id of the street (ligtAan, a bv_openbare_ruimte); NULL when the file gives none (loaded before 0.2.0: import the NUM file again).';
COMMENT ON COLUMN bv_nummeraanduiding.woonplaats IS 'BAG id of the woonplaats (ligtIn, a bv_woonplaats) when the address lies in another woonplaats than its street; NULL: the street''s woonplaats.';

CREATE TABLE IF NOT EXISTS bv_openbare_ruimte (
    identificatie        text PRIMARY KEY CHECK (identificatie ~ '^[0-9]{16}$'),
    naam                 text NOT NULL,
    type                 text NOT NULL,
    woonplaats           text NOT NULL CHECK (woonplaats ~ '^[0-9]{4}$'),
    status               text NOT NULL,
    voorkomen            integer NOT NULL,
    begin_geldigheid     date NOT NULL,
    eind_geldigheid      date,
    register_tijd        timestamp,
    bron                 text,
    geladen_op           timestamptz NOT NULL DEFAULT now(),
    CHECK (begin_geldigheid <= eind_geldigheid)
);
CREATE INDEX IF NOT EXISTS bv_openbare_ruimte_naam_idx ON bv_openbare_ruimte (pg_catalog.lower(naam));
SELECT pg_catalog.pg_extension_config_dump('bv_openbare_ruimte', '');

COMMENT ON TABLE bv_openbare_ruimte IS
'Streets and other public spaces (openbare ruimten) of the BAG, one row per object: its current voorkomen (or the last one, when it has ended). An address (bv_nummeraanduiding) lies on one (openbare_ruimte); bv_adres_locatie looks an address up by street name. Filled by bv_bag_laad / bin/bodemvisie import (doc/bag.md).';
COMMENT ON COLUMN bv_openbare_ruimte.identificatie IS 'BAG id of the public space (16 digits, NL.IMBAG.Openbareruimte).';
COMMENT ON COLUMN bv_openbare_ruimte.naam IS 'Name as the BAG spells it (Kerkstraat).';
COMMENT ON COLUMN bv_openbare_ruimte.type IS 'typeOpenbareRuimte (Weg, Water, Spoorbaan, Terrein, Kunstwerk, Landschappelijk gebied, Administratief gebied).';
COMMENT ON COLUMN bv_openbare_ruimte.woonplaats IS 'BAG id of the woonplaats it lies in (ligtIn, 4 digits, a bv_woonplaats).';
COMMENT ON COLUMN bv_openbare_ruimte.status IS 'BAG status (Naamgeving uitgegeven, Naamgeving ingetrokken).';
COMMENT ON COLUMN bv_openbare_ruimte.voorkomen IS 'voorkomenidentificatie of the stored voorkomen.';
COMMENT ON COLUMN bv_openbare_ruimte.begin_geldigheid IS 'beginGeldigheid of the stored voorkomen.';
COMMENT ON COLUMN bv_openbare_ruimte.eind_geldigheid IS 'eindGeldigheid of the stored voorkomen (NULL: still valid).';
COMMENT ON COLUMN bv_openbare_ruimte.register_tijd IS 'tijdstipRegistratie of the stored voorkomen; an extract with an older one does not replace it.';

CREATE TABLE IF NOT EXISTS bv_woonplaats (
    identificatie        text PRIMARY KEY CHECK (identificatie ~ '^[0-9]{4}$'),
    naam                 text NOT NULL,
    status               text NOT NULL,
    voorkomen            integer NOT NULL,
    begin_geldigheid     date NOT NULL,
    eind_geldigheid      date,
    register_tijd        timestamp,
    bron                 text,
    geladen_op           timestamptz NOT NULL DEFAULT now(),
    CHECK (begin_geldigheid <= eind_geldigheid)
);
SELECT pg_catalog.pg_extension_config_dump('bv_woonplaats', '');

COMMENT ON TABLE bv_woonplaats IS
'Woonplaatsen (towns and villages) of the BAG, one row per object: its current voorkomen (or the last one, when it has ended); without the outline (not read). A street (bv_openbare_ruimte) lies in one. Filled by bv_bag_laad / bin/bodemvisie import (doc/bag.md).';
COMMENT ON COLUMN bv_woonplaats.identificatie IS 'BAG id of the woonplaats (4 digits, NL.IMBAG.Woonplaats).';
COMMENT ON COLUMN bv_woonplaats.naam IS 'Name as the BAG spells it (Assen).';
COMMENT ON COLUMN bv_woonplaats.status IS 'BAG status (Woonplaats aangewezen, Woonplaats ingetrokken).';
COMMENT ON COLUMN bv_woonplaats.voorkomen IS 'voorkomenidentificatie of the stored voorkomen.';
COMMENT ON COLUMN bv_woonplaats.begin_geldigheid IS 'beginGeldigheid of the stored voorkomen.';
COMMENT ON COLUMN bv_woonplaats.eind_geldigheid IS 'eindGeldigheid of the stored voorkomen (NULL: still valid).';
COMMENT ON COLUMN bv_woonplaats.register_tijd IS 'tijdstipRegistratie of the stored voorkomen; an extract with an older one does not replace it.';

-- Which statuses count as an existing dwelling: eigen keuze (doc/bag.md):
-- the unit exists and is (or can be) lived in, so it needs heat: in
-- gebruik, in gebruik (niet ingemeten), and under renovation.  Not: gevormd
-- (not built yet), niet gerealiseerd, buiten gebruik, ingetrokken, ten
-- onrechte opgevoerd.
CREATE FUNCTION bv_woning_statussen()
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT '{"Verblijfsobject in gebruik","Verblijfsobject in gebruik (niet ingemeten)","Verbouwing verblijfsobject"}'::text[]
$fn$;

COMMENT ON FUNCTION bv_woning_statussen() IS
'The BAG statuses of a unit that make it an existing dwelling for table 4.1 and the geothermal density (with gebruiksdoel woonfunctie): Verblijfsobject in gebruik, Verblijfsobject in gebruik (niet ingemeten), Verbouwing verblijfsobject. Eigen keuze, doc/bag.md.';

-- The rows of pg_temp.bv_bag_rij (one per voorkomen, text as the file
-- gives it) into bv_verblijfsobject and bv_pand.
CREATE FUNCTION bv_bag_laad(bron text DEFAULT NULL)
RETURNS TABLE (soort text, objecten integer, voorkomens integer, nieuw integer, vervangen integer,
               ongewijzigd integer, ouder integer)
LANGUAGE plpgsql VOLATILE COST 100000
SET jit = off AS
$fn$
#variable_conflict use_column
DECLARE
    v_bron   text := coalesce(bron, 'BAG');
    v_fout   text;
    v_soort  text;
    v_kolom  text;
    n_rij    integer;
    n_obj    integer;
    n_nieuw  integer;
    n_verv   integer;
    n_ong    integer;
    n_ouder  integer;
    v_ids    text[];
    v_verv   text[];
    v_panden text[];
    v_eenh   text[];
    v_jaren  integer[];
    rij      record;
BEGIN
    PERFORM bv_primair_vereist('bv_bag_laad'::text);
    IF pg_catalog.to_regclass('pg_temp.bv_bag_rij'::text) IS NULL THEN
        RAISE EXCEPTION 'BAG: no rows to load: the temporary table pg_temp.bv_bag_rij does not exist'
              USING ERRCODE = 'undefined_table',
                    HINT = 'Use bv_bag_import(xml, bron), or fill pg_temp.bv_bag_rij as bin/importers/bag.py does (doc/bag.md).';
    END IF;
    -- a table made as before 0.2.0 (without the address columns) still loads
    FOR v_kolom IN SELECT k FROM pg_catalog.unnest('{postcode,huisnummer,huisletter,toevoeging,adresseerbaar_object,hoofdadres,nevenadressen,naam,type,openbare_ruimte,woonplaats}'::text[]) k
                    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                                       WHERE a.attrelid = 'pg_temp.bv_bag_rij'::regclass AND a.attname = k AND NOT a.attisdropped)
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE pg_temp.bv_bag_rij ADD COLUMN %I text'::text, v_kolom);
    END LOOP;
    SELECT pg_catalog.count(*)::integer, pg_catalog.min(r.soort), pg_catalog.count(DISTINCT r.soort)::integer
      INTO n_rij, v_soort, n_obj FROM pg_temp.bv_bag_rij r;
    IF n_obj > 1 THEN
        RAISE EXCEPTION 'BAG: % mixes object types', v_bron USING ERRCODE = 'invalid_parameter_value',
              HINT = 'A BAG extract file holds one object type (VBO, PND, NUM, OPR or WPL).';
    END IF;
    v_soort := coalesce(v_soort, 'VBO');

    -- every value checked before anything is cast: the message names the object
    SELECT pg_catalog.format('object %s (voorkomen %s): %s'::text, coalesce(r.identificatie, '?'), coalesce(r.voorkomen, '?'), w.waarom)
      INTO v_fout
      FROM pg_temp.bv_bag_rij r,
           LATERAL (SELECT CASE
                WHEN r.soort NOT IN ('VBO'::text, 'PND'::text, 'NUM'::text, 'OPR'::text, 'WPL'::text) THEN 'object type ' || coalesce(r.soort, 'NULL') || ' is not read'
                WHEN r.soort = 'WPL'::text AND (r.identificatie IS NULL OR r.identificatie !~ '^[0-9]{4}$'::text) THEN 'identificatie is not 4 digits'
                WHEN r.soort <> 'WPL'::text AND (r.identificatie IS NULL OR r.identificatie !~ '^[0-9]{16}$'::text) THEN 'identificatie is not 16 digits'
                WHEN r.voorkomen IS NULL OR r.voorkomen !~ '^[0-9]{1,9}$'::text THEN 'no voorkomenidentificatie'
                WHEN r.begin_geldigheid IS NULL OR r.begin_geldigheid !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'::text THEN 'no beginGeldigheid (YYYY-MM-DD)'
                WHEN r.eind_geldigheid !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'::text THEN 'eindGeldigheid is not YYYY-MM-DD'
                WHEN r.eind_geldigheid < r.begin_geldigheid THEN 'eindGeldigheid before beginGeldigheid'
                WHEN r.tijdstip_registratie !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?$'::text THEN 'tijdstipRegistratie is not a timestamp'
                WHEN r.eind_registratie !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?$'::text THEN 'eindRegistratie is not a timestamp'
                WHEN r.status IS NULL OR r.status = ''::text THEN 'no status'
                WHEN r.soort = 'NUM'::text AND (r.huisnummer IS NULL OR r.huisnummer !~ '^0*[1-9][0-9]{0,4}$'::text) THEN 'huisnummer is not a number from 1 to 99999'
                WHEN r.soort = 'NUM'::text AND r.postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$'::text THEN 'postcode is not four digits and two capitals'
                WHEN r.soort = 'NUM'::text AND r.huisletter !~ '^[A-Za-z]$'::text THEN 'huisletter is not one letter'
                WHEN r.soort = 'NUM'::text AND r.toevoeging !~ '^[A-Za-z0-9]{1,4}$'::text THEN 'huisnummertoevoeging is not 1 to 4 letters or digits'
                WHEN r.soort = 'NUM'::text AND r.openbare_ruimte !~ '^[0-9]{16}$'::text THEN 'ligtAan/OpenbareRuimteRef is not 16 digits'
                WHEN r.soort IN ('NUM'::text, 'OPR'::text) AND r.woonplaats !~ '^[0-9]{4}$'::text THEN 'ligtIn/WoonplaatsRef is not 4 digits'
                WHEN r.soort IN ('OPR'::text, 'WPL'::text) AND (r.naam IS NULL OR pg_catalog.btrim(r.naam) = ''::text) THEN 'no naam'
                WHEN r.soort = 'OPR'::text AND (r.type IS NULL OR r.type = ''::text) THEN 'no type'
                WHEN r.soort = 'OPR'::text AND r.woonplaats IS NULL THEN 'no ligtIn/WoonplaatsRef'
                WHEN r.soort = 'VBO'::text AND r.hoofdadres !~ '^[0-9]{16}$'::text THEN 'heeftAlsHoofdadres is not 16 digits'
                WHEN r.soort = 'VBO'::text AND r.nevenadressen IS NOT NULL AND r.nevenadressen <> '{}'::text
                     AND EXISTS (SELECT FROM pg_catalog.unnest(r.nevenadressen::text[]) n(id) WHERE n.id !~ '^[0-9]{16}$'::text)
                     THEN 'a heeftAlsNevenadres is not 16 digits'
                WHEN r.soort = 'VBO'::text AND (r.gebruiksdoel IS NULL OR r.gebruiksdoel = '{}'::text) THEN 'no gebruiksdoel'
                WHEN r.soort = 'VBO'::text AND (r.oppervlakte IS NULL OR r.oppervlakte !~ '^[0-9]{1,9}$'::text) THEN 'oppervlakte is not a whole number'
                WHEN r.soort = 'PND'::text AND r.bouwjaar !~ '^[0-9]{4}$'::text THEN 'oorspronkelijkBouwjaar is not a year'
                WHEN r.soort = 'VBO'::text AND r.geom IS NULL THEN 'no geometry (punt or vlak)'
                WHEN r.soort = 'VBO'::text AND (r.pand_ids IS NULL OR r.pand_ids = '{}'::text) THEN 'no maaktDeelUitVan/PandRef'
                WHEN r.pand_ids IS NOT NULL AND EXISTS (SELECT FROM pg_catalog.unnest(r.pand_ids::text[]) p(id) WHERE p.id !~ '^[0-9]{16}$'::text)
                     THEN 'a PandRef is not 16 digits'
                WHEN r.geom IS NOT NULL AND r.geom !~ '^SRID=28992;(POINT|POLYGON)\([-0-9., e()+]+\)$'::text THEN 'geometry is not a point or polygon in EPSG:28992'
                END AS waarom) w
     WHERE w.waarom IS NOT NULL
     LIMIT 1;
    IF v_fout IS NOT NULL THEN
        RAISE EXCEPTION 'BAG: % is refused, %', v_bron, v_fout
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'A BAG 2.0 extract (IMBAG v20200601) gives every object an identificatie, voorkomen with beginGeldigheid and status, units and buildings a geometry, streets a naam, type and woonplaats; a damaged or edited file is refused as a whole.';
    END IF;

    -- the current voorkomen of each object: still valid, else the last one
    -- (made once per transaction: a second file in it gets no notice)
    IF pg_catalog.to_regclass('pg_temp.bv_bag_huidig'::text) IS NULL THEN
        CREATE TEMP TABLE pg_temp.bv_bag_huidig (
            identificatie text PRIMARY KEY, gebruiksdoel text[], oppervlakte integer, status text, pand_ids text[],
            bouwjaar integer, voorkomen integer, begin_geldigheid date, eind_geldigheid date, register_tijd timestamp,
            geom geometry, actie text, postcode text, huisnummer integer, huisletter text, toevoeging text,
            adresseerbaar_object text, hoofdadres text, nevenadressen text[], naam text, type text,
            openbare_ruimte text, woonplaats text) ON COMMIT DROP;
    END IF;
    TRUNCATE pg_temp.bv_bag_huidig;
    INSERT INTO pg_temp.bv_bag_huidig (identificatie, gebruiksdoel, oppervlakte, status, pand_ids, bouwjaar,
                                       voorkomen, begin_geldigheid, eind_geldigheid, register_tijd, geom,
                                       postcode, huisnummer, huisletter, toevoeging, adresseerbaar_object,
                                       hoofdadres, nevenadressen, naam, type, openbare_ruimte, woonplaats)
    SELECT DISTINCT ON (r.identificatie)
           r.identificatie, r.gebruiksdoel::text[], r.oppervlakte::integer, r.status, r.pand_ids::text[],
           CASE WHEN r.bouwjaar::integer BETWEEN 1000 AND 2999 THEN r.bouwjaar::integer END,
           r.voorkomen::integer, r.begin_geldigheid::date, r.eind_geldigheid::date, r.tijdstip_registratie::timestamp,
           CASE WHEN r.geom IS NULL THEN NULL::geometry
                WHEN r.soort = 'VBO'::text THEN ST_PointOnSurface(ST_GeomFromEWKT(r.geom))
                ELSE ST_GeomFromEWKT(r.geom) END,
           r.postcode, r.huisnummer::integer, r.huisletter, r.toevoeging, r.adresseerbaar_object,
           r.hoofdadres, coalesce(r.nevenadressen::text[], '{}'::text[]),
           r.naam, r.type, r.openbare_ruimte, r.woonplaats
      FROM pg_temp.bv_bag_rij r
     ORDER BY r.identificatie, (r.eind_geldigheid IS NULL) DESC, (r.eind_registratie IS NULL) DESC,
              r.begin_geldigheid::date DESC, r.voorkomen::integer DESC;
    GET DIAGNOSTICS n_obj = ROW_COUNT;

    -- Each statement below reads at most one stored table, and temporary
    -- tables are joined only with each other: on Citus (doc/scaling.md) the
    -- BAG tables are reference tables, and a statement that joins one with
    -- a temporary table is sent to a worker, which has no such table.  So
    -- the stored versions of the objects are copied into temporary tables
    -- first, and a replaced object is updated by a statement of its own.
    SELECT pg_catalog.array_agg(h.identificatie) INTO v_ids FROM pg_temp.bv_bag_huidig h;
    IF pg_catalog.to_regclass('pg_temp.bv_bag_pandjaar'::text) IS NULL THEN
        CREATE TEMP TABLE pg_temp.bv_bag_pandjaar (identificatie text PRIMARY KEY, bouwjaar integer) ON COMMIT DROP;
    END IF;
    IF v_soort = 'VBO'::text THEN
        -- the building year of a unit: the oldest of its buildings
        SELECT pg_catalog.array_agg(DISTINCT x.pand) INTO v_panden
          FROM pg_temp.bv_bag_huidig h CROSS JOIN LATERAL pg_catalog.unnest(h.pand_ids) x(pand);
        TRUNCATE pg_temp.bv_bag_pandjaar;
        INSERT INTO pg_temp.bv_bag_pandjaar (identificatie, bouwjaar)
        SELECT p.identificatie, p.bouwjaar FROM bv_pand p WHERE p.identificatie = ANY (v_panden);
        UPDATE pg_temp.bv_bag_huidig h
           SET bouwjaar = (SELECT pg_catalog.min(p.bouwjaar) FROM pg_temp.bv_bag_pandjaar p WHERE p.identificatie = ANY (h.pand_ids));
        IF pg_catalog.to_regclass('pg_temp.bv_bag_vbo_opgeslagen'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_vbo_opgeslagen (LIKE bv_verblijfsobject) ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_vbo_opgeslagen;
        INSERT INTO pg_temp.bv_bag_vbo_opgeslagen SELECT v.* FROM bv_verblijfsobject v WHERE v.identificatie = ANY (v_ids);
        UPDATE pg_temp.bv_bag_huidig h
           SET actie = CASE
                 WHEN v.identificatie IS NULL THEN 'nieuw'
                 WHEN v.register_tijd > h.register_tijd
                      OR (v.register_tijd IS NOT DISTINCT FROM h.register_tijd AND v.voorkomen > h.voorkomen) THEN 'ouder'
                 WHEN v.gebruiksdoel::text = h.gebruiksdoel::text AND v.oppervlakte IS NOT DISTINCT FROM h.oppervlakte
                      AND v.status = h.status AND v.pand_ids::text = h.pand_ids::text AND v.bouwjaar IS NOT DISTINCT FROM h.bouwjaar
                      AND v.voorkomen = h.voorkomen AND v.begin_geldigheid = h.begin_geldigheid
                      AND v.eind_geldigheid IS NOT DISTINCT FROM h.eind_geldigheid
                      AND v.register_tijd IS NOT DISTINCT FROM h.register_tijd
                      AND v.hoofdadres IS NOT DISTINCT FROM h.hoofdadres AND v.nevenadressen::text = h.nevenadressen::text
                      AND ST_AsEWKB(v.geom) = ST_AsEWKB(h.geom) THEN 'ongewijzigd'
                 ELSE 'vervangen' END
          FROM pg_temp.bv_bag_huidig h2
          LEFT JOIN pg_temp.bv_bag_vbo_opgeslagen v ON v.identificatie = h2.identificatie
         WHERE h2.identificatie = h.identificatie;
        INSERT INTO bv_verblijfsobject (identificatie, gebruiksdoel, oppervlakte, status, pand_ids, bouwjaar, voorkomen,
                                        begin_geldigheid, eind_geldigheid, register_tijd, bron, geom,
                                        hoofdadres, nevenadressen)
        SELECT h.identificatie, h.gebruiksdoel, h.oppervlakte, h.status, h.pand_ids, h.bouwjaar, h.voorkomen,
               h.begin_geldigheid, h.eind_geldigheid, h.register_tijd, v_bron, h.geom, h.hoofdadres, h.nevenadressen
          FROM pg_temp.bv_bag_huidig h WHERE h.actie = 'nieuw'::text;
        FOR rij IN SELECT x.* FROM pg_temp.bv_bag_huidig x WHERE x.actie = 'vervangen'::text LOOP
            UPDATE bv_verblijfsobject v
               SET gebruiksdoel = rij.gebruiksdoel, oppervlakte = rij.oppervlakte, status = rij.status, pand_ids = rij.pand_ids,
                   bouwjaar = rij.bouwjaar, voorkomen = rij.voorkomen, begin_geldigheid = rij.begin_geldigheid,
                   eind_geldigheid = rij.eind_geldigheid, register_tijd = rij.register_tijd, bron = v_bron, geom = rij.geom,
                   hoofdadres = rij.hoofdadres, nevenadressen = rij.nevenadressen, geladen_op = pg_catalog.now()
             WHERE v.identificatie = rij.identificatie;
        END LOOP;
    ELSIF v_soort = 'NUM'::text THEN
        IF pg_catalog.to_regclass('pg_temp.bv_bag_num_opgeslagen'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_num_opgeslagen (LIKE bv_nummeraanduiding) ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_num_opgeslagen;
        INSERT INTO pg_temp.bv_bag_num_opgeslagen SELECT n.* FROM bv_nummeraanduiding n WHERE n.identificatie = ANY (v_ids);
        UPDATE pg_temp.bv_bag_huidig h
           SET actie = CASE
                 WHEN n.identificatie IS NULL THEN 'nieuw'
                 WHEN n.register_tijd > h.register_tijd
                      OR (n.register_tijd IS NOT DISTINCT FROM h.register_tijd AND n.voorkomen > h.voorkomen) THEN 'ouder'
                 WHEN n.postcode IS NOT DISTINCT FROM h.postcode AND n.huisnummer = h.huisnummer
                      AND n.huisletter IS NOT DISTINCT FROM h.huisletter AND n.toevoeging IS NOT DISTINCT FROM h.toevoeging
                      AND n.adresseerbaar_object IS NOT DISTINCT FROM h.adresseerbaar_object AND n.status = h.status
                      AND n.openbare_ruimte IS NOT DISTINCT FROM h.openbare_ruimte AND n.woonplaats IS NOT DISTINCT FROM h.woonplaats
                      AND n.voorkomen = h.voorkomen AND n.begin_geldigheid = h.begin_geldigheid
                      AND n.eind_geldigheid IS NOT DISTINCT FROM h.eind_geldigheid
                      AND n.register_tijd IS NOT DISTINCT FROM h.register_tijd THEN 'ongewijzigd'
                 ELSE 'vervangen' END
          FROM pg_temp.bv_bag_huidig h2
          LEFT JOIN pg_temp.bv_bag_num_opgeslagen n ON n.identificatie = h2.identificatie
         WHERE h2.identificatie = h.identificatie;
        INSERT INTO bv_nummeraanduiding (identificatie, postcode, huisnummer, huisletter, toevoeging, adresseerbaar_object,
                                         status, voorkomen, begin_geldigheid, eind_geldigheid, register_tijd, bron,
                                         openbare_ruimte, woonplaats)
        SELECT h.identificatie, h.postcode, h.huisnummer, h.huisletter, h.toevoeging, h.adresseerbaar_object,
               h.status, h.voorkomen, h.begin_geldigheid, h.eind_geldigheid, h.register_tijd, v_bron,
               h.openbare_ruimte, h.woonplaats
          FROM pg_temp.bv_bag_huidig h WHERE h.actie = 'nieuw'::text;
        FOR rij IN SELECT x.* FROM pg_temp.bv_bag_huidig x WHERE x.actie = 'vervangen'::text LOOP
            UPDATE bv_nummeraanduiding n
               SET postcode = rij.postcode, huisnummer = rij.huisnummer, huisletter = rij.huisletter, toevoeging = rij.toevoeging,
                   adresseerbaar_object = rij.adresseerbaar_object, status = rij.status, voorkomen = rij.voorkomen,
                   begin_geldigheid = rij.begin_geldigheid, eind_geldigheid = rij.eind_geldigheid,
                   register_tijd = rij.register_tijd, bron = v_bron, openbare_ruimte = rij.openbare_ruimte,
                   woonplaats = rij.woonplaats, geladen_op = pg_catalog.now()
             WHERE n.identificatie = rij.identificatie;
        END LOOP;
    ELSIF v_soort = 'OPR'::text THEN
        IF pg_catalog.to_regclass('pg_temp.bv_bag_opr_opgeslagen'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_opr_opgeslagen (LIKE bv_openbare_ruimte) ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_opr_opgeslagen;
        INSERT INTO pg_temp.bv_bag_opr_opgeslagen SELECT o.* FROM bv_openbare_ruimte o WHERE o.identificatie = ANY (v_ids);
        UPDATE pg_temp.bv_bag_huidig h
           SET actie = CASE
                 WHEN o.identificatie IS NULL THEN 'nieuw'
                 WHEN o.register_tijd > h.register_tijd
                      OR (o.register_tijd IS NOT DISTINCT FROM h.register_tijd AND o.voorkomen > h.voorkomen) THEN 'ouder'
                 WHEN o.naam = h.naam AND o.type = h.type AND o.woonplaats = h.woonplaats AND o.status = h.status
                      AND o.voorkomen = h.voorkomen AND o.begin_geldigheid = h.begin_geldigheid
                      AND o.eind_geldigheid IS NOT DISTINCT FROM h.eind_geldigheid
                      AND o.register_tijd IS NOT DISTINCT FROM h.register_tijd THEN 'ongewijzigd'
                 ELSE 'vervangen' END
          FROM pg_temp.bv_bag_huidig h2
          LEFT JOIN pg_temp.bv_bag_opr_opgeslagen o ON o.identificatie = h2.identificatie
         WHERE h2.identificatie = h.identificatie;
        INSERT INTO bv_openbare_ruimte (identificatie, naam, type, woonplaats, status, voorkomen, begin_geldigheid,
                                        eind_geldigheid, register_tijd, bron)
        SELECT h.identificatie, h.naam, h.type, h.woonplaats, h.status, h.voorkomen, h.begin_geldigheid,
               h.eind_geldigheid, h.register_tijd, v_bron
          FROM pg_temp.bv_bag_huidig h WHERE h.actie = 'nieuw'::text;
        FOR rij IN SELECT x.* FROM pg_temp.bv_bag_huidig x WHERE x.actie = 'vervangen'::text LOOP
            UPDATE bv_openbare_ruimte o
               SET naam = rij.naam, type = rij.type, woonplaats = rij.woonplaats, status = rij.status,
                   voorkomen = rij.voorkomen, begin_geldigheid = rij.begin_geldigheid, eind_geldigheid = rij.eind_geldigheid,
                   register_tijd = rij.register_tijd, bron = v_bron, geladen_op = pg_catalog.now()
             WHERE o.identificatie = rij.identificatie;
        END LOOP;
    ELSIF v_soort = 'WPL'::text THEN
        IF pg_catalog.to_regclass('pg_temp.bv_bag_wpl_opgeslagen'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_wpl_opgeslagen (LIKE bv_woonplaats) ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_wpl_opgeslagen;
        INSERT INTO pg_temp.bv_bag_wpl_opgeslagen SELECT w.* FROM bv_woonplaats w WHERE w.identificatie = ANY (v_ids);
        UPDATE pg_temp.bv_bag_huidig h
           SET actie = CASE
                 WHEN w.identificatie IS NULL THEN 'nieuw'
                 WHEN w.register_tijd > h.register_tijd
                      OR (w.register_tijd IS NOT DISTINCT FROM h.register_tijd AND w.voorkomen > h.voorkomen) THEN 'ouder'
                 WHEN w.naam = h.naam AND w.status = h.status
                      AND w.voorkomen = h.voorkomen AND w.begin_geldigheid = h.begin_geldigheid
                      AND w.eind_geldigheid IS NOT DISTINCT FROM h.eind_geldigheid
                      AND w.register_tijd IS NOT DISTINCT FROM h.register_tijd THEN 'ongewijzigd'
                 ELSE 'vervangen' END
          FROM pg_temp.bv_bag_huidig h2
          LEFT JOIN pg_temp.bv_bag_wpl_opgeslagen w ON w.identificatie = h2.identificatie
         WHERE h2.identificatie = h.identificatie;
        INSERT INTO bv_woonplaats (identificatie, naam, status, voorkomen, begin_geldigheid, eind_geldigheid, register_tijd, bron)
        SELECT h.identificatie, h.naam, h.status, h.voorkomen, h.begin_geldigheid, h.eind_geldigheid, h.register_tijd, v_bron
          FROM pg_temp.bv_bag_huidig h WHERE h.actie = 'nieuw'::text;
        FOR rij IN SELECT x.* FROM pg_temp.bv_bag_huidig x WHERE x.actie = 'vervangen'::text LOOP
            UPDATE bv_woonplaats w
               SET naam = rij.naam, status = rij.status, voorkomen = rij.voorkomen, begin_geldigheid = rij.begin_geldigheid,
                   eind_geldigheid = rij.eind_geldigheid, register_tijd = rij.register_tijd, bron = v_bron,
                   geladen_op = pg_catalog.now()
             WHERE w.identificatie = rij.identificatie;
        END LOOP;
    ELSE
        IF pg_catalog.to_regclass('pg_temp.bv_bag_pnd_opgeslagen'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_pnd_opgeslagen (LIKE bv_pand) ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_pnd_opgeslagen;
        INSERT INTO pg_temp.bv_bag_pnd_opgeslagen SELECT p.* FROM bv_pand p WHERE p.identificatie = ANY (v_ids);
        UPDATE pg_temp.bv_bag_huidig h
           SET actie = CASE
                 WHEN p.identificatie IS NULL THEN 'nieuw'
                 WHEN p.register_tijd > h.register_tijd
                      OR (p.register_tijd IS NOT DISTINCT FROM h.register_tijd AND p.voorkomen > h.voorkomen) THEN 'ouder'
                 WHEN p.bouwjaar IS NOT DISTINCT FROM h.bouwjaar AND p.status = h.status AND p.voorkomen = h.voorkomen
                      AND p.begin_geldigheid = h.begin_geldigheid AND p.eind_geldigheid IS NOT DISTINCT FROM h.eind_geldigheid
                      AND p.register_tijd IS NOT DISTINCT FROM h.register_tijd
                      AND ST_AsEWKB(p.geom) IS NOT DISTINCT FROM ST_AsEWKB(h.geom) THEN 'ongewijzigd'
                 ELSE 'vervangen' END
          FROM pg_temp.bv_bag_huidig h2
          LEFT JOIN pg_temp.bv_bag_pnd_opgeslagen p ON p.identificatie = h2.identificatie
         WHERE h2.identificatie = h.identificatie;
        SELECT pg_catalog.format('building %s: %s'::text, h.identificatie, (ST_IsValidDetail(h.geom, 0)).reason)
          INTO v_fout FROM pg_temp.bv_bag_huidig h
         WHERE h.geom IS NOT NULL AND (GeometryType(h.geom) <> 'POLYGON'::text OR ST_IsEmpty(h.geom))
         LIMIT 1;
        IF v_fout IS NOT NULL THEN
            RAISE EXCEPTION 'BAG: % is refused, % (a footprint must be one polygon)', v_bron, v_fout
                  USING ERRCODE = 'invalid_parameter_value', HINT = 'Buildings of the BAG have a polygon footprint in EPSG:28992.';
        END IF;
        INSERT INTO bv_pand (identificatie, bouwjaar, status, voorkomen, begin_geldigheid, eind_geldigheid,
                             register_tijd, bron, geom)
        SELECT h.identificatie, h.bouwjaar, h.status, h.voorkomen, h.begin_geldigheid, h.eind_geldigheid,
               h.register_tijd, v_bron, ST_Force2D(h.geom)
          FROM pg_temp.bv_bag_huidig h WHERE h.actie = 'nieuw'::text;
        FOR rij IN SELECT x.* FROM pg_temp.bv_bag_huidig x WHERE x.actie = 'vervangen'::text LOOP
            UPDATE bv_pand p
               SET bouwjaar = rij.bouwjaar, status = rij.status, voorkomen = rij.voorkomen, begin_geldigheid = rij.begin_geldigheid,
                   eind_geldigheid = rij.eind_geldigheid, register_tijd = rij.register_tijd, bron = v_bron,
                   geom = ST_Force2D(rij.geom), geladen_op = pg_catalog.now()
             WHERE p.identificatie = rij.identificatie;
        END LOOP;
        -- the building year of the units in the buildings that changed: the
        -- units and the years of all their buildings, copied, then the
        -- units whose year changes
        SELECT pg_catalog.array_agg(h.identificatie) INTO v_verv
          FROM pg_temp.bv_bag_huidig h WHERE h.actie IN ('nieuw'::text, 'vervangen'::text);
        IF pg_catalog.to_regclass('pg_temp.bv_bag_eenheid'::text) IS NULL THEN
            CREATE TEMP TABLE pg_temp.bv_bag_eenheid (identificatie text PRIMARY KEY, pand_ids text[], bouwjaar integer)
                ON COMMIT DROP;
        END IF;
        TRUNCATE pg_temp.bv_bag_eenheid;
        INSERT INTO pg_temp.bv_bag_eenheid (identificatie, pand_ids, bouwjaar)
        SELECT v.identificatie, v.pand_ids, v.bouwjaar FROM bv_verblijfsobject v WHERE v.pand_ids && v_verv;
        SELECT pg_catalog.array_agg(DISTINCT x.pand) INTO v_panden
          FROM pg_temp.bv_bag_eenheid u CROSS JOIN LATERAL pg_catalog.unnest(u.pand_ids) x(pand);
        TRUNCATE pg_temp.bv_bag_pandjaar;
        INSERT INTO pg_temp.bv_bag_pandjaar (identificatie, bouwjaar)
        SELECT p.identificatie, p.bouwjaar FROM bv_pand p WHERE p.identificatie = ANY (v_panden);
        SELECT pg_catalog.array_agg(j.identificatie), pg_catalog.array_agg(j.bouwjaar) INTO v_eenh, v_jaren
          FROM (SELECT u.identificatie, u.bouwjaar AS oud, pg_catalog.min(p.bouwjaar) AS bouwjaar
                  FROM pg_temp.bv_bag_eenheid u
                  CROSS JOIN LATERAL pg_catalog.unnest(u.pand_ids) y(pand)
                  LEFT JOIN pg_temp.bv_bag_pandjaar p ON p.identificatie = y.pand
                 GROUP BY u.identificatie, u.bouwjaar) j
         WHERE j.oud IS DISTINCT FROM j.bouwjaar;
        UPDATE bv_verblijfsobject v
           SET bouwjaar = j.bouwjaar, geladen_op = pg_catalog.now()
          FROM ROWS FROM (pg_catalog.unnest(v_eenh), pg_catalog.unnest(v_jaren)) j(identificatie, bouwjaar)
         WHERE v.identificatie = j.identificatie AND v.bouwjaar IS DISTINCT FROM j.bouwjaar;
    END IF;

    SELECT pg_catalog.count(*) FILTER (WHERE h.actie = 'nieuw'::text)::integer,
           pg_catalog.count(*) FILTER (WHERE h.actie = 'vervangen'::text)::integer,
           pg_catalog.count(*) FILTER (WHERE h.actie = 'ongewijzigd'::text)::integer,
           pg_catalog.count(*) FILTER (WHERE h.actie = 'ouder'::text)::integer
      INTO n_nieuw, n_verv, n_ong, n_ouder FROM pg_temp.bv_bag_huidig h;
    TRUNCATE pg_temp.bv_bag_huidig;
    RETURN QUERY SELECT v_soort, n_obj, n_rij, n_nieuw, n_verv, n_ong, n_ouder;
END
$fn$;

COMMENT ON FUNCTION bv_bag_laad(text) IS
'Loads the rows of the temporary table pg_temp.bv_bag_rij (one per voorkomen of one BAG object type, the values as text as the file gives them, the geometry as EWKT; filled by bin/importers/bag.py or bv_bag_import) into bv_verblijfsobject, bv_pand, bv_nummeraanduiding, bv_openbare_ruimte or bv_woonplaats: per object its current voorkomen (still valid, else the last); an object with an equal stored version is left as it is, an older one (by tijdstipRegistratie) never replaces a newer; building years of units follow their buildings. Returns the counts. A bad value is refused (SQLSTATE 22023) naming the object, nothing loaded.';

CREATE FUNCTION bv_bag_import(document xml, bron text DEFAULT NULL)
RETURNS TABLE (soort text, objecten integer, voorkomens integer, nieuw integer, vervangen integer,
               ongewijzigd integer, ouder integer)
LANGUAGE plpgsql VOLATILE COST 100000
SET jit = off AS
$fn$
#variable_conflict use_column
DECLARE
    v_root text;
    v_bron text := coalesce(bron, 'BAG');
BEGIN
    PERFORM bv_primair_vereist('bv_bag_import'::text);
    IF document IS NULL THEN
        RAISE EXCEPTION 'BAG: no document given (NULL)' USING ERRCODE = 'null_value_not_allowed',
              HINT = 'Pass one file of a BAG 2.0 extract (e.g. 0221VBO15092020-000001.xml).';
    END IF;
    IF document IS NOT DOCUMENT THEN
        RAISE EXCEPTION 'BAG: % is not one XML document', v_bron USING ERRCODE = 'invalid_xml_document',
              HINT = 'Pass the whole file.';
    END IF;
    IF pg_catalog.strpos(document::text, '<!ENTITY'::text) > 0 THEN
        RAISE EXCEPTION 'BAG: % declares XML entities; refused (no entity is read or expanded)', v_bron
              USING ERRCODE = 'invalid_xml_document', HINT = 'BAG extract files have no DOCTYPE or entities.';
    END IF;
    v_root := (pg_catalog.xpath('concat(namespace-uri(/*), " ", local-name(/*))'::text, document))[1]::text;
    IF v_root <> 'http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601 bagStand'::text THEN
        RAISE EXCEPTION 'BAG: % is not a file of a BAG 2.0 stand extract: the root element is "%"', v_bron, v_root
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Read is sl-bag-extract:bagStand of namespace http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601 (IMBAG v20200601), with verblijfsobjecten, panden, nummeraanduidingen, openbare ruimten or woonplaatsen.';
    END IF;
    -- a fresh table each time: one made earlier in the transaction (by a
    -- caller, with other columns) is replaced, without a notice
    IF pg_catalog.to_regclass('pg_temp.bv_bag_rij'::text) IS NOT NULL THEN
        DROP TABLE pg_temp.bv_bag_rij;
    END IF;
    CREATE TEMP TABLE pg_temp.bv_bag_rij (
        soort text, identificatie text, voorkomen text, begin_geldigheid text, eind_geldigheid text,
        tijdstip_registratie text, eind_registratie text, status text, gebruiksdoel text, oppervlakte text,
        bouwjaar text, pand_ids text, geom text, postcode text, huisnummer text, huisletter text, toevoeging text,
        adresseerbaar_object text, hoofdadres text, nevenadressen text, naam text, type text,
        openbare_ruimte text, woonplaats text) ON COMMIT DROP;
    INSERT INTO pg_temp.bv_bag_rij (soort, identificatie, voorkomen, begin_geldigheid, eind_geldigheid,
        tijdstip_registratie, eind_registratie, status, gebruiksdoel, oppervlakte, bouwjaar, pand_ids, geom,
        postcode, huisnummer, huisletter, toevoeging, adresseerbaar_object, hoofdadres, nevenadressen,
        naam, type, openbare_ruimte, woonplaats)
    SELECT CASE o.soort WHEN 'Verblijfsobject' THEN 'VBO' WHEN 'Pand' THEN 'PND' WHEN 'Nummeraanduiding' THEN 'NUM'
                        WHEN 'OpenbareRuimte' THEN 'OPR' WHEN 'Woonplaats' THEN 'WPL' ELSE o.soort END,
           pg_catalog.btrim(o.id), pg_catalog.btrim(o.voorkomen), pg_catalog.btrim(o.begin),
           pg_catalog.btrim(o.eind), pg_catalog.btrim(o.treg), pg_catalog.btrim(o.ereg), pg_catalog.btrim(o.status),
           CASE WHEN o.soort = 'Verblijfsobject'::text THEN
                (SELECT pg_catalog.array_agg(pg_catalog.btrim(x::text) ORDER BY n)
                   FROM pg_catalog.unnest(pg_catalog.xpath('/*/*[local-name()="gebruiksdoel"]/text()'::text, o.obj)) WITH ORDINALITY d(x, n))::text END,
           pg_catalog.btrim(o.opp), pg_catalog.btrim(o.bouwjaar),
           coalesce((SELECT pg_catalog.array_agg(pg_catalog.btrim(x::text) ORDER BY n)
                       FROM pg_catalog.unnest(pg_catalog.xpath('/*/*[local-name()="maaktDeelUitVan"]/*[local-name()="PandRef"]/text()'::text, o.obj)) WITH ORDINALITY d(x, n)),
                    '{}'::text[])::text,
           -- PostGIS reads srsDimension only on pos/posList; the BAG puts it on the geometry
           -- the outline of a woonplaats is not read
           CASE WHEN o.gml IS NOT NULL AND o.soort <> 'Woonplaats'::text THEN ST_AsEWKT(ST_Force2D(ST_GeomFromGML(
                pg_catalog.regexp_replace(
                    pg_catalog.regexp_replace(o.gml::text, '\ssrsDimension\s*=\s*"[0-9]"'::text, ''::text, 'g'::text),
                    '<([A-Za-z_][A-Za-z0-9_.-]*:)?(pos|posList)([\s>])'::text,
                    '<\1\2 srsDimension="'::text || coalesce(o.dim, '2'::text) || '"\3'::text, 'g'::text),
                28992)), 15) END,
           pg_catalog.btrim(o.postcode), pg_catalog.btrim(o.huisnummer), pg_catalog.btrim(o.huisletter),
           pg_catalog.btrim(o.toevoeging), pg_catalog.btrim(o.adresseerbaar), pg_catalog.btrim(o.hoofdadres),
           CASE WHEN o.soort = 'Verblijfsobject'::text THEN
                coalesce((SELECT pg_catalog.array_agg(pg_catalog.btrim(x::text) ORDER BY n)
                            FROM pg_catalog.unnest(pg_catalog.xpath('/*/*[local-name()="heeftAlsNevenadres"]/*[local-name()="NummeraanduidingRef"]/text()'::text, o.obj)) WITH ORDINALITY d(x, n)),
                         '{}'::text[])::text END,
           pg_catalog.btrim(o.naam), pg_catalog.btrim(o.type), pg_catalog.btrim(o.openbare_ruimte), pg_catalog.btrim(o.woonplaats)
      FROM XMLTABLE(XMLNAMESPACES('http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601' AS e,
                                  'http://www.kadaster.nl/schemas/standlevering-generiek/1.0' AS sl,
                                  'www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601' AS o,
                                  'www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601' AS h,
                                  'http://www.opengis.net/gml/3.2' AS gml),
                    '/e:bagStand/sl:standBestand/sl:stand/e:bagObject/*'
                    PASSING document
                    COLUMNS soort text PATH 'local-name()',
                            obj xml PATH '.',
                            id text PATH 'o:identificatie',
                            voorkomen text PATH 'o:voorkomen/h:Voorkomen/h:voorkomenidentificatie',
                            begin text PATH 'o:voorkomen/h:Voorkomen/h:beginGeldigheid',
                            eind text PATH 'o:voorkomen/h:Voorkomen/h:eindGeldigheid',
                            treg text PATH 'o:voorkomen/h:Voorkomen/h:tijdstipRegistratie',
                            ereg text PATH 'o:voorkomen/h:Voorkomen/h:eindRegistratie',
                            status text PATH 'o:status',
                            opp text PATH 'o:oppervlakte',
                            bouwjaar text PATH 'o:oorspronkelijkBouwjaar',
                            gml xml PATH '(o:geometrie/o:punt/gml:Point | o:geometrie/gml:Polygon | o:geometrie/o:vlak/gml:Polygon)[1]',
                            dim text PATH '(o:geometrie//@srsDimension)[1]',
                            postcode text PATH 'o:postcode',
                            huisnummer text PATH 'o:huisnummer',
                            huisletter text PATH 'o:huisletter',
                            toevoeging text PATH 'o:huisnummertoevoeging',
                            adresseerbaar text PATH 'o:typeAdresseerbaarObject',
                            hoofdadres text PATH 'o:heeftAlsHoofdadres/*[local-name()="NummeraanduidingRef"]',
                            naam text PATH 'o:naam',
                            type text PATH 'o:type',
                            openbare_ruimte text PATH 'o:ligtAan/*[local-name()="OpenbareRuimteRef"]',
                            woonplaats text PATH 'o:ligtIn/*[local-name()="WoonplaatsRef"]') o
     WHERE o.soort IN ('Verblijfsobject'::text, 'Pand'::text, 'Nummeraanduiding'::text, 'OpenbareRuimte'::text, 'Woonplaats'::text);
    IF NOT FOUND THEN
        -- a file of another object type (LIG, STA): nothing to load
        RETURN QUERY SELECT coalesce(pg_catalog.string_agg(x::text, ','::text), '?'::text), 0, 0, 0, 0, 0, 0
          FROM pg_catalog.unnest(pg_catalog.xpath('/*/*[local-name()="standBestand"]/*[local-name()="inhoud"]/*[local-name()="objectTypen"]/*[local-name()="objectType"]/text()'::text, document)) x;
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM bv_bag_laad(v_bron);
END
$fn$;

COMMENT ON FUNCTION bv_bag_import(xml, text) IS
'One file of a BAG 2.0 stand extract (root sl-bag-extract:bagStand, IMBAG v20200601) with verblijfsobjecten, panden, nummeraanduidingen, openbare ruimten or woonplaatsen, from SQL for ETL jobs that hold the bytes: read with XPath into pg_temp.bv_bag_rij and loaded by bv_bag_laad (same counts, same guarantees). Objects of other types (LIG, STA) and the outline of a woonplaats are left out. For files of tens of MB use bin/bodemvisie import, which streams.';

-- ---------------------------------------------------------------------------
-- Dwellings per area.

CREATE FUNCTION bv_woningen_in(gebied geometry, peildatum date DEFAULT CURRENT_DATE)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE COST 200
AS $fn$
    SELECT pg_catalog.count(*)::integer
      FROM bv_verblijfsobject v, (SELECT bv_woning_statussen() AS st) s
     WHERE ST_Intersects(v.geom, CASE WHEN ST_SRID(gebied) = 0 THEN ST_SetSRID(gebied, 28992)
                                      WHEN ST_SRID(gebied) = 28992 THEN gebied
                                      ELSE ST_Transform(gebied, 28992) END)
       AND 'woonfunctie'::text = ANY (v.gebruiksdoel)
       AND v.status = ANY (s.st)
       AND v.begin_geldigheid <= peildatum
       AND (v.eind_geldigheid IS NULL OR peildatum < v.eind_geldigheid)
$fn$;

COMMENT ON FUNCTION bv_woningen_in(geometry, date) IS
'The number of dwellings in an area on peildatum: units of bv_verblijfsobject with gebruiksdoel woonfunctie, a status of bv_woning_statussen() and a voorkomen valid on peildatum (beginGeldigheid <= peildatum < eindGeldigheid), whose point lies in gebied (any SRID; 0 counts as RD New). Feeds bv_systeemkeuze (table 4.1) and bv_woningdichtheid.';

CREATE FUNCTION bv_woningdichtheid(gebied geometry, peildatum date DEFAULT CURRENT_DATE,
                                   OUT woningen integer,
                                   OUT oppervlakte_km2 double precision,
                                   OUT woningen_per_km2 double precision,
                                   OUT systeemkeuze text,
                                   OUT geothermie_woningen_min bigint,
                                   OUT geothermie_woningen_max bigint,
                                   OUT geothermie text)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000
AS $fn$
DECLARE
    g  record;
    v_min double precision := bv_constante('geothermie_woningen_per_km2_min'::text);
    v_max double precision := bv_constante('geothermie_woningen_per_km2_max'::text);
BEGIN
    IF gebied IS NULL THEN
        RETURN;
    END IF;
    IF NOT ST_IsEmpty(gebied) AND GeometryType(gebied) NOT IN ('POLYGON'::text, 'MULTIPOLYGON'::text) THEN
        RAISE EXCEPTION 'gebied must be a polygon or multipolygon, got %', GeometryType(gebied)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'Give the outline of the area, e.g. a neighbourhood (bv_gebied.geom) or ST_Buffer(point, radius, 8).';
    END IF;
    woningen := bv_woningen_in(gebied, peildatum);
    oppervlakte_km2 := ST_Area(gebied) / 1e6::float8;
    woningen_per_km2 := CASE WHEN oppervlakte_km2 > 0::float8 THEN woningen::float8 / oppervlakte_km2 END;
    -- the units exist: existing build in the sense of table 4.1
    systeemkeuze := bv_systeemkeuze(woningen, true);
    SELECT * INTO g FROM bv_geothermie_woningen(gebied, v_min, v_max);
    geothermie_woningen_min := g.woningen_min;
    geothermie_woningen_max := g.woningen_max;
    geothermie := CASE WHEN g.woningen_min IS NULL THEN NULL
                       WHEN woningen <= g.woningen_min THEN 'toereikend'
                       WHEN woningen <= g.woningen_max THEN 'grens'
                       ELSE 'ontoereikend' END;
END
$fn$;

COMMENT ON FUNCTION bv_woningdichtheid(geometry, date) IS
'Dwellings of an area on peildatum (bv_woningen_in), its area in km2 and density, the system of table 4.1 for that many dwellings of existing build (bv_systeemkeuze(woningen, true)), the dwellings the geothermal potential under it can heat (bv_geothermie_woningen: 1,200 to 1,500 per km2 of usable ground) and the comparison geothermie: toereikend (no more dwellings than the lower bound), grens (between the bounds), ontoereikend (more than the upper bound).';

CREATE VIEW bv_woningen_gebied AS
SELECT g.id, g.naam, g.ontwikkelgebied, d.woningen, d.oppervlakte_km2,
       round(d.woningen_per_km2::numeric, 1)::double precision AS woningen_per_km2,
       d.systeemkeuze, d.geothermie_woningen_min, d.geothermie_woningen_max, d.geothermie,
       g.geom
  FROM bv_gebied g
  CROSS JOIN LATERAL bv_woningdichtheid(g.geom, CURRENT_DATE) d;

COMMENT ON VIEW bv_woningen_gebied IS
'Per analysis area (bv_gebied): dwellings from the BAG today, area, density, the system table 4.1 gives for that many dwellings of existing build, and how the geothermal potential (1,200 to 1,500 dwellings per km2) compares; bv_woningdichtheid per row.';

-- Map layer: dwelling density per cell of 500 m of the RD grid, cells with
-- at least one dwelling.  id = column * 10000 + row of the cell (x / 500,
-- y / 500): stable as long as the grid is.
CREATE VIEW bv_kaart_woningdichtheid AS
SELECT (c.kx * 10000 + c.ky)::integer AS id,
       c.woningen::integer AS woningen,
       c.woningen::float8 * 4::float8 AS woningen_per_km2,
       CASE WHEN c.woningen::float8 * 4::float8 <= k.mn THEN 'toereikend'
            WHEN c.woningen::float8 * 4::float8 <= k.mx THEN 'grens'
            ELSE 'ontoereikend' END AS geothermie,
       ST_MakeEnvelope(c.kx::float8 * 500::float8, c.ky::float8 * 500::float8, (c.kx + 1)::float8 * 500::float8, (c.ky + 1)::float8 * 500::float8,
                       28992)::geometry(Polygon, 28992) AS geom
  FROM (SELECT pg_catalog.floor(ST_X(v.geom) / 500::float8)::integer AS kx,
               pg_catalog.floor(ST_Y(v.geom) / 500::float8)::integer AS ky,
               pg_catalog.count(*) AS woningen
          FROM bv_verblijfsobject v, (SELECT bv_woning_statussen() AS st) s
         WHERE 'woonfunctie'::text = ANY (v.gebruiksdoel)
           AND v.status = ANY (s.st)
           AND v.begin_geldigheid <= CURRENT_DATE
           AND (v.eind_geldigheid IS NULL OR CURRENT_DATE < v.eind_geldigheid)
         GROUP BY 1, 2) c,
       (SELECT bv_constante('geothermie_woningen_per_km2_min'::text) AS mn,
               bv_constante('geothermie_woningen_per_km2_max'::text) AS mx) k;

COMMENT ON VIEW bv_kaart_woningdichtheid IS
'Map layer: dwellings (BAG, today) per 500 m cell of the RD grid, with the density per km2 and how it compares to the 1,200 to 1,500 dwellings per km2 geothermal heat can serve (toereikend, grens, ontoereikend). Only cells with dwellings. id = x-column * 10000 + y-row of the cell.';

-- ---------------------------------------------------------------------------
-- Addresses: from a postcode and house number to the unit's point (issue 12:
-- the location report for an address).

CREATE FUNCTION bv_adres_locatie(adres text, peildatum date DEFAULT CURRENT_DATE,
                                 OUT adres_bag text,
                                 OUT nummeraanduiding text,
                                 OUT verblijfsobject text,
                                 OUT adresrol text,
                                 OUT geom geometry)
RETURNS record
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 500
AS $fn$
DECLARE
    v_deel     text[];
    v_postcode text;
    v_nummer   integer;
    v_rest     text;
    v_n        integer;
    v_lijst    text;
    v_alle     integer;
    v_alle_lijst text;
    v_soort    text;
    v_kern     text;
    v_straat   text;
    v_plaats   text;
    v_naam     text;
    v_plaatsen text;
BEGIN
    -- postcode, house number, then letter and addition in any spelling
    -- (12a, 12 A, 12-2, 12a-bis): compared without separators, ignoring case
    v_deel := pg_catalog.regexp_match(adres, '^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*,?\s*([0-9]{1,5})([A-Za-z0-9 /-]{0,12})$'::text);
    IF v_deel IS NULL THEN
        -- else a street name and house number, then letter and addition as
        -- above, and after a comma the woonplaats: names compared ignoring
        -- case, with runs of spaces as one
        v_deel := pg_catalog.regexp_match(adres, '^([^,]*),([^,]*)$'::text);
        IF v_deel IS NULL THEN
            v_kern := adres;
        ELSE
            v_kern := v_deel[1];
            v_plaats := pg_catalog.lower(pg_catalog.regexp_replace(pg_catalog.btrim(v_deel[2]), '\s+'::text, ' '::text, 'g'::text));
        END IF;
        v_deel := pg_catalog.regexp_match(v_kern, '^\s*(.*[[:alpha:]].*)\s+([0-9]{1,5})([A-Za-z0-9 /-]{0,12})$'::text);
        IF v_deel IS NULL OR v_plaats !~ '[[:alpha:]]'::text THEN
            RAISE EXCEPTION 'adres "%" is not a postcode and house number, nor a street and house number', adres
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Write the postcode, the house number and any letter or addition, e.g. ''9401 AB 12a'' or ''9401AB 12-2'', or the street, the house number and after a comma the woonplaats, e.g. ''Kerkstraat 12a, Assen''.';
        END IF;
        v_naam := pg_catalog.regexp_replace(pg_catalog.btrim(v_deel[1]), '\s+'::text, ' '::text, 'g'::text);
        v_straat := pg_catalog.lower(v_naam);
        v_nummer := v_deel[2]::integer;
        v_rest := pg_catalog.upper(pg_catalog.regexp_replace(v_deel[3], '[^A-Za-z0-9]'::text, ''::text, 'g'::text));

        -- the addresses valid on peildatum on a street of this name (in this
        -- woonplaats) with this number: the address's own woonplaats
        -- (ligtIn) where it has one, else the street's
        SELECT pg_catalog.count(*) FILTER (WHERE k.achtervoegsel = v_rest)::integer,
               pg_catalog.string_agg(k.adres || ' ('::text || k.identificatie || ')'::text, ', '::text ORDER BY k.adres, k.identificatie)
                   FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.count(*)::integer,
               pg_catalog.string_agg(k.adres, ', '::text ORDER BY k.adres, k.identificatie),
               pg_catalog.min(k.identificatie) FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.min(k.adres) FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.min(k.adresseerbaar_object) FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.min(k.straat),
               (pg_catalog.array_agg(k.adres ORDER BY k.adres, k.identificatie))[1]
          INTO v_n, v_lijst, v_alle, v_alle_lijst, nummeraanduiding, adres_bag, v_soort, v_kern, v_plaatsen
          FROM (SELECT n.identificatie, o.naam AS straat,
                       o.naam || ' '::text || n.huisnummer::text || coalesce(n.huisletter, ''::text)
                           || coalesce('-'::text || n.toevoeging, ''::text) || coalesce(', '::text || w.naam, ''::text) AS adres,
                       pg_catalog.upper(coalesce(n.huisletter, ''::text) || coalesce(n.toevoeging, ''::text)) AS achtervoegsel,
                       n.adresseerbaar_object
                  FROM bv_openbare_ruimte o
                  JOIN bv_nummeraanduiding n ON n.openbare_ruimte = o.identificatie
                  LEFT JOIN bv_woonplaats w ON w.identificatie = coalesce(n.woonplaats, o.woonplaats)
                 WHERE pg_catalog.lower(o.naam) = v_straat
                   AND o.begin_geldigheid <= peildatum AND (o.eind_geldigheid IS NULL OR peildatum < o.eind_geldigheid)
                   AND n.huisnummer = v_nummer
                   AND n.begin_geldigheid <= peildatum AND (n.eind_geldigheid IS NULL OR peildatum < n.eind_geldigheid)
                   AND (v_plaats IS NULL OR pg_catalog.lower(w.naam) = v_plaats)) k;
        IF v_n > 1 THEN
            RAISE EXCEPTION 'adres "%" is ambiguous: % addresses of the BAG match: %', adres, v_n, v_lijst
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = CASE WHEN v_plaats IS NULL
                                    THEN 'Add the woonplaats after a comma, e.g. ''' || pg_catalog.split_part(v_lijst, ' ('::text, 1) || ''', or give the postcode and house number.'
                                    ELSE 'Give the postcode and house number, or the location as a point (bv_locatierapport(geometry), --punt X,Y).' END;
        END IF;
        IF v_n = 0 AND v_alle > 0 THEN
            RAISE EXCEPTION 'adres "%" is not in the BAG%: at % % there %: %', adres,
                  CASE WHEN v_rest = ''::text THEN ' without a letter or addition'::text ELSE ''::text END, v_kern, v_nummer,
                  CASE WHEN v_alle = 1 THEN 'is one address'::text ELSE 'are '::text || v_alle::text || ' addresses'::text END, v_alle_lijst
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Choose one of them and give it with its letter or addition, e.g. ''' || v_plaatsen || '''.';
        END IF;
        IF v_n = 0 THEN
            -- why not: no such street, not in that woonplaats, or no such number
            SELECT pg_catalog.count(*)::integer,
                   pg_catalog.string_agg(DISTINCT coalesce(w.naam, o.woonplaats), ', '::text),
                   pg_catalog.min(o.naam)
              INTO v_alle, v_plaatsen, v_kern
              FROM bv_openbare_ruimte o
              LEFT JOIN bv_woonplaats w ON w.identificatie = o.woonplaats
             WHERE pg_catalog.lower(o.naam) = v_straat
               AND o.begin_geldigheid <= peildatum AND (o.eind_geldigheid IS NULL OR peildatum < o.eind_geldigheid);
            IF v_alle = 0 THEN
                RAISE EXCEPTION 'adres "%" is not in the BAG as loaded: no street "%" (% streets, valid on %)', adres, v_naam,
                      (SELECT pg_catalog.count(*) FROM bv_openbare_ruimte o
                        WHERE o.begin_geldigheid <= peildatum AND (o.eind_geldigheid IS NULL OR peildatum < o.eind_geldigheid)), peildatum
                      USING ERRCODE = 'invalid_parameter_value',
                            HINT = 'Check the spelling of the street, or give the postcode and house number (''9401 AB 12a''); streets are known when the OPR, WPL and NUM files of the municipality''s BAG extract are loaded (bin/bodemvisie import, doc/bag.md).';
            END IF;
            IF v_plaats IS NOT NULL AND NOT EXISTS (
                   SELECT FROM bv_openbare_ruimte o
                     JOIN bv_woonplaats w ON w.identificatie = o.woonplaats
                    WHERE pg_catalog.lower(o.naam) = v_straat AND pg_catalog.lower(w.naam) = v_plaats
                      AND o.begin_geldigheid <= peildatum AND (o.eind_geldigheid IS NULL OR peildatum < o.eind_geldigheid)) THEN
                RAISE EXCEPTION 'adres "%" is not in the BAG as loaded: no street "%" in woonplaats "%" (valid on %); there is one in: %', adres,
                      v_kern, pg_catalog.btrim(pg_catalog.split_part(adres, ','::text, 2)), peildatum, v_plaatsen
                      USING ERRCODE = 'invalid_parameter_value',
                            HINT = 'Check the woonplaats, or leave it out when the street name is found in one woonplaats only.';
            END IF;
            RAISE EXCEPTION 'adres "%" is not in the BAG as loaded: % has no house number % (valid on %)', adres, v_kern, v_nummer, peildatum
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Check the house number, or give the postcode and house number; an address is found by its street when the NUM file was loaded with 0.2.0 or later (bin/bodemvisie import, doc/bag.md).';
        END IF;
    ELSE
        v_postcode := pg_catalog.upper(v_deel[1] || v_deel[2]);
        v_nummer := v_deel[3]::integer;
        v_rest := pg_catalog.upper(pg_catalog.regexp_replace(v_deel[4], '[^A-Za-z0-9]'::text, ''::text, 'g'::text));

        -- the addresses valid on peildatum with this postcode and number
        SELECT pg_catalog.count(*) FILTER (WHERE k.achtervoegsel = v_rest)::integer,
               pg_catalog.string_agg(k.adres || ' ('::text || k.identificatie || ')'::text, ', '::text ORDER BY k.adres, k.identificatie)
                   FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.count(*)::integer,
               pg_catalog.string_agg(k.adres, ', '::text ORDER BY k.adres, k.identificatie),
               pg_catalog.min(k.identificatie) FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.min(k.adres) FILTER (WHERE k.achtervoegsel = v_rest),
               pg_catalog.min(k.adresseerbaar_object) FILTER (WHERE k.achtervoegsel = v_rest)
          INTO v_n, v_lijst, v_alle, v_alle_lijst, nummeraanduiding, adres_bag, v_soort
          FROM (SELECT n.identificatie,
                       pg_catalog.substr(n.postcode, 1, 4) || ' '::text || pg_catalog.substr(n.postcode, 5, 2) || ' '::text
                           || n.huisnummer::text || coalesce(n.huisletter, ''::text) || coalesce('-'::text || n.toevoeging, ''::text) AS adres,
                       pg_catalog.upper(coalesce(n.huisletter, ''::text) || coalesce(n.toevoeging, ''::text)) AS achtervoegsel,
                       n.adresseerbaar_object
                  FROM bv_nummeraanduiding n
                 WHERE n.postcode = v_postcode AND n.huisnummer = v_nummer
                   AND n.begin_geldigheid <= peildatum AND (n.eind_geldigheid IS NULL OR peildatum < n.eind_geldigheid)) k;
        IF v_n > 1 THEN
            RAISE EXCEPTION 'adres "%" is ambiguous: % addresses of the BAG match: %', adres, v_n, v_lijst
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'They differ only in the case of the letter or in separators; give the location as a point instead (bv_locatierapport(geometry), --punt X,Y).';
        END IF;
        IF v_n = 0 AND v_alle > 0 THEN
            RAISE EXCEPTION 'adres "%" is not in the BAG%: at % % there %: %', adres,
                  CASE WHEN v_rest = ''::text THEN ' without a letter or addition'::text ELSE ''::text END,
                  pg_catalog.substr(v_postcode, 1, 4) || ' '::text || pg_catalog.substr(v_postcode, 5, 2), v_nummer,
                  CASE WHEN v_alle = 1 THEN 'is one address'::text ELSE 'are '::text || v_alle::text || ' addresses'::text END, v_alle_lijst
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Choose one of them and give it with its letter or addition, e.g. ''' || pg_catalog.split_part(v_alle_lijst, ', '::text, 1) || '''.';
        END IF;
        IF v_n = 0 THEN
            RAISE EXCEPTION 'adres "%" is not in the BAG as loaded (% addresses, valid on %)', adres,
                  (SELECT pg_catalog.count(*) FROM bv_nummeraanduiding n
                    WHERE n.begin_geldigheid <= peildatum AND (n.eind_geldigheid IS NULL OR peildatum < n.eind_geldigheid)), peildatum
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'Check the postcode and the house number, or load the NUM and VBO files of the municipality''s BAG extract (bin/bodemvisie import, doc/bag.md).';
        END IF;
    END IF;

    -- the unit: the one with this main address, else the one with it as another address
    SELECT pg_catalog.count(*)::integer, pg_catalog.string_agg(u.identificatie, ', '::text ORDER BY u.identificatie),
           pg_catalog.min(u.identificatie), pg_catalog.min(u.rol), (pg_catalog.array_agg(u.geom))[1]
      INTO v_n, v_lijst, verblijfsobject, adresrol, geom
      FROM (SELECT v.identificatie, v.geom,
                   CASE WHEN v.hoofdadres IS NOT DISTINCT FROM nummeraanduiding THEN 'hoofdadres'::text ELSE 'nevenadres'::text END AS rol,
                   pg_catalog.rank() OVER (ORDER BY v.hoofdadres IS NOT DISTINCT FROM nummeraanduiding DESC) AS rang
              FROM bv_verblijfsobject v
             WHERE (v.hoofdadres = nummeraanduiding OR nummeraanduiding = ANY (v.nevenadressen))
               AND v.begin_geldigheid <= peildatum AND (v.eind_geldigheid IS NULL OR peildatum < v.eind_geldigheid)) u
     WHERE u.rang = 1;
    IF v_n > 1 THEN
        RAISE EXCEPTION 'adres "%" (nummeraanduiding %) is the % of % units: %', adres, nummeraanduiding, adresrol, v_n, v_lijst
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'The BAG gives this address to more than one unit; give the location as a point (--punt X,Y) or the plan polygon.';
    END IF;
    IF v_n = 0 THEN
        RAISE EXCEPTION 'adres "%" (nummeraanduiding %, of a %) has no unit in the BAG as loaded', adres, nummeraanduiding,
              pg_catalog.lower(coalesce(v_soort, 'Verblijfsobject'::text))
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = CASE WHEN v_soort IN ('Ligplaats'::text, 'Standplaats'::text)
                                THEN 'Ligplaatsen and standplaatsen are not read; give the location as a point (--punt X,Y).'
                                ELSE 'Load the VBO file of the same BAG extract (bin/bodemvisie import, doc/bag.md), or give the location as a point.' END;
    END IF;
END
$fn$;

COMMENT ON FUNCTION bv_adres_locatie(text, date) IS
'Looks an address up in the loaded BAG: a postcode and house number with any letter and addition (''9401 AB 12a'', ''9401AB 12-2''; case and separators ignored), or a street name and house number with letter and addition, optionally a comma and the woonplaats (''Kerkstraat 12a, Assen''; case and runs of spaces ignored), valid on peildatum, to its BAG spelling (adres_bag), the nummeraanduiding, the unit (verblijfsobject) that has it as hoofdadres (else as nevenadres) and that unit''s point (RD New). An address that is not there (no such street, not in that woonplaats, no such number), matches more than one nummeraanduiding (the same street in two woonplaatsen, several letters) or unit, or belongs to a ligplaats or standplaats is refused (SQLSTATE 22023) naming the candidates. For the location report: bin/bodemvisie rapport --adres.';
