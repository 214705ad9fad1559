-- Scalar WKO rules: decision tree 4.1 and the thermal radius (issue 3).

CREATE FUNCTION bv_wko_beslisboom(ontwikkelgebied boolean, n_systemen integer,
                                  vraag double precision, aanbod double precision,
                                  min_systemen integer DEFAULT 3,
                                  drempel double precision DEFAULT 0.30)
RETURNS text
AS 'MODULE_PATHNAME', 'bv_wko_beslisboom'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_wko_beslisboom(boolean, integer, double precision, double precision, integer, double precision) IS
'Decision tree 4.1 (WKO interference): ''markt'' when the area is neither a development area nor holds more than min_systemen systems; otherwise ''onderzoek'' when demand or supply is unknown (NULL), ''interferentiegebied'' when vraag/aanbod > drempel (supply 0 with demand > 0 counts as above), else ''markt''. A NULL flag counts as false, a NULL count as 0.';

CREATE FUNCTION bv_wko_thermische_straal(volume_m3_per_jaar double precision,
                                         filterlengte_m double precision,
                                         porositeit double precision DEFAULT 0.3)
RETURNS double precision
AS 'MODULE_PATHNAME', 'bv_wko_thermische_straal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION bv_wko_thermische_straal(double precision, double precision, double precision) IS
'Thermal radius (m) of an open WKO well: sqrt(c_w V / (c_aq pi L)) with c_w = 4.18 and c_aq = (1-n) 1.87 + n 4.18 MJ/m3K. V = 500000 m3/yr, L = 50 m gives about 72 m. Use e.g. 3 x R as a system''s own bubble radius (bv_wko_systeem.straal_m).';
