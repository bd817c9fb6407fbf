"""Figures in every language the coverage sets use, each with what it counts (lib.text.counted)."""

from __future__ import annotations

import pytest

from lib.text.numbers import extract_quantities


@pytest.mark.parametrize(
    "sentence, language, value, value_high, qualifier",
    [
        ("러시아로 나간 노동자는 1만5000명 안팎으로 추산된다.", "ko", 15000, None, "around"),
        ("派遣された兵士は1万5千人にのぼる。", "ja", 15000, None, None),
        ("두 번에 나눠 1만 5천 명 정도입니다.", "ko", 15000, None, "around"),
        ("入札では約10万トンが落札された。", "ja", 100000, None, "around"),
        ("計21万2千トンと合わせると、放出量は31万2千トンになる。", "ja", 212000, None, None),
        ("平均価格は5キロ4285円でした。", "ja", 4285, None, None),
        ("사망 300여 명으로 집계됐다.", "ko", 300, None, "more than"),
        ("兵士は1万〜1万2000人とみられる。", "ja", 10000, 12000, None),
        ("Les secours ont recensé 25 000 personnes sans abri.", "fr", 25000, None, None),
        ("Inzwischen halten sich rund 10.000 Soldaten in Russland auf.", "de", 10000, None, "around"),
        ("Die Regierung sagte 1,6 Millionen Euro zu.", "de", 1_600_000, None, None),
        ("Росія переправила понад мільйон барелів нафти.", "uk", 1_000_000, None, "more than"),
        ("приблизно 56 тисяч тонн нафти", "uk", 56000, None, "around"),
        ("Ships carried as many as 9 million rounds of artillery ammunition.", "en", 9_000_000, None, "up to"),
    ],
)
def test_figures_are_read_in_every_format(sentence, language, value, value_high, qualifier):
    figures = [q for q in extract_quantities(sentence, language) if q.value == value]
    assert figures, [(q.value, q.text) for q in extract_quantities(sentence, language)]
    assert figures[0].value_high == value_high
    assert figures[0].qualifier == qualifier
    assert sentence[figures[0].start : figures[0].end] == figures[0].text


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("政府備蓄米を市場に出すため23〜25日に実施した3回目の入札", "ja"),  # days and an ordinal
        ("2025年3月に始まった。", "ja"),
        ("Der Vertrag trat am 4. Dezember in Kraft.", "de"),
        ("Документ подписали 19 июня 2024 года.", "ru"),
        ("Угода набула чинності 22 листопада.", "uk"),
        ("北朝鮮は2日前に発表した。", "ja"),
        ("12시 30분에 도착했다.", "ko"),
    ],
)
def test_dates_times_and_ordinals_are_not_figures(sentence, language):
    assert extract_quantities(sentence, language) == []


@pytest.mark.parametrize(
    "sentence, language, value, counted",
    [
        ("More than 3,000 North Korean soldiers have been killed or wounded, he said.", "en", 3000, "troops killed or wounded"),
        ("The country has sent about 11,000 troops to the front.", "en", 11000, "troops sent"),
        ("At least 100 soldiers had been killed and close to 1,000 wounded.", "en", 100, "troops killed"),
        ("At least 100 soldiers had been killed and close to 1,000 wounded.", "en", 1000, "troops wounded"),
        ("사망 300여 명, 부상 2,700여 명 등 3천 명을 넘어선 것으로 보고 있다.", "ko", 300, "people killed"),
        ("사망 300여 명, 부상 2,700여 명 등 3천 명을 넘어선 것으로 보고 있다.", "ko", 2700, "people wounded"),
        ("사망 300여 명, 부상 2,700여 명 등 3천 명을 넘어선 것으로 보고 있다.", "ko", 3000, "people killed or wounded"),
        ("Südkoreas Generalstab kommt auf etwa 1100 Getötete und Verletzte.", "de", 1100, "people killed or wounded"),
        ("死者は3085人、行方不明者は341人に上った。", "ja", 3085, "people killed"),
        ("死者は3085人、行方不明者は341人に上った。", "ja", 341, "people missing"),
        ("Le bilan s'élève à 2 000 morts et 4 000 blessés.", "fr", 4000, "people wounded"),
        ("Погибли не менее 150 мирных жителей.", "ru", 150, "people killed"),
        ("北朝鮮が送った約1万人の兵士が国境地帯にいる。", "ja", 10000, "troops sent"),
        ("노동자는 1만 5천 명 안팎으로 추산된다.", "ko", 15000, "workers"),
        ("全国のスーパーの平均価格は5キロあたり4268円でした。", "ja", 4268, "price"),
        ("쌀 5㎏ 평균 가격은 4316엔으로 올랐다.", "ko", 4316, "price"),
        ("The government pledged $5 million in aid.", "en", 5_000_000, "money"),
        ("Rice held by the private sector stood at 1.56 million tons.", "en", 1_560_000, "weight"),
        ("落札率は99.97％だった。", "ja", 99.97, "percent"),
        ("Russian ships carried as many as 9 million rounds of artillery ammunition.", "en", 9_000_000, "munitions"),
    ],
)
def test_every_figure_says_what_it_counts(sentence, language, value, counted):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert figure.counted == counted


