"""What figures count, on kinds of story the development sets do not hold (floods, wildfires, strikes,
recalls, elections, quakes), in the sets' languages. Sentences written for this test from general news
wording; each row: (value, qualifier, counted kind). A wrong kind or qualifier here makes Compare set a
figure beside unlike ones, or read "rose to 2,719" as a ceiling that agrees with anything below it."""

import pytest

from lib.text.numbers import extract_quantities

CASES = [
    ("en", "The floods have killed at least 212 people and left 1,300 injured, officials said.",
     [(212, "at least", "people killed"), (1300, None, "people wounded")]),
    ("en", "Rescuers pulled 37 survivors from the rubble overnight.", [(37, None, "people rescued")]),
    ("en", "More than 89 people remain unaccounted for after the dam burst.", [(89, "more than", "people missing")]),
    ("en", "Some 40,000 residents were evacuated as the wildfire spread.", [(40000, "around", "people displaced")]),
    ("en", "The union said 120,000 workers walked out on Tuesday.", [(120000, None, "workers")]),
    ("en", "The death toll from the heatwave rose to 1,180 on Monday.", [(1180, None, "people killed")]),
    ("en", "The number of confirmed dead climbed to 3,354, with 4,508 injured and 220 missing.",
     [(3354, None, "people killed"), (4508, None, "people wounded"), (220, None, "people missing")]),
    ("fr", "Plus de 2 700 personnes ont péri dans la catastrophe.", [(2700, "more than", "people killed")]),
    ("fr", "Les secouristes ont sauvé 29 personnes coincées sous les décombres.", [(29, None, "people rescued")]),
    ("fr", "On compte désormais 41 survivants parmi les passagers.", [(41, None, "people rescued")]),
    ("fr", "Le séisme, d'une magnitude de 7,7, a frappé à 12h50.", [(7.7, None, "count")]),
    ("fr", "Le bilan a grimpé jusqu'à 2 719 morts.", [(2719, None, "people killed")]),
    ("de", "Rettungskräfte bargen 45 Überlebende aus den Trümmern.", [(45, None, "people rescued")]),
    ("de", "Bei dem Unglück kamen mindestens 17 Menschen ums Leben.", [(17, "at least", "people killed")]),
    # German nouns are capitalised: a verb after the figure names nothing it counts.
    ("de", "Nach den Unwettern ist die Zahl der Toten auf mindestens 205 gestiegen.", [(205, "at least", "people killed")]),
    ("de", "Es gab 2 weitere Tote.", [(2, None, "people killed")]),
    ("de", "Das Beben der Stärke 7,7 ereignete sich in 10 Kilometern Tiefe.", [(7.7, None, "count"), (10, None, "distance")]),
    ("ja", "死者は2719人にまで増えた。", [(2719, None, "people killed")]),
    ("ja", "救助隊はがれきの下から29人を救出した。", [(29, None, "people rescued")]),
    ("ko", "실종자는 441명에 이른다.", [(441, None, "people missing")]),
    ("zh", "约3万人被迫撤离。", [(30000, "around", "people displaced")]),
    ("zh", "救援队从废墟中救出29名幸存者。", [(29, None, "people rescued")]),
    ("ru", "Число погибших возросло до 2719 человек, ранены 4521.",
     [(2719, None, "people killed"), (4521, None, "people wounded")]),
    ("ru", "Спасатели извлекли из-под завалов 29 выживших.", [(29, None, "people rescued")]),
    ("ru", "Россия может направить до 10 тысяч военных.", [(10000, "up to", "troops sent")]),
    ("uk", "Кількість загиблих зросла до 2719 осіб, поранено 4521.",
     [(2719, None, "people killed"), (4521, None, "people wounded")]),
    ("es", "El número de muertos aumentó hasta 2.719.", [(2719, None, "people killed")]),
    # Crowds: a protest's size is its own kind, and the second figure of a pair keeps the first's noun.
    ("fr", "À Paris, la préfecture de police a compté 80 000 manifestants, contre 400 000 selon les syndicats.",
     [(80000, None, "people protesting"), (400000, None, "people protesting")]),
    ("de", "Das Innenministerium zählte 1,28 Millionen Demonstranten, die Gewerkschaft sprach von 3,5 Millionen.",
     [(1_280_000, None, "people protesting"), (3_500_000, None, "people protesting")]),
    ("en", "More than 1 million people took to the streets on Thursday to protest against plans to raise the "
     "retirement age from 62 to 64, the interior ministry said.", [(1_000_000, "more than", "people protesting")]),
    ("en", "Security forces killed 30 protesters on Friday.", [(30, None, "people killed")]),
    ("ja", "主催者によると、デモには約10万人が参加した。", [(100000, "around", "people protesting")]),
    ("ko", "경찰 추산 5만명이 집회에 참가했다.", [(50000, None, "people protesting")]),
    ("en", "Turnout was 67 percent, up from 60 in 2019.", [(67, None, "percent"), (60, None, "percent")]),
    # Ages are no counts.
    ("en", "The victims, aged 64 and 70, were found dead.", []),
    ("de", "Macron will das Rentenalter von 62 auf 64 Jahre anheben.", []),
    ("th", "มีผู้เสียชีวิต 2,719 ราย บาดเจ็บ 4,521 ราย และสูญหาย 441 ราย",
     [(2719, None, "people killed"), (4521, None, "people wounded"), (441, None, "people missing")]),
]


