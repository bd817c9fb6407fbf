"""What a figure is for, as the Compare rows read it: a price's amount of goods, a change of a
price, a planned figure, and one row per kind of figure on a many-source story (coverage-dev)."""

from __future__ import annotations

import shutil

import pytest

from eval.eval_coverage_views import BENCH
from lib.claims.figures import _priced
from lib.claims.build import build_claims
from lib.core.settings import load_settings
from lib.ingest.corpus import load_corpus
from lib.text.counted import is_planned, price_basis
from lib.text.numbers import extract_quantities


def _kinds(sentence: str, language: str, context: str = "") -> dict[float, str]:
    quantities = _priced(sentence, tuple(extract_quantities(sentence, language, context=context)), context)
    return {quantity.value: quantity.counted for quantity in quantities if quantity.unit in ("JPY", "KRW")}


@pytest.mark.parametrize(
    "sentence, language, value, kind",
    [
        ("The rice was sold at a weighted average of ¥21,217 per 60 kilograms, before consumption tax.", "en", 21217, "price per 60 kg"),
        ("The average price of a 5-kilogram bag was ¥3,892 in the week of Feb. 10 to 16.", "en", 3892, "price per 5 kg"),
        ("平均の落札価格は60キロ当たり2万1926円（税込み）。", "ja", 21926, "price per 60 kg"),
        ("全国のスーパーの平均価格は5キロあたり4268円でした。", "ja", 4268, "price per 5 kg"),
        ("쌀 5㎏ 평균 가격은 4316엔으로 올랐다.", "ko", 4316, "price per 5 kg"),
        ("A 5-kg bag cost 3,920 yen on average, down 256 yen from the previous week.", "en", 256, "price change"),
        ("쌀 5㎏ 평균 가격은 4316엔으로 한 주 전보다 81엔 올랐다.", "ko", 81, "price change"),
        ("Rice prices rose sharply, and a bag now costs ¥4,000.", "en", 4000, "price"),
    ],
)
def test_a_prices_amount_of_goods_is_part_of_its_kind(sentence, language, value, kind):
    assert _kinds(sentence, language)[value] == kind


def test_a_price_without_its_amount_takes_the_one_of_the_sentence_before():
    context = "쌀 5㎏ 평균 가격은 4316엔이었다."
    sentence = "종전 최고치는 지난 5월의 4285엔이었다."
    assert _kinds(sentence, "ko", context)[4285] == "price per 5 kg"
    assert price_basis(sentence, 0, 1) is None


@pytest.mark.parametrize(
    "sentence, value, planned",
    [
        ("Park quoted Cho as saying Pyongyang intends to have around 10,000 troops in Russia by December.", 10000, True),
        ("After meeting Kim Jong Un, Shoigu said North Korea would send 1,000 sappers and 5,000 military builders.", 5000, True),
        ("Russia's Kursk region will get 6,000 North Korean military personnel, Shoigu said.", 6000, True),
        ("12月ごろまでには合計で1万人ほどになるとみている。", 10000, True),
        ("By the NIS's count, roughly 11,000 North Korean soldiers have been sent to Russia.", 11000, False),
        ("About 10,000 North Korean soldiers are now training in Russia's east and will probably be sent to the front.", 10000, False),
        ("送り出した兵士はこれまでに約3000人に上るとの分析を示した。", 3000, False),
        ("북한이 지금까지 러시아로 보낸 병력은 1만 5천 명 정도입니다.", 15000, False),
    ],
)
def test_planned_pledged_or_expected_figures_are_told_from_counts(sentence, value, planned):
    figure = next(q for q in extract_quantities(sentence) if q.value == value)
    assert is_planned(sentence, figure.start, figure.end) is planned


@pytest.fixture(scope="module")
def many_sources(tmp_path_factory, embedder):
    story = BENCH / "russia-dprk"
    if not story.is_dir():
        pytest.skip(f"needs the coverage-dev pages at {story}")
    folder = tmp_path_factory.mktemp("russia-dprk")
    for page in sorted(story.glob("*.txt")):
        shutil.copy(page, folder / page.name)
    corpus = load_corpus(load_settings(folder))
    return build_claims(corpus, embedder)


def test_each_kind_of_figure_is_compared_in_one_row_whatever_the_language(many_sources):
    # "count" (a figure that does not say what it counts) is never compared across rows.
    kinds = [topic.counted for topic in many_sources.topics if topic.counted not in (None, "count") and topic.figures]
    assert len(kinds) == len(set(kinds)), kinds
    troops = many_sources.topic("troops-sent")
    languages = {claim.source_file for claim in troops.figures}
    assert "a14.txt" in languages, "the Korean report of 15,000 troops joins the troop row"
    assert all(claim.counted == "troops sent" for claim in troops.figures)
    assert troops.status == "evolving"
    assert troops.verdict.startswith("Rose from around 3,000 troops (Oct 2024)")


