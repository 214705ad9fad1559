"""BAG 2.0 extract files (IMBAG v20200601, "stand" deliveries of the
Kadaster: root sl-bag-extract:bagStand) -> bv_verblijfsobject (units,
VBO, with their addresses' ids), bv_pand (buildings, PND),
bv_nummeraanduiding (addresses, NUM, with their street), bv_openbare_ruimte
(streets, OPR) and bv_woonplaats (woonplaatsen, WPL, without their outline);
doc/bag.md.

A municipal extract is tens of MB per object type, so the file is never held
in memory: expat streams it, every object (Objecten:Verblijfsobject or
Objecten:Pand, Objecten:Nummeraanduiding, Objecten:OpenbareRuimte or
Objecten:Woonplaats, with each of its voorkomens) becomes one COPY row of
pg_temp.bv_bag_rij (text columns, the values as the file gives them, the
geometry as EWKT), and the SQL function bv_bag_laad(bron) validates and maps
them (which voorkomen is current, new/replaced/unchanged/older, building
year).  Memory is bounded by one object.  Files of other object types
(LIG, STA) are recognised by their sl:objectType and left
out without reading further.
"""
import os

import _api

NAME = "bag"
ROOTS = {("http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601", "bagStand")}

OBJ = "www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601"
REF = "www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601"
HIS = "www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601"
GML = "http://www.opengis.net/gml/3.2"
SL = "http://www.kadaster.nl/schemas/standlevering-generiek/1.0"

SOORTEN = {"Verblijfsobject": "VBO", "Pand": "PND", "Nummeraanduiding": "NUM",
           "OpenbareRuimte": "OPR", "Woonplaats": "WPL"}
GELEZEN = ("VBO", "PND", "NUM", "OPR", "WPL")
# leaf elements whose text is kept: (namespace, local name) -> key
VELDEN = {
    (OBJ, "identificatie"): "id",
    (HIS, "voorkomenidentificatie"): "voorkomen",
    (HIS, "beginGeldigheid"): "begin",
    (HIS, "eindGeldigheid"): "eind",
    (HIS, "tijdstipRegistratie"): "treg",
    (HIS, "eindRegistratie"): "ereg",
    (OBJ, "status"): "status",
    (OBJ, "oppervlakte"): "opp",
    (OBJ, "oorspronkelijkBouwjaar"): "bouwjaar",
    (OBJ, "postcode"): "postcode",
    (OBJ, "huisnummer"): "huisnummer",
    (OBJ, "huisletter"): "huisletter",
    (OBJ, "huisnummertoevoeging"): "toevoeging",
    (OBJ, "typeAdresseerbaarObject"): "adresseerbaar",
    (OBJ, "naam"): "naam",
    (OBJ, "type"): "type",
    (REF, "OpenbareRuimteRef"): "openbare_ruimte",
    (REF, "WoonplaatsRef"): "woonplaats",
}
KOLOMMEN = ("soort", "identificatie", "voorkomen", "begin_geldigheid", "eind_geldigheid",
            "tijdstip_registratie", "eind_registratie", "status", "gebruiksdoel", "oppervlakte",
            "bouwjaar", "pand_ids", "geom", "postcode", "huisnummer", "huisletter", "toevoeging",
            "adresseerbaar_object", "hoofdadres", "nevenadressen", "naam", "type", "openbare_ruimte",
            "woonplaats")


class _Klaar(Exception):
    """Stop reading: the file holds an object type that is not read."""


def _array(values):
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


