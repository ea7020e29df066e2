"""The fragments that the narrative pages include, written to build/fragments/ from the database.

A narrative page includes a fragment on a line of its own with `--8<-- "name.zh.md"` (pymdownx.snippets),
or inside a sentence with `{{ name.zh.md }}` (inline.py). The prose is ours; every number, name and
link in a fragment comes from the data, so the narrative names data only in Markdown, never here.
"""

import json
from collections import Counter

import yaml

from schemas import PACKAGE, Release, Source

from ..layout import Layout
from . import articles, charts, county_map, featured, feed, jsonld, lastchanged, ledger, tables
from .citepage import CITING  # the file the hook reads: its name is declared there
from .context import Context
from .data import Data
from .downloads import download_table, downloads, up
from .labels import code, in_code_order
from .links import cite_rows, source_link
from .markup import chips, esc, figure, link
from .project import category_anchor
from .source import ERRATA_ANCHOR
from .words import LANGS, counted, other

# The counts the narrative states, each read from the database (`{{ count.<name>.zh.md }}`): its SQL and its
# Chinese measure word. A page never states such a count by hand (tests/test_counts.py).
COUNTS = {
    "archived-sources": ("SELECT count(*) FROM sources WHERE archived = 1", "份"),
    "web-sources": ("SELECT count(*) FROM sources WHERE archived = 0", "个"),
    "old-area-counties": ("SELECT count(*) FROM county_profiles WHERE taihang_old_area = 1", "个"),
    "old-area-cities": ("SELECT count(DISTINCT city_code) FROM county_profiles WHERE taihang_old_area = 1", "个"),
    "sections": ("SELECT count(DISTINCT section_number) FROM policy_measures", "个"),
    "measures": ("SELECT count(*) FROM policy_measures", "条"),
    "targets": ("SELECT count(*) FROM policy_targets", "个"),
    "projects": ("SELECT count(*) FROM projects", "个"),
}
LISTED_UP_TO = 10  # errata of a kind with more rows than this are one line that counts them


def project_kinds(ctx: Context) -> str:
    """How many projects of each category, each a link to its group on the projects' index."""
    counts = Counter(p["category"] for p in ctx.data.rows("SELECT category FROM projects"))
    kinds = in_code_order("projects", "category", counts)
    return chips(
        [
            link(f"{code('projects', 'category', k, ctx.lang)} {counts[k]}", f"projects/index.md#{category_anchor(k)}")
            for k in kinds
        ]
    )


def timeline(ctx: Context) -> str:
    """The aid history's timeline: the events marked for it, drawn (by year) with the lines they come from,
    then listed with their dates and sources."""
    rows = ctx.data.timeline()
    title = ctx.word("timeline")
    svg = charts.timeline(title, [(e["date"][:4], ctx.text(e, "title")) for e in rows])
    caption = (
        f"{esc(title)}{ctx.stop}{ctx.word('data')}{cite_rows(ctx, rows)}{featured.chart_csv(ctx, featured.TIMELINE)}"
    )
    return figure(svg, caption) + "\n" + tables.events(ctx, "aid_history", 1)


def errata(ctx: Context) -> str:
    """The errata, each in a row; a kind with many rows is one line that counts them and names its sources."""
    rows = ctx.data.rows("SELECT * FROM errata ORDER BY source_id, locator, rowid")
    counts = Counter(e["kind"] for e in rows)
    out = tables.errata(ctx, [e for e in rows if counts[e["kind"]] <= LISTED_UP_TO])
    for kind in in_code_order("errata", "kind", (k for k, n in counts.items() if n > LISTED_UP_TO)):
        sources = dict.fromkeys(e["source_id"] for e in rows if e["kind"] == kind)
        named = ctx.sep.join(source_link(ctx, sid, f"#{ERRATA_ANCHOR}") for sid in sources)
        label = esc(code("errata", "kind", kind, ctx.lang))
        out += "\n" + ctx.word("errata_elsewhere", n=counts[kind], kind=label, sources=named) + "\n"
    return out


