"""The release in dist/: what it holds, that its checksums verify, that it is reproducible, and atomic."""

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import BY_NAME, PACKAGE
from scripts import release
from scripts.layout import ROOT, Layout
from scripts.package import tabular
from scripts.problems import Stop
from scripts.reader import load
from scripts.site import publish
from scripts.site.downloads import size

FILES = release.names(PACKAGE["version"])


@pytest.fixture(scope="module")
def dist(built) -> Path:
    return built.dist


def test_dist_holds_the_artifacts_and_their_checksums_verify(dist):
    assert sorted(p.name for p in dist.iterdir()) == sorted(FILES.values())
    for line in (dist / FILES["sums"]).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name


def test_the_zip_holds_the_package_with_fixed_timestamps(dist):
    with zipfile.ZipFile(dist / FILES["zip"]) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        for expected in ("README.md", "datapackage.json", "LICENSE", "LICENSE-DATA", "CITATION.cff"):
            assert expected in names
        assert {f"data/{r}.csv" for r in BY_NAME} <= set(names)
        assert "data/geo/counties.geojson" in names
        assert {info.date_time for info in archive.infolist()} == {release.ZIP_TIME}
        assert archive.read("data/regions.csv") == (ROOT / "data/regions.csv").read_bytes()


def test_the_workbook_has_a_sheet_per_table_and_a_dictionary(dist):
    with zipfile.ZipFile(dist / FILES["xlsx"]) as book:
        sheets = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode("utf-8"))
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert sheets == ["README", "dictionary", *BY_NAME]
    assert "长治市壶关县" in strings  # UTF-8 text in the workbook, which Excel shows correctly


def _copy_inputs(tmp_path: Path, built: Layout) -> Layout:
    for part in ("data", "schemas"):
        shutil.copytree(ROOT / part, tmp_path / part)
    for name in ("datapackage.json", "LICENSE", "LICENSE-DATA", "CITATION.cff"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "build").mkdir()
    shutil.copy(built.database, tmp_path / "build" / "taihang.db")
    return Layout(tmp_path)


def test_two_release_builds_are_byte_identical(tmp_path, built, dist):
    layout = _copy_inputs(tmp_path, built)
    first = {p.name: p.read_bytes() for p in release.build(layout, load(layout)).iterdir()}
    second = {p.name: p.read_bytes() for p in release.build(layout, load(layout)).iterdir()}
    assert first == second == {p.name: p.read_bytes() for p in dist.iterdir()}


def test_a_failed_release_leaves_the_last_good_one(tmp_path, monkeypatch, built, dist):
    layout = _copy_inputs(tmp_path, built)
    good = {p.name: p.read_bytes() for p in release.build(layout, load(layout)).iterdir()}

    def broken(*args):
        raise RuntimeError("injected failure while writing the workbook")

    monkeypatch.setattr(release.workbook, "write", broken)
    with pytest.raises(RuntimeError, match="injected"):
        release.build(layout, load(layout))
    assert {p.name: p.read_bytes() for p in layout.dist.iterdir()} == good
    assert not list(tmp_path.glob(".dist.*"))


def test_a_failed_site_build_leaves_the_last_good_site(built, monkeypatch, capsys):
    before = (built.root / "site" / "index.html").read_bytes()

    def failing(*args, **kwargs):
        return subprocess.CompletedProcess(args, 1, "", "injected failure")

    monkeypatch.setattr(publish.subprocess, "run", failing)
    with pytest.raises(Stop, match="mkdocs build failed"):
        publish.build(built)
    assert "injected failure" in capsys.readouterr().err
    assert (built.root / "site" / "index.html").read_bytes() == before
    assert not list(built.root.glob(".site.*"))


