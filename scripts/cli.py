"""The build's one entry point: python -m scripts {validate,build,serve} --help.

A command that writes holds the project's build lock (`lock.py`). Whatever escapes a step, an error of the
system (a full disk, a read-only folder) or a defect, ends the command with one line, and the last good
outputs stay in place; `--debug` shows the traceback instead.
"""

import argparse
import contextvars
import sys
import traceback
from datetime import date
from pathlib import Path

from . import (
    columnar,
    coverage,
    dictionary,
    geo,
    ledger,
    lock,
    manifest,
    metadata,
    names,
    package,
    places,
    provenance,
    reader,
    sourcetext,
    withdrawn,
)
from .atomic import stale_files, write_files
from .layout import ROOT, Layout
from .problems import Problem, Stop, report
from .validate import check_frictionless

SITE_CODE = Path(__file__).parent / "site"  # the code whose column names `package` checks (names.py)
WRITING = {"package", "database", "release", "site", "build", "source", "capture"}  # the commands that hold the lock
WAIT = 120.0  # seconds a writing command waits for another to finish
STEP: contextvars.ContextVar[str | None] = contextvars.ContextVar("step", default=None)  # build's current step


def generated(layout: Layout, dataset: reader.Dataset) -> dict[Path, bytes]:
    """Every file the package step writes from the data, with its content."""
    files = {**package.generated_first(layout), **geo.generated(layout, dataset), **package.generated(layout, dataset)}
    return files | {**dictionary.generated(layout), **metadata.generated(layout, dataset)}


def stale(layout: Layout, dataset: reader.Dataset) -> list[Path]:
    """Generated files that differ from what the build would write now."""
    return stale_files(generated(layout, dataset)) + package.orphans(layout)


def cmd_validate(args: argparse.Namespace) -> int:
    """Passes 1 and 2 on the CSVs (columnar); if clean, whether the generated files are current; if so, and
    asked (--frictionless), Frictionless as an independent check of the package."""
    layout = Layout(args.root)
    dataset, problems = columnar.check(layout)
    if not problems and layout.descriptor.exists():
        expected = "a current generated file: run `make build`"
        problems = [Problem(layout.name(path), 0, 0, "", None, expected) for path in stale(layout, dataset)]
    if problems and args.frictionless:
        print("Frictionless not run: fix these problems first.", file=sys.stderr)
    elif args.frictionless:
        problems = check_frictionless(layout)
    print(report(problems))
    return 1 if problems else 0


def package_step(layout: Layout) -> reader.Dataset:
    """The code tables; then passes 1 and 2; if clean, the boundaries; Frictionless on the new descriptor, in
    memory; if clean, the package and its JSON Schemas, the data dictionary and Datasette's metadata.
    Returns the data, read once."""
    changed = write_files(package.generated_first(layout))
    dataset, problems = reader.read(layout)
    if problems or (problems := withdrawn.check(layout, dataset)):
        raise Stop("Build stopped; the last good outputs are left in place.", problems)
    problems = names.check(layout, SITE_CODE)
    if problems:
        raise Stop("Build stopped: the statements or the site's code name what the models do not have.", problems)
    changed += write_files(geo.generated(layout, dataset))
    files = package.generated(layout, dataset)
    problems = check_frictionless(layout, files[layout.descriptor])
    if problems:
        raise Stop(
            f"Frictionless found problems in the package; {layout.name(layout.descriptor)} is unchanged.", problems
        )
    changed += write_files(files)
    for orphan in package.orphans(layout):
        orphan.unlink()
        changed.append(orphan)
    changed += write_files({**dictionary.generated(layout), **metadata.generated(layout, dataset)})
    for path in changed:
        print(f"wrote {layout.name(path)}")
    return dataset


def published(layout: Layout, artifact: Path) -> None:
    """Record which package an artifact now holds, and say it was written."""
    manifest.record(layout, artifact)
    print(f"wrote {layout.name(artifact)}")


def cmd_package(args: argparse.Namespace) -> int:
    package_step(Layout(args.root))
    print(report([]))
    return 0


# The steps after the package are imported by their commands: `validate` loads neither the search segmenter
# nor the site's code (tests/test_columnar.py checks what it loads).


