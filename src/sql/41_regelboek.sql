-- The rulebook (issue 9): the policy as data, in one place.
--
--   bv_gebiedssoort      the kinds of area a rule can name (rows, not a CHECK)
--   bv_regel             every area rule: kind, system types, depth, severity,
--                        Dutch explanation and its source in the document
--   bv_beleidsconstante  the policy's numbers, by name
--   bv_regelboek         the rules for people, with their sources
--
-- The check (bv_bodemenergie_toets), the potential map (bv_bodemenergie_kaart)
-- and the area view (bv_wko_beslisboom_gebied) read these tables; none of
-- them repeats a rule or a number.  doc/regelboek.md explains how to change
-- a rule and add an area kind; doc/beleid.md is the digest of the policy that
-- the sources below cite by chapter.
--
-- The shipped rows (standaard = true) are the Assen rules.  A user changes
-- them by UPDATE; a changed row is no longer standaard and is kept by
-- pg_dump and by extension updates.  Shipped rows cannot be deleted (an
-- update would bring them back): end a rule with geldig_tot instead.  On
-- restore, CREATE EXTENSION inserts the shipped rows first and the dump's
-- rows then replace them (bv_standaardrij_vervangen), so changes survive.

CREATE TABLE IF NOT EXISTS bv_gebiedssoort (
    soort        text PRIMARY KEY CHECK (soort ~ '^[a-z][a-z0-9_]*$'),
    omschrijving text NOT NULL,
    bron         text NOT NULL,
    standaard    boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE bv_gebiedssoort IS
'The kinds of policy area (bv_beleidsgebied.soort) and of other areas the rulebook names (verontreiniging = bv_verontreiniging). Add a kind with INSERT; no code change.';
COMMENT ON COLUMN bv_gebiedssoort.soort IS 'Code of the kind: lower case, digits and _ (e.g. intrekgebied).';
COMMENT ON COLUMN bv_gebiedssoort.omschrijving IS 'What the kind is, in Dutch.';
COMMENT ON COLUMN bv_gebiedssoort.bron IS 'Where the kind comes from: chapter or module of the Bodemvisie with a short quote, a provincial ordinance, or "eigen keuze: reason".';
COMMENT ON COLUMN bv_gebiedssoort.standaard IS 'True for a row shipped with the extension and not changed since.';

CREATE TABLE IF NOT EXISTS bv_regel (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_.]*$'),
    soort        text NOT NULL REFERENCES bv_gebiedssoort (soort) ON UPDATE CASCADE,
    systemen     text[] NOT NULL,
    dieper_dan_m double precision,
    ernst        text NOT NULL,
    uitleg       text NOT NULL,
    bron         text NOT NULL,
    geldig_vanaf date,
    geldig_tot   date,
    standaard    boolean NOT NULL DEFAULT false
);
ALTER TABLE bv_regel
    DROP CONSTRAINT IF EXISTS bv_regel_systemen_check,
    DROP CONSTRAINT IF EXISTS bv_regel_ernst_check,
    DROP CONSTRAINT IF EXISTS bv_regel_diepte_check,
    DROP CONSTRAINT IF EXISTS bv_regel_geldigheid,
    ADD CONSTRAINT bv_regel_systemen_check
        CHECK (pg_catalog.cardinality(systemen) > 0
               AND systemen <@ '{open,gesloten,geothermie}'::text[]),
    ADD CONSTRAINT bv_regel_ernst_check CHECK (ernst IN ('verbod', 'restrictie', 'advies')),
    ADD CONSTRAINT bv_regel_diepte_check
        CHECK (dieper_dan_m >= 0::float8 AND dieper_dan_m < 10000::float8),
    ADD CONSTRAINT bv_regel_geldigheid CHECK (geldig_vanaf < geldig_tot);
CREATE INDEX IF NOT EXISTS bv_regel_soort_idx ON bv_regel (soort);

