"""The sources table against the archived files, and every locator against the line it cites."""

import re

import pytest

from scripts.validate import present

GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)")


def _date_forms(iso: str) -> list[str]:
    """A date as the sources print it: 2024-07-07, or 2021年11月8日."""
    year, month, day = [*iso.split("-"), "", ""][:3]
    chinese = f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")
    return [iso, chinese]


def _cited(resource: str, row: dict, lookup) -> list[str]:
    """The texts of which at least one must appear on the line a row cites."""
    if resource == "organizations":
        return [row["name_zh"], row["short_name_zh"]]
    if resource == "policies":
        return [row["title_zh"], row["doc_number"]]
    if resource == "policy_measures":
        return [row["title_zh"]]
    if resource == "measure_responsibilities":
        org = lookup("organizations")[row["organization_id"]]
        return [org["short_name_zh"] or org["name_zh"]]
    if resource == "policy_targets":
        return [row["text_zh"]]
    if resource == "projects":
        return [row["printed_zh"]]
    if resource == "project_regions":
        if row["place_zh"] or row["basis"] == "located":
            return [row["place_zh"] or lookup("projects")[row["project_id"]]["printed_zh"]]
        region = lookup("regions")[row["region_code"]]
        return [region["name_zh"].removesuffix("市").removesuffix("县").removesuffix("省")]
    if resource == "events":
        return _date_forms(row["date"])
    raise KeyError(resource)


CITED = (
    "organizations",
    "policies",
    "policy_measures",
    "measure_responsibilities",
    "policy_targets",
    "projects",
    "project_regions",
    "events",
)


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


@pytest.mark.parametrize("resource", CITED)
def test_cited_lines_contain_the_name_or_title(resource, table, sources_dir):
    files = {s["id"]: s["archive_file"] for s in table("sources")}
    keys = {"organizations": "id", "projects": "id", "regions": "code"}

    def lookup(name):
        return {r[keys[name]]: r for r in table(name)}

    texts = {}
    for row in table(resource):
        if row["source_id"] not in texts:
            texts[row["source_id"]] = (sources_dir / files[row["source_id"]]).read_text(encoding="utf-8").splitlines()
        line = normalize(texts[row["source_id"]][int(row["locator"]) - 1])
        cited = [normalize(c) for c in _cited(resource, row, lookup) if c]
        assert any(c in line for c in cited), (resource, row, line)


def test_every_populated_citing_resource_is_checked(layout):
    citing = {m.meta.resource for m in present(layout) if "locator" in m.model_fields}
    assert citing <= set(CITED) | {"designations"}  # designations: tests/test_regions.py
