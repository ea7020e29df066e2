"""The implementation ledger: its rules across rows (each with a seeded defect), the links that highlight the
words cited on a web page, adding a web source, what the ledger lacks, and the Atom feed."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from schemas import RESOURCES
from schemas.codes import PROJECT_STATUS
from scripts import ledger
from scripts.cli import main
from scripts.reader import read
from scripts.site.highlight import text_fragment
from tests.defects import append_row, data_rows, read_rows, write_rows

ATOM = "{http://www.w3.org/2005/Atom}"


def _updates_problems(layout):
    dataset, problems = read(layout)
    assert not problems, problems[:3]
    return [str(p) for p in ledger.check(layout, dataset)]


def test_the_ledger_of_the_data_holds_its_rules(layout):
    assert _updates_problems(layout) == []


def test_a_later_report_dated_before_the_policy_is_refused(data_copy, edit_row):
    """Seeded: a report about a project dated before the policy was issued."""
    row = next(u for u in data_rows("project_updates") if u["project_id"])
    edit_row(data_copy.csv("project_updates"), row["id"], {"as_of": "2020-05"})
    [problem] = _updates_problems(data_copy)
    assert problem.startswith("data/project_updates.csv:") and ":7: column 'as_of': value '2020-05'" in problem
    assert "a date not before 2021-11-09, the date of the policies row its project_id leads to" in problem


def _later(status: str) -> dict[str, str]:
    """A report of a project in service, dated again later (the date of the newest source) with a status."""
    newest = max(data_rows("sources"), key=lambda s: s["published"])
    opened = next(
        u
        for u in data_rows("project_updates")
        if u["project_id"] and u["status"] == "in_service" and u["as_of"][:7] < newest["published"][:7]
    )
    changes = {"status": status, "as_of": newest["published"], "source_id": newest["id"], "locator": ""}
    return {**opened, "id": f"seeded-{status}-later", "observation_id": "", **changes}


def test_a_project_started_after_it_is_in_service_is_refused(data_copy):
    """Seeded: a report that a project started, dated after a report that has it in service."""
    later = _later("started")
    append_row(data_copy.csv("project_updates"), later)
    [problem] = _updates_problems(data_copy)
    assert "column 'status': value 'started'" in problem and "in service on" in problem, problem


def test_a_designation_after_service_is_not_going_back(data_copy):
    """A project in service may later be approved as something (a national resort): not a problem."""
    later = _later("approved")
    append_row(data_copy.csv("project_updates"), later)
    assert _updates_problems(data_copy) == []


def test_every_stage_has_its_place_and_the_rule_reads_them_from_the_codes():
    stages = [c.stage for c in PROJECT_STATUS.codes if c.stage]
    assert stages == sorted(stages) and len(set(stages)) == len(stages)
    assert ledger.STARTED < ledger.OPENED


@pytest.mark.parametrize(
    ("url", "words", "expected"),
    [
        (
            "https://a.cn/x.htm",
            "正式开工建设",
            "https://a.cn/x.htm#:~:text=%E6%AD%A3%E5%BC%8F%E5%BC%80%E5%B7%A5%E5%BB%BA%E8%AE%BE",
        ),
        ("https://a.cn/x.htm", "1.3万公里", "https://a.cn/x.htm#:~:text=1.3%E4%B8%87%E5%85%AC%E9%87%8C"),
        # - , & and the space have meanings in a text directive: each is encoded
        ("https://a.cn/x", "2021-2025, A&B", "https://a.cn/x#:~:text=2021%2D2025%2C%20A%26B"),
        # an address with a fragment keeps it; the directive follows after :~:
        ("https://a.cn/x#top", "开工", "https://a.cn/x#top:~:text=%E5%BC%80%E5%B7%A5"),
        # white space inside the words is one space
        ("https://a.cn/x", "建成\n 通车", "https://a.cn/x#:~:text=%E5%BB%BA%E6%88%90%20%E9%80%9A%E8%BD%A6"),
    ],
)
def test_a_text_fragment_is_encoded_as_the_specification_says(url, words, expected):
    assert text_fragment(url, words) == expected


def test_every_highlight_link_carries_words_of_its_row(built):
    """On a project's page, each web citation's highlight link holds the row's words as printed."""
    web = {s["id"] for s in data_rows("sources") if s["archived"] == "false"}
    cited = [u for u in data_rows("project_updates") if u["source_id"] in web and u["project_id"]]
    assert cited
    for u in cited[:40]:
        page = (built.docs / "projects" / f"{u['project_id']}.md").read_text(encoding="utf-8")
        url = next(s["url"] for s in data_rows("sources") if s["id"] == u["source_id"])
        assert text_fragment(url, u["status_zh"]) in page, u["id"]


def test_verify_says_how_many_rows_cite_a_web_page(layout, sources_dir, capsys):
    assert main(["--root", str(layout.root), "verify", "--sources", str(sources_dir)]) == 0
    out = capsys.readouterr().out
    web = {s["id"] for s in data_rows("sources") if s["archived"] == "false"}
    tables = [m.meta.resource for m in RESOURCES if m.meta.cites]  # the tables whose rows cite a source
    citing = sum(r["source_id"] in web for t in tables for r in data_rows(t))
    assert f"{citing} row(s) cite a web page that is not archived" in out


