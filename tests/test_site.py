"""The built site: no third-party requests, working links and anchors, Chinese search, escaping, JSON-LD."""

import csv
import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import markdown
import pytest

from scripts.layout import ROOT
from scripts.serve import PREFIX
from scripts.site import search
from tests.defects import old_area_codes

# URLs in Material's JavaScript that are fetched only in conditions this site never meets.
CONDITIONAL_JS_URLS = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "loaded only on a page with a Mermaid diagram; none has one",
    "https://unpkg.com/resize-observer-polyfill": "loaded only by a browser without ResizeObserver (none since 2020)",
    "https://api.github.com/repos/${e}/${t}": "repository facts, fetched only when repo_url is set; it is not",
    "https://api.github.com/users/${e}": "repository facts, fetched only when repo_url is set; it is not",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "GitLab facts, fetched only when repo_url is set; it is not",
}
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}
RESOURCE_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


class Page(HTMLParser):
    """The links, anchors and resource references of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []
        self.scripts: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and set((attrs.get("rel") or "").split()) & RESOURCE_LINKS:
            self.resources.append(attrs.get("href", ""))
        for name in RESOURCE_ATTRIBUTES & set(attrs):
            self.resources.append(attrs[name] or "")
        if "style" in attrs:
            self.resources += re.findall(r"url\(\s*['\"]?([^'\")]+)", attrs["style"])
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.scripts.append(data)
            self._in_ld = False


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.root / "site"


@pytest.fixture(scope="module")
def pages(site) -> dict[Path, Page]:
    parsed = {}
    for path in site.rglob("*.html"):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path] = page
    return parsed


class Cells(HTMLParser):
    """The text of every table cell of a page, leaving out identifiers set as code (`feature`, a column name
    of the data dictionary), which are shown literally on purpose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self._cell = self._code = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._cell += 1
            self.cells.append("")
        self._code += tag == "code"

    def handle_endtag(self, tag):
        self._cell -= tag in ("td", "th")
        self._code -= tag == "code"

    def handle_data(self, data):
        if self._cell and not self._code:
            self.cells[-1] += data


def _external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def test_no_page_references_a_third_party_resource(pages):
    offending = {f"{p}: {r}" for p, page in pages.items() for r in page.resources if _external(r)}
    assert not offending, sorted(offending)[:10]


def test_no_stylesheet_or_script_fetches_from_a_third_party(site):
    css_urls = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?://[^'\")\s]+)")
    comment = re.compile(r"/\*.*?\*/", re.S)
    js_urls = re.compile(r"""["'`](https?://[^"'`\s]+)""")
    found = []
    for path in site.rglob("*.css"):
        found += [(path, u) for u in css_urls.findall(comment.sub("", path.read_text(encoding="utf-8")))]
    for path in site.rglob("*.js"):
        code = comment.sub("", path.read_text(encoding="utf-8", errors="replace"))
        code = re.sub(r"(?<![:'\"\\])//[^\n]*", "", code)
        found += [(path, u) for u in js_urls.findall(code) if u not in CONDITIONAL_JS_URLS]
    assert not found, found[:10]


def test_the_conditions_of_the_allowed_urls_hold(site):
    assert not re.search(r"^repo_url:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    for path in site.rglob("*.html"):
        assert 'class="mermaid"' not in path.read_text(encoding="utf-8"), path


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = []
    for path, page in pages.items():
        for href in page.links:
            if _external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            parts = urlsplit(href)
            if parts.path.startswith(PREFIX):  # absolute within the site's public path
                target = (site / unquote(parts.path[len(PREFIX) :])).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} → {href}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)} → {href} (no such anchor)")
    assert not broken, broken[:20]


def test_every_page_has_a_report_an_error_link(site, pages):
    """By email first (no foreign site needed), with the page's address in the message; and on GitHub."""
    config_url = "https://github.com/taihang-open-data/taihang-old-area/issues/new"
    email = "mailto:corrections@taihang-open-data.org?subject="
    for path, page in pages.items():
        if path.name == "404.html":
            continue
        emails = [h for h in page.links if h.startswith(email)]
        reports = [h for h in page.links if h.startswith(config_url + "?title=")]
        assert emails and reports, path
        address = "https%3A//taihang-open-data.github.io/taihang-old-area/" + quote(str(path.parent.relative_to(site)))
        said = "Page%3A%20" if path.parts[len(site.parts)] == "en" else quote("页面：")
        for link in (emails[0], reports[0]):
            assert f"{said}{address.removesuffix('.')}" in link, link


