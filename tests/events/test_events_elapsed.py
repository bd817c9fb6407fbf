"""Elapsed time counted from a happening the report dated ("two days after the quake") in the languages
read by structure: Italian, Portuguese, Russian, Ukrainian, Japanese, Chinese, Korean and Thai.

Invented probe pages (general news of an earthquake, invented outlets): the quake is dated on 28 March
2025; the sentence just before the elapsed one dates something else (31 March), so a count read from the
sentence before would give 2 April, after the page."""

from __future__ import annotations

import pytest

from tests.support.event_pages import page_reader

# The lead of a report dating its quake on 28 March, in the languages the interval tests read.
QUAKE_LEADS = {"ru": "28 марта сильное землетрясение произошло в центре страны.", "ja": "3月28日、国の中部で強い地震が発生しました。",
               "zh": "3月28日，该国中部发生强烈地震。", "ko": "3월 28일 이 나라 중부에서 강한 지진이 발생했다."}


def _article(language: str, *paragraphs, published: str = "2025-04-01"):
    """A report of `paragraphs` (each a sentence, or a tuple of sentences of one paragraph), with the
    sentence offsets the splitter gives: paragraphs apart by a blank line, sentences by a space."""
    from lib.core.models import Article, PublishedDate, Sentence

    body, sentences = "", []
    for number, paragraph in enumerate(paragraphs):
        if number:
            body += "\n\n"
        for position, text in enumerate((paragraph,) if isinstance(paragraph, str) else paragraph):
            if position:
                body += " "
            sentences.append(Sentence(len(sentences), len(body), len(body) + len(text), text, language))
            body += text
    return Article("id", "a.txt", "t", "o", PublishedDate(published, "day", True, "test"), language, body, (), tuple(sentences),
                   "sha", "text", "utf-8")


PAGES = {
    "it": "Il Corriere di Valle\nTerremoto\n\n1 aprile 2025\n\n"
          "Il 28 marzo un forte terremoto ha colpito il centro del paese.\n\n"
          "Il 31 marzo il governo ha chiesto aiuti internazionali. "
          "Due giorni dopo il terremoto i soccorritori hanno estratto una donna viva dalle macerie.\n\n"
          "Il giorno dopo il terremoto la giunta ha dichiarato lo stato di emergenza.\n",
    "pt": "Jornal do Vale\nTerremoto\n\n1 de abril de 2025\n\n"
          "Em 28 de março, um forte terremoto atingiu o centro do país.\n\n"
          "Em 31 de março, o governo pediu ajuda internacional. "
          "Dois dias após o terremoto, as equipes de resgate retiraram uma mulher viva dos escombros.\n\n"
          "No dia seguinte ao terremoto, a junta declarou estado de emergência.\n",
    "ru": "Вестник долины\nЗемлетрясение\n\n1 апреля 2025\n\n"
          "28 марта сильное землетрясение произошло в центре страны.\n\n"
          "31 марта правительство попросило о международной помощи. "
          "Через два дня после землетрясения спасатели извлекли из-под завалов живую женщину.\n\n"
          "На следующий день после землетрясения власти объявили чрезвычайное положение.\n",
    "uk": "Вісник долини\nЗемлетрус\n\n1 квітня 2025\n\n"
          "28 березня потужний землетрус стався в центрі країни.\n\n"
          "31 березня уряд попросив про міжнародну допомогу. "
          "Через два дні після землетрусу рятувальники витягли з-під завалів живу жінку.\n\n"
          "Наступного дня після землетрусу влада оголосила надзвичайний стан.\n",
    "ja": "谷間新聞\n地震\n\n2025年4月1日\n\n"
          "3月28日、国の中部で強い地震が発生しました。\n\n"
          "3月31日、政府は国際社会に支援を要請しました。"
          "地震発生から2日後、救助隊はがれきの下から女性を救出しました。\n\n"
          "地震の翌日、軍事政権は非常事態を宣言しました。\n",
    "zh": "山谷日报\n地震\n\n2025年4月1日\n\n"
          "3月28日，该国中部发生强烈地震。\n\n"
          "3月31日，政府请求国际援助。"
          "地震发生后两天，救援队从废墟中救出一名妇女。\n\n"
          "地震次日，军政府宣布进入紧急状态。\n",
    "ko": "계곡일보\n지진\n\n2025년 4월 1일\n\n"
          "3월 28일 이 나라 중부에서 강한 지진이 발생했다.\n\n"
          "3월 31일 정부는 국제 사회에 지원을 요청했다. "
          "지진 발생 이틀 만에 구조대가 잔해 속에서 여성을 구조했다.\n\n"
          "지진 다음 날 군사정부는 비상사태를 선포했다.\n",
    "th": "หนังสือพิมพ์หุบเขา\nแผ่นดินไหว\n\n1 เมษายน 2568\n\n"
          "ผู้สื่อข่าวรายงานจากเมืองหลวงว่าการช่วยเหลือยังดำเนินต่อไป\n\n"
          "เมื่อวันที่ 28 มีนาคม เกิดแผ่นดินไหวรุนแรงในภาคกลางของประเทศ\n\n"
          "เมื่อวันที่ 31 มีนาคม รัฐบาลได้ขอความช่วยเหลือจากนานาชาติ\n"
          "สองวันหลังเกิดแผ่นดินไหว ทีมกู้ภัยได้ช่วยผู้หญิงคนหนึ่งออกจากซากอาคาร\n\n"
          "วันรุ่งขึ้นหลังเกิดแผ่นดินไหว รัฐบาลทหารได้ประกาศภาวะฉุกเฉิน\n",
}

