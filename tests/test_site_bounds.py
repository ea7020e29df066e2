"""A page renders at most `tables.ROWS_SHOWN` rows of a table that grows with the data; under a table cut
short it says how many rows there are and links them all: the public Datasette's table filtered to them,
or, without one, the downloads. The real data is never cut: its largest such table is well under the bound."""

import pytest

from scripts.site import fragments, inline, publish, tables
from scripts.site.context import Context
from scripts.site.data import Data
from scripts.site.words import LANGS, word


def body_rows(table: str) -> int:
    """The rows of a Markdown table, without its heading and rule."""
    return sum(line.startswith("| ") for line in table.splitlines()) - 2


@pytest.fixture(scope="module")
def data(built):
    with Data(built.database) as opened:
        yield opened


def most(data: Data, resource: str, column: str) -> tuple[object, int]:
    """The value of a column that most rows of a table hold, and how many hold it."""
    return tuple(data.rows(f"SELECT {column}, count(*) n FROM {resource} GROUP BY 1 ORDER BY n DESC LIMIT 1")[0])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("resource", "column", "write"),
    [
        ("observations", "region_code", tables.figures),
        ("observations", "source_id", tables.figures),
        ("events", "aid_history", tables.events),
    ],
)
def test_a_long_table_is_cut_and_says_where_all_its_rows_are(data, monkeypatch, lang, resource, column, write):
    value, total = most(data, resource, column)
    shown = total // 2
    monkeypatch.setattr(tables, "ROWS_SHOWN", shown)  # seeded: the real tables are under the bound
    text = write(Context(data, lang), column, value)
    assert body_rows(text) == shown
    assert word("rows_shown", lang, total=total, shown=shown) in text

    public = inline.datasette(text, "https://datasette.example.org/")
    assert f'<a href="https://datasette.example.org/{data.name}/{resource}?{column}={value}">Datasette</a>' in public
    assert "data/index.md" not in public and "{{" not in public

    local = inline.datasette(text, "")
    assert "Datasette" not in local and "{{" not in local
    assert "(../data/index.md)" in local and f"<code>{resource}</code>" in local
    assert f"<code>{column}</code>" in local and f"<code>{value}</code>" in local


@pytest.mark.parametrize("lang", LANGS)
def test_a_table_at_the_bound_is_whole(data, monkeypatch, lang):
    value, total = most(data, "observations", "region_code")
    monkeypatch.setattr(tables, "ROWS_SHOWN", total)
    text = tables.figures(Context(data, lang), "region_code", value)
    assert body_rows(text) == total and "datasette" not in text


def test_no_page_of_the_real_data_is_cut(built, data):
    written = publish.pages(data) | fragments.every(data, built)
    cut = [name for name, text in written.items() if "<!-- datasette:local -->" in text]
    assert written and not cut