def cmd_database(args: argparse.Namespace) -> int:
    """build/taihang.db from the package."""
    from . import database

    layout = Layout(args.root)
    published(layout, database.build(layout))
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    """dist/ from the package and the database: zip, SQLite, Excel workbook, SHA256SUMS."""
    from . import release

    layout = Layout(args.root)
    published(layout, release.build(layout, reader.load(layout)))
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    """site/ from the database, with MkDocs (strict)."""
    from .site import publish

    layout = Layout(args.root)
    published(layout, publish.build(layout))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Every step in order, the data read once; the first step that fails stops the build."""
    from . import database, release
    from .site import publish

    layout = Layout(args.root)
    STEP.set("package")
    dataset = package_step(layout)
    STEP.set("database")
    published(layout, database.build(layout))
    STEP.set("release")
    published(layout, release.build(layout, dataset))
    STEP.set("site")
    published(layout, publish.build(layout))
    return 0


def _sources(args: argparse.Namespace) -> Path | None:
    folder = args.sources or sourcetext.sources_dir()
    if not folder.is_dir():
        print(f"The archived sources are not at {folder}: set TAIHANG_SOURCES or pass --sources.", file=sys.stderr)
        return None
    return folder


def cmd_verify(args: argparse.Namespace) -> int:
    """Every citing row against the line of the archived source it cites."""
    folder = _sources(args)
    if folder is None:
        return 2
    layout = Layout(args.root)
    dataset = reader.load(layout)
    problems = provenance.verify(layout, dataset, folder) + ledger.check(layout, dataset)
    web = provenance.cited_not_archived(dataset)
    print(f"{web} row(s) cite a web page that is not archived: their figures are read, their words not checked here.")
    print(report(problems))
    return 1 if problems else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Every number printed in the sources captured by a row, and every place they name in regions; or
    either excluded with a reason."""
    folder = _sources(args)
    if folder is None:
        return 2
    layout = Layout(args.root)
    dataset = reader.load(layout)
    tallies, problems = coverage.run(layout, dataset, folder)
    place_tallies, place_problems = places.run(layout, dataset, folder)
    problems += place_problems
    print(coverage.render(tallies))
    print(places.render(place_tallies))
    print(report(problems))
    return 1 if problems else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    layout = Layout(args.root)
    manifest.check(layout)
    serve(layout, args.host, args.port, args.datasette_port)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m scripts",
        description="Validate, build and serve the Taihang Old Area data package.",
    )
    p.add_argument("--root", type=Path, default=ROOT, help="package root holding data/ (default: this project)")
    p.add_argument(
        "--wait",
        type=float,
        default=WAIT,
        metavar="SECONDS",
        help=f"how long a writing command waits for another to finish (default: {WAIT:g})",
    )
    p.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = sub.add_parser(
        "validate", help="check every CSV row, the keys across tables, and that generated files are current"
    )
    validate.add_argument(
        "--frictionless", action="store_true", help="then run Frictionless too, an independent check of the package"
    )
    validate.set_defaults(run=cmd_validate)
    for name, run, text in (
        (
            "package",
            cmd_package,
            "validate, then write datapackage.json, the JSON Schemas, the boundaries, "
            "the data dictionary and Datasette's metadata (each atomically)",
        ),
        ("database", cmd_database, "build build/taihang.db from the package (atomically)"),
        ("release", cmd_release, "write dist/: the package as a zip, the database, an Excel workbook, SHA256SUMS"),
        ("site", cmd_site, "build site/ from the database with MkDocs, strict, with the downloads"),
        ("build", cmd_build, "package, database, release and site, in order"),
    ):
        sub.add_parser(name, help=text).set_defaults(run=run)
    for name, run, text in (
        ("verify", cmd_verify, "check every cited line, figure and hash against the archived sources"),
        (
            "coverage",
            cmd_coverage,
            "list every number in the sources as captured or excluded, and every place they name as in "
            "regions or excluded; fail on any other",
        ),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("--sources", type=Path, help="folder of archived sources (default: $TAIHANG_SOURCES)")
        command.set_defaults(run=run)
    serve = sub.add_parser("serve", help="serve the site (with the downloads) and Datasette on 127.0.0.1")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--datasette-port", type=int, default=8001)
    serve.set_defaults(run=cmd_serve)
    from . import capture, sources_add  # the maintainer's workflow: `source add`, then `capture`

    sources_add.register(sub)
    capture.register(sub)
    ledger.register(sub, cmd_ledger_gaps)
    return p


def cmd_ledger_gaps(args: argparse.Namespace) -> int:
    """What the ledger lacks: subjects with neither a report nor a recorded search, and stale ones."""
    found = list(ledger.gaps(reader.load(Layout(args.root)), args.months, args.as_of or date.today()))
    print("\n".join([*found, f"{len(found)} subject(s) to look at."]))
    return 0


def _where(err: BaseException) -> str:
    """The innermost line of the project's own code that the error passed through, with its text."""
    ours = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename).is_relative_to(ROOT)]
    ours = [f for f in ours if not Path(f.filename).is_relative_to(ROOT / ".venv")]
    if not ours:
        return ""
    frame = ours[-1]
    code = " ".join((frame.line or "").split())
    return f" at {Path(frame.filename).relative_to(ROOT)}:{frame.lineno} ({code[:100]})"


def _unexpected(err: BaseException, step: str) -> str:
    """One line for an error that escaped a step: the step, what went wrong, and where (a file the system
    refused, or the line of our code that failed)."""
    if isinstance(err, OSError) and err.strerror:
        where = f": {err.filename}" if err.filename else ""
        return f"{step}: {err.strerror}{where}"
    first = str(err).strip().splitlines()
    return f"{step}: {type(err).__name__}: {first[0] if first else 'no message'}{_where(err)}"


def _debug_anywhere(argv: list[str]) -> tuple[list[str], bool]:
    """`--debug` is accepted before or after the command, and after its options."""
    end = argv.index("--") if "--" in argv else len(argv)
    found = "--debug" in argv[:end]
    return [a for i, a in enumerate(argv) if a != "--debug" or i >= end], found


def main(argv: list[str] | None = None) -> int:
    argv, debug = _debug_anywhere(list(sys.argv[1:] if argv is None else argv))
    args = parser().parse_args(argv)
    args.debug = args.debug or debug
    STEP.set(None)
    try:
        if args.command in WRITING:
            with lock.exclusive(Layout(args.root), args.wait):
                return args.run(args)
        return args.run(args)
    except Stop as stop:
        if stop.problems:
            print(report(stop.problems))
        print(f"Stopped: {stop}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; the last good outputs are left in place.", file=sys.stderr)
        return 130
    except Exception as err:
        if args.debug:
            traceback.print_exc()
        kept = "the last good outputs are left in place" if args.command in WRITING else "nothing was written"
        hint = "" if args.debug else " (--debug shows the traceback)"
        print(f"Stopped in {_unexpected(err, STEP.get() or args.command)}; {kept}{hint}.", file=sys.stderr)
        return 1
