"""The columnar validator: passes 1 and 2 of `validate` with polars, every message from the per-row path.

A cheap first pass streams each file's bytes: its header must be the schema's columns exactly, with no CR
and no BOM. A package with a file that fails it (or that polars refuses: broken quoting, bytes that are
not UTF-8, a ragged line) is read by the streaming reader instead (`reader.read`), which locates what a
columnar parser cannot. Each file is then parsed in batches (blocks of whole lines, or `BATCH` records
when cells are quoted), every cell as text, so memory stays bounded whatever a file's size, and its shape
checked: as many lines and commas as the records account for (a blank or short line would
not be). Pass 1: the rows `expressions.suspect` flags go through the per-row path (`csvfile.edges`,
`reader.typed`), which gives their exact problems. Pass 2 runs on the columns the checks across rows
need (`across.py`). The typed rows a later step asks for are read on demand. A table of a current package
is read whole, typed by its Table Schema, by the steps that need no model instances (`typed_frame`).
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from schemas import Table

from . import across, withdrawn
from .csvfile import edges, read_rows
from .expressions import suspect
from .layout import Layout
from .parsed import Parsed, scan
from .problems import Problem
from .reader import Dataset, present, read, typed

TYPES = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean, "date": pl.Date}  # else String
BATCH = 250000  # rows parsed at a time: memory stays bounded whatever a file's size
CHUNK = 1 << 24  # bytes read at a time by the first pass


class LazyDataset(Dataset):
    """The typed rows of a table, read (through the streaming reader) when a step first asks for them."""

    def __init__(self, layout: Layout, models: list[type[Table]]):
        super().__init__()
        self._layout, self._models = layout, {m.meta.resource: m for m in models}

    def _load(self, resource: str) -> None:
        if resource in self.tables or resource not in self._models:
            return
        model, path = self._models[resource], self._layout.csv(resource)
        rows, lines = self.tables.setdefault(resource, []), self.lines.setdefault(resource, [])
        for line, raw in read_rows(path, self._layout.name(path), model.columns(), lambda problem: None):
            row = typed(model, "", line, raw, [])
            if row is not None:
                rows.append(row)
                lines.append(line)

    def rows(self, resource: str) -> list[Any]:
        self._load(resource)
        return super().rows(resource)

    def numbered(self, resource: str) -> Iterator[tuple[int, Any]]:
        self._load(resource)
        return super().numbered(resource)

    def models(self) -> list[type[Table]]:
        return list(self._models.values())


def typed_frame(layout: Layout, resource: dict[str, Any]) -> pl.DataFrame:
    """A table of a current package (`reader.current`), typed as its Table Schema says; an empty cell is null."""
    schema = {f["name"]: TYPES.get(f["type"], pl.String) for f in resource["schema"]["fields"]}
    return pl.read_csv(layout.root / resource["path"], schema=schema)


def _batches(path: Path, quoted: bool) -> Iterator[pl.DataFrame]:
    """The file's records, a batch at a time. Without quotes a line is a record, so the file is cut into
    blocks of whole lines; with them, polars finds where records end."""
    if quoted:
        yield from scan(path).collect_batches(chunk_size=BATCH)
        return
    with path.open("rb") as fh:
        header, rest = fh.readline(), b""
        while block := fh.read(CHUNK // 2):
            data = rest + block
            cut = data.rfind(b"\n") + 1
            rest = data[cut:]
            if cut:
                yield _read(header + data[:cut])
        if rest:
            yield _read(header + rest)


def _read(data: bytes) -> pl.DataFrame:
    return pl.read_csv(io.BytesIO(data), infer_schema=False, empty_string_is_null=False, raise_if_empty=False)


@dataclass
class Shape:
    """What the first pass counted after the header: lines, commas, and whether any quote appears."""

    lines: int
    commas: int
    quoted: bool


def first_pass(path: Path, columns: list[str]) -> Shape | None:
    """The file's shape, or None when it is not plain CSV for the columnar reader."""
    header = (",".join(columns) + "\n").encode("utf-8")
    lines = commas = 0
    quoted, last = False, b"\n"
    with path.open("rb") as fh:
        if fh.readline() != header:
            return None
        while chunk := fh.read(CHUNK):
            if b"\r" in chunk:
                return None
            lines, commas = lines + chunk.count(b"\n"), commas + chunk.count(b",")
            quoted, last = quoted or b'"' in chunk, chunk[-1:]
    return Shape(lines + (last != b"\n"), commas, quoted)


def _parse(model: type[Table], name: str, path: Path, shape: Shape, problems: list[Problem]) -> Parsed | None:
    """Pass 1 over one file, in batches; None when polars refuses it or its shape is not what was counted."""
    columns, keep = model.columns(), across.needed(model)
    flagged, frames = suspect(model), []
    rows = inner_lines = inner_commas = 0
    try:
        for batch in _batches(path, shape.quoted):
            if batch.columns != columns:
                return None
            if shape.quoted:
                breaks = pl.sum_horizontal(pl.col(c).str.count_matches("\n", literal=True) for c in columns)
                commas = pl.sum_horizontal(pl.col(c).str.count_matches(",", literal=True) for c in columns)
                counted = batch.select(breaks.alias("breaks"), commas.alias("commas"))
                before = (counted["breaks"].cum_sum() - counted["breaks"]).cast(pl.Int64)
                inner_commas += int(counted["commas"].sum())
                start = rows + inner_lines + 2
                batch = batch.with_columns(_line=before + pl.int_range(start, start + batch.height, eager=True))
                inner_lines += int(counted["breaks"].sum())
            else:
                batch = batch.with_columns(_line=pl.int_range(rows + 2, rows + 2 + batch.height, dtype=pl.Int64))
            batch = batch.with_row_index("_index", offset=rows)
            for raw in batch.filter(flagged).drop("_index").iter_rows(named=True):
                line = raw.pop("_line")
                edges(name, line, raw, problems.append)
                typed(model, name, line, raw, problems)
            frames.append(batch.select("_index", "_line", *across.hashes(model), *keep))
            rows += batch.height
    except pl.exceptions.PolarsError:
        return None
    if shape.lines != rows + inner_lines or shape.commas != (len(columns) - 1) * rows + inner_commas:
        return None
    frame = pl.concat(frames) if frames else pl.DataFrame()
    return Parsed(model, name, path, frame)


def columnar_read(layout: Layout) -> tuple[Dataset, list[Problem]] | None:
    """Passes 1 and 2, columnar; None when a file is not for the columnar reader."""
    models = present(layout)
    problems: list[Problem] = []
    parsed: dict[str, Parsed] = {}
    for model in models:
        path = layout.csv(model.meta.resource)
        shape = None if layout.refuses(path) else first_pass(path, model.columns())
        found: list[Problem] = []
        done = _parse(model, layout.name(path), path, shape, found) if shape else None
        if done is None:
            return None
        parsed[model.meta.resource] = done
        problems += found
    problems += across.check(models, parsed, lambda resource: layout.name(layout.csv(resource)))
    return LazyDataset(layout, models), problems


def check(layout: Layout) -> tuple[Dataset, list[Problem]]:
    """Passes 1 and 2: columnar when every file allows it, else the streaming reader; if clean, the rules on
    published keys (`withdrawn.py`)."""
    dataset, problems = columnar_read(layout) or read(layout)
    if not problems:
        problems = withdrawn.check(layout, dataset)
    return dataset, problems
