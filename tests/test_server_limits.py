"""A Datasette that one request cannot stall (issue 14): the limits of the project's plugin, in-process."""

import asyncio
import importlib.util
import sqlite3
from urllib.parse import quote

import pytest

from scripts.layout import ROOT
from scripts.serve import datasette

_spec = importlib.util.spec_from_file_location("taihang_search", ROOT / "plugins" / "taihang_search.py")
assert _spec and _spec.loader
plugin = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(plugin)

SLOW = "select printf('%.*c', 900000000, 'x')"


@pytest.fixture(scope="module")
def ds(built):
    return datasette(built)


def request(ds, path: str, method: str = "GET"):
    return asyncio.run(ds.client.request(method, path))


def sql(ds, text: str):
    return request(ds, "/taihang.json?_shape=array&sql=" + quote(text))


def test_a_query_string_too_long_or_with_too_many_parameters_is_refused_before_parsing(ds):
    crowded = "&".join(f"a{i}=1" for i in range(4000))
    assert request(ds, f"/taihang/regions.json?{crowded}").status_code == 414
    many = "&".join(f"a{i}=1" for i in range(plugin.MAX_PARAMETERS + 1))
    assert request(ds, f"/taihang/regions.json?{many}").status_code == 400
    enough = "&".join(f"a{i}=1" for i in range(plugin.MAX_PARAMETERS))
    assert request(ds, f"/taihang/regions.json?{enough}").status_code == 200


def test_a_printf_that_would_pad_for_seconds_gives_null_and_ordinary_ones_still_work(ds):
    assert sql(ds, SLOW).json() == [{SLOW.removeprefix("select "): None}]
    [row] = sql(ds, "select printf('%5.2f|%*d|%q', 3.14159, 4, 7, 'it''s') as a, format('%,d', 1234567) as b").json()
    assert row == {"a": " 3.14|   7|it''s", "b": "1,234,567"}


def test_no_string_or_blob_longer_than_the_limit_is_made(ds):
    response = sql(ds, "select length(zeroblob(2000000))")
    assert response.status_code == 400 and "string or blob too big" in response.text


def test_a_result_of_too_many_bytes_is_refused(ds):
    response = sql(ds, "select hex(zeroblob(400000)) as a, hex(zeroblob(400000)) as b from observations")
    assert response.status_code == 400
    assert "the rows of this query hold more than 20,000,000 bytes" in response.text
    assert len(sql(ds, "select * from observations").json()) > 100  # an ordinary result is whole


def test_a_select_of_too_many_columns_is_refused(ds):
    response = sql(ds, "select " + ", ".join(f"{i} as c{i}" for i in range(100)))
    assert response.status_code == 400 and "too many columns" in response.text


def test_every_connection_has_the_limits(ds):
    conn = ds.get_database("taihang").connect()
    ds._prepare_connection(conn, "taihang")
    assert conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == plugin.MAX_LENGTH
    assert conn.getlimit(sqlite3.SQLITE_LIMIT_COLUMN) == plugin.MAX_COLUMNS


def test_an_unknown_sort_is_a_client_error(ds):
    response = request(ds, "/taihang/regions.json?_sort=nope")
    assert response.status_code == 400 and "Cannot sort table by nope" in response.text
    assert request(ds, "/taihang/regions.json?_sort_desc=nope").status_code == 400


@pytest.mark.parametrize("path", ["/nope/nothing", "/taihang/regions", "/taihang/search_everything"])
def test_a_post_is_refused_not_a_server_error(ds, path):
    response = request(ds, path, "POST")
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"


def test_an_error_response_prints_no_traceback(ds, capfd):
    assert request(ds, "/taihang/regions.json?_sort=nope").status_code == 400
    assert request(ds, "/taihang/nope.json").status_code == 404
    assert sql(ds, "select nonsense(").status_code == 400
    logged = capfd.readouterr()
    assert "Traceback" not in logged.out + logged.err and "locals" not in logged.out + logged.err


def test_a_long_search_query_is_cut_before_it_is_segmented(ds):
    long = quote("光伏" + "乡村振兴" * 300)  # 1,202 characters: within the query string's limit
    response = request(ds, f"/taihang/search_everything.json?_shape=array&q={long}")
    assert response.status_code == 200
