"""The ledger's rules across rows, and what it lacks, for every table whose model declares a `Timeline`.

Checked (as part of `verify`): a row is dated no earlier than the date its subject leads to (the policy's:
a later report reports what came later); a project's steps do not go back: nothing of it is reported
started after a step that has it in service, in whole or in part (a designation after it opened, such as a
national resort, is not going back); and a report filed under a measure or a target whose words or title
print the name of a project is filed under that project too, so that the project's page shows it.

Listed (`ledger gaps`): the subjects with neither a dated row nor a recorded search, and those whose newest
dated row is older than some months.
"""

import argparse
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from schemas import BY_NAME, Table
from schemas.base import first_day, last_day
from schemas.codes import PROJECT_STATUS

from .forms import FORMS
from .layout import Layout
from .problems import Problem
from .reader import Dataset, text
from .sourcetext import normalize

QUOTES = re.compile(r"[“”\"‘’「」『』]")

OPENED = PROJECT_STATUS["partly_in_service"].stage  # from this stage on, something is in service
STARTED = PROJECT_STATUS["started"].stage


def timelines(dataset: Dataset) -> list[type[Table]]:
    return [m for m in dataset.models() if m.meta.timeline]


def subject(model: type[Table], row: Any) -> tuple[str, str] | None:
    """(subject column, key) of a ledger row."""
    assert model.meta.timeline
    return next(((c, getattr(row, c)) for c in model.meta.timeline.subjects if getattr(row, c)), None)


def _since(dataset: Dataset, resource: str, key: str, since: tuple[str, str]) -> str | None:
    """The `since` column of the row that a row of `resource` leads to by foreign keys, if it leads there."""
    table, column = since
    row = dataset.keyed(resource).get(key)
    if row is None:
        return None
    if resource == table:
        value = getattr(row, column)
        return text(value) if value is not None else None
    for fk in BY_NAME[resource].foreign_keys():
        value = getattr(row, fk.field)
        if value and fk.resource != resource:
            found = _since(dataset, fk.resource, value, since)
            if found:
                return found
    return None


def check(layout: Layout, dataset: Dataset) -> list[Problem]:
    """The problems of dates and stages of every ledger table."""
    problems: list[Problem] = []
    for model in timelines(dataset):
        timeline = model.meta.timeline
        assert timeline
        name, columns = layout.name(layout.csv(model.meta.resource)), model.columns()
        steps: dict[tuple[str, str], list[tuple[int, str, int]]] = defaultdict(list)
        for line, row in dataset.numbered(model.meta.resource):
            about = subject(model, row)
            if about is None:
                continue
            dated = text(getattr(row, timeline.date))
            target = next(fk.resource for fk in model.foreign_keys() if fk.field == about[0])
            since = _since(dataset, target, about[1], timeline.since) if timeline.since else None
            if timeline.since and since and last_day(dated) < since:
                at = columns.index(timeline.date) + 1
                expected = f"a date not before {since}, the date of the {timeline.since[0]} row its {about[0]} leads to"
                problems.append(Problem(name, line, at, timeline.date, dated, expected))
            if timeline.status and about[0] == timeline.course:
                stage = PROJECT_STATUS[getattr(row, timeline.status)].stage
                if stage:
                    steps[about].append((line, dated, stage))
        if timeline.status:
            problems += list(_backwards(model, name, steps))
        if timeline.course:
            problems += list(_unlinked(model, name, dataset))
    return problems


def _names(dataset: Dataset, resource: str) -> dict[str, list[str]]:
    """The names of each row of a table as the checks compare them: its label and its `names`."""
    model = BY_NAME[resource]
    out: dict[str, list[str]] = {}
    for key, row in dataset.keyed(resource).items():
        found = [getattr(row, model.meta.label_column)] if model.meta.label_column else []
        found += [t for cite in model.meta.names for t in FORMS[cite.form](text(getattr(row, cite.column)))]
        out[key] = [n for n in {normalize(QUOTES.sub("", f)) for f in found} if len(n) > 1]
    return out


