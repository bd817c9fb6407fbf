"""Claim extraction against hand-checked gold: precision, recall, topic purity, figures, attribution.

    .venv/bin/python -m eval.eval_claims [--data DIR] [--gold FILE]
        [--floor-precision 0.8] [--floor-recall 0.7] [--floor-purity 0.8]
        [--floor-figures 0.9] [--floor-attribution 0.8]

Prints the figures and every miss; exits 1 when a figure is below its floor.
Runs on a throwaway copy of the bundled corpus unless --data is given.

Definitions (a "sentence" is one (source_file, quote) pair; a sentence in two topics counts once):
- precision: extracted sentences that are gold claims / extracted sentences
  (anything else, e.g. reader comments or related articles, is a false claim);
- recall: gold claims extracted in any topic / gold claims;
- topic accuracy: found gold claims filed under one of their acceptable topics;
- purity: per extracted topic, the largest share of its gold-matched sentences
  that accept one common topic, weighted by topic size;
- figures: gold claims with a figure whose claim has the same value, unit and qualifier;
- attribution: found gold claims credited to the expected speaker ("own" = the outlet).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from eval.floors import add_floor_options, below_floors
from lib.claims.figures import is_own_reporting
from lib.claims.build import build_claims
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from lib.text.embed import article_vectors, embedder_for

GOLD = REPO_ROOT / "eval" / "gold" / "claims_gold.json"


def _matches(gold: dict, claim) -> bool:
    return claim.source_file == gold["source_file"] and gold["quote_contains"] in claim.quote


def evaluate(claimset, gold_entries: list[dict]) -> tuple[dict, list[str]]:
    claims = list(claimset.claims)
    sentences = {(claim.source_file, claim.quote) for claim in claims}
    misses: list[str] = []
    gold_for_sentence = {}
    for source_file, quote in sentences:
        found = [gold for gold in gold_entries if gold["source_file"] == source_file and gold["quote_contains"] in quote]
        if found:
            gold_for_sentence[(source_file, quote)] = found[0]
        else:
            misses.append(f"not a gold claim: {source_file[:3]} “{quote[:90]}”")
    found_gold, topic_ok, figure_total, figure_ok, attribution_total, attribution_ok = 0, 0, 0, 0, 0, 0
    for gold in gold_entries:
        mine = [claim for claim in claims if _matches(gold, claim)]
        label = f"{gold['source_file'][:3]} “{gold['quote_contains']}”"
        if not mine:
            misses.append(f"missed: {label} (expected in {gold['topics'][0]})")
            if "value" in gold:
                figure_total += 1
            continue
        found_gold += 1
        if any(claim.topic in gold["topics"] for claim in mine):
            topic_ok += 1
        else:
            misses.append(f"wrong topic: {label} in {sorted({c.topic for c in mine})}, expected {gold['topics']}")
        if "value" in gold:
            figure_total += 1
            expected = (float(gold["value"]), gold["unit"], gold["qualifier"])
            if any((claim.value, claim.unit, claim.qualifier) == expected for claim in mine):
                figure_ok += 1
            else:
                got = sorted({(claim.value, claim.unit, claim.qualifier) for claim in mine}, key=str)
                misses.append(f"wrong figure: {label} got {got}, expected {expected}")
        if "attributed_contains" in gold:
            attribution_total += 1
            want = gold["attributed_contains"]
            claim = mine[0]
            ok = is_own_reporting(claim) if want == "own" else want.lower() in claim.attributed_to.lower()
            attribution_ok += ok
            if not ok:
                misses.append(f"wrong speaker: {label} credited to '{claim.attributed_to}', expected '{want}'")
    purity_hits, purity_total = 0, 0
    for topic in claimset.topics:
        accepted = [
            set(gold_for_sentence[(claim.source_file, claim.quote)]["topics"])
            for claim in topic.claims
            if (claim.source_file, claim.quote) in gold_for_sentence
        ]
        if not accepted:
            continue
        counts = Counter(label for labels in accepted for label in labels)
        purity_hits += counts.most_common(1)[0][1]
        purity_total += len(accepted)
    figures = {
        "extracted_sentences": len(sentences),
        "gold_claims": len(gold_entries),
        "precision": len(gold_for_sentence) / len(sentences) if sentences else 0.0,
        "recall": found_gold / len(gold_entries) if gold_entries else 0.0,
        "topic_accuracy": topic_ok / found_gold if found_gold else 0.0,
        "purity": purity_hits / purity_total if purity_total else 0.0,
        "figures": figure_ok / figure_total if figure_total else 0.0,
        "attribution": attribution_ok / attribution_total if attribution_total else 0.0,
    }
    return figures, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="data folder (default: a throwaway copy of the bundled corpus)")
    parser.add_argument("--gold", default=str(GOLD))
    add_floor_options(parser, "claims")
    args = parser.parse_args(argv)
    gold_entries = json.loads(Path(args.gold).read_text(encoding="utf-8"))["claims"]
    with tempfile.TemporaryDirectory() as folder:
        data_dir = args.data
        if data_dir is None:
            shutil.copytree(REPO_ROOT / "data" / "articles", Path(folder) / "articles")
            data_dir = folder
        corpus = load_corpus(load_settings(data_dir))
        embedder = embedder_for(corpus.settings)
        started = time.perf_counter()
        embedder.model  # load once, timed apart from claim extraction
        load = time.perf_counter() - started
        started = time.perf_counter()
        article_vectors(corpus.store, corpus.articles, embedder)
        embed = time.perf_counter() - started
        started = time.perf_counter()
        claimset = build_claims(corpus, embedder)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        build_claims(corpus, embedder)
        warm = time.perf_counter() - started
    figures, misses = evaluate(claimset, gold_entries)
    for miss in misses:
        print(f"  - {miss}")
    print(
        f"claims: {figures['extracted_sentences']} sentences extracted, {figures['gold_claims']} gold; "
        f"{len(claimset.topics)} topics"
    )
    for name in ("precision", "recall", "topic_accuracy", "purity", "figures", "attribution"):
        print(f"{name:>15}: {figures[name]:.3f}")
    print(
        f"{'timings':>15}: model load {load:.1f}s, sentence embeddings {embed:.1f}s (shared with search), "
        f"claims {cold:.2f}s, claims from the store cache {warm * 1000:.0f} ms"
    )
    return below_floors(figures, args, "claims")


if __name__ == "__main__":
    sys.exit(main())