COMMENT ON TABLE bv_regel IS
'The rulebook: every area rule of the policy. A rule applies to a planned system of one of its systemen whose borehole reaches deeper than dieper_dan_m (NULL: at any depth) at a location inside an area of its soort, while the rule and the area are in force.';
COMMENT ON COLUMN bv_regel.code IS 'Stable name of the rule (e.g. boringsvrije_zone.dieper_dan_15m); reasons of the check carry it.';
COMMENT ON COLUMN bv_regel.soort IS 'The kind of area the rule is about (bv_gebiedssoort).';
COMMENT ON COLUMN bv_regel.systemen IS 'The system types it applies to: open, gesloten, geothermie.';
COMMENT ON COLUMN bv_regel.dieper_dan_m IS 'The rule applies when the borehole goes deeper than this many m below ground level; NULL = at any depth. A zone-2 rule has 25: a borehole to exactly 25 m lies in zone 1 (closed interval [0, 25]).';
COMMENT ON COLUMN bv_regel.ernst IS 'verbod (prohibited), restrictie (allowed under conditions) or advies (advice; does not change the verdict).';
COMMENT ON COLUMN bv_regel.uitleg IS 'The explanation a citizen reads, in Dutch.';
COMMENT ON COLUMN bv_regel.bron IS 'Source: chapter or module of the Bodemvisie (doc/beleid.md) with a short quote, or "eigen keuze: reason".';
COMMENT ON COLUMN bv_regel.geldig_vanaf IS 'First day the rule is in force (NULL: since always).';
COMMENT ON COLUMN bv_regel.geldig_tot IS 'First day the rule is no longer in force (NULL: open ended). End a rule by setting it.';
COMMENT ON COLUMN bv_regel.standaard IS 'True for a rule shipped with the extension and not changed since.';

CREATE TABLE IF NOT EXISTS bv_beleidsconstante (
    naam      text PRIMARY KEY CHECK (naam ~ '^[a-z][a-z0-9_]*$'),
    waarde    double precision NOT NULL CHECK (waarde > '-Infinity' AND waarde < 'Infinity'),
    eenheid   text NOT NULL,
    uitleg    text NOT NULL,
    bron      text NOT NULL,
    standaard boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE bv_beleidsconstante IS
'The numbers of the policy by name (bubble radius, plume circle, thresholds, densities). The check, the maps and the views read them with bv_constante(naam). The depth bounds of layers and zones are not here: they live in the depth model (bv_dieptemodel()).';
COMMENT ON COLUMN bv_beleidsconstante.naam IS 'Name of the number (e.g. bel_straal_m).';
COMMENT ON COLUMN bv_beleidsconstante.waarde IS 'The value.';
COMMENT ON COLUMN bv_beleidsconstante.eenheid IS 'Its unit (m, m/jaar, jaar, fractie, aantal, woningen/km2, m2).';
COMMENT ON COLUMN bv_beleidsconstante.uitleg IS 'What it means, in Dutch.';
COMMENT ON COLUMN bv_beleidsconstante.bron IS 'Source in the Bodemvisie (doc/beleid.md), or "eigen keuze: reason".';
COMMENT ON COLUMN bv_beleidsconstante.standaard IS 'True for a row shipped with the extension and not changed since.';

-- The kind of a policy area is a row of bv_gebiedssoort (0.1.0: a CHECK).
ALTER TABLE bv_beleidsgebied
    DROP CONSTRAINT IF EXISTS bv_beleidsgebied_soort_check,
    DROP CONSTRAINT IF EXISTS bv_beleidsgebied_soort_fkey;

-- ---------------------------------------------------------------------------
-- Shipped rows: replaced by a restore, kept when changed, never deleted.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_standaardrij_vervangen()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    sleutel  text := TG_ARGV[0];
    waarde   text;
    kolommen text;
    vervangen integer;
BEGIN
    -- An INSERT with the key of an unchanged shipped row replaces that row
    -- (pg_restore inserts the dumped rows after CREATE EXTENSION inserted
    -- the shipped ones).
    EXECUTE pg_catalog.format('SELECT ($1).%I::text', sleutel) INTO waarde USING NEW;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname::text), ', '::text ORDER BY a.attnum)
      INTO kolommen
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
    -- (not a correction: the history of the time model skips it, and the
    -- replaced row keeps the dumped version)
    PERFORM pg_catalog.set_config('bodemvisie.herstel', 'aan', true);
    EXECUTE pg_catalog.format(
        'UPDATE %I.%I t SET (%s) = (SELECT %s FROM (SELECT ($1).*) n) WHERE t.%I::text = $2 AND t.standaard',
        TG_TABLE_SCHEMA, TG_TABLE_NAME, kolommen, kolommen, sleutel)
      USING NEW, waarde;
    GET DIAGNOSTICS vervangen = ROW_COUNT;
    PERFORM pg_catalog.set_config('bodemvisie.herstel', '', true);
    IF vervangen > 0 THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$fn$;

