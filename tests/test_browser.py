"""The site in Debian's Chromium, driven by Playwright: phone and desktop, no console error, no failed or
third-party request, and no serious or critical accessibility violation (axe-core); and a hostile copy of
the data, which every page kind shows as text."""

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import copy_project, rewrite

from schemas import RESOURCES
from scripts.database import searchable
from scripts.layout import ROOT, Layout
from scripts.package import table_schema
from scripts.serve import PREFIX, server

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {"home": "", "county": "regions/140427/", "policy": "policy/", "home-en": "en/"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

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


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_is_accessible(browser, base_url, screenshots, name, viewport):
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


# --- a hostile copy of the data -------------------------------------------------------------------------------

# Each text of the data starts with one of these (a list, a rule, a heading, a quote if read as Markdown), and
# goes on with HTML and Markdown that would run or take shape if it were not escaped. Every marker ⟦…⟧ begins
# a run that markup would make an element of its own: a text that starts with one shows that it did.
STARTS = ("1986. ", "- ", "---", "+ ", "# ", "> ", "=== ", "1) ")
HOSTILE = (
    "⟦t⟧</title><script>alert(1)</script><img src=x onerror=alert(1)>"
    "[⟦l⟧](javascript:alert(1)) a | ⟦p⟧ *⟦e⟧* _⟦u⟧_ `⟦c⟧` <b onmouseover=alert(1)>⟦b⟧</b>"
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


def text_columns(model) -> list[str]:
    """The free-text columns of a table (no pattern, no code table): names, titles, notes, figures as printed."""
    return [f["name"] for f in table_schema(model)["fields"] if searchable(f) and not model.codes_of(f["name"])]


def hostile_copy(root: Path) -> Layout:
    """A copy of the project whose every text, in every text column of every table, is hostile. The code
    labels are left out: they are generated from schemas/codes.py, not data."""
    layout = copy_project(root)
    for model in RESOURCES:
        columns = text_columns(model) if model.meta.resource != "codes" else []
        if not columns:
            continue

        def poison(i: int, row: dict[str, str], columns: list[str] = columns) -> None:
            for column in columns:
                if row[column]:
                    row[column] = f"{STARTS[i % len(STARTS)]}{HOSTILE} {row[column]}"

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
        page.fill("input.md-search__input", "壶关")  # results that show hostile titles and text
        page.locator(".md-search-result__item").first.wait_for()
        problems += [f"search: {found}" for found in page.evaluate(INJECTED)]
        page.close()
    assert not dialogs, dialogs
    assert not problems, problems[:20]
    assert "</title><script>alert(1)</script>" in title  # the title holds the name as text
