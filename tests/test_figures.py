"""Reading figures as printed into values, qualifiers and units."""

from decimal import Decimal

import pytest

from scripts.figures import chinese_number, parse


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
        ("2至3个", "2", "at_least", {"count"}),
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


def test_a_bare_number_has_no_unit():
    assert parse("44.3").units() is None
    assert parse("329万").value == Decimal("3290000")


@pytest.mark.parametrize("text", ["约", "万元", "abc", "", "20余多万元"])
def test_what_is_not_a_figure_is_refused(text):
    with pytest.raises(ValueError):
        parse(text)


def test_chinese_numbers():
    assert [chinese_number(t) for t in ("七", "十", "十二", "二十", "三百零五".replace("零", ""))] == [
        7,
        10,
        12,
        20,
        305,
    ]