COMMENT ON FUNCTION bv_standaardrij_vervangen() IS
'Trigger of the rulebook tables: an INSERT with the key of an unchanged shipped row (standaard) replaces it, so that pg_restore brings back the user''s version of a rule after CREATE EXTENSION inserted the shipped one.';

CREATE FUNCTION bv_standaardrij_bewaken()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.standaard THEN
            RAISE EXCEPTION 'a shipped row of % cannot be deleted', TG_TABLE_NAME
                  USING ERRCODE = 'restrict_violation',
                        HINT = CASE TG_TABLE_NAME
                                 WHEN 'bv_regel' THEN 'End the rule instead: UPDATE bv_regel SET geldig_tot = current_date WHERE code = ...; an update of the extension would bring a deleted rule back.'
                                 ELSE 'Change the row instead; an update of the extension would bring a deleted row back.' END;
        END IF;
        RETURN OLD;
    END IF;
    -- A change by hand makes a shipped row the user's own; a replacement
    -- with the same content (a restore, an update) keeps it shipped.
    IF OLD.standaard AND NEW.standaard
       AND (pg_catalog.to_jsonb(NEW) - '{standaard,versie,geladen_op}'::text[])
           IS DISTINCT FROM (pg_catalog.to_jsonb(OLD) - '{standaard,versie,geladen_op}'::text[]) THEN
        NEW.standaard := false;
    END IF;
    RETURN NEW;
END
$fn$;

COMMENT ON FUNCTION bv_standaardrij_bewaken() IS
'Trigger of the rulebook tables: a shipped row changed by hand is no longer standaard (so updates and dumps keep the change); a shipped row cannot be deleted (end a rule with geldig_tot).';

CREATE OR REPLACE TRIGGER bv_gebiedssoort_vervangen BEFORE INSERT ON bv_gebiedssoort
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_vervangen('soort');
CREATE OR REPLACE TRIGGER bv_gebiedssoort_bewaken BEFORE UPDATE OR DELETE ON bv_gebiedssoort
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_bewaken();
CREATE OR REPLACE TRIGGER bv_regel_vervangen BEFORE INSERT ON bv_regel
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_vervangen('code');
CREATE OR REPLACE TRIGGER bv_regel_bewaken BEFORE UPDATE OR DELETE ON bv_regel
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_bewaken();
CREATE OR REPLACE TRIGGER bv_beleidsconstante_vervangen BEFORE INSERT ON bv_beleidsconstante
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_vervangen('naam');
CREATE OR REPLACE TRIGGER bv_beleidsconstante_bewaken BEFORE UPDATE OR DELETE ON bv_beleidsconstante
    FOR EACH ROW EXECUTE FUNCTION bv_standaardrij_bewaken();

