"""Each bad package in tests/fixtures has one defect, and validation names it precisely."""

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.layout import ROOT

FIXTURES = ROOT / "tests" / "fixtures"

EXPECTED = {
    "gbk_encoding": "data/sources.csv:2:2: value 'bytes ce f7 ca a1': expected UTF-8 text; 1 line(s) are not UTF-8; "
    "it decodes as GBK/GB18030",
    "bom": "data/sources.csv:1:1: value '\\ufeff': expected UTF-8 without a byte-order mark (BOM)",
    "missing_column": "data/sources.csv:1: column 'notes': expected a column named 'notes': it is missing",
    "extra_column": "data/sources.csv:1:24: column 'author': value 'author': expected only the schema's columns: id,",
    "bad_code": "data/regions.csv:4:1: column 'code': value '14042': expected a six-digit GB/T 2260 code",
    "dangling_foreign_key": "data/regions.csv:4:7: column 'parent_code': value '149900': "
    "expected a value present in regions.code",
    "duplicate_key": "data/sources.csv:3:1: column 'id': value 'sxgov-2021-36': expected a unique (id): "
    "line 2 already has it",
    "non_numeric": "data/sources.csv:2:22: column 'lines': value 'about 150': expected an integer written in digits",
    "bad_date": "data/sources.csv:2:9: column 'published': value '2021-02-30': "
    "expected a real calendar date written as YYYY-MM-DD",
    "unknown_enum": "data/sources.csv:2:15: column 'language': value 'zh-CN': expected one of 'zh-Hans' or 'zh-Hant'",
    "empty_file": "data/sources.csv: expected a header row: the file is empty; the header is id,title_zh,",
    # issue 14: inputs that were accepted silently, or reported misleadingly
    "impossible_partial_date": "data/events.csv:2:2: column 'date': value '2021-02-30': "
    "expected a real calendar date: YYYY, YYYY-MM or YYYY-MM-DD",
    "year_0021": "data/sources.csv:2:9: column 'published': value '0021-04-01': "
    "expected a date written as YYYY-MM-DD, its year from 1000 to 2999",
    "negative_count": "data/observations.csv:2:11: column 'value': value '-440': "
    "expected a value of at least 0: a figure in persons is never negative",
    "number_underflow": "data/observations.csv:2:11: column 'value': value '1e-400': "
    "expected a number that a double can hold: this one would be 0",
    "period_order": "data/observations.csv:2:9: column 'period_end': value '2020': "
    "expected a period_end not before period_start '2021'",
    "successor_cycle": "data/organizations.csv:2:8: column 'successor_id': value 'acftu-b': "
    "expected no cycle of successor_id (acftu → acftu-b → acftu)",
    "self_implementing_policy": "data/policies.csv:2:9: column 'implements_id': value 'jinzhengfa-2021-36': "
    "expected another row than this one (jinzhengfa-2021-36 → jinzhengfa-2021-36)",
    "long_text": f"data/policies.csv:2:2: column 'doc_number': value '{'晋' * 57}...': expected at most 500 characters",
    "nul_in_name": "data/regions.csv:4:2: column 'name_zh': value '平顺\\x00县': "
    "expected text without control characters (U+0000 at character 3)",
    "line_break_in_name": "data/regions.csv:4:2: column 'name_zh': value '平顺\\n县': "
    "expected text on one line: a name or title has no line break",
    "formula_cell": "data/sources.csv:2:3: column 'title_en': value '=HYPERLINK(\"http://example.com\",\"Click\")': "
    "expected text that does not start with =, +, - or @ (a spreadsheet would run it as a formula)",
    "huge_integer": "data/sources.csv:2:22: column 'lines': value '12345678901234567890': "
    "expected a value of at most 999999999",
    "leading_zeros": "data/sources.csv:2:22: column 'lines': value '062': "
    "expected an integer written in digits without leading zeros, such as 134",
    "cr_line_ends": "data/sources.csv:1: expected lines that end in LF or CRLF: this file ends them in CR alone",
    "zip_file": "data/sources.csv:1: expected a CSV text file, not a ZIP archive (an Excel workbook?)",
    "duplicate_header_column": "data/sources.csv:1:24: column 'title_en': value 'title_en': "
    "expected each column once: it is already column 3",
    "unterminated_quote": "data/sources.csv:3: expected well-formed CSV (unexpected end of data; "
    "a quote opened on this line is never closed)",
}


def test_every_fixture_has_an_expected_message():
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_fails_with_its_own_message(name, capsys):
    assert main(["--root", str(FIXTURES / name), "validate"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 problem(s) found.", lines
    assert lines[0].startswith(EXPECTED[name]), lines[0]


def test_bad_input_exits_non_zero_without_a_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(FIXTURES / "gbk_encoding"), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "data/sources.csv:2:2" in result.stdout


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    text = (FIXTURES / "bad_code" / "data" / "regions.csv").read_text(encoding="utf-8")
    text = text.replace(",140000,", ",149900,").replace("140000,山西省", "140000,山西省 ")
    (data / "regions.csv").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(tmp_path), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    out = result.stdout
    assert "value '14042'" in out
    assert "value '149900'" in out
    assert "no leading or trailing white space" in out
    assert out.splitlines()[-1] == "3 problem(s) found."
