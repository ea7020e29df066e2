"""The benchmark's small run (10,000 rows), so that it cannot rot: every step runs (the validate command
against frictionless validate, the database build, Datasette through HTTP, the site pages), both validators
find every seeded defect, every page answers, and the page is written."""

import pytest

from benchmark import run as bench


@pytest.mark.slow
def test_small_benchmark_run(tmp_path):
    out = tmp_path / "benchmarks.md"
    assert bench.main(["--sizes", "10000", "--out", str(out)]) == 0
    text = (tmp_path / "benchmarks.en.md").read_text(encoding="utf-8")
    assert "| 10,000 |" in text
    assert "5/5 / 5/5" in text  # ours / Frictionless found all seeded defects
    served = [line for line in text.splitlines() if line.startswith("| `")]
    for page in ("aid_received_by_county", "search_everything", "observations", "observations_labelled"):
        assert any(line.startswith(f"| `{page}` |") for line in served), page
    assert served and all(line.endswith("| 200 |") for line in served), served
    assert "## Database build" in text and "## Site pages" in text
    chinese = out.read_text(encoding="utf-8")
    assert "| 1万 |" in chinese and "## 网站页面" in chinese and "5/5 / 5/5" in chinese


def test_the_benchmark_refuses_a_synthetic_package_that_is_not_clean(tmp_path, monkeypatch, capsys):
    generate = bench.generate

    def dirty(root, rows):
        layout = generate(root, rows)
        path = layout.csv("observations")
        path.write_text(path.read_text(encoding="utf-8").replace(",yuan,exact,", ",yuan,exactly,", 1), "utf-8")
        return layout

    monkeypatch.setattr(bench, "generate", dirty)
    out = tmp_path / "benchmarks.md"
    assert bench.main(["--sizes", "1000", "--out", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "data/observations.csv:2:14: column 'qualifier': value 'exactly'" in err
    assert "is not clean" in err


def test_rows_share_one_set_of_their_columns(layout):
    """A row holds no set of its own of the columns it sets (2 KB a row for 19 columns, 2 GB at a million)."""
    from scripts.reader import read

    first, second = read(layout)[0].rows("observations")[:2]
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_fields_set == set(first.columns())


def test_an_earlier_commit_that_is_not_there_stops_the_benchmark(tmp_path, capsys):
    out = tmp_path / "benchmarks.md"
    assert bench.main(["--sizes", "1000", "--steps", "database", "--before", "no-such-commit", "--out", str(out)]) == 1
    assert not out.exists()
    assert "commit no-such-commit is not in this clone's history" in capsys.readouterr().err
