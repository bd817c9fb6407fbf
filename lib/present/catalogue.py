"""A collection's catalogue in plain words: the sidebar's summary, the Articles list and the
Search page's overview, from the store's catalogue rows and aggregates (no article body is
loaded, and the overview reads no list of every row)."""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.models import CatalogueEntry, CatalogueSummary
from lib.core.store import OVERVIEW_CACHE, ArticleStore, keep_derived
from lib.present.overview import CorpusSummary, Glance, glance_of
from lib.present.words import date_words, language_list


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def summary_words(summary: CatalogueSummary) -> CorpusSummary:
    """The same CorpusSummary `lib.present.overview.corpus_summary` makes from loaded articles,
    from the catalogue's aggregates (a test holds the two equal on the bundled story)."""
    outlets = tuple(name for name, _count in summary.outlet_counts)
    languages = tuple(name for name, _count in summary.language_counts)
    if summary.first is not None and summary.last is not None:
        start, end = date_words(summary.first), date_words(summary.last)
        date_range = start if start == end else f"{start} to {end}"
        notes = []
        if summary.loose_count:
            notes.append(f"{summary.loose_count} more dated only loosely")
        if summary.undated_count:
            notes.append(f"{summary.undated_count} with no date")
        if notes:
            date_range += f" ({', '.join(notes)})"
    else:
        date_range = "no dates known"
    if summary.article_count:
        in_languages = language_list(languages)
        description = f"{_plural(summary.article_count, 'article')} from {_plural(len(outlets), 'outlet')}" + (
            f", in {in_languages}." if in_languages else "."
        )
    else:
        description = "No articles yet: add some on the Articles page."
    return CorpusSummary(summary.article_count, len(outlets), outlets, languages, date_range, description)


@dataclass(frozen=True)
class CatalogueOverview:
    """What the Search page's overview and filters need of a collection, without its 100k rows:
    the aggregates (`summary`), the earliest and latest closely dated articles (`first`, `last`: as
    the summary picks them), and the days every dated article falls within (`date_span`: the least
    start and greatest end of `lib.search.hybrid.published_interval` over every article; None when
    no article is dated)."""

    summary: CatalogueSummary
    first: CatalogueEntry | None
    last: CatalogueEntry | None
    date_span: tuple[str, str] | None


def catalogue_overview(store: ArticleStore) -> CatalogueOverview:
    """The overview of the store's current articles and inferred dates, by SQL aggregates; what is not
    the summary (two article ids, the span) is kept in the store's derived cache for exactly these
    contents, so a new process reads a few rows (the summary, the two entries) and scans nothing."""
    from lib.search.hybrid import published_interval

    key = f"{store.fingerprint()}:{store.inferred_dates_fingerprint()}"
    summary = store.catalogue_summary()
    kept = store.get_cache(OVERVIEW_CACHE, key)
    if isinstance(kept, dict) and {"first", "last", "span"} <= kept.keys():
        ids = [kept["first"], kept["last"]]
        found = {entry.article_id: entry for entry in store.catalogue_entries([i for i in ids if i])}
        if all(found.get(i) for i in ids if i):  # else written for other contents under a clashing key: compute
            span = tuple(kept["span"]) if kept["span"] else None
            return CatalogueOverview(summary, found.get(ids[0]), found.get(ids[1]), span)
    first, last = store.catalogue_ends()
    intervals = [interval for interval in map(published_interval, store.catalogue_dates()) if interval]
    span = (min(start for start, _ in intervals), max(end for _, end in intervals)) if intervals else None
    keep_derived(store, OVERVIEW_CACHE, key, {"first": first and first.article_id, "last": last and last.article_id,
                                              "span": list(span) if span else None})
    return CatalogueOverview(summary, first, last, span)


def overview_glance(overview: CatalogueOverview, max_outlets: int = 3) -> Glance:
    """The same Glance `lib.present.overview.story_at_a_glance` makes from every article, from the
    overview (a test holds the two equal on the bundled story)."""
    return glance_of(summary_words(overview.summary), overview.first, overview.last, max_outlets)
