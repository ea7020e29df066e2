"""The site in Debian's Chromium, driven by Playwright: phone and desktop, no console error, no failed or
third-party request, and no serious or critical accessibility violation (axe-core); and a hostile copy of
the data, which every page kind shows as text."""

import gzip
import shutil
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from conftest import copy_project, rewrite

from schemas import RESOURCES
from scripts.database import searchable
from scripts.history import TRACKED
from scripts.layout import ROOT, Layout
from scripts.package import table_schema
from scripts.serve import PREFIX, server
from scripts.site.highlight import text_fragment
from tests.defects import data_rows, old_area_codes

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
READER_PAGES = {
    "home": "",
    "policy": "policy/",
    "aid-history": "aid-history/",
    "county": "regions/140427/",
    "county-little": "regions/140322/",  # a county the sources say nothing specific about
    "body": "organizations/acftu/",
    "measure": "measures/jinzhengfa-2021-36-04/",
    "source": "sources/hsx-2022-changzhi-aid/",
    "comparison": "regions/compare/",
    "ledger": "ledger/",
    # the page of the first key figure: the end of a reader's check
    "figure": "f/"
    + next(f["observation_id"] for f in data_rows("featured_figures") if f["feature"] == "key_figure")
    + "/",
}
PAGES = {
    f"{name}-{lang}": f"{prefix}{path}"
    for lang, prefix in (("zh", ""), ("en", "en/"))
    for name, path in READER_PAGES.items()
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SOURCE_HEADINGS = ("出处", "Source")  # the heading of the column that cites a figure's line

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)"),
]


@contextmanager
def serving(layout: Layout) -> Iterator[str]:
    """The built site of a layout, served on a free port: its address."""
    httpd = server(layout, "127.0.0.1", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}{PREFIX}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def base_url(built):
    with serving(built) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(built) -> Path:
    """Where the screenshots go: beside the test build, never into the checkout."""
    folder = built.root / "build" / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()


# Tables wider than their frame (a reader would scroll sideways); figures whose source link (to a line, #L17,
# the words on a web page, or the figure's own page) is hidden, clipped or off the side of the screen: a figure row cites its line in its source column, a chart
# in its caption; and chart text drawn smaller than 12 px.
LAYOUT = """(headings) => {
  const width = document.documentElement.clientWidth;
  const shown = (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right <= width + 1;
  const tables = [...document.querySelectorAll("article table")].filter((t) => t.offsetParent);
  const scrolling = tables.filter((t) => {
    const frame = t.closest(".md-typeset__scrollwrap") || t;
    return t.scrollWidth > t.clientWidth + 1 || frame.scrollWidth > frame.clientWidth + 1 || !shown(t);
  }).map((t) => t.querySelector("th, td").textContent.trim());
  const cited = [...document.querySelectorAll("article td")].filter((td) => headings.includes(td.dataset.label));
  const captions = [...document.querySelectorAll("article figure.chart figcaption")];
  const unsourced = [...cited, ...captions]
    .filter((e) => e.offsetParent && ![...e.querySelectorAll('a[href*="#L"], a[href*=":~:text="], a[href^="f/"], a[href*="/f/"]')].some(shown))
    .map((e) => e.closest("tr, figure").textContent.trim().slice(0, 60));
  const small = [...document.querySelectorAll("article svg text")].filter((t) => {
    const svg = t.ownerSVGElement;
    const size = parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return t.getClientRects().length > 0 && size < 12;
  }).map((t) => t.textContent);
  return {scrolling, unsourced, small, cited: cited.length};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_reads_cleanly_and_is_accessible(browser, base_url, screenshots, name, viewport):
    """No console error, failed or third-party request; on a phone no table scrolls sideways; every figure's
    source link shows; axe finds nothing serious or critical. The screenshot is kept for a reader's eye."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    errors, failed, third_party = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: failed.append(f"{r.url} {r.status}") if r.status >= 400 else None)
    page.on("request", lambda r: third_party.append(r.url) if not r.url.startswith(base_url.split(PREFIX)[0]) else None)
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    page.screenshot(path=str(screenshots / f"{name}-{viewport}.png"), full_page=False)
    assert page.locator("h1").first.is_visible()
    layout = page.evaluate(LAYOUT, list(SOURCE_HEADINGS))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    page.close()
    assert not errors, errors
    assert not failed, failed
    assert not third_party, third_party
    assert not serious, serious
    assert not layout["unsourced"], layout["unsourced"][:5]
    if viewport == "phone":
        assert not layout["scrolling"], layout["scrolling"]
        assert not layout["small"], layout["small"][:5]


