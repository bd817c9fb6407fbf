"""Compare-page accuracy on coverage-dev: one kind of figure per row, the main figure's verdict over time.

Per story (tuned: russia-dprk, japan-rice; held-out: myanmar-quake):

* purity: of the gold numeric facts that reach a topic row as a compared figure (the claim quotes the
  fact's hint and gives its number), the share whose row compares the fact's hand-checked kind
  (eval/gold/views_counted_gold.json);
* reach: the share of gold numeric facts that reach some topic row as a compared figure;
* main: the story's main figure (MAIN_KIND: troops sent / people killed / price per 5 kg) has a row whose
  status is "evolving";
* ends: the first and last figure of that row's course (lib.claims.status.trend_headlines, what its
  verdict names) are the gold's first and last figure (see gold_ends: of the gold facts of MAIN_KIND
  whose description names MAIN_SCOPE, e.g. the toll "in Myanmar", not one Bangkok tower's) with a
  report date within SAME_PERIOD_DAYS of the gold date;
* flagged: of the disagreements the gold records (gold_disagreements), the share the row flags as a
  same-period difference (lib.claims.status.period_differences); extra flags are counted too.

For the tuned stories it also prints why each gold figure that reaches no row does not (MISS_CAUSES:
its number not read, its kind never compared, given by one source only, or its sentence compared
with another figure of its kind), and the gold end figures whose pages the corpus leaves undated (an
undated report is shown but never ends a row's course).

Gold kinds are the hand-checked kinds of eval/gold/views_counted_gold.json, with a price's amount of
goods taken from the gold's own description ("yen per 60 kg" -> "price per 60 kg"; a week-on-week fall
-> "price change"), since a price per 60 kg is never compared with a price per 5 kg.

A gold disagreement: two pages of different outlets whose own figures of one kind that names what
it counts (not "count", "weight", "percent", "money", nor "people" with no role) (each page's largest
figure of the kind that is not planned, pledged or expected, per the gold's description) were reported
in the same period and do not overlap given their qualifiers ("about" = ±10 %, "at least"/"more than"
= open above, "up to"/"less than" = open below, a range = its ends). "The same period" is the page's
own definition, lib.claims.status.same_period_days: within SAME_PERIOD_DAYS (14) for estimates re-made
over weeks (troops sent, a price), but the same report day for a tally of people something happened to
(killed, wounded, missing ...), which authorities update day by day: a toll of 1,644 on 29 March and
3,003 on 2 April is the count moving, not a disagreement. `--fixed-period` applies 14 days to every
kind on the gold side (the definition before tallies were told apart), for comparison.

    python -m eval.eval_compare                 # all three stories
    python -m eval.eval_compare --ci            # exit 1 below the floors of section "compare" of eval/floors.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date
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
from lib.claims.build import build_claims
from lib.claims.figures import sentence_facts
from lib.claims.grouping import OWN_ROW_SOURCES, _row_key, kind_groups
from lib.claims.status import (
    PLACEABLE_DAYS,
    figure_phrase,
    period_differences,
    report_span,
    same_period_days,
    trend_headlines,
)
from lib.core.settings import load_settings
from lib.text.embed import embedder_for

# The figure each story is about (hand-chosen from the story's gold, like the gold itself).
MAIN_KIND = {"russia-dprk": "troops sent", "japan-rice": "price per 5 kg", "myanmar-quake": "people killed"}
# Words the gold's description of the main figure names, when the story's gold holds other counts of
# the same kind (the quake's toll "in Myanmar", not the toll of one collapsed tower in Bangkok).
MAIN_SCOPE = {"myanmar-quake": "in Myanmar"}

# Reports this close may give the same figure for the ends check (as lib.claims.status.SAME_PERIOD_DAYS).
SAME_PERIOD_DAYS = 14
_GOLD_PLANNED = re.compile(r"(?i)\bplan|expected|projected|pledged|to be sent|decided to send|\bwill\b|forecast|target")
_GOLD_CHANGE = re.compile(r"(?i)\b(?:fall|rise|drop|increase|decrease|change|difference)\b|week-on-week|up from|down from")
_GOLD_BASIS = re.compile(r"(?i)(?:per\s+|\b)(\d+)\s?(kg|kilograms?)\b")


def gold_kind(kind: str | None, counted: str) -> str | None:
    """The hand-checked kind, with a price's amount of goods from the gold's own description."""
    if kind != "price":
        return kind
    if _GOLD_CHANGE.search(counted):
        return "price change"
    basis = _GOLD_BASIS.search(counted)
    return f"price per {basis.group(1)} kg" if basis else "price"


def gold_interval(number, qualifier: str | None) -> tuple[float, float]:
    if isinstance(number, dict):
        return float(number["low"]), float(number["high"])
    value, qualifier = float(number), (qualifier or "").lower()
    if qualifier in ("about", "around", "roughly", "approximately", "nearly", "some", "almost"):
        return value * 0.9, value * 1.1
    if qualifier in ("at least", "more than", "over", "over ", "upwards of"):
        return value, float("inf")
    if qualifier in ("up to", "less than", "under", "fewer than", "at most"):
        return 0.0, value
    return value, value


def gold_figures(story: str, gold: dict, counted_gold: dict) -> list[dict]:
    """Every gold numeric fact with its refined kind, page, outlet, report day and interval."""
    found = []
    for page in gold["pages"]:
        published = page.get("published", {})
        try:
            day = date.fromisoformat(str(published.get("value")))
        except ValueError:
            day = None
        for index, fact in enumerate(page.get("facts", [])):
            if "number" not in fact:
                continue
            kind = gold_kind(counted_gold.get(f"{story}/{page['id']}/{index}", {}).get("kind"), fact.get("counted", ""))
            low, high = gold_interval(fact["number"], fact.get("qualifier"))
            found.append({
                "page": page["id"], "outlet": page.get("outlet"), "day": day, "kind": kind, "low": low, "high": high,
                "value": float(fact["number"]["high"] if isinstance(fact["number"], dict) else fact["number"]),
                "planned": bool(_GOLD_PLANNED.search(fact.get("counted", ""))), "counted": fact.get("counted", ""),
            })
    return found


def gold_headlines(figures: list[dict], kind: str) -> list[dict]:
    """Each dated page's own figure of `kind`: its largest not-planned figure, in date order."""
    best: dict[str, dict] = {}
    for figure in figures:
        if figure["kind"] != kind or figure["planned"] or figure["day"] is None:
            continue
        if figure["page"] not in best or figure["value"] > best[figure["page"]]["value"]:
            best[figure["page"]] = figure
    return sorted(best.values(), key=lambda figure: (figure["day"], figure["page"]))