def _search_index(site: Path, lang: str) -> dict:
    return json.loads((site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))


def _search_docs(site: Path) -> list[dict]:
    return [doc for lang in ("zh", "en") for doc in _search_index(site, lang)["docs"]]


@pytest.mark.parametrize(
    ("term", "location"),
    [
        ("壶关", "regions/140427/"),
        ("光伏", "changzhi/"),
        ("总工会", "organizations/acftu/"),
        ("revitalization", "en/policy/"),
        ("economy", "en/measures/jinzhengfa-2021-36-08/"),
    ],
)
def test_search_index_finds_the_right_pages(site, term, location):
    separator = re.compile(r"[\s\u200b\-]+")
    hits = {
        d["location"].split("#")[0]
        for d in _search_docs(site)
        if term.lower() in separator.split((d["title"] + " " + d["text"]).lower())
    }
    assert location in hits, sorted(hits)[:10]


def test_search_is_configured_for_chinese_and_english(site):
    for lang in ("zh", "en"):
        config = _search_index(site, lang)["config"]
        assert config["pipeline"] == ["stopWordFilter", "trimmer"]
        assert "\\u200b" in config["separator"]
        assert config["lang"] == search.LUNR_LANGUAGES[lang]  # the English pages hold Chinese names too


def test_each_language_has_its_own_search_index_and_no_other(site):
    """One index per language, each of its own pages only; the index of both is gone."""
    assert not (site / "search" / "search_index.json").exists()
    for lang in ("zh", "en"):
        locations = [d["location"] for d in _search_index(site, lang)["docs"]]
        assert locations and all(loc.startswith("en/") == (lang == "en") for loc in locations), lang


def test_the_search_index_holds_no_data_table(site):
    """Tables are kept out (data-search-exclude): the figures table of Huguan's page is not in the index, while
    its headings and prose are."""
    docs = {d["location"]: d for d in _search_index(site, "zh")["docs"]}
    figures = docs["regions/140427/#数字"]
    assert figures["text"] == "", figures["text"][:200]
    assert any(loc.startswith("regions/140427/") and d["text"] for loc, d in docs.items())


def test_both_languages_have_every_page(site):
    chinese = {p.relative_to(site).parent for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "en"}
    english = {p.relative_to(site / "en").parent for p in (site / "en").rglob("index.html")}
    assert chinese == english
    assert len(chinese) > 180


def test_no_chinese_page_shows_a_raw_code_in_a_table_cell(site):
    """Every coded cell shows its label: no cell of a Chinese page is a code whose Chinese label differs."""
    from schemas.codes import CODE_TABLES

    codes = {c.code: table.name for table in CODE_TABLES for c in table.codes if c.zh != c.code}
    raw = []
    for path in site.rglob("index.html"):
        if path.relative_to(site).parts[0] == "en":
            continue
        parser = Cells()
        parser.feed(path.read_text(encoding="utf-8"))
        raw += [
            f"{path.relative_to(site)}: {cell!r} ({codes[cell]})"
            for cell in map(str.strip, parser.cells)
            if cell in codes
        ]
    assert not raw, raw[:10]


def test_json_ld_describes_the_dataset_and_its_downloads(site, pages):
    for page_path in ("index.html", "data/index.html", "en/index.html", "en/data/index.html"):
        [block] = pages[site / page_path].scripts
        data = json.loads(block)
        assert data["@type"] == "Dataset"
        keys = ("@id", "identifier", "name", "description", "license", "creator", "datePublished", "dateModified")
        for key in (*keys, "version", "keywords", "inLanguage", "isAccessibleForFree"):
            assert data[key], key
        assert data["spatialCoverage"]["geo"]["@type"] == "GeoShape"
        south, west, north, east = map(float, data["spatialCoverage"]["geo"]["box"].split())
        assert 34 < south < north < 41 and 110 < west < east < 115  # the old area lies in south-east Shanxi
        assert data["temporalCoverage"]
        assert len(data["distribution"]) >= 4
        for download in data["distribution"]:
            local = site / "downloads" / download["contentUrl"].split("/downloads/", 1)[1]
            assert download["contentSize"] == f"{local.stat().st_size} B", download
            assert download["encodingFormat"]


EVIL = '<script>alert("x")</script>'