def test_the_layout_check_sees_a_table_that_scrolls_and_a_hidden_source(browser, base_url):
    """Seeded defects: a table forced wider than the phone, and a source link hidden."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + PAGES["county-zh"], wait_until="networkidle")
    clean = page.evaluate(LAYOUT, list(SOURCE_HEADINGS))
    assert clean["scrolling"] == clean["unsourced"] == clean["small"] == [] and clean["cited"] > 10
    page.add_style_tag(
        content="article td a[href*='#L'], article td a[href*='/f/'] { display: none } "
        "article table { display: table !important; min-width: 900px }"
    )
    layout = page.evaluate(LAYOUT, list(SOURCE_HEADINGS))
    tables = page.locator("article table").count()
    page.close()
    assert len(layout["scrolling"]) == tables and len(layout["unsourced"]) == clean["cited"]


def test_the_layout_check_sees_chart_text_too_small_on_a_phone(browser, base_url):
    """Seeded defect: the charts of the aid history drawn at the old width of 640 units (text about 7 px)."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + PAGES["aid-history-zh"], wait_until="networkidle")
    assert page.evaluate(LAYOUT, list(SOURCE_HEADINGS))["small"] == []
    page.evaluate("""() => document.querySelectorAll("article figure svg").forEach((svg) => {
        const box = svg.viewBox.baseVal; svg.setAttribute("viewBox", `0 0 640 ${box.height}`); })""")
    small = page.evaluate(LAYOUT, list(SOURCE_HEADINGS))["small"]
    page.close()
    assert len(small) > 10


def test_the_comparison_sorts_by_a_column_in_the_browser(browser, base_url):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(base_url + PAGES["comparison-zh"], wait_until="networkidle")
    first = "article tbody tr:first-child td:first-child"
    assert page.locator(first).inner_text() == "大同市广灵县"  # by code, without a script
    page.get_by_role("button", name="直接投入无偿帮扶资金").click()
    assert page.locator("th[aria-sort=ascending]").count() == 1
    page.get_by_role("button", name="直接投入无偿帮扶资金").click()
    assert page.locator(first).inner_text() == "长治市壶关县"  # the most funds first
    page.close()


def test_print_wraps_every_table_within_the_page(browser, base_url):
    page = browser.new_page(viewport={"width": 700, "height": 1000})
    for path in (PAGES["policy-zh"], PAGES["county-zh"], "data/dictionary/"):
        page.goto(base_url + path, wait_until="networkidle")
        page.emulate_media(media="print")
        wide = page.evaluate(
            """() => [...document.querySelectorAll("article table, article td, article th")]
                 .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length"""
        )
        hidden = page.evaluate(
            """() => [...document.querySelectorAll("article table")].filter((t) => !t.offsetParent).length"""
        )
        assert (wide, hidden) == (0, 0), path
        page.emulate_media(media="screen")
    page.close()


# --- a hostile copy of the data -------------------------------------------------------------------------------

