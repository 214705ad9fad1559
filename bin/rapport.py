#!/usr/bin/python3
# Helper of bin/cmd/rapport.sh (not a subcommand of its own): renders the
# location report (bv_locatierapport, jsonb) as one self-contained HTML page
# in plain Dutch: a map snippet (MapServer, embedded as PNG), a depth
# profile (inline SVG), the verdict per system type with the reason and its
# source in the Bodemvisie, who decides, what is nearby and what is coming.
# Python's standard library only.
#
#   rapport.py JSON_FILE MAP_PNG_OR_EMPTY EXTENT(x0,y0,x1,y1) OUT.html
import base64
import html
import json
import sys

ORDEEL_KLEUR = {"verbod": "#d7301f", "restrictie": "#fdae61", "toegestaan": "#a6d96a"}
SYSTEEM_TEKST = {
    "open": "Open bodemenergiesysteem (warmte-koudeopslag met bronnen)",
    "gesloten": "Gesloten bodemenergiesysteem (bodemlus)",
    "geothermie": "Geothermie (aardwarmte uit de diepe ondergrond)",
}
OORDEEL_TEKST = {
    "toegestaan": "Mag, voor zover de geladen kaarten laten zien.",
    "restrictie": "Mag onder voorwaarden.",
    "verbod": "Mag hier niet.",
}
ERNST_TEKST = {"verbod": "Verbod", "restrictie": "Voorwaarde", "advies": "Advies",
               "aangekondigd": "Komt eraan", "toegestaan": "Geen beperking"}
VOLGENDE_STAP = {
    "gesloten_systeem": "Doe een melding bij de gemeente (Omgevingsloket), uiterlijk vier weken voor de aanleg.",
    "open_systeem": "Vraag een omgevingsvergunning aan bij de provincie Drenthe (Omgevingsloket).",
    "geothermie": "Neem contact op met het Rijk (Staatstoezicht op de Mijnen / Mijnbouwwet) en de gasproducent.",
    "bronbemaling": "Meld de onttrekking bij het waterschap (Omgevingsloket).",
    "graven": "Doe een KLIC-melding bij het Kadaster voordat u graaft.",
}


def e(x):
    return html.escape("" if x is None else str(x))


def m(x):
    """A depth in m: 25.0 -> 25, 2.5 -> 2,5 (Dutch decimal comma)."""
    if x is None:
        return "∞"
    v = float(x)
    return (f"{v:.0f}" if v == int(v) else f"{v:.1f}").replace(".", ",")


