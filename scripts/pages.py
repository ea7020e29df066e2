"""The site's generated pages and fragments, in Chinese and English, read from build/taihang.db.

One page per region, organization, measure and source, an index of each, and the fragments that the
narrative pages include (tables, charts, the map, downloads, JSON-LD). Every value from the data is
escaped with markup.esc. Nothing here is hand-written data: change the CSVs, and the pages follow.
"""

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

from schemas import BY_NAME, PACKAGE

from .layout import Layout
from .markup import esc, link, number, table

LANGS = ("zh", "en")
T = {
    "aid": ("帮扶", "Aid received"),
    "aid_given": ("提供的帮扶", "Aid given"),
    "body": ("帮扶单位", "Helping body"),
    "program": ("类型", "Programme"),
    "pairing": ("结对依据", "Pairing"),
    "years": ("年份", "Years"),
    "status": ("状态", "Status"),
    "source": ("出处", "Source"),
    "figures": ("数字", "Figures"),
    "metric": ("指标", "Metric"),
    "printed": ("原文写法", "As printed"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "qualifier": ("限定", "Qualifier"),
    "period": ("期间或截至", "Period or as of"),
    "place": ("地点", "Place"),
    "projects": ("项目", "Projects"),
    "project": ("项目", "Project"),
    "category": ("类别", "Category"),
    "action": ("原文动作", "Action as worded"),
    "events": ("大事记", "Events"),
    "date": ("日期", "Date"),
    "event": ("事件", "Event"),
    "children": ("下辖地区", "Regions within"),
    "region": ("地区", "Region"),
    "city": ("所属市", "City"),
    "old_area": ("太行革命老区", "Taihang old area"),
    "yes_by": ("是，依据", "Yes, designated by"),
    "no": ("否", "No"),
    "level": ("层级", "Level"),
    "kind": ("类型", "Kind"),
    "successor": ("后继机构", "Became"),
    "predecessors": ("前身", "Formerly"),
    "other_names": ("其他写法", "Other forms printed"),
    "measures_led": ("在晋政发〔2021〕36号中的责任", "Responsibilities in 晋政发〔2021〕36号"),
    "measure": ("条目", "Measure"),
    "role": ("角色", "Role"),
    "lead": ("牵头", "lead"),
    "responsible": ("按职责分工负责", "responsible"),
    "section": ("所属部分", "Section"),
    "summary": ("摘要（本项目撰写）", "Summary (in our words)"),
    "bodies": ("责任单位", "Bodies responsible"),
    "targets": ("目标", "Targets"),
    "target": ("目标", "Target"),
    "year": ("年份", "Year"),
    "cited": ("引用的行", "Lines cited"),
    "line": ("行", "Line"),
    "rows": ("本数据集中的记录", "Rows in this dataset"),
    "errata": ("勘误", "Errata"),
    "as_printed": ("原文所印", "As printed"),
    "reading": ("采用的读法", "Our reading"),
    "reason": ("理由", "Why"),
    "publisher": ("发布者", "Publisher"),
    "published": ("日期", "Date"),
    "inferred": ("（推断）", " (inferred)"),
    "language": ("语言", "Language"),
    "archive": ("存档文件", "Archived file"),
    "none": ("（无）", "(none)"),
    "name": ("名称", "Name"),
    "count": ("数量", "Count"),
}
UNITS = {
    "yuan": ("元", "yuan"),
    "yuan_per_person": ("元/人", "yuan per person"),
    "yuan_per_household": ("元/户", "yuan per household"),
    "person": ("人", "persons"),
    "person_time": ("人次", "person-times"),
    "household": ("户", "households"),
    "mu": ("亩", "mu"),
    "hectare": ("公顷", "hectares"),
    "km": ("公里", "km"),
    "square_km": ("平方公里", "km²"),
    "tonne": ("吨", "tonnes"),
    "percent": ("%", "%"),
    "percentage_point": ("个百分点", "percentage points"),
    "count": ("个", ""),
    "rank": ("位次", "rank"),
    "hour": ("小时", "hours"),
    "year": ("年", "years"),
}
PROGRAMS = {
    "central_designated_aid": ("中央定点帮扶", "central designated aid"),
    "provincial_designated_aid": ("省直定点帮扶", "provincial designated aid"),
    "village_resident_team": ("驻村工作队", "village-resident team"),
    "social_aid": ("社会组织帮扶", "aid by social organizations"),
}
STATUS = {"ongoing": ("至今", "ongoing"), "ended": ("已结束", "ended"), "unknown": ("未说明", "not stated")}
QUALIFIERS = {
    "exact": ("", ""),
    "more_than": ("余/多", "more than"),
    "about": ("约", "about"),
    "at_least": ("以上", "at least"),
}


def t(key: str, lang: str) -> str:
    return T[key][LANGS.index(lang)]


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[LANGS.index(lang)]


def suffix(lang: str) -> str:
    """The file suffix of a language in the docs tree: page.md (Chinese), page.en.md (English)."""
    return "" if lang == "zh" else f".{lang}"


class Site:
    """Reads the database once and writes every generated page and fragment."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.db = sqlite3.connect(f"file:{layout.database}?mode=ro", uri=True)
        self.db.row_factory = sqlite3.Row
        self.regions = self._keyed("SELECT * FROM regions", "code")
        self.orgs = self._keyed("SELECT * FROM organizations", "id")
        self.sources = self._keyed("SELECT * FROM sources", "id")
        self.metrics = self._keyed("SELECT * FROM metrics", "id")
        self.measures = self._keyed("SELECT * FROM policy_measures ORDER BY number", "id")
        self.lang = "zh"  # the language being written; cite() names sources in it

    def _keyed(self, sql: str, key: str) -> dict[str, sqlite3.Row]:
        return {row[key]: row for row in self.db.execute(sql)}

    def rows(self, sql: str, *params) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    # --- shared pieces -------------------------------------------------------------------------

    def name(self, row: sqlite3.Row, lang: str, zh: str = "name_zh", en: str = "name_en") -> str:
        return row[zh] if lang == "zh" else row[en]

    def region_link(self, code: str, lang: str, up: str = "../") -> str:
        region = self.regions[code]
        label = region["qualified_name_zh"] if lang == "zh" else region["name_en"]
        return link(label, f"{up}regions/{code}.md")

    def org_link(self, oid: str, lang: str, up: str = "../") -> str:
        return link(self.name(self.orgs[oid], lang), f"{up}organizations/{oid}.md")

    def measure_link(self, mid: str, lang: str, up: str = "../") -> str:
        m = self.measures[mid]
        return link(f"({m['number']}) {self.name(m, lang, 'title_zh', 'title_en')}", f"{up}measures/{mid}.md")

    def cite(self, source_id: str, locator: int, up: str = "../", lang: str | None = None) -> str:
        """A link to the cited line on the source's page, named by publisher, date and line."""
        s = self.sources[source_id]
        lang = lang or self.lang
        label = (
            f"{s['publisher_zh']} {s['published']} 第{locator}行"
            if lang == "zh"
            else f"{s['publisher_en']}, {s['published']}, line {locator}"
        )
        return link(label, f"{up}sources/{source_id}.md#L{locator}")

    def figure_rows(self, where: str, params: tuple, lang: str, up: str = "../", with_region: bool = False):
        rows = self.rows(
            f"SELECT * FROM observations WHERE {where} ORDER BY source_id, locator, id",
            *params,
        )
        out = []
        for o in rows:
            period = " – ".join(p for p in (o["period_start"], o["period_end"]) if p) if o["period_start"] else ""
            if o["as_of"]:
                period = (period + " " if period else "") + ("截至 " if lang == "zh" else "as of ") + o["as_of"]
            cells = [
                esc(self.name(self.metrics[o["metric_id"]], lang)),
                esc(o["figure_text"]),
                number(o["value"]),
                esc(pick(UNITS[o["unit"]], lang)),
                esc(pick(QUALIFIERS[o["qualifier"]], lang)),
                esc(period),
                esc(o["place_zh"]),
                self.cite(o["source_id"], o["locator"], up),
            ]
            if with_region:
                cells.insert(0, self.region_link(o["region_code"], lang, up))
            out.append(cells)
        header = [t(k, lang) for k in ("metric", "printed", "value", "unit", "qualifier", "period", "place", "source")]
        if with_region:
            header.insert(0, t("region", lang))
        return table(header, out)

    def assignment_rows(self, rows: list[sqlite3.Row], lang: str, by: str) -> str:
        out = []
        for a in rows:
            years = "–".join(str(y) for y in (a["start_year"], a["end_year"]) if y) or ""
            pairing = a["pairing"] if lang == "en" else {"stated": "原文写明", "group": "成组"}[a["pairing"]]
            if a["counties_zh"]:
                pairing += f"（{esc(a['counties_zh'])}）"
            first = (
                self.org_link(a["organization_id"], lang) if by == "body" else self.region_link(a["region_code"], lang)
            )
            out.append(
                [
                    first,
                    esc(pick(PROGRAMS[a["program"]], lang)),
                    pairing,
                    years,
                    esc(pick(STATUS[a["status"]], lang)),
                    self.cite(a["source_id"], a["locator"]),
                ]
            )
        header = [t("body" if by == "body" else "region", lang)] + [
            t(k, lang) for k in ("program", "pairing", "years", "status", "source")
        ]
        return table(header, out)

    # --- pages -----------------------------------------------------------------------------------

    def region_page(self, code: str, lang: str) -> str:
        r = self.regions[code]
        title = r["qualified_name_zh"] if lang == "zh" else r["name_en"]
        other = r["name_en"] if lang == "zh" else r["qualified_name_zh"]
        out = [f"# {esc(title)}", "", f"{esc(other)} · GB/T 2260 `{code}`", ""]
        if r["parent_code"]:
            out.append(f"- {t('city', lang)}: {self.region_link(r['parent_code'], lang)}")
        designation = self.rows("SELECT * FROM designations WHERE region_code = ?", code)
        if r["level"] == "county":
            old = (
                f"{t('yes_by', lang)} {link('晋政发〔2021〕36号', '../measures/index.md')} "
                f"({self.cite(designation[0]['source_id'], designation[0]['locator'])})"
                if designation
                else t("no", lang)
            )
            out.append(f"- {t('old_area', lang)}: {old}")
        if r["note"]:
            out.append(f"- {esc(r['note'])}")
        out.append("")
        short = r["name_zh"][:-1] if len(r["name_zh"]) > 2 and r["name_zh"][-1] in "县区市" else r["name_zh"]
        assignments = self.rows(
            "SELECT * FROM aid_assignments WHERE region_code = ? "
            "OR (pairing = 'group' AND region_code = ? AND instr(counties_zh, ?) > 0) ORDER BY start_year, id",
            code,
            r["parent_code"] or "",
            short,
        )
        sections = [
            ("aid", self.assignment_rows(assignments, lang, "body")),
            ("figures", self.figure_rows("region_code = ?", (code,), lang)),
            ("projects", self._projects(code, lang)),
            ("events", self._events("region_code = ?", (code,), lang)),
            ("children", self._children(code, lang)),
        ]
        for key, body in sections:
            if body:
                out += [f"## {t(key, lang)}", "", body]
        return "\n".join(out)

    def _projects(self, code: str, lang: str) -> str:
        rows = self.rows(
            "SELECT p.*, pr.basis FROM project_regions pr JOIN projects p ON p.id = pr.project_id "
            "WHERE pr.region_code = ? ORDER BY p.measure_id, p.id",
            code,
        )
        return table(
            [t(k, lang) for k in ("project", "category", "action", "measure", "source")],
            [
                [
                    esc(self.name(p, lang)),
                    esc(p["category"]),
                    esc(p["action_zh"]),
                    self.measure_link(p["measure_id"], lang),
                    self.cite(p["source_id"], p["locator"]),
                ]
                for p in rows
            ],
        )

    def _events(self, where: str, params: tuple, lang: str, up: str = "../") -> str:
        rows = self.rows(f"SELECT * FROM events WHERE {where} ORDER BY date, id", *params)
        return table(
            [t(k, lang) for k in ("date", "event", "source")],
            [
                [
                    esc(e["date"]),
                    esc(self.name(e, lang, "title_zh", "title_en")),
                    self.cite(e["source_id"], e["locator"], up),
                ]
                for e in rows
            ],
        )

    def _children(self, code: str, lang: str) -> str:
        children = [c for c in self.regions.values() if c["parent_code"] == code]
        return "\n".join(f"- {self.region_link(c['code'], lang)}" for c in children) + ("\n" if children else "")

    def org_page(self, oid: str, lang: str) -> str:
        o = self.orgs[oid]
        title, other = (o["name_zh"], o["name_en"]) if lang == "zh" else (o["name_en"], o["name_zh"])
        out = [f"# {esc(title)}", "", esc(other), ""]
        facts = [(t("level", lang), esc(o["level"])), (t("kind", lang), esc(o["kind"]))]
        names = ", ".join(n for n in (o["short_name_zh"], o["other_names_zh"]) if n)
        if names:
            facts.append((t("other_names", lang), esc(names)))
        if o["successor_id"]:
            facts.append((t("successor", lang), self.org_link(o["successor_id"], lang)))
        formerly = [p for p in self.orgs.values() if p["successor_id"] == oid]
        if formerly:
            facts.append((t("predecessors", lang), "、".join(self.org_link(p["id"], lang) for p in formerly)))
        facts.append((t("source", lang), self.cite(o["source_id"], o["locator"])))
        out += [f"- {k}: {v}" for k, v in facts] + [""]
        if o["note"]:
            out += [esc(o["note"]), ""]
        roles = self.rows("SELECT * FROM measure_responsibilities WHERE organization_id = ? ORDER BY measure_id", oid)
        sections = [
            (
                "measures_led",
                table(
                    [t("measure", lang), t("role", lang), t("source", lang)],
                    [
                        [
                            self.measure_link(r["measure_id"], lang),
                            t(r["role"], lang),
                            self.cite(r["source_id"], r["locator"]),
                        ]
                        for r in roles
                    ],
                ),
            ),
            (
                "aid_given",
                self.assignment_rows(
                    self.rows("SELECT * FROM aid_assignments WHERE organization_id = ? ORDER BY id", oid),
                    lang,
                    "region",
                ),
            ),
            ("figures", self.figure_rows("organization_id = ?", (oid,), lang, with_region=True)),
            ("events", self._events("organization_id = ?", (oid,), lang)),
        ]
        for key, body in sections:
            if body:
                out += [f"## {t(key, lang)}", "", body]
        return "\n".join(out)

    def measure_page(self, mid: str, lang: str) -> str:
        m = self.measures[mid]
        section = m["section_title_zh"] if lang == "zh" else m["section_title_en"]
        out = [
            f"# ({m['number']}) {esc(self.name(m, lang, 'title_zh', 'title_en'))}",
            "",
            esc(self.name(m, "en" if lang == "zh" else "zh", "title_zh", "title_en")),
            "",
            f"- {t('section', lang)}: {m['section_number']}. {esc(section)}",
            f"- {t('source', lang)}: {self.cite(m['source_id'], m['locator'])}",
            "",
            f"## {t('summary', lang)}",
            "",
            esc(m["summary_zh"] if lang == "zh" else m["summary_en"]),
            "",
        ]
        roles = self.rows("SELECT * FROM measure_responsibilities WHERE measure_id = ? ORDER BY position", mid)
        if roles:
            out += [
                f"## {t('bodies', lang)}",
                "",
                table(
                    [t("body", lang), t("role", lang)],
                    [[self.org_link(r["organization_id"], lang), t(r["role"], lang)] for r in roles],
                ),
            ]
        targets = self.rows("SELECT * FROM policy_targets WHERE measure_id = ? ORDER BY target_year, id", mid)
        if targets:
            out += [f"## {t('targets', lang)}", "", self._targets(targets, lang)]
        projects = self.rows("SELECT * FROM projects WHERE measure_id = ? ORDER BY id", mid)
        if projects:
            rows = []
            for p in projects:
                places = self.rows(
                    "SELECT region_code FROM project_regions WHERE project_id = ? ORDER BY region_code", p["id"]
                )
                rows.append(
                    [
                        esc(self.name(p, lang)),
                        esc(p["category"]),
                        esc(p["action_zh"]),
                        "、".join(self.region_link(r["region_code"], lang) for r in places),
                    ]
                )
            out += [
                f"## {t('projects', lang)}",
                "",
                table([t(k, lang) for k in ("project", "category", "action", "region")], rows),
            ]
        return "\n".join(out)

    def _targets(self, rows: list[sqlite3.Row], lang: str, up: str = "../") -> str:
        return table(
            [t(k, lang) for k in ("year", "target", "printed", "source")],
            [
                [
                    esc(r["target_year"] or ""),
                    esc(r["text_zh"] if lang == "zh" else r["text_en"]),
                    esc(r["figure_text"] or ""),
                    self.cite(r["source_id"], r["locator"], up),
                ]
                for r in rows
            ],
        )

    def source_page(self, sid: str, lang: str) -> str:
        s = self.sources[sid]
        title = s["title_zh"] if lang == "zh" else s["title_en"]
        published = s["published"] + (t("inferred", lang) if s["date_inferred"] else "")
        out = [
            f"# {esc(title)}",
            "",
            esc(s["title_en"] if lang == "zh" else s["title_zh"]),
            "",
            f"- {t('publisher', lang)}: {esc(s['publisher_zh'] if lang == 'zh' else s['publisher_en'])}",
            f"- {t('published', lang)}: {esc(published)}",
            f"- {t('language', lang)}: `{esc(s['language'])}`",
            f"- {t('archive', lang)}: `{esc(s['archive_file'])}` · SHA-256 `{esc(s['sha256'])}` · {s['lines']} lines",
            "",
            esc(s["date_note"]),
            "",
            esc(s["notes"]),
            "",
            f"## {t('figures', lang)}",
            "",
            self.figure_rows("source_id = ?", (sid,), lang, up="../", with_region=True),
        ]
        errata = self.rows("SELECT * FROM errata WHERE source_id = ? ORDER BY locator, id", sid)
        if errata:
            out += [f"## {t('errata', lang)}", "", self.errata_table(errata, lang)]
        out += [f"## {t('cited', lang)}", "", self._cited_lines(sid, lang)]
        return "\n".join(out)

    def errata_table(self, rows: list[sqlite3.Row], lang: str, up: str = "../") -> str:
        return table(
            [t(k, lang) for k in ("source", "kind", "as_printed", "reading", "reason")],
            [
                [
                    self.cite(e["source_id"], e["locator"], up),
                    esc(e["kind"]),
                    esc(e["as_printed"]),
                    esc(e["reading"]),
                    esc(e["reason"]),
                ]
                for e in rows
            ],
        )

    def _cited_lines(self, sid: str, lang: str) -> str:
        """Every line of the source that a row cites, with an anchor, and what cites it."""
        by_line: dict[int, list[str]] = defaultdict(list)
        for resource in self.citing_tables():
            for row in self.rows(f'SELECT * FROM "{resource}" WHERE source_id = ? ORDER BY rowid', sid):
                by_line[row["locator"]].append(f"{resource}: {esc(self.label(resource, row))}")
        return table(
            [t("line", lang), t("rows", lang)],
            [[f'<span id="L{n}">{n}</span>', "; ".join(items)] for n, items in sorted(by_line.items())],
        )

    def label(self, resource: str, row: sqlite3.Row) -> str:
        """How a row is named on a source page."""
        if resource in ("measure_responsibilities", "aid_assignments"):
            return self.orgs[row["organization_id"]]["name_zh"]
        if resource in ("designations", "project_regions"):
            return self.regions[row["region_code"]]["qualified_name_zh"]
        column = {"observations": "figure_text", "errata": "as_printed"}.get(resource) or BY_NAME[
            resource
        ].meta.label_column
        return row[column or BY_NAME[resource].meta.primary_key[-1]]

    def citing_tables(self) -> list[str]:
        names = [
            r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")
        ]
        return [n for n in names if n != "search_index" and "locator" in self._columns(n)]

    def _columns(self, name: str) -> list[str]:
        return [r[1] for r in self.rows(f'PRAGMA table_info("{name}")')]

    # --- index pages -----------------------------------------------------------------------------

    def index_pages(self, lang: str) -> dict[str, str]:
        regions = table(
            [t("region", lang), t("level", lang), t("city", lang), t("old_area", lang)],
            [
                [
                    link(r["qualified_name_zh"] if lang == "zh" else r["name_en"], f"{code}.md"),
                    esc(r["level"]),
                    esc(self.regions[r["parent_code"]]["name_zh"] if r["parent_code"] else ""),
                    "●" if self.rows("SELECT 1 FROM designations WHERE region_code = ?", code) else "",
                ]
                for code, r in self.regions.items()
            ],
        )
        orgs = table(
            [t("name", lang), t("level", lang), t("kind", lang)],
            [
                [link(self.name(o, lang), f"{oid}.md"), esc(o["level"]), esc(o["kind"])]
                for oid, o in sorted(self.orgs.items(), key=lambda item: item[1]["name_zh"])
            ],
        )
        measures = table(
            [t("measure", lang), t("section", lang)],
            [
                [
                    link(f"({m['number']}) {self.name(m, lang, 'title_zh', 'title_en')}", f"{mid}.md"),
                    str(m["section_number"]),
                ]
                for mid, m in self.measures.items()
            ],
        )
        sources = table(
            [t("name", lang), t("publisher", lang), t("published", lang)],
            [
                [
                    link(s["title_zh"] if lang == "zh" else s["title_en"], f"{sid}.md"),
                    esc(s["publisher_zh"] if lang == "zh" else s["publisher_en"]),
                    esc(s["published"] + (t("inferred", lang) if s["date_inferred"] else "")),
                ]
                for sid, s in self.sources.items()
            ],
        )
        heads = {
            "regions": ("地区", "Regions"),
            "organizations": ("机构", "Organizations"),
            "measures": ("晋政发〔2021〕36号的条目", "The measures of 晋政发〔2021〕36号"),
            "sources": ("来源", "Sources"),
        }
        bodies = {"regions": regions, "organizations": orgs, "measures": measures, "sources": sources}
        return {f"{k}/index{suffix(lang)}.md": f"# {pick(heads[k], lang)}\n\n{bodies[k]}" for k in heads}

    # --- everything --------------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every generated page, by its path under docs/."""
        pages: dict[str, str] = {}
        for lang in LANGS:
            self.lang = lang
            s = suffix(lang)
            pages |= {f"regions/{code}{s}.md": self.region_page(code, lang) for code in self.regions}
            pages |= {f"organizations/{oid}{s}.md": self.org_page(oid, lang) for oid in self.orgs}
            pages |= {f"measures/{mid}{s}.md": self.measure_page(mid, lang) for mid in self.measures}
            pages |= {f"sources/{sid}{s}.md": self.source_page(sid, lang) for sid in self.sources}
            pages |= self.index_pages(lang)
        return pages

    def json_ld(self, downloads: list[tuple[str, Path, str]]) -> str:
        """The schema.org Dataset block, with a distribution for each download."""
        years = [r[0] for r in self.rows("SELECT substr(date, 1, 4) FROM events ORDER BY date")]
        document = {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": PACKAGE["title"],
            "description": PACKAGE["description"],
            "license": PACKAGE["licenses"][0]["path"],
            "creator": {"@type": "Organization", "name": PACKAGE["contributors"][0]["title"]},
            "dateModified": PACKAGE["created"][:10],
            "version": PACKAGE["version"],
            "keywords": PACKAGE["keywords"],
            "url": PACKAGE["site_url"],
            "spatialCoverage": {
                "@type": "Place",
                "name": "山西太行革命老区 Taihang revolutionary old area, Shanxi, China",
            },
            "temporalCoverage": f"{years[0]}/{years[-1]}",
            "distribution": [
                {
                    "@type": "DataDownload",
                    "name": name,
                    "encodingFormat": mediatype,
                    "contentUrl": f"{PACKAGE['site_url']}downloads/{path.name}",
                    "contentSize": f"{path.stat().st_size} B",
                }
                for name, path, mediatype in downloads
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return f'<script type="application/ld+json">\n{text}\n</script>\n'

    def close(self) -> None:
        self.db.close()
