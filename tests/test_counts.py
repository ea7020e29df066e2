"""No count of the data is written by hand: the narrative pages, their front matter, the README and the
Datasette titles state how many sources, counties, projects, measures, targets or sections there are only
through a count fragment (`{{ count.<name>.zh.md }}`), read from the database when the site is built."""

import re
import subprocess
import tomllib

import pytest

from schemas.statements import STATEMENTS
from scripts.dictionary import DICTIONARY
from scripts.layout import ROOT
from scripts.site.fragments import COUNTS

# Pages written by a program: the data dictionary and the benchmark's results (synthetic sizes, not data).
GENERATED = {*DICTIONARY.values(), "docs/benchmarks.md", "docs/benchmarks.en.md"}
# A count of more than one (任何一份来源, "any one source", counts nothing), in digits or in words.
NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[二两三四五六七八九十]+)"
# The things the dataset counts, as the pages name them, with the words that qualify them as the dataset's
# (a figure a source prints, such as 58 poor counties or 黄河流域四个县, is quoted, not counted).
NOUN_ZH = r"(?:个|份|条|项)\s*(?:县（市、区）|县区|市|项目|条目|措施|目标|来源|文献|存档文献|部分)"
NOUN_EN = (
    r"(?:(?:archived|later|source|named|old-area)\s+)?(?:counties|cities|projects|measures|articles|targets|"
    r"sources|documents|sections|parts|county-level divisions)\b"
)
HAND_COUNT = re.compile(rf"(?<![\d.,])(?:{NUMBER}\s*{NOUN_ZH}|\b{NUMBER}\s+{NOUN_EN})", re.I)
FRAGMENT = re.compile(r"\{\{\s*[\w.-]+\.md\s*\}\}")


def hand_counts(text: str) -> list[tuple[int, str]]:
    """Each count stated by hand in a text: its line and the words."""
    return [
        (n, match[0])
        for n, line in enumerate(text.splitlines(), 1)
        for match in HAND_COUNT.finditer(FRAGMENT.sub("", line))
    ]


def narrative() -> list[str]:
    """The tracked Markdown a person writes: the pages under docs/ and the README."""
    listed = subprocess.run(
        ["git", "ls-files", "docs", "README.md", "CONTRIBUTING.md"], cwd=ROOT, text=True, capture_output=True
    ).stdout.split()
    if not listed:
        pytest.skip("not a git checkout: the narrative pages are the tracked ones")
    return [p for p in listed if p.endswith(".md") and p not in GENERATED]


def test_no_page_states_a_count_by_hand():
    found = [
        f"{path}:{n}: {words!r}"
        for path in narrative()
        for n, words in hand_counts((ROOT / path).read_text(encoding="utf-8"))
    ]
    assert not found, "counts written by hand; use {{ count.<name>.<lang>.md }}:\n" + "\n".join(found)


def test_no_datasette_title_states_a_count_by_hand():
    document = tomllib.loads(STATEMENTS.read_text(encoding="utf-8"))
    found = [
        f"{kind} {s['name']}.{key}: {words!r}"
        for kind in ("view", "query")
        for s in document[kind]
        for key in ("title_zh", "title_en", "description_zh", "description_en")
        for _, words in hand_counts(s.get(key, ""))
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        'description: "山西太行革命老区 35 个县（市、区）的开放数据"',
        "文件共七个部分、22 条",
        "All the data comes from five archived documents.",
        "The document names 115 projects.",
        "They belong to six cities.",
    ],
)
def test_a_count_by_hand_is_found(text):
    """Seeded: each of these states a count by hand, in the prose or in the front matter."""
    assert hand_counts(text)


@pytest.mark.parametrize(
    "text",
    [
        "所有内容来自{{ count.archived-sources.zh.md }}存档文献",
        "自 1986 年起，2025 年和 2035 年目标",
        "183 人编成 59 支队伍",
        "1.3万公里",
    ],
)
def test_a_fragment_or_a_figure_is_not_a_count_by_hand(text):
    assert not hand_counts(text)


def test_every_count_fragment_is_built(built):
    for name in COUNTS:
        for lang in ("zh", "en"):
            text = (built.root / "build" / "fragments" / f"count.{name}.{lang}.md").read_text(encoding="utf-8")
            assert re.fullmatch(rf"{NUMBER}\s*\S*", text.strip()), (name, lang, text)