def test_the_previous_sentence_names_what_an_unnamed_count_counts():
    context = "북한군 병력이 러시아 전선에 투입됐다."
    figure = extract_quantities("사망 300여 명으로 집계됐다.", "ko", context=context)[0]
    assert figure.counted == "troops killed"
    assert figure.unit == "troops"


def test_figures_of_one_kind_share_a_unit_across_languages():
    english = extract_quantities("About 10,000 North Korean soldiers are in Russia.", "en")[0]
    japanese = extract_quantities("北朝鮮の兵士約1万人がロシアにいる。", "ja")[0]
    german = extract_quantities("Rund 10.000 nordkoreanische Soldaten sind in Russland.", "de")[0]
    assert english.unit == japanese.unit == german.unit == "troops"
    assert english.counted == japanese.counted == german.counted == "troops sent"


@pytest.mark.parametrize(
    "sentence, value, counted",
    [
        ("ยอดผู้เสียชีวิตเพิ่มขึ้นเป็น 1,002 ราย บาดเจ็บ 2,376 ราย และสูญหาย 30 ราย", 1002, "people killed"),
        ("ยอดผู้เสียชีวิตเพิ่มขึ้นเป็น 1,002 ราย บาดเจ็บ 2,376 ราย และสูญหาย 30 ราย", 2376, "people wounded"),
        ("ยอดผู้เสียชีวิตเพิ่มขึ้นเป็น 1,002 ราย บาดเจ็บ 2,376 ราย และสูญหาย 30 ราย", 30, "people missing"),
        ("อาคารมูลค่า 2,136 ล้านบาท ถล่มลงมา", 2_136_000_000, "money"),
        ("地震造成3085人死亡、4715人受伤。", 3085, "people killed"),
        ("地震造成3085人死亡、4715人受伤。", 4715, "people wounded"),
    ],
)
def test_thai_and_chinese_figures_take_the_cue_written_before_them(sentence, value, counted):
    figure = next(q for q in extract_quantities(sentence) if q.value == value)
    assert figure.counted == counted


@pytest.mark.parametrize(
    "sentence, value, unit, counted",
    [
        ("Stocks were about a fifth lower than a year earlier.", 20, "%", "percent"),
        ("The shop had received only around half of its normal deliveries.", 50, "%", "percent"),
        ("Rice prices have roughly doubled from a year earlier.", 2, "times", "ratio"),
    ],
)
def test_shares_and_multiples_in_words_are_figures(sentence, value, unit, counted):
    (figure,) = extract_quantities(sentence, "en")
    assert (figure.value, figure.unit, figure.counted) == (value, unit, counted)


@pytest.mark.parametrize("sentence", ["He waited half an hour.", "A third country joined the talks.", "Prices rose by half."])
def test_halves_and_thirds_that_are_not_shares_are_not_figures(sentence):
    assert extract_quantities(sentence, "en") == []


@pytest.mark.parametrize(
    "sentence, value, counted",
    [
        ("At least 2,719 people have been killed, 4,521 injured and 441 are still missing.", 441, "people missing"),
        ("At least 2,719 people have been killed, 4,521 injured and 441 are still missing.", 4521, "people wounded"),
        ("The flood displaced about 50,000 residents and destroyed 3,000 homes.", 50000, "people displaced"),
        ("The flood displaced about 50,000 residents and destroyed 3,000 homes.", 3000, "count"),
        ("The toll could exceed 10,000, the agency estimated.", 10000, "people killed"),
        ("China will provide 100 million yuan in emergency humanitarian aid.", 100_000_000, "money"),
        ("The contingent will consist of 1,000 sappers and 5,000 military builders.", 5000, "troops sent"),
        ("The first movement of about 1,500 special operations troops was carried out by ship.", 1500, "troops sent"),
    ],
)
def test_each_figure_of_a_sentence_gets_its_own_kind(sentence, value, counted):
    figure = next(q for q in extract_quantities(sentence, "en") if q.value == value)
    assert figure.counted == counted


