"""Turn the searches for public copies and corroboration (addresses.json, corroborations.json, written by the
research helpers) into rows of data/address_searches.csv and data/corroborations.csv. Run once, by hand, from
the repository's root; the rows are then data, edited like any other."""

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
SEARCHED_ON = "2026-12-05"
SEARCHED_IN = "Stored copies of public web pages, searched through a search index (not the live web)."
DATED_BY_ADDRESS = "Dated by the date in the page's address; the stored copy shows no date."
NO_HEADLINE = "Headline not seen: the stored copy of the page showed its text but not its headline."
RECHECKED = (
    "Searched for the original publisher's page or a copy served over https; the address on record was checked again."
)


def queries(found: list[str]) -> str:
    """The queries as tried, without the helper's remarks after ' -> '."""
    return " | ".join(q.split(" -> ")[0].strip() for q in found)


def address_rows() -> list[dict]:
    rows = []
    for e in json.loads((HERE / "addresses.json").read_text(encoding="utf-8")):
        rows.append(
            {
                "id": f"{e['source_id']}-copy-{SEARCHED_ON}",
                "source_id": e["source_id"],
                "observation_id": "",
                "searched_on": SEARCHED_ON,
                "queries": queries(e["queries"]),
                "result": e["result"],
                "searched_in": SEARCHED_IN,
                "note": RECHECKED if e.get("current_address_reconfirmed") else "",
            }
        )
    return rows


def chosen() -> dict:
    return json.loads((HERE / "corroborations_chosen.json").read_text(encoding="utf-8"))


def figure_search_rows() -> list[dict]:
    """One search per figure of a source with no public copy: found when a corroboration of it was kept."""
    kept = {c["observation_id"] for c in chosen()["corroborations"]}
    with Path("data/observations.csv").open(encoding="utf-8") as f:
        source_of = {o["id"]: o["source_id"] for o in csv.DictReader(f)}
    rows = []
    for e in json.loads((HERE / "corroborations.json").read_text(encoding="utf-8")):
        oid = e["observation_id"]
        rows.append(
            {
                "id": f"{oid}-seen-{SEARCHED_ON}",
                "source_id": source_of[oid],
                "observation_id": oid,
                "searched_on": SEARCHED_ON,
                "queries": " | ".join(e["queries"]),
                "result": "found" if oid in kept else "none_found",
                "searched_in": SEARCHED_IN,
                "note": "",
            }
        )
    return rows


def source_rows() -> list[dict]:
    out = []
    for s in chosen()["sources"]:
        inferred = s["date_inferred"]
        out.append(
            {
                "id": s["id"],
                "title_zh": s["title_zh"] or "",
                "title_en": s["title_en"] or "",
                "publisher_zh": s["publisher_zh"],
                "publisher_en": s["publisher_en"],
                "publisher_id": s["publisher_id"],
                "publisher_inferred": "false",
                "publisher_note": "",
                "published": s["published"],
                "published_precision": "day",
                "published_earliest": "",
                "published_latest": "",
                "date_inferred": "true" if inferred else "false",
                "date_note": DATED_BY_ADDRESS if inferred else "",
                "language": s["language"],
                "kind": s["kind"],
                "url": s["url"],
                "url_kind": s["url_kind"],
                "host_zh": s.get("host_zh", ""),
                "host_en": s.get("host_en", ""),
                "url_checked": SEARCHED_ON,
                "consulted": "stored_copy",
                "archived": "false",
                "archive_file": "",
                "sha256": "",
                "lines": "",
                "notes": "" if s["title_zh"] else NO_HEADLINE,
            }
        )
    return out


def corroboration_rows() -> list[dict]:
    with Path("data/observations.csv").open(encoding="utf-8") as f:
        observed = {o["id"]: o for o in csv.DictReader(f)}
    found = chosen()
    rows = []
    for c in found["corroborations"]:
        o = observed[c["observation_id"]]
        rows.append(
            {
                "id": f"{c['observation_id']}-in-{c['source_id']}",
                "observation_id": c["observation_id"],
                "value": o["value"],
                "unit": o["unit"],
                "qualifier": "exact",
                "figure_text": c["figure_text"],
                "source_id": c["source_id"],
                "locator": "",
                "note": found["notes"][c["note"]] if c.get("note") else "",
            }
        )
    return rows


def translation_rows() -> list[dict]:
    return [{"text_en": en, "text_zh": zh} for en, zh in chosen()["translations"].items()]


def write(name: str, rows: list[dict]) -> None:
    path = Path("data") / name
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writerows(rows)


if __name__ == "__main__":
    if "addresses" in sys.argv:
        write("address_searches.csv", address_rows())
    if "corroborations" in sys.argv:
        write("sources.csv", source_rows())
        write("corroborations.csv", corroboration_rows())
        write("translations.csv", translation_rows())
    if "figure-searches" in sys.argv:
        write("address_searches.csv", figure_search_rows())
