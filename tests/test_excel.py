"""Excel users (issue 15): a CSV with a byte order mark from Datasette (`.csv_excel`) and in the zip (`excel/`),
and the way to the workbook from Datasette's description and the downloads page."""

import asyncio
import codecs
import csv
import io
import json
import zipfile
from urllib.parse import quote

import pytest

from plugins.taihang_search import EXCEL
from schemas import PACKAGE
from scripts import release
from scripts.package import tabular
from scripts.serve import datasette

FILES = release.names(PACKAGE["version"])


def excel_problems(body: bytes, header: list[str], sample: str) -> list[str]:
    """Why Excel would not show a CSV file as it is: no UTF-8 byte order mark, not UTF-8, another header row,
    or a sample of its text garbled."""
    if not body.startswith(codecs.BOM_UTF8):
        return ["no UTF-8 byte order mark: Excel reads it in the system's code page (GBK on Chinese Windows)"]
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return [f"not UTF-8: {err}"]
    problems = [] if next(csv.reader(io.StringIO(text))) == header else [f"the header row is not {header}"]
    return problems + ([] if sample in text else [f"{sample!r} is not in it"])


@pytest.fixture(scope="module")
def client(built):
    ds = datasette(built)
    return lambda path: asyncio.run(ds.client.get(path))


def test_csv_for_excel_is_datasettes_csv_of_every_row_after_a_byte_order_mark(client, table):
    response = client(f"/taihang/observations.{EXCEL}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="observations.csv"'
    header = list(table("observations")[0])
    assert excel_problems(response.content, header, "4586万余元") == []
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == len(table("observations")) + 1 > 101  # every row, not a page of 100
    assert response.content == codecs.BOM_UTF8 + client("/taihang/observations.csv?_stream=on").content


def test_csv_for_excel_of_a_canned_query_and_of_sql(client):
    response = client(f"/taihang/search_everything.{EXCEL}?q=" + quote("总工会"))
    header = ["resource", "key", "label", "snippet", "matches", "ranked"]
    assert excel_problems(response.content, header, "中华全国总工会") == []
    response = client(f"/taihang.{EXCEL}?sql=" + quote("select name_zh from regions where code = '140427'"))
    assert response.content == codecs.BOM_UTF8 + "name_zh\r\n壶关县\r\n".encode()


def test_csv_for_excel_is_offered_and_passes_errors_on(client):
    assert f"/taihang/regions.{EXCEL}" in client("/taihang/regions").text
    response = client(f"/taihang/regions.{EXCEL}?_sort=nope")
    assert response.status_code == 400 and not response.content.startswith(codecs.BOM_UTF8)


def test_datasettes_own_csv_is_not_ready_for_excel(client):
    """Seeded defect: the plain `.csv` export, and text in GBK."""
    plain = client("/taihang/regions.csv").content
    header = plain.decode("utf-8").splitlines()[0].split(",")
    assert excel_problems(plain, header, "壶关县") == [
        "no UTF-8 byte order mark: Excel reads it in the system's code page (GBK on Chinese Windows)"
    ]
    gbk = codecs.BOM_UTF8 + plain.decode("utf-8").encode("gbk")
    assert excel_problems(gbk, header, "壶关县")[0].startswith("not UTF-8")
    assert excel_problems(codecs.BOM_UTF8 + plain, ["id"], "壶关县") == ["the header row is not ['id']"]


def excel_copies(archive: zipfile.ZipFile, package: dict) -> list[str]:
    """Each CSV of the zip without its copy for Excel in `excel/`, or with a copy that is not the same bytes
    after a byte order mark."""
    names = set(archive.namelist())
    problems = []
    for resource in tabular(package):
        copy = f"excel/{resource['path'].rsplit('/', 1)[-1]}"
        if copy not in names:
            problems.append(f"{copy} is missing")
        elif archive.read(copy) != codecs.BOM_UTF8 + archive.read(resource["path"]):
            problems.append(f"{copy} is not {resource['path']} after a byte order mark")
    return problems


def test_the_zip_holds_a_copy_of_each_csv_for_excel(built, table):
    package = json.loads(built.descriptor.read_text(encoding="utf-8"))
    with zipfile.ZipFile(built.dist / FILES["zip"]) as archive:
        assert excel_copies(archive, package) == []
        assert len([n for n in archive.namelist() if n.startswith("excel/")]) == len(tabular(package))
        header = list(table("regions")[0])
        assert excel_problems(archive.read("excel/regions.csv"), header, "长治市壶关县") == []
        readme = archive.read("README.md").decode("utf-8")
    assert "`excel/`" in readme and FILES["xlsx"] in readme


def test_a_zip_without_its_excel_copies_is_caught(built, tmp_path):
    """Seeded defect: one copy without its byte order mark, one missing."""
    package = json.loads(built.descriptor.read_text(encoding="utf-8"))
    with zipfile.ZipFile(built.dist / FILES["zip"]) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["excel/regions.csv"] = entries["data/regions.csv"]
    del entries["excel/sources.csv"]
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as bad:
        for name, body in entries.items():
            bad.writestr(name, body)
    with zipfile.ZipFile(tmp_path / "bad.zip") as bad:
        assert excel_copies(bad, package) == [
            "excel/sources.csv is missing",
            "excel/regions.csv is not data/regions.csv after a byte order mark",
        ]


def test_datasette_and_the_downloads_page_point_excel_users_to_the_workbook(built, client):
    home = client("/").text
    assert f"downloads/{FILES['xlsx']}" in home and f".{EXCEL}</code>" in home
    for page in ("data/index.html", "en/data/index.html"):
        text = (built.root / "site" / page).read_text(encoding="utf-8")
        assert f"downloads/{FILES['xlsx']}" in text and "excel/" in text and f".{EXCEL}" in text, page
