"""Probe corpus read end to end: a wildfire with an evolving death toll told by nine pages in seven
languages (fr en de es ja zh th; tests/events/probe_corpus/wildfire, written for this probe from general
knowledge: invented outlets and places, no bundled or dev page), ingested as a user's folder and built
into timeline events with the real embedder, relevance floor and merging.

Each dated happening of the gold (an absolute day, a weekday or "hier"/"gestern"/「昨天」 against the page,
a time-of-day lead, a rescue, a declaration, an aid arrival) is a source of a timeline event whose
interval holds its day; two pages print no date (one names a full day, one only weekdays) and are read
with an honest interval; standing figures, forecasts, furniture and reader comments are never sources;
nothing is dated after its page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from eval.eval_coverage_views import gold_interval, holds, load_story

PROBE = Path(__file__).resolve().parent / "probe_corpus"

NOT_EVENTS = [
    "La région compte environ 400 000 habitants",
    "Météo-France prévoit",
    "Lire aussi",
    "Courage aux pompiers",
    "The region has about 400,000 residents",
    "Meteorologists expect",
    "Praying for everyone",
    "Die Region hat rund 400.000 Einwohner",
    "Meteorologen erwarten",
    "La región tiene unos 400.000 habitantes",
    "Las autoridades prevén reabrir",
    "気象当局は週末まで",
    "气象部门预计",
    "ภูมิภาคนี้มีประชากรราว",
    "Partager cet article",
]


@pytest.fixture(scope="module")
def wildfire(tmp_path_factory):
    from lib.events.build import build_events
    from lib.text.embed import embedder_for

    corpus = load_story("wildfire", PROBE, tmp_path_factory.mktemp("probe_corpus"))
    events = build_events(corpus, embedder_for(corpus.settings))
    gold = yaml.safe_load((PROBE / "wildfire" / "gold.yaml").read_text(encoding="utf-8"))
    return corpus, events, gold


def _facts(gold):
    return [(page["id"], fact) for page in gold["pages"] for fact in page["facts"]]


def test_every_dated_happening_is_on_the_timeline_with_its_day(wildfire):
    _corpus, events, gold = wildfire
    missed = []
    for page, fact in _facts(gold):
        low, high = gold_interval(fact["date"], fact["precision"])
        hits = [event for event in events for source in event.sources if source.source_file == f"{page}.txt" and holds(source.quote, fact["hint"])]
        if not any(date.fromisoformat(e.start) <= high and low <= date.fromisoformat(e.end) for e in hits):
            missed.append((page, fact["hint"], [(e.start, e.end, e.clue) for e in hits]))
    assert not missed


def test_pages_without_their_date_are_read_with_an_interval_never_a_made_up_day(wildfire):
    corpus, events, _gold = wildfire
    undated = {article.source_file for article in corpus.articles if article.published.precision == "unknown"}
    assert {"w02.txt", "w09.txt"} <= undated
    # "mardi" on a page without its date and no full day of its own: one of the Tuesdays of the story's days.
    (tuesday,) = [e for e in events for s in e.sources if s.source_file == "w09.txt" and "retrouvé mardi" in s.quote]
    assert tuesday.start <= "2025-07-08" <= tuesday.end


def test_standing_figures_forecasts_and_furniture_are_never_sources(wildfire):
    _corpus, events, _gold = wildfire
    quotes = [source.quote for event in events for source in event.sources]
    assert not [(words, quote) for words in NOT_EVENTS for quote in quotes if words in quote]


def test_nothing_is_dated_after_its_page(wildfire):
    _corpus, events, _gold = wildfire
    late = [
        (event.start, source.source_file, source.quote[:60]) for event in events for source in event.sources
        if source.published.latest and event.start > source.published.latest
    ]
    assert events and not late


def test_a_dated_sentence_beside_an_on_story_one_in_its_paragraph_stays_an_aside_off_the_story_does_not(tmp_path):
    """tests/events/probe_corpus/paragraph: "Schools in the district closed on Monday." scores under the
    relevance floor by itself (no named actor) but shares its paragraph with the rescuers' Sunday: it
    stays; "The mayor's daughter married her fiancé on Monday …" in the same paragraph is far off the story."""
    from lib.events.build import build_events
    from lib.text.embed import embedder_for

    corpus = load_story("paragraph", PROBE, tmp_path)
    quotes = {source.quote for event in build_events(corpus, embedder_for(corpus.settings)) for source in event.sources}
    assert "Schools in the district closed on Monday." in quotes
    assert not [quote for quote in quotes if "married" in quote or "Stock markets" in quote]
    assert "Rescuers found two survivors in the rubble on Monday." in quotes


def _read_probe(story: str, folder):
    """The probe story's timeline events (real embedder) and, per gold fact, whether a source of an event
    holding its hint has a compatible date, with those events' ids (for merging)."""
    from lib.events.build import extract_events
    from lib.text.embed import article_vectors, embedder_for

    corpus = load_story(story, PROBE, folder)
    embedder = embedder_for(corpus.settings)
    events = extract_events(corpus.articles, embedder, article_vectors(corpus.store, corpus.articles, embedder), corpus.settings.story_start)
    gold = yaml.safe_load((PROBE / story / "gold.yaml").read_text(encoding="utf-8"))
    rows = []
    for page, fact in _facts(gold):
        low, high = gold_interval(fact["date"], fact["precision"])
        hits = [e for e in events for s in e.sources if s.source_file == f"{page}.txt" and holds(s.quote, fact["hint"])]
        compatible = [e for e in hits if date.fromisoformat(e.start) <= high and low <= date.fromisoformat(e.end)]
        rows.append({"page": page, "group": fact["group"], "hint": fact["hint"], "ok": bool(compatible),
                     "event_ids": sorted({e.event_id for e in compatible})})
    return events, rows


