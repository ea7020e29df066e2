"""Values as a reader reads them, and figures as printed.

A value in base units is shown in 万 and 亿 on a Chinese page (4586万元) and in millions and billions on
an English page (45.86 million yuan), with its unit and, where its qualifier needs explaining, the
qualifier. A figure as printed is shown as printed; on a Chinese page a figure printed in traditional
characters (58個) has its simplified form beside it, and on an English page Chinese text is marked as
Chinese for screen readers.
"""

import re
from typing import Any

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
    perhaps a qualifier and an upper end): in large units, with its unit and a qualifier that says the
    printed figure is not exact (余, 约, 以上), escaped; a range reads 2–3, which says it is one."""
    columns = o.keys()  # a sqlite3.Row: `in` would look among its values
    upto = o["value_max"] if "value_max" in columns else None
    amount = with_unit(o["value"], _unit(resource, o["unit"], ctx.lang), ctx.lang, upto)
    if "qualifier" in columns and o["qualifier"] and upto is None and _shown(o["qualifier"], ctx.lang):
        label = code(OBSERVATIONS, "qualifier", o["qualifier"], ctx.lang)
        amount = amount + ctx.paren(label) if ctx.lang == CHINESE else f"{label} {amount}"
    return esc(amount)


def _unit(resource: str, unit: str | None, lang: str) -> str:
    """What a page writes after a number in a unit: its label, or on an English page its `after_en`."""
    if not unit:
        return ""
    found = next((c for c in codes(resource, "unit") if c.code == unit), None)
    if found and lang != CHINESE and found.after_en is not None:
        return found.after_en
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