@pytest.mark.parametrize("language, sentence, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_what_a_figure_counts_on_other_stories(language, sentence, expected):
    found = [(q.value, q.qualifier, q.counted) for q in extract_quantities(sentence, language)]
    assert found == [(float(value), qualifier, kind) for value, qualifier, kind in expected]


def test_plans_as_a_noun_do_not_make_a_figure_planned():
    from lib.text.counted import is_planned

    protest = "More than 1 million people marched on Thursday against plans to raise the retirement age."
    plan = "Russia plans to send 10,000 troops."
    assert not is_planned(protest, protest.index("1"), protest.index("1") + 9, "en")
    assert is_planned(plan, plan.index("10,000"), plan.index("10,000") + 6, "en")


@pytest.mark.parametrize("language, sentence, expected", [
    ("en", "Five million inhabitants were affected.", [(5_000_000, "Five million", "people")]),
    ("en", "A million people fled the city.", [(1_000_000, "million", "people displaced")]),
    ("de", "Fünf Millionen Menschen sind betroffen.", [(5_000_000, "Fünf Millionen", "people")]),
    ("fr", "Trois personnes ont été tuées et vingt-deux soldats blessés.",
     [(3, "Trois", "people killed"), (22, "vingt-deux", "troops wounded")]),
    ("es", "Tres personas murieron en el incendio.", [(3, "Tres", "people killed")]),
    ("en", "At least 2,000 people were killed.", [(2000, "2,000", "people killed")]),
])
def test_figures_written_in_words_keep_their_words(language, sentence, expected):
    """Read by text2num, shown with the words the page wrote (the quote is never rewritten)."""
    found = [(q.value, q.text, q.counted) for q in extract_quantities(sentence, language)]
    assert found == [(float(value), text, kind) for value, text, kind in expected]
    for quantity in extract_quantities(sentence, language):
        assert sentence[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize("language, sentence, kind", [
    ("de", "Der Benzinpreis stieg auf 1,85 Euro je Liter.", "price"),  # a capitalised currency, a compound 'preis'
    ("fr", "Le gazole coûtait 1,95 euro le litre.", "price"),
    ("es", "El gasóleo se vendía a 1,60 euros el litro.", "price"),
    ("en", "Gas averaged $3.15 a gallon.", "price"),
    ("de", "Die Regierung stellt 100 Millionen Euro bereit.", "money"),
    ("en", "The aid package is worth $15 million.", "money"),
])
def test_fuel_and_food_prices_in_other_languages(language, sentence, kind):
    assert [q.counted for q in extract_quantities(sentence, language)] == [kind]


@pytest.mark.parametrize("language, sentence, qualifier", [
    ("ja", "死者は1万人を超えた。", "more than"),
    ("ko", "사망자가 1만5000명을 넘어섰다.", "more than"),
    ("ja", "平均価格は4000円を下回った。", "less than"),
    ("ja", "前の週より17円上回った。", None),  # no particle: a change by 17 yen, not a bound
])
def test_a_verb_of_passing_after_a_cjk_figure_bounds_it(language, sentence, qualifier):
    assert [q.qualifier for q in extract_quantities(sentence, language)] == [qualifier]
