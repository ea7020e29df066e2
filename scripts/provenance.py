"""The provenance verifier: every row that cites a source line is checked against that line.

For each row of a table whose model declares a `Citation`, it checks that the archived file's SHA-256
matches sources.sha256; that a text the citation names (a column, or through a foreign key the names of
the row it points to) appears on the normalized line; and, for a row that carries a figure, that the
figure as printed reads as the row's value, qualifier and unit (through its erratum, if the line has one).
"""

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from schemas import BY_NAME, Cite, Table

from . import figures
from .forms import FORMS
from .layout import Layout
from .problems import Problem
from .reader import Dataset, text
from .sourcetext import Source, load, normalize


def texts(model: type[Table], row: Any, dataset: Dataset) -> list[list[str]]:
    """The texts the line the row cites must contain, a list per `Cite` that applies: one of each list with
    `Citation.every`, else one of them all (of the first list only, with `Citation.first`)."""
    citation = model.meta.cites
    assert citation is not None
    found: list[list[str]] = []
    for cite in citation.texts:
        if cite.when and text(getattr(row, cite.when[0])) != cite.when[1]:
            continue
        forms = _forms(model, cite, row, dataset)
        if forms and citation.first:
            return [forms]
        if forms:
            found.append(forms)
    return found if citation.every else [[t for forms in found for t in forms]]


def _forms(model: type[Table], cite: Cite, row: Any, dataset: Dataset) -> list[str]:
    """The texts one `Cite` gives for a row: its column's value, or the names of the row it points to."""
    value = getattr(row, cite.column)
    if value is None:
        return []
    target = next((fk.resource for fk in model.foreign_keys() if fk.field == cite.column), None)
    if target is None:
        return [t for t in FORMS[cite.form](text(value)) if t]
    pointed = _pointed(model, cite.column, row, dataset)
    names = BY_NAME[target].meta.names
    return [t for name in names for t in _forms(BY_NAME[target], name, pointed, dataset)] if pointed else []


def citing(dataset: Dataset) -> Iterator[tuple[type[Table], int, Any]]:
    """Every (model, CSV line, row) of the package that cites a source line."""
    for model in dataset.models():
        if model.meta.cites:
            for line, row in dataset.numbered(model.meta.resource):
                yield model, line, row


def verify(layout: Layout, dataset: Dataset, folder: Path) -> list[Problem]:
    """Check every citing row against the archived sources in folder; a row citing a web page that is not
    archived has no line to check, but its figure must still read as its value."""
    sources, problems = load(dataset, folder, layout.name(layout.csv("sources")))
    for model, number, row in citing(dataset):
        name = layout.name(layout.csv(model.meta.resource))
        if row.source_id in sources and row.locator is not None:
            problems.extend(_check_row(model, name, number, row, sources[row.source_id], dataset))
        elif row.locator is None:
            problems.extend(_check_figure(model, name, number, row, dataset))
    return problems


def cited_not_archived(dataset: Dataset) -> int:
    """How many rows cite a web page that is not archived (checked only as far as their figure goes)."""
    return sum(1 for _, _, row in citing(dataset) if row.locator is None)


def _check_figure(model: type[Table], name: str, number: int, row: Any, dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    columns = model.columns()

    def report(column: str, value: str | None, expected: str) -> None:
        problems.append(Problem(name, number, columns.index(column) + 1, column, value, expected))

    citation = model.meta.cites
    if citation and citation.figure and getattr(row, citation.figure):
        erratum = _pointed(model, citation.erratum, row, dataset) if citation.erratum else None
        _figure_problems(row, citation.figure, erratum, report)
    return problems


def _check_row(model: type[Table], name: str, number: int, row: Any, source: Source, dataset: Dataset):
    """The problems of one citing row: the cited text is not on the line, or its figure does not read right."""
    problems: list[Problem] = []
    columns = model.columns()
    if not 1 <= row.locator <= len(source.lines):
        expected = f"a line of {row.source_id}, which has {len(source.lines)} lines"
        return [Problem(name, number, columns.index("locator") + 1, "locator", str(row.locator), expected)]
    context = f" (line {row.locator} of {row.source_id}: {source.raw[row.locator - 1].strip()[:40]}…)"

    def report(column: str, value: str | None, expected: str) -> None:
        problems.append(Problem(name, number, columns.index(column) + 1, column, value, expected + context))

    for group in texts(model, row, dataset):
        cited = [normalize(t) for t in group]
        if not any(t in source.line(row.locator) for t in cited):
            report("locator", str(row.locator), f"a line that contains {' or '.join(map(repr, cited))}")
    citation = model.meta.cites
    if citation and citation.figure and getattr(row, citation.figure):
        erratum = _pointed(model, citation.erratum, row, dataset) if citation.erratum else None
        _figure_problems(row, citation.figure, erratum, report)
    return problems


def _pointed(model: type[Table], column: str, row: Any, dataset: Dataset) -> Any:
    """The row that a foreign-key column of this row points to, or None."""
    target = next(fk.resource for fk in model.foreign_keys() if fk.field == column)
    value = getattr(row, column)
    return dataset.keyed(target).get(value) if value is not None else None


def _figure_problems(row: Any, column: str, erratum: Any, report: Callable[[str, str | None, str], None]) -> None:
    """The figure as printed, read through its erratum, must give the row's value (and upper end of a range),
    qualifier and unit."""
    printed = getattr(row, column)
    reading = normalize(printed)
    if erratum and normalize(erratum.as_printed) in reading:
        reading = reading.replace(normalize(erratum.as_printed), normalize(erratum.reading))
    try:
        figure = figures.parse(reading)
    except ValueError as err:
        report(column, printed, f"a figure such as 574.55万余元 ({err})")
        return
    if Decimal(text(row.value)) != figure.value:
        report("value", text(row.value), f"{figure.value.normalize():f}, which {printed!r} reads as")
    value_max = getattr(row, "value_max", None)  # a table without the column holds no range
    if hasattr(row, "value_max") and (None if value_max is None else Decimal(text(value_max))) != figure.upper:
        if figure.upper is None:
            expected = f"no value: {printed!r} is not a range"
        else:
            expected = f"{figure.upper.normalize():f}, the upper end of {printed!r}"
        report("value_max", text(value_max), expected)
    qualifier = getattr(row, "qualifier", "exact")
    if qualifier != figure.qualifier:
        report("qualifier", qualifier, f"{figure.qualifier!r}, as {printed!r} is worded")
    units = figure.units()
    if units is not None and row.unit not in units:
        expected = " or ".join(sorted(units)) or "a known unit word"
        report("unit", row.unit, f"{expected}, the unit of {printed!r}")
