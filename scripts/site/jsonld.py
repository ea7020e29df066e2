"""The schema.org Dataset block of the home and download pages, with a distribution for each download."""

import json
from typing import Any

from schemas import PACKAGE

from . import labels
from .data import Data
from .downloads import Download
from .words import LANGS

LANGUAGES = ["zh-Hans", "en"]  # the site's languages, as BCP 47 tags


def box(collection: dict[str, Any]) -> str:
    """A schema.org GeoShape box, "south west north east", around every point of a GeoJSON collection."""
    points = [
        point
        for feature in collection["features"]
        for polygon in feature["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
    ]
    west, east = min(x for x, _ in points), max(x for x, _ in points)
    south, north = min(y for _, y in points), max(y for _, y in points)
    return f"{south} {west} {north} {east}"


def block(data: Data, downloads: list[Download], boundaries: dict[str, Any]) -> str:
    """A `<script type="application/ld+json">` describing the package, its coverage and its downloads."""
    years = [r[0] for r in data.rows("SELECT substr(date, 1, 4) FROM events ORDER BY date")]
    areas = data.designations()
    place = " · ".join(" ".join(labels.code("designations", "designation", a, lang) for lang in LANGS) for a in areas)
    site = PACKAGE["site_url"]
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": f"{site}#dataset",
        "identifier": PACKAGE["id"],
        "name": PACKAGE["title"],
        "description": PACKAGE["description"],
        "license": PACKAGE["licenses"][0]["path"],
        "isAccessibleForFree": True,
        "inLanguage": LANGUAGES,
        "creator": {"@type": "Organization", "name": PACKAGE["contributors"][0]["title"]},
        "datePublished": PACKAGE["created"][:10],
        "dateModified": PACKAGE["created"][:10],
        "version": PACKAGE["version"],
        "keywords": PACKAGE["keywords"],
        "url": site,
        "spatialCoverage": {"@type": "Place", "name": place, "geo": {"@type": "GeoShape", "box": box(boundaries)}},
        "temporalCoverage": f"{years[0]}/{years[-1]}" if years else "",
        "distribution": [
            {
                "@type": "DataDownload",
                "name": d.title,
                "encodingFormat": d.mediatype,
                "contentUrl": f"{site}downloads/{d.name}",
                "contentSize": f"{d.path.stat().st_size} B",
            }
            for d in downloads
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
