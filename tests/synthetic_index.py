"""Synthetic batch records for the index tests and ``bench/bench_index.py``: as many reports as
asked, over the real municipalities (names with accents, provinces, regions), each with a page
on disk, so that an index of thousands of reports is made without a kernel."""

from __future__ import annotations

import random
from pathlib import Path

from socprev_kit.batch.planning import Plan
from socprev_kit.data.reference import municipalities

TYPES = ("street_work", "drug_outreach", "hotspot_presence", "nightlife_party")
#: The Plan an index needs (what data, which kit), without reading data.
PLAN = Plan([], Path("/data/national"), "ab" * 32, "0.9.0")


def synthetic_records(n: int, langs: tuple[str, ...] = ("nl", "fr"), seed: int = 7) -> list[dict]:
    """``n`` reports per language: every municipality once, then projects, in ``langs``."""
    rng = random.Random(seed)
    table = municipalities(2025).to_dict("records")
    base = []
    for i in range(n):
        m = table[i % len(table)]
        kind = "municipality" if i < len(table) else "project"
        ident = m["nis_code"] if kind == "municipality" else f"PRJ-{i:04d}"
        ratio = rng.uniform(0.5, 1.5)
        width = rng.uniform(0.05, 0.4)
        effects = [{"project_id": f"PRJ-{i:04d}", "indicator_id": "I01", "rate_ratio": ratio,
                    "ci_low": ratio * (1 - width), "ci_high": ratio * (1 + width)}]  # fmt: skip
        headline = {
            "n_projects": rng.randint(0, 3),
            "n_objectives": rng.randint(0, 14),
            "n_reached": rng.randint(0, 4),
            "n_maintained": rng.randint(0, 1),
            "n_on_track": rng.randint(0, 3),
            "n_behind": rng.randint(0, 2),
            "n_not_reached": rng.randint(0, 2),
            "n_not_computable": 0,
            "n_issues_error": rng.randint(0, 3),
            "n_issues_warning": rng.randint(0, 40),
            "completeness": round(rng.random(), 3),
            "its_level": effects if rng.random() < 0.7 else [],
        }
        facets = {
            "province": [m["province"]] if m["province"] else [],
            "region": [m["region"]],
            "project_types": sorted(rng.sample(TYPES, rng.randint(1, 2))),
            "projects": [f"PRJ-{i:04d}"],
            "nis_codes": [m["nis_code"]],
        }
        status = "failed" if rng.random() < 0.02 else "ok"
        error = {"ename": "ValueError", "evalue": "no data"} if status == "failed" else None
        base.append((kind, ident, m, headline, facets, status, error))
    records = []
    for lang in langs:
        for kind, ident, m, headline, facets, status, error in base:
            stem = f"{kind}_{ident}"
            records.append({"kind": kind, "id": ident, "lang": lang, "name_nl": m["name_nl"],
                            "name_fr": m["name_fr"], "status": status, "error": error,
                            "headline": headline if status == "ok" else None,
                            "html": f"{lang}/{stem}.html", "ipynb": f"{lang}/{stem}.ipynb",
                            "this_run": "made", "started": "2026-12-07T18:00:00+00:00",
                            "seconds": {"execute": 1.25}, "facets": facets})  # fmt: skip
    return records


def write_pages(out: Path, records: list[dict]) -> None:
    """A tiny page and notebook for each record, as a batch leaves them."""
    for r in records:
        for name in (r["html"], r["ipynb"]):
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"<html><body>{r['id']}</body></html>", encoding="utf-8")
