"""The provenance verifier: every row that cites a source line is checked against that line.

For each row with source_id and locator it checks that the archived file's SHA-256 matches
sources.sha256; that the name, title, date or figure the row cites appears on the (normalized) line;
and, for a figure, that figure_text read with its Chinese units converts to the row's value and
qualifier, in a unit the metric allows. A figure from a defective line is read through its erratum.
"""

import csv
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

from . import figures
from .layout import Layout
from .problems import Problem
from .sourcetext import Source, load, normalize
from .validate import present

Tables = dict[str, dict[str, dict[str, str]]]
KEYS = {"organizations": "id", "projects": "id", "regions": "code", "errata": "id", "metrics": "id"}


def _date_forms(iso: str) -> list[str]:
    """A date as the sources print it: 2024-07-07, 2021年11月8日, 11月25日, 2021年11月, 7月 or 1994年."""
    year, month, day = [*iso.split("-"), "", ""][:3]
    forms = [iso, f"{year}年"]
    if month:
        forms += [f"{year}年{int(month)}月", f"{int(month)}月"]
    if day:
        forms += [f"{year}年{int(month)}月{int(day)}日", f"{int(month)}月{int(day)}日"]
    return [forms[-1], *forms[:-1]] if day else forms


def _names(org: dict[str, str]) -> list[str]:
    return [org["name_zh"], org["short_name_zh"], *org["other_names_zh"].split("、")]


def _region_names(region: dict[str, str]) -> list[str]:
    """A region's name and its short form without the generic (长治市 → 长治, 沁源县 → 沁源)."""
    name = region["name_zh"]
    short = name[:-1] if len(name) > 2 and name[-1] in "省市县区" else name
    return [name, short]


def cited(resource: str, row: dict[str, str], tables: Tables) -> list[str]:
    """The texts of which at least one must appear on the line the row cites."""
    match resource:
        case "organizations":
            return _names(row)
        case "policies":
            return [row["title_zh"], row["doc_number"]]
        case "policy_measures":
            return [row["title_zh"]]
        case "measure_responsibilities" | "aid_assignments":
            return _names(tables["organizations"][row["organization_id"]])
        case "policy_targets":
            return [row["text_zh"]]
        case "designations":
            return _region_names(tables["regions"][row["region_code"]])
        case "projects":
            return [row["printed_zh"]]
        case "project_regions":
            if row["place_zh"] or row["basis"] == "located":
                return [row["place_zh"] or tables["projects"][row["project_id"]]["printed_zh"]]
            return _region_names(tables["regions"][row["region_code"]])
        case "observations":
            return [row["figure_text"]]
        case "events":
            return _date_forms(row["date"])
        case "errata":
            return [row["as_printed"]]
    raise KeyError(f"no provenance rule for {resource}")


def _read(layout: Layout, resource: str) -> list[dict[str, str]]:
    with layout.csv(resource).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def citing(layout: Layout) -> Iterator[tuple[str, int, dict[str, str]]]:
    """Every (resource, CSV line, row) of the package that cites a source line."""
    for model in present(layout):
        if "locator" in model.model_fields:
            for number, row in enumerate(_read(layout, model.meta.resource), 2):
                yield model.meta.resource, number, row


def _figure_problems(row: dict[str, str], tables: Tables, report: Callable[[str, str | None, str], None]) -> None:
    """figure_text, read through its erratum, must give the row's value, qualifier and unit."""
    text = normalize(row["figure_text"])
    erratum = tables["errata"].get(row.get("erratum_id") or "")
    if erratum and normalize(erratum["as_printed"]) in text:
        text = text.replace(normalize(erratum["as_printed"]), normalize(erratum["reading"]))
    try:
        figure = figures.parse(text)
    except ValueError as err:
        report("figure_text", row["figure_text"], f"a figure such as 574.55万余元 ({err})")
        return
    if Decimal(row["value"]) != figure.value:
        report("value", row["value"], f"{figure.value.normalize():f}, which {row['figure_text']!r} reads as")
    if row.get("qualifier", "exact") != figure.qualifier:
        report("qualifier", row["qualifier"], f"{figure.qualifier!r}, as {row['figure_text']!r} is worded")
    units = figure.units()
    if units is not None and row["unit"] not in units:
        expected = " or ".join(sorted(units)) or "a known unit word"
        report("unit", row["unit"], f"{expected}, the unit of {row['figure_text']!r}")


def verify(layout: Layout, folder: Path) -> list[Problem]:
    """Check every citing row against the archived sources in folder."""
    problems: list[Problem] = []
    sources = load(layout, folder)
    declared = {row["id"]: row for row in _read(layout, "sources")}
    for sid, row in declared.items():
        if sid not in sources:
            problems.append(Problem(str(folder / row["archive_file"]), 0, 0, "", None, f"the archived file of {sid}"))
        elif sources[sid].sha256 != row["sha256"]:
            problems.append(
                Problem(layout.name(layout.csv("sources")), 0, 0, "sha256", row["sha256"], f"{sources[sid].sha256}")
            )
    tables: Tables = {
        name: {r[key]: r for r in _read(layout, name)} if layout.csv(name).exists() else {}
        for name, key in KEYS.items()
    }
    for resource, number, row in citing(layout):
        if row["source_id"] in sources:
            name = layout.name(layout.csv(resource))
            problems.extend(_check_row(resource, name, number, row, sources[row["source_id"]], tables))
    return problems


def _check_row(resource: str, name: str, number: int, row: dict[str, str], source: Source, tables: Tables):
    """The problems of one citing row: the cited text is not on the line, or its figure does not read right."""
    problems: list[Problem] = []
    locator = int(row["locator"])
    context = f" (line {locator} of {row['source_id']}: {source.raw[locator - 1].strip()[:40]}…)"

    def report(field: str, value: str | None, expected: str) -> None:
        problems.append(Problem(name, number, list(row).index(field) + 1, field, value, expected + context))

    texts = [normalize(t) for t in cited(resource, row, tables) if t]
    if not any(t in source.line(locator) for t in texts):
        report("locator", row["locator"], f"a line that contains {' or '.join(map(repr, texts))}")
    if resource in ("observations", "policy_targets") and row.get("figure_text"):
        _figure_problems(row, tables, report)
    return problems
