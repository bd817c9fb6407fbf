"""Compare page: a question row compares only the kind of figure it asks for, and says so."""

from __future__ import annotations

from tests.pages.test_compare_page import _open, _plain


def test_a_question_for_troops_killed_or_wounded_says_the_articles_give_none():
    at = _open(topic="troops-sent")
    at.text_input[0].input("How many North Korean troops were killed or wounded?")
    at.button[0].click().run()
    assert not at.exception
    verdicts = [_plain(md.value) for md in at.markdown if "No source matches" in md.value]
    assert len(verdicts) == 1 and verdicts[0].endswith("No source matches** — The articles give no figures of troops killed or wounded.")


def test_a_question_row_says_which_kind_of_figure_it_compares():
    at = _open(topic="troops-sent")
    at.text_input[0].input("How many North Korean troops were sent?")
    at.button[0].click().run()
    captions = [caption.value for caption in at.caption]
    assert any("This row compares figures of troops sent only" in _plain(text) for text in captions)