def test_the_download_page_links_every_artifact_with_size_and_checksum(built, dist):
    """Each file of the release is linked with its size; its checksum is in SHA256SUMS, which the page links
    (a SHA-256 on every row made the page 15 phone screens of hashes: issue 22)."""
    page = (built.root / "site" / "data" / "index.html").read_text(encoding="utf-8")
    sums = (dist / FILES["sums"]).read_text(encoding="utf-8")
    for path in dist.iterdir():
        link = f'href="../downloads/{path.name}"'
        assert link in page, path.name
        after = page.split(link, 1)[1][:400]
        assert f">{size(path.stat().st_size)}<" in after or f"（{size(path.stat().st_size)}）" in after, path.name
        if path.name != FILES["sums"]:
            assert f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}" in sums, path.name


def test_the_workbook_reads_well_in_excel(dist):
    """Fitted widths, a filter and a frozen header on every table sheet; dates as dates; numbers with
    thousands separators; units in the dictionary."""
    with zipfile.ZipFile(dist / FILES["xlsx"]) as book:
        names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode("utf-8"))
        styles = book.read("xl/styles.xml").decode("utf-8")
        sheets = {name: book.read(f"xl/worksheets/sheet{i}.xml").decode("utf-8") for i, name in enumerate(names, 1)}
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert 'formatCode="#,##0"' in styles and "yyyy" in styles
    for name in ["dictionary", *BY_NAME]:
        xml = sheets[name]
        assert "<autoFilter" in xml and 'state="frozen"' in xml, name
        widths = [float(w) for w in re.findall(r'<col [^>]*width="([0-9.]+)"', xml)]
        assert widths and max(widths) > 8.43, name  # fitted, not Excel's default width
    # sources.published (column F) is a date: a number with a style, not a shared string
    column = "ABCDEFGHIJKLMNOP"[BY_NAME["sources"].columns().index("published")]
    assert re.search(rf'<c r="{column}2" s="[0-9]+"><v>[0-9]+</v>', sheets["sources"])
    assert "<t>line</t>" in strings and "<t>year</t>" in strings  # units in the dictionary sheet


def test_the_site_is_dated_by_the_package_not_by_the_day_it_is_built(built, monkeypatch):
    """MkDocs dates the sitemap (and its gzip header) by the build's day: two builds on different days would
    differ. The site step gives it the package's release date."""
    created = PACKAGE["created"][:10]
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {created}
    stamp = int.from_bytes((built.site / "sitemap.xml.gz").read_bytes()[4:8], "little")  # the gzip header's MTIME
    assert datetime.fromtimestamp(stamp, UTC).date().isoformat() == created
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # seeded defect: a date inherited from the environment
    assert publish.mkdocs_env()["SOURCE_DATE_EPOCH"] == str(stamp)


@pytest.mark.slow
def test_a_site_built_today_carries_the_package_date(tmp_path, built, monkeypatch):
    """Seeded defect: a package dated another day than today; the built sitemap follows the package."""
    shutil.copytree(built.root, tmp_path / "copy", symlinks=True)
    monkeypatch.setitem(PACKAGE, "created", "2020-01-02T00:00:00Z")
    publish.build(Layout(tmp_path / "copy"))
    sitemap = (tmp_path / "copy" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"2020-01-02"}


def test_each_table_is_published_as_typed_parquet(dist, built):
    """Every table of the package as Parquet, typed by its Table Schema, with the rows of its CSV."""
    import polars as pl

    package, dataset = json.loads(built.descriptor.read_text(encoding="utf-8")), load(built)
    for resource in tabular(package):
        frame = pl.read_parquet(dist / FILES[f"parquet:{resource['name']}"])
        assert frame.columns == [f["name"] for f in resource["schema"]["fields"]]
        assert frame.height == len(dataset.rows(resource["name"])), resource["name"]
    observations = pl.read_parquet(dist / FILES["parquet:observations"])
    assert observations.schema["value"] == pl.Float64 and observations.schema["locator"] == pl.Int64
    assert observations.schema["as_of"] == pl.Date
