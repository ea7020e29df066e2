"""Text in simplified script, by OpenCC's traditional-to-simplified conversion: how a printed traditional
form is compared and shown beside its simplified one. A module of its own, so that what needs only this (the
validator's reading of a source) does not load the search segmenter and Datasette with it."""

import functools


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Text in simplified script (OpenCC's traditional-to-simplified conversion)."""
    return _converter().convert(text)
