"""The site as a reader reads it: tables that become labelled cards on a phone, repeated rows grouped, the
responsibility matrix as a list on a phone, and values in the units of the page's language."""

import re

import markdown
import pytest

from scripts.site import amounts, cards
from scripts.site.markup import table


def _html(text: str) -> str:
    return cards.on_page_content(markdown.markdown(text, extensions=["tables", "md_in_html"]), None, None, None)


def test_every_cell_carries_the_heading_of_its_column():
    text = table(["指标", "[出处](a.md)", "A &#38; B"], [["x", "y", "z"], ["", "[l](b.md)", "w"]])
    html = _html(text)
    cells = re.findall(r'<td data-label="([^"]*)">', html)
    assert cells == ["指标", "出处", "A &amp; B"] * 2
    assert html.count("<td") == 6


def test_a_label_cannot_break_out_of_its_attribute():
    html = _html(table(["&#34; onmouseover=&#34;x", "b"], [["1", "2"]]))
    assert 'data-label="&quot; onmouseover=&quot;x"' in html


@pytest.fixture(scope="module")
def huguan(built) -> str:
    return (built.docs / "regions" / "140427.md").read_text(encoding="utf-8")


def test_a_group_of_bodies_is_one_row_that_opens_to_its_list(huguan):
    aid = huguan.split("## 帮扶")[1].split("\n## ")[0]
    rows = [line for line in aid.splitlines() if line.startswith("| ") and "---" not in line][1:]
    groups = [row for row in rows if "<details>" in row]
    assert len(groups) == 2, groups  # the 35 provincial bodies of 1986 and the 20 of the 2021 village teams
    listed = sorted(len(re.findall(r"\]\(\.\./organizations/", row)) for row in groups)
    assert listed == [20, 35]
    assert "<summary>35 个单位</summary>" in aid
    assert len(rows) <= 10


def test_a_pairing_stated_for_the_county_stays_a_row_of_its_own(huguan):
    assert re.search(r"^\| \[中华全国总工会\]\(\.\./organizations/acftu\.md\) \|", huguan, re.M)


def test_the_matrix_has_a_list_of_bodies_for_phones(built):
    text = (built.fragments / "matrix.zh.md").read_text(encoding="utf-8")
    assert '<div class="matrix-list" markdown="1">' in text and '<div class="matrix" markdown="1">' in text
    listed = text.split('<div class="matrix-list" markdown="1">')[1].split("</div>")[0]
    bodies = re.findall(r"^- \[[^]]+\]\(organizations/", listed, re.M)
    matrix = text.split('<div class="matrix" markdown="1">')[1]
    assert len(bodies) == len(re.findall(r"^\| \[", matrix, re.M)) > 20


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (45_860_000, "4586万", "45.86 million"),
        (123_680_000_000, "1236.8亿", "123.68 billion"),
        (3_290_000, "329万", "3.29 million"),
        (8_541_700, "854.17万", "8.5417 million"),
        (6642, "6642", "6,642"),
        (12.5, "12.5", "12.5"),
        (0, "0", "0"),
    ],
)
def test_values_read_in_the_large_units_of_each_language(value, zh, en):
    assert amounts.scaled(value, "zh") == zh
    assert amounts.scaled(value, "en") == en


def test_units_join_the_number_in_chinese_and_follow_it_in_english():
    assert amounts.with_unit(45_860_000, "元", "zh") == "4586万元"
    assert amounts.with_unit(45_860_000, "yuan", "en") == "45.86 million yuan"
    assert amounts.with_unit(12.5, "%", "en") == "12.5%"
