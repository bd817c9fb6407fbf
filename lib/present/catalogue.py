"""A collection's catalogue in plain words: the sidebar's summary and the Articles list,
from the store's catalogue rows and aggregates (no article body is loaded)."""

from __future__ import annotations

from lib.core.models import CatalogueSummary
from lib.present.overview import CorpusSummary
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
