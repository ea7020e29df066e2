"""The national-scale benchmark: a synthetic package with the real schemas, timed step by step.

    python -m scripts.bench                      # 100k, 300k and 1M observations; writes docs/benchmarks.md (.en.md)
    python -m scripts.bench --sizes 10000 --out build/bench.md   # the small run the tests use

For each size it generates about 1,600 × (size / 1M) counties, 60 metrics and 10 years of observations,
seeds known defects into a copy, and measures, each step in a child process for its peak memory: our
validation (rows and cross-table checks) against `frictionless validate` on the same package, both of
which must find every seeded defect; the SQLite build; the canned queries (median and 95th percentile
over repeated runs, each fetching at most the rows Datasette would return); and rendering one site page per county with MkDocs.
"""

import argparse
import csv
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from schemas import BY_NAME
from schemas.statements import QUERIES

from .atomic import write_files
from .layout import ROOT, Layout
from .problems import Stop, report
from .serve import DATASETTE_SETTINGS
from .site.amounts import scaled

METRICS, YEARS, COUNTIES_AT_1M = 60, 10, 1600
DEFECTS = {  # seeded defect → (resource, line to corrupt, column, bad value)
    "bad region code": ("observations", 101, "region_code", "14000"),
    "dangling metric": ("observations", 202, "metric_id", "no-such-metric"),
    "non-numeric value": ("observations", 303, "value", "lots"),
    "bad date": ("observations", 404, "as_of", "2021-02-30"),
    "unknown qualifier": ("observations", 505, "qualifier", "roughly"),
}
SIZES = (100_000, 300_000, 1_000_000)
QUERY_RUNS = 30
MAX_ROWS = DATASETTE_SETTINGS["max_returned_rows"]