def gold_ends(figures: list[dict], kind: str, scope: str | None = None) -> tuple[list[dict], list[dict]]:
    """(first, last): the page figures of the earliest and of the latest report day, of the gold facts
    whose description names `scope` when given (the main figure, not another count of its kind)."""
    if scope:
        figures = [figure for figure in figures if scope.lower() in figure["counted"].lower()]
    heads = gold_headlines(figures, kind)
    if not heads:
        return [], []
    return [f for f in heads if f["day"] == heads[0]["day"]], [f for f in heads if f["day"] == heads[-1]["day"]]


def _names_what_it_counts(kind: str) -> bool:
    """Kinds that say what is counted (troops sent, people killed, price per 5 kg ...); "count",
    "weight", "percent", "money" may count anything, and "people" with no role (visitors, residents,
    a queue) any people, so two pages' figures of them are not one thing."""
    return kind != "people" and kind.split(" ")[0] in ("troops", "people", "workers", "munitions", "equipment") or (
        kind.startswith("price") and kind != "price change")


def gold_disagreements(figures: list[dict], fixed_period: bool = False) -> set[tuple[str, str, str]]:
    """(kind, page, page) pairs: different outlets, same period (lib.claims.status.same_period_days, or
    SAME_PERIOD_DAYS for every kind with `fixed_period`), non-overlapping page figures (module doc)."""
    pairs = set()
    for kind in sorted({figure["kind"] for figure in figures if figure["kind"] and _names_what_it_counts(figure["kind"])}):
        heads = gold_headlines(figures, kind)
        period = SAME_PERIOD_DAYS if fixed_period else same_period_days(kind)
        for i, first in enumerate(heads):
            for second in heads[i + 1:]:
                if first["outlet"] == second["outlet"] or abs((second["day"] - first["day"]).days) > period:
                    continue
                if first["high"] < second["low"] or second["high"] < first["low"]:
                    pairs.add((kind, *sorted((first["page"], second["page"]))))
    return pairs


