"""Values as a reader reads them, and figures as printed.

A value in base units is shown in 万 and 亿 on a Chinese page (4586万元) and in millions and billions on
an English page (45.86 million yuan), with its unit and, where its qualifier needs explaining, the
qualifier. A figure as printed is shown as printed; on a Chinese page a figure printed in traditional
characters (58個) has its simplified form beside it, and on an English page Chinese text is marked as
Chinese for screen readers.
"""

import re
from typing import Any

from schemas.codes import Code

from ..simplified import to_simplified
from .context import Context
from .labels import code, codes, definition
from .markup import esc
from .words import CHINESE

STEPS = {"zh": ((10**8, "亿"), (10**4, "万")), "en": ((10**9, " billion"), (10**6, " million"))}
HAN = re.compile(r"[\u3400-\u9fff]")
OBSERVATIONS = "observations"


def scaled(value: float | int | None, lang: str) -> str:
    """A number in the page's large units: 4586万, 1236.8亿; 45.86 million, 123.68 billion; 6642, 6,642."""
    if value is None:
        return ""
    for size, word in STEPS[lang]:
        if abs(value) >= size:
            return _digits(value / size, lang) + word
    return _digits(value, lang)


def _digits(value: float, lang: str) -> str:
    """A number with no spurious decimals; English groups thousands."""
    text = f"{value:,.4f}" if lang != CHINESE else f"{value:.4f}"
    return text.rstrip("0").rstrip(".")


def with_unit(value: float | int | None, unit: str, lang: str, upto: float | int | None = None) -> str:
    """A number (or a range up to `upto`) in large units with its unit's label: 4586万元, 12.5%, 2–3个;
    45.86 million yuan."""
    if value is None:
        return ""
    number = scaled(value, lang) + (f"–{scaled(upto, lang)}" if upto is not None else "")
    if not unit:
        return number
    joined = lang == CHINESE or not unit[:1].isalpha()
    return f"{number}{'' if joined else ' '}{unit}"


def reading(ctx: Context, o: Any, resource: str = OBSERVATIONS) -> str:
    """A figure's value as we read it (an observation's, or a row of `resource` with a value, a unit and
    perhaps a qualifier, an upper end and the figure as printed): in large units, with its unit and a qualifier
    that says the printed figure is not exact (余, 约, 以上), escaped; a range reads 2–3, which says it is one.
    A count keeps the measure word printed (59支), and a rank reads as one (第2位, 2nd; 前3位, top 3)."""
    columns = o.keys()  # a sqlite3.Row: `in` would look among its values
    upto = o["value_max"] if "value_max" in columns else None
    unit = _code(resource, "unit", o["unit"])
    qualifier = _code(resource, "qualifier", o["qualifier"]) if "qualifier" in columns else None
    if unit and unit.form and upto is None:
        form = (qualifier.form if qualifier and qualifier.form else None) or unit.form
        number = scaled(o["value"], ctx.lang)
        return esc(form[ctx.lang != CHINESE].format(n=number, nth=_ordinal(number)))
    printed = o["figure_text"] if "figure_text" in columns else None
    amount = with_unit(o["value"], _unit(resource, o["unit"], ctx.lang, printed), ctx.lang, upto)
    said = o["qualifier"] if "qualifier" in columns else None
    if said and upto is None and _shown(said, ctx.lang):
        label = code(OBSERVATIONS, "qualifier", said, ctx.lang)
        amount = amount + ctx.paren(label) if ctx.lang == CHINESE else f"{label} {amount}"
    return esc(amount)


def _code(resource: str, column: str, value: str | None) -> Code | None:
    return next((c for c in codes(resource, column) if c.code == value), None) if value else None


def _ordinal(number: str) -> str:
    """An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 22nd."""
    if not number.isdigit():
        return number
    last, tens = int(number) % 10, int(number) % 100
    return number + ("th" if 10 <= tens <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(last, "th"))


def _unit(resource: str, unit: str | None, lang: str, printed: str | None = None) -> str:
    """What a page writes after a number in a unit: its label, or on an English page its `after_en`; on a
    Chinese page, for a count printed with a measure word of its own, that word (59支, 1049所)."""
    if not unit:
        return ""
    found = _code(resource, "unit", unit)
    if found and lang != CHINESE and found.after_en is not None:
        return found.after_en
    if found and lang == CHINESE and found.measure_words and printed:
        word = next((w for w in to_simplified(printed) if w in found.measure_words), None)
        if word:
            return word
    return code(resource, "unit", unit, lang)


def original(ctx: Context, name: str) -> list[str]:
    """The Chinese name or title as printed, as a paragraph under an English page's heading; nothing on a
    Chinese page, whose heading is that name."""
    return [] if ctx.lang == CHINESE else [printed(ctx, name), ""]


def _shown(qualifier: str, lang: str) -> bool:
    """Whether a qualifier is shown: one the code table defines (余, 约, 以上), or one it does not know."""
    known = qualifier in (c.code for c in codes(OBSERVATIONS, "qualifier"))
    return not known or bool(definition(OBSERVATIONS, "qualifier", qualifier, lang))


def printed(ctx: Context, text: str | None) -> str:
    """Text as printed, escaped: with its simplified form beside it on a Chinese page when it was printed in
    traditional characters, marked as Chinese on an English page."""
    if not text:
        return ""
    if ctx.lang == CHINESE:
        simple = to_simplified(text)
        return esc(text) + (ctx.paren(esc(simple)) if simple != text else "")
    return f'<span lang="zh">{esc(text)}</span>' if HAN.search(text) else esc(text)