def dieptefiguur(r):
    """Inline SVG: layers, 3D zones and units from 0 to 320 m-mv, with the
    screens of the questions drawn in."""
    w, h, top, diep = 640, 420, 30, 320.0
    y = lambda d: top + (min(float(d), diep) / diep) * (h - top - 20)
    kolommen = [("laag", "Laag", 90), ("zone_3d", "3D-zone", 230), ("eenheid", "Eenheid (tabel 2.1)", 370)]
    kleuren = {"netwerklaag": "#d9d9d9", "ondiepe_ondergrond": "#c6dbef", "diepe_ondergrond": "#9ecae1",
               "zone 1": "#e5f5e0", "zone 2": "#a1d99b", "sdl1": "#bcaa8c", "basis": "#8c6d46"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'role="img" aria-label="Diepteprofiel">',
           '<style>text{font:12px sans-serif}</style>']
    for key, titel, x in kolommen:
        out.append(f'<text x="{x}" y="18">{e(titel)}</text>')
        for b in r.get("dieptemodel") or []:
            if b["indeling"] != key or float(b["van_m"]) >= diep:
                continue
            y0, y1 = y(b["van_m"]), y(b["tot_m"] if b["tot_m"] is not None else diep)
            kleur = kleuren.get(b["naam"], "#f7fbff" if b["naam"].startswith("wvp") else "#eeeeee")
            out.append(f'<rect x="{x}" y="{y0:.1f}" width="130" height="{max(y1 - y0, 1):.1f}" '
                       f'fill="{kleur}" stroke="#666" stroke-width="0.5"/>')
            if y1 - y0 > 13:
                out.append(f'<text x="{x + 4}" y="{(y0 + y1) / 2 + 4:.1f}">{e(b["naam"])}</text>')
    for d in (0, 25, 50, 100, 150, 200, 250, 300):
        out.append(f'<line x1="40" x2="85" y1="{y(d):.1f}" y2="{y(d):.1f}" stroke="#999"/>'
                   f'<text x="2" y="{y(d) + 4:.1f}">{d} m</text>')
    for i, v in enumerate(r.get("vragen") or []):
        if v["systeem"] == "geothermie":
            continue
        x = 530 + 45 * i
        y0, y1 = y(v["diepte_van_m"]), y(v["diepte_tot_m"])
        out.append(f'<line x1="{x}" x2="{x}" y1="{y(0):.1f}" y2="{y1:.1f}" stroke="#555" stroke-dasharray="3,3"/>'
                   f'<rect x="{x - 5}" y="{y0:.1f}" width="10" height="{max(y1 - y0, 2):.1f}" '
                   f'fill="{ORDEEL_KLEUR.get(v["oordeel"], "#777")}" stroke="#000"/>'
                   f'<text x="{x - 14}" y="{h - 4 - 12 * (i % 2)}">{e(v["systeem"])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def kaartfiguur(png, extent, r):
    if not png:
        return "<p><em>Geen kaart: MapServer is niet beschikbaar.</em></p>"
    x0, y0, x1, y1 = extent
    px = (float(r["locatie"]["x"]) - x0) / (x1 - x0) * 600
    py = (y1 - float(r["locatie"]["y"])) / (y1 - y0) * 600
    data = base64.b64encode(png).decode("ascii")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" role="img" aria-label="Kaart">'
            f'<image href="data:image/png;base64,{data}" width="600" height="600"/>'
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="9" fill="none" stroke="#000" stroke-width="3"/>'
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="#000"/></svg>'
            f'<p class="klein">Kaart van {x1 - x0:.0f} bij {y1 - y0:.0f} m rond de locatie (RD New). '
            f'Rood: verbodsgebied, oranje: voorwaarden, cirkels: bellen van WKO-systemen en pluimen.</p>')


