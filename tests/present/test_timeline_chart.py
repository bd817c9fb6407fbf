"""The timeline figure, built without streamlit: story window by default, spans for uncertain dates, escaped hover."""

import pytest

from lib.core.models import Event, PublishedDate, SourceRef
from lib.present.palette import outlet_colors
from lib.present.tables import events_table
from lib.present.timeline_chart import (
    axis_range,
    event_date_label,
    event_date_words,
    hover_text,
    is_loose,
    timeline_figure,
)

REPORTED = PublishedDate(date="2024-11-16", precision="day", stated=True, clue="First Published: Nov 16 2024",
                         earliest="2024-11-16", latest="2024-11-16")


def make_event(event_id, start, end, precision, quote="Officials said troops arrived.", outlet="Wire A", is_context=False):
    source = SourceRef(source_file="a.txt", article_id="a" * 64, quote=quote, sentence_index=0, outlet=outlet,
                       title="A report", published=REPORTED)
    return Event(event_id=event_id, start=start, end=end, precision=precision, clue="on Saturday",
                 summary=quote[:40], sources=(source,), is_context=is_context)


@pytest.fixture
def mixed_events():
    return [
        make_event("day", "2024-11-16", "2024-11-16", "day"),
        make_event("week", "2024-11-04", "2024-11-10", "week", outlet="Wire B"),
        make_event("month", "2024-06-01", "2024-06-30", "month"),
        make_event("war", "2022-02-01", "2022-02-28", "month", is_context=True),
    ]


def traces_by_event(figure):
    return {trace.customdata[0]: trace for trace in figure.data}


def test_the_axis_starts_in_the_story_window_by_default(mixed_events):
    figure = timeline_figure(mixed_events, story_start="2024-06-01")
    assert figure.layout.xaxis.range[0] >= "2024-06-01"
    assert "war" not in traces_by_event(figure)


def test_background_events_and_an_earlier_axis_appear_when_asked(mixed_events):
    figure = timeline_figure(mixed_events, story_start="2024-06-01", show_context=True)
    assert figure.layout.xaxis.range[0] < "2022-02-01"
    assert "war" in traces_by_event(figure)


def test_a_day_is_a_marker_and_an_uncertain_date_is_a_span(mixed_events):
    traces = traces_by_event(timeline_figure(mixed_events))
    assert traces["day"].mode == "markers" and list(traces["day"].x) == ["2024-11-16"]
    for span in ("week", "month"):
        assert "lines" in traces[span].mode
        assert traces[span].x[0] < traces[span].x[-1]
    assert list(traces["week"].x)[::2] == ["2024-11-04", "2024-11-11"]  # the whole week, end inclusive


def test_hover_text_shows_the_escaped_quote_outlet_and_report_date():
    event = make_event("x", "2024-11-16", "2024-11-16", "day", quote='He said <script>alert("x")</script> & left.')
    text = hover_text(event)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text and "&amp; left." in text
    assert "Wire A" in text and "reported 16 Nov 2024" in text and "1 source" in text
    assert "(day)" not in text and "&quot;" not in text and '"x"' in text  # plotly shows &quot; raw
    figure = timeline_figure([event])
    assert figure.data[0].hovertext == text


def test_outlet_colours_match_the_shared_palette(mixed_events):
    traces = traces_by_event(timeline_figure(mixed_events, show_context=True))
    colours = outlet_colors({"Wire A", "Wire B"})
    assert traces["day"].marker.color == colours["Wire A"]
    assert traces["week"].line.color == colours["Wire B"]


@pytest.mark.parametrize(
    "start, end, precision, label",
    [
        ("2024-06-19", "2024-06-19", "day", "19 Jun 2024 (day)"),
        ("2024-11-04", "2024-11-10", "week", "4–10 Nov 2024 (week)"),
        ("2024-11-25", "2024-12-01", "week", "25 Nov 2024 – 1 Dec 2024 (week)"),
        ("2024-06-01", "2024-06-30", "month", "Jun 2024 (month)"),
        ("2025-08-01", "2026-02-27", "year", "Aug 2025 – Feb 2026 (year)"),
        ("2026-01-01", "2026-12-31", "year", "2026 (year)"),
    ],
)
def test_date_labels_always_show_the_precision(start, end, precision, label):
    assert event_date_label(make_event("x", start, end, precision)) == label


def test_an_empty_timeline_still_has_a_story_window_axis():
    assert axis_range([], "2024-06-01", False)[0] == "2024-06-01"
    assert len(timeline_figure([]).data) == 0


def test_the_table_has_one_row_per_event_with_quotes_and_precision(mixed_events):
    frame = events_table(mixed_events)
    assert list(frame["event_id"]) == ["day", "week", "month", "war"]
    assert frame.loc[frame.event_id == "week", "date"].item() == "4–10 Nov 2024 (week)"
    assert frame.loc[frame.event_id == "day", "quotes"].item() == "Officials said troops arrived."
    assert frame.loc[frame.event_id == "war", "background"].item()


