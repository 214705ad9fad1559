"""DSO / STOP geo-information objects (GIO, root geo:GeoInformatieObject-
Vaststelling of https://standaarden.overheid.nl/stop/imop/geo/) -> policy
areas (bv_beleidsgebied), one row per location (doc/dso.md).

The file is checked while it streams (expat: well-formed, no entities,
UTF-8) and sent as one value into pg_temp.bv_gio_bestand; the SQL function
bv_gio_import(xml, soorten, bron) holds the whole mapping.  The mapping of
labels to kinds of area comes from the command line (--soort LABEL=kind,
--soorten FILE; ctx.soorten) and is passed as one JSON object.  A GIO is one
version of one legal object: it is not split.
"""
import json
import os

import _api

NAME = "gio"
ROOTS = {("https://standaarden.overheid.nl/stop/imop/geo/", "GeoInformatieObjectVaststelling")}
MAX_BYTES = 512 << 20


def write_psql(path, bron, out, ctx):
    if os.path.getsize(path) > MAX_BYTES:
        raise _api.Refused("%s is larger than %d MB; no GIO of policy areas is that large (is it the right file?)"
                           % (bron, MAX_BYTES >> 20))
    _api.check_utf8(path, bron)
    _api.copy_file_as_row(path, out, "bv_gio_bestand", bron, ctx)
    b = _api.sql_literal(bron)
    soorten = _api.sql_literal(json.dumps(getattr(ctx, "soorten", {}) or {}, ensure_ascii=False, sort_keys=True))
    out.write((
        "SELECT %s || ': GIO ' || i.register_versie || ', ' || i.locaties::text || ' locatie(s): '\n"
        "       || CASE WHEN i.ouder THEN 'ouder dan de geladen versie, niets gewijzigd'\n"
        "               ELSE i.nieuw::text || ' nieuw, ' || i.vervangen::text || ' vervangen, '\n"
        "                    || i.ongewijzigd::text || ' ongewijzigd, ' || i.beeindigd::text || ' beeindigd' END\n"
        "  FROM :bv_schema.bv_gio_import((SELECT XMLPARSE(DOCUMENT f.inhoud) FROM pg_temp.bv_gio_bestand f),\n"
        "                                %s::pg_catalog.jsonb, %s::pg_catalog.text) i;\n"
        % (b, soorten, b)).encode("utf-8"))
