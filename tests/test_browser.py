"""The site in Debian's Chromium, driven by Playwright: phone and desktop, no console error, no failed or
third-party request, and no serious or critical accessibility violation (axe-core)."""

import shutil
import threading
from pathlib import Path

import pytest

from scripts.layout import ROOT
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


@pytest.fixture(scope="module")
def base_url(built):
    httpd = server(built, "127.0.0.1", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}{PREFIX}"
    httpd.shutdown()
    httpd.server_close()


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
