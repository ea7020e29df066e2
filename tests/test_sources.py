"""The sources table against the archived files, and the provenance verifier on every citing row."""

import hashlib
import shutil

import pytest

from scripts.layout import ROOT, Layout
from scripts.provenance import citing, texts, verify
from scripts.reader import read
from scripts.sourcetext import GLOSS, normalize
from scripts.sourcetext import read as read_source


def test_archived_files_match_their_hash_and_line_count(table, sources_dir):
    for source in archived(table):
        data = (sources_dir / source["archive_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["sha256"], source["id"]
        assert len(data.decode("utf-8").splitlines()) == int(source["lines"]), source["id"]


def test_the_inferred_date_and_publisher_are_labelled(table):
    assert all(s["date_note"] for s in table("sources") if s["date_inferred"] == "true")
    inferred = {s["id"]: s for s in archived(table) if s["date_inferred"] == "true"}
    assert list(inferred) == ["czrb-2024-11-page"]
    page = inferred["czrb-2024-11-page"]
    assert "inferred" in page["date_note"] and page["publisher_inferred"] == "true" and page["publisher_note"]
    assert (page["published_precision"], page["published_earliest"], page["published_latest"]) == (
        "window",
        "2024-11-28",
        "2024-12-03",
    )
    assert [s["id"] for s in table("sources") if s["publisher_inferred"] == "true"] == ["czrb-2024-11-page"]


def test_every_source_says_where_a_public_copy_is_or_that_none_was_found(table):
    for source in table("sources"):
        assert source["url_checked"], source["id"]
        if not source["url"]:
            assert "No public copy" in source["notes"], source["id"]
    kinds = {s["id"]: s["url_kind"] for s in archived(table) if s["url"]}
    assert kinds == {
        "hsx-2022-changzhi-aid": "original",
        "sxgov-2021-36": "republication",
        "sxrb-2022-changzhi-development": "republication",
    }


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"published_latest": "2024-11-27"}, "published must lie between published_earliest and published_latest"),
        ({"published_precision": "day"}, "given when, and only when, the precision is window"),
        ({"published_earliest": ""}, "given when, and only when, the precision is window"),
        ({"publisher_note": ""}, "an inferred publisher (publisher_inferred true) needs a publisher_note"),
        ({"date_note": ""}, "an inferred date (date_inferred true) needs a date_note"),
        ({"url": "http://example.org/page"}, "an address (url) has a url_kind and a url_checked date"),
        ({"url_kind": "original"}, "an address (url) has a url_kind and a url_checked date"),
    ],
)
def test_seeded_defects_of_what_is_inferred_or_found(tmp_path, edit_row, changes, expected):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    layout = Layout(tmp_path)
    edit_row(layout.csv("sources"), "czrb-2024-11-page", changes)
    problems = [str(p) for p in read(layout)[1]]
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].startswith("data/sources.csv:4:"), problems


def test_every_citing_row_passes_the_provenance_verifier(layout, sources_dir):
    problems = verify(layout, read(layout)[0], sources_dir)
    assert not problems, "\n".join(map(str, problems[:20]))


def test_every_citing_row_names_a_text_to_look_for(layout):
    dataset = read(layout)[0]
    resources = {model.meta.resource for model, _, _ in citing(dataset)}
    assert resources >= {"observations", "aid_assignments", "errata", "events", "projects", "designations"}
    for model, line, row in citing(dataset):
        assert texts(model, row, dataset), (model.meta.resource, line)


def test_normalize_strips_glosses_and_converts_to_simplified():
    assert normalize("脫貧攻堅 山西亮麗成績(jì)單") == "脱贫攻坚山西亮丽成绩单"
    assert normalize("社會(huì )主義") == "社会主义"


def test_every_source_links_its_publisher(table):
    bodies = {o["id"]: o for o in table("organizations")}
    for source in table("sources"):
        assert source["publisher_id"] in bodies, source["id"]
        assert bodies[source["publisher_id"]]["kind"] != "collective", source["id"]  # a body, not a group


def test_a_publisher_that_is_not_a_body_is_reported(data_copy, edit_row):
    """sources.publisher_id refers forward, to organizations: it is checked once that table is read."""
    edit_row(data_copy.csv("sources"), "czrb-2024-11-page", {"publisher_id": "changzhi-evening-news"})
    assert [str(p) for p in read(data_copy)[1]] == [
        "data/sources.csv:4:6: column 'publisher_id': value 'changzhi-evening-news': "
        "expected a value present in organizations.id"
    ]


def archived(table) -> list[dict[str, str]]:
    """The sources archived here (the others are web pages cited by their address)."""
    return [s for s in table("sources") if s["archived"] == "true"]


def _archived(table, sources_dir):
    for source in archived(table):
        yield source["id"], read_source(source["id"], sources_dir / source["archive_file"])


def test_every_glossed_line_has_its_pinyin_gloss_erratum(table, sources_dir):
    errata = {(e["source_id"], int(e["locator"])) for e in table("errata") if e["kind"] == "pinyin_gloss"}
    glossed = {
        (sid, n)
        for sid, source in _archived(table, sources_dir)
        for n, raw in enumerate(source.raw, 1)
        if GLOSS.search(raw)
    }
    assert glossed == errata


# Lines of 30 characters or more that end without closing punctuation by design: page chrome, a heading,
# photo captions (ending with the photographer's credit), a title, a list of counties, a separator.
OPEN_BY_DESIGN = (
    {("hsx-2022-changzhi-aid", n) for n in (1, 56, 58, 60)}
    | {("czrb-2024-11-page", n) for n in (38, 40, 70)}
    | {
        ("sxgov-2021-36", 4),
        ("sxgov-2021-36", 134),
        ("sxrb-2022-changzhi-development", 51),
    }
)


def test_every_paragraph_that_breaks_off_has_an_erratum(table, sources_dir):
    """A long line that ends without closing punctuation is split (split_line), cut (missing_text) or
    damaged (markup, spam), and has its erratum; lines that end open by design are listed above."""
    errata = {(e["source_id"], int(e["locator"])) for e in table("errata")}
    open_lines = {
        (sid, n)
        for sid, source in _archived(table, sources_dir)
        for n, line in enumerate(source.lines, 1)
        if len(line) >= 30 and line[-1] not in "。!?;…)”"
    }
    assert open_lines - OPEN_BY_DESIGN <= errata, sorted(open_lines - OPEN_BY_DESIGN - errata)
