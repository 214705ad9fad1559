#!/usr/bin/python3
"""Open a QGIS project headless (PyQGIS), print one line per layer:
   SHORTNAME GEOMETRYTYPE CRS FEATURECOUNT valid|invalid
and render all visible layers to PNG ("render WIDTHxHEIGHT" line).

usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 test/qgis-check.py PROJECT.qgs OUT.png
Used by test/check-ows.sh.
"""
import sys

from qgis.core import (QgsApplication, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsRectangle, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
if not project.read(sys.argv[1]):
    sys.exit("cannot read " + sys.argv[1])

extent = QgsRectangle()
extent.setMinimal()
for layer in project.mapLayers().values():
    name = layer.shortName() or layer.name()
    valid = layer.isValid()
    gtype = QgsWkbTypes.geometryDisplayString(layer.geometryType()) if valid else "?"
    count = layer.featureCount() if valid else -1
    print(name, gtype, layer.crs().authid(), count, "valid" if valid else "invalid")
    if valid:
        extent.combineExtentWith(layer.extent())

settings = QgsMapSettings()
settings.setLayers(project.layerTreeRoot().checkedLayers())
settings.setDestinationCrs(project.crs())
settings.setOutputSize(QSize(800, 600))
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setExtent(extent)
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
image.save(sys.argv[2], "PNG")
print("render %dx%d %d layers" % (image.width(), image.height(), len(settings.layers())))
app.exitQgis()