@pytest.fixture(scope="module")
def chemfire(tmp_path_factory):
    """tests/events/probe_corpus/chemfire: an explosion at a chemical plant and its inquiry, ten pages in
    en de fr ja ko zh (invented outlets, company and town), each dated fact naming its happening (group)."""
    return _read_probe("chemfire", tmp_path_factory.mktemp("chemfire"))


@pytest.fixture(scope="module")
def portstrike(tmp_path_factory):
    """tests/events/probe_corpus/portstrike: a dockworkers' strike from its call to the deal, ten pages in
    en de fr ja zh ko, German and English relative days ("Vorgestern", "Montag vergangener Woche", "The day
    before", "eight days ago", "Last Wednesday")."""
    return _read_probe("portstrike", tmp_path_factory.mktemp("portstrike"))


def test_the_plant_explosions_dated_facts_are_on_the_timeline_in_every_language(chemfire):
    _events, rows = chemfire
    missed = [row["hint"] for row in rows if not row["ok"]]
    # One known miss: "The inquiry, announced by the government three days after the blast, held its first
    # public hearing on 22 September" dates only the hearing.
    assert missed == ["announced by the government three days after the blast"]


def test_one_happening_in_several_languages_joins_and_two_happenings_of_one_day_never_do(chemfire):
    """The inquiry (en fr zh de), the order lifted (en de fr zh), the apology (en de zh), the search of
    the headquarters (en de ko) are each one event; the order to stay indoors given hours after the blast,
    the fire put out and a third body found the same Wednesday, the apology and a protest of the inquiry's
    Friday stay apart (MiniLM: evidence read without the embedder; joined 13/57 pairs before, 39 now)."""
    from eval.eval_coverage_views import merging_of

    _events, rows = chemfire
    merging = merging_of(rows)
    assert merging["wrongly joined"][0] == 0
    assert merging["joined"][0] >= 39
    for group in ("order-lifted", "apology", "search", "third-body"):
        ids = [set(row["event_ids"]) for row in rows if row["group"] == group]
        assert set.intersection(*ids), group


@pytest.fixture(scope="module")
def hospitalhack(tmp_path_factory):
    """tests/events/probe_corpus/hospitalhack: a ransomware attack on a hospital group, ten pages in en de
    fr ja ko, mostly statements ("wie ein Sprecher am Montag bestätigte", "told parliament on Tuesday")."""
    return _read_probe("hospitalhack", tmp_path_factory.mktemp("hospitalhack"))


def test_the_attacks_dated_facts_and_statements_are_on_the_timeline(hospitalhack):
    _events, rows = hospitalhack
    assert [row["hint"] for row in rows if not row["ok"]] == []


def test_the_attack_told_in_five_languages_is_one_event_and_its_days_stay_apart(hospitalhack):
    """The attack of Saturday night (en de ja ko, 'in der Nacht zum Sonntag', '지난 1일 밤'), the
    resignation (en de ja), the ransom confirmed (en de fr): one event each (joined 9/25 pairs before,
    18 now); the group's Monday statement and the attack it confirms stay two."""
    from eval.eval_coverage_views import merging_of

    _events, rows = hospitalhack
    merging = merging_of(rows)
    assert merging["wrongly joined"][0] == 0
    assert merging["joined"][0] >= 18
    for group in ("resignation", "ransom-confirmed"):
        ids = [set(row["event_ids"]) for row in rows if row["group"] == group]
        assert set.intersection(*ids), group


def test_the_strikes_dated_facts_are_on_the_timeline_with_their_day(portstrike):
    _events, rows = portstrike
    missed = [row["hint"] for row in rows if not row["ok"]]
    # Known misses: "eight days ago" joins the strike's call of the day before (one day of slack between two
    # English reports); 「13日晚达成协议」 is read as no event; "said on Thursday he had invited both sides to
    # talks … on Friday" reads the talks' Friday as the one before the page.
    assert len(missed) <= 3, missed
    assert "Am Montag vergangener Woche hatte der Streik begonnen" not in missed
    assert "Vorgestern hatte Verkehrsminister Jonas Berg beide Seiten ins Ministerium eingeladen" not in missed


def test_the_strikes_happenings_join_across_languages_and_its_days_stay_apart(portstrike):
    """The deal (en de fr), the return to work (de fr zh), the injunction asked (de en ja) are each one
    event; the spokesman's statement of the injunction's day and the injunction stay two, and the deal of
    Monday night is no report of Tuesday's return (joined 4/15 pairs and 3 wrong before, 18/22 and 0 now)."""
    from eval.eval_coverage_views import merging_of

    _events, rows = portstrike
    merging = merging_of(rows)
    assert merging["wrongly joined"][0] == 0
    assert merging["joined"][0] >= 18
    for group in ("injunction-asked", "deal"):
        ids = [set(row["event_ids"]) for row in rows if row["group"] == group and row["ok"]]
        assert len(ids) >= 3 and set.intersection(*ids), group
