"""python -m scripts capture SOURCE_ID: the numbers of a source not yet captured or excluded, as draft rows.

It lists each such number (as `coverage` finds them: Arabic digits, and Chinese numerals before a unit
word) with its line, the figure as printed (the number with its qualifier and unit words: 574.55万余元)
and the value, unit and qualifier the figure parser reads from it. It writes one draft observation a
figure to build/drafts/<SOURCE_ID>.observations.csv (never into data/): figure_text, value (and value_max
for a range), unit, qualifier, source_id and locator filled; id, metric, region and period left for a person
to complete.
"""

import argparse
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from schemas.statistics import Observation

from . import coverage, figures, reader, sourcetext
from .atomic import write_bytes
from .layout import Layout
from .problems import Stop


@dataclass(frozen=True)
class Pending:
    """A figure of a source line with numbers that no row captures and no exclusion excuses."""

    locator: int
    numbers: tuple[Decimal, ...]
    printed: str
    figure: figures.Figure | None

    def row(self, source_id: str) -> dict[str, str]:
        """The draft observation: what the text gives, the rest blank."""
        row = dict.fromkeys(Observation.columns(), "")
        row.update(figure_text=self.printed, source_id=source_id, locator=str(self.locator))
        if self.figure:
            units = figures.candidates(self.figure.unit_word) or ("",)
            row.update(value=_plain(self.figure.value), unit=units[0], qualifier=self.figure.qualifier)
            if self.figure.upper is not None:
                row.update(value_max=_plain(self.figure.upper))
        return row

    def describe(self) -> str:
        shown = ", ".join(map(_plain, self.numbers))
        if not self.figure:
            return f"line {self.locator}: {shown} in {self.printed}: not a figure the parser reads"
        units = figures.candidates(self.figure.unit_word)
        unit = "no unit word" if not units else units[0] + (f" (or {', '.join(units[1:])})" if units[1:] else "")
        value = _plain(self.figure.value) + (
            f" to {_plain(self.figure.upper)}" if self.figure.upper is not None else ""
        )
        return f"line {self.locator}: {shown} in {self.printed} → {value}, {unit}, {self.figure.qualifier}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _reading(text: str) -> figures.Figure | None:
    try:
        return figures.parse(sourcetext.normalize(text))
    except ValueError:
        return None


def pending(layout: Layout, dataset: reader.Dataset, source: sourcetext.Source, only: int | None) -> Iterator[Pending]:
    """Every figure of the source (or of one line) with a number not yet captured or excluded."""
    held = coverage.captured(dataset)
    rules, problems = coverage.exclusions(layout)
    if problems:
        raise Stop(f"{coverage.EXCLUSIONS} has problems: fix them first.", problems)
    for locator, text in enumerate(source.text, 1):
        if only not in (None, locator):
            continue
        printed = sourcetext.GLOSS.sub("", source.raw[locator - 1])  # as printed: the script kept, glosses out
        for found in figures.find(text):
            numbers = tuple(
                n
                for n in found.numbers
                if coverage.token(found) not in held.get((source.id, locator), ())
                and coverage.excluding(rules, source.id, locator, n) is None
            )
            if numbers:
                shown = printed[found.start : found.end] if len(printed) == len(text) else found.text
                yield Pending(locator, numbers, shown, _reading(found.text))


def draft(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, Observation.columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def run(args: argparse.Namespace) -> int:
    layout = Layout(args.root)
    folder = sourcetext.folder(args.sources)
    dataset, problems = reader.read(layout)
    if problems:
        raise Stop("The data has problems: fix them first.", problems)
    known = dataset.keyed("sources")
    if args.source_id not in known:
        raise Stop(f"no source {args.source_id!r} in data/sources.csv (it has {', '.join(known) or 'none'})")
    path = folder / known[args.source_id].archive_file
    if not path.is_file():
        raise Stop(f"{path}: the archived file of {args.source_id} is not in {folder}")
    try:
        source = sourcetext.read(args.source_id, path)
    except UnicodeDecodeError as err:
        raise Stop(f"{path}: not UTF-8 text (byte {err.start}): archive sources with `source add`") from None
    if args.line is not None and not 1 <= args.line <= len(source.raw):
        raise Stop(f"--line {args.line}: {args.source_id} has lines 1 to {len(source.raw)}")
    out = args.out or layout.root / "build" / "drafts" / f"{args.source_id}.observations.csv"
    if out.resolve().is_relative_to(layout.data.resolve()):
        raise Stop(f"--out {out}: a draft is never written into data/; move its rows there once they are complete")
    found = list(pending(layout, dataset, source, args.line))
    for item in found:
        print(item.describe())
    try:
        write_bytes(out, draft([item.row(args.source_id) for item in found]))
    except OSError as err:
        raise Stop(f"--out {out}: cannot write it: {err.strerror}") from None
    print(f"wrote {layout.name(out)}: {len(found)} draft row(s)")
    where = f"line {args.line} of {args.source_id}" if args.line else args.source_id
    print(f"{sum(len(item.numbers) for item in found)} number(s) of {where} not yet captured or excluded.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """The `capture` subcommand."""
    capture = sub.add_parser("capture", help="list a source's numbers not yet captured or excluded; draft their rows")
    capture.add_argument("source_id", metavar="SOURCE_ID", help="the id of the source in data/sources.csv")
    capture.add_argument("--line", type=int, help="only this line of the source")
    capture.add_argument("--out", type=Path, help="the draft CSV (default: build/drafts/SOURCE_ID.observations.csv)")
    capture.add_argument("--sources", type=Path, help=sourcetext.FOLDER_HELP)
    capture.set_defaults(run=run)
