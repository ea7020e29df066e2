"""The data dictionary, in Markdown, generated from datapackage.json (the package is the contract)."""

import json
from typing import Any

from schemas.codes import UNIT

from .layout import Layout
from .package import tabular

DICTIONARY = "docs/data/dictionary.md"


def _constraints(field: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required 必填")
    if c.get("unique"):
        parts.append("unique 唯一")
    if "enum" in c:
        parts.append("one of 取值: " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern `{c['pattern']}`")
    if "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        parts.append(f"≤ {c['maximum']}")
    if "maxLength" in c:
        parts.append(f"≤ {c['maxLength']} chars")
    return "; ".join(parts).replace("|", "\\|")


def _unit(unit: str) -> str:
    """A column's unit: a base unit with its Chinese label (`year` 年), or as declared."""
    return f"`{unit}` {UNIT.label(unit, 'zh')}" if unit in UNIT.values() else unit


def render(package: dict[str, Any]) -> str:
    """The whole dictionary: one section per resource, one row per column."""
    out = [
        "<!-- Generated from datapackage.json by `make build`; do not edit. -->",
        "# 数据字典 Data dictionary",
        "",
        f"数据包 `{package['name']}` 版本 {package['version']}。每个字段的类型、单位、约束和中英文说明均由 "
        "`schemas/` 中的 Pydantic 模型生成。",
        "",
        f"Package `{package['name']}`, version {package['version']}. Every column's type, unit, constraints and "
        "bilingual description are generated from the Pydantic models in `schemas/`.",
        "",
        "English names of regions follow official pinyin (长子 Zhangzi, 繁峙 Fanshi); single-character "
        "county names are written joined with their generic (沁县 Qinxian County), and 城区, 郊区 and 矿区 "
        "carry their city (Chengqu District, Yangquan).",
        "",
        "English names of organizations are the body's own official English where it has one. Otherwise a "
        "plain, consistent rule applies: 厅 is a Department, 委 a Commission, 局 an Administration "
        "(Shanxi Provincial Department of Finance; Shanxi Provincial Health Commission); the Party's "
        "provincial organs are '… Department of the CPC Shanxi Provincial Committee'; provincial offices "
        "of national regulators are 'Shanxi Office of the China … Commission'.",
        "",
    ]
    for resource in tabular(package):
        schema = resource["schema"]
        out += [
            f"## `{resource['name']}` — {resource['title']}",
            "",
            resource["description_zh"],
            "",
            resource["description"],
            "",
            f"- File 文件: `{resource['path']}` ({resource['bytes']:,} bytes)",
            f"- Primary key 主键: `{', '.join(schema['primaryKey'])}`",
        ]
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or resource["name"]
            out.append(f"- Foreign key 外键: `{fk['fields']}` → `{target}.{fk['reference']['fields']}`")
        out += [
            "",
            "| Column 字段 | Type 类型 | Unit 单位 | Constraints 约束 | 说明 | Description |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for f in schema["fields"]:
            cells = [f"`{f['name']}`", f["type"], _unit(f.get("unit", "")), _constraints(f), f["description_zh"]]
            cells.append(f["description"])
            out.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def generated(layout: Layout) -> dict:
    """The dictionary file and its content, from the descriptor on disk."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    return {layout.root / DICTIONARY: render(package).encode("utf-8")}