class Lezer:
    def __init__(self, bron, out):
        self.bron = bron
        self.out = out
        self.obj = None          # the object being read
        self.tekst = None        # text of the leaf being read
        self.veld = None
        self.ringen = None       # rings of the polygon being read (lists of "x y")
        self.dim = 2
        self.n = 0
        self.objecttypen = []
        self.in_objecttype = False
        self.overig = 0          # objects of other types (none in a VBO/PND file)

    # ---------------------------------------------------------------- expat
    def start(self, name, attrs):
        ns, _, local = name.rpartition(" ")
        o = self.obj
        if o is None:
            if ns == OBJ and local in SOORTEN:
                self.obj = {"soort": SOORTEN[local], "doel": [], "panden": [], "punt": None,
                            "vlak": None, "diepte": 0, "hoofdadres": None, "nevenadressen": [], "rol": None}
            elif ns == OBJ and local in ("Ligplaats", "Standplaats"):
                self.overig += 1
            elif ns == SL and local == "objectType":
                self.in_objecttype = True
                self.tekst = []
            return
        if ns == GML and o["soort"] == "WPL":
            return          # the outline of a woonplaats is not read
        if ns == OBJ and local in ("heeftAlsHoofdadres", "heeftAlsNevenadres"):
            o["rol"] = local
        key = VELDEN.get((ns, local))
        if key is not None or (ns == OBJ and local == "gebruiksdoel") \
                or (ns == REF and local in ("PandRef", "NummeraanduidingRef")) \
                or (ns == GML and local in ("pos", "posList")):
            self.veld = key or local
            self.tekst = []
        if ns == GML:
            d = attrs.get("srsDimension")
            if local in ("Point", "Polygon", "Surface", "MultiSurface"):
                srs = attrs.get("srsName", "")
                if srs and not srs.endswith(("28992", "28992/")):
                    raise _api.Refused("%s: object %s has a geometry in %s; the BAG is delivered in EPSG:28992"
                                       % (self.bron, o.get("id", "?"), srs))
                self.dim = int(d) if d and d.isdigit() else 2
                if local == "Polygon" and o["vlak"] is None:
                    self.ringen = []
            elif local in ("pos", "posList") and d and d.isdigit():
                self.dim = int(d)

    def end(self, name):
        ns, _, local = name.rpartition(" ")
        o = self.obj
        if o is None:
            if self.in_objecttype and ns == SL and local == "objectType":
                self.in_objecttype = False
                t = "".join(self.tekst).strip()
                self.tekst = None
                self.objecttypen.append(t)
            elif ns == SL and local == "objectTypen" and self.objecttypen \
                    and not any(t in GELEZEN for t in self.objecttypen):
                raise _Klaar()
            return
        if self.tekst is not None and (VELDEN.get((ns, local)) == self.veld
                                       or local in ("gebruiksdoel", "PandRef", "NummeraanduidingRef", "pos", "posList")):
            t = "".join(self.tekst).strip()
            self.tekst = None
            v = self.veld
            if v == "gebruiksdoel":
                o["doel"].append(t)
            elif v == "PandRef":
                o["panden"].append(t)
            elif v == "NummeraanduidingRef":
                if o["rol"] == "heeftAlsHoofdadres":
                    o["hoofdadres"] = t
                elif o["rol"] == "heeftAlsNevenadres":
                    o["nevenadressen"].append(t)
            elif v in ("pos", "posList"):
                xy = self.coords(t, o)
                if self.ringen is not None:
                    self.ringen.append(xy)
                elif o["punt"] is None and local == "pos":
                    o["punt"] = xy
            else:
                o[v] = t
            return
        if ns == GML and local == "Polygon" and self.ringen is not None:
            if self.ringen and o["vlak"] is None:
                o["vlak"] = self.ringen
            self.ringen = None
        elif ns == OBJ and local in ("heeftAlsHoofdadres", "heeftAlsNevenadres"):
            o["rol"] = None
        elif ns == OBJ and local in SOORTEN:
            self.schrijf(o)
            self.obj = None

    def tekens(self, data):
        if self.tekst is not None:
            self.tekst.append(data)

    # ---------------------------------------------------------------- output
    def coords(self, t, o):
        parts = t.split()
        dim = self.dim
        if not parts or len(parts) % dim:
            raise _api.Refused("%s: object %s has a coordinate list of %d numbers, not a multiple of %d"
                               % (self.bron, o.get("id", "?"), len(parts), dim))
        try:
            nums = [float(p) for p in parts]
        except ValueError:
            raise _api.Refused("%s: object %s has a coordinate that is not a number" % (self.bron, o.get("id", "?")))
        for v in nums:
            if v != v or abs(v) > 1e9:
                raise _api.Refused("%s: object %s has a coordinate out of range" % (self.bron, o.get("id", "?")))
        return ",".join("%r %r" % (nums[i], nums[i + 1]) for i in range(0, len(nums), dim))

    def schrijf(self, o):
        if o["vlak"]:
            geom = "SRID=28992;POLYGON(" + ",".join("(" + r + ")" for r in o["vlak"]) + ")"
        elif o["punt"]:
            geom = "SRID=28992;POINT(" + o["punt"] + ")"
        else:
            geom = None
        if o["soort"] in ("OPR", "WPL"):
            geom = None
        if o["soort"] == "VBO" and o["punt"]:
            geom = "SRID=28992;POINT(" + o["punt"] + ")"      # the point wins over a surface
        vals = [o["soort"], o.get("id"), o.get("voorkomen"), o.get("begin"), o.get("eind"), o.get("treg"),
                o.get("ereg"), o.get("status"), _array(o["doel"]) if o["soort"] == "VBO" else None,
                o.get("opp"), o.get("bouwjaar"), _array(o["panden"]), geom,
                o.get("postcode"), o.get("huisnummer"), o.get("huisletter"), o.get("toevoeging"),
                o.get("adresseerbaar"), o["hoofdadres"],
                _array(o["nevenadressen"]) if o["soort"] == "VBO" else None,
                o.get("naam"), o.get("type"), o.get("openbare_ruimte"), o.get("woonplaats")]
        self.out.write(b"\t".join(b"\\N" if v is None else _api.copy_escape(v.encode("utf-8")) for v in vals)
                       + b"\n")
        self.n += 1


