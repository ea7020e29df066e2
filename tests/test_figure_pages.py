"""A page for every figure (/f/<id>/): reached from the 出处 of every figure table, with a link that
highlights the figure on a public page, or other public reports of it, or one sentence saying why there is
none; and its receipt: a citation with the version and id, a QR code, and the row exactly as the package has it."""

import re
from urllib.parse import unquote

import pytest

from schemas import PACKAGE
from scripts.site.figure_words import FIGURE_WORDS
from scripts.site.words import LANGS, suffix

FRAGMENT = re.compile(r"\]\(([^)\s]+#:~:text=([^)\s]+))\)")
WHY_NOT = FIGURE_WORDS["no_public_page"][0].split("（")[0]  # 这份来源没有找到公开网页


def page(built, fid: str, lang: str = "zh") -> str:
    return (built.docs / "f" / f"{fid}{suffix(lang)}.md").read_text(encoding="utf-8")


def test_every_figure_has_a_page_in_both_languages_and_nothing_else_does(built, table):
    ids = {o["id"] for o in table("observations")}
    for lang in LANGS:
        pages = {p.name.removesuffix(f"{suffix(lang)}.md") for p in (built.docs / "f").glob(f"*{suffix(lang)}.md")}
        pages = {p for p in pages if "." not in p}  # the Chinese glob also matches the English pages
        assert pages == ids
        assert all(
            (built.root / "site" / ("" if lang == "zh" else "en") / "f" / i / "index.html").exists() for i in ids
        )


def test_the_source_of_every_figure_in_a_table_leads_to_its_page(built, table):
    sources = {s["id"] for s in table("sources")}
    for sid in sources:
        fragment = (built.fragments / f"figures.{sid}.zh.md").read_text(encoding="utf-8")
        rows = [line for line in fragment.splitlines()[2:] if line.startswith("|")]
        cited = [o["id"] for o in table("observations") if o["source_id"] == sid]
        assert len(rows) == min(len(cited), 150)
        assert all(re.search(r"\]\(f/[a-z0-9-]+\.md\) \|$", row) for row in rows), sid


def test_each_figure_page_checks_the_figure_on_a_public_page_or_says_why_not(built, table):
    sources = {s["id"]: s for s in table("sources")}
    seen: dict[str, list[dict[str, str]]] = {}
    for c in table("corroborations"):
        seen.setdefault(c["observation_id"], []).append(c)
    for o in table("observations"):
        text = page(built, o["id"])
        links = {(unquote(url.split("#")[0]), unquote(words)) for url, words in FRAGMENT.findall(text)}
        expected = set()
        if sources[o["source_id"]]["url"]:
            expected.add((unquote(sources[o["source_id"]]["url"]), o["figure_text"]))
        expected |= {(unquote(sources[c["source_id"]]["url"]), c["figure_text"]) for c in seen.get(o["id"], [])}
        assert links == expected, o["id"]
        assert (WHY_NOT in text) == (not expected), o["id"]


def test_a_figure_page_is_its_receipt(built, table):
    with (built.root / "data" / "observations.csv").open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header, rows = lines[0], {line.split(",", 1)[0]: line for line in lines[1:]}
    for o in table("observations"):
        for lang in LANGS:
            text = page(built, o["id"], lang)
            assert f"```csv\n{header}\n{rows[o['id']]}\n```" in text  # the row exactly as the package has it
            assert f"{PACKAGE['version']}版" in text and f"version {PACKAGE['version']}" in text
            assert text.count(f" {o['id']}") >= 2  # the figure's id in both citations
            assert '<svg width="' in text and 'class="qr"' in text
            if o["locator"]:
                archived = next(s for s in table("sources") if s["id"] == o["source_id"])
                assert archived["sha256"] in text and f"#L{o['locator']})" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_qr_code_is_drawn_at_build_time_and_the_same_each_time(built, lang):
    """Two builds of one commit write the same page: the QR code has no random or dated part."""
    from scripts.site import figure
    from scripts.site.context import Context
    from scripts.site.data import Data

    with Data(built.database) as data:
        ctx = Context(data, lang)
        fid = figure.keys(ctx)[0]
        first = figure.page(ctx, fid)
        assert figure.page(ctx, fid) == first == page(built, fid, lang).split("---\n\n", 1)[1]


def test_every_source_has_a_public_address_or_a_recorded_search_for_one_and_for_its_figures(table):
    searched = {(s["source_id"], s["observation_id"]) for s in table("address_searches")}
    corroborated = {c["observation_id"] for c in table("corroborations")}
    for s in table("sources"):
        if s["url"]:
            continue
        assert (s["id"], "") in searched, s["id"]
        figures = [o["id"] for o in table("observations") if o["source_id"] == s["id"]]
        missing = [f for f in figures if f not in corroborated and (s["id"], f) not in searched]
        assert not missing, (s["id"], missing)
