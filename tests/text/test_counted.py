"""What a figure counts (lib.text.counted): the general vocabulary of news figures, per language.

Magnitudes and model designations are not head counts; attacks and strikes are events, not people;
Chinese and Japanese role words before or after the figure say its role; a figure whose own noun names
a thing never takes its subject from the sentences before.
"""

from __future__ import annotations

import pytest

from lib.text.counted import is_magnitude, is_planned
from lib.text.numbers import extract_quantities


def kinds(sentence: str, language: str, context: str = "") -> dict[float, str]:
    return {q.value: q.counted for q in extract_quantities(sentence, language, context=context)}


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("A magnitude 6.4 earthquake struck the coast on Monday.", "en", 6.4),
        ("A 6.4-magnitude quake hit the region, killing 12 people.", "en", 6.4),
        ("県南部でマグニチュード（M）6.4の地震があり、住民12人がけがをした。", "ja", 6.4),
        ("規模 6.4 の地震で12人が死亡した。", "ja", 6.4),
        ("규모 6.4의 강진으로 주민 12명이 숨졌다.", "ko", 6.4),
        ("当地发生6.4级地震，造成12人死亡。", "zh", 6.4),
        ("Ein Beben der Stärke 6,4 erschütterte die Küste, zwölf Menschen starben.", "de", 6.4),
        ("Un séisme de magnitude 6,4 a frappé la côte et fait 12 morts.", "fr", 6.4),
        ("Землетрясение магнитудой 6,4 произошло у побережья, погибли 12 человек.", "ru", 6.4),
        ("Землетрус магнітудою 6,4 стався біля узбережжя, загинули 12 людей.", "uk", 6.4),
        ("แผ่นดินไหวขนาด 6.4 ทำให้มีผู้เสียชีวิต 12 ราย", "th", 6.4),
    ],
)
def test_a_quakes_magnitude_is_a_measure_not_a_count_of_people(sentence, language, value):
    found = kinds(sentence, language)
    assert found.get(value) in (None, "count"), found
    # the people the sentence counts keep their role
    people = [kind for number, kind in found.items() if number == 12]
    assert people in ([], ["people killed"], ["people wounded"]), found


def test_a_magnitude_needs_its_word_and_a_magnitudes_digits():
    sentence = "The quake of magnitude 6.4 killed 1,200 people."
    assert is_magnitude(sentence, sentence.index("6.4"), sentence.index("6.4") + 3)
    other = "Troop strength 3,000 men."
    assert not is_magnitude(other, other.index("3,000"), other.index("3,000") + 5)


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Die Armee erhielt Flugabwehrsysteme vom Typ SA-22 und Su-27-Jets.", "de"),
        ("북한은 SA-22 지대공 미사일을 받았다.", "ko"),
        ("北朝鮮はSA-22地対空ミサイルを受け取った。", "ja"),
        ("朝鲜获得了SA-22防空导弹。", "zh"),
        ("Армия получила комплексы SA-22.", "ru"),
        ("Russia has also supplied SA-22 air defence systems.", "en"),
    ],
)
def test_a_model_designation_is_not_a_figure(sentence, language):
    assert 22 not in kinds(sentence, language), kinds(sentence, language)


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("At least 61 attacks have been reported across the country since the ceasefire.", "en", 61),
        ("Au moins 61 frappes ont été signalées depuis le cessez-le-feu.", "fr", 61),
        ("Seit der Waffenruhe wurden mindestens 61 Angriffe gemeldet.", "de", 61),
        ("После перемирия зафиксировано 61 нападение.", "ru", 61),
        ("Після перемир'я зафіксовано 61 атаку.", "uk", 61),
        ("停戦後も攻撃は61回に上った。", "ja", 61),
        ("휴전 이후에도 공격이 61회 보고됐다.", "ko", 61),
        ("停火后仍发生空袭61次。", "zh", 61),
        ("หลังหยุดยิงยังมีการโจมตี 61 ครั้ง", "th", 61),
    ],
)
def test_attacks_and_strikes_are_events_not_troops_sent(sentence, language, value):
    context = "The military kept its soldiers and armed forces in the field."
    assert kinds(sentence, language, context=context).get(value) == "count"