def test_values_are_escaped_on_every_page_kind(tmp_path, edit_row):
    """A fixture package whose region, body, measure and source names hold a script: every page kind, title
    included, shows it as text."""
    import shutil

    from scripts import database, geo, package, reader
    from scripts.atomic import write_files
    from scripts.layout import Layout
    from scripts.site import indexes, measure, organization, region, source
    from scripts.site.context import Context
    from scripts.site.data import Data
    from scripts.site.words import LANGS

    shutil.copytree(ROOT / "data", tmp_path / "data")
    poisoned = {
        region: ("regions", "140427", ("name_zh", "qualified_name_zh", "name_en")),
        organization: ("organizations", "acftu", ("name_zh", "name_en")),
        measure: ("policy_measures", "jinzhengfa-2021-36-04", ("title_zh", "title_en")),
        source: ("sources", "hsx-2022-changzhi-aid", ("title_zh", "title_en", "publisher_zh", "publisher_en")),
    }
    for resource, key, columns in poisoned.values():
        edit_row(
            tmp_path / "data" / f"{resource}.csv", key, lambda row, columns=columns: {c: EVIL + row[c] for c in columns}
        )
    layout = Layout(tmp_path)
    dataset, problems = reader.read(layout)
    assert not problems, problems[:3]
    write_files(geo.generated(layout, dataset))  # first, as the package step does: the descriptor hashes it
    write_files(package.generated(layout, dataset))
    database.build(layout)
    with Data(layout.database) as data:
        for lang in LANGS:
            ctx = Context(data, lang)
            pages = {kind.__name__: kind.page(ctx, key) for kind, (_, key, _) in poisoned.items()}
            pages |= indexes.pages(ctx)
            for name, page in pages.items():
                html = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html"])
                assert "<script>" not in html, (lang, name)
                assert "&#60;script&#62;alert" in html, (lang, name)
            for kind in poisoned:
                title = pages[kind.__name__].splitlines()[0]
                assert title.startswith("# ") and "&#60;script&#62;alert" in title, (lang, title)


def test_charts_are_inline_svg_with_captions_and_sources(site):
    for page in ("aid-history/index.html", "poverty-results/index.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        figures = re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)
        assert figures, page
        for figure in figures:
            assert "<svg" in figure and "<figcaption" in figure
            if page != "index.html":
                assert "<text" in figure  # labels are text, not paths
        captions = re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)
        assert any("sources/" in c and "downloads/" in c for c in captions), page  # its source and its table


def test_the_map_names_every_county_as_text_in_the_pages_language(site):
    """The map's counties are links with their names as tooltips, and the list under it names each, by city."""
    for page, county, city in (("index.html", "壶关县", "长治市"), ("en/index.html", "Huguan County", "Changzhi City")):
        html = (site / page).read_text(encoding="utf-8")
        [svg] = re.findall(r'<figure class="chart">(.*?)</svg>', html, re.S)
        counties = len(old_area_codes())
        # the map's own title, the province's small map's, then each county's
        assert svg.count("<a href=") == svg.count("<title>") - 2 == counties
        legend = html.split("</figure>")[1].split("</ul>")[0]
        assert len(re.findall(r'<a href="regions/\d{6}/">', legend)) == counties
        assert f">{county}</a>" in legend and city in legend


def unnamed_on_the_map(html: str, lang: str) -> list[str]:
    """The counties of the list under the map that the map neither names nor labels by their number in the list
    (a name drawn is the county's name, its first word in English), and numbers drawn that the list lacks."""
    svg = re.findall(r'<figure class="chart">(.*?)</svg>', html, re.S)[0]
    drawn = Counter(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    legend = html.split("</figure>")[1].split("</ul>")[0]
    listed = re.findall(r'(?:<strong>(\d+)</strong> )?<a href="regions/(\d{6})/">([^<]+)</a>', legend)

    def shown(number: str, name: str) -> bool:
        return drawn[number] == 1 if number else drawn[name if lang == "zh" else name.split(" ")[0]] > 0

    missing = [code for number, code, name in listed if not shown(number, name)]
    numbers = {number for number, _, _ in listed if number}
    return missing + [text for text in drawn if text.isdigit() and text not in numbers]


def test_the_map_names_every_county_or_numbers_it_as_the_list_does(site):
    for page, lang in (("index.html", "zh"), ("en/index.html", "en")):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r"<strong>\d+</strong> <a", html), page  # some are labelled by number
        assert unnamed_on_the_map(html, lang) == [], page


