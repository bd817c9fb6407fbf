"""A plain-words summary of a collection (for the sidebar and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.models import Article


@dataclass(frozen=True)
class CorpusSummary:
    article_count: int
    outlet_count: int
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    date_range: str
    description: str


def corpus_summary(articles: list[Article]) -> CorpusSummary:
    """Counts, outlets and the publication-date range, saying how many dates are inferred."""
    outlets = tuple(sorted({article.outlet for article in articles}))
    languages = tuple(sorted({article.language for article in articles}))
    dated = [a for a in articles if a.published.date]
    if dated:
        first = min(dated, key=lambda a: a.published.earliest or a.published.date)
        last = max(dated, key=lambda a: a.published.latest or a.published.date)
        date_range = f"{first.published.label()} to {last.published.label()}"
        undated = len(articles) - len(dated)
        inferred = sum(1 for a in dated if not a.published.stated)
        notes = [f"{inferred} inferred"] if inferred else []
        if undated:
            notes.append(f"{undated} unknown")
        if notes:
            date_range += f" ({', '.join(notes)})"
    else:
        date_range = "no dates known"
    description = (
        f"{len(articles)} articles from {len(outlets)} outlets"
        f" in {', '.join(languages) or 'no language yet'}."
        if articles
        else "No articles yet: add some on the Articles page."
    )
    return CorpusSummary(len(articles), len(outlets), outlets, languages, date_range, description)
