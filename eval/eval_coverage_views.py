"""Timeline and figures on coverage-dev: dated facts on the timeline, figures read with what they count.

    .venv/bin/python -m eval.eval_coverage_views [--stories russia-dprk japan-rice myanmar-quake]
        [--bench DIR] [--misses] [--ci] [--floor-NAME X]

Stories: tuned on russia-dprk and japan-rice; myanmar-quake is held out (its misses are never
printed: look only at its figures). Figures, per story, per language, tuned vs held-out:

* events     - gold facts of kind "event" whose hint sits inside a source sentence of a timeline
               event of that page, with the event's interval overlapping the gold date
* statements - the same for facts of kind "statement" (dated by when they were said)
* late       - timeline sources dated after their own page with no planning word (want 0)
* figures    - numeric_claim facts whose number is read (a Quantity of lib.text.numbers with that
               value, or the top or bottom of its range) in the sentence holding the hint
* counted    - of those facts, the share whose figure has the right `counted` kind
               (eval/gold/views_counted_gold.json, labelled from the gold's own descriptions)
* claimed    - numeric_claim facts that reach the Compare view as a Claim with that value
* merging    - on a gold whose facts name their `group` (one happening per group, e.g. the probe
               stories of tests/events/probe_corpus): pairs of facts of one group on different pages
               that share a timeline event ("joined"), and pairs of different groups that share one
               ("wrongly joined", want 0: two happenings of one day and place stay two events)

Other stories (not tuned, not held out: `--bench tests/events/probe_corpus --stories chemfire`)
are reported as "OTHER", per language, with their misses under `--misses`.

Floors: section "views" of eval/floors.json (held-out figures: events_heldout, figures_heldout,
counted_heldout, late_max ...) when present; `--floor-NAME X` overrides one.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

from eval.floors import add_floor_options, below_floors
from lib.claims.figures import sentence_facts
from lib.claims.build import build_claims
from lib.core.settings import REPO_ROOT, load_settings
from lib.events.build import extract_events
from lib.ingest.corpus import load_corpus
from lib.text.embed import article_vectors, embedder_for

BENCH = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
TUNED = ("russia-dprk", "japan-rice")
HELD_OUT = ("myanmar-quake",)
COUNTED_GOLD = Path(__file__).resolve().parent / "gold" / "views_counted_gold.json"
# A source dated after its page is allowed only when its sentence says the thing is planned.
PLANNING = re.compile(
    r"(?i)\b(?:will|plans?|planned|planning|scheduled|expected|intends?|set to|would|to be held)\b"
    r"|予定|計画|方針|見通し|예정|계획|방침|планиру|намерен|запланир|планує|має намір|geplant|soll|sollen|wird|werden"
    r"|prévu|prévoit|doit|devrait|将|计划|拟|จะ|มีแผน|previst|prevé|prevê|prevede|planea|programad|programmat|من المقرر|سوف|يعتزم"
)
FIGURES = ("events", "statements", "figures", "counted", "claimed")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def holds(quote: str, hint: str) -> bool:
    """The hint is inside the sentence; a hint that spans sentences holds for each sentence that
    contains one of its pieces (split at sentence ends) of 10 characters or more."""
    sentence, hint = _norm(quote), _norm(hint)
    if hint in sentence or (len(sentence) > 20 and sentence in hint):
        return True
    pieces = [piece.strip() for piece in re.split(r"(?<=[。！？.!?])\s*", hint)]
    return len(pieces) > 1 and any(len(piece) >= 10 and piece in sentence for piece in pieces)


def gold_interval(value, precision: str) -> tuple[date, date]:
    parts = [int(part) for part in str(value).split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    day = date(*parts)
    if precision == "week":
        return day - timedelta(days=6), day + timedelta(days=6)
    return day, day


def _matches(value: float, high: float | None, wanted: set[float]) -> bool:
    return any(abs(value - w) <= 1e-6 * max(1.0, w) or (high is not None and abs(high - w) <= 1e-6 * max(1.0, w)) for w in wanted)


def load_story(story: str, bench: Path, folder: Path):
    """The story's pages ingested into a throwaway data folder (the repo's store is never touched)."""
    data = folder / story
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    for page in sorted((bench / story).glob("*.txt")):
        shutil.copy(page, data / page.name)
    return load_corpus(load_settings(data))


def score_story(story: str, bench: Path, folder: Path, counted_gold: dict, embedder=None) -> dict:
    gold = yaml.safe_load((bench / story / "gold.yaml").read_text(encoding="utf-8"))
    corpus = load_story(story, bench, folder)
    embedder = embedder or embedder_for(corpus.settings)
    started = time.perf_counter()
    # The events as build_events makes them (without storing them: the stored view is not what is scored).
    events = extract_events(corpus.articles, embedder, article_vectors(corpus.store, corpus.articles, embedder), corpus.settings.story_start)
    claims = list(build_claims(corpus, embedder).claims)
    seconds = time.perf_counter() - started
    by_file = {article.source_file: article for article in corpus.articles}
    rows = []
    for page in gold["pages"]:
        name = f"{page['id']}.txt"
        article = by_file.get(name)
        facts = sentence_facts(article) if article is not None else []
        sources = [(event, source) for event in events for source in event.sources if source.source_file == name]
        for index, fact in enumerate(page.get("facts", [])):
            row = {"story": story, "page": page["id"], "language": page["language"], "kind": fact["kind"], "hint": fact["hint"]}
            if fact["kind"] in ("event", "statement"):
                low, high = gold_interval(fact["date"], fact.get("precision", "day"))
                hits = [event for event, source in sources if holds(source.quote, fact["hint"])]
                row["found"] = bool(hits)
                compatible = [e for e in hits if date.fromisoformat(e.start) <= high and low <= date.fromisoformat(e.end)]
                row["ok"] = bool(compatible)
                row["group"] = fact.get("group")
                row["event_ids"] = sorted({e.event_id for e in compatible})
                row["got"] = sorted({f"{e.start}..{e.end} ({e.clue[:50]})" for e in hits})[:3]
                row["want"] = f"{fact['date']} ({fact.get('precision', 'day')})"
            elif "number" in fact:
                number = fact["number"]
                wanted = {float(number["low"]), float(number["high"])} if isinstance(number, dict) else {float(number)}
                in_hint = [f for f in facts if holds(f.sentence.text, fact["hint"])]
                quantities = [q for f in in_hint for q in f.quantities]
                read = [q for q in quantities if _matches(q.value, q.value_high, wanted)]
                kind = counted_gold.get(f"{story}/{page['id']}/{index}", {}).get("kind")
                row["ok"] = bool(read)
                row["counted_ok"] = any(q.counted == kind for q in read)
                row["counted"] = f"got {read[0].counted if read else None}, want {kind}"
                row["claimed"] = any(
                    claim.source_file == name and holds(claim.quote, fact["hint"]) and claim.value is not None
                    and _matches(claim.value, claim.value_high, wanted)
                    for claim in claims
                )
                row["got"] = [q.text for q in quantities][:5]
                row["want"] = f"{number} {fact.get('unit', '')}"
            rows.append(row)
    late = []
    for event in events:
        for source in event.sources:
            published = by_file[source.source_file].published
            latest = published.latest or (published.date if published.precision == "day" else None)
            if latest and event.start > latest and not PLANNING.search(source.quote):
                late.append(f"{source.source_file}: {event.start}..{event.end} ({event.clue}) {source.quote[:90]}")
    return {"story": story, "rows": rows, "late": late, "events": len(events), "claims": len(claims), "seconds": seconds}


def figures_of(rows: list[dict]) -> dict[str, tuple[int, int]]:
    events = [r for r in rows if r["kind"] == "event"]
    statements = [r for r in rows if r["kind"] == "statement"]
    numbers = [r for r in rows if "claimed" in r]
    return {
        "events": (sum(r["ok"] for r in events), len(events)),
        "statements": (sum(r["ok"] for r in statements), len(statements)),
        "figures": (sum(r["ok"] for r in numbers), len(numbers)),
        "counted": (sum(r["counted_ok"] for r in numbers), len(numbers)),
        "claimed": (sum(r["claimed"] for r in numbers), len(numbers)),
    }


def merging_of(rows: list[dict]) -> dict[str, tuple[int, int]]:
    """(joined, pairs) of facts of one gold group on different pages, and (wrongly joined, pairs) of
    facts of different groups, over the facts found with a compatible date; a fact joins another
    when one of its events holds both."""
    grouped = [r for r in rows if r.get("group") and r.get("ok")]
    same = joined = different = wrong = 0
    for index, first in enumerate(grouped):
        for second in grouped[index + 1 :]:
            shared = bool(set(first["event_ids"]) & set(second["event_ids"]))
            if first["group"] == second["group"]:
                if first["page"] != second["page"]:
                    same += 1
                    joined += shared
            else:
                different += 1
                wrong += shared
    return {"joined": (joined, same), "wrongly joined": (wrong, different)}


def print_merging(label: str, rows: list[dict]) -> None:
    """Merging figures, then each group's events (which facts sit in which event) and each wrong join."""
    merging = merging_of(rows)
    if not merging["joined"][1]:
        return
    print(f"{label}: same happening joined {_cell(merging['joined'])}, different happenings joined {merging['wrongly joined'][0]}")
    groups: dict[str, list[dict]] = {}
    for row in rows:
        if row.get("group"):
            groups.setdefault(row["group"], []).append(row)
    for group, members in groups.items():
        events: dict[str, list[str]] = {}
        for row in members:
            for event_id in row["event_ids"] or ["-"]:
                events.setdefault(event_id, []).append(f"{row['page']}/{row['language']}")
        parts = "  ".join(f"{event_id[:8]}:{','.join(pages)}" for event_id, pages in events.items())
        print(f"  {group:14} {len([e for e in events if e != '-'])} event(s)  {parts}")
    seen = set()
    for first in rows:
        for second in rows:
            if first.get("group") and second.get("group") and first["group"] < second["group"]:
                for event_id in set(first.get("event_ids", [])) & set(second.get("event_ids", [])):
                    if (event_id, first["group"], second["group"]) not in seen:
                        seen.add((event_id, first["group"], second["group"]))
                        print(f"  WRONG JOIN {event_id[:8]}: {first['group']} + {second['group']}")