def test_rows_found_by_kind_are_labelled_in_the_words_of_their_sentences(many_sources):
    labels = {topic.counted: topic.label for topic in many_sources.topics if topic.counted}
    assert labels["troops killed or wounded"] == "North Korean soldiers killed or wounded"
    assert not any(label.startswith(("Figures of", "Also compared")) for kind, label in labels.items() if kind != "count")
    assert many_sources.topic("troops-sent").label == "How many North Korean troops were sent to Russia"


def test_figures_that_do_not_say_what_they_count_are_never_compared(many_sources):
    # '80-летия', 'ＩＣＢＭ「火星２０」', '43 заходи': a row of such figures would judge unrelated numbers
    assert not [topic.label for topic in many_sources.topics if topic.counted == "count"]


def test_a_row_label_needs_a_name_two_sources_share():
    from lib.claims.grouping import figure_row_label
    from lib.core.models import Claim, PublishedDate

    def claim(source: str, quote: str) -> Claim:
        return Claim("t", source, source, quote, 0, "", 10.0, None, "people", None, PublishedDate.unknown(), False, source, "people killed")

    shared = [claim("a", "In March, 10 people died in Mandalay, Myanmar's officials said."), claim("b", "On Monday, Myanmar's junta put the toll at 12.")]
    assert figure_row_label("people killed", "people", shared) == "People killed: Myanmar"
    alone = [claim("a", "In March, 10 people died in Mandalay."), claim("b", "地震で12人が死亡した。")]
    assert figure_row_label("people killed", "people", alone) == "People killed"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What is the price of 5 kg of rice?", "price per 5 kg"),
        ("How much does rice cost?", "price"),
        ("How many North Korean troops were killed or wounded?", "troops killed or wounded"),
    ],
)
def test_a_question_asks_for_one_kind_of_figure(question, kind):
    from lib.claims.questions import asked_kind

    assert asked_kind(question)[1] == kind


def test_a_price_question_without_an_amount_takes_any_price_but_not_a_change():
    from lib.claims.questions import gives_asked_kind

    sentence = "A 5-kg bag cost 3,920 yen on average, down 256 yen from the previous week."
    figures = {q.value: q for q in _priced(sentence, tuple(extract_quantities(sentence, "en")), "")}
    assert gives_asked_kind(figures[3920], "price") and not gives_asked_kind(figures[256], "price")
    assert gives_asked_kind(figures[3920], "price per 5 kg") and not gives_asked_kind(figures[3920], "price per 60 kg")


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("Встреча прошла после военного парада по случаю 80-летия окончания войны, где были солдаты.", "ru", 80),
        ("派兵の対価については、兵士1人当たり月2000ドル程度が支払われる。", "ja", 1),
    ],
)
def test_an_adjective_or_a_rates_base_counts_nobody(sentence, language, value):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert figure.counted == "count"


@pytest.mark.parametrize(
    "sentence, language, value, kind",
    [
        ("노동당 청사 '추모의 벽'에 걸린 전사자 초상 101점에 메달이 수여됐다.", "ko", 101, "count"),
        ("追悼の壁に掛けられた戦死者の肖像画101点に勲章が授与された。", "ja", 101, "count"),
        ("追悼墙上悬挂的阵亡士兵肖像101幅被授予勋章。", "zh", 101, "count"),
        ("러시아 전선에 투입된 북한군 사상자는 4,700여 명이다.", "ko", 4700, "troops killed or wounded"),
        ("북한은 1만 장병을 러시아에 파견했다.", "ko", 10000, "troops sent"),
        ("軍事パレードで姿を見せたＩＣＢＭ「火星２０」は、兵士の前で公開された。", "ja", 20, "count"),
        ("北朝鮮が送った兵士は「約3000人」だという。", "ja", 3000, "troops sent"),
    ],
)
def test_a_counter_word_for_things_counts_objects_not_people(sentence, language, value, kind):
    kinds = {q.counted for q in extract_quantities(sentence, language) if q.value == value}
    # A count of things may also not be read as a figure at all; it is never a count of people.
    assert kinds <= {"count"} if kind == "count" else kinds == {kind}


def test_a_sentence_with_a_count_and_a_plan_gives_the_count(many_sources):
    troops = many_sources.topic("troops-sent")
    claim = next(claim for claim in troops.figures if claim.source_file == "a05.txt" and "3000人" in claim.quote)
    assert claim.value == 3000
