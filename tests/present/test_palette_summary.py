"""Outlet colours are stable and distinct; the collection summary says how sure its dates are."""

from lib.core.models import PublishedDate, format_date_label
from lib.present.overview import corpus_summary
from lib.present.palette import PALETTE, outlet_color, outlet_colors
from lib.present.tables import articles_table


def test_outlet_colours_are_stable_and_distinct():
    outlets = ["Japan Today (Kyodo)", "Business Standard (AP)", "Daily8 (NHK)", "AFP (site not named)", "Kyodo (site not named)"]
    first, second = outlet_colors(outlets), outlet_colors(list(reversed(outlets)))
    assert first == second
    assert len(set(first.values())) == len(outlets)
    assert outlet_color("Japan Today (Kyodo)") in PALETTE


def test_date_labels_always_show_precision():
    assert format_date_label("2024-06-19", "day") == "19 Jun 2024 (day)"
    assert format_date_label("2024-10", "month") == "Oct 2024 (month)"
    assert format_date_label("2025", "year", stated=False) == "2025 (year, inferred)"
    assert format_date_label(None, "unknown") == "date unknown"
    assert PublishedDate.unknown().label() == "date unknown"


def test_summary_counts_articles_outlets_and_inferred_dates(corpus):
    summary = corpus_summary(corpus.articles)
    assert summary.article_count == 5
    assert summary.outlet_count == len({a.outlet for a in corpus.articles})
    assert "2024" in summary.date_range
    assert summary.description.startswith("5 articles")


def test_empty_collection_says_how_to_add():
    summary = corpus_summary([])
    assert summary.article_count == 0
    assert "add" in summary.description.lower()


def test_articles_table_is_sorted_by_publication(corpus):
    table = articles_table(corpus.articles)
    assert list(table.columns)[:3] == ["Title", "Outlet", "Published"]
    stated = [row for row in table["Published"] if "inferred" not in row and "unknown" not in row]
    assert stated == ["20 Jun 2024 (day)", "26 Oct 2024 (day)", "16 Nov 2024 (day)"]
