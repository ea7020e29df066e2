"""MkDocs hook: the site's one 404 page, at its root, is the default language's (Chinese).

mkdocs-static-i18n builds each language into the same site folder, and every build writes 404.html at the
root, so the last build's (English) would win, with `lang="en"` and an English header. The default
language is built first: its page is kept and written again by the later builds. It imports nothing of
the project, because MkDocs loads it by path.
"""

NOT_FOUND = "404.html"
_kept: dict[str, str] = {}


def _default_language(config) -> str:
    languages = config.plugins["i18n"].config.languages
    return next(language.locale for language in languages if language.default)


def on_post_template(output_content, template_name, config):
    if template_name != NOT_FOUND:
        return output_content
    if config.theme["language"] == _default_language(config):
        _kept[NOT_FOUND] = output_content
    return _kept.get(NOT_FOUND, output_content)
