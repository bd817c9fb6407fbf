"""One happening told in several languages is one event; two happenings of one day in one place stay two.

Invented sentences of general news (a quake in an invented country, a vote and a protest, a flood).
Similarity 0.10 is what an English-only embedder gives two sentences in different languages whatever
they say; 0.95 is a multilingual model finding two sentences close: the evidence read in any
language (kind of happening, names written alike, figures, countries) decides in the first case,
and the kinds of happening still keep two happenings apart in the second."""

from __future__ import annotations

import numpy as np
import pytest

PAGE_DAY = "2025-03-29"  # a Saturday: "Friday" is 28 March


def _mention(number: int, language: str, text: str):
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    published = PublishedDate(PAGE_DAY, "day", True, "test", PAGE_DAY, PAGE_DAY)
    sentence = Sentence(0, 0, len(text), text, language)
    article = Article(f"id{number}", f"{number}.txt", "t", f"outlet{number}", published, language, text, (), (sentence,), "sha", "text", "utf-8")
    (mention,) = [m for m in find_event_mentions(article) if m.dated_by == "phrase"]
    assert (mention.start, mention.end) == ("2025-03-28", "2025-03-28"), mention.clue
    return mention


def _one_event(first, second, similarity: float) -> bool:
    from lib.events.merge import _PairRules, _same_event

    single = _same_event(first, second, similarity=similarity)
    batch = bool(_PairRules([first, second]).accept(np.array([0]), np.array([1]), np.array([similarity]))[0])
    assert single is batch  # the two forms of the rules agree
    return single


ONE_HAPPENING = [
    # the same kind of happening on the same day
    (("en", "A powerful earthquake struck central Valleyland on Friday, toppling buildings."),
     ("ja", "28日、ヴァレーランド中部で強い地震が発生し、多くの建物が倒壊しました。")),
    (("fr", "Vendredi, des inondations ont ravagé les villages de la vallée."),
     ("de", "Am Freitag überschwemmte ein Hochwasser die Dörfer im Tal.")),
    # a name written the same way, accents aside
    (("en", "Prime Minister Ana Ruiz declared a state of emergency on Friday."),
     ("es", "La primera ministra, Ana Ruíz, declaró el viernes el estado de emergencia.")),
    # a figure both give
    (("en", "On Friday, the authorities put the number of dead at 1,644."),
     ("fr", "Vendredi, les autorités ont fait état de 1 644 morts.")),
]

TWO_HAPPENINGS = [
    # a quake and its aftershock, same day, same place
    (("en", "A magnitude 7.7 earthquake struck near Mandalay on Friday."),
     ("fr", "Vendredi, une réplique de magnitude 6,4 a secoué Mandalay.")),
    # a vote and a protest, same day, same city
    (("en", "Parliament in Paris voted on Friday to approve the pension reform."),
     ("de", "Am Freitag protestierten in Paris Tausende gegen die Rentenreform.")),
    (("en", "Parliament in Paris voted on Friday to approve the pension reform."),
     ("en", "Thousands of protesters marched in Paris on Friday against the pension reform.")),
    # votes of the same day in two countries
    (("en", "Voters in Germany went to the polls in a general election on Friday."),
     ("fr", "Vendredi, les électeurs ont voté au Portugal lors d'élections législatives.")),
]


@pytest.mark.parametrize(("first", "second"), ONE_HAPPENING)
def test_one_happening_in_two_languages_is_one_event_whatever_the_embedder(first, second):
    assert _one_event(_mention(0, *first), _mention(1, *second), similarity=0.10)


@pytest.mark.parametrize(("first", "second"), TWO_HAPPENINGS)
def test_two_happenings_of_one_day_and_place_stay_two_events_even_when_close_in_meaning(first, second):
    assert not _one_event(_mention(0, *first), _mention(1, *second), similarity=0.95)


def test_two_reports_of_one_day_in_two_languages_with_no_shared_evidence_stay_apart():
    """A declaration of mourning and a rescue the same day share no kind, name or figure."""
    first = _mention(0, "en", "Officials declared three days of national mourning on Friday.")
    second = _mention(1, "ja", "28日、救助隊ががれきの下から女性を救出しました。")
    assert not _one_event(first, second, similarity=0.10)