def _write(path: Path, resource: str, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(BY_NAME[resource].columns())
        writer.writerows(rows)


def generate(root: Path, rows: int) -> Layout:
    """A synthetic package of about `rows` observations, with every resource present."""
    layout = Layout(root)
    counties = max(1, round(COUNTIES_AT_1M * rows / 1_000_000))
    cities = max(1, counties // 40)
    values = {"id": "bench", "title_zh": "合成数据", "title_en": "Synthetic data", "publisher_zh": "基准"}
    values |= {"publisher_en": "Benchmark", "publisher_inferred": "false", "published": "2026-01-01"}
    values |= {"published_precision": "day", "date_inferred": "false", "language": "zh-Hans", "kind": "news"}
    values |= {"archive_file": "000_0000000000000000.txt", "sha256": "0" * 64, "lines": "1000000"}
    source = [values.get(column, "") for column in BY_NAME["sources"].columns()]
    _write(layout.csv("sources"), "sources", [source])
    regions = [["990000", "省", "省", "Province", "province", "省", "", ""]]
    county_codes = []
    for c in range(cities):
        city = f"{11 + c:02d}0100"
        regions.append([city, f"市{c}", f"市{c}", f"City {c}", "prefecture", "市", "990000", ""])
        for k in range(counties // cities + (1 if c < counties % cities else 0)):
            code = f"{11 + c:02d}01{k + 1:02d}" if k < 99 else f"{11 + c:02d}{k // 99 + 1:02d}{k % 99 + 1:02d}"
            county_codes.append(code)
            regions.append([code, f"县{c}-{k}", f"市{c}县{c}-{k}", f"County {c}-{k}", "county", "县", city, ""])
    _write(layout.csv("regions"), "regions", regions)
    _write(
        layout.csv("organizations"),
        "organizations",
        [["bench-org", "机构", "Body", "", "", "central", "department", "", "bench", "1", ""]],
    )
    pairing = ["central_designated_aid", "stated", "", "2014", "", "ongoing", "bench", "1", ""]
    assignments = [[f"bench-org-{code}", "bench-org", code, *pairing] for code in county_codes]
    _write(layout.csv("aid_assignments"), "aid_assignments", assignments)  # backs the body each figure names
    metrics = [[f"m{m:02d}", f"指标{m}", f"Metric {m}", "yuan", f"定义{m}", f"Definition {m}"] for m in range(METRICS)]
    _write(layout.csv("metrics"), "metrics", metrics)
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


# --- the steps, each run in a child process --------------------------------------------------------


def step_validate(root: Path) -> dict:
    from . import validate

    problems = validate.check_rows(Layout(root))
    return {"lines": sorted({p.line for p in problems if p.line})}


def step_frictionless(root: Path) -> dict:
    from frictionless import Package

    report = Package(str(root / "datapackage.json")).validate()
    lines = {e.row_number for t in report.tasks for e in t.errors if getattr(e, "row_number", None)}
    return {"lines": sorted(lines), "valid": report.valid}


def step_database(root: Path) -> dict:
    from . import database, reader

    layout = Layout(root)
    database.build(layout, reader.load(layout))
    return {}


def step_queries(root: Path) -> dict:
    from plugins.taihang_search import Segmenter

    db = sqlite3.connect(f"file:{Layout(root).database}?mode=ro", uri=True)
    db.create_function("segment_query", 1, Segmenter.of(db).query, deterministic=True)
    code = db.execute("SELECT code FROM regions WHERE level = 'county' LIMIT 1").fetchone()[0]
    params = {"region_code": code, "metric_id": "m07", "q": "县", "city_code": code[:4] + "00", "year": "2025"}
    params |= {"organization_id": "bench-org", "source_id": "bench", "page": "1"}
    timings = {}
    for query in QUERIES:
        runs = []
        for _ in range(QUERY_RUNS):
            started = time.perf_counter()
            # as Datasette does: at most max_returned_rows, plus one to know there are more
            db.execute(query.sql, {k: params[k] for k in query.example}).fetchmany(MAX_ROWS + 1)
            runs.append(1000 * (time.perf_counter() - started))
        runs.sort()
        timings[query.name] = {"p50": statistics.median(runs), "p95": runs[int(0.95 * (len(runs) - 1))]}
    return {"queries": timings}


def step_site(root: Path) -> dict:
    """Render one page per county (Chinese) with MkDocs Material, as the site's generated pages are rendered."""
    from .site import region
    from .site.context import Context
    from .site.data import Data

    docs = root / "bench-docs"
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "regions").mkdir(parents=True)
    with Data(Layout(root).database) as data:
        counties = [code for code, r in data.regions.items() if r["level"] == "county"]
        for code in counties:
            (docs / "regions" / f"{code}.md").write_text(region.page(Context(data, "zh"), code), encoding="utf-8")
    (docs / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    # the region pages link to the other generated sections; the benchmark renders regions only
    config = root / "bench-mkdocs.yml"
    config.write_text(
        "site_name: bench\ndocs_dir: bench-docs\ntheme:\n  name: material\n  font: false\n"
        "validation:\n  links:\n    not_found: info\n    anchors: info\nmarkdown_extensions: [tables, attr_list, md_in_html]\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(root / "bench-site")],
        cwd=root,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return {"pages": len(counties), "render_seconds": time.perf_counter() - started}


STEPS = {
    "validate": step_validate,
    "frictionless": step_frictionless,
    "database": step_database,
    "queries": step_queries,
    "site": step_site,
}


def _peak_mib() -> float:
    """Peak resident memory of this process since its exec (VmHWM), or of its children if larger (MkDocs)."""
    status = Path("/proc/self/status").read_text()
    own = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def run_step(name: str, root: Path) -> dict:
    """Run one step in a child process: its result, wall time and peak memory (MiB)."""
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-m", "scripts.bench", "--step", name, "--root", str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started
    return result


def measure(rows: int, workdir: Path) -> dict:
    """Every measurement at one size."""
    from . import package, reader

    clean = generate(workdir / f"clean-{rows}", rows)
    dataset, problems = reader.read(clean)
    if problems:  # a benchmark of a package that is not clean would time the wrong thing
        raise Stop(f"the clean synthetic package of {rows:,} rows is not clean", problems)
    write_files(package.generated(clean, dataset))
    broken = Layout(workdir / f"broken-{rows}")
    shutil.copytree(clean.root, broken.root)
    seed_defects(broken)
    write_files(package.generated(broken, reader.read(broken)[0]))
    seeded = sorted(line for _, line, _, _ in DEFECTS.values())
    out: dict[str, Any] = {"rows": rows}
    out["validate_clean"] = run_step("validate", clean.root)
    out["frictionless_clean"] = run_step("frictionless", clean.root)
    out["validate_defects"] = run_step("validate", broken.root)
    out["frictionless_defects"] = run_step("frictionless", broken.root)
    out["found_by_us"] = sorted(set(seeded) & set(out["validate_defects"]["lines"]))
    out["found_by_frictionless"] = sorted(set(seeded) & set(out["frictionless_defects"]["lines"]))
    out["seeded"] = seeded
    out["database"] = run_step("database", clean.root)
    out["queries"] = run_step("queries", clean.root)
    out["site"] = run_step("site", clean.root)
    return out


PAGE: dict[str, dict[str, Any]] = {  # the benchmark page's words, in Chinese and English
    "zh": {
        "title": "# 性能基准",
        "intro": "用真实的表结构生成的合成数据包：100万行时约有 1600 个县、60 个指标、10 年。每一步在同一台机器"
        "（2 核）上单独运行；内存为峰值常驻内存。在一份副本中植入五处错误（{defects}），两种校验工具都必须全部查出。",
        "defects": ("错误的区划代码", "不存在的指标", "非数字的数值", "错误的日期", "未知的限定"),
        "list": "、",
        "validation": "## 校验",
        "validation_head": "| 行数 | 本项目（秒） | Frictionless（秒） | 倍数 | 本项目峰值（MiB） | Frictionless 峰值（MiB） "
        "| 查出的植入错误：本项目 / Frictionless |",
        "database": "## SQLite 构建与预设查询",
        "database_head": "| 行数 | 构建（秒） | 构建峰值（MiB） | 最慢的查询 | 其 p50（毫秒） | 其 p95（毫秒） | 所有查询的 p95 ≤（毫秒） |",
        "every_query": "{rows}行时的每个预设查询（各运行 {runs} 次）：",
        "query_head": "| 查询 | p50（毫秒） | p95（毫秒） |",
        "site": "## 网站页面",
        "site_head": "| 县页面数 | 生成（秒） | 每页（毫秒） | 峰值（MiB） |",
        "growth": "## 增长",
        "validation_growth": "- 从{first}行到{last}行（数据为 {times:.0f} 倍），本项目的校验耗时为 {slower:.1f} 倍"
        "（每行耗时 × {growth:.2f}）。",
        "page_growth": "- 每个网站页面的耗时从 {first:.1f} 毫秒变为 {last:.1f} 毫秒：{verdict}",
        "linear": ("不差于线性。", "差于线性。"),
    },
    "en": {
        "title": "# Benchmarks",
        "intro": "A synthetic package with the real schemas: about 1,600 counties at 1 million rows, 60 metrics, 10 "
        "years. Each step runs in its own process on the same machine (2 cores); memory is the peak resident size. "
        "Five defects are seeded into a copy ({defects}), and both validators must find all of them.",
        "defects": tuple(DEFECTS),
        "list": ", ",
        "validation": "## Validation",
        "validation_head": "| Rows | Ours (s) | Frictionless (s) | Ratio | Ours peak (MiB) | Frictionless peak (MiB) "
        "| Seeded defects found: ours / Frictionless |",
        "database": "## SQLite build and canned queries",
        "database_head": "| Rows | Build (s) | Build peak (MiB) | Slowest query | Its p50 (ms) | Its p95 (ms) "
        "| p95 of all queries ≤ (ms) |",
        "every_query": "Every canned query at {rows} rows ({runs} runs each):",
        "query_head": "| Query | p50 (ms) | p95 (ms) |",
        "site": "## Site pages",
        "site_head": "| County pages | Render (s) | Per page (ms) | Peak (MiB) |",
        "growth": "## Growth",
        "validation_growth": "- From {first} to {last} rows ({times:.0f}× the data), our validation took {slower:.1f}× "
        "as long (time per row × {growth:.2f}).",
        "page_growth": "- Time per site page went from {first:.1f} ms to {last:.1f} ms: {verdict}",
        "linear": ("no worse than linear.", "worse than linear."),
    },
}


def render(results: list[dict], lang: str) -> str:
    """The benchmark page in a language; row counts in its large units (100万, 1 million)."""
    w = PAGE[lang]

    def rows(n: int) -> str:
        return scaled(n, lang)

    lines = [
        w["title"],
        "",
        "<!-- Generated by `python -m scripts.bench`; do not edit. -->",
        "",
        w["intro"].format(defects=w["list"].join(w["defects"])),
        "",
        w["validation"],
        "",
        w["validation_head"],
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        ours, theirs = r["validate_clean"], r["frictionless_clean"]
        found = f"{len(r['found_by_us'])}/{len(r['seeded'])} / {len(r['found_by_frictionless'])}/{len(r['seeded'])}"
        lines.append(
            f"| {rows(r['rows'])} | {ours['seconds']:.1f} | {theirs['seconds']:.1f} | {theirs['seconds'] / ours['seconds']:.1f}× "
            f"| {ours['peak_mib']:.0f} | {theirs['peak_mib']:.0f} | {found} |"
        )
    lines += ["", w["database"], "", w["database_head"], "| ---: | ---: | ---: | --- | ---: | ---: | ---: |"]
    for r in results:
        q = r["queries"]["queries"]
        slowest = max(q, key=lambda k: q[k]["p95"])
        lines.append(
            f"| {rows(r['rows'])} | {r['database']['seconds']:.1f} | {r['database']['peak_mib']:.0f} | `{slowest}` "
            f"| {q[slowest]['p50']:.1f} | {q[slowest]['p95']:.1f} | {max(v['p95'] for v in q.values()):.1f} |"
        )
    biggest = results[-1]["queries"]["queries"]
    lines += ["", w["every_query"].format(rows=rows(results[-1]["rows"]), runs=QUERY_RUNS), ""]
    lines += [w["query_head"], "| --- | ---: | ---: |"]
    lines += [f"| `{name}` | {v['p50']:.1f} | {v['p95']:.1f} |" for name, v in biggest.items()]
    lines += ["", w["site"], "", w["site_head"], "| ---: | ---: | ---: | ---: |"]
    for r in results:
        s = r["site"]
        lines.append(
            f"| {rows(s['pages'])} | {s['render_seconds']:.1f} | {1000 * s['render_seconds'] / s['pages']:.1f} | {s['peak_mib']:.0f} |"
        )
    first, last = results[0], results[-1]
    if len(results) > 1:
        slower = last["validate_clean"]["seconds"] / first["validate_clean"]["seconds"]
        times = last["rows"] / first["rows"]
        per_page = [r["site"]["render_seconds"] / r["site"]["pages"] for r in results]
        verdict = w["linear"][0 if per_page[-1] <= 1.25 * per_page[0] else 1]
        lines += [
            "",
            w["growth"],
            "",
            w["validation_growth"].format(
                first=rows(first["rows"]), last=rows(last["rows"]), times=times, slower=slower, growth=slower / times
            ),
            w["page_growth"].format(first=1000 * per_page[0], last=1000 * per_page[-1], verdict=verdict),
        ]
    return "\n".join(lines) + "\n"


def pages(out: Path) -> dict[str, Path]:
    """The benchmark page in each language: the Chinese at `out`, the English beside it (page.en.md)."""
    return {"zh": out, "en": out.with_name(f"{out.stem}.en{out.suffix}")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="observation counts, comma-separated")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        result = STEPS[args.step](args.root)
        result["peak_mib"] = _peak_mib()
        print(json.dumps(result))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="taihang-bench-") as workdir:
        for rows in (int(s) for s in args.sizes.split(",")):
            try:
                results.append(measure(rows, Path(workdir)))
            except Stop as stop:
                print(report(stop.problems[:20]), f"Stopped: {stop}", sep="\n", file=sys.stderr)
                return 1
            print(json.dumps({k: v for k, v in results[-1].items() if k != "queries"}, default=str)[:400], flush=True)
    for lang, path in pages(args.out).items():
        path.write_text(render(results, lang), encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