-- ---------------------------------------------------------------------------
-- The Assen content.  Sources cite doc/beleid.md (the digest of the
-- Bodemvisie) by the chapter of the Bodemvisie itself.
-- ---------------------------------------------------------------------------
INSERT INTO bv_gebiedssoort (soort, omschrijving, bron, standaard) VALUES
  ('waterwingebied', 'Waterwingebied van een drinkwaterwinning (Assen-Oost, Lonerstraat).',
   'Module 4, kader 3D-zonemodel: "in zone 1 o.a. het drinkwaterwingebied van de winning Assen-Oost als verbodsgebied".', true),
  ('boringsvrije_zone', 'Boringsvrije zone, verbodzone diepe boringen rond Assen-Oost.',
   'Module 3: "in de zone rond de winning ''Assen-Oost'' boringen > 15 m niet toegestaan".', true),
  ('honderdjaarszone', '100-jaarszone van een drinkwaterwinning.',
   'Module 4, kader 3D-zonemodel: "In zone 2 ... de 100-jaarszone van de drinkwaterwinning ... aangemerkt als restrictiegebied".', true),
  ('grondwaterbeschermingsgebied', 'Grondwaterbeschermingsgebied (toekomstig bij Assen-West, cirkel van 3.000 m).',
   'Module 3: "zal bodemenergie op termijn niet worden toegestaan"; voetnoot 2: "cirkel met een diameter van 3.000 meter".', true),
  ('nationaal_landschap', 'Nationaal Landschap Drentse Aa (het gebied als geheel).',
   'Module 4, kader 3D-zonemodel: "gebieden die betrekking hebben op het Nationaal landschap Drentse AA ... aangemerkt als restrictiegebied".', true),
  ('aardkundig_monument', 'Aardkundig monument in het Nationaal Landschap Drentse Aa.',
   'Module 4, kader 3D-zonemodel: "de daar aanwezige aardkundige en archeologische monumenten aangemerkt als restrictiegebied".', true),
  ('archeologisch_monument', 'Archeologisch monument in het Nationaal Landschap Drentse Aa.',
   'Module 4, kader 3D-zonemodel: "de daar aanwezige aardkundige en archeologische monumenten aangemerkt als restrictiegebied".', true),
  ('intrekgebied', 'Intrekgebied van een drinkwaterwinning (Assen-Oost).',
   'Module 3, voetnoot 3: "In het provinciale 3D-model is het intrekgebied van de winning Assen-Oost als restrictiegebied opgenomen."', true),
  ('gasveld', 'Gasveld (NAM).',
   'Hoofdstuk 2.2 en module 5: gasvelden maken de ondergrond ongeschikt voor geothermie of vragen drukvalonderzoek en samenwerking met de NAM.', true),
  ('potklei_doorlatend', 'Gebied waar de potklei (sdl1) beter doorlatend of onzeker is (westelijk Assen).',
   'Hoofdstuk 2.1: "voor het oostelijke deel van Assen de potkleilaag min of meer aaneengesloten ... voor het westelijke deel ... beter doorlatend"; de overgang is niet exact bekend.', true),
  ('archeologie', 'Archeologische verwachtingszone.',
   'Module 1: archeologie (middelhoge tot hoge verwachting) als aandachtspunt in de netwerklaag; KLIC-toetsen, geen regel voor bodemenergie.', true),
  ('hoofdtrace', 'Hoofdtracé voor kabels en leidingen (gereserveerde strook).',
   'Module 1: "hoofdtracés" bundelen kabels en leidingen; KLIC-toetsen, geen regel voor bodemenergie.', true),
  ('verontreiniging', 'Grondwaterverontreiniging (tabel bv_verontreiniging: contour, of cirkel van 150 m rond een bron).',
   'Hoofdstuk 2.3 en module 4: verontreiniging als restrictiegebied voor bodemenergie ("wenselijk").', true)
ON CONFLICT (soort) DO NOTHING;

ALTER TABLE bv_beleidsgebied
    ADD CONSTRAINT bv_beleidsgebied_soort_fkey FOREIGN KEY (soort)
        REFERENCES bv_gebiedssoort (soort) ON UPDATE CASCADE;