def write_psql(path, bron, out, ctx):
    _api.check_utf8(path, bron)
    out.write(("CREATE TEMP TABLE pg_temp.bv_bag_rij (%s) ON COMMIT DROP;\n"
               % ", ".join(k + " text" for k in KOLOMMEN)).encode())
    out.write(("COPY pg_temp.bv_bag_rij (%s) FROM STDIN;\n" % ", ".join(KOLOMMEN)).encode())
    lezer = Lezer(bron, out)
    p = _api.safe_parser(bron)
    p.StartElementHandler = lezer.start
    p.EndElementHandler = lezer.end
    p.CharacterDataHandler = lezer.tekens
    p.buffer_text = True
    try:
        _api.parse_file(path, bron, p, ctx)
    except _Klaar:
        out.write(b"\\.\n")
        out.write(("SELECT %s || ': BAG ' || %s || ': niet gelezen (alleen VBO, PND, NUM, OPR en WPL worden gelezen)';\n"
                   % (_api.sql_literal(bron), _api.sql_literal(",".join(lezer.objecttypen)))).encode("utf-8"))
        return
    out.write(b"\\.\n")
    if lezer.n == 0 and lezer.overig == 0 and not lezer.objecttypen:
        raise _api.Refused("%s holds no BAG objects (no sl:standBestand with Objecten:Verblijfsobject, "
                           "Objecten:Pand, Objecten:Nummeraanduiding, Objecten:OpenbareRuimte or Objecten:Woonplaats)" % bron)
    b = _api.sql_literal(bron)
    out.write((
        "SELECT %s || ': BAG ' || i.soort || ', ' || i.objecten::text || ' object(en) in '\n"
        "       || i.voorkomens::text || ' voorkomen(s): ' || i.nieuw::text || ' nieuw, '\n"
        "       || i.vervangen::text || ' vervangen, ' || i.ongewijzigd::text || ' ongewijzigd, '\n"
        "       || i.ouder::text || ' ouder (niet vervangen)'\n"
        "  FROM :bv_schema.bv_bag_laad(%s::pg_catalog.text) i;\n" % (b, b)).encode("utf-8"))
