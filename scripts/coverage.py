"""The coverage report: every number printed in each source is captured by a row, or excluded with a reason.

The numbers of a line are those `figures.find` reads: every number in Arabic digits; a number in Chinese
numerals before a unit word (三十五个, 两千余人, 七大, 四届; not 一 alone, as in 一户一策); and every figure in
words: an ordinal (第一, 前三), a share (一半) and a half (半小时, 一个半小时). A number on a line is captured
when a row citing that line holds the same figure in a data cell (its figure as printed, a period, a date,
a title...): the same numbers written as one figure, so that the 3 of a range 2至3个 does not capture a 三大
elsewhere on the line, nor 2 alone the range; and a figure in words the same words: 第一 by a cell that
holds 第一, not by one that holds 1, and 一半 not by 一半以上. Columns written by us (notes, reasons, summaries), our readings (a value in base
units, a body's place in a list) and identifiers (a row's key, its references to other rows) do not capture. Otherwise it must be listed in checks/coverage_exclusions.csv with a reason; an exclusion that
excuses nothing is itself reported, so the file cannot go stale.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from schemas import Table
from schemas.checks import CoverageExclusion

from .figures import Found, find
from .layout import Layout
from .problems import Problem
from .provenance import citing
from .reader import Dataset, read_model, text
from .sourcetext import load

EXCLUSIONS = "checks/coverage_exclusions.csv"
Rules = list[tuple[int, CoverageExclusion]]
# A figure: the form it is written in ("ordinal", "share", "half" or "" for a plain number), the numbers it is
# written with (two for a range) and, for a figure in words, its text: 第一 is captured by a cell that holds
# 第一, not by one that holds 1 or 第一名; 三大 (3) not by 2至3个 (2, 3).
Token = tuple[str, tuple[Decimal, ...], str]


def numbers(line: str) -> list[Decimal]:
    """The numbers of a line of text, in Arabic digits, Chinese numerals or words."""
    return [number for _, figure, _ in tokens(line) for number in figure]


def token(figure: Found) -> Token:
    """A figure found in a line, as it must be held to be captured."""
    return figure.form, figure.numbers, figure.text if figure.form else ""


def tokens(line: str) -> list[Token]:
    """The figures of a line of text, each as a token."""
    return [token(f) for f in find(line)]


@dataclass
class Tally:
    """What a check of the sources found in one of them: all, those the data accounts for, those an
    exclusion excuses, and the rest."""

    found: int = 0
    captured: int = 0
    excluded: int = 0
    unaccounted: list[str] = field(default_factory=list)


def data_columns(model: type[Table]) -> list[str]:
    """The columns whose numbers capture: not ours, not our reading (a value in base units, an order), not the
    row's key or its references, not its citation."""
    identifiers = {*model.meta.primary_key, *(fk.field for fk in model.foreign_keys()), "locator"}
    return [c for c in model.columns() if not (model.ours(c) or model.reads(c)) and c not in identifiers]


def captured(dataset: Dataset) -> dict[tuple[str, int], set[Token]]:
    """For each cited (source, line), every number held by the rows that cite it, with its form."""
    held: dict[tuple[str, int], set[Token]] = {}
    for model, _, row in citing(dataset):
        for column in data_columns(model):
            held.setdefault((row.source_id, row.locator), set()).update(tokens(text(getattr(row, column))))
    return held


def exclusions(layout: Layout) -> tuple[Rules, list[Problem]]:
    return read_model(layout.root / EXCLUSIONS, EXCLUSIONS, CoverageExclusion)


def excluding(rules: Rules, source_id: str, locator: int, number: Decimal) -> int | None:
    """The line of the exclusion that excuses a number of a source line, if any."""
    for line_no, ex in rules:
        if ex.source_id == source_id and ex.locator == locator and (ex.number == "*" or Decimal(ex.number) == number):
            return line_no
    return None


def run(layout: Layout, dataset: Dataset, folder: Path) -> tuple[dict[str, Tally], list[Problem]]:
    """Tally every number of every source; problems for the unaccounted and the unused exclusions."""
    sources, unread = load(dataset, folder, layout.name(layout.csv("sources")))
    held = captured(dataset)
    rules, problems = exclusions(layout)
    problems += unread
    used: Counter[int] = Counter()
    tallies = {}
    for sid, source in sources.items():
        tally = tallies[sid] = Tally()
        for locator, line in enumerate(source.text, 1):
            for token, number in ((t, n) for t in tokens(line) for n in t[1]):
                tally.found += 1
                if token in held.get((sid, locator), ()):
                    tally.captured += 1
                    continue
                match = excluding(rules, sid, locator, number)
                if match is None:
                    tally.unaccounted.append(f"{sid}:{locator}: {number}")
                    expected = f"a row citing this line that holds {number}, or an exclusion in {EXCLUSIONS}"
                    problems.append(Problem(source.path.name, locator, 0, "", str(number), expected))
                else:
                    tally.excluded += 1
                    used[match] += 1
    for line_no, ex in rules:
        if ex.source_id in sources and not used[line_no]:
            expected = "an exclusion that excuses a number not captured by any row"
            problems.append(Problem(EXCLUSIONS, line_no, 0, "number", ex.number, expected))
    return tallies, problems


def render(tallies: dict[str, Tally], found: str = "numbers", captured: str = "captured") -> str:
    """The tallies as a table, one source a line; the first two count columns are named as given."""
    lines = [f"{'source':32} {found:>8} {captured:>11} {'excluded':>9} {'unaccounted':>12}"]
    for sid, t in tallies.items():
        lines.append(f"{sid:32} {t.found:>8} {t.captured:>11} {t.excluded:>9} {len(t.unaccounted):>12}")
    return "\n".join(lines)
