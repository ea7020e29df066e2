"""Reading a figure as printed (574.55万余元, 20多头, 14%以上, 第二, 前三, 一半以上, 一个半小时, 一千二百人,
2至3个) into a value (and the upper end of a range), a qualifier and a unit word; and finding the figures of
a line of text (`find`), for the coverage report and `capture`.

Numbers are read in Arabic digits, with an ASCII comma between groups of three (1,200元 is 1200), or in
Chinese numerals, positional (一百零五, 三十万, 两千) or digit by digit (二〇二一). The full-width comma ，
is never a group separator: in Chinese text it divides clauses, so 5，120 is two numbers. Some figures are
written in words: an ordinal (第二 is a rank of 2; 前三, among the first three, a rank of at most 3), a share
(一半 or 半数 is 50 percent, 过半 more than 50, 三分之一 33.33, 百分之五 5) and a half (半小时 is 0.5 hour,
一个半小时 1.5 hours).
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from schemas.codes import UNIT

MULTIPLIERS = {"": 1, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
# A figure on an English page that corroborates one (3.29 million): its multiplier word, after a space or
# not (the checks compare text without white space).
MULTIPLIERS |= {"million": 1_000_000, "billion": 1_000_000_000}
QUALIFIERS = {"余": "more_than", "多": "more_than", "约": "about", "左右": "about", "以上": "at_least"}
PREFIXES = {"约": "about", "突破": "more_than", "超过": "more_than", "近": "at_most"}
PREFIX = "|".join(PREFIXES)
ORDINALS = {"第": "exact", "前": "at_most"}  # the qualifier of a rank printed after each mark: 第三, 前三
LOOSE = {"前"}  # marks that are also plain words (目前, 此前): a mark only when no unit word follows (前三)
SHARES = {"一半": ("50", "exact"), "半数": ("50", "exact"), "过半": ("50", "more_than")}  # in percent
PERCENT = "%"  # the unit word of a share written in words
CHINESE_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1_000}
CHINESE_SECTIONS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
CHINESE_NUMBER = f"[{CHINESE_NUMERALS}]+"
ARABIC_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
SHARE = rf"{'|'.join(SHARES)}|{CHINESE_NUMBER}分之{CHINESE_NUMBER}|百分之{CHINESE_NUMBER}"
HALF = rf"(?:(?:{ARABIC_NUMBER}|{CHINESE_NUMBER})个)?半"  # 半, 一个半, 2个半


COUNT = "count"  # the unit of the count words (个, 项...): a half of one (半个) is not a figure


def _unit_words(count: bool = True) -> list[tuple[str, tuple[str, ...]]]:
    """The words that may follow a figure, longest first, and the base units each may be stored in (the usual
    first), from the unit code table; without the count words (个, 项...) unless `count`."""
    units: dict[str, list[str]] = {}
    for code in UNIT.codes:
        for word in code.words:
            units.setdefault(word, []).append(code.code)
    found = [(word, tuple(u)) for word, u in units.items() if count or u != [COUNT]]
    return sorted(found, key=lambda item: -len(item[0]))


UNIT_WORDS = _unit_words()
MARKS = {mark: code.code for code in UNIT.codes for mark in code.marks}  # 第 and 前: the unit of a rank
MARK = "|".join(MARKS)

FIGURE = re.compile(
    rf"^(?P<prefix>{PREFIX})?(?P<mark>{MARK})?"
    rf"(?:(?P<share>{SHARE})|(?P<half>{HALF})"
    rf"|(?P<number>{ARABIC_NUMBER}|{CHINESE_NUMBER})(?:至(?P<upper>{ARABIC_NUMBER}|{CHINESE_NUMBER}))?)"
    r"(?P<q1>余|多)?(?P<multiplier>万亿|亿|千|万| ?million| ?billion)?(?P<q2>余|多)?"
    r"(?P<unit>.*?)"
    r"(?P<suffix>以上|左右)?$"
)


def candidates(unit_word: str) -> tuple[str, ...] | None:
    """The base units a figure with this unit word may be stored in, the usual first; None without one."""
    for mark, unit in MARKS.items():
        if unit_word.startswith(mark):
            return (unit,)
    for word, units in UNIT_WORDS:
        if unit_word.startswith(word):
            return units
    return None if not unit_word else ()


def ordinal_mark(mark: str | None, unit_word: str) -> str | None:
    """The mark of rank a figure is printed with, if it is one: 第 always, 前 only before no unit word
    (前三 is among the first three; 目前三个 is three)."""
    return mark if mark and (mark not in LOOSE or not unit_word) else None


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


def _share(text: str) -> tuple[Decimal, str]:
    """A share written in words, in percent, and its qualifier: 一半 (50), 过半 (more than 50), 三分之一."""
    if text in SHARES:
        value, qualifier = SHARES[text]
        return Decimal(value), qualifier
    denominator, numerator = map(number, text.split("分之"))
    if not denominator:
        raise ValueError(f"not a share: {text!r}")
    return (numerator * 100 / denominator).quantize(Decimal("0.01"), ROUND_HALF_EVEN).normalize(), "exact"


def _half(text: str) -> Decimal:
    """A number with a half: 半 (0.5), 一个半 (1.5)."""
    whole = text.removesuffix("半").removesuffix("个")
    return (number(whole) if whole else Decimal(0)) + Decimal("0.5")


def parse(text: str) -> Figure:
    """Read a figure as printed. Raises ValueError for text that is not a figure."""
    match = FIGURE.match(text)
    if not match:
        raise ValueError(f"not a figure: {text!r}")
    g = match.groupdict()
    words = [w for w in (g["prefix"], g["q1"], g["q2"], g["suffix"]) if w]
    qualifiers = [PREFIXES.get(w) or QUALIFIERS[w] for w in words]
    unit = g["unit"]
    if g["share"]:
        if g["mark"] or g["multiplier"] or unit:
            raise ValueError(f"a share takes no other unit: {text!r}")
        value, qualifier = _share(g["share"])
        qualifiers += [qualifier] if qualifier != "exact" else []
        unit = PERCENT
    elif g["half"]:
        if g["mark"] or not unit:
            raise ValueError(f"a half needs a unit word after it: {text!r}")
        value = _half(g["half"]) * MULTIPLIERS[(g["multiplier"] or "").strip()]
    else:
        value = number(g["number"]) * MULTIPLIERS[(g["multiplier"] or "").strip()]
    upper = number(g["upper"]) * MULTIPLIERS[(g["multiplier"] or "").strip()] if g["upper"] else None
    if upper is not None:
        qualifiers.append("range")  # 2至3: the value is the lower end, `upper` the upper
    mark = ordinal_mark(g["mark"], unit)
    if mark:
        qualifiers += [ORDINALS[mark]] if ORDINALS[mark] != "exact" else []
        unit = mark + unit
    if len(qualifiers) > 1:
        raise ValueError(f"more than one qualifier in {text!r}")
    return Figure(value, qualifiers[0] if qualifiers else "exact", unit, upper)


UNIT_PATTERN = "|".join(re.escape(word) for word, _ in UNIT_WORDS)
HALVED_PATTERN = "|".join(re.escape(word) for word, _ in _unit_words(count=False))
NOT_AFTER = rf"(?<![\d{CHINESE_NUMERALS}])"  # a number starts at the first of its digits or numerals
# A number in a line of text, with the words around it that belong to its figure: a share or a half in
# words, a number in Arabic digits (after a mark of rank or not), an ordinal in Chinese numerals (第一, 前三),
# or Chinese numerals, which `find` counts only before a unit word.
SCAN = re.compile(
    rf"(?P<prefix>{PREFIX})?"
    rf"(?:{NOT_AFTER}(?P<share>{SHARE})"
    rf"|{NOT_AFTER}(?P<half>{HALF})(?={HALVED_PATTERN})"
    rf"|(?P<mark>{MARK})?(?P<arabic>{ARABIC_NUMBER})(?:至(?P<upper>{ARABIC_NUMBER}))?"
    rf"|(?P<ordinal>{MARK})(?P<ordinal_number>{CHINESE_NUMBER})"
    rf"|{NOT_AFTER}(?P<chinese>[〇零一二两三四五六七八九十][{CHINESE_NUMERALS}]*))"
    r"(?P<q1>余|多)?(?P<multiplier>万亿|亿|千|万)?(?P<q2>余|多)?"
    rf"(?P<unit>{UNIT_PATTERN})?(?P<suffix>以上|左右)?"
)


@dataclass(frozen=True)
class Found:
    """A figure found in a line: where it stands, its text, the numbers it is written with, and its form:
    "ordinal" (第二, 前三, 第1), "share" (一半), "half" (半小时), or "" for a plain number."""

    start: int
    end: int
    text: str
    numbers: tuple[Decimal, ...]
    form: str = ""


def _numbers(m: re.Match) -> tuple[tuple[Decimal, ...], str]:
    """The numbers a figure found in a line is written with, and its form; no numbers for Chinese
    numerals that are wording."""
    ordinal = "ordinal" if ordinal_mark(m["mark"] or m["ordinal"], m["unit"] or "") else ""
    if m["arabic"]:
        return tuple(number(n) for n in (m["arabic"], m["upper"]) if n), ordinal
    if m["share"]:
        return (_share(m["share"])[0],), "share"
    if m["half"]:
        return (_half(m["half"]),), "half"
    if m["ordinal_number"]:
        return (number(m["ordinal_number"]),), ordinal
    if m["unit"] and m["chinese"] != "一":
        return (number(m["chinese"]),), ""
    return (), ""


def find(line: str) -> list[Found]:
    """Every number of a line (simplified script), each with its figure: 574.55万余元, 2至3个, 两千余人, 第二,
    前三, 一半以上, 一个半小时.

    Every number in Arabic digits counts, and every figure in words: an ordinal after 第, or after 前 with no
    unit word (前三, not 目前三个), a share, a half before a unit word. A number in Chinese numerals counts when a unit word follows it (三个方面, 七大,
    四届), except 一 alone, which is wording rather than a figure (一户一策, 一年多来, 一个个).
    """
    found = []
    for m in SCAN.finditer(line):
        try:
            numbers, form = _numbers(m)
        except ValueError:
            continue  # numerals that do not make a number, such as 十十
        if numbers:
            loose = "mark" if m["mark"] else "ordinal"  # 目前三个: 前 is no mark of rank, the figure is 三个
            start = m.end(loose) if m[loose] and not form else m.start()
            found.append(Found(start, m.end(), line[start : m.end()], numbers, form))
    return found
