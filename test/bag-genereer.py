#!/usr/bin/python3
"""Generates a BAG 2.0 stand extract (IMBAG v20200601) as the Kadaster
delivers it: one zip holding the delivery document and one zip per object
type (VBO, PND), each with files of at most --per-bestand objects.  Used by
test/check-import-gio-bag.sh (small, known counts) and test/bench-bag.sh
(50,000 units).  Python standard library only; writes while it generates.

  bag-genereer.py [--aantal N] [--x0 X] [--y0 Y] [--versie 1|2] [--per-bestand K] UIT.zip

Unit i (0-based) lies on a 10 m grid from (x0, y0), 50 per row, in building
i // 4 (bouwjaar 1950 + building % 70).  Its gebruiksdoel is woonfunctie,
except i % 10 == 7 (kantoorfunctie); its status is "Verblijfsobject in
gebruik", except i % 10 == 9 ("Verblijfsobject gevormd": not yet a dwelling).
--versie 2 adds, for i % 10 == 9, a newer voorkomen (2024-01-01, in gebruik)
and ends the first: those units become dwellings.
So for N units: woonfunctie = N - #(i%10==7), dwellings v1 = that - #(i%10==9),
dwellings v2 = woonfunctie.

--adressen adds the units' addresses and their streets and woonplaatsen
(NUM, OPR, WPL; element names and order as the IMBAG 2.0 schema gives them,
written from the schema, not copied from an extract).  Woonplaatsen 9901
Assen and 9902 Loon; streets 9999300000000000 Kerkstraat (Assen),
...01 Markt (Assen), ...02 Kerkstraat (Loon).  Address i (the hoofdadres of
unit i, 9999200000000000 + i) lies on street i % 3 with house number
i // 3 + 1, postcode 9401AB / 9401AC / 9409XA by street; numbers 5 and 6 are
split by letter: i // 3 == 4 is number 5 letter a, i // 3 == 5 number 5
letter b (so number 6 does not exist).  With --versie 2 the Markt is renamed
Grote Markt from 2024-01-01 (voorkomen 2; voorkomen 1 ended).
"""
import argparse
import io
import zipfile

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<sl-bag-extract:bagStand xmlns:DatatypenNEN3610="www.kadaster.nl/schemas/lvbag/imbag/datatypennen3610/v20200601" xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0" xmlns:selecties-extract="http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601">
    <sl-bag-extract:bagInfo>
        <selecties-extract:LVC-Extract>
            <selecties-extract:StandTechnischeDatum>%(datum)s</selecties-extract:StandTechnischeDatum>
        </selecties-extract:LVC-Extract>
    </sl-bag-extract:bagInfo>
    <sl:standBestand>
        <sl:dataset>LVBAG</sl:dataset>
        <sl:inhoud>
            <sl:gebied>GEMEENTE</sl:gebied>
            <sl:leveringsId>0000000001</sl:leveringsId>
            <sl:objectTypen>
                <sl:objectType>%(type)s</sl:objectType>
            </sl:objectTypen>
        </sl:inhoud>
        <sl:stand>
"""
TAIL = """        </sl:stand>
    </sl:standBestand>
</sl-bag-extract:bagStand>
"""
VOORKOMEN = """                        <Historie:Voorkomen>
                            <Historie:voorkomenidentificatie>%(vk)d</Historie:voorkomenidentificatie>
                            <Historie:beginGeldigheid>%(begin)s</Historie:beginGeldigheid>%(eind)s
                            <Historie:tijdstipRegistratie>%(begin)sT10:00:00.000</Historie:tijdstipRegistratie>%(ereg)s
                            <Historie:BeschikbaarLV>
                                <Historie:tijdstipRegistratieLV>%(begin)sT10:05:00.000</Historie:tijdstipRegistratieLV>
                            </Historie:BeschikbaarLV>
                        </Historie:Voorkomen>"""
VBO = """            <sl-bag-extract:bagObject>
                <Objecten:Verblijfsobject>
                    <Objecten:heeftAlsHoofdadres>
                        <Objecten-ref:NummeraanduidingRef domein="NL.IMBAG.Nummeraanduiding">%(num)s</Objecten-ref:NummeraanduidingRef>
                    </Objecten:heeftAlsHoofdadres>
                    <Objecten:voorkomen>
