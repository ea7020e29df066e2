"""Reading a figure as printed (574.55万余元, 20多头, 14%以上, 第二, 一千二百人, 2至3个) into a value (and the
upper end of a range), a qualifier and a unit word; and finding the figures of a line of text (`find`), for
the coverage report and `capture`.

Numbers are read in Arabic digits, with an ASCII comma between groups of three (1,200元 is 1200), or in
Chinese numerals, positional (一百零五, 三十万, 两千) or digit by digit (二〇二一). The full-width comma ，
is never a group separator: in Chinese text it divides clauses, so 5，120 is two numbers.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from schemas.codes import UNIT

MULTIPLIERS = {"": 1, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
QUALIFIERS = {"余": "more_than", "多": "more_than", "约": "about", "左右": "about", "以上": "at_least"}
PREFIXES = {"约": "about", "突破": "more_than", "超过": "more_than"}
CHINESE_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1_000}
CHINESE_SECTIONS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
CHINESE_NUMBER = f"[{CHINESE_NUMERALS}]+"
ARABIC_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"


def _unit_words() -> list[tuple[str, tuple[str, ...]]]:
    """The words that may follow a figure, longest first, and the base units each may be stored in (the usual
    first), from the unit code table."""
    units: dict[str, list[str]] = {}
    for code in UNIT.codes:
        for word in code.words:
            units.setdefault(word, []).append(code.code)
    return sorted(((word, tuple(found)) for word, found in units.items()), key=lambda item: -len(item[0]))


UNIT_WORDS = _unit_words()

FIGURE = re.compile(
    r"^(?P<prefix>约|突破|超过)?"
    rf"(?P<number>{ARABIC_NUMBER}|{CHINESE_NUMBER})"
    rf"(?:至(?P<upper>{ARABIC_NUMBER}|{CHINESE_NUMBER}))?"
    r"(?P<q1>余|多)?(?P<multiplier>万亿|亿|千|万)?(?P<q2>余|多)?"
    r"(?P<unit>.*?)"
    r"(?P<suffix>以上|左右)?$"
)


def candidates(unit_word: str) -> tuple[str, ...] | None:
    """The base units a figure with this unit word may be stored in, the usual first; None without one."""
    if unit_word.startswith("第"):
        return ("rank",)
    for word, units in UNIT_WORDS:
        if unit_word.startswith(word):
            return units
    return None if not unit_word else ()


@dataclass(frozen=True)
class Figure:
    value: Decimal  # for a range (2至3), its lower end
    qualifier: str
    unit_word: str
    upper: Decimal | None = None  # the upper end of a range, in the same unit

    def units(self) -> frozenset[str] | None:
        """The base units this figure may be stored in; None when it has no unit word."""
        found = candidates(self.unit_word)
        return None if found is None else frozenset(found)


def chinese_number(text: str) -> int:
    """A whole number in Chinese numerals: 七, 十五, 一百零五, 一千二百, 三十万, 两亿, or digit by digit (二〇二一).

    A digit left after the last unit counts in the unit below it, as people write 一千二 (1200) and
    一万五 (15000). Raises ValueError for text that is not a number, such as 万 or 十十.
    """
    if text and all(ch in CHINESE_DIGITS for ch in text):
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    done = section = 0  # done: the 亿 and 万 parts read so far; section: the part below 万
    digit: int | None = None
    last, zero, sections = 0, False, ""  # the last unit read, whether 零 followed it, the section words seen
    for ch in text:
        if ch in "〇零":
            zero = True
        elif ch in CHINESE_DIGITS:
            if digit is not None:
                raise ValueError(f"not a number: {text!r}")
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            unit = CHINESE_UNITS[ch]
            if section % (unit * 10) or (digit is None and section):
                raise ValueError(f"not a number: {text!r}")
            section, digit, last, zero = section + (1 if digit is None else digit) * unit, None, unit, False
        elif ch in CHINESE_SECTIONS and ch not in sections and (section or digit or done):
            unit = CHINESE_SECTIONS[ch]
            done = (done + section + (digit or 0)) * unit if ch == "亿" else done + (section + (digit or 0)) * unit
            section, digit, last, zero, sections = 0, None, unit, False, sections + ch
        else:
            raise ValueError(f"not a number: {text!r}")
    if digit is not None and last and not zero:
        digit *= last // 10  # 一千二: the 2 counts in hundreds
    return done + section + (digit or 0)


def number(text: str) -> Decimal:
    """A number in Arabic digits (with commas between groups of three) or in Chinese numerals."""
    return Decimal(text.replace(",", "")) if text[0].isdigit() else Decimal(chinese_number(text))


def parse(text: str) -> Figure:
    """Read a figure as printed. Raises ValueError for text that is not a figure."""
    rank = text.startswith("第")
    match = FIGURE.match(text.removeprefix("第"))
    if not match:
        raise ValueError(f"not a figure: {text!r}")
    g = match.groupdict()
    multiplier = MULTIPLIERS[g["multiplier"] or ""]
    value = number(g["number"]) * multiplier
    upper = number(g["upper"]) * multiplier if g["upper"] else None
    words = [w for w in (g["prefix"], g["q1"], g["q2"], g["suffix"]) if w]
    qualifiers = [PREFIXES.get(w) or QUALIFIERS[w] for w in words]
    if upper is not None:
        qualifiers.append("range")  # 2至3: the value is the lower end, `upper` the upper
    if len(qualifiers) > 1:
        raise ValueError(f"more than one qualifier in {text!r}")
    unit = ("第" if rank else "") + g["unit"]
    return Figure(value, qualifiers[0] if qualifiers else "exact", unit, upper)


UNIT_PATTERN = "|".join(re.escape(word) for word, _ in UNIT_WORDS)
# A number in a line of text, with the words around it that belong to its figure. Chinese numerals are
# read only before a unit word and not after 第 (第一书记); `find` says which of them count.
SCAN = re.compile(
    r"(?P<prefix>约|突破|超过)?"
    rf"(?:(?P<rank>第)?(?P<arabic>{ARABIC_NUMBER})(?:至(?P<upper>{ARABIC_NUMBER}))?"
    rf"|(?<![第\d{CHINESE_NUMERALS}])(?P<chinese>[〇零一二两三四五六七八九十][{CHINESE_NUMERALS}]*))"
    r"(?P<q1>余|多)?(?P<multiplier>万亿|亿|千|万)?(?P<q2>余|多)?"
    rf"(?P<unit>{UNIT_PATTERN})?(?P<suffix>以上|左右)?"
)


@dataclass(frozen=True)
class Found:
    """A figure found in a line: where it stands, its text, and the numbers it is written with."""

    start: int
    end: int
    text: str
    numbers: tuple[Decimal, ...]


def find(line: str) -> list[Found]:
    """Every number of a line (simplified script), each with its figure: 574.55万余元, 2至3个, 两千余人.

    Every number in Arabic digits counts. A number in Chinese numerals counts when a unit word follows it,
    except what is wording rather than a figure: a single numeral before a count word (三个方面, 两项补贴)
    and 一 alone (一户一策, 一年多来).
    """
    found = []
    for m in SCAN.finditer(line):
        if m["arabic"]:
            numbers = tuple(number(n) for n in (m["arabic"], m["upper"]) if n)
        elif m["unit"] and m["chinese"] != "一" and (len(m["chinese"]) > 1 or candidates(m["unit"]) != ("count",)):
            try:
                numbers = (number(m["chinese"]),)
            except ValueError:
                continue  # numerals that do not make a number, such as 十十
        else:
            continue
        found.append(Found(m.start(), m.end(), m[0], numbers))
    return found