# Each text of the data starts with one of these (a list, a heading, a quote if read as Markdown), and goes
# on with HTML and Markdown that would run or take shape if it were not escaped. Every marker ⟦…⟧ begins a
# run that markup would make an element of its own: a text that starts with one shows that it did.
STARTS = ("1986. ", "# ", "> ", "1) ", "* ")
# No text may start with - + = or @ (the reader refuses what a spreadsheet would run as a formula), but a
# later line of prose (a note) may: every other note has a second line that starts so (a list, a rule).
LINE_STARTS = ("- ", "---", "+ ", "=== ")
PROSE = 500  # a column whose text may be longer than one line of Text is prose, which may break lines
# Attributes are set off by / (which HTML reads as a space), so that a Chinese column holds no two English
# words in a row, which validate would refuse.
HOSTILE = (
    "⟦t⟧</title><script>alert(1)</script><img/src=x/onerror=alert(1)>"
    "[⟦l⟧](javascript:alert(1)) a | ⟦p⟧ *⟦e⟧* _⟦u⟧_ `⟦c⟧` <b/onmouseover=alert(1)>⟦b⟧</b>"
)
HOSTILE_PAGES = (
    "",
    "policy/",
    "aid-history/",
    "poverty-results/",
    "changzhi/",
    "methodology/",
    "data/",
    "data/dictionary/",
    "regions/",
    "regions/compare/",
    "regions/140427/",
    "regions/140400/",
    "organizations/",
    "organizations/acftu/",
    "measures/",
    "measures/jinzhengfa-2021-36-04/",
    "sources/",
    "sources/hsx-2022-changzhi-aid/",
    "sources/sxrb-2021-poverty-results/",
)


def text_columns(model) -> dict[str, bool]:
    """The free-text columns of a table (no pattern, no code table): names, titles, notes, figures as printed;
    each with whether it is prose."""
    return {
        f["name"]: f.get("constraints", {}).get("maxLength", 0) > PROSE
        for f in table_schema(model)["fields"]
        if searchable(f) and not model.codes_of(f["name"])
    }


def poisoned(i: int, text: str, prose: bool) -> str:
    """A text made hostile: a start, the hostile run, then the text; every other prose text also has a second
    line that starts like a list or a rule."""
    start = f"{STARTS[i % len(STARTS)]}{HOSTILE} "
    if prose and i % 2:
        start += f"\n{LINE_STARTS[i // 2 % len(LINE_STARTS)]}{HOSTILE} "
    return start + text


def hostile_copy(root: Path) -> Layout:
    """A copy of the project whose every text, in every text column of every table, is hostile. The code
    labels and the release history are left out: they are generated, from schemas/codes.py and from the data."""
    layout = copy_project(root)
    for model in RESOURCES:
        columns = text_columns(model) if model.meta.resource != "codes" and model in TRACKED else {}
        if not columns:
            continue

        def poison(i: int, row: dict[str, str], columns: dict[str, bool] = columns) -> None:
            for column, prose in columns.items():
                if row[column]:  # by the text, so that a note and its rendering's key stay the same
                    row[column] = poisoned(zlib.crc32(row[column].encode()), row[column], prose)

        rewrite(layout.csv(model.meta.resource), poison)
    return layout


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Layout:
    from scripts.cli import main

    layout = hostile_copy(tmp_path_factory.mktemp("hostile"))
    assert main(["--root", str(layout.root), "build"]) == 0
    return layout