# (page, words of the elapsed-time sentence, the days it must be dated to)
ELAPSED = [
    ("it", "Due giorni dopo il terremoto", "2025-03-30"), ("it", "Il giorno dopo il terremoto", "2025-03-29"),
    ("pt", "Dois dias após o terremoto", "2025-03-30"), ("pt", "No dia seguinte ao terremoto", "2025-03-29"),
    ("ru", "Через два дня после землетрясения", "2025-03-30"), ("ru", "На следующий день после", "2025-03-29"),
    ("uk", "Через два дні після землетрусу", "2025-03-30"), ("uk", "Наступного дня після", "2025-03-29"),
    ("ja", "地震発生から2日後", "2025-03-30"), ("ja", "地震の翌日", "2025-03-29"),
    ("zh", "地震发生后两天", "2025-03-30"), ("zh", "地震次日", "2025-03-29"),
    ("ko", "지진 발생 이틀 만에", "2025-03-30"), ("ko", "지진 다음 날", "2025-03-29"),
    ("th", "สองวันหลังเกิดแผ่นดินไหว", "2025-03-30"), ("th", "วันรุ่งขึ้นหลังเกิดแผ่นดินไหว", "2025-03-29"),
]


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        ("ja", "地震発生から数時間後、軍事政権は非常事態を宣言しました。", "2025-03-28", "2025-03-29"),  # within hours: that day or the next
        ("zh", "地震发生后几天，救援队从废墟中救出一名妇女。", "2025-03-30", "2025-04-01"),  # a few days, up to the page
        ("ko", "지진 발생 며칠 만에 구조대가 잔해 속에서 여성을 구조했다.", "2025-03-30", "2025-04-01"),
        ("ru", "Через несколько часов после землетрясения власти объявили чрезвычайное положение.", "2025-03-28", "2025-03-29"),
    ],
)
def test_hours_or_a_few_days_after_a_happening_are_an_interval(language, text, start, end):
    from lib.events.mentions import find_event_mentions

    article = _article(language, QUAKE_LEADS[language], text)
    dated = [(m.start, m.end) for m in find_event_mentions(article) if m.sentence.index == 1 and m.dated_by == "phrase"]
    assert dated == [(start, end)]


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    return page_reader(tmp_path_factory.mktemp("probe_elapsed"), PAGES)


@pytest.mark.parametrize(("name", "words", "day"), ELAPSED)
def test_time_after_a_happening_counts_from_the_day_the_report_gave_it(read, name, words, day):
    _article, mentions = read(name)
    dated = {(m.start, m.end) for m in mentions if words in m.sentence.text and m.dated_by == "phrase"}
    assert dated == {(day, day)}, [(m.start, m.end, m.clue, m.sentence.text[:40]) for m in mentions]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Через два дня после выборов оппозиция вышла на улицы."),
        ("ja", "選挙から2日後、野党は抗議集会を開きました。"),
        ("zh", "选举后两天，反对派走上街头。"),
        ("ko", "선거 이틀 만에 야당이 거리로 나섰다."),
    ],
)
def test_time_after_a_happening_the_report_never_dated_makes_up_no_day(tmp_path, language, text):
    """The report dates a quake, never an election: "two days after the election" is no day of its own."""
    from lib.events.mentions import find_event_mentions

    mentions = find_event_mentions(_article(language, QUAKE_LEADS[language], text))
    assert [(m.start, m.dated_by) for m in mentions if m.sentence.index == 0] == [("2025-03-28", "phrase")]
    assert not [m for m in mentions if m.sentence.index == 1 and m.dated_by == "phrase"]


