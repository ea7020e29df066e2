"""Read-only access to build/taihang.db for the site: one connection, rows by key, featured figures."""

import sqlite3
from functools import cache
from pathlib import Path

from schemas import BY_NAME

from ..problems import Stop

Row = sqlite3.Row


class Data:
    """The database, opened read-only once; the small tables every page links to, keyed."""

    def __init__(self, database: Path):
        if not database.exists():
            raise Stop(f"{database} is missing: run `python -m scripts database`, then `python -m scripts release`")
        self.name = database.stem  # the name Datasette serves it under
        self.db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        self.db.row_factory = sqlite3.Row
        self.regions = self.keyed("regions")
        self.orgs = self.keyed("organizations")
        self.sources = self.keyed("sources")
        self.metrics = self.keyed("metrics")
        self.policies = self.keyed("policies")
        self.measures = {m["id"]: m for m in self.rows("SELECT * FROM policy_measures ORDER BY number")}
        self.row = cache(self._row)
        self.renderings = {r["text_en"]: r["text_zh"] for r in self.rows("SELECT * FROM translations")}
        self.local_names = self._local_names()

    def _local_names(self) -> tuple[str, ...]:
        """The Chinese names of the cities, counties and districts, and each without its generic (长治市, 长治)."""
        names = {r["name_zh"] for r in self.regions.values() if r["level"] not in ("province", "country")}
        return tuple(sorted(names | {n[:-1] for n in names if len(n) > 2 and n[-1] in "市县区"}))

    def rows(self, sql: str, *params: object) -> list[Row]:
        return self.db.execute(sql, params).fetchall()

    def keyed(self, resource: str) -> dict[str, Row]:
        """Every row of a table with a one-column key, by that key, in table order."""
        [key] = BY_NAME[resource].meta.primary_key
        return {row[key]: row for row in self.rows(f'SELECT * FROM "{resource}" ORDER BY rowid')}

    def _row(self, resource: str, key: str) -> Row:
        """One row of a table with a one-column key."""
        [column] = BY_NAME[resource].meta.primary_key
        return self.rows(f'SELECT * FROM "{resource}" WHERE "{column}" = ?', key)[0]

    def featured(self, feature: str) -> list[Row]:
        """The observations that a feature of the site shows, in its order."""
        return self.rows(
            "SELECT o.* FROM featured_figures f JOIN observations o ON o.id = f.observation_id "
            "WHERE f.feature = ? ORDER BY f.position, o.id",
            feature,
        )

    def timeline(self) -> list[Row]:
        """The events the aid history's timeline shows, by date."""
        return self.rows("SELECT * FROM events WHERE aid_history ORDER BY date, id")

    def designations(self) -> dict[str, list[Row]]:
        """Every designation, by its code, each row with the level of its region, in the order of the source."""
        by_kind: dict[str, list[Row]] = {}
        for row in self.rows(
            "SELECT d.*, r.level FROM designations d JOIN regions r ON r.code = d.region_code "
            "ORDER BY d.designation, d.source_id, d.locator, d.region_code"
        ):
            by_kind.setdefault(row["designation"], []).append(row)
        return by_kind

    def aid_received(self, code: str) -> list[Row]:
        """The bodies paired with a region, and the groups of bodies that aided a list of counties naming it
        (a group's row is its city's, with the counties as printed: 平顺、壶关、武乡、沁县)."""
        r = self.regions[code]
        name = r["name_zh"]
        short = name[:-1] if len(name) > 2 and name[-1] in "县区市" else name
        return self.rows(
            "SELECT * FROM aid_assignments WHERE region_code = ? "
            "OR (counties_zh IS NOT NULL AND region_code = ? AND instr(counties_zh, ?) > 0) ORDER BY start_year, id",
            code,
            r["parent_code"] or "",
            short,
        )

    def measure_policies(self, where: str = "1 = 1", *params: object) -> list[str]:
        """The policies whose measures a condition on measure_responsibilities (alias r) selects."""
        return [
            row[0]
            for row in self.rows(
                "SELECT DISTINCT m.policy_id FROM policy_measures m LEFT JOIN measure_responsibilities r "
                f"ON r.measure_id = m.id WHERE {where} ORDER BY m.policy_id",
                *params,
            )
        ]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Data":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
