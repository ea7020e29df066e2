"""Turn the ledger research (this folder's JSON) into rows of the package's tables, once; run from the project:

    python research/ledger/to_rows.py

It appends to data/: the web pages as sources (cited, not archived), their publishers as bodies, the dated
reports as project_updates, the figures they rest on as observations (with new metrics and regions), the
searches as ledger_searches, our assessments of the targets, and the Chinese renderings of every note. What it
leaves out, and why, it prints. The research is staging material: after this step the CSV files are the data,
edited like any other, and `validate` and `verify` hold them to the models.
"""

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schemas import BY_NAME  # noqa: E402
from schemas.base import first_day  # noqa: E402
from schemas.reference import NO_HEADLINE  # noqa: E402

HERE = Path(__file__).parent
SEARCHED_ON = "2026-12-05"
SEARCHED_IN = "Stored copies of public web pages, searched through a search index (not the live web)."
SEARCHED_IN_ZH = "通过检索索引查阅公开网页的存储副本（非实时网页）。"
FROM_ADDRESS = "Dated by the date in the page's address; the stored copy shows no date."
FROM_ADDRESS_ZH = "日期取自网址中的日期；存储副本未显示日期。"
COUNTRY = {"code": "100000", "name_zh": "中国", "qualified_name_zh": "中国", "name_en": "China", "level": "country"}
COUNTRY |= {"kind_zh": "国家"}
NO_HEADLINE_NOTE = f"{NO_HEADLINE}: the stored copy of the page showed its text but not its headline."
NO_HEADLINE_NOTE_ZH = "未见标题：网页的存储副本只显示正文，未显示标题。"
KINDS = {"project": "project_id", "target": "target_id", "measure": "measure_id"}