def test_the_kinds_of_happening_a_sentence_names_are_read_in_its_language():
    from lib.events.evidence import happening_kinds, latin_names, shared_figures

    assert happening_kinds("地震発生から2日後、余震が続いた", "ja") == {"quake", "aftershock"}
    assert happening_kinds("Le scrutin s'est tenu dimanche", "fr") == {"vote"}
    assert happening_kinds("Police stormed the building", "en") == frozenset()  # a verb, no storm
    assert latin_names("Der spanische Regierungschef Pedro Sánchez reiste am Freitag an.", "de") == {"pedro", "sanchez"}
    assert "regierungschef" not in latin_names("Der Regierungschef reiste an.", "de")
    assert latin_names("気象局AEMETは警報を出した", "ja") == {"aemet"}
    assert shared_figures("In 2024, 158 people died and 3 were hurt; a 7.7 quake.", "en") == {"158", "7.7"}


def test_one_sentence_dating_two_days_gives_two_events_with_two_ids():
    """"Au moins 95 personnes sont mortes dans les inondations qui ont frappé mardi …, a-t-on appris
    mercredi": the same words are the best source of two events; their ids still differ (and the
    first keeps the id it always had)."""
    from lib.core.models import Event
    from lib.events.build import unique_ids

    tuesday = Event("abc123def456", "2024-10-29", "2024-10-29", "day", "mardi", "Au moins 95 personnes…", ())
    wednesday = Event("abc123def456", "2024-10-30", "2024-10-30", "day", "mercredi", "Au moins 95 personnes…", ())
    first, second = unique_ids([tuesday, wednesday])
    assert first == tuesday and second.event_id != first.event_id and second.start == "2024-10-30"


def test_two_french_sentences_of_one_day_naming_one_kind_of_happening_are_one_event():
    """An English-only embedder places any two French sentences far apart: the day and the kind decide."""
    first = _mention(0, "fr", "Vendredi, des inondations ont ravagé les villages de la vallée.")
    second = _mention(1, "fr", "Vendredi, il est tombé en quelques heures l'équivalent d'une année de pluie.")
    assert _one_event(first, second, similarity=0.10)
    other = _mention(2, "fr", "Vendredi, le ministre a inauguré un nouveau pont sur la rivière.")
    assert not _one_event(first, other, similarity=0.10)  # no kind of happening named: the embedder decides


def test_two_english_sentences_of_one_day_are_left_to_the_embedder():
    first = _mention(0, "en", "Floods swept through the villages of the valley on Friday.")
    second = _mention(1, "en", "Torrential rain fell on the region on Friday, officials said.")
    assert not _one_event(first, second, similarity=0.10)


def test_a_night_across_two_days_and_one_of_them_in_two_languages_may_be_one_event():
    """"In der Nacht zum Samstag" (Friday-Saturday) and "late on Friday": the same sinking, read by its name."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    published = PublishedDate(PAGE_DAY, "day", True, "test", PAGE_DAY, PAGE_DAY)
    mentions = []
    for number, (language, text) in enumerate([
        ("de", "Die Fähre „Aegean Star“ sank in der Nacht zum Samstag vor der Küste."),
        ("en", "The Aegean Star went down off the coast late on Friday."),
    ]):
        sentence = Sentence(0, 0, len(text), text, language)
        article = Article(f"id{number}", f"{number}.txt", "t", f"o{number}", published, language, text, (), (sentence,), "sha", "text", "utf-8")
        (mention,) = find_event_mentions(article)
        mentions.append(mention)
    night, friday = mentions
    assert (night.start, night.end, friday.start) == ("2025-03-28", "2025-03-29", "2025-03-28")
    assert _one_event(night, friday, similarity=0.10)


def test_an_event_told_in_several_languages_is_named_by_its_english_source_among_equally_precise_ones():
    from lib.events.build import event_from_cluster

    german = _mention(0, "de", "Am Freitag überschwemmte ein Hochwasser die Dörfer im Tal.")
    english = _mention(1, "en", "Floods swept through the villages of the valley on Friday.")
    event = event_from_cluster([german, english], "2025-01-01")
    assert event.summary.rstrip("…") in english.sentence.text and len(event.sources) == 2


def test_a_sentence_naming_what_was_done_about_a_disaster_tells_that_act_not_the_disaster():
    """"An inquiry into the explosion", "Hours after the blast, residents were told to stay indoors": the
    act is the happening told; the disaster is what it is about (tests/events/probe_corpus/chemfire)."""
    from lib.events.evidence import told_kinds

    assert told_kinds("The government on Friday announced an independent inquiry into the explosion.", "en") == {"inquiry"}
    assert told_kinds("Hours after the blast, the authority ordered residents to stay indoors.", "en") == {"shelter"}
    assert told_kinds("Die Regierung hat nach der Explosion eine Untersuchung angekündigt.", "de") == {"inquiry"}
    assert told_kinds("9月9日凌晨，工厂发生爆炸。", "zh") == {"fire"}
    assert told_kinds("L'incendie a été maîtrisé mercredi matin.", "fr") == {"put-out"}


def test_an_order_after_a_blast_and_the_blast_of_that_day_stay_two_events_across_languages():
    """Both sentences name the blast; one tells the order given after it: two happenings of one day and place."""
    order = _mention(0, "en", "Hours after the blast on Friday, the authority ordered residents within five kilometres to stay indoors.")
    blast = _mention(1, "fr", "Vendredi, une explosion a détruit un entrepôt de l'usine.")
    assert not _one_event(order, blast, similarity=0.10)
    inquiry_de = _mention(2, "de", "Nach der Explosion hat die Regierung am Freitag eine Untersuchung angekündigt.")
    inquiry_ja = _mention(3, "ja", "政府は28日、爆発についての調査を始めると発表した。")
    assert _one_event(inquiry_de, inquiry_ja, similarity=0.10)
    assert not _one_event(inquiry_de, blast, similarity=0.10)


def _mentions_of(text: str, language: str, day: str):
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    published = PublishedDate(day, "day", True, "test", day, day)
    sentence = Sentence(0, 0, len(text), text, language)
    article = Article(f"id-{hash(text)}", "p.txt", "t", "outlet", published, language, text, (), (sentence,), "sha", "text", "utf-8")
    return [m for m in find_event_mentions(article) if m.dated_by == "phrase"]


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Am Montag vergangener Woche hatte der Streik begonnen."),
    ("de", "Der Streik begann am Montag letzter Woche."),
    ("en", "The strike began on Monday last week."),
    ("en", "The strike began on Monday of last week."),
    ("fr", "La grève a commencé lundi de la semaine dernière."),
])
def test_a_weekday_beside_last_week_is_that_weeks_day(language, text):
    """On a Wednesday's page (15 October 2025) the Monday of last week is 6 October, not the 13th."""
    (mention,) = _mentions_of(text, language, "2025-10-15")
    assert (mention.start, mention.end) == ("2025-10-06", "2025-10-06"), mention.clue