def row_kind(topic) -> str | None:
    """The kind a row compares (`Topic.counted`; for a row without one, the kind most of its figures give)."""
    kinds = [claim.counted for claim in topic.figures if claim.counted]
    return getattr(topic, "counted", None) or (max(set(kinds), key=kinds.count) if kinds else None)


def score_story(story: str, bench: Path, folder: Path, counted_gold: dict, embedder, fixed_period: bool = False) -> dict:
    gold = yaml.safe_load((bench / story / "gold.yaml").read_text(encoding="utf-8"))
    corpus = load_story(story, bench, folder)
    claimset = build_claims(corpus, embedder)
    sources_of = kind_sources(corpus, claimset) if story in TUNED else {}
    rows = []
    for page in gold["pages"]:
        name = f"{page['id']}.txt"
        for index, fact in enumerate(page.get("facts", [])):
            if "number" not in fact:
                continue
            kind = gold_kind(counted_gold.get(f"{story}/{page['id']}/{index}", {}).get("kind"), fact.get("counted", ""))
            number = fact["number"]
            wanted = {float(number["low"]), float(number["high"])} if isinstance(number, dict) else {float(number)}
            rows_kinds = [
                row_kind(topic)
                for topic in claimset.topics
                for claim in topic.figures
                if claim.source_file == name and holds(claim.quote, fact["hint"])
                and _matches(claim.value, claim.value_high, wanted)
            ]
            # Why it reaches no row: asked of the tuned stories only (the held-out pages are not studied).
            cause = None if rows_kinds or story not in TUNED else miss_cause(
                fact, wanted, corpus.by_source_file(name), claimset, sources_of)
            rows.append({"page": page["id"], "language": page["language"], "kind": kind, "rows": rows_kinds, "cause": cause})
    main_kind = MAIN_KIND.get(story)
    candidates = [topic for topic in claimset.topics if main_kind and row_kind(topic) == main_kind]
    main = max(candidates, key=lambda topic: (len({c.source_file for c in topic.figures}), -len(topic.topic_id)), default=None)
    figures = gold_figures(story, gold, counted_gold)
    first, last = gold_ends(figures, main_kind, MAIN_SCOPE.get(story))
    ends = {"gold_first": first, "gold_last": last, "first": None, "last": None, "right": 0}
    if main is not None:
        heads = trend_headlines(main.claims, main.counted)
        if heads:
            ends["first"], ends["last"] = heads[0], heads[-1]
            ends["right"] = int(_same_figure(heads[0], first)) + int(_same_figure(heads[-1], last))
    wanted = gold_disagreements(figures, fixed_period)
    flagged = set()
    for topic in claimset.topics:
        kind = row_kind(topic)
        for one, other in period_differences(topic.claims, topic.counted):
            flagged.add((kind, *sorted((Path(one.source_file).stem, Path(other.source_file).stem))))
    ends["undated"] = [figure for figure in [*first, *last] if _undated(corpus, figure["page"])]
    return {"story": story, "rows": rows, "main": main, "topics": len(claimset.topics), "ends": ends,
            "disagreements": wanted, "flagged": flagged}


# Why a gold figure reaches no topic row, as the claim code reads its sentence (printed for the tuned
# stories only, like the disagreements not flagged: the held-out story's pages are not studied).
MISS_CAUSES = {
    "not read": "no figure with its number is read in the sentence its hint quotes (or the hint is in no body sentence)",
    "kind not compared": "read as a kind no row compares (count, role-less people, percent, money, weight ...)",
    "kind of one source": f"its kind is given by fewer than {OWN_ROW_SOURCES} sources: nothing to compare it with",
    "same sentence": "its sentence is in its kind's row with another figure of that kind (one figure per sentence)",
    "left out": "its kind has a row, but the sentence is not in it (off subject, off place, another unit, not a candidate)",
}


