"""Datasette's metadata, generated from the package (itself generated from the models) and schemas/.

Every table, view and column gets its description in both languages; tables get their label
column, default sort and facets (none for a large table: counting its facets would hold up its page); the
views and canned queries come from schemas/statements.toml.
"""

import html
import json
from typing import Any

from plugins.taihang_search import DICTIONARY, EXCEL
from schemas import BY_NAME, PACKAGE
from schemas.statements import QUERIES, VIEWS

from . import release
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
    """The description, with each source linked to its page on the site and a word for Excel users; every
    value is escaped."""
    e = html.escape
    items = "".join(
        f'<li><a href="{e(PACKAGE["site_url"])}sources/{e(s["id"])}/">{e(s["title"])}</a></li>' for s in sources
    )
    workbook = release.names(package["version"])["xlsx"]
    excel = (
        f'<p>Excel: 请下载工作簿 <a href="{e(PACKAGE["site_url"])}downloads/{e(workbook)}">{e(workbook)}</a>'
        f"（每张表一个工作表，附数据字典）；或在任何表或查询页的地址后加 <code>.{EXCEL}</code>，得到 Excel "
        f"能直接打开的 UTF-8 CSV。 Excel users: download the workbook (a sheet per table, with the data "
        f"dictionary), or add <code>.{EXCEL}</code> to the address of any table or query for a CSV that Excel "
        "opens as UTF-8 (the plain <code>.csv</code> has no byte order mark, and Excel on Chinese Windows reads "
        "it as GBK).</p>"
    )
    return f"<p>{e(package['description'])}</p>{excel}<p>Sources 来源:</p><ul>{items}</ul>"


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
    tables[DICTIONARY] = {
        "title": "Search dictionary / 分词词典",
        "description": "jieba 分词时保持完整的词：地区、机构和项目的名称，以及去掉“省市县区”的地名。 The words jieba "
        "keeps whole when it cuts text for search: the names of regions, bodies and projects, and region names "
        "without their generic (阳高 for 阳高县). The Datasette plugin reads it.",
        "columns": {
            "word": "A word of the dictionary. 词。",
            "place": "1 for a region's name, with or without its generic: a longer word that starts with it is "
            "split after it. 是否为地名（1 是）。",
        },
        "hidden": True,
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