INSERT INTO bv_regel (code, soort, systemen, dieper_dan_m, ernst, uitleg, bron, standaard) VALUES
  ('waterwingebied.bodemenergie', 'waterwingebied', '{open,gesloten,geothermie}', NULL, 'verbod',
   'Waterwingebied (drinkwaterwinning): bodemenergie is hier verboden.',
   'Module 4, kader 3D-zonemodel: "In verbodsgebieden is toepassing van WKO niet toegestaan"; het waterwingebied is verbodsgebied. Geothermie inbegrepen: eigen keuze (bescherming van de winning).', true),
  ('grondwaterbeschermingsgebied.bodemenergie', 'grondwaterbeschermingsgebied', '{open,gesloten,geothermie}', NULL, 'verbod',
   'Grondwaterbeschermingsgebied: de provinciale omgevingsverordening verbiedt hier bodemenergie.',
   'Module 3: provinciaal beleid "verbiedt ... WKO-installaties" in grondwaterbeschermingsgebieden; "zal bodemenergie op termijn niet worden toegestaan". Hele diepte en geothermie: eigen keuze (het document noemt zone 2, de verordening het hele gebied).', true),
  ('boringsvrije_zone.boren', 'boringsvrije_zone', '{open,gesloten}', NULL, 'restrictie',
   'Boringsvrije zone: boren alleen onder voorwaarden (boorgat afdichten, potklei intact houden).',
   'Module 4, kader 3D-zonemodel: "in zone 1 ... de boringsvrije zone als restrictiegebied".', true),
  ('boringsvrije_zone.dieper_dan_15m', 'boringsvrije_zone', '{open,gesloten,geothermie}', 15, 'verbod',
   'Verbodzone diepe boringen: boren dieper dan 15 m-mv is verboden (ook geothermie).',
   'Module 3: "boringen > 15 m niet toegestaan"; module 4: "In zone 2 betreft de boringsvrije zone een verbodsgebied"; geothermie is er niet toegestaan.', true),
  ('honderdjaarszone.zone_2', 'honderdjaarszone', '{open,gesloten,geothermie}', 25, 'restrictie',
   'Honderdjaarszone van de drinkwaterwinning: restrictie voor boringen in zone 2 (dieper dan 25 m-mv).',
   'Module 4, kader 3D-zonemodel: "In zone 2 ... de 100-jaarszone van de drinkwaterwinning ... aangemerkt als restrictiegebied".', true),
  ('nationaal_landschap.zone_2', 'nationaal_landschap', '{open,gesloten,geothermie}', 25, 'restrictie',
   'Nationaal Landschap Drentse Aa: restrictie voor boringen in zone 2 (dieper dan 25 m-mv).',
   'Module 4, kader 3D-zonemodel: "gebieden die betrekking hebben op het Nationaal landschap Drentse AA ... aangemerkt als restrictiegebied".', true),
  ('aardkundig_monument.zone_2', 'aardkundig_monument', '{open,gesloten,geothermie}', 25, 'restrictie',
   'Aardkundig monument (Nationaal Landschap Drentse Aa): restrictie voor boringen in zone 2 (dieper dan 25 m-mv).',
   'Module 4, kader 3D-zonemodel: "de daar aanwezige aardkundige en archeologische monumenten aangemerkt als restrictiegebied".', true),
  ('archeologisch_monument.zone_2', 'archeologisch_monument', '{open,gesloten,geothermie}', 25, 'restrictie',
   'Archeologisch monument (Nationaal Landschap Drentse Aa): restrictie voor boringen in zone 2 (dieper dan 25 m-mv).',
   'Module 4, kader 3D-zonemodel: "de daar aanwezige aardkundige en archeologische monumenten aangemerkt als restrictiegebied".', true),
  ('intrekgebied.zone_2', 'intrekgebied', '{open,gesloten,geothermie}', 25, 'restrictie',
   'Intrekgebied van de drinkwaterwinning: restrictiegebied in het provinciale 3D-model (zone 2, dieper dan 25 m-mv).',
   'Module 3, voetnoot 3: "het intrekgebied van de winning Assen-Oost als restrictiegebied opgenomen". Alleen zone 2: eigen keuze (het document noemt de zone niet; het intrekgebied ligt in het pakket van de winning).', true),
  ('gasveld.geothermie', 'gasveld', '{geothermie}', NULL, 'verbod',
   'Gasveld: de ondergrond is ongeschikt voor geothermie.',
   'Hoofdstuk 2.2: gasvelden maken de ondergrond ongeschikt voor geothermie of vragen drukvalonderzoek en samenwerking met de gasproducent (NAM). Verbod: eigen keuze (de strengste lezing; maak er een restrictie van waar de NAM meewerkt).', true),
  ('verontreiniging.potklei', 'verontreiniging', '{open,gesloten,geothermie}', NULL, 'restrictie',
   'Grondwaterverontreiniging (restrictiegebied): boorgat afdichten, geen verontreiniging naar diepere lagen meeslepen.',
   'Module 4: "In gebieden waar sprake is van verontreinigd grondwater vormt het doorboren van de potkleilaag ... aandachtspunt"; hoofdstuk 2.3: restrictiegebied "wenselijk", "hoeft de toepassing van bodemenergie niet uit te sluiten".', true),
  ('potklei_doorlatend.advies', 'potklei_doorlatend', '{open,gesloten}', NULL, 'advies',
   'De potklei is hier beter doorlatend of de ligging is onzeker: een boorgat kan verontreiniging sneller naar diepere lagen laten gaan; afdichting extra controleren.',
   'Hoofdstuk 2.1: "voor het westelijke deel de verwachting is dat de potklei laag beter doorlatend is"; module 3: "Ter plaatse van Assen-West is de potkleilaag beter doorlatend".', true)
