"""AppTest of the Search page (the landing page) on the bundled corpus."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs

import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.core.settings import REPO_ROOT
from tests.pages.conftest import APP

pytestmark = pytest.mark.slow

KYODO = "Kyodo"
BUSINESS_STANDARD = "Business Standard (AP)"


def open_search(app, **params):
    """The app's landing page with the given URL parameters (set before the first run, as a shared link)."""
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def markdown_texts(app) -> list[str]:
    return [element.value for element in app.markdown]


def summary_text(app) -> str:
    """The "N passages from M articles match ..." line."""
    return next(text for text in markdown_texts(app) if " match “" in text)


def source_lines(app) -> list[str]:
    """The title · outlet · date line of every passage card."""
    return [text for text in markdown_texts(app) if "**" in text.split(" · ")[0] and " · " in text]


def page_links(app) -> list[tuple[str, dict]]:
    return [(link.proto.page, parse_qs(link.proto.query_string)) for link in app.get("page_link")]


def example_buttons(app) -> list:
    """The example-question buttons under the empty box (each says it searches for itself)."""
    return [button for button in app.button if (button.help or "").startswith("Search for this.")]


def test_the_landing_page_is_search_and_an_empty_box_offers_example_questions(app):
    at = open_search(app)
    assert at.title[0].value == "Search"
    assert at.text_input(key="search_q").value == ""
    examples = example_buttons(at)
    assert 2 <= len(examples) <= 3, [button.label for button in at.button]
    # made from the bundled story's own topics: its compared figure first
    assert examples[0].label == "How many North Korean troops were sent to Russia?"
    assert all("One of the articles answers it: " in button.help for button in examples)
    examples[0].click().run()
    assert at.text_input(key="search_q").value == "How many North Korean troops were sent to Russia?"
    assert any("12,000" in line for line in markdown_texts(at) if ":orange-background[" in line)
    assert source_lines(at), "clicking an example runs the search"


# Words of the bundled story (North Korean troops in Russia) that another story's page must not offer.
BUNDLED_WORDS = ("north korea", "pyongyang", "russia", "troops", "soldiers", "treaty", "drone", "japan's stance")


@pytest.fixture(scope="module")
def rice_data_dir(tmp_path_factory):
    """A collection on another story: the coverage-dev japan-rice pages, copied into articles/."""
    story = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev" / "japan-rice"
    if not story.is_dir():
        pytest.skip(f"needs the coverage-dev pages at {story}")
    folder = tmp_path_factory.mktemp("rice-data")
    (folder / "articles").mkdir()
    for page in sorted(story.glob("*.txt")):
        shutil.copy(page, folder / "articles" / page.name)
    return folder


def test_another_story_is_offered_its_own_example_questions_never_the_bundled_ones(rice_data_dir, monkeypatch):
    monkeypatch.setenv("STORYLENS_DATA", str(rice_data_dir))
    at = open_search(AppTest.from_file(APP, default_timeout=300))
    box = at.text_input(key="search_q")
    # Japanese and Korean pages with the English-only default model: the page says what a question can reach.
    reach = [caption.value for caption in at.caption if "STORYLENS_MODEL" in caption.value]
    assert reach and "Japanese" in reach[0] and "only by the words" in reach[0], reach
    offered = [button.label for button in example_buttons(at)] + [box.placeholder, box.help]
    assert not any(word in text.lower() for text in offered for word in BUNDLED_WORDS), offered
    examples = example_buttons(at)
    assert examples and all("price" in button.label for button in examples), offered
    examples[0].click().run()
    assert source_lines(at), "the collection answers its own example"
    cards = [text.replace("\\", "") for text in markdown_texts(at) if ":orange-background[" in text]
    assert any("5-kilogram" in card or "5-kg" in card for card in cards), cards


def test_a_collection_that_answers_no_question_is_offered_none_rather_than_another_storys(rice_data_dir, tmp_path,
                                                                                             monkeypatch):
    """One report with no figures several sources compare: no topic, so no example (and no bundled one)."""
    (tmp_path / "articles").mkdir()
    shutil.copy(rice_data_dir / "articles" / "c01.txt", tmp_path / "articles" / "c01.txt")
    monkeypatch.setenv("STORYLENS_DATA", str(tmp_path))
    at = open_search(AppTest.from_file(APP, default_timeout=300))
    assert not example_buttons(at), [button.label for button in at.button]
    assert not any("try one of these" in info.value for info in at.info)
    assert at.text_input(key="search_q").proto.placeholder == "e.g. a question, a name or a number"


