"""The site: bilingual pages and fragments generated from build/taihang.db, built with MkDocs.

`publish.build(layout)` is the site step of `python -m scripts site`; `publish.generate(layout)` writes the
generated pages into docs/ and the fragments into build/fragments/ without running MkDocs. The README lists
what each module of this package does. Importing the package loads none of its modules: the validator uses
`markup` alone.
"""
