"""The site package: small modules, fragments chosen by data, labels that survive new codes, a clear stop
when its inputs are missing or stale, and a build that works on a copy of the project."""

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from schemas import BY_NAME
from scripts import release
from scripts.cli import main
from scripts.layout import ROOT, Layout
from scripts.site import featured, fragments, publish
from scripts.site.data import Data
from scripts.site.words import LANGS, chinese_numeral, counted

PACKAGE_DIR = ROOT / "scripts" / "site"


def test_no_module_of_the_site_package_is_longer_than_250_lines():
    long = {p.name: n for p in PACKAGE_DIR.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 250}
    assert not long, long


def test_every_source_has_its_figures_fragment(built, table):
    with_figures = {o["source_id"] for o in table("observations")}
    for source in table("sources"):
        for lang in LANGS:
            path = built.fragments / f"figures.{source['id']}.{lang}.md"
            assert path.exists(), path
        text = (built.fragments / f"figures.{source['id']}.zh.md").read_text(encoding="utf-8")
        if source["id"] in with_figures:  # a source with no figure has an empty fragment
            assert text.splitlines()[0] == "| 指标 | 数值 | 原文写法 | 地区 | 期间或截至 | 出处 |", source["id"]


def test_the_features_the_site_draws_are_codes_of_the_feature_table():
    codes = BY_NAME["featured_figures"].codes_of("feature")
    assert codes is not None
    known = codes.values()
    drawn = (featured.KEY_FIGURES, featured.BAR_CHARTS, featured.LINE_CHARTS, featured.LINE_NOTES)
    assert set(drawn) <= set(known)


@pytest.mark.parametrize(
    ("n", "zh", "en"),
    [
        (2, "两份", "two"),
        (5, "五份", "five"),
        (10, "10 份", "ten"),
        (13, "13 份", "13"),
        (20, "20 份", "20"),
        (105, "105 份", "105"),
    ],
)
def test_counts_are_written_as_words(n, zh, en):
    assert counted(n, "份", "zh") == zh
    assert counted(n, "份", "en") == en
    assert chinese_numeral(22) == "二十二"