%(voorkomen)s
                    </Objecten:voorkomen>
                    <Objecten:identificatie domein="NL.IMBAG.Verblijfsobject">%(id)s</Objecten:identificatie>
                    <Objecten:geometrie>
                        <Objecten:punt>
                            <gml:Point srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3" gml:id="VBO_%(id)s_%(vk)d">
                                <gml:pos>%(x).3f %(y).3f 0.0</gml:pos>
                            </gml:Point>
                        </Objecten:punt>
                    </Objecten:geometrie>
                    <Objecten:gebruiksdoel>%(doel)s</Objecten:gebruiksdoel>
                    <Objecten:oppervlakte>%(opp)d</Objecten:oppervlakte>
                    <Objecten:status>%(status)s</Objecten:status>
                    <Objecten:geconstateerd>N</Objecten:geconstateerd>
                    <Objecten:documentdatum>%(begin)s</Objecten:documentdatum>
                    <Objecten:documentnummer>GEN/%(id)s</Objecten:documentnummer>
                    <Objecten:maaktDeelUitVan>
                        <Objecten-ref:PandRef domein="NL.IMBAG.Pand">%(pand)s</Objecten-ref:PandRef>
                    </Objecten:maaktDeelUitVan>
                </Objecten:Verblijfsobject>
            </sl-bag-extract:bagObject>
"""
PND = """            <sl-bag-extract:bagObject>
                <Objecten:Pand>
                    <Objecten:identificatie domein="NL.IMBAG.Pand">%(id)s</Objecten:identificatie>
                    <Objecten:geometrie>
                        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3" gml:id="PND_%(id)s">
                            <gml:exterior>
                                <gml:LinearRing>
                                    <gml:posList count="5">%(ring)s</gml:posList>
                                </gml:LinearRing>
                            </gml:exterior>
                        </gml:Polygon>
                    </Objecten:geometrie>
                    <Objecten:oorspronkelijkBouwjaar>%(bouwjaar)d</Objecten:oorspronkelijkBouwjaar>
                    <Objecten:status>Pand in gebruik</Objecten:status>
                    <Objecten:geconstateerd>N</Objecten:geconstateerd>
                    <Objecten:documentdatum>2000-01-01</Objecten:documentdatum>
                    <Objecten:documentnummer>GEN/%(id)s</Objecten:documentnummer>
                    <Objecten:voorkomen>
%(voorkomen)s
                    </Objecten:voorkomen>
                </Objecten:Pand>
            </sl-bag-extract:bagObject>
"""
NUM = """            <sl-bag-extract:bagObject>
                <Objecten:Nummeraanduiding>
                    <Objecten:identificatie domein="NL.IMBAG.Nummeraanduiding">%(id)s</Objecten:identificatie>
                    <Objecten:huisnummer>%(nr)d</Objecten:huisnummer>%(letter)s
                    <Objecten:postcode>%(postcode)s</Objecten:postcode>
                    <Objecten:typeAdresseerbaarObject>Verblijfsobject</Objecten:typeAdresseerbaarObject>
                    <Objecten:status>Naamgeving uitgegeven</Objecten:status>
                    <Objecten:geconstateerd>N</Objecten:geconstateerd>
                    <Objecten:documentdatum>2010-03-01</Objecten:documentdatum>
                    <Objecten:documentnummer>GEN/%(id)s</Objecten:documentnummer>
                    <Objecten:voorkomen>
%(voorkomen)s
                    </Objecten:voorkomen>
                    <Objecten:ligtAan>
                        <Objecten-ref:OpenbareRuimteRef domein="NL.IMBAG.Openbareruimte">%(opr)s</Objecten-ref:OpenbareRuimteRef>
                    </Objecten:ligtAan>
                </Objecten:Nummeraanduiding>
            </sl-bag-extract:bagObject>
