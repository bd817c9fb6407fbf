"""Probe set: event sentences and non-events on pages in languages the work was not tuned on.

Pages written for this probe (no bundled or dev page), published on Wednesday 2 April 2025: a
happening with a date phrase ("last Friday", "two days ago", a full date) is an event of that day;
a plan is never dated after its page; a byline, a line of dates and furniture are not events.
"""

from __future__ import annotations

import pytest

from tests.support.event_pages import page_reader

PAGE_DAY = "2025-04-02"
LAST_FRIDAY, TWO_DAYS_AGO, EMERGENCY = "2025-03-28", "2025-03-31", "2025-03-29"

PAGES = {
    "es": """Diario del Sur
Los equipos de rescate llegan a la zona del terremoto
Por María López | 2 de abril de 2025, 10:15

El viernes pasado, un terremoto de magnitud 7,7 sacudió el centro del país y derribó cientos de edificios. Los equipos internacionales de rescate trabajan sin descanso en la región central.

Hace dos días, el balance oficial superó los 2.000 muertos, informó el Gobierno en un comunicado. El Gobierno declaró el estado de emergencia el 29 de marzo de 2025 en seis regiones del país.

Cronología: 28 de marzo, 29 de marzo, 31 de marzo.

El ministro de Sanidad visitará la zona afectada el próximo lunes, según un portavoz de su departamento.

Lea también: Cómo ayudar a las víctimas del terremoto
""",
    "it": """Corriere del Nord
I soccorritori raggiungono la zona del sisma
2 aprile 2025, 10:15

Venerdì scorso un terremoto di magnitudo 7,7 ha colpito il centro del Paese e ha distrutto centinaia di edifici. Le squadre internazionali di soccorso lavorano senza sosta nella regione centrale.

Due giorni fa il bilancio ufficiale ha superato i 2.000 morti, ha detto il governo in una nota. Il governo ha dichiarato lo stato di emergenza il 29 marzo 2025 in sei regioni del Paese.

Cronologia: 28 marzo, 29 marzo, 31 marzo.

Il ministro della Salute visiterà la zona colpita lunedì prossimo, secondo un portavoce del ministero.
""",
    "pt": """Jornal do Sul
Equipes de resgate chegam à zona do terremoto
Por Ana Souza | 2 de abril de 2025

Na sexta-feira passada, um terremoto de magnitude 7,7 atingiu o centro do país e derrubou centenas de prédios. As equipes internacionais de resgate trabalham sem descanso na região central.

Há dois dias, o balanço oficial ultrapassou 2.000 mortos, informou o governo em um comunicado. O governo declarou estado de emergência em 29 de março de 2025 em seis regiões do país.

Cronologia: 28 de março, 29 de março, 31 de março.

O ministro da Saúde visitará a região afetada na próxima segunda-feira, segundo um porta-voz do ministério.
""",
    "ar": """صحيفة الجنوب
فرق الإنقاذ تصل إلى منطقة الزلزال
2 أبريل 2025

يوم الجمعة الماضي، ضرب زلزال بقوة 7.7 درجات وسط البلاد ودمر مئات المباني. وتعمل فرق الإنقاذ الدولية دون توقف في المنطقة الوسطى من البلاد.

قبل يومين، تجاوزت حصيلة القتلى 2000 شخص، بحسب بيان صادر عن الحكومة. وأعلنت الحكومة حالة الطوارئ في 29 مارس 2025 في ست مناطق من البلاد.

سيزور وزير الصحة المنطقة المنكوبة يوم الاثنين المقبل، بحسب متحدث باسم الوزارة.
""",
    "zh-Hant": """南方日報
救援隊抵達地震災區
2025年4月2日 10:15

上週五，緬甸中部發生7.7級強烈地震，造成數百棟建築倒塌。國際救援隊目前在中部地區持續展開搜救工作。

兩天前，官方公布的死亡人數超過2000人，政府在聲明中表示。政府於2025年3月29日宣布六個地區進入緊急狀態，並呼籲國際社會提供援助。

衛生部長計劃下週一前往災區視察，部長發言人表示。
""",
    "th": """หนังสือพิมพ์ใต้
ทีมกู้ภัยเดินทางถึงพื้นที่แผ่นดินไหว
2 เมษายน 2568

เมื่อวันศุกร์ที่ผ่านมา เกิดแผ่นดินไหวขนาด 7.7 ในภาคกลางของประเทศ ทำให้อาคารหลายร้อยหลังพังถล่ม ทีมกู้ภัยนานาชาติทำงานอย่างต่อเนื่องในภาคกลางของประเทศ

เมื่อ 2 วันก่อน ยอดผู้เสียชีวิตเกิน 2,000 ราย รัฐบาลระบุในแถลงการณ์ รัฐบาลประกาศภาวะฉุกเฉินในหกภูมิภาคเมื่อวันที่ 29 มีนาคม 2568

รัฐมนตรีสาธารณสุขจะเดินทางไปยังพื้นที่ประสบภัยในวันจันทร์หน้า โฆษกกระทรวงระบุ
""",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    return page_reader(tmp_path_factory.mktemp("probe"), PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_dated_happening_is_an_event_of_its_day(read, name):
    article, mentions = read(name)
    assert article.published.date == PAGE_DAY
    days = {(m.start, m.end) for m in mentions if m.dated_by == "phrase"}
    assert (LAST_FRIDAY, LAST_FRIDAY) in days, [(m.start, m.clue) for m in mentions]
    assert (TWO_DAYS_AGO, TWO_DAYS_AGO) in days, [(m.start, m.clue) for m in mentions]


@pytest.mark.parametrize("name", ["es", "it", "pt", "zh-Hant", "th"])
def test_a_full_date_in_a_sentence_dates_its_happening(read, name):
    _article, mentions = read(name)
    assert any(m.start == EMERGENCY == m.end and m.dated_by == "phrase" for m in mentions), [(m.start, m.clue) for m in mentions]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_plan_is_never_an_event_after_its_page(read, name):
    _article, mentions = read(name)
    assert all(m.start <= PAGE_DAY for m in mentions), [(m.start, m.clue, m.sentence.text[:40]) for m in mentions if m.start > PAGE_DAY]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_bylines_date_lists_and_furniture_are_not_events(read, name):
    _article, mentions = read(name)
    for mention in mentions:
        text = mention.sentence.text
        assert not text.startswith(("Por ", "di ", "Cronología", "Cronologia", "Lea también")), text


@pytest.mark.parametrize("name", ["es", "it", "pt", "ar"])
def test_what_the_government_said_is_credited_to_it(read, name):
    """"…, informó el Gobierno", "ha detto il governo", "informou o governo", "بحسب بيان صادر عن الحكومة"."""
    _article, mentions = read(name)
    two_days = [m for m in mentions if m.start == TWO_DAYS_AGO]
    assert two_days and all(m.is_statement for m in two_days), [(m.clue, m.speaker) for m in two_days]