@pytest.mark.parametrize(
    ("language", "lead", "text", "day"),
    [
        ("de", "Am Freitagabend stießen nahe der Stadt zwei Züge zusammen.", "Tags darauf bargen Einsatzkräfte zwei weitere Leichen.", "2025-06-14"),
        ("fr", "Vendredi soir, deux trains sont entrés en collision près de la ville.", "Le lendemain, les secours ont retrouvé deux autres corps.", "2025-06-14"),
        ("en", "Two trains collided near the town on Friday evening.", "The next day, rescuers recovered two more bodies.", "2025-06-14"),
    ],
)
def test_the_next_day_counts_from_the_day_of_the_paragraph_before(language, lead, text, day):
    """A short news paragraph between the two ("Ein Regionalzug war gegen 21 Uhr … zusammengestoßen.")."""
    from lib.events.mentions import find_event_mentions

    between = {"de": "Ein Regionalzug war mit einem Güterzug zusammengestoßen.", "fr": "Un train régional a percuté un train de marchandises.",
               "en": "A regional train had hit a freight train."}[language]
    article = _article(language, lead, (between, text), published="2025-06-17")
    dated = {(m.start, m.end) for m in find_event_mentions(article) if m.sentence.index == 2 and m.dated_by == "phrase"}
    assert dated == {(day, day)}


@pytest.mark.parametrize(
    ("language", "lead", "text"),
    [
        ("de", "Am Freitag erschütterte ein schweres Beben das Zentrum des Landes.", "Zwei Tage nach dem Erdbeben landete ein Rettungsteam in der Hauptstadt."),
        ("de", "Die Fähre sank am Freitag bei schwerem Sturm vor der Küste.", "Zwei Tage nach dem Unglück besuchte der Regierungschef den Hafen."),
        ("en", "A ferry sank in a storm off the coast on Friday.", "Two days after the disaster, the prime minister visited the port."),
        ("fr", "Un violent séisme a frappé vendredi le centre du pays.", "Deux jours après la catastrophe, une équipe de secours est arrivée dans la capitale."),
    ],
)
def test_time_after_a_happening_named_by_another_noun_of_its_kind_or_a_general_noun(language, lead, text):
    """"Beben" then "Erdbeben"; "the disaster" after a dated sinking in a storm: two days after that day (Friday 28 March)."""
    from lib.events.mentions import find_event_mentions

    mentions = find_event_mentions(_article(language, lead, text))
    assert [(m.start, m.dated_by) for m in mentions if m.sentence.index == 0] == [("2025-03-28", "phrase")]
    assert [(m.start, m.end) for m in mentions if m.sentence.index == 1 and m.dated_by == "phrase"] == [("2025-03-30", "2025-03-30")]


@pytest.mark.parametrize(
    ("language", "lead", "text"),
    [
        ("ja", "大臣は3月28日朝、首相官邸を訪れて辞表を提出しました。", "辞表を提出したあと、大臣は記者団に対し、続けることは適切ではないと判断したと説明しました。"),
        ("zh", "部长3月28日上午前往总理府提交辞呈。", "提交辞呈后，部长对记者表示，继续任职并不合适。"),
        ("ko", "장관은 3월 28일 오전 총리 관저를 찾아 사표를 제출했다.", "사표를 제출한 뒤 장관은 기자들에게 계속 맡는 것은 적절하지 않다고 판단했다고 설명했다."),
    ],
)
def test_a_sentence_opening_with_a_happening_the_report_dated_is_dated_from_that_day(language, lead, text):
    """「辞表を提出したあと、…説明しました」 after 「3月28日朝、…辞表を提出しました」: on or after 28 March, by the page (1 April)."""
    from lib.events.mentions import find_event_mentions

    mentions = find_event_mentions(_article(language, lead, text))
    assert [(m.start, m.dated_by) for m in mentions if m.sentence.index == 0] == [("2025-03-28", "phrase")]
    assert [(m.start, m.end) for m in mentions if m.sentence.index == 1 and m.dated_by == "phrase"] == [("2025-03-28", "2025-04-01")]