"""
OPR = """            <sl-bag-extract:bagObject>
                <Objecten:OpenbareRuimte>
                    <Objecten:identificatie domein="NL.IMBAG.Openbareruimte">%(id)s</Objecten:identificatie>
                    <Objecten:naam>%(naam)s</Objecten:naam>
                    <Objecten:type>Weg</Objecten:type>
                    <Objecten:status>Naamgeving uitgegeven</Objecten:status>
                    <Objecten:geconstateerd>N</Objecten:geconstateerd>
                    <Objecten:documentdatum>%(begin)s</Objecten:documentdatum>
                    <Objecten:documentnummer>GEN/%(id)s/%(vk)d</Objecten:documentnummer>
                    <Objecten:ligtIn>
                        <Objecten-ref:WoonplaatsRef domein="NL.IMBAG.Woonplaats">%(wpl)s</Objecten-ref:WoonplaatsRef>
                    </Objecten:ligtIn>
                    <Objecten:voorkomen>
%(voorkomen)s
                    </Objecten:voorkomen>
                </Objecten:OpenbareRuimte>
            </sl-bag-extract:bagObject>
"""
WPL = """            <sl-bag-extract:bagObject>
                <Objecten:Woonplaats>
                    <Objecten:identificatie domein="NL.IMBAG.Woonplaats">%(id)s</Objecten:identificatie>
                    <Objecten:naam>%(naam)s</Objecten:naam>
                    <Objecten:geometrie>
                        <Objecten:vlak>
                            <gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="2" gml:id="WPL_%(id)s">
                                <gml:exterior>
                                    <gml:LinearRing>
                                        <gml:posList count="5">%(ring)s</gml:posList>
                                    </gml:LinearRing>
                                </gml:exterior>
                            </gml:Polygon>
                        </Objecten:vlak>
                    </Objecten:geometrie>
                    <Objecten:status>Woonplaats aangewezen</Objecten:status>
                    <Objecten:geconstateerd>N</Objecten:geconstateerd>
                    <Objecten:documentdatum>2000-01-01</Objecten:documentdatum>
                    <Objecten:documentnummer>GEN/%(id)s</Objecten:documentnummer>
                    <Objecten:voorkomen>
%(voorkomen)s
                    </Objecten:voorkomen>
                </Objecten:Woonplaats>
            </sl-bag-extract:bagObject>
"""
STRATEN = [("9999300000000000", "Kerkstraat", "9901", "9401AB"), ("9999300000000001", "Markt", "9901", "9401AC"),
           ("9999300000000002", "Kerkstraat", "9902", "9409XA")]
WOONPLAATSEN = [("9901", "Assen", 230000, 553000), ("9902", "Loon", 236000, 560000)]
LEVERING = """<?xml version="1.0" encoding="UTF-8"?>
<xb:BAG-Extract-Levering xmlns:xb="http://www.kadaster.nl/schemas/lvbag/extract-levering/v20200601">
    <xb:SchemaInfo><xb:naam>BagvsExtractDeelbestandExtractLvc-2.1.0.xsd</xb:naam><xb:versie>20200601</xb:versie></xb:SchemaInfo>
