"""The site server: the built site under its public path, the downloads, and nothing else."""

import threading
import urllib.error
import urllib.request

import pytest

from scripts.serve import PREFIX, server


@pytest.fixture()
def base_url(built):
    httpd = server(built, "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", errors="replace")


def test_the_root_leads_to_the_site(base_url):
    status, body = _get(base_url + "/")
    assert status == 200 and "太行革命老区振兴开放数据" in body


def test_pages_and_downloads_are_served(base_url):
    assert _get(base_url + PREFIX + "en/")[0] == 200
    status, body = _get(base_url + PREFIX + "downloads/data/regions.csv")
    assert status == 200 and "140427,壶关县" in body
    assert _get(base_url + PREFIX + "downloads/datapackage.json")[0] == 200


def test_the_served_descriptor_loads_from_its_url(base_url):
    """Frictionless validates the package over HTTP from the running site: the descriptor and its files keep
    their relative layout under downloads/."""
    from frictionless import Package

    report = Package(base_url + PREFIX + "downloads/datapackage.json").validate()
    assert report.valid, report.flatten(["type", "note"])[:5]
    assert len(report.tasks) >= 17


@pytest.mark.parametrize("path", ["/.git/config", "/Makefile", PREFIX + "../Makefile", "/data/regions.csv"])
def test_nothing_else_is_served(base_url, path):
    assert _get(base_url + path)[0] == 404


def test_an_address_without_a_page_shows_the_chinese_404_page(base_url):
    """As on a static host: status 404, and the site's own page, in Chinese with a line in English."""
    status, body = _get(base_url + PREFIX + "regions/999999/")
    assert status == 404
    assert '<html lang="zh"' in body and "找不到这个页面（404）" in body and 'lang="en"' in body


@pytest.mark.parametrize("path", ["", "en/", "assets/stylesheets/", "downloads/data/regions.csv"])
def test_text_is_sent_gzipped_to_a_client_that_accepts_it_and_plain_otherwise(base_url, built, path):
    import gzip

    if path.endswith("stylesheets/"):  # Material's stylesheet, whatever its hashed name
        path += next((built.root / "site" / path).glob("main.*.min.css")).name
    file = built.root / "site" / path
    file = file / "index.html" if file.is_dir() else file
    url = base_url + PREFIX + path
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}), timeout=5) as r:
        assert r.headers["Content-Encoding"] == "gzip" and r.headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(r.read()) == file.read_bytes()
    with urllib.request.urlopen(url, timeout=5) as r:
        assert r.headers["Content-Encoding"] is None and r.read() == file.read_bytes()