@pytest.mark.parametrize(
    "sentence, language, value, counted",
    [
        ("死者は2719人、負傷者は4521人、行方不明者は441人に上っている。", "ja", 441, "people missing"),
        ("造成3354人遇难、4508人受伤、220人失踪。", "zh", 4508, "people wounded"),
        ("中国救援队已救出9名幸存者。", "zh", 9, "people rescued"),
        ("Die Zahl der Toten stieg auf 1700, mehr als 3400 Menschen wurden verletzt.", "de", 1700, "people killed"),
        ("Au moins 17 personnes ont été tuées sur un chantier.", "fr", 17, "people killed"),
        ("Le bilan s'élève à 2 719 morts, 4 521 blessés et 441 disparus.", "fr", 441, "people missing"),
        ("Rescuers have pulled 29 people alive from the rubble.", "en", 29, "people rescued"),
        ("Some 200 Japanese nationals live in the area.", "en", 200, "people"),
        ("More than 1,000 aftershocks have been recorded.", "en", 1000, "count"),
    ],
)
def test_tolls_of_any_disaster_are_typed_in_every_language(sentence, language, value, counted):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert figure.counted == counted


@pytest.mark.parametrize(
    "sentence, language, value, qualifier, counted",
    [
        ("数千人の兵士が派遣された。", "ja", 1000, "thousands", "troops sent"),
        ("수천 명이 대피했다.", "ko", 1000, "thousands", "people displaced"),
        ("ผู้เสียชีวิต ๑๗ ราย", "th", 17, None, "people killed"),
    ],
)
def test_vague_magnitudes_and_thai_digits_are_read(sentence, language, value, qualifier, counted):
    (figure,) = extract_quantities(sentence, language)
    assert (figure.value, figure.qualifier, figure.counted) == (value, qualifier, counted)
    assert figure.is_vague == (qualifier is not None)


def test_several_days_is_not_a_figure():
    assert extract_quantities("数日後に発表した。", "ja") == []


@pytest.mark.parametrize(
    "sentence, value, counted",
    [
        ("The storm swept the coast, killing at least 2,000 people.", 2000, "people killed"),
        ("Floods have killed 45 people and left 12 others missing.", 12, "people missing"),
        ("More than 1,700 people perished in the disaster.", 1700, "people killed"),
    ],
)
def test_killing_perishing_and_the_others_are_typed(sentence, value, counted):
    figure = next(q for q in extract_quantities(sentence, "en") if q.value == value)
    assert figure.counted == counted


@pytest.mark.parametrize(
    "sentence, language, value, text",
    [
        ("条約は全23条からなります。", "ja", 23, "23条"),  # counted after 全: 23 articles
        ("コメの平均価格は10週連続で上昇した。", "ja", 10, "10週連続"),  # a run of weeks is a count, not a date
        ("5kg 평균 가격은 10주 연속 4000엔대에 머물고 있다.", "ko", 10, "10주 연속"),
    ],
)
def test_counts_of_sections_and_runs_of_weeks_are_figures(sentence, language, value, text):
    figure = next(q for q in extract_quantities(sentence, language) if q.value == value)
    assert figure.text == text and figure.counted == "count"


@pytest.mark.parametrize("sentence", ["憲法9条を改正する案が出た。", "このうち第4条は援助を定めている。"])
def test_a_numbered_section_is_not_a_figure(sentence):
    assert not [q for q in extract_quantities(sentence, "ja") if q.value in (4, 9)]


