"""Inputs that cannot hurt us: random bytes, odd encodings and shapes give a clear error or a correct load,
never a traceback or a hang; and Datasette keeps up under a bounded load from a loopback client."""

import codecs
import csv
import io
import json
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import BY_NAME
from scripts import metadata, validate
from scripts.layout import ROOT, Layout
from scripts.problems import Problem
from scripts.reader import read

COLUMNS = BY_NAME["sources"].columns()
GOOD_ROW = next(csv.reader(io.StringIO((ROOT / "data/sources.csv").read_text(encoding="utf-8").splitlines()[4])))
GOOD = dict(zip(COLUMNS, GOOD_ROW, strict=True))
# What a source refers to, beside sources.csv: its publisher (a body citing the source's first line) and the
# renderings of its notes. A fuzzed file that lacks that source leaves the body's citation dangling, and only that.
PUBLISHER = {"id": GOOD["publisher_id"], "name_zh": "某机构", "name_en": "A body", "level": "provincial"}
PUBLISHER |= {"kind": "media", "source_id": GOOD["id"], "locator": "1"}
CITATION = ("source_id", "locator")  # the body's citation, which a fuzzed sources.csv may leave dangling
# No deadline: a time limit measures the machine, not the code (issue 10).
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(tmp_path: Path, content: bytes, rendered: tuple[str, ...] = ()) -> list[Problem]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "sources.csv").write_bytes(content)
    _table(data, "organizations", [PUBLISHER])
    notes = {GOOD[c] for c in COLUMNS if c.endswith(("note", "notes")) and GOOD[c]} | set(rendered)
    _table(data, "translations", [{"text_en": note, "text_zh": "译文。"} for note in sorted(notes)])
    problems = validate.check_rows(Layout(tmp_path))
    for problem in problems:
        knock_on = problem.file == "data/organizations.csv" and problem.field in CITATION
        assert str(problem).startswith("data/sources.csv") or knock_on, problem
        assert problem.expected
    return [p for p in problems if p.file == "data/sources.csv"]


