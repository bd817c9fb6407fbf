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


def articles_table(articles: list[Article]):
    """One row per article for the Articles page and CSV export (pandas DataFrame)."""
    import pandas as pd

    rows = [
        {
            "Title": article.title,
            "Outlet": article.outlet,
            "Published": article.published.label(),
            "Date clue": article.published.clue,
            "Language": article.language,
            "Sentences": len(article.sentences),
            "Removed blocks": len(article.removed),
            "File": article.source_file,
            "sort_key": article.published.earliest or article.published.date or "9999",
        }
        for article in articles
    ]
    frame = pd.DataFrame(rows, columns=["Title", "Outlet", "Published", "Date clue", "Language", "Sentences", "Removed blocks", "File", "sort_key"])
    return frame.sort_values(["sort_key", "File"]).drop(columns="sort_key").reset_index(drop=True)


def removed_table(article: Article):
    """What was removed from one page, in page order, with the reason."""
    import pandas as pd

    return pd.DataFrame(
        [{"Kind": block.kind, "Why": block.reason, "Text": block.text} for block in article.removed],
        columns=["Kind", "Why", "Text"],
    )