@pytest.mark.parametrize(
    "sentence, language, value, counted",
    [
        # Chinese, traditional and simplified, the role after or before the figure
        ("截至31日，地震已造成2056人罹難，受傷人數約3900人，仍有270人下落不明。", "zh", 2056, "people killed"),
        ("截至31日，地震已造成2056人罹難，受傷人數約3900人，仍有270人下落不明。", "zh", 3900, "people wounded"),
        ("截至31日，地震已造成2056人罹難，受傷人數約3900人，仍有270人下落不明。", "zh", 270, "people missing"),
        ("地震已造成2056人罹难，另有3900人受伤。", "zh", 2056, "people killed"),
        ("地震已造成2056人罹难，另有3900人受伤。", "zh", 3900, "people wounded"),
        ("洪水已致12人喪生、5人失蹤。", "zh", 12, "people killed"),
        ("洪水已致12人喪生、5人失蹤。", "zh", 5, "people missing"),
        ("死亡人数升至2056人。", "zh", 2056, "people killed"),
        # Japanese: the role noun before (死者が1644人) or after (1644人が死亡)
        ("国軍によると、死者は1644人、負傷者は3408人に達した。", "ja", 1644, "people killed"),
        ("国軍によると、死者は1644人、負傷者は3408人に達した。", "ja", 3408, "people wounded"),
        ("1644人が死亡し、3408人がけがをした。", "ja", 1644, "people killed"),
        ("1644人が死亡し、3408人がけがをした。", "ja", 3408, "people wounded"),
        # Korean past tenses
        ("강진으로 주민 1천여 명이 숨졌고 2천여 명이 다쳤다.", "ko", 1000, "people killed"),
        ("강진으로 주민 1천여 명이 숨졌고 2천여 명이 다쳤다.", "ko", 2000, "people wounded"),
        # Thai: a space between Thai words ends a phrase, so each figure takes the role of its own phrase
        ("จำนวนผู้เสียชีวิตเพิ่มขึ้นเป็น 86 ราย ส่วนผู้ที่ยังไม่พบตัวเหลืออีก 14 ราย", "th", 86, "people killed"),
        ("จำนวนผู้เสียชีวิตเพิ่มขึ้นเป็น 86 ราย ส่วนผู้ที่ยังไม่พบตัวเหลืออีก 14 ราย", "th", 14, "people missing"),
        ("รายงานผู้เสียชีวิตเพียง 37 ราย บาดเจ็บ 9 ราย ขณะที่ยังต้องติดตามหาตัวอีก 57 ราย", "th", 9, "people wounded"),
        ("รายงานผู้เสียชีวิตเพียง 37 ราย บาดเจ็บ 9 ราย ขณะที่ยังต้องติดตามหาตัวอีก 57 ราย", "th", 57, "people missing"),
    ],
)
def test_cjk_and_thai_role_words_before_or_after_the_figure(sentence, language, value, counted):
    assert kinds(sentence, language).get(value) == counted, kinds(sentence, language)


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("The UN chief said the flood had claimed more than 3,000 lives.", "en", 3000),
        ("Le bilan s'élève à 3 000 vies perdues.", "fr", 3000),
    ],
)
def test_lives_lost_are_people_killed_even_after_a_sentence_about_soldiers(sentence, language, value):
    context = "A soldier flew over the area while the armed forces pressed on with their operations."
    assert kinds(sentence, language, context=context).get(value) == "people killed"


def test_a_figure_with_no_noun_takes_the_subject_named_last_before_it():
    context = ("Fighting went on between soldiers and resistance forces.\n"
               "An opposition group estimates that more than 2,400 people have died.")
    sentence = "A survey agency warned that the number of dead could well exceed 10,000."
    assert kinds(sentence, "en", context=context)[10000] == "people killed"
    # after a sentence about soldiers, a bare toll is the soldiers' (the older behaviour is kept)
    assert kinds("사망 300여 명으로 집계됐다.", "ko", context="북한군 병사들이 전투에 투입됐다.")[300] == "troops killed"


