"""A sentence followed by one saying who said it and when ("Das teilte die Küstenwache am Dienstag mit.",
"Об этом сообщил министр в четверг.") is what was said that day. Invented sentences of general news."""

from __future__ import annotations

import pytest

PAGE_DAY = "2025-10-16"  # a Thursday


CASES = [
    ("de", "Nach dem Untergang der Fähre ist die Zahl der Toten auf 41 gestiegen.", "Das teilte die Küstenwache am Dienstagabend mit.", "2025-10-14"),
    ("ru", "Число погибших при крушении парома возросло до 41 человека.", "Об этом сообщила береговая охрана во вторник.", "2025-10-14"),
    ("uk", "Кількість загиблих унаслідок аварії порома зросла до 41 людини.", "Про це повідомила берегова охорона у вівторок.", "2025-10-14"),
    ("es", "El número de muertos por el naufragio del ferri ha ascendido a 41.", "Así lo informó el martes la guardia costera.", "2025-10-14"),
    ("it", "Il numero dei morti del naufragio del traghetto è salito a 41.", "Lo ha reso noto martedì la guardia costiera.", "2025-10-14"),
    ("en", "The number of people killed in the ferry sinking has risen to 41.", "That was announced by the coast guard on Tuesday.", "2025-10-14"),
]


def _article(language: str, texts: list[str]):
    from lib.core.models import Article, PublishedDate, Sentence

    body, sentences = "", []
    for index, text in enumerate(texts):
        start = len(body)
        body += text + " "
        sentences.append(Sentence(index, start, start + len(text), text, language))
    published = PublishedDate(PAGE_DAY, "day", True, "test", PAGE_DAY, PAGE_DAY)
    return Article("id", "a.txt", "t", "o", published, language, body, (), tuple(sentences), "sha", "text", "utf-8")


@pytest.mark.parametrize(("language", "said", "saying", "day"), CASES)
def test_what_the_next_sentence_says_was_said_that_day_is_a_statement_of_that_day(language, said, saying, day):
    from lib.events.mentions import find_event_mentions

    mentions = find_event_mentions(_article(language, [said, saying]))
    first = [m for m in mentions if m.sentence.index == 0]
    assert [(m.dated_by, m.start, m.end, m.is_statement) for m in first] == [("context", day, day, True)]
    assert first[0].anchor.sentence.index == 1 and first[0].anchor in mentions


def test_a_sentence_dated_by_its_own_words_keeps_its_date():
    from lib.events.mentions import find_event_mentions

    mentions = find_event_mentions(_article("de", ["Die Fähre war am Sonntag gesunken.", "Das teilte die Küstenwache am Dienstag mit."]))
    assert {(m.sentence.index, m.start) for m in mentions} == {(0, "2025-10-12"), (1, "2025-10-14")}


def test_a_saying_in_the_next_paragraph_dates_nothing_before_it():
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    first, second = "Die Zahl der Toten ist auf 41 gestiegen.", "Das teilte die Küstenwache am Dienstag mit."
    body = f"{first}\n\n{second}"
    sentences = (Sentence(0, 0, len(first), first, "de"), Sentence(1, len(first) + 2, len(body), second, "de"))
    published = PublishedDate(PAGE_DAY, "day", True, "test", PAGE_DAY, PAGE_DAY)
    article = Article("id", "a.txt", "t", "o", published, "de", body, (), sentences, "sha", "text", "utf-8")
    assert not [m for m in find_event_mentions(article) if m.sentence.index == 0 and m.dated_by == "context"]
