"""The side-by-side table: one column per source, cells, overview rows and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from lib.claims.status import NO_MATCH, figure_phrase, report_span
from lib.claims.topics import Topic
from lib.core.models import Article, Claim, PublishedDate

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
        label = article.outlet
        if per_outlet[article.outlet] > 1:
            label = f"{article.outlet} · {article.published.label()} · {article.source_file}"
        columns.append(Column(article.source_file, label, article.outlet, article.source_file, article.published))
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
    "evolving": "figure grew over time",
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
            "Sources": len(topic.sources),
            "Claims": len(topic.claims),
            "Figures": ", ".join(sorted({figure_phrase(claim) for claim in topic.figures})) or "—",
        }
        for topic in topics
    ]



CSV_FIELDS = (
    "topic", "topic_label", "status", "rule", "column", "outlet", "source_file", "reported_on", "date_precision",
    "attributed_to", "quote", "sentence_index", "figure", "value", "value_high", "unit", "qualifier", "hedged",
)



def comparison_csv(topics: Iterable[Topic], columns: list[Column]) -> str:
    """The side-by-side view as CSV: one row per topic x source; silent sources say so explicitly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for topic in topics:
        cells = cells_for(topic, columns)
        for column in columns:
            base = {
                "topic": topic.topic_id,
                "topic_label": topic.label,
                "status": topic.status,
                "rule": topic.rule,
                "column": column.label,
                "outlet": column.outlet,
                "source_file": column.source_file,
                "reported_on": column.published.label(),
                "date_precision": column.published.precision,
            }
            if not cells[column.key]:
                writer.writerow({**base, "quote": NOT_MENTIONED})
                continue
            for claim in cells[column.key]:
                writer.writerow(
                    {
                        **base,
                        "attributed_to": claim.attributed_to,
                        "quote": claim.quote,
                        "sentence_index": claim.sentence_index,
                        "figure": figure_phrase(claim) if claim.value is not None else "",
                        "value": "" if claim.value is None else claim.value,
                        "value_high": "" if claim.value_high is None else claim.value_high,
                        "unit": claim.unit or "",
                        "qualifier": claim.qualifier or "",
                        "hedged": claim.hedged,
                    }
                )
    return buffer.getvalue()