def _unlinked(model: type[Table], name: str, dataset: Dataset) -> Iterator[Problem]:
    """A row about another subject (a measure, a target) whose cited words, or the title of the source it
    cites, print the name of a subject of the `course` column (a project), with no row from that source about
    it."""
    timeline, columns = model.meta.timeline, model.columns()
    assert timeline and timeline.course and model.meta.cites
    fks = {fk.field: fk.resource for fk in model.foreign_keys()}
    names = _names(dataset, fks[timeline.course])
    cited = fks["source_id"]
    title = BY_NAME[cited].meta.label_column
    filed = {(getattr(r, timeline.course), r.source_id) for r in dataset.rows(model.meta.resource)}
    for line, row in dataset.numbered(model.meta.resource):
        if getattr(row, timeline.course):
            continue
        words = [text(getattr(row, c.column)) for c in model.meta.cites.texts]
        words += [text(getattr(dataset.keyed(cited)[row.source_id], title))] if title else []
        said = normalize(QUOTES.sub("", " ".join(words)))
        for key, found in names.items():
            if (key, row.source_id) not in filed and any(n in said for n in found):
                at = columns.index(timeline.course) + 1
                expected = f"a row from {row.source_id} about {key} too, whose name its words or title print"
                yield Problem(name, line, at, timeline.course, None, expected)


def _backwards(model: type[Table], name: str, steps: dict[tuple[str, str], list[tuple[int, str, int]]]):
    """A step that starts dated after a step in service."""
    timeline = model.meta.timeline
    assert timeline and timeline.status
    at = model.columns().index(timeline.status) + 1
    for found in steps.values():
        opened = [(line, dated) for line, dated, stage in found if stage >= OPENED]
        for line, dated, stage in found:
            earlier = [(n, d) for n, d in opened if last_day(d) < first_day(dated)]
            if stage == STARTED and earlier:
                code = PROJECT_STATUS.codes[[c.stage for c in PROJECT_STATUS.codes].index(stage)].code
                n, d = earlier[0]
                expected = f"a step that comes after line {n}, which has it in service on {d}: not {code!r} later"
                yield Problem(name, line, at, timeline.status, code, expected)


def gaps(dataset: Dataset, months: int, today: date) -> Iterator[str]:
    """One line for each subject with neither a dated row nor a search, and for each whose newest dated row
    is older than `months` before `today`."""
    newest: dict[tuple[str, str], str] = {}
    searched: set[tuple[str, str]] = set()
    subjects: dict[str, str] = {}  # subject column → the table it refers to
    for model in timelines(dataset):
        timeline = model.meta.timeline
        assert timeline
        for c in timeline.subjects:
            subjects[c] = next(fk.resource for fk in model.foreign_keys() if fk.field == c)
        for row in dataset.rows(model.meta.resource):
            about = subject(model, row)
            if about is None:
                continue
            dated = text(getattr(row, timeline.date))
            if timeline.status:
                newest[about] = max(newest.get(about, ""), dated)
            else:
                searched.add(about)
    month = today.year * 12 + today.month - 1 - months  # the month `months` before today's
    limit = f"{month // 12:04d}-{month % 12 + 1:02d}"
    for column, resource in subjects.items():
        for key in dataset.keyed(resource):
            about = (column, key)
            if about not in newest and about not in searched:
                yield f"{resource} {key}: no dated report and no recorded search"
            elif about in newest and newest[about][:7] < limit:
                yield f"{resource} {key}: newest report {newest[about]}, older than {months} months"


def register(sub: argparse._SubParsersAction, run) -> None:
    """The `ledger gaps` subcommand."""
    ledger = sub.add_parser("ledger", help="the implementation ledger: what it lacks")
    gaps_ = ledger.add_subparsers(dest="action", required=True, metavar="ACTION").add_parser(
        "gaps",
        help="list the subjects with neither a report nor a recorded search, and those whose newest report is "
        "older than --months",
    )
    gaps_.add_argument("--months", type=int, default=12, help="how old the newest report may be (default: 12)")
    gaps_.add_argument("--as-of", type=date.fromisoformat, default=None, help="the date to count from (default: today)")
    gaps_.set_defaults(run=run)
