"""The Timeline chart draws at most CHART_MAX_EVENTS events: those most sources report, the linked one kept."""

from lib.core.models import Event, PublishedDate, SourceRef
from lib.ui.timeline import CHART_MAX_EVENTS, charted_events


def _event(number: int, sources: int) -> Event:
    published = PublishedDate("2024-06-01", "day", True, "printed")
    refs = tuple(SourceRef(f"f{n}.txt", f"a{n}", "A quote.", 0, f"Outlet {n}", "Title", published) for n in range(sources))
    return Event(f"e{number:05d}", f"2024-06-{1 + number % 28:02d}", f"2024-06-{1 + number % 28:02d}", "day",
                 "on Monday", f"Event {number}", refs)


def test_a_small_timeline_is_charted_whole():
    events = [_event(number, 1) for number in range(CHART_MAX_EVENTS)]
    assert charted_events(events) == events


def test_a_large_timeline_charts_the_most_reported_events_in_their_order_and_keeps_the_linked_one():
    events = [_event(number, 1 + (number % 3 == 0)) for number in range(3 * CHART_MAX_EVENTS)]
    lonely = events[1].event_id  # one source: not among the most reported
    charted = charted_events(events, keep_id=lonely)
    assert len(charted) == CHART_MAX_EVENTS + 1
    assert all(len(event.sources) == 2 for event in charted if event.event_id != lonely)
    assert [event.event_id for event in charted] == sorted(event.event_id for event in charted)  # original order
    assert lonely in {event.event_id for event in charted}
    assert len(charted_events(events, keep_id="not-an-event")) == CHART_MAX_EVENTS