def test_a_sentence_dating_two_adjacent_days_keeps_each_happening_to_its_own_day():
    """"returned to work on Tuesday after … a deal late on Monday": the Tuesday is no report of a Monday deal
    told elsewhere (no day of slack), the Monday is."""
    returned, deal = sorted(_mentions_of(
        "Dockworkers returned to work at 6 a.m. on Tuesday after their union and the operator reached a deal late on Monday.",
        "en", "2025-10-14"), key=lambda m: m.start, reverse=True)
    assert (returned.start, deal.start) == ("2025-10-14", "2025-10-13") and returned.beside_other_days
    (french,) = _mentions_of("Un accord a été trouvé lundi soir entre le syndicat et l'opérateur.", "fr", "2025-10-14")
    assert not _one_event(returned, french, similarity=0.60)
    assert _one_event(deal, french, similarity=0.10)


def test_in_one_language_a_statement_and_a_happening_of_its_day_naming_one_kind_stay_two():
    """"Der Betreiber beantragte am Dienstag eine Verfügung gegen den Streik" and "Ein Sprecher sagte am
    Dienstag, jeder Streiktag koste …" both name the strike: one is an act, the other a statement."""
    (act,) = _mentions_of("Der Hafenbetreiber beantragte am Dienstag eine einstweilige Verfügung gegen den Streik.", "de", "2025-10-07")
    (said,) = _mentions_of("Ein Sprecher des Betreibers sagte am Dienstag, jeder Streiktag koste zwölf Millionen Euro.", "de", "2025-10-07")
    assert said.is_statement and not act.is_statement
    assert not _one_event(act, said, similarity=0.10)


def test_two_english_reports_of_one_day_naming_one_kind_join_and_other_kinds_stay_apart():
    """"A ransomware attack hit … late on Saturday" and "The attack began in the early hours of Saturday,
    November 1" (two outlets, cosine under the threshold) are one attack; the arrest of that Saturday is not."""
    first = _mentions_of("A ransomware attack hit the computer systems of the hospital group late on Saturday.", "en", "2025-11-03")
    second = _mentions_of("The attack began in the early hours of Saturday, November 1.", "en", "2025-11-03")
    arrest = _mentions_of("Police arrested two suspects on Saturday.", "en", "2025-11-03")
    assert _one_event(first[0], second[0], similarity=0.30)
    assert not _one_event(first[0], arrest[0], similarity=0.30)
    assert not _one_event(first[0], arrest[0], similarity=0.95)
