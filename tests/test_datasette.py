"""The database and Datasette, in-process: canned queries, the JSON and CSV APIs, labels, search and limits."""

import asyncio
import json
import sqlite3
from urllib.parse import quote

import pytest

from schemas.statements import QUERIES
from scripts import database
from scripts.layout import ROOT, Layout
from scripts.reader import load, sha256
from scripts.serve import datasette
from tests.defects import data_rows, old_area_codes


@pytest.fixture(scope="module")
def db_path(built):
    return built.database


@pytest.fixture(scope="module")
def client(built):
    ds = datasette(built)

    def get(path: str):
        return asyncio.run(ds.client.get(path))

    return get


def rows(client, path: str) -> list[dict]:
    response = client(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response.json()


# What each canned query returns for its example parameters.
EXPECTED = {
    "aid_received_by_county": lambda r: (
        {"中华全国总工会", "山西省文物局"} <= {x["body_zh"] for x in r}
        and any(x["figure_text"] == "4586万余元" for x in r)
    ),
    "what_a_body_leads": lambda r: (
        [(x["number"], x["role"]) for x in r if x["role"] == "lead"] == [(3, "lead"), (4, "lead")]
    ),
    "figures_by_metric": lambda r: {x["region_code"] for x in r} == {"140425", "140427", "140429"},
    "county_timeline": lambda r: r[0]["date"] == "1986" and any(x["date"] == "2017" for x in r),
    "search_everything": lambda r: ("organizations", "acftu") in {(x["resource"], x["key"]) for x in r},
    "projects_in_city": lambda r: (
        "huguan-baquanxia-water-supply" in {x["project_id"] for x in r}
        and "jincheng-civil-airport" not in {x["project_id"] for x in r}
    ),
    "targets_due_by": lambda r: (
        len(r) == sum(t["target_year"] == "2025" for t in data_rows("policy_targets"))
        and {x["target_year"] for x in r} == {2025}
    ),
    "figures_from_source": lambda r: any(x["figure_text"] == "70亿亿元" and x["reading"] == "70亿元" for x in r),
    "old_area_counties": lambda r: sorted(x["code"] for x in r) == sorted(old_area_codes()),
    # the ledger's queries, against the data: the example project's reports, oldest first
    "project_timeline": lambda r: (
        [x["as_of"] for x in r]
        == sorted(u["as_of"] for u in data_rows("project_updates") if u["project_id"] == "xiongan-xinzhou-hsr")
        and len(r) > 0
    ),
    "ledger_since": lambda r: (
        len(r) == sum(u["as_of"] >= "2025-01-01" for u in data_rows("project_updates"))
        and all(x["as_of"] >= "2025-01-01" for x in r)
    ),
    "projects_without_report_since": lambda r: (
        {x["project_id"] for x in r}
        == {p["id"] for p in data_rows("projects")}
        - {u["project_id"] for u in data_rows("project_updates") if u["as_of"] >= "2024-01-01"}
    ),
}


def test_there_are_at_least_eight_canned_queries_and_each_is_checked():
    assert len(QUERIES) >= 8
    assert set(EXPECTED) == {q.name for q in QUERIES}
    assert sum(1 for q in QUERIES if q.example) >= 6


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_canned_query_returns_the_expected_rows(client, query):
    params = "&".join(f"{k}={v}" for k, v in query.example.items())
    result = rows(client, f"/taihang/{query.name}.json?_shape=array&{params}")
    assert result and EXPECTED[query.name](result), result[:3]


def test_json_api_and_csv_export_of_a_table(client, table):
    regions = rows(client, "/taihang/regions.json?_shape=array&_size=max")
    assert len(regions) == len(table("regions"))
    response = client("/taihang/regions.csv?_size=max")
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[0].startswith("code,name_zh,qualified_name_zh,name_en")
    assert any(line.startswith("140427,壶关县,") for line in lines)


def test_foreign_keys_expand_to_labels(client):
    [row] = rows(client, "/taihang/observations.json?_shape=array&_labels=on&id=nrta-aid-free-funds-invested")
    assert row["region_code"] == {"value": "140425", "label": "长治市平顺县"}
    assert row["organization_id"] == {"value": "nrta", "label": "国家广播电视总局"}
    assert row["metric_id"]["label"] == "直接投入无偿帮扶资金"


@pytest.mark.parametrize(
    ("term", "resource", "key"),
    [
        ("光伏", "metrics", "pv-industry-output"),
        ("光伏", "metrics", "village-pv-stations"),
        ("总工会", "organizations", "acftu"),
        ("壶关", "regions", "140427"),
        ("乡村振兴", "policy_measures", "jinzhengfa-2021-36-17"),
        ("rural revitalization", "policy_measures", "jinzhengfa-2021-36-17"),
    ],
)
def test_search_finds_its_row(client, term, resource, key):
    found = rows(client, f"/taihang/search_everything.json?_shape=array&q={term}")
    assert (resource, key) in {(r["resource"], r["key"]) for r in found}, [(r["resource"], r["key"]) for r in found][
        :10
    ]


@pytest.mark.parametrize(
    ("table", "term", "column", "expected"),
    [
        ("organizations", "总工会", "id", "acftu"),
        ("regions", "壶关", "code", "140427"),
        ("metrics", "光伏", "id", "pv-glass-market-share"),
        ("policy_measures", "rural revitalization", "number", 17),
    ],
)
def test_table_search_uses_the_segmented_index(client, table, term, column, expected):
    found = rows(client, f"/taihang/{table}.json?_shape=array&_search={term}")
    assert expected in {r[column] for r in found}


def test_a_write_is_refused(client):
    response = client("/taihang.json?sql=delete+from+sources")
    assert response.status_code == 400
    assert "Statement must be a SELECT" in response.text
    assert len(rows(client, "/taihang/sources.json?_shape=array&_size=max")) == len(data_rows("sources"))


def test_a_runaway_query_is_cut_off_and_the_server_keeps_answering(client):
    runaway = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = client(f"/taihang.json?sql={quote(runaway)}")
    assert response.status_code == 400
    assert "SQL query took too long" in response.text
    assert rows(client, "/taihang/sources.json?_shape=array")


@pytest.mark.parametrize(
    "path",
    ["/taihang/regions.json?_size=abc", "/taihang/regions.json?_shape=nonsense", "/taihang/regions.json?_facet=nope"],
)
def test_a_malformed_parameter_gets_an_error_not_a_crash(client, path):
    response = client(path)
    assert response.status_code == 400
    assert response.json()["ok"] is False


def test_every_table_view_and_column_is_described(built, db_path):
    metadata = json.loads(built.datasette_metadata.read_text(encoding="utf-8"))
    tables = metadata["databases"]["taihang"]["tables"]
    with sqlite3.connect(db_path) as conn:
        objects = conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        shadow = ("_data", "_idx", "_content", "_docsize", "_config")
        for (name,) in objects:
            if name.endswith(shadow):
                continue
            assert tables.get(name, {}).get("description"), f"{name} has no description"
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            missing = [c for c in columns if not tables[name].get("columns", {}).get(c)]
            assert not missing, f"{name}: undocumented columns {missing}"


def test_columns_are_typed_and_keys_declared(db_path):
    with sqlite3.connect(db_path) as conn:
        types = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(observations)")}
        assert (types["value"], types["locator"], types["figure_text"]) == ("REAL", "INTEGER", "TEXT")
        fks = {row[3]: row[2] for row in conn.execute("PRAGMA foreign_key_list(observations)")}
        assert fks == {
            "metric_id": "metrics",
            "region_code": "regions",
            "organization_id": "organizations",
            "source_id": "sources",
            "erratum_id": "errata",
            "note": "translations",
        }
        indexed = {row[1] for row in conn.execute("PRAGMA index_list(observations)")}
        assert {"idx_observations_metric_id", "idx_observations_region_code"} <= indexed
        views = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        assert views == {"county_profiles", "aid_outcomes", "measure_leads", "projects_by_region"}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "observations_labelled" in tables  # materialized: built with the database


def test_a_materialized_view_holds_the_rows_of_its_query(db_path):
    """observations_labelled is a table; its rows, in order, are what the view's SQL returns."""
    from schemas.statements import VIEWS

    [view] = [v for v in VIEWS if v.materialized]
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute(f'SELECT * FROM "{view.name}" ORDER BY rowid').fetchall()
        assert stored == conn.execute(view.sql).fetchall()
        assert len(stored) == conn.execute("SELECT count(*) FROM observations").fetchone()[0]
        indexed = {row[1] for row in conn.execute(f'PRAGMA index_list("{view.name}")')}
        assert {f"idx_{view.name}_metric_id", f"idx_{view.name}_source_id_locator_id"} <= indexed


def test_table_pages_use_counts_made_once(built):
    """Datasette is handed each table's row count (the database is immutable): a table page counts nothing."""
    from scripts.serve import counts

    tables = counts(built)["taihang"]["tables"]
    with sqlite3.connect(built.database) as conn:
        assert tables["observations"]["count"] == conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    ds = datasette(built)
    assert ds.databases["taihang"].cached_table_counts["observations_labelled"] == tables["observations"]["count"]


def test_a_large_table_has_no_default_facets(built, monkeypatch):
    """Facets count every row of a table at each request: above a size, a table's page shows none (the declared
    ones stay for the small tables); seeded: the real observations, with the size lowered below theirs."""
    from scripts import metadata

    assert metadata.generate(built, load(built))["databases"]["taihang"]["tables"]["observations"]["facets"]
    monkeypatch.setattr(metadata, "FACETED_BYTES", 10_000)
    tables = metadata.generate(built, load(built))["databases"]["taihang"]["tables"]
    assert tables["observations"]["facets"] == []
    assert tables["regions"]["facets"] == ["level", "kind_zh", "parent_code"]


def test_the_database_build_is_deterministic_and_atomic(tmp_path, db_path, edit_row):
    import shutil

    for part in ("data", "plugins"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    copy = Layout(tmp_path)
    first = database.build(copy).read_bytes()
    assert database.build(copy).read_bytes() == first == db_path.read_bytes()
    edit_row(copy.csv("observations"), "nrta-aid-free-funds-invested", {"metric_id": "nope"})
    package = json.loads(copy.descriptor.read_text(encoding="utf-8"))  # recorded as current: only SQLite sees it
    for resource in package["resources"]:
        resource["hash"] = "sha256:" + sha256(copy.root / resource["path"])
    copy.descriptor.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(sqlite3.IntegrityError, match="foreign keys that do not resolve"):
        database.build(copy)
    assert copy.database.read_bytes() == first
    assert not list(copy.database.parent.glob("*.tmp"))


def test_readme_examples_give_the_results_shown(db_path):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```sql\n([^`]*)```\n\n((?:\|.*\n)+)", readme)
    assert len(examples) >= 3
    with sqlite3.connect(db_path) as conn:
        for sql, table in examples:
            lines = table.strip().splitlines()
            expected = [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]
            cursor = conn.execute(sql)
            assert [d[0] for d in cursor.description] == [c.strip() for c in lines[0].strip("|").split("|")]
            shown = [[_shown(v) for v in row] for row in cursor.fetchall()]
            assert shown == expected, sql


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def test_readme_documents_every_view_and_canned_query():
    from schemas.statements import VIEWS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in [v.name for v in VIEWS] + [q.name for q in QUERIES]:
        assert f"| `{name}` |" in readme, name


@pytest.mark.parametrize(
    ("table", "query"),
    [
        ("projects", "railways"),  # English plural: stemmed with Porter
        ("search_index", "photovoltaics"),
        ("sources", "脱贫"),  # a title printed only in traditional script (脫貧), found in simplified
        ("sources", "脫貧"),  # and in traditional
    ],
)
def test_full_text_search_finds_plurals_and_either_script(db_path, table, query):
    fts = table if table == "search_index" else f"{table}_fts"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", [query]).fetchone()[0] > 0


def test_without_stemming_or_simplified_text_those_searches_fail(tmp_path):
    """Seeded defect: the index as it was (unicode61, traditional text only) misses both queries."""
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
        conn.execute("INSERT INTO t VALUES ('Changzhi railway 脫貧 攻堅')")
        assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'railways'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM t WHERE t MATCH '脱贫'").fetchone()[0] == 0


@pytest.mark.parametrize("year", ["abc", "2025.9", "25", ""])
def test_a_malformed_year_is_explained_not_silently_empty(client, year):
    found = rows(client, f"/taihang/targets_due_by.json?_shape=array&year={year}")
    assert [r["text_en"] for r in found] == ["The year must be four digits, such as 2025"]
    assert found[0]["text_zh"] == "年份应写作四位数字，如 2025"


def test_search_everything_says_how_many_match_and_pages(client):
    first = rows(client, "/taihang/search_everything.json?_shape=array&q=帮扶")
    total = first[0]["matches"]
    assert all(r["matches"] == total for r in first) and len(first) == min(total, 100)
    following = rows(client, "/taihang/search_everything.json?_shape=array&q=帮扶&page=2")
    assert len(following) == min(max(total - 100, 0), 100)
    assert not {(r["resource"], r["key"]) for r in first} & {(r["resource"], r["key"]) for r in following}


def test_the_json_api_allows_cross_origin_requests(client):
    response = client("/taihang/regions.json?_shape=array&_size=1")
    assert response.headers.get("access-control-allow-origin") == "*"


def _search_index_of(n: int) -> sqlite3.Connection:
    """A search index of n rows that all hold one word, and the query function as identity."""
    db = sqlite3.connect(":memory:")
    db.create_function("segment_query", 1, lambda q: q, deterministic=True)
    db.execute("CREATE VIRTUAL TABLE search_index USING fts5(resource UNINDEXED, key UNINDEXED, label UNINDEXED, text)")
    db.executemany("INSERT INTO search_index VALUES ('t', ?, ?, ?)", ((i, i, f"word {i}") for i in range(n)))
    return db


@pytest.mark.parametrize(("n", "matches", "ranked"), [(150, 150, 1), (10_000, 10_000, 1), (10_500, 10_001, 0)])
def test_search_everything_ranks_only_under_its_cap(n, matches, ranked):
    """Over 10,000 matches, ranking them all would pass the time limit: the page is unranked and says so."""
    [query] = [q for q in QUERIES if q.name == "search_everything"]
    found = _search_index_of(n).execute(query.sql, {"q": "word", "page": "2"}).fetchall()
    assert len(found) == min(100, n - 100)  # the second page
    assert {(row[4], row[5]) for row in found} == {(matches, ranked)}


def test_datasette_prints_no_rich_traceback_once_started(built):
    """The plugin turns off the rich traceback (with local variables) of Datasette's exception handler when
    Datasette starts, not when the plugin is imported (the build imports it for its names)."""
    from datasette.plugins import pm

    handler = pm.get_plugin("datasette.handle_exception")
    handler.rich = "a rich module"  # seeded: as if rich were installed
    ds = datasette(built)
    assert handler.rich == "a rich module"  # not yet started
    asyncio.run(ds.invoke_startup())
    assert handler.rich is None
