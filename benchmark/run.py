"""The national-scale benchmark: a synthetic package with the real schemas, timed as a user runs it.

    python -m benchmark                      # 100k, 300k and 1M observations; writes docs/benchmarks.md
    python -m benchmark --sizes 10000 --out build/bench.md   # the small run the tests use

For each size it generates about 1,600 × (size / 1M) counties, 60 metrics and 10 years of observations,
and a copy with known defects seeded. Every command runs as a child process, timed by the CPU time
(user + system) and the peak resident memory that `os.wait4` reports of it: `python -m scripts validate`
against `frictionless validate`, paired (alternating which goes first) on the same package, both of which
must find every seeded defect; `python -m scripts database`, beside the same command of the code at an
earlier commit (`--before`, on the package that code's own generator writes); then Datasette, started on
that database as a child process, answers each canned query (with realistic parameters, a common search
term among them) and the pages of the largest tables, as HTML and JSON, through HTTP (median and 95th
percentile); and the site's code and mkdocs.yml render every region page in both languages. `--steps`
chooses which of these run.
"""

import argparse
import csv
import gzip
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from schemas import BY_NAME
from schemas.statements import QUERIES
from scripts.atomic import write_files
from scripts.frontmatter import front_matter
from scripts.layout import ROOT, Layout
from scripts.problems import Stop, report
from scripts.site.amounts import scaled
from scripts.site.tables import ROWS_SHOWN

METRICS, YEARS, COUNTIES_AT_1M = 60, 10, 1600
DEFECTS = {  # seeded defect → (resource, line to corrupt, column, bad value)
    "bad region code": ("observations", 101, "region_code", "14000"),
    "dangling metric": ("observations", 202, "metric_id", "no-such-metric"),
    "non-numeric value": ("observations", 303, "value", "lots"),
    "bad date": ("observations", 404, "as_of", "2021-02-30"),
    "unknown qualifier": ("observations", 505, "qualifier", "roughly"),
}
SIZES = (100_000, 300_000, 1_000_000)
STEPS = ("validate", "database", "http", "site")
REQUESTS = 20  # timed requests per page, after one to warm up
TABLE_PAGES = ("observations", "observations_labelled")
BEFORE = "d018166"  # the default of --before: the database build issue 13 measured (insert_all, commits every 62 rows)
# How the earlier code writes its synthetic package (its generator, reader and package step), run in its tree
GENERATE_BEFORE = """
import sys
from pathlib import Path
from scripts import bench, package, reader
from scripts.atomic import write_files
layout = bench.generate(Path(sys.argv[1]), int(sys.argv[2]))
write_files(package.generated(layout, reader.read(layout)[0]))
"""


def _write(path: Path, resource: str, rows: list[dict[str, Any]]) -> None:
    """A table's CSV file: each row given by column name, in the model's column order (a column the rows do
    not name is empty), so that a column added to a model needs no change here."""
    columns = BY_NAME[resource].columns()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row.get(column, "") for column in columns] for row in rows)


NOTE = "No public copy: the data is made up."  # the synthetic source's notes, and their rendering's key


