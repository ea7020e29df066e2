"""Every built page ends with when its data last changed and its sources were last checked, and how to cite it:
the dates are derived here again from the release history and the tables, each check with a seeded defect."""

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from schemas import PACKAGE, RESOURCES
from tests.defects import data_rows, old_area_codes

PAGED = {m.meta.resource: m.meta.pages for m in RESOURCES if m.meta.pages}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
VERSION = re.compile(r"\b(\d+\.\d+\.\d+) ?(?:版|,)")


def _order(version: str) -> tuple[int, ...]:
    return tuple(map(int, version.split(".")))


def _changed() -> dict[str, str]:
    """The newest version that changed each row with a page, or a row referring to it, by the page's path."""
    latest: dict[tuple[str, str], str] = {}
    for e in data_rows("row_changes"):
        pair = (e["resource"], e["key"])
        latest[pair] = max(latest.get(pair, e["version"]), e["version"], key=_order)
    out = {f"{PAGED[r]}/{k}": v for (r, k), v in latest.items() if r in PAGED}
    for model in RESOURCES:
        for fk in model.foreign_keys():
            if fk.resource not in PAGED or model.meta.resource == "row_changes":
                continue
            for row in data_rows(model.meta.resource):
                child = latest.get((model.meta.resource, "|".join(row[c] for c in model.meta.primary_key)))
                parent = f"{PAGED[fk.resource]}/{row[fk.field]}"
                if row[fk.field] and child and parent in out:
                    out[parent] = max(out[parent], child, key=_order)
    return out


@pytest.fixture(scope="module")
def facts() -> dict:
    return {
        "checked": {f"{PAGED['sources']}/{s['id']}": s["url_checked"] for s in data_rows("sources")},
        "changed": _changed(),
        "releases": {r["version"]: r["released"] for r in data_rows("releases")},
        "released": PACKAGE["created"][:10],
        "version": PACKAGE["version"],
    }


def misdated(page: str, url: str, facts: dict) -> list[str]:
    """What is wrong with a built page's citation: not there once, without the version, or dated other than
    the newest version that changed a row it is about or links to and the newest check of the sources it
    links to (or its own, on a source's page); the release date when there are neither."""
    blocks = re.findall(r'<div class="cite-page" data-search-exclude>(.*?)</div>', page, re.S)
    if len(blocks) != 1:
        return [f"{len(blocks)} citation blocks"]
    body, said = page.split('<div class="cite-page"')[0], unescape(blocks[0].split("</p>")[0])
    hrefs = re.findall(r'href="(?![a-z][a-z0-9+.-]*:)([^"#?]*)', body)
    paths = {urljoin("/" + url, h).strip("/").removeprefix("en/") for h in hrefs} | {url.strip("/").removeprefix("en/")}
    checked = max((facts["checked"][p] for p in paths if facts["checked"].get(p)), default=None)
    changed = max((facts["changed"][p] for p in paths if p in facts["changed"]), default=None, key=_order)
    problems = [] if facts["version"] in blocks[0] else ["no version"]
    expected = {checked} - {None}
    if changed:
        expected.add(facts["releases"][changed])
        problems += (
            [] if VERSION.findall(said) == [changed] else [f"changed in {VERSION.findall(said)}, expected {changed}"]
        )
    dates = set(DATE.findall(said))
    return problems + (
        [] if dates == (expected or {facts["released"]}) else [f"dated {sorted(dates)}, expected {expected}"]
    )


def _url(site: Path, path: Path) -> str:
    return str(path.parent.relative_to(site)) + "/" if path.parent != site else ""


def test_every_page_says_when_its_data_changed_and_its_sources_were_checked(built, facts):
    site = built.root / "site"
    pages = [p for p in site.rglob("index.html") if p.parent != site / "search"]
    assert len(pages) > 100
    wrong = {}
    for path in pages:
        found = misdated(path.read_text(encoding="utf-8"), _url(site, path), facts)
        if found:
            wrong[str(path.relative_to(site))] = found
    assert wrong == {}
    said = (site / "regions" / old_area_codes()[0] / "index.html").read_text(encoding="utf-8")
    assert "本页数据最近一次变动" in said, "a county page says when its data changed"


def test_the_citation_check_sees_a_wrong_date_a_wrong_version_and_a_missing_block(built, facts):
    """Seeded: a county page dated a year before its sources were checked, or naming an older version; the
    home page without its block."""
    site = built.root / "site"
    url = f"regions/{old_area_codes()[0]}/"
    county = (site / url / "index.html").read_text(encoding="utf-8")
    newest = re.findall(r"最近核对日期：(\d{4}-\d{2}-\d{2})", county)[0]
    assert misdated(county, url, facts) == []
    assert misdated(county.replace(f"日期：{newest}", "日期：1999-01-01"), url, facts)
    assert misdated(re.sub(r"：\d+\.\d+\.\d+ 版", "：0.0.1 版", county), url, facts)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert misdated(re.sub(r'<div class="cite-page".*?</div>', "", home, flags=re.S), "", facts)


def test_a_page_citation_escapes_its_title_in_html_and_bibtex():
    from scripts.site.citepage import block

    facts = {"dataset": {"zh": "数据"}, "authors": {"zh": "贡献者"}, "version": "1.0.0", "released": "2026-01-01"}
    facts |= {"checked": {}, "changed": {}, "releases": {}}
    html = block(facts, "zh", '<script>alert("x")</script> {50%}', "https://x/", "taihang:x", set())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert r'title = {<script>alert("x")</script> \{50\%\}}' in unescape(html)
