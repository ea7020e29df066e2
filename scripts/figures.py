"""Reading a figure as printed (574.55万余元, 20多头, 14%以上, 第二) into a value, a qualifier and a unit word."""

import re
from dataclasses import dataclass
from decimal import Decimal

MULTIPLIERS = {"": 1, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
QUALIFIERS = {"余": "more_than", "多": "more_than", "约": "about", "左右": "about", "以上": "at_least"}
PREFIXES = {"约": "about", "突破": "more_than", "超过": "more_than"}
CHINESE_DIGITS = {"〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMBER = r"[〇一二两三四五六七八九十百]+"

# The words that may follow a figure, longest first, and the base units each may be stored in.
UNIT_WORDS: list[tuple[str, frozenset[str]]] = sorted(
    [
        ("元", frozenset({"yuan", "yuan_per_person", "yuan_per_household"})),
        ("人次", frozenset({"person_time"})),
        ("人", frozenset({"person"})),
        ("名", frozenset({"person"})),
        ("农户", frozenset({"household"})),
        ("户", frozenset({"household"})),
        ("亩", frozenset({"mu"})),
        ("公顷", frozenset({"hectare"})),
        ("平方公里", frozenset({"square_km"})),
        ("方公里", frozenset({"square_km"})),
        ("公里", frozenset({"km"})),
        ("吨", frozenset({"tonne"})),
        ("%", frozenset({"percent"})),
        ("个百分点", frozenset({"percentage_point"})),
        ("年", frozenset({"year"})),
        ("小时", frozenset({"hour"})),
        *((word, frozenset({"count"})) for word in "个座所家支条项处场种颗头村县大区类方届纵横"),
    ],
    key=lambda item: -len(item[0]),
)

FIGURE = re.compile(
    r"^(?P<prefix>约|突破|超过)?"
    r"(?P<number>\d+(?:\.\d+)?|" + CHINESE_NUMBER + r")"
    r"(?:至(?P<upper>\d+(?:\.\d+)?))?"
    r"(?P<q1>余|多)?(?P<multiplier>万亿|亿|千|万)?(?P<q2>余|多)?"
    r"(?P<unit>.*?)"
    r"(?P<suffix>以上|左右)?$"
)


@dataclass(frozen=True)
class Figure:
    value: Decimal
    qualifier: str
    unit_word: str

    def units(self) -> frozenset[str] | None:
        """The base units this figure may be stored in; None when it has no unit word."""
        if self.unit_word.startswith("第"):
            return frozenset({"rank"})
        for word, units in UNIT_WORDS:
            if self.unit_word.startswith(word):
                return units
        return None if not self.unit_word else frozenset()


def chinese_number(text: str) -> int:
    """一 to 九百九十九, as written in Chinese characters."""
    total, digit = 0, 0
    for ch in text:
        if ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = CHINESE_DIGITS[ch]
    return total + digit


def parse(text: str) -> Figure:
    """Read a figure as printed. Raises ValueError for text that is not a figure."""
    rank = text.startswith("第")
    match = FIGURE.match(text.removeprefix("第"))
    if not match:
        raise ValueError(f"not a figure: {text!r}")
    g = match.groupdict()
    number = g["number"]
    value = Decimal(number) if number[0].isdigit() else Decimal(chinese_number(number))
    value *= MULTIPLIERS[g["multiplier"] or ""]
    words = [w for w in (g["prefix"], g["q1"], g["q2"], g["suffix"]) if w]
    qualifiers = [PREFIXES.get(w) or QUALIFIERS[w] for w in words]
    if g["upper"]:
        qualifiers.append("at_least")  # a range 2至3 is stored as its lower bound
    if len(qualifiers) > 1:
        raise ValueError(f"more than one qualifier in {text!r}")
    unit = ("第" if rank else "") + g["unit"]
    return Figure(value, qualifiers[0] if qualifiers else "exact", unit)