def source_figures(ctx: Context, sid: str) -> str:
    return tables.figures(ctx, "source_id", sid, with_region=True)


def citation(ctx: Context, layout: Layout) -> str:
    """How to cite the dataset: in the page's language first (GB/T 7714 in Chinese), then in the other, each
    as a block of text to copy."""
    cff = yaml.safe_load((layout.root / "CITATION.cff").read_text(encoding="utf-8"))
    english, chinese = cff["title"].split(" / ")
    authors = ", ".join(a["name"] for a in cff["authors"])
    version, released, url = cff["version"], cff["date-released"], cff["url"]
    forms = {
        "zh": f"{chinese}贡献者. {chinese}: {version}版[DS/OL]. ({released})[引用日期]. {url}.",
        "en": f"{authors} ({released[:4]}). {english}, version {version} [Data set]. {cff['license']}. {url}",
    }
    other_form = forms[other(ctx.lang)]
    return f"```text\n{forms[ctx.lang]}\n```\n\n{ctx.word('citation_other')}\n\n```text\n{other_form}\n```\n"


def of_language(ctx: Context, layout: Layout) -> dict[str, str]:
    """Every fragment of one language, by its name without the language."""
    named = {
        "key-figures": featured.key_figures(ctx),
        "map": county_map.fragment(ctx, layout),
        "central-aid": featured.bar_charts(ctx),
        "income": featured.line_charts(ctx),
        "policy-parts": articles.by_part(ctx, 3, summaries=False),
        "targets": ledger.target_list(ctx),
        "project-kinds": project_kinds(ctx),
        "timeline": timeline(ctx),
        "errata": errata(ctx),
        "downloads": download_table(ctx, layout),
        "citation": citation(ctx, layout),
        "ledger-summary": ledger.summary(ctx),
        "ledger-board": ledger.board(ctx),
        "ledger-measures": ledger.by_measure(ctx),
        "ledger-targets": ledger.targets(ctx),
        "ledger-line": ledger.home_line(ctx),
        "ledger-feed": ctx.word(
            "feed_link", feed=f'<a href="{up(ctx.lang)}{feed.path(ctx.lang)}">{ctx.word("feed_name")}</a>'
        ),
    }
    named |= {
        f"count.{name}": counted(ctx.data.rows(sql)[0][0], measure, ctx.lang) for name, (sql, measure) in COUNTS.items()
    }
    return named | {f"figures.{sid}": source_figures(ctx, sid) for sid in ctx.data.sources}


def citing(data: Data) -> str:
    """What the hook `citepage.py` cites every page with: the dataset's names, version and release date, its
    authors, and the day each source was last checked (`url_checked`), by id."""
    english, chinese = PACKAGE["title"].split(" / ")
    checked = {f"{Source.meta.pages}/{sid}": s["url_checked"] for sid, s in data.sources.items()}
    return json.dumps(
        {
            "dataset": {"zh": chinese, "en": english},
            "authors": {"zh": f"{chinese}贡献者", "en": PACKAGE["contributors"][0]["title"]},
            "version": PACKAGE["version"],
            "released": PACKAGE["created"][:10],
            "checked": checked,
            "changed": lastchanged.versions(data),
            "releases": {r["version"]: r["released"] for r in data.rows(f"SELECT * FROM {Release.meta.resource}")},
        },
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )


def every(data: Data, layout: Layout) -> dict[str, str]:
    """Every fragment, by file name."""
    boundaries = json.loads(layout.boundaries.read_text(encoding="utf-8"))
    out = {"jsonld.md": jsonld.block(data, downloads(layout), boundaries), CITING: citing(data)}
    for lang in LANGS:
        out |= {f"{name}.{lang}.md": text for name, text in of_language(Context(data, lang, up=""), layout).items()}
    return out