</xb:BAG-Extract-Levering>
"""


def voorkomen(vk, begin, eind=None):
    return VOORKOMEN % {"vk": vk, "begin": begin,
                        "eind": ("\n                            <Historie:eindGeldigheid>%s</Historie:eindGeldigheid>" % eind) if eind else "",
                        "ereg": ("\n                            <Historie:eindRegistratie>%sT10:00:00.000</Historie:eindRegistratie>" % eind) if eind else ""}


def vbo_objects(n, x0, y0, versie):
    for i in range(n):
        x = x0 + (i % 50) * 10 + 5
        y = y0 + (i // 50) * 10 + 5
        d = dict(id="9999010%09d" % i, num="9999200%09d" % i, pand="9999100%09d" % (i // 4), x=x, y=y,
                 doel="kantoorfunctie" if i % 10 == 7 else "woonfunctie", opp=40 + i % 120)
        if i % 10 == 9:
            s = VBO % dict(d, vk=1, begin="2020-05-01", status="Verblijfsobject gevormd",
                           voorkomen=voorkomen(1, "2020-05-01", "2024-01-01" if versie == 2 else None))
            if versie == 2:     # every voorkomen of a unit in the same file
                s += VBO % dict(d, vk=2, begin="2024-01-01", status="Verblijfsobject in gebruik",
                                voorkomen=voorkomen(2, "2024-01-01"))
            yield s
        else:
            yield VBO % dict(d, vk=1, begin="2010-03-01", status="Verblijfsobject in gebruik",
                             voorkomen=voorkomen(1, "2010-03-01"))


def pnd_objects(n, x0, y0):
    for p in range((n + 3) // 4):
        i = p * 4
        x = x0 + (i % 50) * 10
        y = y0 + (i // 50) * 10
        ring = " ".join("%.3f %.3f 0.0" % c for c in [(x, y), (x + 40, y), (x + 40, y + 10), (x, y + 10), (x, y)])
        yield PND % dict(id="9999100%09d" % p, ring=ring, bouwjaar=1950 + p % 70, voorkomen=voorkomen(1, "2009-01-01"))


def wpl_objects():
    for wid, naam, x, y in WOONPLAATSEN:
        ring = " ".join("%d %d" % c for c in [(x, y), (x + 3000, y), (x + 3000, y + 3000), (x, y + 3000), (x, y)])
        yield WPL % dict(id=wid, naam=naam, ring=ring, voorkomen=voorkomen(1, "2000-01-01"))


def opr_objects(versie):
    for oid, naam, wpl, _ in STRATEN:
        if naam == "Markt" and versie == 2:
            yield OPR % dict(id=oid, naam=naam, wpl=wpl, vk=1, begin="2000-01-01",
                             voorkomen=voorkomen(1, "2000-01-01", "2024-01-01"))
            yield OPR % dict(id=oid, naam="Grote Markt", wpl=wpl, vk=2, begin="2024-01-01",
                             voorkomen=voorkomen(2, "2024-01-01"))
        else:
            yield OPR % dict(id=oid, naam=naam, wpl=wpl, vk=1, begin="2000-01-01", voorkomen=voorkomen(1, "2000-01-01"))


def num_objects(n):
    for i in range(n):
        oid, _, _, postcode = STRATEN[i % 3]
        nr = i // 3 + 1
        letter = None
        if i // 3 in (4, 5):
            nr, letter = 5, "ab"[i // 3 - 4]
        yield NUM % dict(id="9999200%09d" % i, nr=nr, postcode=postcode, opr=oid,
                         letter=("\n                    <Objecten:huisletter>%s</Objecten:huisletter>" % letter) if letter else "",
                         voorkomen=voorkomen(1, "2010-03-01"))


def write_type(outer, typ, objects, datum, per):
    stamp = datum[8:10] + datum[5:7] + datum[0:4]
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        nr = 0
        f = None
        count = 0
        for obj in objects:
            if f is None:
                nr += 1
                f = z.open("9999%s%s-%06d.xml" % (typ, stamp, nr), "w")
                f.write((HEAD % {"datum": datum, "type": typ}).encode())
                count = 0
            f.write(obj.encode())
            count += 1
            if count >= per:
                f.write(TAIL.encode())
                f.close()
                f = None
        if f is not None:
            f.write(TAIL.encode())
            f.close()
    outer.writestr("9999%s%s.zip" % (typ, stamp), inner.getvalue())


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--aantal", type=int, default=40)
    a.add_argument("--x0", type=float, default=233000)
    a.add_argument("--y0", type=float, default=557000)
    a.add_argument("--versie", type=int, default=1, choices=(1, 2))
    a.add_argument("--per-bestand", type=int, default=10000)
    a.add_argument("--adressen", action="store_true", help="also NUM, OPR and WPL")
    a.add_argument("uit")
    o = a.parse_args()
    datum = "2024-06-01" if o.versie == 2 else "2023-06-01"
    with zipfile.ZipFile(o.uit, "w", zipfile.ZIP_STORED) as z:
        z.writestr("Leveringsdocument-BAG-Extract.xml", LEVERING)
        write_type(z, "PND", pnd_objects(o.aantal, o.x0, o.y0), datum, o.per_bestand)
        write_type(z, "VBO", vbo_objects(o.aantal, o.x0, o.y0, o.versie), datum, o.per_bestand)
        if o.adressen:
            write_type(z, "WPL", wpl_objects(), datum, o.per_bestand)
            write_type(z, "OPR", opr_objects(o.versie), datum, o.per_bestand)
            write_type(z, "NUM", num_objects(o.aantal), datum, o.per_bestand)


if __name__ == "__main__":
    main()
