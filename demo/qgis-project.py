#!/usr/bin/python3
"""Write a QGIS project with the published layers of bodemvisie.

usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 demo/qgis-project.py DBNAME OUT.qgs

Needs PyQGIS (Debian: python3-qgis).  The connection comes from the libpq
variables (PGHOST, PGPORT, PGUSER, PGPASSWORD; PGSERVICE instead stores only
the service name in the project, the better choice outside tests); the schema
from BV_SCHEMA (default public).  Layers read the stored map layers
(tables bv_kaart_*_m with primary key id, refresh with SELECT
bv_kaart_verversen()) and the publication views of one geometry type
(bv_verontreiniging_bronnen / _contouren), each with its key id.  Colours follow demo/bodemvisie.map.in.  The layers' short
names are the MapServer layer names, so QGIS Server publishes them under the
same WMS/WFS names.
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem,
                       QgsDataSourceUri, QgsFillSymbol, QgsMarkerSymbol,
                       QgsPalLayerSettings, QgsProject, QgsRuleBasedRenderer,
                       QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling, QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

if len(sys.argv) != 3:
    sys.exit("usage: qgis-project.py DBNAME OUT.qgs")
db, out = sys.argv[1], sys.argv[2]
schema = os.environ.get("BV_SCHEMA", "public")

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))
project.setTitle("Bodemvisie Assen: afgeleide kaartlagen")


def uri(table, wkb, subset=""):
    u = QgsDataSourceUri()
    if os.environ.get("PGSERVICE"):
        u.setConnection(os.environ["PGSERVICE"], db, "", "")
    else:
        u.setConnection(os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432"),
                        db, os.environ.get("PGUSER", ""), os.environ.get("PGPASSWORD", ""))
    u.setDataSource(schema, table, "geom", subset, "id")
    u.setWkbType(wkb)
    u.setSrid("28992")
    return u.uri(False)


def fill(color=None, alpha=255, outline=(100, 100, 100), width=0.26, dash=False):
    props = {"outline_color": "%d,%d,%d,255" % outline, "outline_width": str(width),
             "outline_width_unit": "MM",
             "outline_style": "dash" if dash else "solid"}
    if color is None:
        props["style"] = "no"
        props["color"] = "0,0,0,0"
    else:
        props["color"] = "%d,%d,%d,%d" % (color + (alpha,))
    return QgsFillSymbol.createSimple(props)


def rules(layer, items):
    """items: (label, filter expression or None for ELSE, symbol)"""
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expr, symbol in items:
        r = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expr or "", label)
        if expr is None:
            r.setIsElse(True)
        root.appendChild(r)
    layer.setRenderer(QgsRuleBasedRenderer(root))


def labels(layer, field, size=9, color=(60, 60, 60)):
    s = QgsPalLayerSettings()
    s.fieldName = field
    fmt = QgsTextFormat()
    fmt.setSize(size)
    fmt.setColor(QColor(*color))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setColor(QColor(255, 255, 255))
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def add(table, name, title, wkb, group=None, subset=""):
    layer = QgsVectorLayer(uri(table, wkb, subset), title, "postgres")
    if not layer.isValid():
        sys.exit("qgis-project.py: layer %s (%s) is not valid: %s"
                 % (name, table, layer.dataProvider().error().message() if layer.dataProvider() else "no provider"))
    layer.setShortName(name)
    layer.setTitle(title)
    project.addMapLayer(layer, False)
    (group or project.layerTreeRoot()).addLayer(layer)
    return layer


MP = QgsWkbTypes.MultiPolygon
root = project.layerTreeRoot()

# Contamination (top of the list), then plumes, WKO, policy areas, soil energy
vo = root.addGroup("Bodemkwaliteit")
lyr = add("bv_verontreiniging_bronnen", "verontreiniging_bronnen",
          "Verontreiniging: bronnen zonder contour", QgsWkbTypes.Point, vo)
rules(lyr, [("bron", None, QgsMarkerSymbol.createSimple(
    {"name": "triangle", "color": "140,81,10,255", "outline_color": "84,48,5,255", "size": "3"}))])
lyr = add("bv_verontreiniging_contouren", "verontreiniging_contouren",
          "Verontreiniging: contouren", MP, vo)
rules(lyr, [("contour", None, fill(None, outline=(84, 48, 5), width=0.5))])
lyr = add("bv_kaart_pluimen_m", "pluimen", "Grondwaterpluimen en aanpak (beslisboom 2.1)", MP, vo)
rules(lyr, [("pluim: geval", "\"aanpak\" = 'geval'", fill((140, 81, 10), 178, (84, 48, 5))),
            ("pluim: cluster", "\"aanpak\" = 'cluster'", fill((191, 129, 45), 178, (84, 48, 5))),
            ("pluim: cluster of gebied", "\"aanpak\" = 'cluster_of_gebied'",
             fill((223, 194, 125), 178, (84, 48, 5)))])

wko = root.addGroup("WKO-systemen en interferentie")
lyr = add("bv_kaart_wko_bellen_m", "wko_bellen", "WKO: bellen en hun buren", MP, wko)
rules(lyr, [("WKO-bel met interferentie", "\"n_buren\" > 0", fill((69, 117, 180), 64, (178, 24, 43), 0.4)),
            ("WKO-bel vrij", None, fill((69, 117, 180), 64, (69, 117, 180), 0.35))])
lyr = add("bv_kaart_interferentie_gebied_m", "interferentie_gebieden",
          "WKO: interferentie per gebied (beslisboom 4.1)", MP, wko)
rules(lyr, [("interferentiegebied (masterplan)", "\"beslissing\" = 'interferentiegebied'",
             fill(None, outline=(118, 42, 131), width=1.0)),
            ("nader onderzoek", "\"beslissing\" = 'onderzoek'", fill(None, outline=(118, 42, 131), width=0.7, dash=True)),
            ("markt", "\"beslissing\" = 'markt'", fill(None, outline=(150, 150, 150), width=0.35))])
labels(lyr, "naam")

lyr = add("bv_beleidsgebied", "beleidsgebieden", "Beleidsgebieden (waterwinning, gasveld, hoofdtracé, ...)", MP)
rules(lyr, [("gasveld", "\"soort\" = 'gasveld'", fill(None, outline=(120, 120, 120), width=0.5, dash=True)),
            ("hoofdtracé", "\"soort\" = 'hoofdtrace'", fill((80, 80, 80), 255, (80, 80, 80))),
            ("waterwinning", "\"soort\" IN ('waterwingebied', 'boringsvrije_zone', 'honderdjaarszone', "
                             "'grondwaterbeschermingsgebied')", fill(None, outline=(33, 102, 172), width=0.5)),
            ("overig beleid", None, fill(None, outline=(100, 100, 100), width=0.3))])

# one layer per system type and depth band, like demo/mapfile.sh
be = root.addGroup("Bodemenergie: potentie per systeem en diepte")
alle = QgsVectorLayer(uri("bv_kaart_bodemenergie_m", MP), "alle", "postgres")
banden = sorted({(f["systeem"], f["diepte_van_m"], f["diepte_tot_m"], f["kaartlaag"])
                 for f in alle.getFeatures()}, key=lambda b: (b[0] != "open", b[0], b[1]))
for systeem, van, tot, kaartlaag in banden:
    wat = {"open": "open systemen", "gesloten": "gesloten systemen"}.get(systeem, systeem)
    lyr = add("bv_kaart_bodemenergie_m", "bodemenergie_" + kaartlaag,
              "Bodemenergie: %s, boorgat tot %g-%g m-mv" % (wat, van, tot), MP, be,
              "\"kaartlaag\" = '%s'" % kaartlaag.replace("'", "''"))
    rules(lyr, [("%s, %g-%g m: verbod" % (systeem, van, tot), "\"oordeel\" = 'verbod'", fill((215, 48, 39), 255, (215, 48, 39), 0)),
                ("%s, %g-%g m: restrictie" % (systeem, van, tot), "\"oordeel\" = 'restrictie'", fill((253, 174, 97), 255, (253, 174, 97), 0)),
                ("%s, %g-%g m: vrij" % (systeem, van, tot), "\"oordeel\" = 'vrij'", fill((166, 217, 106), 255, (166, 217, 106), 0))])
    lyr.setOpacity(0.55)
    if (systeem, kaartlaag) != ("open", "open_25_300"):
        be.findLayer(lyr.id()).setItemVisibilityChecked(False)   # one band at a time

# QGIS Server: WMS serves every layer; WFS only the layers listed here (all,
# under their short names, the same as MapServer's), in RD New and WGS 84
project.writeEntry("WFSLayers", "/", [lyr.id() for lyr in project.mapLayers().values()])
project.writeEntry("WMSCrsList", "/", ["EPSG:28992", "EPSG:4326", "EPSG:3857"])
project.writeEntry("WMSServiceCapabilities", "/", True)
project.writeEntry("WMSServiceTitle", "/", project.title())

if not project.write(out):
    sys.exit("qgis-project.py: cannot write " + out)
print("wrote %s with %d layers" % (out, len(project.mapLayers())))
app.exitQgis()