def test_the_map_check_sees_a_number_not_drawn_and_one_not_listed(site):
    """Seeded: the map without its label 1; the list without its number 1."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert len(unnamed_on_the_map(re.sub(r">1</text>", "></text>", html, count=1), "zh")) == 1
    assert len(unnamed_on_the_map(html.replace("<strong>1</strong> ", "", 1), "zh")) == 2


def test_a_range_is_shown_with_both_ends(site):
    """2至3个 is stored as 2 with an upper end of 3, and read as 2–3 (with its unit) where values are shown."""
    for page in ("sources/sxrb-2021-poverty-results", "en/sources/sxrb-2021-poverty-results"):
        parser = Cells()
        parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
        assert any(cell.strip().startswith("2–3") for cell in parser.cells), page


def test_code_on_a_page_shows_its_characters_not_entities(site):
    """A file name in a code span showed &#95; for each underscore (esc() inside backticks)."""
    page = (site / "sources" / "sxgov-2021-36" / "index.html").read_text(encoding="utf-8")
    assert "<code>003_6c3ae5bf29131331.txt</code>" in page
    assert "&amp;#95;" not in page


def test_every_chart_offers_a_csv_of_exactly_what_it_plots(site):
    """Each chart's caption links the CSV of its data: one row per bar or point, with the package's columns."""
    for page in ("aid-history", "en/aid-history", "poverty-results"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        for svg, caption in re.findall(
            r'<figure class="chart">(.*?)</svg>.*?<figcaption>(.*?)</figcaption>', html, re.S
        ):
            links = re.findall(r'href="((?:\.\./)+downloads/charts/[\w-]+\.csv)"', caption)
            assert len(links) == 1, caption[:200]
            path = (site / page / links[0]).resolve()
            rows = list(csv.DictReader(path.open(encoding="utf-8")))
            plotted = svg.count("<rect") or svg.count("<circle")  # bars, or the points of a line or timeline
            assert len(rows) == plotted and "locator" in rows[0], path.name
            assert not any(r.get("value", "").endswith(".0") for r in rows)  # as the package writes values


HEADING = re.compile(r"<h([1-6])\b")


def heading_skips(html: str) -> list[str]:
    """Where a page's article goes down more than one heading level at once (h2 then h4)."""
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    levels = [int(n) for n in HEADING.findall(article)]
    return [f"h{a}→h{b}" for a, b in pairwise(levels) if b > a + 1]


def test_no_page_skips_a_heading_level(site):
    skips = {
        str(p.relative_to(site)): s for p in site.rglob("*.html") if (s := heading_skips(p.read_text(encoding="utf-8")))
    }
    assert not skips, sorted(skips.items())[:5]
    assert heading_skips("<article><h1>a</h1><h2>b</h2><h4>c</h4></article>") == ["h2→h4"]  # the check fires


def tables_not_offered(page: str, folder: Path) -> list[str]:
    """The tables of a built page with no CSV beside it that holds as many rows and columns, or no link to it."""
    problems = []
    for n, table in enumerate(re.findall(r"<table\b[^>]*>(.*?)</table>", page, re.S), 1):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        path = folder / "tables" / f"{n}.csv"
        if f'href="tables/{n}.csv"' not in page or not path.is_file():
            problems.append(f"table {n}: no CSV")
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            found = list(csv.reader(fh))
        if len(found) != len(rows) or len(found[0]) != len(re.findall(r"<th\b", rows[0])):
            problems.append(f"table {n}: {len(found)} rows in the CSV, {len(rows)} on the page")
    return problems


def test_every_table_of_every_page_is_offered_as_a_csv(site):
    pages = list(site.rglob("index.html"))
    wrong = {}
    for path in pages:
        found = tables_not_offered(path.read_text(encoding="utf-8"), path.parent)
        if found:
            wrong[str(path.relative_to(site))] = found
    assert wrong == {}
    assert sum("tables/1.csv" in p.read_text(encoding="utf-8") for p in pages) > 100


def test_the_page_table_check_sees_a_row_lost_and_a_link_missing(site, tmp_path):
    """Seeded: a county page whose first table's CSV lost its last row; the same page without its links."""
    county = site / "regions" / old_area_codes()[0]
    page = (county / "index.html").read_text(encoding="utf-8")
    shutil.copytree(county / "tables", tmp_path / "tables")
    lines = (tmp_path / "tables" / "1.csv").read_bytes().splitlines(keepends=True)
    (tmp_path / "tables" / "1.csv").write_bytes(b"".join(lines[:-1]))
    assert tables_not_offered(page, tmp_path) == [
        f"table 1: {len(lines) - 1} rows in the CSV, {len(lines)} on the page"
    ]
    assert tables_not_offered(re.sub(r'<p class="page-tables".*?</p>', "", page), county)
