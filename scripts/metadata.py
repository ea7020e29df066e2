"""Datasette's metadata, generated from the package (itself generated from the models) and schemas/.

Every table, view and column gets its description in both languages; tables get their label
column, default sort and facets (none for a large table: counting its facets would hold up its page); the
views and canned queries come from schemas/statements.toml.
"""

import html
import json
from typing import Any

from schemas import BY_NAME, PACKAGE
from schemas.statements import QUERIES, VIEWS

from .database import searchable
from .layout import Layout
from .package import render, source_title, tabular
from .reader import Dataset

DATABASE = "taihang"
FACETED_BYTES = 4_000_000  # a table's page shows its declared facets up to this size of file (about 50,000 rows)
SEARCH_INDEX_COLUMNS = {
    "resource": "Table the row comes from. 所在表。",
    "key": "Primary key of the row (parts joined by commas). 行的主键。",
    "label": "The row's name or title. 行的名称或标题。",
    "text": "The row's free text, segmented into words with jieba. 经 jieba 分词的全文。",
}


def _column(field: dict[str, Any]) -> str:
    unit = f" Unit: {field['unit']}." if "unit" in field else ""
    return f"{field['description']} {field['description_zh']}{unit}"


def _table(resource: dict[str, Any]) -> dict[str, Any]:
    meta = BY_NAME[resource["name"]].meta
    table: dict[str, Any] = {
        "title": resource["title"],
        "description": f"{meta.description_zh} {meta.description_en}",
        "columns": {f["name"]: _column(f) for f in resource["schema"]["fields"]},
    }
    if meta.label_column:
        table["label_column"] = meta.label_column
    if meta.sort:
        table["sort"] = meta.sort
    if meta.facets and resource["bytes"] <= FACETED_BYTES:
        table["facets"] = list(meta.facets)
    elif meta.facets:  # each facet would count every row of the page's table at each request
        table["facets"] = []
    if any(searchable(f) for f in resource["schema"]["fields"]):
        table["fts_table"] = f"{resource['name']}_fts"
    return table


def _fts_table(resource: dict[str, Any]) -> dict[str, Any]:
    fields = [f for f in resource["schema"]["fields"] if searchable(f)]
    return {
        "description": f"{resource['name']} 的全文索引（jieba 分词）。 Full-text index of {resource['name']}, "
        "with Chinese segmented by jieba; rowids match the table's.",
        "columns": {f["name"]: "Segmented text of the column. 分词后的文本。" for f in fields},
        "hidden": True,
    }


def _sources_html(package: dict[str, Any], sources: list[dict[str, str]]) -> str:
    """The description, with each source linked to its page on the site; every value is escaped."""
    e = html.escape
    items = "".join(
        f'<li><a href="{e(PACKAGE["site_url"])}sources/{e(s["id"])}/">{e(s["title"])}</a></li>' for s in sources
    )
    return f"<p>{e(package['description'])}</p><p>Sources 来源:</p><ul>{items}</ul>"


def generate(layout: Layout, dataset: Dataset) -> dict[str, Any]:
    """The whole metadata document."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    sources = [{"id": s.id, "title": source_title(s)} for s in dataset.rows("sources")]
    tables = {r["name"]: _table(r) for r in tabular(package)}
    for resource in tabular(package):
        if any(searchable(f) for f in resource["schema"]["fields"]):
            tables[f"{resource['name']}_fts"] = _fts_table(resource)
    tables["search_index"] = {
        "title": "Search index / 全文索引",
        "description": "所有表的全文索引，供“全文搜索”查询使用。 One full-text index over every table, used by the "
        "search_everything query.",
        "columns": SEARCH_INDEX_COLUMNS,
    }
    for view in VIEWS:
        tables[view.name] = {
            "title": f"{view.title_en} / {view.title_zh}",
            "description": f"{view.description_zh} {view.description_en}",
            "columns": {name: f"{en} {zh}" for name, (zh, en) in view.describe().items()},
        }
        if view.label_column:
            tables[view.name]["label_column"] = view.label_column
    queries = {
        q.name: {
            "title": f"{q.title_zh} / {q.title_en}",
            "description": f"{q.description_zh} {q.description_en}",
            "sql": q.sql.strip(),
        }
        for q in QUERIES
    }
    license_ = package["licenses"][0]
    return {
        "title": package["title"],
        "description_html": _sources_html(package, sources),
        "license": license_["name"],
        "license_url": license_["path"],
        "source": "Taihang Old Area Open Data (GitHub)",
        "source_url": package["homepage"],
        "databases": {
            DATABASE: {
                "description": f"{package['title']}, version {package['version']}.",
                "tables": tables,
                "queries": queries,
            }
        },
    }


def generated(layout: Layout, dataset: Dataset) -> dict:
    return {layout.datasette_metadata: render(generate(layout, dataset))}
