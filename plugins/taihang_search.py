"""Datasette plugin: segment_query(text), the FTS5 MATCH expression of a Chinese or English query.

It cuts the query with the same jieba dictionary the database was indexed with, so that
`search_index MATCH segment_query(:q)` finds 乡村振兴 or 八路军太行纪念馆 as words.
"""

import sqlite3

from datasette import hookimpl

from scripts.segment import Segmenter, words_from

_segmenters: dict[str, Segmenter] = {}


@hookimpl
def prepare_connection(conn, database):
    if database not in _segmenters:
        try:
            _segmenters[database] = Segmenter(words_from(conn))
        except sqlite3.OperationalError:  # a database without our tables, such as Datasette's _internal
            return
    conn.create_function("segment_query", 1, _segmenters[database].query, deterministic=True)
