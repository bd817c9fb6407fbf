"""What dating one added article costs at 10k and 100k articles, now that the whole date inference keeps
its evidence and `update_inferred_dates` dates the added article alone against it.

    .venv/bin/python -m bench.dates_update                 # 10k and 100k, SQLite (~25 min, most of it the fill)
    .venv/bin/python -m bench.dates_update --sizes 2000    # a quick look
    .venv/bin/python -m bench.dates_update --keep /tmp/dates-stores   # keep the filled stores (reused when present)

Stores are filled as `bench.catalogue` fills them (600 synthetic articles through the real pipeline,
the rest clones with a unique body, about two thirds without a printed date). Each measurement runs
in its own process:

- `whole`: what the whole inference keeps beside its dates, on the stored articles: every record
  decoded (`articles()`), the collection's evidence (`collection_evidence`: anchors, figures, names),
  the kept payloads (`keep_evidence`), stored in one transaction with stand-in dates for the undated
  pages (the whole inference's dating itself takes about 10 minutes at 100k and is not what is measured);
- `add_1..3`: a fresh process opens the store, puts one new synthetic article (a page not cloned
  from the others, built by the pipeline; not timed), and times `update_inferred_dates` (reading the
  kept evidence, the added article, dating it, writing its date and evidence); three additions in
  turn, each extending the one before. The third process then adds one more and times it again: the
  base evidence is read once per process, so this is what a running app pays for each addition.
"""

from __future__ import annotations

import os
import random
import sys
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

from bench.catalogue import stage_fill
from bench.scale import _peak_rss_mb
from bench.stage_process import answered_stage, run_every_stage, staged_bench_arguments


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return load_settings(data_dir)


def stage_whole(size: int, data_dir: Path) -> dict:
    """The evidence of every stored article kept as the whole inference keeps it, with stand-in dates."""
    from lib.core.models import PublishedDate
    from lib.ingest.corpus import open_store
    from lib.ingest.inferred_dates_state import EVIDENCE_CACHE, keep_evidence
    from lib.ingest.pubdate_inference import collection_evidence

    store = open_store(_settings(data_dir))
    sequence, fingerprint = store.write_sequence(), store.fingerprint()
    started = time.perf_counter()
    articles = store.articles()
    result: dict = {"articles_decode_s": time.perf_counter() - started}
    tick = time.perf_counter()
    evidence = collection_evidence(articles)
    result["evidence_s"] = time.perf_counter() - tick
    guess = PublishedDate("2024-06", "month", False, "inferred (bench stand-in)", "2024-06-01", "2024-06-30")
    undated = [article.article_id for article in articles if article.published.precision == "unknown"]
    tick = time.perf_counter()
    with store.transaction():
        store.put_inferred_dates(fingerprint, dict.fromkeys(undated, guess))
        keep_evidence(store, fingerprint, sequence, articles, evidence)
    result["store_dates_and_keep_s"] = time.perf_counter() - tick
    with store.reading() as connection:
        (payload_chars,) = connection.execute("SELECT length(payload) FROM cache WHERE name = ?", (EVIDENCE_CACHE,)).fetchone()
        (clue_chars,) = connection.execute("SELECT coalesce(sum(length(payload)), 0) FROM cache WHERE name LIKE 'inferred_dates_clues/%'").fetchone()
    result.update(
        anchors=len(evidence.anchors.anchors), undated=len(undated), evidence_mb=payload_chars / 1048576,
        clue_chunks_mb=clue_chars / 1048576, peak_rss_mb=_peak_rss_mb(),
    )
    return result


def _put_new_article(store, settings, turn: int):
    """A new synthetic page (not a clone), without a printed date, put in the store; returns it."""
    from lib.core.models import PublishedDate
    from lib.ingest.pipeline import build_article, pipeline_fingerprint
    from tests.support.synthetic import synthetic_article

    index = 900_000 + store.count()  # a page no earlier run added (stores kept with --keep are reused)
    article = build_article(f"added-{index}.txt", synthetic_article(index), settings)
    if article.published.precision != "unknown":  # an added page that prints no date: the case the inference is for
        article = replace(article, published=PublishedDate.unknown())
    rng = random.Random(turn)
    store.put_article(article, "upload", f"uploads/{article.source_file}", pipeline_fingerprint(),
                      [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)])
    return article


def stage_add(size: int, data_dir: Path, turn: int) -> dict:
    """One new article put, then `update_inferred_dates` timed (fresh process); on the last turn, a
    second article put and dated in the same process (the base evidence already read: the app's case)."""
    from lib.ingest.corpus import open_store, update_inferred_dates

    settings = _settings(data_dir)
    started = time.perf_counter()
    store = open_store(settings)
    result: dict = {"open_s": time.perf_counter() - started}
    article = _put_new_article(store, settings, turn)
    tick, cpu = time.perf_counter(), time.process_time()
    extended = update_inferred_dates(store)
    result["update_s"] = time.perf_counter() - tick
    result["update_cpu_s"] = time.process_time() - cpu  # this process's CPU: what the machine's load does not inflate
    (entry,) = store.catalogue_entries([article.article_id])
    result.update(extended=extended, dates_current=store.inferred_dates_fingerprint() == store.fingerprint(),
                  added_dated=entry.published.precision)
    if turn == 3:
        _put_new_article(store, settings, turn + 1)
        tick, cpu = time.perf_counter(), time.process_time()
        result["next_in_process_extended"] = update_inferred_dates(store)
        result["next_in_process_update_s"] = time.perf_counter() - tick
        result["next_in_process_cpu_s"] = time.process_time() - cpu
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


STAGES = {"fill": partial(stage_fill, backend="sqlite"), "whole": stage_whole,
          **{f"add_{turn}": partial(stage_add, turn=turn) for turn in (1, 2, 3)}}


def main(argv=None) -> int:
    parser = staged_bench_arguments(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens inferred-dates update bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, sqlite)")
    titles = {
        "fill": "bulk fill (600 pipeline articles, the rest clones), 1,000 articles a transaction",
        "whole": "the whole inference's kept evidence: records decoded, evidence built, kept with stand-in dates",
        **{f"add_{turn}": f"addition {turn}: one new undated article put, then update_inferred_dates (fresh process)"
           + ("; then one more in the same process" if turn == 3 else "") for turn in (1, 2, 3)},
    }
    run_every_stage("bench.dates_update", STAGES, titles, args, "storylens-dates-update-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
