"""The Compare page as a user sees it (AppTest, bundled corpus, real model)."""

from __future__ import annotations

import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib.core.settings import REPO_ROOT
from lib.present.compare_table import NOT_MENTIONED

APP = str(REPO_ROOT / "app.py")
TROOP_LABEL = "How many North Korean troops were sent to Russia"


@pytest.fixture(scope="module", autouse=True)
def bundled_collection(bundled_data_dir):
    """Point the app at a throwaway copy of the bundled corpus (never the repo's store)."""
    previous = os.environ.get("STORYLENS_DATA")
    os.environ["STORYLENS_DATA"] = str(bundled_data_dir)
    st.cache_resource.clear()  # settings and corpus are cached per process
    st.cache_data.clear()
    yield
    if previous is None:
        os.environ.pop("STORYLENS_DATA", None)
    else:
        os.environ["STORYLENS_DATA"] = previous
    st.cache_resource.clear()
    st.cache_data.clear()


def _open(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.switch_page("pages/compare.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _plain(text: str) -> str:
    """Markdown-escaped text back to what the reader sees."""
    return text.replace("\\", "")


def _quotes(at: AppTest) -> list[str]:
    return [_plain(md.value)[2:] for md in at.markdown if md.value.startswith("> ")]


def _cells(at: AppTest) -> dict[str, list[str]]:
    """Column header -> quotes shown in that column (header first, then its cell)."""
    cells = {}
    for column in at.main.columns:
        texts = [_plain(md.value) for md in column.markdown]
        if texts and texts[0].startswith("**"):
            cells[texts[0].strip("*")] = [text[2:] for text in texts[1:] if text.startswith("> ")]
    return cells


def test_troop_topic_shows_two_outlets_side_by_side_with_their_quotes():
    at = _open(topic="troops-sent")
    assert [sub.value for sub in at.main.subheader] == [TROOP_LABEL]
    cells = _cells(at)
    kyodo = next(quotes for header, quotes in cells.items() if header.startswith("Kyodo"))
    business_standard = next(quotes for header, quotes in cells.items() if header.startswith("Business Standard"))
    assert any("3,000 North Korean soldiers" in quote and "Far East" in quote for quote in kyodo)
    assert any("around 12,000" in quote for quote in kyodo)
    assert any("up to 12,000 North Korean troops" in quote for quote in business_standard)
    verdict = next(_plain(md.value) for md in at.markdown if "Sources agree" in md.value)
    assert "up to 12,000 troops" in verdict


def test_a_source_that_says_nothing_has_an_explicit_empty_cell():
    at = _open(topic="troops-sent")
    silent = [column for column in at.main.columns if NOT_MENTIONED in [caption.value for caption in column.caption]]
    assert silent, "every outlet keeps its column; a silent one says so"
    assert all(not [md for md in column.markdown if md.value.startswith("> ")] for column in silent)
    assert len(_cells(at)) == 5  # one column per bundled article, quoted or not


def test_topic_query_param_round_trips():
    at = _open(topic="troops-sent")
    assert at.selectbox[0].value == "troops-sent"
    at.selectbox[0].set_value("japan-stance").run()
    assert at.query_params["topic"] == "japan-stance"
    assert [sub.value for sub in at.main.subheader] == ["Japan's stance"]


def test_unknown_topic_in_the_url_explains_itself_and_shows_all_topics():
    at = _open(topic="no-such-topic")
    assert any("no topic 'no-such-topic'" in warning.value for warning in at.warning)
    assert TROOP_LABEL in [sub.value for sub in at.main.subheader]


def test_a_question_builds_a_row_on_the_fly():
    at = _open(topic="troops-sent")
    at.text_input[0].input("How many North Korean troops were sent?")
    at.button[0].click().run()
    assert not at.exception
    titles = [sub.value for sub in at.main.subheader]
    assert titles[0] == "Your question: How many North Korean troops were sent?"
    assert any("12,000" in quote for quote in _quotes(at))


def test_an_empty_question_explains_itself():
    at = _open()
    at.text_input[0].input("   ")
    at.button[0].click().run()
    assert not at.exception
    assert any("Type a topic or a question first" in warning.value for warning in at.warning)


def test_each_quote_links_to_its_sentence_on_the_articles_page(articles_by_file):
    at = _open(topic="troops-sent")
    links = at.main.get("page_link")
    quotes = _quotes(at)
    assert links and len(links) == len(quotes)
    for link, quote in zip(links, quotes):
        assert link.proto.page == "articles"
        params = dict(part.split("=", 1) for part in link.proto.query_string.split("&"))
        assert articles_by_file[params["article"]].sentences[int(params["sentence"])].text == quote


def test_the_view_can_be_downloaded_as_csv():
    at = _open(topic="troops-sent")
    (button,) = at.get("download_button")
    assert "CSV" in button.proto.label


def test_an_empty_collection_explains_itself(tmp_path, bundled_data_dir):
    os.environ["STORYLENS_DATA"] = str(tmp_path / "empty")
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=180)
        at.switch_page("pages/compare.py")
        at.run()
        assert not at.exception
        assert any("no articles yet" in info.value for info in at.info)
        assert not at.main.subheader
    finally:
        os.environ["STORYLENS_DATA"] = str(bundled_data_dir)
        st.cache_resource.clear()


def test_all_topics_view_starts_with_an_overview_of_verdicts():
    at = _open()
    (overview,) = at.dataframe  # the numbers per topic, behind an expander
    table = overview.value
    troops = table[table["Topic"] == TROOP_LABEL].iloc[0]
    assert troops["Verdict"] == "sources agree" and troops["Sources"] >= 2
    assert len(at.main.subheader) == len(table)  # one row per topic below the overview


def _overview_lines(at: AppTest) -> list[str]:
    """The at-a-glance list above the rows: one markdown list item per topic."""
    (overview,) = [md.value for md in at.main.markdown if md.value.startswith("- :")]
    return overview.splitlines()


def test_the_overview_gives_each_topics_verdict_in_words_a_phone_shows_without_scrolling():
    # The verdict sits in the same wrapped line as the topic (a table's second column needs a sideways
    # scroll at 390 px): each line names its topic and the verdict its row gives, in the rows' order.
    at = _open()
    lines = _overview_lines(at)
    titles = [sub.value for sub in at.main.subheader]
    verdicts = [md.value.split("**")[1] for md in at.main.markdown if md.value.startswith("**:material/")]
    assert len(lines) == len(titles) == len(verdicts) >= 2
    for line, title, verdict in zip(lines, titles, verdicts):
        assert _plain(title) in _plain(line), (line, title)
        assert f"-badge[{verdict}]" in line, (line, verdict)
    troops = next(line for line in lines if TROOP_LABEL in _plain(line))
    assert ":green-badge[:material/check_circle: Sources agree]" in troops
    assert "(#topic-troops-sent)" in troops  # a tap on the topic jumps to its row


def test_each_column_shows_the_report_date_with_its_precision_and_clue():
    at = _open(topic="troops-sent")
    shown = {}
    for column in at.main.columns:
        captions = list(column.caption)
        if captions and column.markdown:
            shown[_plain(column.markdown[0].value).strip("*")] = captions[0]
    business_standard = next(caption for header, caption in shown.items() if header.startswith("Business Standard"))
    assert _plain(business_standard.value) == "16 Nov 2024 (day)"
    assert "Nov 16 2024" in business_standard.proto.help
