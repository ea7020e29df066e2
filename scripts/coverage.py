"""The coverage report: every number printed in each source is captured by a row, or excluded with a reason.

The numbers of a line are those `figures.find` reads: every number in Arabic digits, and a number in
Chinese numerals before a unit word (三十五个, 两千余人, 七年; not 三个方面, 一户一策 or 第一). A number
on a line is captured when a row citing that line holds the same number in a data cell (its figure as
printed, a period, a date, a title...); columns written by us (notes, reasons, summaries) do not capture.
Otherwise it must be listed in checks/coverage_exclusions.csv with a reason; an exclusion that excuses
nothing is itself reported, so the file cannot go stale.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from schemas.checks import CoverageExclusion

from .figures import find
from .layout import Layout
from .problems import Problem
from .provenance import citing
from .reader import Dataset, read_model, text
from .sourcetext import load

EXCLUSIONS = "checks/coverage_exclusions.csv"
Rules = list[tuple[int, CoverageExclusion]]


def numbers(line: str) -> list[Decimal]:
    """The numbers of a line of text, in Arabic digits or Chinese numerals."""
    return [number for figure in find(line) for number in figure.numbers]


@dataclass
class Tally:
    found: int = 0
    captured: int = 0
    excluded: int = 0
    unaccounted: list[str] = field(default_factory=list)


def captured(dataset: Dataset) -> dict[tuple[str, int], set[Decimal]]:
    """For each cited (source, line), every number held by the rows that cite it."""
    held: dict[tuple[str, int], set[Decimal]] = {}
    for model, _, row in citing(dataset):
        data = [c for c in model.columns() if not model.ours(c) and c not in ("locator", "source_id")]
        cells = " ".join(text(getattr(row, c)) for c in data)
        held.setdefault((row.source_id, row.locator), set()).update(numbers(cells))
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
            for number in numbers(line):
                tally.found += 1
                if number in held.get((sid, locator), ()):
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


def render(tallies: dict[str, Tally]) -> str:
    lines = [f"{'source':32} {'numbers':>8} {'captured':>9} {'excluded':>9} {'unaccounted':>12}"]
    for sid, t in tallies.items():
        lines.append(f"{sid:32} {t.found:>8} {t.captured:>9} {t.excluded:>9} {len(t.unaccounted):>12}")
    return "\n".join(lines)
