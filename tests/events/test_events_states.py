"""A standing state told after news of the report's day ("the city remains without power", "X is the
hardest hit") is no event of that week; a new happening told the same way is. Invented sentences of
general news (a flood), in the languages read by structure and in English."""

from __future__ import annotations

import pytest

LEADS = {
    "en": "On Tuesday, floods swept through the valley.",
    "fr": "Mardi, des inondations ont ravagé la vallée.",
    "de": "Am Dienstag überschwemmte ein Hochwasser das Tal.",
    "es": "El martes, las inundaciones arrasaron el valle.",
    "it": "Martedì le alluvioni hanno devastato la valle.",
    "pt": "Na terça-feira, as enchentes devastaram o vale.",
    "ru": "Во вторник наводнение обрушилось на долину.",
    "uk": "У вівторок повінь накрила долину.",
    "ja": "3月4日、洪水が谷を襲いました。",
    "zh": "3月4日，洪水席卷了山谷。",
    "ko": "3월 4일 홍수가 계곡을 휩쓸었다.",
}

STATES = [
    ("en", "The city remains without power."),
    ("en", "Valleyton is the hardest hit."),
    ("fr", "La ville de Valbourg est la plus touchée."),
    ("fr", "Des milliers de foyers restent privés d'électricité."),
    ("de", "Die Stadt ist am stärksten betroffen."),
    ("de", "Tausende Haushalte sind weiterhin ohne Strom."),
    ("es", "La ciudad sigue sin electricidad."),
    ("es", "Valdeluz es la más afectada."),
    ("it", "La città resta senza elettricità."),
    ("pt", "A cidade continua sem energia."),
    ("ru", "Город по-прежнему остается без электричества."),
    ("uk", "Місто досі залишається без світла."),
    ("ja", "被害が最も大きい町では、依然として停電が続いています。"),
    ("zh", "该市仍然没有电力供应。"),
    ("ko", "피해가 가장 큰 마을은 여전히 전기가 끊긴 상태다."),
]

NEW = [
    ("fr", "Le gouvernement a décrété l'état de catastrophe naturelle."),
    ("de", "Die Regierung rief den Katastrophenfall aus."),
    ("es", "El Gobierno declaró el estado de emergencia."),
    ("it", "Il governo ha dichiarato lo stato di emergenza."),
    ("pt", "O governo declarou estado de emergência."),
    ("ru", "Правительство объявило режим чрезвычайной ситуации."),
    ("uk", "Уряд країни оголосив надзвичайний стан через повінь."),
]


def _reported(language: str, text: str):
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    lead = LEADS[language]
    body = f"{lead}\n\n{text}"  # two paragraphs: only the report's day links the two sentences
    sentences = (Sentence(0, 0, len(lead), lead, language), Sentence(1, len(lead) + 2, len(body), text, language))
    published = PublishedDate("2025-03-06", "day", True, "test")
    article = Article("id", "a.txt", "t", "o", published, language, body, (), sentences, "sha", "text", "utf-8")
    mentions = find_event_mentions(article)
    assert [m.sentence.index for m in mentions if m.dated_by == "phrase"] == [0]  # the lead is the day's news
    return [m for m in mentions if m.sentence.index == 1]


@pytest.mark.parametrize(("language", "text"), STATES)
def test_a_standing_state_after_news_of_the_day_is_no_event(language, text):
    assert _reported(language, text) == []


@pytest.mark.parametrize(("language", "text"), NEW)
def test_a_declaration_after_news_of_the_day_is_news_of_that_week(language, text):
    (mention,) = _reported(language, text)
    assert mention.dated_by == "report" and "2025-02-28" <= mention.start <= mention.end <= "2025-03-06"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit Montag ist die Strecke wieder freigegeben."),
        ("fr", "Depuis lundi, la ligne est de nouveau ouverte."),
        ("es", "Desde el lunes, la línea está abierta de nuevo."),
    ],
)
def test_a_state_since_a_day_after_news_of_the_day_is_no_event_of_that_week(language, text):
    assert [m for m in _reported(language, text) if m.dated_by == "report"] == []


def test_a_standing_state_whose_anchor_is_refused_is_no_event_of_its_report():
    """When the sentence it went on telling proves to be another happening, a state said by no one is dropped,
    not dated by its report; a statement keeps its report's week."""
    from dataclasses import replace

    from lib.events.mentions import as_report_mention

    (state,) = [m for m in _reported_in_paragraph("fr", "Des milliers de foyers restent privés d'électricité.") if m.sentence.index == 1]
    assert as_report_mention(replace(state, is_statement=False)) is None
    assert as_report_mention(replace(state, is_statement=True)).dated_by == "report"


def _reported_in_paragraph(language: str, text: str):
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    lead = LEADS[language]
    body = f"{lead} {text}"  # one paragraph: the sentence goes on telling the lead's happening
    sentences = (Sentence(0, 0, len(lead), lead, language), Sentence(1, len(lead) + 1, len(body), text, language))
    article = Article("id", "a.txt", "t", "o", PublishedDate("2025-03-06", "day", True, "test"), language, body, (), sentences, "sha", "text", "utf-8")
    return find_event_mentions(article)