# What a page may not hold: a script, an image or a handler from the data, a javascript: link, or a run of the
# data that markup made into an element (a text that starts with a marker).
INJECTED = """() => {
  const found = [];
  for (const s of document.querySelectorAll("script")) if (s.textContent.includes("alert(1)")) found.push("script");
  for (const e of document.querySelectorAll("*"))
    for (const a of e.attributes) if (a.name.startsWith("on") || a.value.startsWith("javascript:")) found.push(`${e.tagName} ${a.name}`);
  if (document.querySelector('img[src="x"]')) found.push("img");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("svg")) continue;
    if (node.textContent.trimStart().startsWith("⟦")) found.push(`${node.parentElement.tagName}: ${node.textContent.slice(0, 30)}`);
  }
  return found;
}"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_hostile_data_shows_as_text_on_every_page_kind(browser, hostile, lang):
    dialogs, problems = [], []
    with serving(hostile) as url:
        page = browser.new_page(viewport=VIEWPORTS["desktop"])

        def opened(dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", opened)
        for path in HOSTILE_PAGES:
            page.goto(url + lang + path, wait_until="load")
            problems += [f"{lang}{path}: {found}" for found in page.evaluate(INJECTED)]
        page.goto(url + lang + "regions/140427/", wait_until="load")
        title = page.title()
        page.fill("input.md-search__input", "Huguan" if lang else "壶关")  # results with hostile titles and text
        page.locator(".md-search-result__item").first.wait_for()
        problems += [f"search: {found}" for found in page.evaluate(INJECTED)]
        page.close()
    assert not dialogs, dialogs
    assert not problems, problems[:20]
    assert "</title><script>alert(1)</script>" in title  # the title holds the name as text


# --- search -------------------------------------------------------------------------------------------------

# A term, the page's language, the pages that must come first (in any order), and how many results they may
# share the top with. Material's search cuts a query in the browser with its own jieba, which reads 长治 as
# 长 and 治, so Zhangzi (长子县, whose names also start with 长) can come before the city: 1 place is allowed.
RANKINGS = [
    ("壶关", "", ["长治市\u200b壶关县"], 0),
    ("总工会", "", ["中华全国\u200b总工会", "山西省\u200b总工会"], 0),
    ("乡村振兴", "", ["山西省\u200b乡村振兴\u200b局"], 0),
    ("长治", "", ["山西省\u200b长治市"], 1),
    ("脱贫", "", ["山西\u200b脱贫攻坚"], 0),
    # The English names on the Chinese site, and the Chinese names on the English site.
    ("Huguan", "", ["长治市\u200b壶关县"], 0),
    ("rural revitalization", "", ["山西省\u200b乡村振兴\u200b局"], 0),
    ("壶关", "en/", ["Huguan County"], 0),
    ("总工会", "en/", ["All-China Federation of Trade Unions"], 1),
    ("乡村振兴", "en/", ["Shanxi Provincial Rural Revitalization Administration"], 0),
    ("长治", "en/", ["Changzhi City"], 1),
    ("Huguan", "en/", ["Huguan County"], 0),
    ("rural revitalization", "en/", ["Shanxi Provincial Rural Revitalization Administration"], 0),
]


def _titles(page) -> list[str]:
    script = "els => els.map(e => e.textContent.trim())"
    return page.eval_on_selector_all(".md-search-result__item > a h1, .md-search-result__item > a h2", script)


@pytest.mark.parametrize(("term", "lang", "first", "shared"), RANKINGS)
def test_search_loads_one_language_when_opened_and_ranks_names_first(browser, base_url, term, lang, first, shared):
    """A page view fetches no search index; opening search fetches the page's language's index only; the
    names of bodies, counties and pages that match exactly come first."""
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]) if "search_index" in r.url else None)
    page.goto(base_url + lang, wait_until="networkidle")
    assert fetched == []
    page.fill("input.md-search__input", term)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # the results settle as the index answers each keystroke
    assert fetched == [f"search_index.{'en' if lang else 'zh'}.json"]
    titles = _titles(page)
    page.close()
    assert set(first) <= set(titles[: len(first) + shared]), titles[:6]


@pytest.mark.parametrize(("term", "lang"), [("光伏", ""), ("photovoltaic", "en/")])
def test_search_finds_every_figure_page_that_holds_a_term_in_its_first_ten(browser, base_url, built, term, lang):
    """光伏 names no body or place: the pages of the figures that hold it come in the first ten results."""
    suffix = ".en.md" if lang else ".md"
    holding = {
        p.name.removesuffix(suffix)
        for p in (built.docs / "f").glob(f"*{suffix}")
        if "." not in p.name.removesuffix(suffix)
    }
    holding = {
        fid
        for fid in holding
        if term in (built.docs / "f" / f"{fid}{suffix}").read_text(encoding="utf-8").split("## ")[0]
    }
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(base_url + lang, wait_until="networkidle")
    page.fill("input.md-search__input", term)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    found = {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs[:10] if "/f/" in h}
    assert holding and holding <= found, (holding - found, hrefs[:10])


def page_weight(browser, url: str) -> dict[str, int]:
    """What a phone downloads to show a page, by address: each response's bytes, gzipped as the server
    would send them."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    weights = {}
    for response in responses:
        try:
            weights[response.url] = len(gzip.compress(response.body(), 9))
        except Exception:  # a redirect has no body
            continue
    page.close()
    return weights


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_home_page_with_its_assets_is_under_100_kb_gzip(browser, base_url, path):
    weights = page_weight(browser, base_url + path)
    assert not [url for url in weights if "search_index" in url]
    assert sum(weights.values()) < 100 * 1024, sorted(weights.items(), key=lambda item: -item[1])[:5]


