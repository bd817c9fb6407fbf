"""Compare-page accuracy on coverage-dev: one kind of figure per row, the main figure's verdict over time.

Per story (tuned: russia-dprk, japan-rice; held-out: myanmar-quake):

* purity: of the gold numeric facts that reach a topic row as a compared figure (the claim quotes the
  fact's hint and gives its number), the share whose row compares the fact's hand-checked kind
  (eval/gold/views_counted_gold.json);
* reach: the share of gold numeric facts that reach some topic row as a compared figure;
* main: the story's main figure (MAIN_KIND: troops sent / people killed / price) has a row whose status is
  "evolving"; the row's first and last figure with their dates are printed.

    python -m eval.eval_compare                 # all three stories
    python -m eval.eval_compare --ci            # exit 1 below the floors of section "compare" of eval/floors.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

from eval.eval_coverage_views import (
    BENCH,
    COUNTED_GOLD,
    HELD_OUT,
    TUNED,
    _matches,
    holds,
    load_story,
)
from eval.floors import add_floor_options, below_floors
from lib.claims.grouping import build_claims
from lib.claims.status import figure_phrase
from lib.core.settings import load_settings
from lib.text.embed import embedder_for

# The figure each story is about (hand-chosen from the story's gold, like the gold itself).
MAIN_KIND = {"russia-dprk": "troops sent", "japan-rice": "price", "myanmar-quake": "people killed"}


def row_kind(topic) -> str | None:
    """The kind a row compares (`Topic.counted`; for a row without one, the kind most of its figures give)."""
    kinds = [claim.counted for claim in topic.figures if claim.counted]
    return getattr(topic, "counted", None) or (max(set(kinds), key=kinds.count) if kinds else None)


def score_story(story: str, bench: Path, folder: Path, counted_gold: dict, embedder) -> dict:
    gold = yaml.safe_load((bench / story / "gold.yaml").read_text(encoding="utf-8"))
    corpus = load_story(story, bench, folder)
    claimset = build_claims(corpus, embedder)
    rows = []
    for page in gold["pages"]:
        name = f"{page['id']}.txt"
        for index, fact in enumerate(page.get("facts", [])):
            if "number" not in fact:
                continue
            kind = counted_gold.get(f"{story}/{page['id']}/{index}", {}).get("kind")
            number = fact["number"]
            wanted = {float(number["low"]), float(number["high"])} if isinstance(number, dict) else {float(number)}
            rows_kinds = [
                row_kind(topic)
                for topic in claimset.topics
                for claim in topic.figures
                if claim.source_file == name and holds(claim.quote, fact["hint"])
                and _matches(claim.value, claim.value_high, wanted)
            ]
            rows.append({"page": page["id"], "language": page["language"], "kind": kind, "rows": rows_kinds})
    main_kind = MAIN_KIND.get(story)
    candidates = [topic for topic in claimset.topics if main_kind and row_kind(topic) == main_kind]
    main = max(candidates, key=lambda topic: (len({c.source_file for c in topic.figures}), -len(topic.topic_id)), default=None)
    return {"story": story, "rows": rows, "main": main, "topics": len(claimset.topics)}


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def figures_of(results: list[dict]) -> dict:
    reached = [row for result in results for row in result["rows"] if row["rows"]]
    pure = [row for row in reached if all(kind == row["kind"] for kind in row["rows"])]
    total = sum(len(result["rows"]) for result in results)
    main = [result for result in results if result["main"] is not None and result["main"].status == "evolving"]
    return {
        "purity": _share(len(pure), len(reached)),
        "reach": _share(len(reached), total),
        "main": _share(len(main), len(results)),
        "counts": (len(pure), len(reached), total, len(main), len(results)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", nargs="+", default=[*TUNED, *HELD_OUT])
    parser.add_argument("--bench", type=Path, default=BENCH, help="the coverage-dev folder")
    add_floor_options(parser, "compare")
    args = parser.parse_args(argv)
    counted_gold = json.loads(COUNTED_GOLD.read_text(encoding="utf-8"))["kinds"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        embedder = embedder_for(load_settings(Path(folder)))
        for story in args.stories:
            results.append(score_story(story, args.bench, Path(folder), counted_gold, embedder))
    groups = [("tuned", [r for r in results if r["story"] in TUNED]), ("held-out", [r for r in results if r["story"] in HELD_OUT])]
    groups += [(f"  {r['story']}", [r]) for r in results]
    for name, subset in list(groups[:2]):
        for language in sorted({row["language"] for result in subset for row in result["rows"]}):
            rows = [row for result in subset for row in result["rows"] if row["language"] == language]
            groups.append((f"  {name} {language}", [{"rows": rows, "main": None}]))
    print(f"{'group':28} {'purity':>14} {'reach':>14} {'main evolving':>14}")
    figures = {}
    for name, subset in groups:
        if not subset:
            continue
        values = figures_of(subset)
        pure, reached, total, main_ok, stories = values["counts"]
        main_cell = f"{values['main']:6.2f} ({main_ok}/{stories})" if " " not in name.strip() else "-"
        print(f"{name:28} {values['purity']:6.2f} ({pure:2}/{reached:2}) {values['reach']:6.2f} ({reached:2}/{total:2}) {main_cell:>14}")
        if name in ("tuned", "held-out"):
            suffix = "" if name == "tuned" else "_heldout"
            for key in ("purity", "reach", "main"):
                figures[f"{key}{suffix}"] = values[key]
    for result in results:
        topic = result["main"]
        if topic is None:
            print(f"{result['story']}: no row compares {MAIN_KIND.get(result['story'])} ({result['topics']} rows)")
            continue
        dated = [claim for claim in topic.figures if claim.reported_on.date]
        span = f"first {figure_phrase(dated[0])} on {dated[0].reported_on.date}, last {figure_phrase(dated[-1])} on {dated[-1].reported_on.date}" if dated else "no dated figure"
        print(f"{result['story']}: main row '{topic.label}' [{topic.status}] {span}")
        print(f"  verdict: {getattr(topic, 'verdict', topic.rule[:200])}")
    return below_floors(figures, args, "compare")

if __name__ == "__main__":
    sys.exit(main())