def test_a_query_returns_passages_with_their_source_title_outlet_and_date(app):
    at = open_search(app, q="how many soldiers did Pyongyang send?")
    lines = source_lines(at)
    assert len(lines) == 10
    assert any("Japanese Chief Cabinet Secretary Hayashi" in line and "26 Oct 2024" in line for line in lines)
    # plain words: no precision codes, no "(site not named)", numbered by rank
    assert not any("\\(day\\)" in line or "site not named" in line for line in lines)
    assert [line.split("\\.")[0] for line in lines] == [str(n) for n in range(1, 11)]
    highlighted = [text for text in markdown_texts(at) if ":orange-background[" in text]
    assert any("12,000" in text for text in highlighted)
    assert any(caption.value.startswith("Result 1 · matched by") for caption in at.caption)
    # every card links to the full article with the hit highlighted
    corpus_links = [params for page, params in page_links(at) if page.endswith("articles") and "sentence" in params]
    assert len(corpus_links) == 10
    assert all(set(params) == {"article", "sentence"} for params in corpus_links)
    assert ["003_acf3f096cf1d3bac.txt"] in [params["article"] for params in corpus_links]
    timeline_links = [params for page, params in page_links(at) if page.endswith("timeline")]
    assert {"from": ["2024-09-26"], "to": ["2024-11-25"]} in timeline_links


def test_the_outlet_filter_changes_the_results(app):
    at = open_search(app, q="North Korean troops in Russia")
    before = source_lines(at)
    assert any(KYODO not in line for line in before)
    at.multiselect(key="search_outlet").set_value([KYODO]).run()
    after = source_lines(at)
    assert after and all(" · Kyodo · " in line for line in after)
    assert after != before


def test_query_params_reproduce_the_view(app):
    at = open_search(
        app, q="troops sent to Russia", outlet=[BUSINESS_STANDARD, KYODO], view="Articles", k="5",
        **{"from": "2024-10-01", "to": "2024-12-31"},
    )
    assert at.text_input(key="search_q").value == "troops sent to Russia"
    assert at.multiselect(key="search_outlet").value == [BUSINESS_STANDARD, KYODO]
    assert str(at.date_input(key="search_from").value) == "2024-10-01"
    assert str(at.date_input(key="search_to").value) == "2024-12-31"
    labels = [expander.label for expander in at.expander if expander.label != "Filters"]
    assert len(labels) == 2  # one per article, grouped view
    assert all("Business Standard" in label or "Kyodo" in label for label in labels)
    summary = summary_text(at)
    assert "2 selected outlets" in summary and "published 2024\\-10\\-01 to 2024\\-12\\-31" in summary


def test_a_filter_with_no_matches_explains_itself_and_offers_to_clear(app):
    at = open_search(app, q="drone factory", outlet=[KYODO], **{"from": "1999-01-01", "to": "1999-12-31"})
    assert not source_lines(at)
    warning = at.warning[0].value
    assert "No passages match 'drone factory' in Kyodo, published 1999-01-01 to 1999-12-31" in warning
    clear = next(button for button in at.button if button.label == "Clear filters and search everything")
    clear.click().run()
    assert source_lines(at), "clearing the filters finds passages again"
    assert at.multiselect(key="search_outlet").value == []


def test_a_too_long_query_gets_a_clear_message_not_a_traceback(app):
    at = open_search(app, q="troops " * 200)
    assert not at.exception
    assert "keep it under 1000" in at.error[0].value


def test_results_export_as_csv_with_their_sources(app, app_env):
    at = open_search(app, q="Sybiha")
    buttons = at.get("download_button")
    assert buttons and buttons[0].proto.label == "Download results (CSV)"
    # The CSV is what `passages_table` serialises for the same search on the same collection.
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus
    from lib.present.tables import passages_table
    from lib.search.hybrid import build_search_index, search
    from lib.text.embed import get_embedder

    corpus = load_corpus(load_settings(app_env))
    index = build_search_index(corpus, get_embedder())
    csv_text = passages_table(search(index, "Sybiha", get_embedder(), k=10), "Passages").to_csv(index=False)
    frame = pd.read_csv(io.StringIO(csv_text))
    assert frame.loc[0, "source_file"] == "004_8ccb0b7b50ae83bd.txt"
    assert "Sybiha" in frame.loc[0, "sentence"] and "Sybiha" in frame.loc[0, "context"]
    assert frame.loc[0, "published"] == "16 Nov 2024 (day)"
    assert len(frame) == len(source_lines(at))