TAP_TARGETS = """() => [...document.querySelectorAll("figure.chart svg a")].map((a) => {
  const box = a.getBoundingClientRect();
  return [a.querySelector("title").textContent, Math.min(box.width, box.height)];
})"""


@pytest.mark.parametrize("path", ["", "en/"])
def test_every_county_on_the_map_is_a_target_of_24_px_on_a_phone(browser, base_url, path):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + path, wait_until="load")
    sizes = page.evaluate(TAP_TARGETS)
    page.close()
    assert len(sizes) == len(old_area_codes())
    assert [name for name, size in sizes if size < 24] == []


OVERVIEWS = ("home", "policy")  # pages that fit in a few phone screens: their details are a tap away
SCREENS = 8


def phone_screens(page) -> float:
    return page.evaluate("document.documentElement.scrollHeight / window.innerHeight")


@pytest.mark.parametrize("name", [f"{name}-{lang}" for name in OVERVIEWS for lang in ("zh", "en")])
def test_an_overview_fits_in_eight_phone_screens(browser, base_url, name):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + PAGES[name], wait_until="load")
    assert phone_screens(page) <= SCREENS
    page.close()


def test_the_length_check_sees_a_page_grown_long(browser, base_url):
    """Seeded: the policy page with its details back in it (a block as tall as ten screens)."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + PAGES["policy-zh"], wait_until="load")
    page.evaluate(
        "document.querySelector('article').append(Object.assign(document.createElement('div'), {style: 'height: 8440px'}))"
    )
    assert phone_screens(page) > SCREENS
    page.close()


def test_a_highlight_link_scrolls_the_words_into_view(browser, base_url):
    """A text-fragment link built as the site builds them, on a local page: Chromium scrolls to the words (a
    target of the policy printed with 、, which the link encodes), and does not without the fragment."""
    words = next(t["text_zh"] for t in data_rows("policy_targets") if "、" in t["text_zh"])
    for url, scrolled in ((base_url + "policy/", False), (text_fragment(base_url + "policy/", words), True)):
        page = browser.new_page(viewport=VIEWPORTS["phone"])
        page.goto(url, wait_until="load")
        if scrolled:
            page.wait_for_function("window.scrollY > 0", timeout=5000)
        else:
            page.wait_for_timeout(500)
            assert page.evaluate("window.scrollY") == 0
        page.close()


# --- the reader's proof: two taps from a figure to its words on a public page -------------------------------

PROOF = """() => {
  const height = window.innerHeight;
  const source = [...document.querySelectorAll("article li")].find((li) => li.querySelector('a[href*="sources/"]'));
  const box = source.getBoundingClientRect();
  const links = [...document.querySelectorAll('article a[href*=":~:text="]')].map((a) => a.href);
  return {onScreen: box.top >= 0 && box.bottom <= height, source: source.textContent, links};
}"""


def _printed_on_public_pages(fid: str) -> set[tuple[str, str]]:
    """Where a figure may be checked: its source's address with the figure as printed, and each other public
    report of it with the figure as that page prints it."""
    sources = {s["id"]: s for s in data_rows("sources")}
    o = next(o for o in data_rows("observations") if o["id"] == fid)
    found = {(sources[o["source_id"]]["url"], o["figure_text"])} if sources[o["source_id"]]["url"] else set()
    corroborations = [c for c in data_rows("corroborations") if c["observation_id"] == fid]
    return found | {(sources[c["source_id"]]["url"], c["figure_text"]) for c in corroborations}


def _check_figure_page(page, base_url: str) -> str:
    """On the figure page a tap reached: the source's title and publisher on screen, and a link that highlights
    the figure as printed on a public page. Returns the figure's id."""
    fid = page.url.rstrip("/").rsplit("/", 1)[-1]
    proof = page.evaluate(PROOF)
    source = next(
        s
        for s in data_rows("sources")
        if s["id"] == next(o for o in data_rows("observations") if o["id"] == fid)["source_id"]
    )
    assert proof["onScreen"], (fid, proof["source"])
    assert (source["title_zh"] or source["publisher_zh"])[:6] in proof["source"] or source["title_en"][:12] in proof[
        "source"
    ]
    links = {(unquote(h.split("#")[0]), unquote(h.split(":~:text=", 1)[1])) for h in proof["links"]}
    assert links and all(not url.startswith(base_url.split(PREFIX)[0]) for url, _ in links), (fid, links)
    assert links <= _printed_on_public_pages(fid), (fid, links)
    return fid