ON CONFLICT (code) DO NOTHING;

INSERT INTO bv_beleidsconstante (naam, waarde, eenheid, uitleg, bron, standaard) VALUES
  ('bel_straal_m', 250, 'm', 'Straal van de bel rond elke put van een WKO-systeem.',
   'Hoofdstuk 4.2, beslisboom 4.1: "de bellen (straal van 250 m rond de putten)".', true),
  ('wko_meer_dan_systemen', 3, 'aantal', 'Beslisboom 4.1 stap 1: een gebied met meer dan dit aantal WKO-systemen.',
   'Hoofdstuk 4.2: "een gebied met meer dan 3 WKO-systemen" (module 4 zegt "meerdere").', true),
  ('interferentie_drempel', 0.30, 'fractie', 'Beslisboom 4.1 stap 2: vraag/aanbod boven deze fractie = interferentiegebied.',
   'Hoofdstuk 4.2, beslisboom 4.1: "Vraag / aanbod > 30%".', true),
  ('pluim_stroming_m_per_jaar', 10, 'm/jaar', 'Gemiddelde grondwaterstroming voor de standaardcirkel van een pluim zonder contour.',
   'Hoofdstuk 2.3: stroming 10 m/jaar.', true),
  ('pluim_leeftijd_jaar', 30, 'jaar', 'Gemiddelde leeftijd van een verontreiniging.',
   'Hoofdstuk 2.3: leeftijd 30 jaar.', true),
  ('pluim_retardatie', 0.5, 'fractie', 'Vertraging van de verontreiniging ten opzichte van het grondwater.',
   'Hoofdstuk 2.3: retardatie 0,5 (samen 150 m).', true),
  ('pluim_nabij_m', 25, 'm', 'Beslisboom 2.1: pluimen binnen deze afstand liggen "dicht bij elkaar" (kaartlaag bv_kaart_pluimen).',
   'eigen keuze: het document noemt geen afstand ("meerdere dicht bij elkaar gelegen of elkaar overlappende pluimen"); 25 m zoals in de uitwerking in doc/beslisbomen.md.', true),
  ('monitoringsput_afstand_m', 250, 'm', 'De check noemt monitoringsputten binnen deze afstand waarvan het filter in de diepte van het systeem ligt.',
   'eigen keuze: de afstand van een WKO-bel (250 m); module 1 en hoofdstuk 5 vragen om de locaties van peilbuizen, het document noemt geen afstand.', true),
  ('pluim_cluster_max_m2', 10000, 'm2', 'Beslisboom 2.1: een cluster kleiner dan 1 ha krijgt de clusteraanpak.',
   'Hoofdstuk 2.3, beslisboom 2.1: "gebied < 1 ha".', true),
  ('geothermie_woningen_per_km2_min', 1200, 'woningen/km2', 'Ondergrens van het aantal woningen per km2 dat met geothermie verwarmd kan worden.',
   'Hoofdstuk 2.2: "1.200 tot 1.500 woningen per km2".', true),
  ('geothermie_woningen_per_km2_max', 1500, 'woningen/km2', 'Bovengrens van het aantal woningen per km2 dat met geothermie verwarmd kan worden.',
   'Hoofdstuk 2.2: "1.200 tot 1.500 woningen per km2".', true),
  ('systeemkeuze_open_vanaf_woningen', 50, 'woningen', 'Tabel 4.1: open systemen bij meer dan 50 woningen, gesloten daaronder.',
   'Hoofdstuk 4.2, tabel 4.1: "< 50 woningen" gesloten, "> 50 woningen" open.', true),
  ('systeemkeuze_geothermie_vanaf_woningen', 2000, 'woningen', 'Tabel 4.1: geothermie bij meer dan 2.000 woningen (vooral bestaande bouw).',
   'Hoofdstuk 4.2, tabel 4.1: "> 2.000 woningen".', true)
ON CONFLICT (naam) DO NOTHING;

SELECT pg_extension_config_dump('bv_gebiedssoort', '');
SELECT pg_extension_config_dump('bv_regel', '');
SELECT pg_extension_config_dump('bv_beleidsconstante', '');

-- ---------------------------------------------------------------------------
-- Reading the rulebook.
-- ---------------------------------------------------------------------------
CREATE FUNCTION bv_constante(naam text)
RETURNS double precision
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 5
AS $fn$
DECLARE
    v double precision;
