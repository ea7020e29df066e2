"""The sources table against the archived files, and every locator against the line it cites."""

import re

import pytest

from scripts.validate import present

GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)")

# For each resource that cites a line: the columns of which at least one must appear on that line.
CITED_TEXT = {
    "organizations": ("name_zh", "short_name_zh"),
    "policies": ("title_zh", "doc_number"),
}


def normalize(text: str) -> str:
    """A source line as the checks compare it: glosses like 績(jì) and all white space removed."""
    return re.sub(r"\s+", "", GLOSS.sub("", text))


def test_archived_files_match_their_hash_and_line_count(table, sources_dir):
    import hashlib

    for source in table("sources"):
        data = (sources_dir / source["archive_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["sha256"], source["id"]
        assert len(data.decode("utf-8").splitlines()) == int(source["lines"]), source["id"]


def test_the_inferred_date_is_labelled(table):
    inferred = {s["id"]: s for s in table("sources") if s["date_inferred"] == "true"}
    assert list(inferred) == ["czrb-2024-11-page"]
    assert "inferred" in inferred["czrb-2024-11-page"]["date_note"]


@pytest.mark.parametrize("resource", sorted(CITED_TEXT))
def test_cited_lines_contain_the_name_or_title(resource, table, sources_dir):
    files = {s["id"]: s["archive_file"] for s in table("sources")}
    texts = {}
    for row in table(resource):
        if row["source_id"] not in texts:
            texts[row["source_id"]] = (sources_dir / files[row["source_id"]]).read_text(encoding="utf-8").splitlines()
        line = normalize(texts[row["source_id"]][int(row["locator"]) - 1])
        cited = [normalize(row[c]) for c in CITED_TEXT[resource] if row[c]]
        assert any(c in line for c in cited), (resource, row, line)


def test_every_populated_citing_resource_is_checked(layout):
    citing = {m.meta.resource for m in present(layout) if "locator" in m.model_fields}
    assert citing <= set(CITED_TEXT) | {"designations"}  # designations: tests/test_regions.py