def test_the_narrative_counts_the_sources_from_the_data(built, table):
    home = (built.root / "site" / "index.html").read_text(encoding="utf-8")
    english = (built.root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    n = sum(s["archived"] == "true" for s in table("sources"))
    web = len(table("sources")) - n
    assert f"内容来自{counted(n, '份', 'zh')}存档文献和" in home and f"{counted(web, '个', 'zh')}只引用" in home
    assert f"Everything comes from {counted(n, '', 'en')} archived documents" in english
    assert f"{counted(web, '', 'en')} web pages cited but not archived" in english
    assert "{{" not in home + english


def test_a_new_code_never_breaks_the_site(built, tmp_path):
    """Codes the code tables do not know yet are shown as themselves on every page and fragment."""
    db = tmp_path / "taihang.db"
    shutil.copy(built.database, db)
    conn = sqlite3.connect(db)
    for sql in (
        "UPDATE projects SET category = 'brand_new_category' WHERE rowid = 1",
        "UPDATE organizations SET kind = 'brand_new_kind', level = 'brand_new_level' WHERE rowid = 1",
        "UPDATE observations SET unit = 'brand_new_unit', qualifier = 'brand_new_qualifier' WHERE rowid = 1",
        "UPDATE errata SET kind = 'brand_new_erratum' WHERE rowid = 1",
        "UPDATE measure_responsibilities SET role = 'brand_new_role' WHERE rowid = 1",
        "UPDATE aid_assignments SET program = 'brand_new_program', status = 'brand_new_status' WHERE rowid = 1",
        "UPDATE regions SET level = 'brand_new_region_level' WHERE level = 'province'",
        "UPDATE sources SET language = 'brand_new_language' WHERE rowid = 1",
        "UPDATE featured_figures SET feature = 'brand_new_feature' WHERE rowid = 1",
    ):
        conn.execute(sql)
    conn.commit()
    conn.close()
    with Data(db) as data:
        text = "".join(publish.pages(data).values()) + "".join(fragments.every(data, built).values())
    for code in ("category", "kind", "level", "unit", "qualifier", "erratum", "role", "program", "status", "language"):
        assert f"brand&#95;new&#95;{code}" in text, code


# --- the inputs of the site step ----------------------------------------------------------------------


def _inputs(tmp_path: Path, built: Layout) -> Layout:
    """A copy of what the site step checks: the descriptor, the database, and the release."""
    shutil.copy2(built.descriptor, tmp_path / "datapackage.json")
    (tmp_path / "build").mkdir()
    shutil.copy2(built.database, tmp_path / "build" / "taihang.db")
    shutil.copytree(built.dist, tmp_path / "dist")
    return Layout(tmp_path)


def _stopped(layout: Layout, capsys) -> str:
    assert main(["--root", str(layout.root), "site"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert not (layout.root / "site").exists()
    return err


def test_the_site_stops_without_the_database(tmp_path, built, capsys):
    layout = _inputs(tmp_path, built)
    layout.database.unlink()
    err = _stopped(layout, capsys)
    assert "build/taihang.db is missing" in err and "python -m scripts database" in err


def test_the_site_stops_with_a_database_older_than_the_package(tmp_path, built, capsys):
    layout = _inputs(tmp_path, built)
    later = layout.database.stat().st_mtime_ns + 10**9
    os.utime(layout.descriptor, ns=(later, later))
    err = _stopped(layout, capsys)
    assert "build/taihang.db is older than datapackage.json" in err


def test_the_site_stops_without_the_release(tmp_path, built, capsys):
    layout = _inputs(tmp_path, built)
    shutil.rmtree(layout.dist)
    err = _stopped(layout, capsys)
    assert "dist/ has no taihang-old-area-" in err and "run `python -m scripts release`" in err


def test_the_site_stops_with_a_release_of_another_version(tmp_path, built, capsys):
    layout = _inputs(tmp_path, built)
    version = json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"]
    for path in layout.dist.iterdir():
        path.rename(path.with_name(path.name.replace(version, "0.0.1")))
    err = _stopped(layout, capsys)
    assert f"for version {version}" in err and "it holds taihang-old-area-0.0.1" in err
    assert "run `python -m scripts release`" in err


def test_the_site_stops_when_the_database_differs_from_the_release(tmp_path, built, capsys):
    layout = _inputs(tmp_path, built)
    with sqlite3.connect(layout.database) as conn:
        conn.execute("PRAGMA user_version = 7")
    err = _stopped(layout, capsys)
    files = release.names(json.loads(layout.descriptor.read_text(encoding="utf-8"))["version"])
    assert f"build/taihang.db differs from the database of the release, dist/{files['sqlite']}" in err


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.md"))}


def test_the_site_builds_in_a_copy_of_the_project(tmp_path, built):
    """Everything is read and written under the layout's root: the project's own tree is left alone."""
    for part in ("data", "docs", "overrides", "scripts", "dist"):
        shutil.copytree(built.root / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "datapackage.json", "CITATION.cff", "CHANGELOG.md"):
        shutil.copy2(built.root / name, tmp_path / name)
    (tmp_path / "build").mkdir()
    shutil.copy2(built.database, tmp_path / "build" / "taihang.db")
    for generated in ("regions", "organizations", "measures", "sources"):
        shutil.rmtree(tmp_path / "docs" / generated)
    before = _digests(built.docs / "regions"), (built.root / "site" / "index.html").read_bytes()
    layout = Layout(tmp_path)
    assert publish.build(layout) == tmp_path / "site"
    assert (tmp_path / "site" / "regions" / "140427" / "index.html").exists()
    assert (tmp_path / "site" / "en" / "sources" / "index.html").exists()
    assert (layout.fragments / "figures.sxgov-2021-36.en.md").exists()
    assert before == (_digests(built.docs / "regions"), (built.root / "site" / "index.html").read_bytes())


def test_a_source_page_says_what_is_inferred_and_where_a_copy_is(built):
    page = (built.docs / "sources" / "czrb-2024-11-page.md").read_text(encoding="utf-8")
    assert "- 发布者：[长治日报（推断）](../organizations/" in page  # linked to its body, marked inferred
    assert "- 日期：2024-11-28–12-03（推断）" in page
    assert "- 网址：未找到公开副本（查找于 2026-11-23）" in page
    english = (built.docs / "sources" / "sxgov-2021-36.en.md").read_text(encoding="utf-8")
    assert "- Address: [http://redsx.org.cn/yaowen/117.html](http://redsx.org.cn/yaowen/117.html)" in english
    assert "(republication: Hongse Shanxi (Red Shanxi), checked on 2026-11-23)" in english  # and who republished it
    assert "长治日报（推断）" in (built.docs / "sources" / "index.md").read_text(encoding="utf-8")
    figures = (built.fragments / "figures.czrb-2024-11-page.zh.md").read_text(encoding="utf-8")
    with sqlite3.connect(built.database) as conn:
        cited = conn.execute("SELECT id, locator FROM observations WHERE source_id = 'czrb-2024-11-page'").fetchall()
    for oid, line in cited:  # each figure's 出处 leads to its page, which links the line in the archived copy
        assert f"[长治日报 2024-11-28–12-03（推断）](f/{oid}.md)" in figures  # the date is inferred
        figure_page = (built.docs / "f" / f"{oid}.md").read_text(encoding="utf-8")
        assert f"](../sources/czrb-2024-11-page.md#L{line})" in figure_page


def test_the_search_index_cuts_names_into_words_the_browser_meets(tmp_path):
    """Material leaves a page's names (tags) whole: 中华全国总工会 would then never meet 工会, the word the
    browser cuts from a search for 总工会. The split index holds the name cut, with the shorter words inside."""
    from scripts.site import search

    (tmp_path / "search").mkdir()
    docs = [{"location": "organizations/acftu/", "title": "x", "text": "", "tags": ["中华全国总工会"]}]
    (tmp_path / search.INDEX).write_text(json.dumps({"config": {"lang": ["zh"]}, "docs": docs}), encoding="utf-8")
    (tmp_path / "userdict.txt").write_text("中华全国总工会 5\n", encoding="utf-8")
    search.split(tmp_path, tmp_path / "userdict.txt")
    index = json.loads((tmp_path / "search" / "search_index.zh.json").read_text(encoding="utf-8"))
    words = index["docs"][0]["tags"][0].split("\u200b")
    assert {"工会", "总工会", "中华全国总工会"} <= set(words)
