"""BRO dispatch documents (Basisregistratie Ondergrond): grondwatergebruik-
systeem (GUF, dsguf/1.0) -> bv_wko_systeem + bv_wko_put, and grondwater-
monitoringput (GMW, dsgmw/1.1) -> bv_monitoringsput + bv_monitoringsfilter.

The file is checked while it streams (expat: well-formed, no entities, UTF-8)
and sent as one value into pg_temp.bv_bro_bestand; the SQL function
bv_bro_import(xml, bron) holds the whole mapping (doc/bro.md).  A BRO
dispatch document holds one object or a few: it is not split here.
"""
import os

import _api

NAME = "bro"
ROOTS = {
    ("http://www.broservices.nl/xsd/dsguf/1.0", "dispatchDataResponse"),
    ("http://www.broservices.nl/xsd/dsgmw/1.1", "dispatchDataResponse"),
}
MAX_BYTES = 256 << 20


def write_psql(path, bron, out, ctx):
    if os.path.getsize(path) > MAX_BYTES:
        raise _api.Refused("%s is larger than %d MB; a BRO dispatch document holds a few objects "
                           "(request them in parts)" % (bron, MAX_BYTES >> 20))
    _api.check_utf8(path, bron)
    _api.copy_file_as_row(path, out, "bv_bro_bestand", bron, ctx)
    b = _api.sql_literal(bron)
    out.write((
        "SELECT %s || ': BRO ' || i.soort || ', ' || i.objecten::text || ' object(en): '\n"
        "       || i.nieuw::text || ' nieuw, ' || i.vervangen::text || ' vervangen, '\n"
        "       || i.ongewijzigd::text || ' ongewijzigd, ' || i.ouder::text || ' ouder (niet vervangen), '\n"
        "       || i.overgeslagen::text || ' overgeslagen, ' || i.uit_registratie::text || ' uit registratie; '\n"
        "       || i.onderdelen::text || CASE i.soort WHEN 'GUF' THEN ' putten/lussen' ELSE ' filters' END\n"
        "  FROM :bv_schema.bv_bro_import((SELECT XMLPARSE(DOCUMENT f.inhoud) FROM pg_temp.bv_bro_bestand f),\n"
        "                                %s::pg_catalog.text) i;\n" % (b, b)).encode("utf-8"))