@pytest.mark.parametrize(
    "sentence, value, planned",
    [
        ("The agency warned that the number of dead could well exceed 10,000.", 10000, True),
        ("The toll might rise above 5,000, officials said.", 5000, True),
        ("The flood could have killed 300 people, officials said.", 300, False),
        ("At least 1,644 people died, the military said.", 1644, False),
        # "could" of what someone was able to do is no forecast; French "va" is a word, not the start of "various"
        ("Washington said it could confirm at least 3,000 soldiers training at various locations.", 3000, False),
    ],
)
def test_a_figure_that_could_happen_is_a_forecast(sentence, value, planned):
    figure = next(q for q in extract_quantities(sentence, "en") if q.value == value)
    assert is_planned(sentence, figure.start, figure.end) is planned


def test_a_french_future_is_still_a_plan():
    sentence = "Le gouvernement va envoyer 3 000 soldats."
    figure = next(q for q in extract_quantities(sentence, "fr") if q.value == 3000)
    assert is_planned(sentence, figure.start, figure.end)


@pytest.mark.parametrize(
    "sentence, value, counted",
    [
        ("Rescuers pulled 12 people alive from the rubble on Sunday.", 12, "people rescued"),
        ("Twelve people were found alive under the collapsed building.", 12, "people rescued"),
        ("There is little hope of finding any of the 40 people still under the debris alive.", 40, "people"),
    ],
)
def test_alive_means_rescued_only_when_someone_was_got_out_alive(sentence, value, counted):
    assert kinds(sentence, "en").get(value) == counted, kinds(sentence, "en")


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("Le bilan pourrait dépasser 10 000 morts, selon les experts.", "fr", 10000),
        ("Die Zahl der Toten könnte auf mehr als 10.000 steigen.", "de", 10000),
        ("死者は1万人を超える恐れがある。", "ja", 10000),
        ("사망자가 1만 명을 넘어설 수 있다고 경고했다.", "ko", 10000),
        ("死亡人数可能超过1万人。", "zh", 10000),
        ("ยอดผู้เสียชีวิตอาจสูงถึง 10,000 ราย", "th", 10000),
    ],
)
def test_a_toll_that_could_rise_is_a_forecast_in_every_language(sentence, language, value):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert is_planned(sentence, figure.start, figure.end)


@pytest.mark.parametrize("given", [True, False], ids=["language given", "language from its words"])
@pytest.mark.parametrize(
    "sentence, language, value, planned",
    [
        # German "plant" is "plans": the figure is a plan ...
        ("Pjöngjang plant die Entsendung von 25.000 Arbeitern nach Russland.", "de", 25000, True),
        ("Die Regierung plant, weitere 5.000 Soldaten nach Russland zu schicken.", "de", 5000, True),
        # ... English "plant" is a factory, and the figure beside it a count of what is there.
        ("The drone plant employs 3,000 workers, the ministry said.", "en", 3000, False),
        ("The plant was hit and 12 people were killed.", "en", 12, False),
        ("North Korea may send 25,000 workers to a Russian drone plant.", "en", 25000, True),
    ],
)
def test_a_cue_word_of_one_language_is_not_read_in_another(sentence, language, value, planned, given):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert is_planned(sentence, figure.start, figure.end, language if given else None) is planned


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The United States imposed tariffs on $50 billion of imports.", 50e9),  # French "tarif" is no English word
        ("The Grand Prix's prize fund is $15 million.", 15e6),  # nor French "prix"
    ],
)
def test_an_english_amount_of_money_is_no_price_because_of_a_french_word(sentence, value):
    assert kinds(sentence, "en").get(value) == "money", kinds(sentence, "en")


def test_german_words_still_count_in_german_sentences():
    assert kinds("Nordkorea hat 3.000 Soldaten geschickt, sagt ein Sprecher.", "de") == {3000: "troops sent"}
    assert kinds("Bei dem Beben kamen 1.000 Menschen ums Leben.", "de") == {1000: "people killed"}


def test_reading_a_quote_without_its_language_does_not_load_the_language_model():
    # The Compare page reads claims' quotes again with no language; the ~90 MB model stays released.
    from lib.text.language import _identifier, release_language_model

    release_language_model()
    sentence = "The plant employs 3,000 workers, officials told reporters in the capital."
    figure = next(q for q in extract_quantities(sentence) if q.value == 3000)
    assert not is_planned(sentence, figure.start, figure.end)
    assert _identifier.cache_info().currsize == 0
