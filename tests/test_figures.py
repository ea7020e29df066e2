"""Reading figures as printed into values, qualifiers and units."""

from decimal import Decimal

import pytest

from scripts.coverage import numbers
from scripts.figures import chinese_number, find, parse


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "units"),
    [
        ("574.55万余元", "5745500", "more_than", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("1384.9万余元", "13849000", "more_than", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("180余万元", "1800000", "more_than", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("20多头", "20", "more_than", {"count"}),
        ("10万元以上", "100000", "at_least", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("14%以上", "14", "at_least", {"percent"}),
        ("1小时左右", "1", "about", {"hour"}),
        ("2至3个", "2", "range", {"count"}),
        ("第二", "2", "exact", {"rank"}),
        ("88万余人次", "880000", "more_than", {"person_time"}),
        ("4700余农户", "4700", "more_than", {"household"}),
        ("1.25万公里", "12500", "exact", {"km"}),
        ("604平方公里", "604", "exact", {"square_km"}),
        ("突破50亿元", "5000000000", "more_than", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("40.6个百分点", "40.6", "exact", {"percentage_point"}),
        ("5年", "5", "exact", {"year"}),
        ("314.3公顷", "314.3", "exact", {"hectare"}),
        ("6万余亩", "60000", "more_than", {"mu"}),
    ],
)
def test_parse(text, value, qualifier, units):
    figure = parse(text)
    assert figure.value == Decimal(value)
    assert figure.qualifier == qualifier
    assert figure.units() == units


@pytest.mark.parametrize(
    ("text", "value", "upper"),
    [("2至3个", 2, 3), ("两至三个", 2, 3), ("2至3万元", 20000, 30000), ("5个", 5, None), ("10万元以上", 100000, None)],
)
def test_a_range_reads_as_its_two_ends(text, value, upper):
    figure = parse(text)
    assert (figure.value, figure.upper) == (Decimal(value), None if upper is None else Decimal(upper))
    assert (figure.qualifier == "range") == (upper is not None)


def test_a_bare_number_has_no_unit():
    assert parse("44.3").units() is None
    assert parse("329万").value == Decimal("3290000")


@pytest.mark.parametrize("text", ["约", "万元", "abc", "", "20余多万元"])
def test_what_is_not_a_figure_is_refused(text):
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("七", 7),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("三十五", 35),
        ("一百零五", 105),
        ("三百零五", 305),
        ("一千二百", 1200),
        ("一千零五十", 1050),
        ("两千", 2000),
        ("三十万", 300_000),
        ("一万零五百", 10_500),
        ("三亿五千万", 350_000_000),
        ("两亿", 200_000_000),
        ("一万亿", 1_000_000_000_000),
        ("二〇二一", 2021),
        ("一九八六", 1986),
        ("一千二", 1200),
        ("一万五", 15_000),
        ("三百五", 350),
    ],
)
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["万", "亿", "十十", "五五十", "一千一千", "七十亿亿", "十百"])
def test_what_is_not_a_chinese_number_is_refused(text):
    with pytest.raises(ValueError):
        chinese_number(text)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        # the four misreadings of issue 10: 100, 1000, 1 and 1
        ("一百零五", "105", "exact", None),
        ("一千二百人", "1200", "exact", {"person"}),
        ("1,200元", "1200", "exact", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("二〇二一年", "2021", "exact", {"year"}),
        ("十五个", "15", "exact", {"count"}),
        ("三十万元", "300000", "exact", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("三十余万元", "300000", "more_than", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("两千余人", "2000", "more_than", {"person"}),
        ("约三十五个", "35", "about", {"count"}),
        ("12,345.5万元", "123455000", "exact", {"yuan", "yuan_per_person", "yuan_per_household"}),
        ("两至三个", "2", "range", {"count"}),
    ],
)
def test_parse_chinese_and_grouped_numbers(text, value, qualifier, unit):
    figure = parse(text)
    assert (figure.value, figure.qualifier, figure.units()) == (Decimal(value), qualifier, unit)


def test_a_full_width_comma_divides_numbers():
    assert numbers("增长5，120个村") == [Decimal(5), Decimal(120)]
    assert numbers("1,200元,2,500人") == [Decimal(1200), Decimal(2500)]


def test_find_reads_each_figure_with_its_words():
    line = "某县投入574.55万余元，新建道路12.5公里，带动两千余人增收，办成三十五个项目，2至3个村受益"
    assert [(f.text, f.numbers) for f in find(line)] == [
        ("574.55万余元", (Decimal("574.55"),)),
        ("12.5公里", (Decimal("12.5"),)),
        ("两千余人", (Decimal(2000),)),
        ("三十五个", (Decimal(35),)),
        ("2至3个", (Decimal(2), Decimal(3))),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "一个个数字",
        "十四五规划",
        "百年大计",
        "千万不要",
        "一户一策",
        "一年多来",
        "半导体",
        "一城风景半城绿",
        "半个世纪",
    ],
)
def test_chinese_numerals_that_are_wording_are_not_numbers(line):
    assert find(line) == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "units"),
    [
        ("第一", "1", "exact", {"rank"}),
        ("第四大", "4", "exact", {"rank"}),
        ("前三", "3", "at_most", {"rank"}),
        ("一半", "50", "exact", {"percent"}),
        ("一半以上", "50", "at_least", {"percent"}),
        ("超过一半", "50", "more_than", {"percent"}),
        ("过半", "50", "more_than", {"percent"}),
        ("三分之一", "33.33", "exact", {"percent"}),
        ("百分之五", "5", "exact", {"percent"}),
        ("半小时", "0.5", "exact", {"hour"}),
        ("一个半小时", "1.5", "exact", {"hour"}),
        ("两个半小时", "2.5", "exact", {"hour"}),
        ("三天", "3", "exact", {"day"}),
        ("四届", "4", "exact", {"count"}),
    ],
)
def test_parse_figures_written_in_words(text, value, qualifier, units):
    figure = parse(text)
    assert (figure.value, figure.qualifier, figure.units()) == (Decimal(value), qualifier, units)


@pytest.mark.parametrize("text", ["半", "第一半", "一半元", "零分之一", "前一半"])
def test_what_is_not_a_figure_in_words_is_refused(text):
    with pytest.raises(ValueError):
        parse(text)


def test_find_reads_figures_written_in_words_with_their_form():
    line = (
        "增幅位居全省第二，规模位居全国前三，占全省一半以上，半小时通达，一个半小时到太原，七大集群，三个方面，第一书记"
    )
    assert [(f.text, f.numbers, f.form) for f in find(line)] == [
        ("第二", (Decimal(2),), "ordinal"),
        ("前三", (Decimal(3),), "ordinal"),
        ("一半以上", (Decimal(50),), "share"),
        ("半小时", (Decimal("0.5"),), "half"),
        ("一个半小时", (Decimal("1.5"),), "half"),
        ("七大", (Decimal(7),), ""),
        ("三个", (Decimal(3),), ""),
        ("第一", (Decimal(1),), "ordinal"),
    ]


def test_qian_marks_a_rank_only_before_no_unit_word():
    """前三 is among the first three; in 目前三个 (at present, three) 前 belongs to another word."""
    assert [(f.text, f.form) for f in find("目前三个，此前两年，位居前三")] == [
        ("三个", ""),
        ("两年", ""),
        ("前三", "ordinal"),
    ]
    assert parse("前两年").units() == {"year"}