def kind_sources(corpus, claimset) -> dict[tuple[str, str], int]:
    """How many sources give each comparable kind of figure (lib.claims.grouping.kind_groups, before
    the off-subject and off-place checks)."""
    articles = {article.article_id: article for article in corpus.articles}
    facts: dict[str, dict] = {}

    def facts_of(article):
        if article.article_id not in facts:
            facts[article.article_id] = {fact.sentence.index: fact for fact in sentence_facts(article, priced=True)}
        return facts[article.article_id]

    groups = kind_groups(articles, claimset.candidates, facts_of)
    return {key: len({article.source_file for article, _fact in group}) for key, group in groups.items()}


def miss_cause(fact: dict, wanted: set[float], article, claimset, sources_of: dict) -> str:
    """The first of MISS_CAUSES that explains why the gold numeric `fact` reaches no topic row."""
    if article is None:
        return "not read"
    sentences = [facts for facts in sentence_facts(article, priced=True) if holds(facts.sentence.text, fact["hint"])]
    read = [(facts, quantity) for facts in sentences for quantity in facts.quantities
            if _matches(quantity.value, quantity.value_high, wanted)]
    if not read:
        return "not read"
    keys = {_row_key(quantity.counted, quantity.unit) for _facts, quantity in read} - {None}
    if not keys:
        return "kind not compared"
    if all(sources_of.get(key, 0) < OWN_ROW_SOURCES for key in keys):
        return "kind of one source"
    indexes = {facts.sentence.index for facts, _quantity in read}
    kinds = {key[0] for key in keys}
    if any(claim.source_file == article.source_file and claim.sentence_index in indexes and claim.counted in kinds
           for topic in claimset.topics for claim in topic.figures):
        return "same sentence"
    return "left out"


def _undated(corpus, page: str) -> bool:
    """The page's report cannot be placed in time (no date, or one vaguer than PLACEABLE_DAYS): it cannot end a row."""
    article = corpus.by_source_file(f"{page}.txt")
    span = report_span(article.published) if article is not None else None
    return span is None or (span[1] - span[0]).days > PLACEABLE_DAYS


