"""MkDocs hooks: before each build, write the generated pages into docs/ and the fragments into build/.

mkdocs-static-i18n sees only files that exist in docs/, so the pages are real (git-ignored) files,
and a file is rewritten only when its content changes.
"""

from scripts import site


def on_pre_build(config, **kwargs):
    site.generate()