def main():
    r = json.load(open(sys.argv[1]))
    png = open(sys.argv[2], "rb").read() if sys.argv[2] else None
    extent = [float(v) for v in sys.argv[3].split(",")]
    loc = r["locatie"]
    titel = loc.get("label") or f"Locatie {loc['x']}, {loc['y']}"
    p = []
    p.append(f"<h1>Bodem en ondergrond: {e(titel)}</h1>")
    p.append(f'<p class="klein">Locatierapport volgens de Bodemvisie van de gemeente Assen, '
             f'peildatum {e(r["peildatum"])}, bodemvisie {e(r["versie"])}. Coördinaten (RD): '
             f'{e(loc["x"])}, {e(loc["y"])}'
             + (f"; maaiveld {m(loc['maaiveld_nap'])} m NAP" if loc.get("maaiveld_nap") is not None else "")
             + ".</p>")
    if loc.get("adres"):
        a = loc["adres"]
        p.append(f'<p class="adres">Adres: <strong>{e(a["adres"])}</strong> (BAG: nummeraanduiding '
                 f'{e(a["nummeraanduiding"])}, {e(a["adresrol"])} van verblijfsobject {e(a["verblijfsobject"])}). '
                 f'De plek in dit rapport is het punt van dat verblijfsobject.</p>')
    p.append("<h2>Samenvatting</h2><ul class=\"samenvatting\">")
    for v in r.get("vragen") or []:
        p.append(f'<li><span class="label" style="background:{ORDEEL_KLEUR.get(v["oordeel"], "#ccc")}">'
                 f'{e(v["oordeel"])}</span> {e(SYSTEEM_TEKST.get(v["systeem"], v["systeem"]))}, '
                 f'{m(v["diepte_van_m"])} tot {m(v["diepte_tot_m"])} m onder maaiveld: '
                 f'{e(OORDEEL_TEKST.get(v["oordeel"], ""))}</li>')
    p.append("</ul>")
    p.append("<h2>Kaart</h2>" + kaartfiguur(png, extent, r))
    p.append("<h2>Per systeem: waarom</h2>")
    for v in r.get("vragen") or []:
        p.append(f'<h3>{e(SYSTEEM_TEKST.get(v["systeem"], v["systeem"]))}, '
                 f'{m(v["diepte_van_m"])} tot {m(v["diepte_tot_m"])} m: {e(v["oordeel"])}</h3>')
        p.append('<table><tr><th>Wat</th><th>Toelichting</th><th>Bron in de Bodemvisie</th></tr>')
        for t in v.get("redenen") or []:
            p.append(f'<tr><td>{e(ERNST_TEKST.get(t["ernst"], t["ernst"]))}'
                     + (f'<br><span class="klein">{e(t["naam"])}</span>' if t.get("naam") else "")
                     + f'</td><td>{e(t["uitleg"])}</td><td class="klein">{e(t.get("grondslag") or "")}</td></tr>')
        p.append("</table>")
    p.append("<h2>Diepteprofiel</h2>" + dieptefiguur(r)
             + '<p class="klein">Lagen en zones van de provincie Drenthe (3D-zonemodel) en de bodemopbouw van '
               'Assen (tabel 2.1). De staafjes rechts zijn de filters of lussen van de vragen hierboven, '
               'gekleurd naar het oordeel.</p>')
    p.append("<h2>Wie beslist en wat is de volgende stap</h2><table>"
             "<tr><th>Activiteit</th><th>Bevoegd gezag</th><th>Wet</th><th>Volgende stap</th></tr>")
    for b in r.get("bevoegd_gezag") or []:
        p.append(f'<tr><td>{e(b["activiteit"].replace("_", " "))}</td><td>{e(b["bevoegd_gezag"])}</td>'
                 f'<td class="klein">{e(b["wet"])}</td><td>{e(VOLGENDE_STAP.get(b["activiteit"], ""))}</td></tr>')
    p.append("</table>")
    omg = r.get("omgeving") or {}
    p.append(f"<h2>In de omgeving (tot {m(omg.get('straal_m'))} m)</h2>")
    for key, titel, velden in (
            ("wko_systemen", "WKO-systemen", ("naam", "systeem", "status", "afstand_m")),
            ("verontreinigingen", "Grondwaterverontreinigingen", ("naam", "vorm", "status", "afstand_m")),
            ("gebieden", "Beleidsgebieden (ook komende)", ("naam", "soort", "status", "afstand_m")),
            ("kabels_leidingen", "Kabels en leidingen (KLIC, tot 50 m)", ("thema", "beheerder", "afstand_m"))):
        rijen = omg.get(key) or []
        if not rijen:
            p.append(f"<p><strong>{e(titel)}</strong>: geen.</p>")
            continue
        p.append(f"<p><strong>{e(titel)}</strong> ({len(rijen)}):</p><table><tr>"
                 + "".join(f"<th>{e(v.replace('_m', ' (m)'))}</th>" for v in velden) + "</tr>")
        for rij in rijen[:15]:
            p.append("<tr>" + "".join(f"<td>{e(rij.get(v))}</td>" for v in velden) + "</tr>")
        p.append("</table>" + (f'<p class="klein">en nog {len(rijen) - 15}.</p>' if len(rijen) > 15 else ""))
    komend = [t for v in r.get("vragen") or [] for t in v.get("redenen") or [] if t["ernst"] == "aangekondigd"]
    p.append("<h2>Wat komt eraan</h2>")
    if komend:
        p.append("<ul>" + "".join(f"<li>{e(t['naam'])}: {e(t['uitleg'])}</li>" for t in komend) + "</ul>")
    else:
        p.append("<p>Geen bekende wijzigingen van beleid op deze plek.</p>")
    p.append("<h2>Bronnen</h2><p class=\"klein\">Bodemvisie gemeente Assen (de regels staan met hun bron in "
             "het regelboek van de database: <code>SELECT * FROM bv_regelboek</code>). De kaarten zijn zo "
             "actueel als de geladen gegevens; dit rapport is geen besluit. Vragen: gemeente Assen, team "
             "bodem.</p>")
    css = ("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222;line-height:1.4}"
           "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}"
           "table{border-collapse:collapse;width:100%;margin:.5em 0}"
           "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}"
           ".klein{font-size:.85em;color:#555}.label{display:inline-block;padding:1px 8px;border-radius:4px;"
           "font-weight:bold}.samenvatting li{margin:.3em 0}"
           "@media print{body{margin:0}h2{break-after:avoid}table,svg{break-inside:avoid}}")
    doc = ("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
           f"<title>{e(titel)}</title><style>{css}</style></head><body>"
           + "\n".join(p) + "</body></html>\n")
    open(sys.argv[4], "w", encoding="utf-8").write(doc)


if __name__ == "__main__":
    main()
