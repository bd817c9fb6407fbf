from lib.present.words import language_reach_note


def test_pages_in_other_languages_with_an_english_only_model_are_named_with_what_to_do():
    note = language_reach_note(["en", "ja", "ko", "ja", "en"], model_reads_every_language=False)
    assert note.startswith("3 of 5 articles are in Japanese and Korean.")
    assert "English only" in note and "STORYLENS_MODEL=multilingual-e5-small" in note


def test_one_page_in_another_language_is_said_in_the_singular():
    assert language_reach_note(["en", "fr"], False).startswith("1 of 2 articles is in French.")


def test_no_note_when_every_page_is_in_english_or_the_model_reads_every_language():
    assert language_reach_note(["en", "en", "und"], False) is None
    assert language_reach_note(["en", "ja"], True) is None
    assert language_reach_note([], False) is None


def test_every_other_language_is_named_most_frequent_first():
    note = language_reach_note(["en", "fr", "th", "ja", "zh", "de", "fr"], False)
    assert note.startswith("6 of 7 articles are in French, German, Japanese, Thai and Chinese.")