def _table(data: Path, resource: str, rows: list[dict[str, str]]) -> None:
    columns = BY_NAME[resource].columns()
    with (data / f"{resource}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _csv(rows: list[list[str]], newline: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_give_problems_not_tracebacks(tmp_path, content):
    _check(tmp_path, content)


cell = st.one_of(
    st.text(max_size=40),
    st.text(alphabet='",\r\n \t\ufeff', max_size=10),
    st.from_regex(r"-?[0-9]{1,400}(\.[0-9]{1,50})?(e[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(["", "true", "yes", "2021-02-30", "9" * 5000, "1e400", "NaN", "x" * 200_000]),
)


@SETTINGS
@given(
    rows=st.lists(st.lists(cell, min_size=0, max_size=20), max_size=5),
    header=st.sampled_from(["exact", "missing", "extra", "shuffled"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_odd_shapes_and_encodings_give_a_clear_error_or_a_correct_load(tmp_path, rows, header, encoding, newline):
    columns = {
        "exact": COLUMNS,
        "missing": COLUMNS[:-1],
        "extra": [*COLUMNS, "extra"],
        "shuffled": COLUMNS[::-1],
    }[header]
    content = _csv([columns, *rows], newline).encode(encoding, errors="replace")
    problems = _check(tmp_path, content)
    if not problems:
        # a clean load only happens for well-formed UTF-8 with the schema's header, and every row is read as written
        assert header == "exact"
        parsed = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
        assert parsed[0] == COLUMNS and all(len(r) == len(COLUMNS) for r in parsed[1:])


@SETTINGS
@given(value=st.sampled_from(["9" * 5000, "1e400", "-0", "007", "1" * 30, "2.5", " 3", "३"]))
def test_huge_or_strange_numbers_are_errors_or_numbers(tmp_path, value):
    row = list(GOOD_ROW)
    row[COLUMNS.index("lines")] = value
    problems = _check(tmp_path, _csv([COLUMNS, row]).encode("utf-8"))
    if not problems:
        assert value.isascii() and value.isdigit()


def test_a_valid_file_with_crlf_quotes_and_embedded_newlines_loads(tmp_path):
    row = list(GOOD_ROW)
    note = 'A note with "quotes", a comma,\nand a line break.'
    row[COLUMNS.index("notes")] = note
    assert _check(tmp_path, _csv([COLUMNS, row], "\r\n").encode("utf-8"), rendered=(note,)) == []


def test_a_bom_is_reported_once_and_the_rows_are_still_checked(tmp_path):
    row = list(GOOD_ROW)
    row[COLUMNS.index("published")] = "2021-02-30"
    problems = _check(tmp_path, codecs.BOM_UTF8 + _csv([COLUMNS, row]).encode("utf-8"))
    assert [p.line for p in problems] == [1, 2]


def test_datasette_metadata_escapes_the_data(tmp_path, built):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    sources = tmp_path / "data" / "sources.csv"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("红色山西网", "<script>alert(1)</script>", 1), "utf-8"
    )
    copy = Layout(tmp_path)
    html = metadata.generate(copy, read(copy)[0])["description_html"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


LOAD_REQUESTS = 2000
LOAD_CONCURRENCY = 8


@pytest.mark.slow
def test_datasette_under_a_bounded_load(built):
    """2,000 requests of mixed canned queries, 8 at a time, from a loopback client: no errors; p95 reported."""
    import uvicorn

    from schemas.statements import QUERIES
    from scripts.serve import datasette

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(datasette(built).app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    paths = [
        f"/taihang/{q.name}.json?_shape=array&" + "&".join(f"{k}={v}" for k, v in q.example.items()) for q in QUERIES
    ] + ["/taihang/observations.json?_size=50", "/taihang/regions.json?_labels=on"]

    def fetch(i: int) -> tuple[int, float]:
        path = paths[i % len(paths)].replace("q=总工会", "q=%E6%80%BB%E5%B7%A5%E4%BC%9A")
        started = time.perf_counter()
        with urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            response.read()
            return response.status, time.perf_counter() - started

    try:
        with ThreadPoolExecutor(LOAD_CONCURRENCY) as pool:
            results = list(pool.map(fetch, range(LOAD_REQUESTS)))
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    statuses = {status for status, _ in results}
    latencies = sorted(t for _, t in results)
    p95 = statistics.quantiles(latencies, n=20)[-1]
    report = {"requests": len(results), "concurrency": LOAD_CONCURRENCY, "p50_ms": 1000 * statistics.median(latencies)}
    report["p95_ms"] = 1000 * p95
    (built.root / "build" / "load-test.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nDatasette load test: {report}")
    assert statuses == {200}
    assert len(results) == LOAD_REQUESTS


@pytest.mark.parametrize("name", ["sources", "regions"])
def test_problem_messages_always_name_file_line_and_expectation(tmp_path, name):
    data = tmp_path / "data"
    data.mkdir()
    (data / f"{name}.csv").write_bytes(b"\xff\xfe\x00garbage")
    problems = validate.check_rows(Layout(tmp_path))
    assert problems and all(str(p).startswith(f"data/{name}.csv") and "expected" in str(p) for p in problems)


HOSTILE = [
    "/taihang/regions.json?" + "&".join(f"a{i}=1" for i in range(4000)),
    "/taihang.json?sql=" + quote("select printf('%.*c', 900000000, 'x')"),
    "/taihang.json?sql=" + quote("select hex(zeroblob(400000)), hex(zeroblob(400000)) from observations"),
    "/taihang/search_everything.json?q=" + quote("太行革命老区振兴发展" * 500),
]


def _serve_in_a_process(layout: Layout) -> tuple[subprocess.Popen, int]:
    """Datasette as `serve` configures it, in a process of its own (so that its memory can be read)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    code = (
        "import uvicorn; from pathlib import Path; from scripts.layout import Layout; from scripts.serve import datasette; "
        f"uvicorn.run(datasette(Layout(Path({str(layout.root)!r}))).app(), host='127.0.0.1', port={port}, "
        "log_level='warning')"
    )
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("Datasette did not start")


def _peak_memory_mb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:"))


@pytest.mark.slow
def test_datasette_under_a_hostile_load(built):
    """2,000 requests, 16 at a time, 1% of them hostile (thousands of parameters, a runaway printf, a huge
    result, a long search): every ordinary request answered, none stalled, the server's memory bounded."""
    from schemas.statements import QUERIES

    process, port = _serve_in_a_process(built)
    ordinary = [
        f"/taihang/{q.name}.json?_shape=array&" + "&".join(f"{k}={quote(str(v))}" for k, v in q.example.items())
        for q in QUERIES
    ] + ["/taihang/observations.json?_size=50", "/taihang/regions.json?_labels=on"]
    plan = [(i % 100 == 50, HOSTILE[i % 4] if i % 100 == 50 else ordinary[i % len(ordinary)]) for i in range(2000)]

    def fetch(item: tuple[bool, str]) -> tuple[bool, int, float]:
        hostile, path = item
        started = time.perf_counter()
        try:
            with urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
                response.read()
                status = response.status
        except HTTPError as err:
            status = err.code
        return hostile, status, time.perf_counter() - started

    try:
        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(fetch, plan))
        peak = _peak_memory_mb(process.pid)
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)
    normal = sorted(t for hostile, _, t in results if not hostile)
    report: dict[str, float] = {"requests": len(results), "hostile": sum(h for h, _, _ in results), "concurrency": 16}
    report |= {"p95_ms": 1000 * statistics.quantiles(normal, n=20)[-1], "max_ms": 1000 * normal[-1], "peak_mb": peak}
    (built.root / "build" / "load-test-hostile.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nDatasette under a hostile load: {report}")
    assert {status for hostile, status, _ in results if not hostile} == {200}
    assert {status for hostile, status, _ in results if hostile} <= {200, 400, 414}
    assert normal[-1] < 10, "an ordinary request waited behind a hostile one"
    assert peak < 500
    assert "Traceback" not in log