def generate(root: Path, rows: int) -> Layout:
    """A synthetic package of about `rows` observations, with every resource present."""
    layout = Layout(root)
    counties = max(1, round(COUNTIES_AT_1M * rows / 1_000_000))
    cities = max(1, counties // 40)
    source = {"id": "bench", "title_zh": "合成数据", "title_en": "Synthetic data", "publisher_zh": "基准"}
    source |= {"publisher_en": "Benchmark", "publisher_inferred": "false", "published": "2026-01-01"}
    source |= {"published_precision": "day", "date_inferred": "false", "language": "zh-Hans", "kind": "news"}
    source |= {"archive_file": "000_0000000000000000.txt", "sha256": "0" * 64, "lines": "1000000"}
    source |= {"url_checked": "2026-01-01", "notes": NOTE, "publisher_id": "bench-org", "archived": "true"}
    _write(layout.csv("sources"), "sources", [source])
    province = {"code": "990000", "name_zh": "省", "qualified_name_zh": "省", "name_en": "Province"}
    regions = [province | {"level": "province", "kind_zh": "省"}]
    county_codes = []
    for c in range(cities):
        city = f"{11 + c:02d}0100"
        names = {"name_zh": f"市{c}", "qualified_name_zh": f"市{c}", "name_en": f"City {c}"}
        regions.append({"code": city, **names, "level": "prefecture", "kind_zh": "市", "parent_code": "990000"})
        for k in range(counties // cities + (1 if c < counties % cities else 0)):
            code = f"{11 + c:02d}01{k + 1:02d}" if k < 99 else f"{11 + c:02d}{k // 99 + 1:02d}{k % 99 + 1:02d}"
            county_codes.append(code)
            names = {"name_zh": f"县{c}-{k}", "qualified_name_zh": f"市{c}县{c}-{k}", "name_en": f"County {c}-{k}"}
            regions.append({"code": code, **names, "level": "county", "kind_zh": "县", "parent_code": city})
    _write(layout.csv("regions"), "regions", regions)
    cited = {"source_id": "bench", "locator": "1"}
    body = {"id": "bench-org", "name_zh": "机构", "name_en": "Body", "level": "central", "kind": "department"}
    _write(layout.csv("organizations"), "organizations", [body | cited])
    pairing = {"organization_id": "bench-org", "program": "central_designated_aid", "pairing": "stated"}
    pairing |= {"start_year": "2014", "status": "ongoing", **cited}
    assignments = [{"id": f"bench-org-{code}", "region_code": code, **pairing} for code in county_codes]
    _write(layout.csv("aid_assignments"), "aid_assignments", assignments)  # backs the body each figure names
    metrics = [
        {"id": f"m{m:02d}", "name_zh": f"指标{m}", "name_en": f"Metric {m}", "unit": "yuan"}
        | {"definition_zh": f"定义{m}", "definition_en": f"Definition {m}"}
        for m in range(METRICS)
    ]
    _write(layout.csv("metrics"), "metrics", metrics)
    _write(layout.csv("translations"), "translations", [{"text_en": NOTE, "text_zh": "数据为合成。"}])
    n = 0
    with layout.csv("observations").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        columns = BY_NAME["observations"].columns()
        writer.writerow(columns)
        for code in county_codes:
            for m in range(METRICS):
                for y in range(YEARS):
                    if n >= rows:
                        break
                    year = str(2014 + y)
                    value = (n * 7919) % 100_000
                    cells = {
                        "id": f"o{n}",
                        "metric_id": f"m{m:02d}",
                        "region_code": code,
                        "organization_id": "bench-org",
                        "period_start": year,
                        "period_end": year,
                        "value": value,
                        "unit": "yuan",
                        "qualifier": "exact",
                        "figure_text": f"{value}元",
                        "source_id": "bench",
                        "locator": 1,
                    }
                    writer.writerow([cells.get(column, "") for column in columns])
                    n += 1
    for name in BY_NAME:
        if not layout.csv(name).exists():
            _write(layout.csv(name), name, [])
    return layout


def seed_defects(layout: Layout) -> None:
    """Corrupt the lines of DEFECTS in place."""
    for resource_name, line, column, value in DEFECTS.values():
        path = layout.csv(resource_name)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        row = lines[line - 1].rstrip("\n").split(",")  # synthetic rows have no quoted cells
        row[BY_NAME[resource_name].columns().index(column)] = value
        lines[line - 1] = ",".join(row) + "\n"
        path.write_text("".join(lines), encoding="utf-8")


# --- what a user runs, each a child process ---------------------------------------------------------


def _high_water(pid: int) -> int:
    """The peak resident size (KiB) of a running process's own memory (VmHWM), 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def child(argv: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Run a command; its output, exit status, wall and CPU seconds (user + system, from `os.wait4`) and peak
    resident memory (MiB). The peak is read from /proc while it runs: the `ru_maxrss` that wait4 reports keeps
    the high-water mark of the process it was forked from (this one), so it cannot tell a small child's."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, text=True)
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _high_water(process.pid))
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    return {
        "out": text,
        "code": process.returncode,
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": peak / 1024,
    }


def earlier_code(ref: str, workdir: Path) -> Path:
    """The project's code at an earlier commit, extracted from git (the checkout is not touched)."""
    tree = workdir / f"code-{ref}"
    if not tree.exists():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True)
        if archive.returncode:
            raise Stop(f"commit {ref} is not in this clone's history (a shallow clone?): `--before ''` skips it")
        tree.mkdir()
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def database_before(tree: Path, rows: int, workdir: Path) -> dict[str, Any]:
    """`python -m scripts database` of the earlier code, on the synthetic package its own generator writes."""
    root = workdir / f"before-{rows}"
    subprocess.run([sys.executable, "-c", GENERATE_BEFORE, str(root), str(rows)], cwd=tree, check=True)
    run = child([sys.executable, "-m", "scripts", "--root", str(root), "database"], cwd=tree)
    run.pop("out")
    shutil.rmtree(root)
    return run


def ours(root: Path) -> dict[str, Any]:
    run = child([sys.executable, "-m", "scripts", "--root", str(root), "validate"])
    run["lines"] = sorted({int(n) for n in re.findall(r"^data/observations\.csv:(\d+):", run.pop("out"), re.M)})
    return run


def theirs(root: Path) -> dict[str, Any]:
    run = child([str(Path(sys.executable).with_name("frictionless")), "validate", "--json", "datapackage.json"], root)
    found = json.loads(run.pop("out"))
    run["lines"] = sorted({e["rowNumber"] for t in found["tasks"] for e in t["errors"] if e.get("rowNumber")})
    return run


def paired(root: Path, repeats: int) -> dict[str, list[dict[str, Any]]]:
    """Ours and Frictionless on one package, alternating which runs first."""
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "theirs": []}
    for turn in range(repeats):
        for name in ("ours", "theirs") if turn % 2 == 0 else ("theirs", "ours"):
            runs[name].append((ours if name == "ours" else theirs)(root))
    return runs


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pages(layout: Layout) -> dict[str, str]:
    """Each canned query with realistic parameters, and the largest tables' pages, by name → path."""
    import sqlite3

    with sqlite3.connect(f"file:{layout.database}?mode=ro", uri=True) as db:
        code = db.execute("SELECT code FROM regions WHERE level = 'county' LIMIT 1").fetchone()[0]
    db.close()
    params = {"region_code": code, "metric_id": "m07", "q": "元", "city_code": code[:4] + "00", "year": "2025"}
    params |= {"organization_id": "bench-org", "source_id": "bench", "page": "1"}  # 元 is in every figure
    params |= {"project_id": "bench-project", "since": "2020-01-01"}  # the synthetic package has no ledger rows
    found = {q.name: f"/taihang/{q.name}?{urlencode({k: params[k] for k in q.example})}" for q in QUERIES}
    return found | {table: f"/taihang/{table}?" for table in TABLE_PAGES}