def _cell(pair: tuple[int, int]) -> str:
    part, whole = pair
    return f"{part}/{whole} {100 * part / whole:3.0f}%" if whole else "-"


def print_table(groups: list[tuple[str, list[dict]]]) -> None:
    print(f"{'':28}" + "".join(f"{name:>15}" for name in FIGURES))
    for label, rows in groups:
        figures = figures_of(rows)
        print(f"{label:28}" + "".join(f"{_cell(figures[name]):>15}" for name in FIGURES))


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", nargs="+", default=[*TUNED, *HELD_OUT])
    parser.add_argument("--bench", type=Path, default=BENCH, help="the coverage-dev folder")
    parser.add_argument("--misses", action="store_true", help="list the misses of the tuned stories (never the held-out)")
    add_floor_options(parser, "views")
    args = parser.parse_args(argv)
    counted_gold = json.loads(COUNTED_GOLD.read_text(encoding="utf-8"))["kinds"]
    with tempfile.TemporaryDirectory() as folder:
        results = []
        embedder = None
        for story in args.stories:
            if embedder is None:
                embedder = embedder_for(load_settings(Path(folder)))
            results.append(score_story(story, args.bench, Path(folder), counted_gold, embedder))
    rows = [row for result in results for row in result["rows"]]
    tuned = [r for r in rows if r["story"] in TUNED]
    held = [r for r in rows if r["story"] in HELD_OUT]
    other = [r for r in rows if r["story"] not in TUNED and r["story"] not in HELD_OUT]
    groups = [("TUNED (russia-dprk, japan-rice)", tuned), ("HELD-OUT (myanmar-quake)", held), ("OTHER", other)]
    groups += [(f"  story {result['story']}", result["rows"]) for result in results]
    for name, subset in (("tuned", tuned), ("held-out", held), ("other", other)):
        for language in sorted({r["language"] for r in subset}):
            groups.append((f"  {name} {language}", [r for r in subset if r["language"] == language]))
    print_table([(label, group) for label, group in groups if group])
    for result in results:
        print(f"{result['story']}: {result['events']} events, {result['claims']} claims, {len(result['late'])} dated after their page "
              f"without a planning word; events+claims built in {result['seconds']:.1f}s")
        for line in result["late"] if result["story"] not in HELD_OUT else []:
            print(f"  LATE {line}")
    for result in results:
        if result["story"] not in HELD_OUT:
            print_merging(result["story"], result["rows"])
    if args.misses:
        for row in tuned + other:
            wrong_kind = "counted_ok" in row and row["ok"] and not row["counted_ok"]
            if not row["ok"] or wrong_kind:
                what = "KIND " + row["counted"] if wrong_kind else ("DATE" if row.get("found") else "MISS")
                print(f"{what:5} {row['story']}/{row['page']} {row['language']} {row['kind']}: want {row['want']}, got {row.get('got')} | {row['hint'][:80]}")
    figures = {}
    for name, subset in (("", tuned), ("_heldout", held)):
        values = figures_of(subset)
        for figure in FIGURES:
            figures[f"{figure}{name}"] = share(values[figure])
    figures["late_max"] = float(sum(len(result["late"]) for result in results))
    return below_floors(figures, args, "views")

if __name__ == "__main__":
    sys.exit(main())
