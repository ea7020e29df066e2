"""Chinese word segmentation for full-text search, with jieba.

SQLite's tokenizers treat a run of Chinese characters as one token, so the database indexes text that
jieba has cut into words, a long word with the words inside it (全国总工会 → 全国 总工会 全国总工会), and
a query is cut the same way before it is matched. How text is cut is defined once, by the Datasette plugin
(`plugins/taihang_search.py`); the build writes the plugin's dictionary into the database: the names of
regions, bodies and projects, and region names without their generic, so that 壶关县, 壶关 or 总工会 stay whole.
"""

import sqlite3

import jieba

from plugins.taihang_search import DICTIONARY, Segmenter

from .simplified import to_simplified

# The names that should stay whole words.
WORDS_SQL = """
SELECT name_zh FROM regions UNION SELECT qualified_name_zh FROM regions
UNION SELECT name_zh FROM organizations UNION SELECT short_name_zh FROM organizations
UNION SELECT name_zh FROM projects UNION SELECT printed_zh FROM projects
"""


# jieba's time grows faster than the length of its text: only so many characters of a cell are cut (a cell
# holds at most 4,000).
MAX_INDEXED_CHARS = 10_000


def words_from(conn: sqlite3.Connection) -> list[str]:
    """The names of regions, bodies and projects in the database."""
    return [row[0] for row in conn.execute(WORDS_SQL) if row[0]]


def without_generic(names: set[str]) -> set[str]:
    """Each name of a province, city, county or district without its generic: 阳高 for 阳高县."""
    return {name[:-1] for name in names if len(name) > 2 and name[-1] in "省市县区"}


def region_names(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name_zh FROM regions")}


def write_dictionary(conn: sqlite3.Connection) -> Segmenter:
    """Write the search dictionary into the database: the names, and the regions' without their generic;
    return the segmenter it makes."""
    regions = region_names(conn)
    places = regions | without_generic(regions)
    words = set(words_from(conn)) | places
    conn.execute(f"CREATE TABLE {DICTIONARY} (word TEXT PRIMARY KEY, place INTEGER NOT NULL)")
    conn.executemany(f"INSERT INTO {DICTIONARY} VALUES (?, ?)", ((w, int(w in places)) for w in sorted(words)))
    return Segmenter.of(conn)


def index_text(segmenter: Segmenter, text: str) -> str:
    """Text as it is indexed: its words, separated by spaces; text in traditional script is indexed in
    simplified script too, so that a query in either finds it. Only the first MAX_INDEXED_CHARS characters
    are cut, so that one huge cell cannot stall the build."""
    text = text[:MAX_INDEXED_CHARS]
    words = segmenter.words(text)
    simplified = to_simplified(text)
    if simplified != text:
        words += segmenter.words(simplified)
    return " ".join(words)


# Words the site's search should always find as words of their own, wherever they occur.
SEARCH_TERMS = ("总工会", "乡村振兴", "脱贫攻坚", "革命老区", "太行", "定点帮扶", "驻村工作队", "光伏", "帮扶")


def site_userdict(conn: sqlite3.Connection) -> str:
    """jieba's user dictionary for the site's search (MkDocs Material cuts pages with jieba.cut).

    The site's search matches a query against the start of each word, so a long name that jieba keeps
    whole would hide the words inside it: 中华全国总工会 would not be found by 总工会. Region names and a
    few key terms are kept whole; names of bodies and projects that jieba would keep whole are removed
    from its dictionary (frequency 0), so that they are cut into their words.
    """
    keep = region_names(conn) | set(SEARCH_TERMS)
    keep |= without_generic(keep)
    split = set()
    for name in words_from(conn):
        if name not in keep and len(name) > 3 and list(jieba.cut(name)) == [name]:
            split.add(name)
    lines = [f"{word} 100000" for word in sorted(keep)] + [f"{word} 0" for word in sorted(split)]
    return "".join(line + "\n" for line in lines if " " not in line.rsplit(" ", 1)[0])
