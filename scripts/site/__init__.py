"""The site: bilingual pages and fragments generated from build/taihang.db, built with MkDocs.

`build(layout)` is the site step of `python -m scripts site`; `generate(layout)` writes the generated
pages into docs/ and the fragments into build/fragments/ without running MkDocs. The README lists
what each module of this package does.
"""

from .publish import build, generate

__all__ = ["build", "generate"]
