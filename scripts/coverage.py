"""The coverage report: every number printed in each source is captured by a row, or excluded with a reason.

A number on a line is captured when a row citing that line holds the same number in a data cell (its
figure_text, a period, a date, a title...); free-text notes and reasons do not capture. Otherwise it must be listed in checks/coverage_exclusions.csv
with a reason; an exclusion that excuses nothing is itself reported, so the file cannot go stale.
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .layout import Layout
from .problems import Problem
from .provenance import citing
from .sourcetext import load

EXCLUSIONS = "checks/coverage_exclusions.csv"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
PROSE = {"note", "notes", "reason", "date_note", "summary_zh", "summary_en", "definition_zh", "definition_en"}
KINDS = {
    "page_chrome": "navigation, header, footer, contact details or spam around the article",
    "publication_date": "the date and time of publication, recorded in sources.published",
    "list_ordinal": "the number of an item in a list",
    "identifier": "part of a name or code, not a quantity (5G, a road number, a licence number)",
    "restated": "a figure restated from another line or source, and captured there",
    "time_phrase": "a span of time used as a phrase, such as 5年来 (over the past five years)",
    "reporting_date": "the date a reporter visited, not an event of the history",
    "context_date": "a date of background context, kept in a row's note",
    "descriptive_count": "a small count that describes rather than measures, such as the 3 districts around a city",
    "listed_count": "a count of items that are each recorded as rows (the four counties of a pairing)",
    "personal_detail": "a detail of a person in an anecdote, such as an age",
    "photo_caption": "the date of a news photograph",
}


def numbers(text: str) -> list[Decimal]:
    return [Decimal(token) for token in NUMBER.findall(text)]


@dataclass
class Tally:
    found: int = 0
    captured: int = 0
    excluded: int = 0
    unaccounted: list[str] = field(default_factory=list)


def _captured(layout: Layout) -> dict[tuple[str, int], set[Decimal]]:
    """For each cited (source, line), every number held by the rows that cite it."""
    held: dict[tuple[str, int], set[Decimal]] = {}
    for _, _, row in citing(layout):
        cells = " ".join(v for k, v in row.items() if k not in PROSE and k not in ("locator", "source_id"))
        held.setdefault((row["source_id"], int(row["locator"])), set()).update(numbers(cells))
    return held


def _exclusions(layout: Layout) -> list[dict[str, str]]:
    path = layout.root / EXCLUSIONS
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def run(layout: Layout, folder: Path) -> tuple[dict[str, Tally], list[Problem]]:
    """Tally every number of every source; problems for the unaccounted and the unused exclusions."""
    sources = load(layout, folder)
    held = _captured(layout)
    exclusions = _exclusions(layout)
    used: Counter[int] = Counter()
    problems = []
    for i, ex in enumerate(exclusions):
        if ex["kind"] not in KINDS:
            problems.append(Problem(EXCLUSIONS, i + 2, 4, "kind", ex["kind"], "one of " + ", ".join(KINDS)))
    tallies = {}
    for sid, source in sources.items():
        tally = tallies[sid] = Tally()
        for locator, line in enumerate(source.text, 1):
            for number in numbers(line):
                tally.found += 1
                if number in held.get((sid, locator), ()):
                    tally.captured += 1
                    continue
                match = next(
                    (
                        i
                        for i, ex in enumerate(exclusions)
                        if ex["source_id"] == sid
                        and int(ex["locator"]) == locator
                        and (ex["number"] == "*" or Decimal(ex["number"]) == number)
                    ),
                    None,
                )
                if match is None:
                    tally.unaccounted.append(f"{sid}:{locator}: {number}")
                    expected = f"a row citing this line that holds {number}, or an exclusion in {EXCLUSIONS}"
                    problems.append(Problem(source.path.name, locator, 0, "", str(number), expected))
                else:
                    tally.excluded += 1
                    used[match] += 1
    for i, ex in enumerate(exclusions):
        if ex["source_id"] in sources and not used[i]:
            expected = "an exclusion that excuses a number not captured by any row"
            problems.append(Problem(EXCLUSIONS, i + 2, 0, "number", ex["number"], expected))
    return tallies, problems


def render(tallies: dict[str, Tally]) -> str:
    lines = [f"{'source':32} {'numbers':>8} {'captured':>9} {'excluded':>9} {'unaccounted':>12}"]
    for sid, t in tallies.items():
        lines.append(f"{sid:32} {t.found:>8} {t.captured:>9} {t.excluded:>9} {len(t.unaccounted):>12}")
    return "\n".join(lines)
