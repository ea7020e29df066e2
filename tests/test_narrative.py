"""The narrative pages are held to the standard of the data: no sentence follows a source's wording, and a
fact from outside the sources is a footnote marked as background, with a reference."""

import re
from pathlib import Path

import pytest

from scripts.figures import find
from scripts.layout import ROOT, Layout
from scripts.reader import Dataset, read, text
from scripts.sourcetext import readable

RUN = 12  # letters (characters and digits, punctuation and spaces aside) a page may share with a source
GENERATED = {"dictionary.md", "benchmarks.md"}
INCLUDES = re.compile(r"--8<--.*|\{\{.*?\}\}|\]\([^)]*\)|`[^`]*`")  # fragments, links' targets, code
FOOTNOTE = re.compile(r"\[\^([\w-]+)\](:?)")
BACKGROUND = {"zh": "背景资料（不在本站的来源中）：", "en": "Background, not from this site's sources:"}


def narrative_pages() -> list[Path]:
    docs = ROOT / "docs"
    return sorted(p for p in [*docs.glob("*.md"), *docs.glob("data/*.md")] if p.name not in GENERATED)


def letters(value: str) -> str:
    """Text reduced to its letters and digits, in simplified script: how wording is compared."""
    return "".join(ch for ch in readable(value) if ch.isalnum())


def _words(value: str) -> str:
    """A recorded value without its figures: what is left of 7993個 is nothing, of 晋政发〔2021〕36号 a name."""
    for figure in find(readable(value)):
        value = readable(value).replace(figure.text, "")
    return letters(value)


def recorded(dataset: Dataset) -> list[str]:
    """What the data records as printed that is more than a figure (names, titles, phrases): quoting it is
    not copying. A figure on its own is not set aside, so that it cannot cut a copied sentence in two."""
    found = {
        letters(text(getattr(row, column)))
        for model in dataset.models()
        for row in dataset.rows(model.meta.resource)
        for column in model.columns()
        if not model.ours(column) and isinstance(getattr(row, column), str) and len(_words(getattr(row, column))) > 1
    }
    return sorted((f for f in found if len(f) >= 4), key=len, reverse=True)


def shared_runs(page: str, sources: list[str], allowed: list[str]) -> list[str]:
    """The runs of at least RUN letters of a page that stand in a source, once what the data records as
    printed is set aside."""
    body = letters(INCLUDES.sub("|", page).replace("|", "\n"))  # a cut never joins two runs
    for quoted in allowed:
        body = body.replace(quoted, "|")
    joined = "|".join(sources)
    grams = {s[i : i + RUN] for s in sources for i in range(len(s) - RUN + 1)}
    runs, i = [], 0
    while i <= len(body) - RUN:
        if body[i : i + RUN] in grams:
            end = i + RUN
            while end < len(body) and body[i : end + 1] in joined:
                end += 1
            runs.append(body[i:end])
            i = end
        else:
            i += 1
    return runs


@pytest.fixture(scope="module")
def wording(layout: Layout, sources_dir: Path) -> tuple[list[str], list[str]]:
    dataset = read(layout)[0]
    sources = [
        letters((sources_dir / s.archive_file).read_text(encoding="utf-8"))
        for s in dataset.rows("sources")
        if s.archived
    ]
    return sources, recorded(dataset)


@pytest.mark.parametrize("path", narrative_pages(), ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_no_narrative_page_follows_a_source_sentence(path, wording):
    assert shared_runs(path.read_text(encoding="utf-8"), *wording) == []


def test_a_sentence_that_follows_its_source_is_caught(wording):
    """The sentence the poverty-results page had, close to line 7 of its source, and a clause of another."""
    copied = "报道称，到那时全省 58 个贫困县全部摘帽、7993 个贫困村全部退出、329 万贫困人口全部脱贫。"
    assert shared_runs(copied, *wording) == ["58个贫困县全部摘帽7993个贫困村全部退出329万贫困人口全部脱贫"]
    assert shared_runs("长治交通便利：瓦日铁路直通日照港，郑太高铁纵贯南北。", *wording) == [
        "瓦日铁路直通日照港郑太高铁纵贯南北"
    ]
    assert shared_runs("这 35 个县都在太行山区。", *wording) == []


def footnote_problems(page: str, lang: str) -> list[str]:
    """Footnotes that are not background with a reference, or references without a note."""
    refs = {m[1] for m in FOOTNOTE.finditer(page) if not m[2]}
    notes = {m[1]: page[m.end() :].split("\n", 1)[0].strip() for m in FOOTNOTE.finditer(page) if m[2]}
    problems = [f"[^{ref}] has no note" for ref in sorted(refs - set(notes))]
    for ref, note in sorted(notes.items()):
        if not note.startswith(BACKGROUND[lang]) or "《" not in note:
            problems.append(f"[^{ref}] is not background with a reference (a title in 《》): {note[:40]}")
    return problems


@pytest.mark.parametrize("path", narrative_pages(), ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_footnote_is_background_with_a_reference(path):
    lang = "en" if path.name.endswith(".en.md") else "zh"
    assert footnote_problems(path.read_text(encoding="utf-8"), lang) == []


def test_background_footnotes_are_used(wording):
    pages = {p.name: p.read_text(encoding="utf-8") for p in narrative_pages()}
    assert "[^nrta]" in pages["aid-history.md"] and "[^nrta]" in pages["aid-history.en.md"]
    assert footnote_problems("某事[^x]。\n\n[^x]: 某书。\n", "zh") == [
        "[^x] is not background with a reference (a title in 《》): 某书。"
    ]
    assert footnote_problems("某事[^y]。\n", "zh") == ["[^y] has no note"]


def test_the_home_page_claims_no_base_area_history():
    for name in ("index.md", "index.en.md"):
        page = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert "根据地" not in page and "heartland" not in page, name