WEB_SOURCE = [
    "--id", "example-2026-county-notice",
    "--publisher-zh", "山西日报", "--publisher-en", "Shanxi Daily", "--publisher-id", "shanxi-daily",
    "--title-zh", "某县道路建成通车", "--title-en", "A county road opens (made up)",
    "--kind", "news", "--date", "2026-03-05",
    "--url", "https://example.org/news/2026/0305.html", "--url-kind", "original", "--url-checked", "2026-12-05",
]  # fmt: skip


def test_a_web_source_is_added_without_a_file(data_copy, tmp_path, capsys):
    tmp_path = tmp_path / "sources"
    tmp_path.mkdir()
    assert main(["--root", str(data_copy.root), "source", "add", *WEB_SOURCE, "--sources", str(tmp_path)]) == 0
    assert "a web page cited by its address, not archived" in capsys.readouterr().out
    [row] = [r for r in data_rows_of(data_copy) if r["id"] == "example-2026-county-notice"]
    assert (row["archived"], row["archive_file"], row["lines"], row["consulted"]) == ("false", "", "", "stored_copy")
    assert not list(tmp_path.iterdir())  # nothing archived
    # the same address again is refused, in one line, and nothing is written
    before = data_copy.csv("sources").read_bytes()
    again = [*WEB_SOURCE[:1], "example-2026-again", *WEB_SOURCE[2:]]
    assert main(["--root", str(data_copy.root), "source", "add", *again, "--sources", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert (
        "column 'url': value 'https://example.org/news/2026/0305.html': expected an address no other source has" in out
    )
    assert data_copy.csv("sources").read_bytes() == before


def test_a_web_source_needs_its_address_and_a_republication_its_host(data_copy, tmp_path, capsys):
    cases = {
        "no address": ([*WEB_SOURCE[:-6], *WEB_SOURCE[-2:]], "column 'url'"),
        "no host": ([*WEB_SOURCE[:-4], "--url-kind", "republication", *WEB_SOURCE[-2:]], "column 'host_zh'"),
    }
    for name, (argv, expected) in cases.items():
        assert main(["--root", str(data_copy.root), "source", "add", *argv, "--sources", str(tmp_path)]) == 1, name
        out = capsys.readouterr().out
        assert expected in out and "Traceback" not in out, (name, out)


def data_rows_of(layout):
    return read_rows(layout.csv("sources"))[1]


def test_the_ledger_lists_what_it_lacks(data_copy, capsys):
    """Seeded: the searches of one project removed, and the project has no report: the command names it."""
    reported = {u["project_id"] for u in data_rows("project_updates")}
    silent = next(p["id"] for p in data_rows("projects") if p["id"] not in reported)
    header, rows = read_rows(data_copy.csv("ledger_searches"))
    write_rows(data_copy.csv("ledger_searches"), header, [r for r in rows if r["project_id"] != silent])
    assert main(["--root", str(data_copy.root), "package"]) == 0
    assert main(["--root", str(data_copy.root), "ledger", "gaps", "--as-of", "2026-12-05"]) == 0
    out = capsys.readouterr().out
    assert f"projects {silent}: no dated report and no recorded search" in out
    # and a project whose newest report is old is listed as stale, by months
    dataset = read(data_copy)[0]
    stale = list(ledger.gaps(dataset, 1, date(2100, 1, 1)))
    assert any("older than 1 months" in line for line in stale)


def test_the_feed_is_atom_newest_first_and_one_entry_a_report(built):
    for path in ("ledger.xml", "en/ledger.xml"):
        root = ET.fromstring((built.root / "site" / path).read_bytes())
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(data_rows("project_updates"))
        dates = [e.findtext(f"{ATOM}updated") or "" for e in entries]
        assert dates == sorted(dates, reverse=True) and root.findtext(f"{ATOM}updated") == dates[0]
        assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)


def test_a_report_that_names_a_project_is_filed_under_it(data_copy, drop_row):
    """Seeded: the project's row dropped, a report filed under a measure or target whose words or source title
    print the project's name is refused until it is filed under the project too."""
    updates, projects = data_rows("project_updates"), {p["id"]: p for p in data_rows("projects")}
    titles = {s["id"]: s["title_zh"] for s in data_rows("sources")}
    pair = next(
        (p, u)
        for p in updates
        if p["project_id"]
        for u in updates
        if not u["project_id"]
        and u["source_id"] == p["source_id"]
        and projects[p["project_id"]]["printed_zh"].strip("“”") in u["status_zh"] + titles[u["source_id"]]
        and sum(1 for q in updates if q["project_id"] == p["project_id"] and q["source_id"] == p["source_id"]) == 1
    )
    drop_row(data_copy.csv("project_updates"), pair[0]["id"])
    problems = _updates_problems(data_copy)
    expected = f"expected a row from {pair[0]['source_id']} about {pair[0]['project_id']} too"
    assert any(expected in p and "column 'project_id'" in p for p in problems), problems
