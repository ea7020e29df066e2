"""Package-level metadata: the name, version and licences of the data package."""

from typing import Any

PACKAGE: dict[str, Any] = {
    "name": "taihang-old-area",
    "id": "https://github.com/taihang-open-data/taihang-old-area",
    "title": "Taihang Old Area Open Data / 太行革命老区振兴开放数据",
    "description": (
        "Source-cited tables on the revitalization of Shanxi's Taihang revolutionary old area "
        "(山西太行革命老区): its 35 counties, the provincial policy 晋政发〔2021〕36号 that supports them, "
        "and the history of the designated aid they received. Every figure carries its source, line and "
        "the figure as printed."
    ),
    # SemVer for the data: MAJOR for a breaking change to a resource or column, MINOR for new
    # resources, columns or rows, PATCH for corrections. Keep CHANGELOG.md in step.
    "version": "2.3.0",
    # The release date of this version; fixed, so that builds are reproducible.
    "created": "2026-12-06T00:00:00Z",
    "homepage": "https://github.com/taihang-open-data/taihang-old-area",
    # Where the static site is published; Datasette links sources to their pages there.
    "site_url": "https://taihang-open-data.github.io/taihang-old-area/",
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ],
    "contributors": [{"title": "Taihang Old Area Open Data contributors", "role": "author"}],
    "keywords": [
        "Shanxi",
        "山西",
        "Taihang",
        "太行革命老区",
        "revolutionary old area",
        "rural revitalization",
        "乡村振兴",
        "poverty alleviation",
        "脱贫攻坚",
        "designated aid",
        "定点帮扶",
        "GB/T 2260",
    ],
}
