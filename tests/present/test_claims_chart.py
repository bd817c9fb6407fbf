"""The per-topic figure chart: one point per dated figure, outlet colours, escaped hover text."""

from __future__ import annotations

from lib.claims.topics import build_topic
from lib.core.models import Claim, PublishedDate
from lib.present.claims_chart import chart_points, claims_figure
from lib.present.palette import outlet_colors


def _claim(source, outlet, value, published, quote="", qualifier=None, value_high=None) -> Claim:
    return Claim(
        topic="t", source_file=source, article_id=source, quote=quote or f"{value} troops", sentence_index=0,
        attributed_to=outlet, value=value, value_high=value_high, unit="troops" if value is not None else None,
        qualifier=qualifier, reported_on=published, hedged=False, outlet=outlet,
    )


DAY = PublishedDate("2024-11-16", "day", True, "Nov 16 2024", "2024-11-16", "2024-11-16")
MONTH = PublishedDate("2024-10", "month", True, "Oct 2024", "2024-10-01", "2024-10-31")


def _topic(*claims):
    return build_topic("troops-sent", "Troops sent", "troops", True, claims)


def test_each_dated_figure_is_one_marker_in_its_outlets_colour():
    topic = _topic(_claim("a.txt", "Kyodo", 3000, MONTH), _claim("b.txt", "AP", 12000, DAY, qualifier="up to"))
    figure = claims_figure(topic)
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    assert sorted(trace.y[0] for trace in markers) == [3000, 12000]
    colours = outlet_colors(["Kyodo", "AP"])
    assert {trace.name: trace.marker.color for trace in markers} == colours
    assert {trace.name: trace.marker.symbol for trace in markers}["AP"] == "triangle-down"


def test_a_month_precise_report_is_drawn_as_a_span_over_the_month():
    figure = claims_figure(_topic(_claim("a.txt", "Kyodo", 3000, MONTH), _claim("b.txt", "AP", 12000, DAY)))
    spans = [trace for trace in figure.data if trace.mode == "lines"]
    assert len(spans) == 1
    assert str(spans[0].x[0]).startswith("2024-10-01") and str(spans[0].x[1]).startswith("2024-11-01")


def test_a_range_is_drawn_as_a_vertical_bar():
    figure = claims_figure(_topic(_claim("a.txt", "Kyodo", 10000, DAY, value_high=12000)))
    (marker,) = [trace for trace in figure.data if trace.mode == "markers"]
    assert list(marker.error_y.array) == [2000]


def test_hover_text_escapes_article_html():
    quote = 'Officials said <script>alert("x")</script> 12,000 troops & more'
    figure = claims_figure(_topic(_claim("a.txt", "Kyodo <b>", 12000, DAY, quote=quote)))
    (marker,) = [trace for trace in figure.data if trace.mode == "markers"]
    hover = marker.customdata[0]
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    assert "Kyodo &lt;b&gt;" in hover and "&amp; more" in hover


def test_undated_figures_are_left_off_the_chart_and_reported():
    undated = _claim("c.txt", "AFP", 11000, PublishedDate.unknown())
    plotted, left_out = chart_points(_topic(undated, _claim("b.txt", "AP", 12000, DAY)))
    assert [point.claim.outlet for point in plotted] == ["AP"]
    assert left_out == [undated]


def test_a_topic_without_dated_figures_has_no_chart():
    assert claims_figure(_topic(_claim("c.txt", "AFP", None, DAY))) is None
    assert claims_figure(_topic(_claim("c.txt", "AFP", 11000, PublishedDate.unknown()))) is None


def test_vague_amounts_are_listed_instead_of_plotted_at_an_invented_value():
    thousands = _claim("b.txt", "AP", 1000, DAY, quote="the deployment of thousands of troops", qualifier="thousands")
    plotted, left_out = chart_points(_topic(thousands, _claim("a.txt", "Kyodo", 12000, DAY, qualifier="around")))
    assert [point.claim.outlet for point in plotted] == ["Kyodo"]
    assert left_out == [thousands]


def test_an_outlet_keeps_the_collection_colour_on_every_row():
    topic = _topic(_claim("a.txt", "Kyodo", 3000, MONTH), _claim("b.txt", "AP", 12000, DAY))
    outlets = ["AP", "Kyodo"]
    collection = outlet_colors([*outlets, "AAA first outlet of the collection"])
    figure = claims_figure(topic, collection)
    colours = {trace.name: trace.marker.color for trace in figure.data if trace.name in outlets}
    assert colours and all(colours[name] == collection[name] for name in colours)
    assert colours != {name: outlet_colors(outlets)[name] for name in colours}, "the collection's colours, not the row's"
