"""The maintainer's walk-through of CONTRIBUTING.md, end to end, in a temporary copy of the project.

A made-up source text is added with `source add`, its numbers drafted with `capture`, the draft rows
completed and moved into data/, an exclusion recorded, and then `package`, `verify` and `coverage` must
all pass. The refusals of `source add` are checked on the same copy. Nothing is written to the checkout.
"""

import csv
import re
import shutil
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.layout import ROOT

SOURCE_ID = "example-2024-county-roads"
# Invented for the test: no real source says this.
TEXT = """某县交通简讯
发布时间：2024年3月5日　来源：某县融媒体中心
某县2023年新建农村道路12.5公里，投入资金3000万余元，惠及两千余人。
全县三十五个行政村开通了客运班车。
"""
NOTES = "No public copy: searched for by its title."
METADATA = [
    "--id",
    SOURCE_ID,
    "--publisher-zh",
    "某县融媒体中心",
    "--publisher-en",
    "County media centre (made up)",
    "--publisher-id",
    "example-county-media",
    "--title-zh",
    "某县交通简讯",
    "--title-en",
    "County transport brief (made up)",
    "--url-checked",
    "2024-03-06",
    "--notes",
    NOTES,
    "--kind",
    "news",
    "--date",
    "2024-03-05",
]
# The publisher is a body before the source names it: its row cites the line that credits it.
PUBLISHER = {"id": "example-county-media", "name_zh": "某县融媒体中心", "name_en": "County media centre (made up)"}
PUBLISHER |= {"level": "county", "kind": "media", "source_id": SOURCE_ID, "locator": "2"}  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, sources_dir: Path) -> tuple[Path, Path]:
    """A copy of the package and of the archived sources, as (root, sources folder)."""
    root = tmp_path / "project"
    for part in ("data", "checks", "schemas/json", "docs/data", "metadata"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy2(ROOT / "datapackage.json", root / "datapackage.json")
    folder = tmp_path / "sources"
    shutil.copytree(sources_dir, folder)
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root, folder


def add_publisher(root: Path) -> None:
    """What comes before `source add` for a new publisher: the body, and the rendering of the notes to come."""
    append(root / "data/organizations.csv", [PUBLISHER])
    append(root / "data/translations.csv", [{"text_en": NOTES, "text_zh": "未找到公开副本：按标题检索过。"}])


def run(root: Path, folder: Path, *argv: str) -> int:
    return main(["--root", str(root), *argv, "--sources", str(folder)])


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def append(path: Path, new: list[dict[str, str]]) -> None:
    """Rows added at the end of a CSV file, in its header's order."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header, lineterminator="\n").writerows(new)


def test_adding_a_source_end_to_end(project, tmp_path, capsys):
    root, folder = project
    incoming = tmp_path / "incoming.txt"
    incoming.write_text(TEXT, encoding="utf-8")

    archived = [r for r in rows(root / "data/sources.csv") if r["archive_file"]]
    add_publisher(root)
    assert run(root, folder, "source", "add", str(incoming), *METADATA) == 0
    [source] = [r for r in rows(root / "data/sources.csv") if r["id"] == SOURCE_ID]
    following = max(int(r["archive_file"][:3]) for r in archived) + 1
    assert re.fullmatch(rf"{following:03d}_[0-9a-f]{{16}}\.txt", source["archive_file"])
    assert source["archive_file"][4:20] == source["sha256"][:16]
    assert (folder / source["archive_file"]).read_text(encoding="utf-8") == TEXT
    assert (source["lines"], source["published"], source["date_inferred"]) == ("4", "2024-03-05", "false")

    assert run(root, folder, "capture", SOURCE_ID) == 0
    out = capsys.readouterr().out
    assert "3000万余元 → 30000000, yuan" in out and "8 number(s) of example-2024-county-roads" in out
    draft = rows(root / "build/drafts" / f"{SOURCE_ID}.observations.csv")
    read = [(d["locator"], d["figure_text"], d["value"], d["unit"], d["qualifier"]) for d in draft]
    assert read == [
        ("2", "2024年", "2024", "year", "exact"),
        ("2", "3", "3", "", "exact"),
        ("2", "5", "5", "", "exact"),
        ("3", "2023年", "2023", "year", "exact"),
        ("3", "12.5公里", "12.5", "km", "exact"),
        ("3", "3000万余元", "30000000", "yuan", "more_than"),
        ("3", "两千余人", "2000", "person", "more_than"),
        ("4", "三十五个", "35", "count", "exact"),
    ]
    assert all(d["source_id"] == SOURCE_ID and not d["id"] and not d["metric_id"] for d in draft)

    # The person completes the rows: a metric for each (new ones in metrics.csv), the region, the period.
    metrics = {
        "12.5公里": ("example-rural-roads-built", "新建农村道路里程", "Rural roads built", "km"),
        "3000万余元": ("example-road-investment", "道路建设投入资金", "Funds invested in roads", "yuan"),
        "两千余人": ("example-road-beneficiaries", "道路建设受益人数", "People served by new roads", "person"),
        "三十五个": ("example-villages-with-bus", "开通客运班车的行政村", "Villages with a bus service", "count"),
    }
    append(
        root / "data/metrics.csv",
        [
            {"id": i, "name_zh": zh, "name_en": en, "unit": unit, "definition_zh": zh + "。", "definition_en": en + "."}
            for i, zh, en, unit in metrics.values()
        ],
    )
    completed = []
    for d in draft:
        if d["figure_text"] in metrics:
            metric = metrics[d["figure_text"]][0]
            period = "2023" if d["locator"] == "3" else ""
            d.update(id=metric.removeprefix("example-") + "-2023", metric_id=metric, region_code="140000")
            d.update(period_start=period, period_end=period, as_of="" if period else "2024-03-05")
            completed.append(d)
    append(root / "data/observations.csv", completed)
    # The date line is not data: one exclusion for all its numbers. 2023 is captured by the periods.
    with (root / "checks/coverage_exclusions.csv").open("a", encoding="utf-8") as fh:
        fh.write(f'{SOURCE_ID},2,*,publication_date,"Date of publication, 2024-03-05."\n')

    assert run(root, folder, "capture", SOURCE_ID) == 0
    assert "0 number(s) of example-2024-county-roads" in capsys.readouterr().out
    assert main(["--root", str(root), "package"]) == 0
    assert run(root, folder, "verify") == 0
    assert run(root, folder, "coverage") == 0
    out = capsys.readouterr().out
    assert re.search(rf"{SOURCE_ID}\s+8\s+5\s+3\s+0", out), out


def test_refusals_of_source_add(project, tmp_path, capsys):
    root, folder = project
    add_publisher(root)
    before = (root / "data/sources.csv").read_bytes(), sorted(folder.iterdir())
    existing = next(folder.glob("003_*.txt"))
    cases = {
        "gb18030": (TEXT.encode("gb18030"), METADATA, "expected UTF-8 text; the file decodes as GB18030"),
        "binary": (b"line one\nbad \xff\xfe\n", METADATA, "incoming.txt:2:5: value 'bytes ff fe 0a': expected UTF-8"),
        "duplicate file": (existing.read_bytes(), METADATA, f"expected a file not archived yet: it is {existing}"),
        "duplicate id": (
            TEXT.encode(),
            [*METADATA[2:], "--id", "sxgov-2021-36"],
            "column 'id': value 'sxgov-2021-36': expected an id no other source has",
        ),
        "unknown publisher": (
            TEXT.encode(),
            [*METADATA, "--publisher-id", "no-such-body"],
            "column 'publisher_id': value 'no-such-body': expected the id of a body in data/organizations.csv "
            "(set by --publisher-id)",
        ),
        "bad metadata": (
            TEXT.encode(),
            [*METADATA[:-4], "--kind", "blog", "--date", "2024-02-30", "--date-inferred"],
            "column 'kind': value 'blog': expected one of 'policy', 'news', 'feature' or 'newspaper_page' (set by --kind)",
        ),
    }
    for name, (data, metadata, expected) in cases.items():
        incoming = tmp_path / "incoming.txt"
        incoming.write_bytes(data)
        assert run(root, folder, "source", "add", str(incoming), *metadata) == 1, name
        out, err = capsys.readouterr()
        assert expected in out, (name, out)
        assert "Traceback" not in out + err and "Stopped: Nothing archived or recorded." in err
    assert "column 'published': value '2024-02-30': expected a real calendar date" in out
    assert "column 'date_note': value '': expected how the date was inferred" in out
    incoming.write_bytes(TEXT.encode())
    for option, expected in {
        "--publisher-inferred": "column 'publisher_note': value '': expected how the publisher was inferred",
        "--url=http://example.org/": "an address (url) has a url_kind and a url_checked date",
    }.items():
        assert run(root, folder, "source", "add", str(incoming), *METADATA, option) == 1
        assert expected in capsys.readouterr().out, option
    assert ((root / "data/sources.csv").read_bytes(), sorted(folder.iterdir())) == before


def test_refusals_of_capture(project, capsys):
    root, folder = project
    cases = {
        ("nope",): "no source 'nope' in data/sources.csv (it has hsx-2022-changzhi-aid,",
        ("sxgov-2021-36", "--line", "999"): "--line 999: sxgov-2021-36 has lines 1 to 153",
        ("sxgov-2021-36", "--out", str(root / "data/drafts.csv")): "a draft is never written into data/",
    }
    for argv, expected in cases.items():
        assert run(root, folder, "capture", *argv) == 1, argv
        out, err = capsys.readouterr()
        assert expected in err and "Traceback" not in out + err, (argv, err)
    assert not (root / "data/drafts.csv").exists()


WEB = [
    "--id", "shanxi-daily-20260305",
    "--publisher-zh", "山西日报", "--publisher-en", "Shanxi Daily", "--publisher-id", "shanxi-daily",
    "--title-zh", "某县道路建成通车", "--title-en", "A county road opens", "--kind", "news", "--date", "2026-03-05",
    "--url", "https://example.org/news/2026/0305.html", "--url-kind", "original", "--url-checked", "2026-12-05",
]  # fmt: skip


def test_adding_a_web_source_and_a_ledger_entry_end_to_end(project, capsys):
    """CONTRIBUTING's walk-through of the ledger: a web page with `source add` and no file, a dated report
    citing it by its words, a search, then package, verify and `ledger gaps`."""
    root, folder = project
    before = sorted(folder.iterdir())
    assert run(root, folder, "source", "add", *WEB) == 0
    assert sorted(folder.iterdir()) == before  # nothing archived
    project_id = rows(root / "data/projects.csv")[0]["id"]
    note = "A made-up report that the road opened."
    report = {"id": "example-road-opened-2026-03", "project_id": project_id, "source_id": "shanxi-daily-20260305"}
    report |= {"as_of": "2026-03", "status_zh": "建成通车", "status": "in_service", "note": note}
    append(root / "data/project_updates.csv", [report])
    append(root / "data/translations.csv", [{"text_en": note, "text_zh": "编造的报道：道路建成通车。"}])
    search = {"id": f"{project_id}-2026-12-06", "project_id": project_id, "searched_on": "2026-12-06"}
    search |= {"queries": "某县道路 通车 | 某县道路 建成", "result": "found"}
    search |= {"searched_in": rows(root / "data/ledger_searches.csv")[0]["searched_in"]}
    append(root / "data/ledger_searches.csv", [search])
    assert main(["--root", str(root), "package"]) == 0
    capsys.readouterr()
    assert run(root, folder, "verify") == 0
    assert "No problems found." in capsys.readouterr().out
    assert main(["--root", str(root), "ledger", "gaps", "--as-of", "2026-12-06"]) == 0
    assert f"projects {project_id}:" not in capsys.readouterr().out  # it has a report of this year
