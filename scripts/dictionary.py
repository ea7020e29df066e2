"""The data dictionary, in Markdown, generated from datapackage.json (the package is the contract): one page
in Chinese (docs/data/dictionary.md) and one in English (docs/data/dictionary.en.md)."""

import json
import re
from typing import Any

from schemas import BY_NAME
from schemas.codes import UNIT

from .frontmatter import front_matter
from .layout import Layout
from .package import tabular

DICTIONARY = {"zh": "docs/data/dictionary.md", "en": "docs/data/dictionary.en.md"}
# The README's list of the tables, between these markers, from the same descriptor.
README_LIST = re.compile(r"(<!-- resources: [^\n]*-->\n).*?(<!-- /resources -->)", re.S)

WORDS: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "数据字典",
        "description": "数据包每张表、每个字段的类型、单位、约束和说明，由数据模型生成。",
        "intro": "数据包 `{name}` 版本 {version}。每个字段的类型、单位、约束和说明均由 `schemas/` 中的 Pydantic "
        "模型生成。英文名称的写法（地区的拼音、机构的英文名）见英文版数据字典。",
        "file": "文件",
        "bytes": "{n} 字节",
        "primary_key": "主键",
        "foreign_key": "外键",
        "header": ("字段", "类型", "单位", "约束", "说明"),
        "required": "必填",
        "unique": "唯一",
        "one_of": "取值：",
        "pattern": "格式",
        "chars": "≤ {n} 个字符",
        "list": "、",
        "semicolon": "；",
        "types": {"string": "文本", "integer": "整数", "number": "数值", "boolean": "布尔值", "date": "日期"},
        "units": {"line": "行", "given by the column unit": "见 `unit` 列"},
    },
    "en": {
        "title": "Data dictionary",
        "description": "Every table and column of the data package: type, unit, constraints and description, "
        "generated from the data models.",
        "intro": "Package `{name}`, version {version}. Every column's type, unit, constraints and description are "
        "generated from the Pydantic models in `schemas/`.\n\n"
        "English names of regions follow official pinyin (长子 Zhangzi, 繁峙 Fanshi); single-character "
        "county names are written joined with their generic (沁县 Qinxian County), and 城区, 郊区 and 矿区 "
        "carry their city (Chengqu District, Yangquan).\n\n"
        "English names of organizations are the body's own official English where it has one. Otherwise a "
        "plain, consistent rule applies: 厅 is a Department, 委 a Commission, 局 an Administration "
        "(Shanxi Provincial Department of Finance; Shanxi Provincial Health Commission); the Party's "
        "provincial organs are '… Department of the CPC Shanxi Provincial Committee'; provincial offices "
        "of national regulators are 'Shanxi Office of the China … Commission'.",
        "file": "File",
        "bytes": "{n} bytes",
        "primary_key": "Primary key",
        "foreign_key": "Foreign key",
        "header": ("Column", "Type", "Unit", "Constraints", "Description"),
        "required": "required",
        "unique": "unique",
        "one_of": "one of: ",
        "pattern": "pattern",
        "chars": "≤ {n} chars",
        "list": ", ",
        "semicolon": "; ",
        "types": {},
        "units": {},
    },
}
COLON = {"zh": "：", "en": ": "}


def _constraints(field: dict[str, Any], w: dict[str, Any]) -> str:
    c = field.get("constraints", {})
    parts = [w[key] for key in ("required", "unique") if c.get(key)]
    if "enum" in c:
        parts.append(w["one_of"] + w["list"].join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"{w['pattern']} `{c['pattern']}`")
    if "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        parts.append(f"≤ {c['maximum']}")
    if "maxLength" in c:
        parts.append(w["chars"].format(n=c["maxLength"]))
    return w["semicolon"].join(parts).replace("|", "\\|")


def _unit(unit: str, lang: str) -> str:
    """A column's unit: a base unit with its label (`year` 年), or as declared, in the page's language."""
    if unit in UNIT.values():
        return f"`{unit}` {UNIT.label(unit, lang)}" if UNIT.label(unit, lang) != unit else unit
    return WORDS[lang]["units"].get(unit, unit)


def _description(resource: str, field: dict[str, Any], lang: str) -> str:
    """A column's description; the codes it lists, where it has a code table, set as code."""
    text = field["description_zh" if lang == "zh" else "description"]
    table = BY_NAME[resource].codes_of(field["name"])
    if not table or not text.endswith(plain := table.describe(lang)):
        return text
    if lang == "zh":
        listed = "取值：" + "，".join(f"`{c.code}` {c.zh}" for c in table.codes) + "。"
    else:
        shown = [f"`{c.code}`" + ("" if c.en == c.code.replace("_", " ") else f" ({c.en})") for c in table.codes]
        listed = "One of: " + "; ".join(shown) + "."
    return text[: -len(plain)] + listed


def render(package: dict[str, Any], lang: str) -> str:
    """The whole dictionary in a language: one section per resource, one row per column."""
    w, colon = WORDS[lang], COLON[lang]
    out = [
        front_matter(w["description"]).removesuffix("\n"),
        "<!-- Generated from datapackage.json by `make build`; do not edit. -->",
        f"# {w['title']}",
        "",
        w["intro"].format(name=package["name"], version=package["version"]),
        "",
    ]
    for resource in tabular(package):
        schema = resource["schema"]
        size = f"{resource['bytes']:,}" if lang == "en" else str(resource["bytes"])
        out += [
            f"## `{resource['name']}` — {getattr(BY_NAME[resource['name']].meta, f'title_{lang}')}",
            "",
            resource["description_zh" if lang == "zh" else "description"],
            "",
            f"- {w['file']}{colon}`{resource['path']}`{' (' if lang == 'en' else '（'}"
            f"{w['bytes'].format(n=size)}{')' if lang == 'en' else '）'}",
            f"- {w['primary_key']}{colon}`{', '.join(schema['primaryKey'])}`",
        ]
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or resource["name"]
            out.append(f"- {w['foreign_key']}{colon}`{fk['fields']}` → `{target}.{fk['reference']['fields']}`")
        out += ["", "| " + " | ".join(w["header"]) + " |", "|" + " --- |" * len(w["header"])]
        for f in schema["fields"]:
            kind = w["types"].get(f["type"], f["type"])
            cells = [f"`{f['name']}`", kind, _unit(f.get("unit", ""), lang), _constraints(f, w)]
            cells.append(_description(resource["name"], f, lang))
            out.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def generated(layout: Layout) -> dict:
    """The dictionary files and the README with its list of tables, from the descriptor on disk."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    files = {layout.root / path: render(package, lang).encode("utf-8") for lang, path in DICTIONARY.items()}
    readme = layout.root / "README.md"
    if readme.is_file():  # a copy of the package alone has none
        files[readme] = readme_list(readme.read_text(encoding="utf-8"), package).encode("utf-8")
    return files


def readme_list(readme: str, package: dict[str, Any]) -> str:
    """The README with its list of the package's tables renewed: name, key and the model's description."""
    rows = ["| Resource | Key | What a row is |", "| --- | --- | --- |"]
    for r in tabular(package):
        key = ", ".join(f"`{k}`" for k in r["schema"]["primaryKey"])
        rows.append(f"| `{r['name']}` | {key} | {r['description']} |")
    return README_LIST.sub(lambda m: m[1] + "\n".join(rows) + "\n" + m[2], readme, count=1)