BEGIN
    SELECT c.waarde INTO v FROM bv_beleidsconstante c WHERE c.naam = bv_constante.naam;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown policy constant %', pg_catalog.quote_literal(naam)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || (SELECT pg_catalog.string_agg(c.naam, ', '::text ORDER BY c.naam)
                                            FROM bv_beleidsconstante c) || '.';
    END IF;
    RETURN v;
END
$fn$;

COMMENT ON FUNCTION bv_constante(text) IS
'The value of a named number of the policy (bv_beleidsconstante), e.g. bv_constante(''bel_straal_m'') = 250. Unknown names are refused with the list of names.';

CREATE FUNCTION bv_regel_van_kracht(geldig_vanaf date, geldig_tot date, peildatum date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT (geldig_vanaf IS NULL OR geldig_vanaf <= peildatum)
       AND (geldig_tot IS NULL OR peildatum < geldig_tot)
$fn$;

COMMENT ON FUNCTION bv_regel_van_kracht(date, date, date) IS
'Is a rule with this validity in force on peildatum? geldig_vanaf <= peildatum < geldig_tot, a NULL bound is open.';

CREATE VIEW bv_regelboek AS
SELECT r.code,
       r.soort,
       s.omschrijving AS gebiedssoort,
       r.systemen,
       r.dieper_dan_m,
       r.ernst,
       r.uitleg,
       r.bron,
       s.bron AS bron_gebiedssoort,
       r.geldig_vanaf,
       r.geldig_tot,
       bv_regel_van_kracht(r.geldig_vanaf, r.geldig_tot, CURRENT_DATE) AS van_kracht,
       r.standaard
  FROM bv_regel r
  JOIN bv_gebiedssoort s ON s.soort = r.soort;

COMMENT ON VIEW bv_regelboek IS
'The rulebook for people: every area rule with the kind of area it names, the system types, the depth from which it applies, its severity, the Dutch explanation, its source in the document, its validity and whether it is in force today. SELECT * FROM bv_regelboek ORDER BY soort, code.';

-- Where each system type may go: one band per type, read from the depth
-- model (zone.c), as a closed interval a screen must lie in.
CREATE FUNCTION bv_toegestane_diepte(systeem text,
                                     OUT van_m double precision, OUT tot_m double precision)
RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10
AS $fn$
    -- open: zone 2 (module 4: "Open systemen mogen alleen toegepast worden
    -- in zone 2 (van 25 tot 300 m-mv)"); gesloten: zone 1 and 2; geothermie:
    -- the depth of geothermal heat in table 2.2.
    SELECT min(d.van_m), max(d.tot_m)
      FROM bv_dieptemodel() d
     WHERE CASE systeem
             WHEN 'open' THEN d.indeling = 'zone_3d' AND d.naam = 'zone 2'
             WHEN 'gesloten' THEN d.indeling = 'zone_3d'
             WHEN 'geothermie' THEN d.indeling = 'functie' AND d.naam = 'geothermie_warmte'
           END
$fn$;

COMMENT ON FUNCTION bv_toegestane_diepte(text) IS
'The depth band (m below ground level, a closed interval) in which a system type may have its screen or loop: open = zone 2, gesloten = zone 1 and 2, geothermie = the band of geothermal heat of table 2.2. From the depth model (bv_dieptemodel). NULLs for an unknown type.';

-- How many WKO systems in use on peildatum have a well in an area (decision
-- tree 4.1 step 1); the check and the area view count the same way.
CREATE FUNCTION bv_wko_aantal_in(gebied geometry, peildatum date)
RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE COST 100
AS $fn$
BEGIN
RETURN (
    SELECT pg_catalog.count(*)::integer
      FROM bv_wko_systeem w
     WHERE ST_Intersects(w.putten, gebied)
       AND bv_in_gebruik(w.status, w.vergunning_datum, w.eind_datum, peildatum));
END
$fn$;

COMMENT ON FUNCTION bv_wko_aantal_in(geometry, date) IS
'The number of WKO systems in use on peildatum (bv_in_gebruik) with a well in gebied: the count of decision tree 4.1, step 1.';

-- Does a screen [van, tot] have length inside the band [band_van, band_tot)?
-- A screen that only touches the band at one end does not; a screen of
-- length 0 is a depth and lies in the band that holds it.
CREATE FUNCTION bv_interval_in_band(van double precision, tot double precision,
                                    band_van double precision, band_tot double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1
AS $fn$
    SELECT CASE WHEN van = tot
                THEN band_van <= van AND (band_tot IS NULL OR van < band_tot)
                ELSE van < coalesce(band_tot, 'Infinity'::float8) AND tot > band_van END
$fn$;

COMMENT ON FUNCTION bv_interval_in_band(double precision, double precision, double precision, double precision) IS
'Does the closed depth interval [van, tot] have a part of positive length in the band [band_van, band_tot) (band_tot NULL = no bottom)? Touching at one end does not count; an interval of length 0 lies in the band that holds its depth.';

-- Bad rows of the rulebook and of the policy areas are refused with a
-- data error (class 22) and a hint that lists what is allowed, before the
-- constraints (which stay as the last line of defence) would answer with a
-- bare integrity error.  Nothing is written.
CREATE FUNCTION bv_regel_invoer_controleren()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    soorten text := (SELECT pg_catalog.string_agg(s.soort, ', '::text ORDER BY s.soort) FROM bv_gebiedssoort s);
BEGIN
    IF NEW.soort IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bv_gebiedssoort s WHERE s.soort = NEW.soort) THEN
        RAISE EXCEPTION 'unknown area kind %', pg_catalog.quote_literal(NEW.soort)
              USING ERRCODE = 'invalid_parameter_value',
                    HINT = 'One of: ' || soorten || '. A new kind is a row of bv_gebiedssoort (doc/regelboek.md).';
    END IF;
    IF TG_TABLE_NAME = 'bv_regel' THEN
        IF NEW.systemen IS NULL OR pg_catalog.cardinality(NEW.systemen) = 0
           OR NOT NEW.systemen <@ '{open,gesloten,geothermie}'::text[] THEN
            RAISE EXCEPTION 'systemen must be a non-empty list of open, gesloten, geothermie, got %', coalesce(NEW.systemen::text, 'NULL')
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'e.g. ''{open,gesloten}''.';
        END IF;
        IF NEW.ernst IS NULL OR NEW.ernst NOT IN ('verbod', 'restrictie', 'advies') THEN
            RAISE EXCEPTION 'ernst must be verbod, restrictie or advies, got %', coalesce(pg_catalog.quote_literal(NEW.ernst), 'NULL')
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'verbod = prohibited, restrictie = allowed under conditions, advies = advice (never changes the verdict).';
        END IF;
        IF NEW.dieper_dan_m IS NOT NULL AND NOT (NEW.dieper_dan_m >= 0::float8 AND NEW.dieper_dan_m < 10000::float8) THEN
            RAISE EXCEPTION 'dieper_dan_m must be a depth in [0, 10000) m below ground level, got %', NEW.dieper_dan_m
                  USING ERRCODE = 'numeric_value_out_of_range',
                        HINT = 'The rule applies when the borehole goes deeper than this; NULL = at any depth.';
        END IF;
        IF NEW.geldig_vanaf >= NEW.geldig_tot THEN
            RAISE EXCEPTION 'geldig_vanaf (%) must lie before geldig_tot (%)', NEW.geldig_vanaf, NEW.geldig_tot
                  USING ERRCODE = 'invalid_parameter_value',
                        HINT = 'geldig_tot is the first day the rule is no longer in force.';
        END IF;
    END IF;
    RETURN NEW;
END
$fn$;

COMMENT ON FUNCTION bv_regel_invoer_controleren() IS
'Trigger of bv_regel and bv_beleidsgebied: refuses an unknown area kind, an unknown system type or severity, a negative, NaN or infinite depth and validity dates upside down with SQLSTATE 22023/22003 and a hint listing what is allowed, before anything is written.';

CREATE OR REPLACE TRIGGER bv_regel_controleren BEFORE INSERT OR UPDATE ON bv_regel
    FOR EACH ROW EXECUTE FUNCTION bv_regel_invoer_controleren();
CREATE OR REPLACE TRIGGER bv_beleidsgebied_controleren BEFORE INSERT OR UPDATE OF soort ON bv_beleidsgebied
    FOR EACH ROW EXECUTE FUNCTION bv_regel_invoer_controleren();
