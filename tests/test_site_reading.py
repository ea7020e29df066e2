"""The site as a reader reads it: tables that become labelled cards on a phone, repeated rows grouped, the
responsibility matrix as a list on a phone, and values in the units of the page's language."""

import re

import markdown
import pytest

from scripts.site import amounts, cards
from scripts.site.markup import table
from scripts.site.words import word


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
    text = (built.docs / "measures" / "index.md").read_text(encoding="utf-8")
    assert '<div class="matrix-list" markdown="1">' in text and '<div class="matrix" markdown="1">' in text
    listed = text.split('<div class="matrix-list" markdown="1">')[1].split("</div>")[0]
    bodies = re.findall(r"^- \[[^]]+\]\(\.\./organizations/", listed, re.M)
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


def _before_sections(page: str) -> str:
    return page.split("\n## ")[0]


def test_a_county_page_opens_with_its_summary(huguan):
    top = _before_sections(huguan)
    for expected in (
        "- 上级区划：[山西省长治市](../regions/140400.md)",
        "- 山西太行革命老区：" + word("yes_by", "zh"),
        "sxgov-2021-36.md#L134",  # the line of the policy's list that names the county
        "- 帮扶：",
        "    - 省直定点帮扶：35 个单位（平顺、壶关、武乡、沁县）",
        "[中华全国总工会](../organizations/acftu.md)（2016年起，至今）",
        "（2013年起，已结束）",  # an open-ended pairing whose body has been replaced
        "- 数字：9 个，如：",
        "引进无偿帮扶资金 1671万元",
        "- 项目：政策点名 3 个：",
        "[与老区其他县比较](../regions/compare.md)",
    ):
        assert expected in top, expected


def test_a_county_the_sources_say_nothing_of_says_so_and_points_to_what_covers_it(built):
    page = (built.docs / "regions" / "140322.md").read_text(encoding="utf-8")
    top = _before_sections(page)
    assert (
        "来源中没有专门写到这里的内容，有关情况见[山西省阳泉市](../regions/140300.md)和[山西省](../regions/140000.md)的页面。"
        in top
    )
    assert "\n## " not in page  # nothing below the summary pretends otherwise
    huguan = (built.docs / "regions" / "140427.md").read_text(encoding="utf-8")
    assert "没有专门写到" not in huguan


def test_the_comparison_lists_the_counties_of_the_old_area_by_code(built, table):
    page = (built.docs / "regions" / "compare.md").read_text(encoding="utf-8")
    assert '<div class="sortable" markdown="1">' in page
    codes = re.findall(r"^\| \[[^]]+\]\(\.\./regions/(\d{6})\.md\)", page, re.M)
    designated = sorted(d["region_code"] for d in table("designations"))
    assert codes == designated
    huguan = next(line for line in page.splitlines() if "regions/140427.md" in line)
    assert (
        '<span data-sort="45860000.0">4586万元（余/多）（2016 起，截至 2022-04-01） '
        "[红色山西网 2022-04-01 第19行](../sources/hsx-2022-changzhi-aid.md#L19)"
    ) in huguan  # each figure with its period and source line
    assert '<span data-sort="0">—</span>' in page  # the sources say nothing: not a 0
    english = (built.docs / "regions" / "compare.en.md").read_text(encoding="utf-8")
    assert "45.86 million yuan" in english


@pytest.mark.parametrize("start", ["1986. ", "1) ", "- ", "---", "+ ", "=== ", "# ", "> ", "* "])
def test_a_value_cannot_start_a_list_a_rule_or_a_heading(start):
    from scripts.site.markup import esc

    value = f"{start}壶关"
    for context in ("{}", "- {}", "段落\n{}", "| a |\n| --- |\n| {} |"):
        html = markdown.markdown(context.format(esc(value)), extensions=["tables"])
        assert not re.search(r"<(ol|hr|h\d|blockquote|em)\b", html), (value, context, html)
        assert html.count("<li>") == context.startswith("- "), (value, context, html)


class _Ctx:
    """What `amounts.reading` asks of a page's context."""

    def __init__(self, lang: str):
        self.lang = lang

    def paren(self, text: str) -> str:
        return f"（{text}）" if self.lang == "zh" else f" ({text})"


def _readings(row: dict) -> tuple[str, str]:
    return amounts.reading(_Ctx("zh"), row), amounts.reading(_Ctx("en"), row)  # type: ignore[arg-type]


def test_a_count_keeps_its_measure_word_and_a_rank_reads_as_one(table):
    """Every count printed with a measure word of the unit's list reads with that word on a Chinese page, not
    个; every rank reads 第n位 / nth, or 前n位 / top n when printed with 前; seeded: a count of 个 stays 个."""
    from schemas.codes import UNIT
    from scripts.simplified import to_simplified

    words = UNIT["count"].measure_words
    counts = [o for o in table("observations") if o["unit"] == "count" and o["qualifier"] != "range"]
    for o in counts:
        row = {**o, "value": float(o["value"]), "value_max": None}
        word = next((w for w in to_simplified(o["figure_text"]) if w in words), "个")
        assert _readings(row)[0].split("（")[0].endswith(word), (o["id"], _readings(row))
    ranks = [o for o in table("observations") if o["unit"] == "rank"]
    assert ranks
    for o in ranks:
        zh, en = _readings({**o, "value": float(o["value"]), "value_max": None})
        n = amounts.scaled(float(o["value"]), "zh")
        assert zh == (f"前{n}位" if o["qualifier"] == "at_most" else f"第{n}位"), (o["id"], zh)
        assert en in (f"top {n}", f"{n}st", f"{n}nd", f"{n}rd", f"{n}th"), (o["id"], en)
    seeded = {"value": 59.0, "value_max": None, "unit": "count", "qualifier": "exact", "figure_text": "59个"}
    assert _readings(seeded) == ("59个", "59")
    assert _readings({**seeded, "figure_text": "59支"})[0] == "59支"