def test_every_control_explains_itself(app):
    at = open_search(app, q="drone")
    widgets = [at.text_input(key="search_q"), at.multiselect(key="search_outlet"), at.multiselect(key="search_lang"),
               at.date_input(key="search_from"), at.date_input(key="search_to"), at.checkbox(key="search_undated"), at.selectbox(key="search_k"),
               at.checkbox(key="search_every")]
    assert all(widget.help for widget in widgets)
    assert all(button.help for button in at.button)


def test_a_link_with_values_this_collection_lacks_says_what_was_ignored(app):
    at = open_search(app, q="troops", outlet=["Nowhere Times"], view="Table", k="7", **{"from": "26/10/2024"})
    warnings = " ".join(warning.value for warning in at.warning)
    assert "Ignored outlet 'Nowhere Times' from the link" in warnings
    assert "Ignored from='26/10/2024'" in warnings
    assert "Ignored view='Table'" in warnings and "Ignored k='7'" in warnings
    assert source_lines(at), "the rest of the link still works"


def test_changing_the_controls_writes_the_url(app):
    at = open_search(app)
    at.text_input(key="search_q").set_value("drone factory").run()
    at.multiselect(key="search_outlet").set_value([KYODO, BUSINESS_STANDARD]).run()
    at.segmented_control(key="search_view").set_value("Articles").run()
    assert at.query_params["q"] in ("drone factory", ["drone factory"])
    outlets = at.query_params["outlet"]
    assert sorted(outlets if isinstance(outlets, list) else [outlets]) == sorted([KYODO, BUSINESS_STANDARD])
    assert at.query_params["view"] in ("Articles", ["Articles"])
    assert "from" not in at.query_params, "defaults stay out of the URL"


def test_top_ten_repeat_no_sentence_and_name_no_file(app, app_env):
    """issue 17: seven of ten passages came from one article and sentences repeated;
    file names showed in every card."""
    at = open_search(app, q="how many soldiers did Pyongyang send?")
    shown = " ".join(markdown_texts(at) + [caption.value for caption in at.caption])
    assert ".txt" not in shown and "sentence 3 of" not in shown
    cards = [text for text in markdown_texts(at) if ":orange-background[" in text]
    assert len(cards) == 10
    sentences = []
    for card in cards:
        # each card is "before **:orange-background[hit]** after", escaped; split on sentence ends
        plain = re.sub(r"\*\*:orange-background\[(.*?)\]\*\*", r"\1", card).replace("\\", "")
        sentences += [part.strip() for part in re.split(r"(?<=[.!?])\s+", plain) if len(part.strip()) > 20]
    assert len(sentences) == len(set(sentences)), [s for s in sentences if sentences.count(s) > 1]


def test_both_views_count_the_same_articles(app):
    at = open_search(app, q="how many soldiers did Pyongyang send?")
    passages_summary = summary_text(at)
    at.segmented_control(key="search_view").set_value("Articles").run()
    articles_summary = summary_text(at)
    count = lambda text: re.search(r"(\d+) article", text).group(1)
    assert count(passages_summary) == count(articles_summary)
    labels = [expander.label for expander in at.expander if expander.label != "Filters"]
    assert len(labels) == int(count(passages_summary))


def test_asking_for_more_passages_per_article_is_kept_in_the_link(app):
    at = open_search(app, q="troops", outlet=[KYODO], every="1")
    assert at.checkbox(key="search_every").value is True
    assert len(source_lines(at)) > 2
    at.checkbox(key="search_every").uncheck().run()
    assert len(source_lines(at)) == 2
    assert "every" not in at.query_params


def test_the_landing_page_says_what_the_collection_covers_above_the_box(app):
    """issue 17: the story at a glance, built from the collection itself, each fact linked."""
    at = open_search(app)
    glance = markdown_texts(at)[0].replace("\\", "")
    assert glance.startswith("5 reports from ") and "English" in glance
    assert "20 Jun 2024 to 16 Nov 2024" in glance and "Latest:" in glance
    assert "(day)" not in glance and "site not named" not in glance and ".txt" not in glance
    links = page_links(at)
    assert any(page.endswith("timeline") and params == {"from": ["2024-06-20"], "to": ["2024-11-16"]} for page, params in links)
    assert any(page.endswith("articles") and params.get("article") == ["004_8ccb0b7b50ae83bd.txt"] for page, params in links)
    sidebar = " ".join(caption.value for caption in at.sidebar.caption)
    assert "in English" in sidebar and " in en." not in sidebar and "(day)" not in sidebar



def test_an_english_collection_gets_no_note_about_other_languages(app):
    at = open_search(app)
    assert not [caption.value for caption in at.caption if "STORYLENS_MODEL" in caption.value]