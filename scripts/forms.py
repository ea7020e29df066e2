"""How a text a row names may be printed in a source: as is, as one item of a 、-separated list, a place
with or without its generic (长治市, 长治), or a date in any of the ways the sources print one.

Shared by the provenance verifier (a cited text on its line) and the attribution check (a county named in
a group pairing's list).
"""

from collections.abc import Callable


def _date_forms(iso: str) -> list[str]:
    """A date as the sources print it: 2024-07-07, 2021年11月8日, 11月25日, 2021年11月, 7月 or 1994年."""
    year, month, day = [*iso.split("-"), "", ""][:3]
    forms = [iso, f"{year}年"]
    if month:
        forms += [f"{year}年{int(month)}月", f"{int(month)}月"]
    if day:
        forms += [f"{year}年{int(month)}月{int(day)}日", f"{int(month)}月{int(day)}日"]
    return [forms[-1], *forms[:-1]] if day else forms


def _place_forms(name: str) -> list[str]:
    """A place's name and its short form without the generic (长治市 → 长治, 沁源县 → 沁源)."""
    short = name[:-1] if len(name) > 2 and name[-1] in "省市县区" else name
    return [name, short]


FORMS: dict[str, Callable[[str], list[str]]] = {
    "text": lambda value: [value],
    "list": lambda value: value.split("、"),
    "place": _place_forms,
    "date": _date_forms,
}
