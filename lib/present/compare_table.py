"""The side-by-side table: one column per source, cells, overview rows and CSV."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable

from lib.claims.status import NO_MATCH, figure_phrase, report_span
from lib.claims.topics import Topic
from lib.core.models import Article, Claim, PublishedDate
from lib.present.words import outlet_name

NOT_MENTIONED = "— not mentioned"



@dataclass(frozen=True)
class Column:
    """One column of the side-by-side view: an outlet, or one article when an outlet has several."""

    key: str  # source_file of the article shown in the column
    label: str
    outlet: str
    source_file: str
    published: PublishedDate



# --------------------------------------------------------------------------- the side-by-side table


def comparison_columns(articles: Iterable[Article]) -> list[Column]:
    """One column per outlet; an outlet with several articles gets one column per article.

    Columns are ordered by report date (unknown last), so reading left to right follows time.
    """
    articles = list(articles)
    per_outlet: dict[str, int] = {}
    for article in articles:
        per_outlet[article.outlet] = per_outlet.get(article.outlet, 0) + 1
    ordered = sorted(
        articles, key=lambda a: ((report_span(a.published) or (date.max, date.max))[0], a.outlet, a.source_file)
    )
    columns = []
    for article in ordered:
        label = outlet_name(article.outlet)  # as a reader says it
        if per_outlet[article.outlet] > 1:
            label = f"{label} · {article.published.plain_label()}"
        columns.append(Column(article.source_file, label, article.outlet, article.source_file, article.published))
    seen: dict[str, int] = {}
    for position, column in enumerate(columns):  # same outlet, same day: number the reports
        seen[column.label] = seen.get(column.label, 0) + 1
        if seen[column.label] > 1:
            columns[position] = replace(column, label=f"{column.label} ({seen[column.label]})")
    return columns



def cells_for(topic: Topic, columns: list[Column]) -> dict[str, tuple[Claim, ...]]:
    """Claims of `topic` per column key; an empty tuple means the source does not mention it."""
    by_source: dict[str, list[Claim]] = {}
    for claim in topic.claims:  # one pass, not one scan of the claims per column
        by_source.setdefault(claim.source_file, []).append(claim)
    return {column.key: tuple(by_source.get(column.source_file, ())) for column in columns}



STATUS_WORDS = {
    "agree": "sources agree",
    "disagree": "sources disagree",
    "evolving": "figure changed over time",
    "single-source": "only one source",
    "no figures": "no figures to compare",
    NO_MATCH: "no source matches",
}



def topics_overview(topics: Iterable[Topic]) -> list[dict]:
    """One line per topic for an at-a-glance table: label, verdict in words, how many sources and claims."""
    return [
        {
            "Topic": topic.label,
            "Verdict": STATUS_WORDS.get(topic.status, topic.status),
            "Compares": topic.compared if topic.counted else "statements only",
            "Sources": len(topic.sources),
            "Claims": len(topic.claims),
            "Figures": ", ".join(sorted({figure_phrase(claim) for claim in topic.figures})) or "—",
        }
        for topic in topics
    ]


# Rows a reader looks for first: figures the sources agree or argue about, then a figure only
# one source gives, then statements without figures.
_STATUS_RANK = {"disagree": 0, "evolving": 0, "agree": 0, "single-source": 1, "no figures": 2}


def reading_order(topics: Iterable[Topic]) -> list[Topic]:
    """The topics as the Compare page lists them: rows that compare figures, then single-source
    figures, then statements; within each group hand-written seeds first (in their file's order),
    then the rest with more sources first; ties keep the given order."""
    return sorted(
        topics,
        key=lambda topic: (_STATUS_RANK.get(topic.status, 3), not topic.seeded, 0 if topic.seeded else -len(topic.sources)),
    )