def _request(connection: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return 1000 * (time.perf_counter() - started), response.status


def step_http(layout: Layout) -> dict[str, Any]:
    """Datasette as `serve` configures it, in a child process; every page as HTML and JSON, through HTTP."""
    shutil.copytree(ROOT / "plugins", layout.root / "plugins", dirs_exist_ok=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmark", "--serve", str(port), "--root", str(layout.root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise Stop("Datasette did not start for the benchmark") from None
                time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        timings = {}
        for name, path in pages(layout).items():
            for kind, url in (("html", path), ("json", path.replace("?", ".json?", 1) + "&_shape=array")):
                _request(connection, url)
                runs = [_request(connection, url) for _ in range(REQUESTS)]
                ms = sorted(t for t, _ in runs)
                timings[f"{name} {kind}"] = {
                    "p50": statistics.median(ms),
                    "p95": ms[int(0.95 * (len(ms) - 1))],
                    "statuses": sorted({status for _, status in runs}),
                }
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return timings


def serve_for_benchmark(root: Path, port: int) -> None:
    """The child process of step_http: serve's Datasette on 127.0.0.1, until terminated."""
    import uvicorn

    from scripts.serve import datasette

    uvicorn.run(datasette(Layout(root)).app(), host="127.0.0.1", port=port, log_level="warning")


def step_site(root: Path) -> dict:
    """Render every region page in both languages as the site does: generated by the site's code, built by
    MkDocs with the site's own `mkdocs.yml` (its theme, plugins, hooks and search settings; inherited, with
    only the docs and the nav replaced), the search index split by language. The time per page and each
    language's search index."""
    from mkdocs.utils.yaml import yaml_load

    from scripts.segment import site_userdict
    from scripts.site import fragments, publish, region, search
    from scripts.site.context import Context
    from scripts.site.data import Data
    from scripts.site.words import LANGS, suffix

    docs = root / "bench-docs"
    shutil.rmtree(docs, ignore_errors=True)
    written: dict[Path, bytes] = {}
    with Data(Layout(root).database) as data:
        counties = sum(r["level"] == "county" for r in data.regions.values())
        for lang in LANGS:
            ctx = Context(data, lang)
            written |= {docs / name: text.encode() for name, text in publish.kind_pages(ctx, region).items()}
            written[docs / f"index{suffix(lang)}.md"] = b"# Benchmark\n"
        written[root / "build" / "jieba_userdict.txt"] = site_userdict(data.db).encode()
        written[Layout(root).fragments / fragments.CITING] = fragments.citing(data).encode()  # for the hook
    write_files(written)
    config = root / "bench-mkdocs.yml"  # the pages link to sections the benchmark does not render
    site_config = yaml_load((ROOT / "mkdocs.yml").open("rb"))  # its paths are relative to the checkout
    settings = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "nav": [{"首页": "index.md"}],
        "strict": False,
        "validation": {"links": {"not_found": "info", "anchors": "info"}, "nav": {"omitted_files": "info"}},
        "hooks": [str(ROOT / hook) for hook in site_config["hooks"]],
        "theme": {"custom_dir": str(ROOT / site_config["theme"]["custom_dir"])},
    }
    config.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    site = root / "bench-site"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=root,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    rendered = time.perf_counter() - started
    userdict = root / "build" / "jieba_userdict.txt"
    indexes = {path.suffixes[0].strip("."): path.read_bytes() for path in search.split(site, userdict)}
    return {
        "counties": counties,
        "pages": sum(path.suffix == ".md" and path.parent != docs for path in written),
        "render_seconds": rendered,
        "index_kib": {lang: len(index) / 1024 for lang, index in indexes.items()},
        "index_gzip_kib": {lang: len(gzip.compress(index)) / 1024 for lang, index in indexes.items()},
    }


def _peak_mib() -> float:
    """Peak resident memory of this process since its exec (VmHWM), or of its children if larger (MkDocs)."""
    import resource

    status = Path("/proc/self/status").read_text()
    own = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def prepare(rows: int, workdir: Path) -> tuple[Layout, Layout]:
    """A clean synthetic package with every generated file current, and a copy with the defects seeded."""
    from scripts import columnar

    clean = generate(workdir / f"clean-{rows}", rows)
    dataset, problems = columnar.check(clean)
    if problems:  # a benchmark of a package that is not clean would time the wrong thing
        raise Stop(f"the clean synthetic package of {rows:,} rows is not clean", problems)
    current(clean, dataset)
    broken = Layout(workdir / f"broken-{rows}")
    shutil.copytree(clean.root, broken.root)
    seed_defects(broken)
    current(broken, columnar.check(broken)[0])
    return clean, broken


def current(layout: Layout, dataset: Any) -> None:
    """Write every generated file of a package, as `package` does (without its run of Frictionless)."""
    from scripts import cli, package

    write_files(package.generated_first(layout))  # the code tables, which the descriptor hashes
    write_files(package.generated(layout, dataset))  # the descriptor, which the metadata reads
    write_files(cli.generated(layout, dataset))


def measure(rows: int, workdir: Path, steps: tuple[str, ...], repeats: int, before: str | None) -> dict[str, Any]:
    """Every measurement at one size."""
    clean, broken = prepare(rows, workdir)
    out: dict[str, Any] = {"rows": rows, "load": os.getloadavg()}
    if "validate" in steps:
        out["clean"] = paired(clean.root, repeats)
        out["defects"] = paired(broken.root, 1)
        seeded = sorted(line for _, line, _, _ in DEFECTS.values())
        out["seeded"] = seeded
        out["found_by_us"] = sorted(set(seeded) & set(out["defects"]["ours"][0]["lines"]))
        out["found_by_frictionless"] = sorted(set(seeded) & set(out["defects"]["theirs"][0]["lines"]))
        if any(run["code"] != 0 for run in out["clean"]["ours"]):
            raise Stop(f"validate did not pass the clean package of {rows:,} rows")
    if {"database", "http"} & set(steps):
        if before and "database" in steps:
            out["database_before"] = database_before(earlier_code(before, workdir), rows, workdir) | {"ref": before}
        out["database"] = child([sys.executable, "-m", "scripts", "--root", str(clean.root), "database"])
        out["database"].pop("out")
        if any(out[step]["code"] for step in ("database", "database_before") if step in out):
            raise Stop(f"a database build of the package of {rows:,} rows failed")
    if "http" in steps:
        out["http"] = step_http(clean)
    if "site" in steps:
        started = time.perf_counter()
        site = subprocess.run(
            [sys.executable, "-m", "benchmark", "--step", "site", "--root", str(clean.root)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        out["site"] = json.loads(site.stdout.strip().splitlines()[-1]) | {"seconds": time.perf_counter() - started}
    out["load"] = (*out["load"], *os.getloadavg())
    return out


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def machine() -> str:
    """The machine the benchmark ran on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    return f"{os.cpu_count()} × {cpu}, {int(memory) / 1024**2:.0f} GiB, Python {platform.python_version()}"


WORDS: dict[str, dict[str, str]] = {  # the benchmark page's words, in Chinese and English
    "zh": {
        "title": "# 性能基准",
        "description": "本项目校验、建库和 Datasette 查询在合成的大数据包上的性能测量，与 Frictionless 并列比较。",
        "intro": "机器：`{machine}`，同时运行着其他工作（每个规模前后的负载，1/5/15 分钟，见下表）。合成数据包使用真实的表结构："
        "100万行时约有 1600 个县、60 个指标、10 年。每个命令都像用户那样在自己的进程中计时：CPU 时间是该进程的用户时间加系统时间，"
        "内存是其峰值常驻内存。在一份副本中植入五处错误（{defects}），两种校验工具都必须全部查出。",
        "validation": "## 校验：`python -m scripts validate` 与 `frictionless validate`",
        "validation_intro": "成对运行：两个命令在同一数据包上交替运行，取中位数。倍数是 Frictionless 的 CPU 时间除以本项目的，"
        "分别在干净的数据包和植入错误的副本上计算。",
        "validation_head": "| 行数 | 本项目 CPU（秒） | Frictionless CPU（秒） | 倍数 | 倍数（有错误） "
        "| 查出的错误：本项目 / Frictionless |",
        "validation_more": "同样这些运行的耗时、峰值内存和前后负载：",
        "validation_more_head": "| 行数 | 本项目耗时（秒） | Frictionless 耗时（秒） | 本项目峰值（MiB） "
        "| Frictionless 峰值（MiB） | 前后负载 |",
        "database": "## 数据库构建：`python -m scripts database`",
        "database_intro": "现在按数据包中表结构定义的类型整表读入数据包（不再每行一个模型实例），在一个事务中建库。"
        "“此前”是提交 {ref} 的代码（逐批提交、逐行分词，即改为一个事务、批量写入和整表读入之前）在同样规模、由它自己的生成器写出的合成数据包上运行同一命令，"
        "与“现在”在同一次运行中测得。倍数是此前的耗时除以现在的。",
        "database_head": "| 行数 | 此前 CPU（秒） | 此前耗时（秒） | 此前峰值（MiB） | 现在 CPU（秒） | 现在耗时（秒） "
        "| 现在峰值（MiB） | 倍数（耗时） |",
        "http": "## {rows}行时经 HTTP 访问 Datasette",
        "http_intro": "`serve` 配置的 Datasette 在自己的进程中运行；每个页面先请求一次预热，再计时 {requests} 次，"
        "在同一连接上逐个请求；搜索词是“元”，每个合成数字都含有它。",
        "http_head": "| 页面 | HTML p50（毫秒） | HTML p95（毫秒） | JSON p50（毫秒） | JSON p95（毫秒） | 状态码 |",
        "skipped": "本次未运行：{steps}。",
        "skipped_item": "{rows}行时的{step}",
        "site": "## 网站页面",
        "site_intro": "用本站的代码生成每个地区的页面（中文和英文各一页），用本站的 `mkdocs.yml` 构建（主题、插件、钩子和搜索设置都继承而来，"
        "只换掉页面目录和导航），再按语言拆分搜索索引。一张随数据增长的表在页面上最多列出 {shown} 行，其余的行在 Datasette "
        "和数据下载中。每页的时间是构建时间除以页面数。",
        "site_head": "| 县 | 页面（两种语言） | 构建（秒） | 每页（毫秒） | 峰值（MiB） | 中文搜索索引（KiB，压缩后） "
        "| 英文搜索索引（KiB，压缩后） |",
        "list": "、",
    },
    "en": {
        "title": "# Benchmarks",
        "description": "How fast this project validates, builds and serves its data on large synthetic packages, "
        "measured side by side with Frictionless.",
        "intro": "Machine: `{machine}`, shared with other work (the load average, 1/5/15 minutes, before and after each "
        "size is given below). A synthetic package with the real schemas: about 1,600 counties at 1 million rows, "
        "60 metrics, 10 years. Every command is timed as a user runs it, in its own process: CPU time is user + "
        "system time of that process, memory its peak resident size. Five defects are seeded into a copy "
        "({defects}), and both validators must find all of them.",
        "validation": "## Validation: `python -m scripts validate` against `frictionless validate`",
        "validation_intro": "Paired: the two commands alternate on the same package; the median of the runs is shown. "
        "The ratio is Frictionless's CPU time over ours, on the clean package and on the copy with the defects.",
        "validation_head": "| Rows | Ours CPU (s) | Frictionless CPU (s) | Ratio | Ratio, with defects "
        "| Defects found: ours / Frictionless |",
        "validation_more": "The same runs' wall time, peak memory and load before and after:",
        "validation_more_head": "| Rows | Ours wall (s) | Frictionless wall (s) | Ours peak (MiB) | Frictionless peak (MiB) "
        "| Load before / after |",
        "database": "## Database build: `python -m scripts database`",
        "database_intro": "Now it reads each table of the package whole, typed by its Table Schema (no longer every "
        "row a model instance), and builds the database in one transaction. Before is the same command of the code "
        "at commit {ref} (a commit every 62 rows and every text segmented, before one transaction, batched inserts and the whole-table read), on the synthetic package of the same "
        "size that its own generator writes, measured in the same run. The ratio is the wall time before over now.",
        "database_head": "| Rows | Before CPU (s) | Before wall (s) | Before peak (MiB) | Now CPU (s) | Now wall (s) "
        "| Now peak (MiB) | Ratio (wall) |",
        "http": "## Datasette through HTTP at {rows} rows",
        "http_intro": "`serve`'s Datasette in its own process; {requests} requests per page after one to warm up, one "
        "at a time on one connection; the search term is 元, which every synthetic figure holds.",
        "http_head": "| Page | HTML p50 (ms) | HTML p95 (ms) | JSON p50 (ms) | JSON p95 (ms) | Statuses |",
        "skipped": "Not run in this benchmark: {steps}.",
        "skipped_item": "{step} at {rows} rows",
        "site": "## Site pages",
        "site_intro": "The site's code generates every region's page (one in Chinese, one in English); MkDocs builds "
        "them with the site's own `mkdocs.yml` (its theme, plugins, hooks and search settings, inherited, with only the "
        "docs folder and the nav replaced), and the search index is split by language. A table that grows with the "
        "data shows at most {shown} rows on a page; the rest are in Datasette and the downloads. The time per page "
        "is the build time over the number of pages.",
        "site_head": "| Counties | Pages (both languages) | Build (s) | Per page (ms) | Peak (MiB) "
        "| Chinese search index (KiB, gzip) | English search index (KiB, gzip) |",
        "list": ", ",
    },
}
DEFECT_NAMES = {
    "zh": ("错误的区划代码", "不存在的指标", "非数字的数值", "错误的日期", "未知的限定"),
    "en": tuple(DEFECTS),
}
STEP_NAMES = {"zh": {"database": "数据库构建", "http": "HTTP 访问", "site": "网站页面"}, "en": {}}


def _rows(n: int, lang: str) -> str:
    """A row count as the page's language writes it: 10万, 100万; 100,000 or 1 million."""
    return scaled(n, lang) if lang == "zh" else (f"{n // 10**6} million" if n >= 10**6 else f"{n:,}")


def render(results: list[dict[str, Any]], steps: tuple[str, ...], lang: str = "en") -> str:
    """The benchmark page in a language."""
    w = WORDS[lang]
    lines = [
        front_matter(w["description"]).removesuffix("\n"),
        w["title"],
        "",
        "<!-- Generated by `python -m benchmark`; do not edit. -->",
        "",
        w["intro"].format(machine=machine(), defects=w["list"].join(DEFECT_NAMES[lang])),
    ]
    if "validate" in steps:
        lines += ["", w["validation"], "", w["validation_intro"], "", w["validation_head"]]
        lines.append("| ---: | ---: | ---: | ---: | ---: | --- |")
        for r in results:
            c, d = r["clean"], r["defects"]
            ratio = _median(c["theirs"], "cpu") / _median(c["ours"], "cpu")
            with_defects = _median(d["theirs"], "cpu") / _median(d["ours"], "cpu")
            found = f"{len(r['found_by_us'])}/{len(r['seeded'])} / {len(r['found_by_frictionless'])}/{len(r['seeded'])}"
            lines.append(
                f"| {_rows(r['rows'], lang)} | {_median(c['ours'], 'cpu'):.2f} | {_median(c['theirs'], 'cpu'):.1f} "
                f"| {ratio:.1f}× | {with_defects:.1f}× | {found} |"
            )
        lines += ["", w["validation_more"], "", w["validation_more_head"], "| ---: | ---: | ---: | ---: | ---: | --- |"]
        for r in results:
            c = r["clean"]
            lines.append(
                f"| {_rows(r['rows'], lang)} | {_median(c['ours'], 'wall'):.2f} | {_median(c['theirs'], 'wall'):.1f} "
                f"| {max(x['peak_mib'] for x in c['ours']):.0f} | {max(x['peak_mib'] for x in c['theirs']):.0f} "
                f"| {r['load'][0]:.1f} / {r['load'][3]:.1f} |"
            )
    built = [r for r in results if "database" in r]
    if built:
        ref = next((r["database_before"]["ref"] for r in built if "database_before" in r), "—")
        lines += ["", w["database"], "", w["database_intro"].format(ref=f"`{ref}`"), "", w["database_head"]]
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in built:
            now, before = r["database"], r.get("database_before")
            then = f"{before['cpu']:.1f} | {before['wall']:.1f} | {before['peak_mib']:.0f}" if before else "— | — | —"
            faster = f"{before['wall'] / now['wall']:.1f}×" if before else "—"
            lines.append(
                f"| {_rows(r['rows'], lang)} | {then} | {now['cpu']:.1f} | {now['wall']:.1f} | {now['peak_mib']:.0f} "
                f"| {faster} |"
            )
    for r in (r for r in results if "http" in r):
        lines += ["", w["http"].format(rows=_rows(r["rows"], lang)), "", w["http_intro"].format(requests=REQUESTS)]
        lines += ["", w["http_head"], "| --- | ---: | ---: | ---: | ---: | --- |"]
        for name in dict.fromkeys(k.rsplit(" ", 1)[0] for k in r["http"]):
            page, data = r["http"][f"{name} html"], r["http"][f"{name} json"]
            statuses = ", ".join(map(str, sorted(set(page["statuses"]) | set(data["statuses"]))))
            lines.append(
                f"| `{name}` | {page['p50']:.0f} | {page['p95']:.0f} | {data['p50']:.0f} | {data['p95']:.0f} | {statuses} |"
            )
    skipped = [
        w["skipped_item"].format(step=STEP_NAMES[lang].get(step, step), rows=_rows(r["rows"], lang))
        for r in results
        for step in STEPS[1:]
        if step not in r
    ]
    if skipped:
        lines += ["", w["skipped"].format(steps=w["list"].join(skipped))]
    sites = [r for r in results if "site" in r]
    if sites:
        lines += ["", w["site"], "", w["site_intro"].format(shown=ROWS_SHOWN), "", w["site_head"]]
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in sites:
            s = r["site"]
            lines.append(
                f"| {s['counties']:,} | {s['pages']:,} | {s['render_seconds']:.1f} "
                f"| {1000 * s['render_seconds'] / s['pages']:.1f} | {s['peak_mib']:.0f} "
                f"| {s['index_gzip_kib']['zh']:.0f} | {s['index_gzip_kib']['en']:.0f} |"
            )
    return "\n".join(lines) + "\n"


def write_pages(results: list[dict[str, Any]], steps: tuple[str, ...], out: Path) -> None:
    """The page in Chinese (`out`) and in English (beside it, .en.md), and the results as JSON."""
    out.write_text(render(results, steps, "zh"), encoding="utf-8")
    out.with_suffix(".en.md").write_text(render(results, steps, "en"), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="observation counts, comma-separated")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"which to run, of {','.join(STEPS)}")
    parser.add_argument("--serve-sizes", help="the sizes to build and serve (default: every size)")
    parser.add_argument("--before", default=BEFORE, help="the commit whose database build to time beside (none: '')")
    parser.add_argument("--repeats", type=int, default=2, help="paired runs of each validator on the clean package")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--step", choices=["site"], help=argparse.SUPPRESS)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve_for_benchmark(args.root, args.serve)
        return 0
    if args.step:
        result = step_site(args.root)
        result["peak_mib"] = _peak_mib()
        print(json.dumps(result))
        return 0
    steps = tuple(s for s in STEPS if s in args.steps.split(","))
    sizes = [int(s) for s in args.sizes.split(",")]
    served = {int(s) for s in args.serve_sizes.split(",")} if args.serve_sizes else set(sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="taihang-bench-") as workdir:
        for rows in sizes:
            these = steps if rows in served else tuple(s for s in steps if s not in ("database", "http", "site"))
            try:
                results.append(measure(rows, Path(workdir), these, args.repeats, args.before))
            except Stop as stop:
                print(
                    *([report(stop.problems[:20])] if stop.problems else []),
                    f"Stopped: {stop}",
                    sep="\n",
                    file=sys.stderr,
                )
                return 1
            print(json.dumps({k: v for k, v in results[-1].items() if k not in ("http", "clean")}, default=str)[:600])
    write_pages(results, steps, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