def test_the_real_timeline_figure_has_every_story_event(corpus):
    from lib.events.build import build_events
    from lib.text.embed import embedder_for

    events = build_events(corpus, embedder_for(corpus.settings))
    figure = timeline_figure(events, corpus.settings.story_start)
    shown = {trace.customdata[0] for trace in figure.data}
    story = [event for event in events if not event.is_context]
    assert shown == {event.event_id for event in story if not is_loose(event)}
    assert figure.layout.xaxis.range[0] >= "2024-06-01"
    # the bundled AFP article is dated only "Aug 2025 - Feb 2026": its events are listed apart,
    # and the axis ends with the 2024 reporting instead of stretching to 2026
    assert any(is_loose(event) for event in story)
    assert figure.layout.xaxis.range[1] < "2025-01-01"


@pytest.mark.parametrize(
    "published, label",
    [
        (REPORTED, "16 Nov 2024 (day)"),
        (PublishedDate(date="2024", precision="year", stated=False, clue="x", earliest="2024-07-01", latest="2025-06-30"),
         "Jul 2024 – Jun 2025 (inferred)"),
        (PublishedDate(date="2024-07", precision="month", stated=False, clue="x", earliest="2024-07-01", latest="2024-07-31"),
         "Jul 2024 (inferred)"),
        (PublishedDate.unknown(), "date unknown"),
    ],
)
def test_report_dates_show_an_inferred_interval_not_a_confident_year(published, label):
    assert published.label() == label


@pytest.mark.parametrize(
    "start, end, precision, words",
    [
        ("2024-06-19", "2024-06-19", "day", "19 Jun 2024"),
        ("2024-11-04", "2024-11-10", "week", "week of 4–10 Nov 2024"),
        ("2024-06-01", "2024-06-30", "month", "Jun 2024"),
        ("2025-08-01", "2026-02-27", "year", "between Aug 2025 and Feb 2026"),
        ("2026-01-01", "2026-12-31", "year", "sometime in 2026"),
    ],
)
def test_dates_shown_to_readers_carry_no_precision_codes(start, end, precision, words):
    assert event_date_words(make_event("x", start, end, precision)) == words


def test_a_loosely_dated_event_does_not_stretch_the_axis(mixed_events):
    """issue 17: one article dated "Aug 2025 - Feb 2026" squeezed every 2024 event into a third of the width."""
    loose = make_event("loose", "2025-08-01", "2026-02-27", "year")
    assert is_loose(loose) and not any(is_loose(event) for event in mixed_events)
    figure = timeline_figure(mixed_events + [loose])
    assert "loose" not in traces_by_event(figure)
    assert figure.layout.xaxis.range == timeline_figure(mixed_events).layout.xaxis.range
    assert figure.layout.xaxis.range[1] < "2025-01-01"


def test_date_axis_never_shows_hours_or_milliseconds(mixed_events):
    xaxis = timeline_figure(mixed_events).layout.xaxis
    formats = [stop.value for stop in xaxis.tickformatstops] + [xaxis.hoverformat]
    assert formats and all("%H" not in f and "%L" not in f and "%f" not in f for f in formats)


def test_row_labels_are_never_cut_mid_word():
    event = make_event("x", "2024-06-19", "2024-06-19", "day",
                       quote="the strategic partnership treaty signed Wednesday in Pyongyang by both leaders")
    event = type(event)(**{**event.__dict__, "summary": event.sources[0].quote})
    label = timeline_figure([event]).layout.annotations[0].text
    assert label.endswith("…") and event.summary.startswith(label[:-1]) and event.summary[len(label) - 1] == " "


def test_labels_sit_inside_the_chart_so_a_phone_keeps_its_width(mixed_events):
    """issue 17: on a 390 px phone the y-axis labels took 75 % of the chart."""
    figure = timeline_figure(mixed_events)
    assert figure.layout.yaxis.showticklabels is False
    labels = [annotation.text for annotation in figure.layout.annotations]
    assert len(labels) == len(figure.data) and all(labels)
    # an event in the right half is labelled back from its end, so the label stays inside
    right = [a for a in figure.layout.annotations if a.xanchor == "right"]
    assert right and all(a.x <= figure.layout.xaxis.range[1] for a in right)


@pytest.mark.parametrize(
    "summary, label",
    [
        ("Putin and Kim sign the treaty", "Putin and Kim sign the treaty"),
        ("Putin and Kim sign the strategic partnership treaty in Pyongyang on Wednesday",
         "Putin and Kim sign the strategic partnership treaty…"),
        ("the strategic partnership treaty signed Wednesd…", "the strategic partnership treaty signed…"),
        ("Japan's Defense Ministry said, on Monday, that", "Japan's Defense Ministry said, on Monday, that"),
        ("one two three four five six seven eight, nine", "one two three four five six seven eight…"),
    ],
)
def test_row_labels_keep_at_most_eight_whole_words(summary, label):
    event = make_event("x", "2024-06-19", "2024-06-19", "day", quote=summary)
    event = type(event)(**{**event.__dict__, "summary": summary})
    shown = timeline_figure([event]).layout.annotations[0].text
    assert shown == label
    assert len(shown.rstrip("…").split()) <= 8
