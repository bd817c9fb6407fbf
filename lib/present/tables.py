"""The one place records become tables: DataFrames for the pages and the CSV people download."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from lib.claims.status import figure_phrase
from lib.claims.topics import Topic
from lib.core.models import Article, Event
from lib.present.compare_table import NOT_MENTIONED, Column, cells_for
from lib.present.timeline_chart import event_date_label, event_date_words, outlets_of
from lib.present.words import outlet_name


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


def catalogue_table(entries):
    """One row per catalogue entry (`lib.core.models.CatalogueEntry`), the columns of
    `articles_table`, in the order given (the catalogue's key order)."""
    import pandas as pd

    rows = [
        {
            "Title": entry.title,
            "Outlet": entry.outlet,
            "Published": entry.published.label(),
            "Date clue": entry.published.clue,
            "Language": entry.language,
            "Sentences": entry.sentence_count,
            "Removed blocks": entry.removed_count,
            "File": entry.source_file,
        }
        for entry in entries
    ]
    return pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)


CATALOGUE_COLUMNS = ["Title", "Outlet", "Published", "Date clue", "Language", "Sentences", "Removed blocks", "File"]


def by_publication_date(entries) -> list:
    """Catalogue entries ordered as `articles_table` orders its rows: publication date, then file."""
    return sorted(entries, key=lambda entry: (entry.published.earliest or entry.published.date or "9999", entry.source_file))


def catalogue_csv(pages) -> bytes:
    """The CSV of every entry `pages` (an iterable of entry lists) yields, in `articles_table`'s
    columns and order: the old list's CSV for the same articles."""
    return csv_bytes(catalogue_table(by_publication_date(entry for page in pages for entry in page)))


def removed_table(article: Article):
    """What was removed from one page, in page order, with the reason."""
    import pandas as pd

    return pd.DataFrame(
        [{"Kind": block.kind, "Why": block.reason, "Text": block.text} for block in article.removed],
        columns=["Kind", "Why", "Text"],
    )


def passages_table(results, view: str):
    """One row per search passage (also in the Articles view), with its source."""
    import pandas as pd

    passages = [p for match in results for p in match.passages] if view == "Articles" else list(results)
    rows = []
    for rank, passage in enumerate(passages, start=1):
        hit = passage.hit
        rows.append(
            {
                "rank": rank,
                "sentence": hit.sentence,
                "context": hit.context,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published.label(),
                "published_date": hit.published.date,
                "date_precision": hit.published.precision,
                "date_stated": hit.published.stated,
                "source_file": hit.source_file,
                "sentence_index": hit.sentence_index,
                "matched_by": hit.matched_by,
                "language": hit.language,
                "score": round(hit.score, 6),
                "similarity": None if passage.similarity is None else round(passage.similarity, 4),
            }
        )
    return pd.DataFrame(rows)


def events_table(events: Iterable[Event]):
    """One row per event for the table and CSV: date with precision, summary, sources and quotes."""
    import pandas as pd

    rows = []
    for event in events:
        rows.append(
            {
                "date": event_date_label(event),
                "when": event_date_words(event),
                "start": event.start,
                "end": event.end,
                "precision": event.precision,
                "summary": event.summary,
                "sources": len(event.sources),
                "outlets": "; ".join(outlets_of(event)),
                "reported": "; ".join(source.published.label() for source in event.sources),
                "reported_on": "; ".join(source.published.plain_label() for source in event.sources),
                "outlet_names": "; ".join(dict.fromkeys(outlet_name(source.outlet) for source in event.sources)),
                "quotes": " | ".join(source.quote for source in event.sources),
                "source_files": "; ".join(f"{source.source_file}#{source.sentence_index}" for source in event.sources),
                "clue": event.clue,
                "background": event.is_context,
                "event_id": event.event_id,
            }
        )
    columns = ["date", "start", "end", "precision", "summary", "sources", "outlets", "reported", "quotes",
               "source_files", "clue", "background", "event_id", "when", "outlet_names", "reported_on"]
    return pd.DataFrame(rows, columns=columns)


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


def csv_bytes(frame) -> bytes:
    """A table as the UTF-8 CSV file people download."""
    return frame.to_csv(index=False).encode("utf-8")