def _same_figure(claim, gold_end: list[dict]) -> bool:
    """The claim gives one of the gold end figures (its value or range end), reported within SAME_PERIOD_DAYS of it."""
    span = report_span(claim.reported_on)
    values = {claim.value, claim.value_high} - {None}
    return span is not None and any(
        values & {figure["value"], figure["low"], figure["high"]} and abs((span[0] - figure["day"]).days) <= SAME_PERIOD_DAYS
        for figure in gold_end
    )


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def figures_of(results: list[dict]) -> dict:
    reached = [row for result in results for row in result["rows"] if row["rows"]]
    pure = [row for row in reached if all(kind == row["kind"] for kind in row["rows"])]
    total = sum(len(result["rows"]) for result in results)
    main = [result for result in results if result["main"] is not None and result["main"].status == "evolving"]
    ends = sum(result.get("ends", {}).get("right", 0) for result in results)
    wanted = sum(len(result.get("disagreements", ())) for result in results)
    caught = sum(len(result.get("disagreements", set()) & result.get("flagged", set())) for result in results)
    extra = sum(len(result.get("flagged", set()) - result.get("disagreements", set())) for result in results)
    return {
        "purity": _share(len(pure), len(reached)),
        "reach": _share(len(reached), total),
        "main": _share(len(main), len(results)),
        "ends": _share(ends, 2 * len(results)),
        "flagged": _share(caught, wanted) if wanted else 1.0,
        "counts": (len(pure), len(reached), total, len(main), len(results)),
        "flag_counts": (caught, wanted, extra, ends, 2 * len(results)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", nargs="+", default=[*TUNED, *HELD_OUT])
    parser.add_argument("--bench", type=Path, default=BENCH, help="the coverage-dev folder")
    parser.add_argument("--fixed-period", action="store_true",
                        help=f"gold disagreements within {SAME_PERIOD_DAYS} days for every kind (not the report day for tallies)")
    add_floor_options(parser, "compare")
    args = parser.parse_args(argv)
    counted_gold = json.loads(COUNTED_GOLD.read_text(encoding="utf-8"))["kinds"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        embedder = embedder_for(load_settings(Path(folder)))
        for story in args.stories:
            results.append(score_story(story, args.bench, Path(folder), counted_gold, embedder, args.fixed_period))
    groups = [("tuned", [r for r in results if r["story"] in TUNED]), ("held-out", [r for r in results if r["story"] in HELD_OUT])]
    groups += [(f"  {r['story']}", [r]) for r in results]
    for name, subset in list(groups[:2]):
        for language in sorted({row["language"] for result in subset for row in result["rows"]}):
            rows = [row for result in subset for row in result["rows"] if row["language"] == language]
            groups.append((f"  {name} {language}", [{"rows": rows, "main": None}]))
    print(f"{'group':28} {'purity':>14} {'reach':>14} {'main evolving':>14} {'main ends':>12} {'flagged (extra)':>18}")
    figures = {}
    for name, subset in groups:
        if not subset:
            continue
        values = figures_of(subset)
        pure, reached, total, main_ok, stories = values["counts"]
        caught, wanted, extra, ends, end_total = values["flag_counts"]
        story_level = " " not in name.strip()
        main_cell = f"{values['main']:6.2f} ({main_ok}/{stories})" if story_level else "-"
        ends_cell = f"{values['ends']:4.2f} ({ends}/{end_total})" if story_level else "-"
        flag_cell = f"{values['flagged']:4.2f} ({caught}/{wanted}) +{extra}" if story_level else "-"
        print(f"{name:28} {values['purity']:6.2f} ({pure:2}/{reached:2}) {values['reach']:6.2f} ({reached:2}/{total:2}) "
              f"{main_cell:>14} {ends_cell:>12} {flag_cell:>18}")
        if name in ("tuned", "held-out"):
            suffix = "" if name == "tuned" else "_heldout"
            for key in ("purity", "reach", "main", "ends", "flagged"):
                figures[f"{key}{suffix}"] = values[key]
    for result in results:
        topic = result["main"]
        if topic is None:
            print(f"{result['story']}: no row compares {MAIN_KIND.get(result['story'])} ({result['topics']} rows)")
            continue
        ends = result["ends"]
        shown = [ends[end] for end in ("first", "last")]
        span = (f"first {figure_phrase(shown[0])} on {shown[0].reported_on.date}, last {figure_phrase(shown[1])} on "
                f"{shown[1].reported_on.date}" if shown[0] else "no dated figure")
        gold = "; ".join(
            f"gold {end}: " + ", ".join(f"{f['value']:,.0f} ({f['page']}, {f['day']})" for f in ends[f"gold_{end}"])
            for end in ("first", "last")
        )
        print(f"{result['story']}: main row '{topic.label}' [{topic.status}] {span}; {ends['right']}/2 right ({gold})")
        print(f"  verdict: {topic.verdict}")
        missed = sorted(result["disagreements"] - result["flagged"])
        if result["story"] in TUNED and missed:
            print(f"  gold disagreements not flagged: {missed}")
        if result["story"] in TUNED and ends["undated"]:
            print("  gold ends the pages leave undated (no report date to place them by): "
                  + ", ".join(f"{f['page']} ({f['day']})" for f in ends["undated"]))
    tuned_misses = [row for result in results if result["story"] in TUNED for row in result["rows"] if not row["rows"]]
    if tuned_misses:
        print(f"tuned figures reaching no row, by cause ({len(tuned_misses)}):")
        for cause, meaning in MISS_CAUSES.items():
            rows = [row for row in tuned_misses if row["cause"] == cause]
            if rows:
                kinds = sorted({str(row["kind"]) for row in rows})
                print(f"  {cause:18} {len(rows):3}  gold kinds {', '.join(kinds)}: {meaning}")
    return below_floors(figures, args, "compare")

if __name__ == "__main__":
    sys.exit(main())
