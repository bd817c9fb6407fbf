"""AppTest of the Timeline page on the bundled corpus: chart, table, filters, sources and shareable URLs."""

import pytest

pytestmark = pytest.mark.slow


def open_timeline(app, **params):
    """Open the Timeline page as a shared link would: the page, then its URL parameters."""
    app.run()
    app.switch_page("pages/timeline.py")
    app.run()  # switching pages starts from a clean URL, as in the browser
    if params:
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
    assert not app.exception, app.exception
    return app


def param(app, key):
    """A URL parameter as a list of values (AppTest keeps single values as plain strings)."""
    value = app.query_params.get(key)
    return [] if value is None else value if isinstance(value, list) else [value]


def table(app):
    return app.dataframe[0].value


def test_the_page_renders_a_chart_and_a_table_with_the_treaty_signing(app):
    at = open_timeline(app)
    assert at.get("plotly_chart"), "the plotly chart is on the page"
    rows = table(at)
    treaty = rows[rows["quotes"].str.contains("treaty signed Wednesday", regex=False)]
    assert list(treaty["when"]) == ["19 Jun 2024"]  # plain words on screen; the CSV keeps "date" with its precision
    assert "the strategic partnership treaty signed Wednesday" in treaty["summary"].item()
    # background before June 2024 is hidden by default
    assert not rows["quotes"].str.contains("February 2022", regex=False).any()
    assert at.download_button and len(at.download_button) == 2


def test_the_outlet_filter_changes_the_rows(app):
    at = open_timeline(app)
    all_rows = table(at)
    outlet = next(name for name in at.multiselect[0].options if "Business Standard" in name)
    at.multiselect[0].set_value([outlet]).run()
    filtered = table(at)
    assert 0 < len(filtered) < len(all_rows)
    assert set(filtered["outlet_names"]) == {outlet}
    assert param(at, "outlet") == [outlet]


def test_the_background_toggle_shows_the_2022_invasion(app):
    at = open_timeline(app)
    at.toggle[0].set_value(True).run()
    rows = table(at)
    assert rows["quotes"].str.contains("February 2022", regex=False).any()
    assert param(at, "context") == ["1"]


def arrival_event_id(corpus):
    from lib.events.build import build_events
    from lib.text.embed import embedder_for

    events = build_events(corpus, embedder_for(corpus.settings))
    (arrival,) = [e for e in events if any("arrived in Kyiv on Saturday" in s.quote for s in e.sources)]
    return arrival.event_id


def test_a_shared_link_reproduces_the_range_and_the_chosen_event(app, corpus):
    chosen = arrival_event_id(corpus)
    at = open_timeline(app, **{"from": "2024-10-01", "to": "2024-11-30", "event": chosen})
    rows = table(at)
    assert len(rows) and rows["when"].str.contains("Nov 2024|Oct 2024").all()
    assert not rows["quotes"].str.contains("treaty signed Wednesday", regex=False).any()
    assert param(at, "from") == ["2024-10-01"] and param(at, "to") == ["2024-11-30"]
    assert param(at, "event") == [chosen]
    quotes = [element.value for element in at.markdown if element.value.startswith("> ")]
    assert any("arrived in Kyiv on Saturday" in quote for quote in quotes)


def test_choosing_an_event_puts_it_in_the_url(app, corpus):
    at = open_timeline(app)
    label = next(option for option in at.selectbox[0].options if "arrived in Kyiv" in option)
    at.selectbox[0].select(label).run()
    assert param(at, "event") == [arrival_event_id(corpus)]


def test_the_chosen_event_shows_each_source_with_its_report_date(app):
    at = open_timeline(app)
    label = next(option for option in at.selectbox[0].options if "treaty signed Wednesday" in option)
    at.selectbox[0].select(label).run()
    text = " ".join(element.value for element in at.markdown)
    assert "**19 Jun 2024** · dated by" in text and "\\(day\\)" not in text
    captions = " ".join(element.value for element in at.caption)
    assert "Reported 20 Jun 2024" in captions and "(day)" not in captions


def test_a_loosely_dated_event_is_listed_apart_not_drawn(app):
    """issue 17: the 'Aug 2025 - Feb 2026' article stretched the axis over 2026."""
    at = open_timeline(app)
    text = " ".join(element.value for element in at.markdown).replace("\\", "")
    assert "Dated only loosely" in text and "between Aug 2025 and Feb 2026" in text
    figure = __import__("json").loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["xaxis"]["range"][1] < "2025-01-01"
    assert "&quot;" not in at.get("plotly_chart")[0].proto.spec


@pytest.mark.parametrize(
    "params, message",
    [
        ({"from": "not-a-date"}, "Ignored from='not-a-date'"),
        ({"outlet": "No Such Outlet"}, "Ignored outlet 'No Such Outlet'"),
        ({"event": "000000000000"}, "not in this collection"),
        ({"from": "2024-12-01", "to": "2024-06-01"}, "were swapped"),
    ],
)
def test_bad_links_show_a_clear_message_not_a_traceback(app, params, message):
    at = open_timeline(app, **params)
    warnings = " ".join(element.value for element in at.warning)
    assert message in warnings
    assert at.get("plotly_chart") or at.info


def test_a_range_with_no_events_explains_itself(app):
    at = open_timeline(app, **{"from": "2030-01-01", "to": "2030-12-31"})
    assert any("No events match these filters" in element.value for element in at.info)


def _date_box(at, label):
    return next(box for box in at.text_input if box.label == label)


def test_a_typed_month_applies_as_its_first_and_last_day(app):
    """issue 17: a typed date applies on Enter (a text box), a month meaning the whole month."""
    at = open_timeline(app)
    _date_box(at, "From").input("2024-10").run()
    _date_box(at, "To").input("2024-10").run()
    assert not at.exception
    assert param(at, "from") == ["2024-10-01"] and param(at, "to") == ["2024-10-31"]
    rows = table(at)
    assert len(rows) and all("Oct 2024" in when or "Nov" in when or "Sep" in when for when in rows["when"])


def test_a_typed_date_that_is_not_a_date_is_explained_and_ignored(app):
    at = open_timeline(app)
    before = len(table(at))
    _date_box(at, "From").input("last Tuesday").run()
    assert not at.exception
    assert any("'last Tuesday' is not a date" in warning.value for warning in at.warning)
    assert param(at, "from") == [] and len(table(at)) == before
