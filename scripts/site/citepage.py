"""MkDocs hook: every page ends with how to cite it (GB/T 7714 and BibTeX, with the dataset's version) and
the day its content was last checked: the newest `url_checked` of the sources the page links to, or the
release date on a page that links to none.

It reads `citing.json`, which `python -m scripts site` writes beside the fragments, and imports nothing of
the project, because MkDocs loads it by path. A missing file fails the build.
"""

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CITING = "citing.json"
SOURCE = re.compile(r'href="[^"]*?sources/([a-z0-9][a-z0-9-]*)/')  # a link to a source's page
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
WORDS = {
    "zh": {
        "cite": "引用本页",
        "checked": "本页所依据资料的最近核对日期：{date}。",
        "released": "本页不引用具体来源；数据版本 {version} 发布于 {date}。",
    },
    "en": {
        "cite": "Cite this page",
        "checked": "The sources behind this page were last checked on {date}.",
        "released": "This page cites no particular source; version {version} of the data was released on {date}.",
    },
}


def citing(folders: list[str]) -> dict:
    """The dataset's names, version, release date, authors and each source's last check, from the site step."""
    for folder in folders:
        path = Path(folder) / CITING
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise PluginError(f"no {CITING} in {folders}: run `python -m scripts site`")


def bibtex(text: str) -> str:
    """A value inside BibTeX braces: its special characters escaped."""
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def forms(facts: dict, lang: str, title: str, url: str, key: str, date: str) -> tuple[str, str]:
    """The page cited in GB/T 7714 (Chinese) or in the English form of the dataset's citation, and in BibTeX."""
    author, dataset, version = facts["authors"][lang], facts["dataset"][lang], facts["version"]
    if lang == "zh":
        text = f"{author}. {title}[EB/OL]//{dataset}: {version}版. ({date})[引用日期]. {url}."
        published = f"{dataset} {version}版"
    else:
        text = f"{author} ({date[:4]}). {title}. In: {dataset}, version {version}. Checked {date}. {url}"
        published = f"{dataset}, version {version}"
    entry = (
        f"@misc{{{key},\n  author = {{{{{bibtex(author)}}}}},\n  title = {{{bibtex(title)}}},\n"
        f"  howpublished = {{{bibtex(published)}}},\n  year = {{{date[:4]}}},\n  date = {{{date}}},\n"
        f"  url = {{{url}}}\n}}"
    )
    return text, entry


def braces(text: str) -> str:
    """BibTeX's braces as entities: the page shows (and copies) them, and no `{{` is left in a built page,
    where it would be an inline fragment that was not filled in."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def key(path: str) -> str:
    """A page's BibTeX key, the same in both languages: taihang:regions-140427."""
    return "taihang:" + (re.sub(r"[^a-z0-9]+", "-", path.removeprefix("en/")).strip("-") or "home")


def block(facts: dict, lang: str, title: str, url: str, cite_key: str, sources: set[str]) -> str:
    """The HTML that ends a page: the day its sources were last checked, then its citations in a closed
    <details>, kept out of the search index. Every value is escaped."""
    checked = [facts["checked"][s] for s in sources if facts["checked"].get(s)]
    words = WORDS[lang]
    date = max(checked) if checked else facts["released"]
    said = words["checked" if checked else "released"].format(date=date, version=facts["version"])
    text, entry = forms(facts, lang, title, url, cite_key, date)
    return (
        f'\n<div class="cite-page" data-search-exclude><p>{html.escape(said)}</p>'
        f"<details><summary>{words['cite']}</summary>"
        f'<pre><code lang="{lang}">{html.escape(text)}</code></pre>'
        f"<pre><code>{braces(html.escape(entry))}</code></pre></details></div>\n"
    )


def on_page_content(html_text, page, config, files):
    """The page with its citation at its end (not the 404 page)."""
    if page.file.src_uri.startswith("404"):
        return html_text
    facts = citing(config["mdx_configs"]["pymdownx.snippets"]["base_path"])
    lang = "en" if page.url.startswith("en/") else "zh"
    sources = set(SOURCE.findall(html_text)) | ({page.url.split("/")[-2]} if "sources/" in page.url else set())
    # the title's characters, as the heading's entities stand for them; the home page by the dataset's name
    home = page.file.src_uri in ("index.md", "index.en.md")
    title = facts["dataset"][lang] if home else html.unescape(page.title or "")
    return html_text + block(facts, lang, title, config["site_url"] + page.url, key(page.url), sources)