@pytest.mark.parametrize(
    "sentence, language, value, counted",
    [
        ("The death toll rose to 2,056, the junta said.", "en", 2056, "people killed"),
        ("Le bilan est de 2 056 morts.", "fr", 2056, "people killed"),
        ("Plus de 2 000 bâtiments se sont effondrés.", "fr", 2000, "count"),
        ("Over 100 monks died when the monastery collapsed.", "en", 100, "people killed"),
        ("Around 1,000 people were hospitalised.", "en", 1000, "people wounded"),
        ("已发生余震超过60次。", "zh", 60, "count"),
        ("地震造成2000多栋房屋倒塌。", "zh", 2000, "count"),
    ],
)
def test_counts_in_the_two_thousands_and_living_nouns_are_typed(sentence, language, value, counted):
    """A figure written with a thousands separator is never a year; a casualty verb attached to any noun counts people."""
    found = [q for q in extract_quantities(sentence, language) if q.value == value]
    assert found and found[0].counted == counted


@pytest.mark.parametrize("sentence, language", [("The treaty was signed in 2024 by both sides.", "en"), ("Im Jahr 2024 wurde es unterzeichnet.", "de"), ("二次災害に警戒している。", "ja")])
def test_years_and_words_with_numerals_are_no_figures(sentence, language):
    assert extract_quantities(sentence, language) == []


def test_a_thai_floor_count_is_not_a_head_count():
    found = extract_quantities("อาคารสูง 30 ชั้นถล่ม มีคนงานติดอยู่ 100 คน", "th")
    assert [q.value for q in found] == [100]


@pytest.mark.parametrize(
    "sentence, language, value, counted",
    [
        ("แรงสั่นสะเทือนรู้สึกได้ไกลกว่า 1,000 กิโลเมตร", "th", 1000, "distance"),
        ("ค่าเสียหายกว่า 1.5 หมื่นล้านบาท", "th", 15_000_000_000, "money"),
        ("ราคาเพิ่มขึ้นร้อยละ 20", "th", 20, "percent"),
        ("物价上涨了百分之20。", "zh", 20, "percent"),
        ("ทีมกู้ภัยจำนวน 50 นาย", "th", 50, "people"),
        ("ยอดผู้เสียชีวิต 19 ศพ", "th", 19, "people killed"),
    ],
)
def test_thai_and_chinese_measures_scales_and_counters(sentence, language, value, counted):
    (found,) = extract_quantities(sentence, language)
    assert (found.value, found.counted) == (value, counted)


def test_a_chinese_floor_count_is_not_a_head_count():
    found = extract_quantities("泰国曼谷一栋在建的30层大楼倒塌，约100名工人被困。", "zh")
    assert [q.value for q in found] == [100]


def test_an_amount_after_a_sentence_giving_a_price_change_is_a_price():
    found = extract_quantities("去年の同じ時期の2120円と比べ、2倍を超えています。", "ja", context="前の週より17円高く、最も高くなりました。")
    assert [q.counted for q in found if q.value == 2120] == ["price"]
    alone = extract_quantities("去年の同じ時期の2120円と比べ、2倍を超えています。", "ja", context="統計を取り始めた2022年3月以降で最も高くなりました。")
    assert [q.counted for q in alone if q.value == 2120] == ["money"]


@pytest.mark.parametrize("sentence, language", [("Аналітики нарахували 43 заходи північнокорейських танкерів.", "uk"), ("Analysts counted 43 visits by tankers.", "en")])
def test_tankers_are_not_tanks(sentence, language):
    assert [q.counted for q in extract_quantities(sentence, language)] == ["count"]


def test_economic_losses_are_not_casualties():
    (found,) = extract_quantities("USGS estimated fatalities could exceed 10,000 and economic losses could be high.", "en")
    assert found.counted == "people killed"
    (troops,) = extract_quantities("Ukraine said North Korean losses reached 4,000 soldiers.", "en")
    assert troops.counted == "troops killed or wounded"


@pytest.mark.parametrize(
    "sentence, language, value",
    [
        ("タイでは建設中のビルが倒壊し、10人が死亡、78人の安否が分かっていません。", "ja", 78),
        ("がれきの下敷きになっている人は少なくとも30人いるとみられます。", "ja", 30),
        ("仍有30人被困在废墟下。", "zh", 30),
        ("มีผู้เสียชีวิตแล้ว 10 ราย ผู้ได้รับบาดเจ็บ 9 ราย และยังติดอยู่ใต้ซากอาคารอีก 78 ราย", "th", 78),
        ("At least 30 people remain trapped under the rubble.", "en", 30),
    ],
)
def test_people_trapped_or_of_unknown_whereabouts_are_counted_with_the_missing(sentence, language, value):
    assert [q.counted for q in extract_quantities(sentence, language) if q.value == value] == ["people missing"]