def _county_of_checkable_figures() -> str:
    """The old-area county with the most figures that a public page prints: its page shows them as cards."""
    counts = Counter(o["region_code"] for o in data_rows("observations") if _printed_on_public_pages(o["id"]))
    return max(old_area_codes(), key=lambda code: counts[code])


@pytest.mark.parametrize("lang", ["", "en/"])
def test_two_taps_from_a_figure_to_its_words_on_a_public_page(browser, base_url, lang):
    """At 390x844: every key figure of the home page and three figures of a county page are one tap from their
    figure page, whose link to a public page (the second tap) highlights the figure as printed there."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(base_url + lang, wait_until="load")
    cards = page.locator("a.key-figure").count()
    featured = [f for f in data_rows("featured_figures") if f["feature"] == "key_figure"]
    assert cards == len(featured) > 0
    reached = []
    for i in range(cards):
        page.goto(base_url + lang, wait_until="load")
        page.locator("a.key-figure").nth(i).click()
        page.wait_for_load_state("load")
        reached.append(_check_figure_page(page, base_url))
    assert set(reached) == {f["observation_id"] for f in featured}
    county = _county_of_checkable_figures()
    for i in range(3):
        page.goto(f"{base_url}{lang}regions/{county}/", wait_until="load")
        page.locator('article td a[href*="/f/"]').nth(i).click()  # a figure's 出处, in its card
        page.wait_for_load_state("load")
        _check_figure_page(page, base_url)
    page.close()


def test_the_proof_check_sees_a_source_off_screen_and_a_highlight_of_other_words(browser, base_url):
    """Seeded defects on a figure page: a tall block above its source, then a link that highlights other words."""
    fid = next(f["observation_id"] for f in data_rows("featured_figures") if f["feature"] == "key_figure")
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(f"{base_url}f/{fid}/", wait_until="load")
    _check_figure_page(page, base_url)
    page.evaluate(
        "document.querySelector('article h1').insertAdjacentHTML('afterend', '<div style=\"height:900px\"></div>')"
    )
    with pytest.raises(AssertionError):
        _check_figure_page(page, base_url)
    page.goto(f"{base_url}f/{fid}/", wait_until="load")
    page.evaluate(
        "document.querySelector('article h1').insertAdjacentHTML('afterend', "
        "'<a href=\"https://example.org/#:~:text=other%20words\">x</a>')"
    )
    with pytest.raises(AssertionError):
        _check_figure_page(page, base_url)
    page.close()