def load(name: str):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def read(resource: str) -> list[dict[str, str]]:
    with (ROOT / "data" / f"{resource}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def append(resource: str, rows: list[dict[str, str]]) -> None:
    columns = BY_NAME[resource].columns()
    with (ROOT / "data" / f"{resource}.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, columns, lineterminator="\n").writerows({c: r.get(c, "") for c in columns} for r in rows)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


def unique(base: str, taken: set[str]) -> str:
    found, n = base, 2
    while found in taken:
        found, n = f"{base[:76]}-{n}", n + 1
    taken.add(found)
    return found


def main() -> None:
    subjects, pages, notes, figures = (
        load("evidence.json"),
        load("pages.json"),
        load("notes.json"),
        load("figures.json"),
    )
    notes_zh = {n["key"]: n["note_zh"] for n in notes}
    by_url = {p["url"]: p for p in pages}
    renderings: dict[str, str] = {}
    left_out: list[str] = []
    bodies = {r["id"]: r for r in read("organizations")}
    source_ids = {r["id"] for r in read("sources")}

    # The web pages kept, as sources (ids from the publisher and the date, in the order of the addresses).
    sources: dict[str, dict[str, str]] = {}
    new_bodies: dict[str, dict[str, str]] = {}
    for url in sorted(by_url):
        p = by_url[url]
        if p["verdict"] != "keep" or not p["published"] or p["language"] == "en":
            why = p.get("reason") if p["verdict"] != "keep" else "no date" if not p["published"] else "in English"
            left_out.append(f"page {url}: {why}")
            continue
        if not p["title_zh"]:
            renderings[NO_HEADLINE_NOTE] = NO_HEADLINE_NOTE_ZH
        body = p["body"]
        day = p["published"] if len(p["published"]) == 10 else p["published"] + "-01"
        sid = unique(f"{body['id']}-{day.replace('-', '')}", source_ids)
        inferred = p["date_from"] == "address"
        if inferred:
            renderings[FROM_ADDRESS] = FROM_ADDRESS_ZH
        sources[url] = {
            "id": sid,
            "title_zh": p["title_zh"] or "",
            "title_en": p["title_en"] or "" if p["title_zh"] else "",
            "notes": "" if p["title_zh"] else NO_HEADLINE_NOTE,
            "publisher_zh": p["credit_zh"],
            "publisher_en": body["name_en"],
            "publisher_id": body["id"],
            "publisher_inferred": "false",
            "published": day,
            "published_precision": "day" if len(p["published"]) == 10 else "month",
            "date_inferred": "true" if inferred else "false",
            "date_note": FROM_ADDRESS if inferred else "",
            "language": p["language"],
            "kind": p["kind"],
            "url": url,
            "url_kind": "republication" if p["host_zh"] else "original",
            "host_zh": p["host_zh"] or "",
            "host_en": p["host_en"] or "",
            "url_checked": SEARCHED_ON,
            "consulted": "stored_copy",
            "archived": "false",
        }
        if body["id"] not in bodies and body["id"] not in new_bodies:
            new_bodies[body["id"]] = {
                "id": body["id"],
                "name_zh": body["name_zh"],
                "name_en": body["name_en"],
                "short_name_zh": p["credit_zh"] if p["credit_zh"] != body["name_zh"] else "",
                "level": body["level"],
                "kind": body["kind"],
                "source_id": sid,
            }

    # The regions the figures cover that the data lacks: the whole country (for national figures given for
    # comparison), and counties outside the old area.
    regions = {r["code"] for r in read("regions")}
    new_regions: dict[str, dict[str, str]] = {}
    for f in figures:
        if f["region_code"] == COUNTRY["code"] and COUNTRY["code"] not in regions:
            new_regions[COUNTRY["code"]] = COUNTRY
        elif f.get("new_region") and f["region_code"] not in regions:
            r = f["new_region"]
            new_regions[r["code"]] = {**r, "qualified_name_zh": r["name_zh"]}

    # The figures that the reports of a figure rest on, as observations.
    metrics = {m["id"] for m in read("metrics")}
    new_metrics: dict[str, dict[str, str]] = {}
    observations: dict[str, dict[str, str]] = {}
    observation_ids = {o["id"] for o in read("observations")}
    for f in figures:
        subject_key = f["key"].split(":", 1)[1]
        url = f["url"]
        if not f.get("figure_text") or url not in sources:
            continue
        metric = f["metric"]
        if metric["id"] not in metrics and metric["id"] not in new_metrics:
            new_metrics[metric["id"]] = {
                k: metric[k] for k in ("id", "name_zh", "name_en", "definition_zh", "definition_en")
            }
            new_metrics[metric["id"]]["unit"] = (
                f["unit"] if isinstance(f["unit"], str) else f["unit"]["new_unit"]["code"]
            )
        unit = f["unit"] if isinstance(f["unit"], str) else f["unit"]["new_unit"]["code"]
        oid = unique(
            slug(f"{metric['id']}-{f['region_code']}-{f.get('as_of') or f.get('period_end') or ''}"), observation_ids
        )
        observations[subject_key] = {
            "id": oid,
            "metric_id": metric["id"],
            "region_code": f["region_code"],
            "place_zh": f.get("place_zh") or "",
            "period_start": f.get("period_start") or "",
            "period_end": f.get("period_end") or "",
            "as_of": f.get("as_of") or "",
            "value": _number(f["value"]),
            "value_max": _number(f["value_max"]) if f.get("value_max") is not None else "",
            "unit": unit,
            "qualifier": f["qualifier"],
            "figure_text": f["figure_text"],
            "source_id": sources[url]["id"],
        }

    # The dated reports, and a search for every subject.
    updates, searches = [], []
    update_ids = {u["id"] for u in read("project_updates")}
    found: dict[str, int] = defaultdict(int)
    for x in subjects:
        column = KINDS[x["subject_kind"]]
        for i, r in enumerate(x["reports"]):
            key = f"{x['subject_id']}#{i}"
            source = sources.get(r["url"])
            if r.get("before_policy") or source is None:
                left_out.append(f"report {key}: {'before the policy' if source else 'its page is not kept'}")
                continue
            if first_day(r["event_date"]) > source["published"]:
                left_out.append(f"report {key}: dated {r['event_date']}, after its page ({source['published']})")
                continue
            observation = observations.get(key)
            if r["status"] == "reported_figure" and observation is None:
                left_out.append(f"report {key}: a figure reported, but no observation of it")
                continue
            uid = unique(slug(f"{x['subject_id']}-{r['status']}-{r['event_date']}"), update_ids)
            updates.append(
                {
                    "id": uid,
                    column: x["subject_id"],
                    "source_id": source["id"],
                    "as_of": r["event_date"],
                    "status_zh": r["words"],
                    "status": r["status"],
                    "observation_id": observation["id"] if observation else "",
                    "note": r["note"],
                }
            )
            renderings[r["note"]] = notes_zh[key]
            found[x["subject_id"]] += 1
        searches.append(
            {
                "id": f"{x['subject_id']}-{SEARCHED_ON}",
                column: x["subject_id"],
                "searched_on": SEARCHED_ON,
                "queries": " | ".join(dict.fromkeys(q.replace("|", " ") for q in x["queries"])),
                "result": "found" if found[x["subject_id"]] else "none_found",
                "searched_in": SEARCHED_IN,
            }
        )
    renderings[SEARCHED_IN] = SEARCHED_IN_ZH

    used = {u["observation_id"] for u in updates}
    kept_observations = [o for o in observations.values() if o["id"] in used]
    kept_sources = {u["source_id"] for u in updates} | {o["source_id"] for o in kept_observations}
    kept = [s for s in sources.values() if s["id"] in kept_sources]
    for body in new_bodies.values():  # each cites the first kept source it publishes
        body["source_id"] = next((s["id"] for s in kept if s["publisher_id"] == body["id"]), "")
    append("sources", kept)
    append(
        "regions", [r for r in new_regions.values() if any(o["region_code"] == r["code"] for o in kept_observations)]
    )
    append("organizations", [b for b in new_bodies.values() if b["source_id"]])
    append("metrics", [m for m in new_metrics.values() if any(o["metric_id"] == m["id"] for o in kept_observations)])
    append("observations", kept_observations)
    append("project_updates", updates)
    append("ledger_searches", searches)
    assessments = load("assessments.json")
    append(
        "target_assessments",
        [
            {"assessed_on": SEARCHED_ON, **{k: a[k] for k in ("target_id", "assessment", "reasoning", "decided_by")}}
            for a in assessments
        ],
    )
    for a in assessments:
        renderings[a["reasoning"]] = a["reasoning_zh"]
        if a["decided_by"]:
            renderings[a["decided_by"]] = a["decided_by_zh"]
    known = {t["text_en"] for t in read("translations")}
    append("translations", [{"text_en": en, "text_zh": zh} for en, zh in renderings.items() if en not in known])
    print(
        f"{len(kept_sources)} sources, {len(new_bodies)} bodies, {len(kept_observations)} observations, "
        f"{len(updates)} reports, {len(searches)} searches"
    )
    print("\n".join(left_out))


def _number(value) -> str:
    text = f"{value}"
    return text[:-2] if text.endswith(".0") else text


if __name__ == "__main__":
    main()
