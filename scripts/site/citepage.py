"""MkDocs hook: every page ends with when its data last changed, when its sources were last checked, and how
to cite it (GB/T 7714 and BibTeX, with the dataset's version).

Its data last changed in the newest version that changed a row the page is about or links to, or a row that
refers to one (the site step reads that from the release history); its sources were last checked on the
newest `url_checked` of the sources it links to. A page that links to neither gives the release date.

It reads `citing.json`, which `python -m scripts site` writes beside the fragments, and imports nothing of
the project, because MkDocs loads it by path. A missing file fails the build.
"""

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

CITING = "citing.json"
HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:)([^"#?]*)')  # a link within the site: its path
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
WORDS = {
    "zh": {
        "cite": "引用本页",
        "changed": "本页数据最近一次变动：{version} 版（{date} 发布）。",
        "checked": "本页所依据资料的最近核对日期：{date}。",
        "released": "本页不引用具体来源；数据版本 {version} 发布于 {date}。",
    },
    "en": {
        "cite": "Cite this page",
        "changed": "The data on this page last changed in version {version}, released on {date}.",
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
        text = f"{author} ({date[:4]}). {title}. In: {dataset}, version {version}, {date}. {url}"
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


def linked(html_text: str, url: str) -> set[str]:
    """The pages a page links to and the page itself, by path in the Chinese site: regions/140427."""
    paths = {urljoin("/" + url, href) for href in HREF.findall(html_text)} | {"/" + url}
    return {p.strip("/").removeprefix("en/") for p in paths}


def version_order(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def dates(facts: dict, lang: str, entries: set[str]) -> tuple[str, str]:
    """What a page says of its dates, and the date it is cited as updated on, from the pages it links to."""
    checked = [facts["checked"][e] for e in entries if facts["checked"].get(e)]
    changed = [facts["changed"][e] for e in entries if e in facts["changed"]]
    words = WORDS[lang]
    if not (checked or changed):
        return words["released"].format(date=facts["released"], version=facts["version"]), facts["released"]
    said, updated = [], max(checked, default=facts["released"])
    if changed:
        version = max(changed, key=version_order)
        updated = facts["releases"][version]
        said.append(words["changed"].format(version=version, date=updated))
    if checked:
        said.append(words["checked"].format(date=max(checked)))
    return ("" if lang == "zh" else " ").join(said), updated


def block(facts: dict, lang: str, title: str, url: str, cite_key: str, entries: set[str]) -> str:
    """The HTML that ends a page: when its data last changed and its sources were last checked, then its
    citations in a closed <details>, kept out of the search index. Every value is escaped."""
    words = WORDS[lang]
    said, date = dates(facts, lang, entries)
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
    entries = linked(html_text, page.url)
    # the title's characters, as the heading's entities stand for them; the home page by the dataset's name
    home = page.file.src_uri in ("index.md", "index.en.md")
    title = facts["dataset"][lang] if home else html.unescape(page.title or "")
    return html_text + block(facts, lang, title, config["site_url"] + page.url, key(page.url), entries)
