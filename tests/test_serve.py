"""The package server: an index of the resources, the files themselves, and nothing else."""

import threading
import urllib.error
import urllib.request

import pytest

from scripts.serve import server


@pytest.fixture()
def base_url(layout):
    httpd = server(layout, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""


def test_index_lists_every_resource(base_url, layout):
    status, body = _get(base_url + "/")
    assert status == 200
    for name in ("sources", "regions", "designations"):
        assert f'href="/data/{name}.csv"' in body


def test_package_files_are_served(base_url):
    assert _get(base_url + "/datapackage.json")[0] == 200
    status, body = _get(base_url + "/data/regions.csv")
    assert status == 200 and "140427,壶关县" in body
    assert _get(base_url + "/schemas/json/regions.schema.json")[0] == 200


@pytest.mark.parametrize("path", ["/.git/config", "/Makefile", "/data/../Makefile", "/scripts/cli.py"])
def test_nothing_else_is_served(base_url, path):
    assert _get(base_url + path)[0] == 404
