"""The schema.org Dataset block of the home and download pages, with a distribution for each download."""

import json
from pathlib import Path

from schemas import PACKAGE

from . import labels
from .data import Data
from .words import LANGS


def block(data: Data, downloads: list[tuple[str, Path, str]]) -> str:
    """A `<script type="application/ld+json">` describing the package, its coverage and its downloads."""
    years = [r[0] for r in data.rows("SELECT substr(date, 1, 4) FROM events ORDER BY date")]
    areas = data.designations()
    place = " · ".join(" ".join(labels.code("designations", "designation", a, lang) for lang in LANGS) for a in areas)
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": PACKAGE["title"],
        "description": PACKAGE["description"],
        "license": PACKAGE["licenses"][0]["path"],
        "creator": {"@type": "Organization", "name": PACKAGE["contributors"][0]["title"]},
        "dateModified": PACKAGE["created"][:10],
        "version": PACKAGE["version"],
        "keywords": PACKAGE["keywords"],
        "url": PACKAGE["site_url"],
        "spatialCoverage": {"@type": "Place", "name": place},
        "temporalCoverage": f"{years[0]}/{years[-1]}" if years else "",
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "encodingFormat": mediatype,
                "contentUrl": f"{PACKAGE['site_url']}downloads/{path.name}",
                "contentSize": f"{path.stat().st_size} B",
            }
            for name, path, mediatype in downloads
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
