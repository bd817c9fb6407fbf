"""Search on coverage-dev: is a primary page among the first five articles, per story, style and model?

    .venv/bin/python -m eval.eval_coverage_search                       # the configured model (STORYLENS_MODEL)
    .venv/bin/python -m eval.eval_coverage_search --model multilingual-e5-small
    .venv/bin/python -m eval.eval_coverage_search --ci                  # floors from eval/floors.json [coverage_search]
    .venv/bin/python -m eval.eval_coverage_search --model multilingual-e5-small --ci   # [coverage_search:multilingual-e5-small]

Each story's pages are loaded into a throwaway collection, as a user would load
them; each gold question is asked with `search_by_article` (the Articles view);
a question is answered when one of its `primary` pages is in the top five.
Tuned stories and the held-out one (myanmar-quake) are printed apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml

from eval.eval_coverage_views import BENCH, HELD_OUT, TUNED, load_story
from eval.floors import add_floor_options, below_floors
from lib.search.hybrid import build_search_index, search_by_article
from lib.text.embed import get_embedder

TOP = 5


def score_story(story: str, folder: Path, model: str | None) -> list[dict]:
    """One row per gold question: its style and whether a primary page made the top five."""
    corpus = load_story(story, BENCH, folder)
    settings = replace(corpus.settings, model_name=model) if model else corpus.settings
    embedder = get_embedder(settings.model_name, settings.embed_batch_size)
    index = build_search_index(corpus, embedder)
    gold = yaml.safe_load((BENCH / story / "gold.yaml").read_text(encoding="utf-8"))
    rows = []
    for query in gold["queries"]:
        matches = search_by_article(index, query["q"], embedder, k=TOP)
        found = [Path(match.source_file).stem for match in matches]
        hit = any(page in found for page in query["primary"])
        rows.append({"story": story, "id": query["id"], "style": query["style"], "hit": hit, "found": found, "q": query["q"]})
    return rows


def share(rows: list[dict]) -> float:
    return sum(row["hit"] for row in rows) / len(rows) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="embedding model (default: the configured one)")
    parser.add_argument("--misses", action="store_true", help="print each question the search missed (tuned stories only)")
    add_floor_options(parser, "coverage_search")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storylens-coverage-search-") as folder:
        rows = {story: score_story(story, Path(folder), args.model) for story in (*TUNED, *HELD_OUT)}
    print(f"model: {args.model or 'configured default'}; a primary page in the top {TOP} articles")
    for story, story_rows in rows.items():
        part = "held out" if story in HELD_OUT else "tuned"
        cross = [row for row in story_rows if row["style"] == "cross_lingual"]
        print(f"  {story:14s} ({part:8s}) {sum(r['hit'] for r in story_rows):2d}/{len(story_rows):<2d}"
              f"  cross-lingual {sum(r['hit'] for r in cross)}/{len(cross)}")
        if args.misses and part == "tuned":
            for row in story_rows:
                if not row["hit"]:
                    print(f"      MISS {row['id']} [{row['style']}] {row['q']!r} -> {row['found']}")
    every = [row for story_rows in rows.values() for row in story_rows]
    tuned = [row for story in TUNED for row in rows[story]]
    held_out = [row for story in HELD_OUT for row in rows[story]]
    cross = [row for row in every if row["style"] == "cross_lingual"]
    print(f"all {share(every):.3f} ({sum(r['hit'] for r in every)}/{len(every)}); tuned {share(tuned):.3f}; "
          f"held out {share(held_out):.3f}; cross-lingual {share(cross):.3f} ({sum(r['hit'] for r in cross)}/{len(cross)})")
    section = f"coverage_search:{args.model}" if args.model else "coverage_search"
    return below_floors({"all": share(every), "cross_lingual": share(cross)}, args, section)


if __name__ == "__main__":
    sys.exit(main())
