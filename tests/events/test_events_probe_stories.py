"""Probe set: events of other kinds of stories (a flood, an election, a court ruling, a company
recall, a cup final, an earthquake, fuel prices), one page per language (en fr de es zh ja th).

Pages written for this probe from general knowledge (no bundled or dev page). Most dated pages are of
Wednesday 2 April 2025; three pages print no date (fr, es, ja) and are read against the days their
own text names. Events with day dates and relative weekdays are events of their day; standing
figures, forecasts, plans, bylines and furniture are not events; nothing is dated after its page.
"""

from __future__ import annotations

import pytest

from tests.support.event_pages import page_reader

PAGE_DAY = "2025-04-02"

PAGES = {
    "en_flood": """The Valley Courier
Flood waters recede as clean-up begins
2 April 2025

Floodwaters began to recede on Tuesday after the river burst its banks on Sunday and swept through three towns in the valley. Twelve people died and more than 4,000 homes were damaged, the regional government said.

The regional government declared a state of emergency on 31 March 2025. Schools reopened on Tuesday in the north of the region.

The valley has about 2 million residents. Forecasters expect more heavy rain next week.

Related: How to claim flood insurance
""",
    "fr_election": """Le Quotidien du Centre
Élection présidentielle : le sortant battu au second tour

Le 30 mars 2025, les électeurs ont élu une nouvelle présidente avec 54 % des voix au second tour. Dimanche soir, des milliers de partisans ont célébré la victoire sur la place centrale de la capitale.

Le taux de participation a atteint 61 %, selon la commission électorale. Le président sortant a reconnu sa défaite lundi dans une courte allocution télévisée.

La nouvelle présidente prêtera serment le 15 avril.

Publicité
""",
    "de_court": """Rheinische Rundschau
Gericht kippt Mietpreisgesetz
2. April 2025

Das Verfassungsgericht hat am Dienstag das neue Mietpreisgesetz des Landes für nichtig erklärt. Die Richter urteilten, das Land habe seine Befugnisse überschritten.

Der Mieterverein reichte die Klage bereits im Januar 2024 ein. Am 31. März 2025 hatte die Landesregierung noch eine Verlängerung des Gesetzes beschlossen.

Das Land hat rund 3 Millionen Mieterhaushalte. Die Regierung will bis Ende Juni einen neuen Entwurf vorlegen.
""",
    "es_recall": """El Diario Económico
Un fabricante retira 500.000 coches por un fallo en los frenos

El 27 de marzo de 2025 la empresa anunció la retirada de 500.000 vehículos en Europa por un defecto en el sistema de frenos. El jueves, las acciones del fabricante cayeron un 6 % en la bolsa.

La empresa emplea a 40.000 personas en el país. Los clientes recibirán una carta en las próximas semanas.
""",
    "zh_final": """体育日报
主队逆转夺得杯赛冠军
2025年4月2日

3月30日晚，主队在杯赛决赛中以3比1击败卫冕冠军，时隔十年再次夺冠。上周六，两队在赛前发布会上都表示有信心取胜。

球队主教练在赛后表示，这是他执教生涯中最重要的一场胜利。球队将于下周举行庆祝游行。
""",
    "ja_quake": """地方新聞デジタル
内陸で強い地震　住宅の倒壊相次ぐ

2025年3月28日午後、内陸部を震源とするマグニチュード7.7の地震が発生し、多くの住宅が倒壊した。金曜日の地震で、少なくとも140人が死亡した。

政府は29日、被災地に緊急援助隊を派遣した。専門家は今後1週間程度、強い余震に注意するよう呼びかけている。
""",
    "th_prices": """ข่าวเศรษฐกิจรายวัน
ราคาน้ำมันพุ่งสูงสุดในรอบปี
2 เมษายน 2568

เมื่อวันจันทร์ที่ผ่านมา ราคาน้ำมันดีเซลปรับขึ้นลิตรละ 1 บาท กระทรวงพลังงานระบุ เมื่อวันที่ 28 มีนาคม 2568 คณะรัฐมนตรีอนุมัติมาตรการช่วยเหลือผู้ขับรถบรรทุก

รัฐบาลจะพิจารณามาตรการเพิ่มเติมในสัปดาห์หน้า
""",
    "en_quake2": """Global Wire
Rescuers race against time after powerful quake
April 2, 2025

BANGKOK (Global Wire) — Rescuers pulled a teacher alive from the rubble of a collapsed school on Tuesday, four days after a powerful earthquake flattened buildings across the region.

The magnitude 7.7 quake hit at midday on Friday, with its epicentre near the region's second-largest city. A strong aftershock of magnitude 6.4 followed 12 minutes later.

The death toll climbed to 2,719 on Tuesday, the military government said. More than 4,500 people were injured and hundreds remain missing.

In the capital, a 30-storey tower under construction collapsed, trapping dozens of workers. Authorities arrested the chief engineer on Monday.

China sent a 37-member rescue team on Saturday, while India dispatched aircraft carrying relief supplies.

The government declared a week of national mourning starting Monday. Flags will fly at half-mast until April 6.

Sign up for our newsletter
""",
    "en_election": """Daily Ledger
Opposition claims victory in tight vote
March 31, 2025

Opposition leader Ana Costa claimed victory late on Sunday after preliminary results gave her party 41 percent of the vote. Turnout reached 68 percent, the electoral commission announced on Monday.

Polling stations closed at 8 p.m. on Sunday. Costa thanked voters at a rally in the capital's main square.

The incumbent conceded defeat in a televised address on Monday morning. Parliament is due to convene on April 14.

The country has 9.2 million registered voters.
""",
    "en_recall": """Auto Business Today
Carmaker recalls 1.2 million vehicles over faulty airbags
April 3, 2025

The carmaker recalled 1.2 million vehicles worldwide on Wednesday over airbags that may fail to deploy. Its shares fell 4 percent in Tokyo trading on Thursday.

Regulators opened an investigation last month after reports of three injuries. The company said dealers would replace the parts free of charge.

Last year, the company recalled 800,000 cars over a similar fault.
""",
    "de_quake": """Süddeutsche Morgenpost
Erdbeben: Zahl der Toten steigt weiter
2. April 2025

Bei dem schweren Erdbeben vom Freitag sind nach Angaben der Regierung mehr als 2700 Menschen ums Leben gekommen. Rettungskräfte bargen am Dienstag eine Lehrerin lebend aus den Trümmern einer Schule.

Das Beben der Stärke 7,7 ereignete sich am Freitagmittag. Zwölf Minuten später folgte ein Nachbeben der Stärke 6,4.

Die Regierung rief am Montag eine einwöchige Staatstrauer aus. Das Technische Hilfswerk schickte am Samstag ein Team von 50 Helfern in das Katastrophengebiet.

Die Region hat rund fünf Millionen Einwohner. Experten rechnen in den kommenden Tagen mit weiteren Nachbeben.
""",
    "fr_quake": """Le Courrier International
Séisme : les secours poursuivent les recherches
2 avril 2025

Les secouristes ont sorti mardi une enseignante vivante des décombres d'une école, quatre jours après le séisme de magnitude 7,7 qui a frappé la région vendredi.

Le bilan s'est alourdi lundi à plus de 2 000 morts, a annoncé la junte. Samedi, la Chine a envoyé une équipe de secours de 37 personnes.

Le gouvernement a décrété lundi une semaine de deuil national. Les drapeaux seront en berne jusqu'au 6 avril.

La région compte environ cinq millions d'habitants.
""",
    "ja_flood": """地域ニュース
大雨で川が氾濫　住宅500棟が浸水
2025年4月2日

30日夜から降り続いた大雨で、31日未明に川が氾濫し、住宅およそ500棟が浸水した。県は31日、災害対策本部を設置した。

気象庁によると、1日までの48時間の雨量は300ミリを超えた。県は2日、被害の全容を調べていると発表した。

町の人口はおよそ2万人。気象庁は3日にかけて再び大雨となるおそれがあるとしている。
""",
    "zh_quake": """环球新闻网
强震造成严重伤亡
2025年4月2日

3月28日中午，该国中部发生7.7级地震，大量建筑倒塌。12分钟后，当地又发生6.4级余震。

据官方媒体报道，截至1日，地震已造成2700多人死亡。中国救援队于29日抵达灾区，展开搜救工作。

该地区人口约500万。专家表示，未来一周仍可能发生强余震。
""",
}

# (page, words of the sentence, start, end): a happening and the interval it is dated to.
DATED = [
    ("en_flood", "the river burst its banks", "2025-03-30", "2025-03-30"),  # and "began to recede on Tuesday"
    ("en_flood", "declared a state of emergency", "2025-03-31", "2025-03-31"),
    ("en_flood", "Schools reopened on Tuesday", "2025-04-01", "2025-04-01"),
    ("fr_election", "les électeurs ont élu", "2025-03-30", "2025-03-30"),
    ("fr_election", "Dimanche soir", "2025-03-30", "2025-03-30"),  # the Sunday the page names (30 mars 2025)
    ("de_court", "am Dienstag das neue Mietpreisgesetz", "2025-04-01", "2025-04-01"),
    ("de_court", "im Januar 2024 ein", "2024-01-01", "2024-01-31"),
    ("de_court", "Am 31. März 2025", "2025-03-31", "2025-03-31"),
    ("es_recall", "la empresa anunció la retirada", "2025-03-27", "2025-03-27"),
    ("es_recall", "El jueves, las acciones", "2025-03-27", "2025-03-27"),  # the Thursday the page names
    ("zh_final", "以3比1击败", "2025-03-30", "2025-03-30"),
    ("zh_final", "上周六", "2025-03-29", "2025-03-29"),
    ("ja_quake", "マグニチュード7.7の地震が発生", "2025-03-28", "2025-03-28"),
    ("ja_quake", "金曜日の地震で", "2025-03-28", "2025-03-28"),  # the Friday the page names
    ("ja_quake", "政府は29日", "2025-03-29", "2025-03-29"),  # the 29th next to 2025年3月28日, not January's
    ("th_prices", "ราคาน้ำมันดีเซลปรับขึ้น", "2025-03-31", "2025-03-31"),
    ("en_quake2", "pulled a teacher alive", "2025-04-01", "2025-04-01"),
    ("en_quake2", "quake hit at midday on Friday", "2025-03-28", "2025-03-28"),
    ("en_quake2", "followed 12 minutes later", "2025-03-28", "2025-03-28"),
    ("en_quake2", "The death toll climbed", "2025-04-01", "2025-04-01"),
    ("en_quake2", "arrested the chief engineer", "2025-03-31", "2025-03-31"),
    ("en_quake2", "China sent a 37-member rescue team", "2025-03-29", "2025-03-29"),
    ("en_election", "claimed victory late on Sunday", "2025-03-30", "2025-03-30"),
    ("en_election", "Polling stations closed", "2025-03-30", "2025-03-30"),
    ("en_election", "conceded defeat", "2025-03-31", "2025-03-31"),
    ("en_recall", "recalled 1.2 million vehicles", "2025-04-02", "2025-04-02"),
    ("en_recall", "shares fell 4 percent", "2025-04-03", "2025-04-03"),
    ("en_recall", "opened an investigation last month", "2025-03-01", "2025-03-31"),
    ("en_recall", "the company recalled 800,000 cars", "2024-01-01", "2024-12-31"),  # no actor noun: the action itself
    ("de_quake", "Erdbeben vom Freitag", "2025-03-28", "2025-03-28"),
    ("de_quake", "bargen am Dienstag", "2025-04-01", "2025-04-01"),
    ("de_quake", "am Freitagmittag", "2025-03-28", "2025-03-28"),
    ("de_quake", "Zwölf Minuten später", "2025-03-28", "2025-03-28"),
    ("de_quake", "schickte am Samstag", "2025-03-29", "2025-03-29"),
    ("fr_quake", "ont sorti mardi", "2025-04-01", "2025-04-01"),
    ("fr_quake", "ont sorti mardi", "2025-03-28", "2025-03-28"),  # "le séisme … qui a frappé la région vendredi"
    ("fr_quake", "Le bilan s'est alourdi lundi", "2025-03-31", "2025-03-31"),
    ("fr_quake", "la Chine a envoyé", "2025-03-29", "2025-03-29"),
    ("ja_flood", "31日未明に川が氾濫", "2025-03-31", "2025-03-31"),
    ("ja_flood", "災害対策本部を設置", "2025-03-31", "2025-03-31"),
    ("zh_quake", "发生7.7级地震", "2025-03-28", "2025-03-28"),
    ("zh_quake", "于29日抵达灾区", "2025-03-29", "2025-03-29"),
]

# Words of sentences that are never events: standing figures, forecasts, plans, furniture.
NOT_EVENTS = [
    ("en_flood", "The valley has about 2 million residents"),
    ("en_flood", "Forecasters expect more heavy rain"),
    ("en_flood", "Related:"),
    ("fr_election", "prêtera serment"),
    ("fr_election", "Publicité"),
    ("de_court", "Das Land hat rund 3 Millionen"),
    ("de_court", "bis Ende Juni"),
    ("es_recall", "La empresa emplea a 40.000"),
    ("es_recall", "recibirán una carta"),
    ("zh_final", "将于下周举行"),
    ("th_prices", "จะพิจารณามาตรการเพิ่มเติม"),
    ("en_quake2", "Flags will fly at half-mast"),
    ("en_quake2", "Sign up for our newsletter"),
    ("en_election", "Parliament is due to convene"),
    ("en_election", "The country has 9.2 million registered voters"),
    ("de_quake", "Experten rechnen in den kommenden Tagen"),  # a forecast
    ("fr_quake", "drapeaux seront en berne"),
    ("fr_quake", "La région compte environ cinq millions"),
]


def test_a_forecast_through_a_day_to_come_is_never_dated_to_last_month(read):
    """「3日にかけて…おそれがある」 in a page of 2 April: a risk up to 3 April, not a happening of 3 March."""
    _article, mentions = read("ja_flood")
    forecast = [m for m in mentions if "おそれ" in m.sentence.text]
    assert all(m.dated_by != "phrase" and m.start >= "2025-03-27" for m in forecast), [(m.start, m.clue) for m in forecast]


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    return page_reader(tmp_path_factory.mktemp("probe_stories"), PAGES)


@pytest.mark.parametrize(("name", "words", "start", "end"), DATED)
def test_a_happening_is_an_event_of_its_day(read, name, words, start, end):
    _article, mentions = read(name)
    dated = {(m.start, m.end) for m in mentions if words in m.sentence.text and m.dated_by == "phrase"}
    assert (start, end) in dated, [(m.start, m.end, m.clue, m.sentence.text[:40]) for m in mentions]


@pytest.mark.parametrize(("name", "words"), NOT_EVENTS)
def test_standing_figures_forecasts_plans_and_furniture_are_not_events(read, name, words):
    _article, mentions = read(name)
    assert not [m for m in mentions if words in m.sentence.text], [(m.start, m.clue, m.sentence.text[:40]) for m in mentions]


@pytest.mark.parametrize("name", ["en_flood", "de_court", "zh_final", "th_prices", "en_quake2", "en_election", "en_recall"])
def test_nothing_is_dated_after_its_page(read, name):
    article, mentions = read(name)
    assert article.published.date
    day = article.published.date
    assert mentions and all(m.end <= day for m in mentions), [(m.end, m.clue) for m in mentions if m.end > day]


def test_a_weekday_the_page_does_not_pin_down_is_an_interval_never_a_made_up_day(read):
    """"lundi" on an undated page whose latest day is Sunday 30 March 2025: Monday 24 or 31 March."""
    article, mentions = read("fr_election")
    assert article.published.precision == "unknown"
    (monday,) = [m for m in mentions if "reconnu sa défaite lundi" in m.sentence.text]
    assert (monday.start, monday.end, monday.precision) == ("2025-03-24", "2025-03-31", "week")


@pytest.mark.parametrize("name", ["fr_election", "es_recall", "ja_quake"])
def test_an_undated_page_is_read_from_the_latest_day_its_text_names(read, name):
    from lib.events.mentions import page_reference

    article, mentions = read(name)
    assert article.published.precision == "unknown"
    reference, named = page_reference(article)
    assert named and reference.earliest == max(named).isoformat()
    assert all(m.end <= reference.latest for m in mentions)


def test_a_page_with_no_full_date_keeps_its_unknown_date(tmp_path):
    """No day with its year in the text: nothing to read a weekday against, so no guess."""
    from lib.core.settings import load_settings
    from lib.events.mentions import find_event_mentions, page_reference
    from lib.ingest.pipeline import build_article

    page = "Le Quotidien\nLes secours à pied d'œuvre\n\nVendredi, les secouristes ont extrait des survivants des décombres.\n"
    article = build_article("bare.txt", page.encode("utf-8"), load_settings(tmp_path))
    reference, named = page_reference(article)
    assert reference is article.published and named == []
    assert find_event_mentions(article) == []


def _two_reports(first_text: str, second_text: str):
    """Mentions of two English reports of 2 April 2025 from two outlets, one sentence each."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    published = PublishedDate(PAGE_DAY, "day", True, "test", PAGE_DAY, PAGE_DAY)
    mentions = []
    for number, text in enumerate((first_text, second_text)):
        sentence = Sentence(0, 0, len(text), text, "en")
        article = Article(f"id{number}", f"{number}.txt", "t", f"outlet{number}", published, "en", text, (), (sentence,), "sha", "text", "utf-8")
        (mention,) = find_event_mentions(article)
        mentions.append(mention)
    return mentions


@pytest.mark.parametrize(
    ("wide_text", "joins"),
    [
        # A year says nothing about which day: it stays its own, year-dated item, however close in meaning.
        ("The river burst its banks in Valleyton in 2025.", False),
        # A month may join the day it names when close in meaning and sharing a key noun or actor.
        ("The river burst its banks in Valleyton in March.", True),
    ],
)
def test_an_interval_mention_joins_a_day_event_only_when_narrow_enough(wide_text, joins):
    import numpy as np

    from lib.events.merge import _PairRules, _same_event

    day, wide = _two_reports("The river burst its banks in Valleyton on Sunday.", wide_text)
    assert day.precision == "day" and wide.precision in ("month", "year")
    assert _same_event(day, wide, similarity=0.9) is joins
    accepted = _PairRules([day, wide]).accept(np.array([0]), np.array([1]), np.array([0.9]))
    assert bool(accepted[0]) is joins


def test_two_reports_of_one_flood_share_content_words_not_a_military_vocabulary():
    """No named actor and no concept word: the stems of "river … burst … banks" are the shared evidence."""
    from lib.events.merge import _same_event

    first, second = _two_reports("Floodwaters rose after the river burst its banks on Sunday.", "The river burst its banks on Sunday night.")
    assert not (first.actors & second.actors)
    assert {"w:river", "w:burst", "w:bank"} <= first.keywords & second.keywords
    assert _same_event(first, second, similarity=0.9)
    assert not _same_event(first, second, similarity=0.3)  # still close in meaning first


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Floods swept through the valley in March.", "2025-03-01"),  # no actor: the thing itself happened
        ("Diesel prices rose sharply in February.", "2025-02-01"),
    ],
)
def test_a_past_clause_dated_to_a_month_needs_no_actor(text, start):
    (mention, _other) = _two_reports(text, "The river burst its banks on Sunday.")
    assert (mention.start, mention.precision) == (start, "month")


def test_since_a_disaster_dates_the_disaster():
    """"since the earthquake struck four days ago": the referent is a happening, though no concept word names it."""
    (mention, _other) = _two_reports(
        "Rescuers in Valleyton have pulled 40 people from the rubble since the earthquake struck four days ago.",
        "The river burst its banks on Sunday.",
    )
    assert mention.dated_by == "since" and mention.start == "2025-03-29"


def test_a_page_known_only_to_its_month_is_narrowed_by_the_days_it_names():
    """Published in March 2025 and naming Friday 28 March 2025: published 28-31 March, so "on Saturday" is
    22 or 29 March (a week), no longer any Saturday of March."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    texts = ["The earthquake struck Valleyton on 28 March 2025.", "Rescuers in Valleyton pulled a woman from the rubble on Saturday."]
    sentences = tuple(Sentence(i, 0, len(t), t, "en") for i, t in enumerate(texts))
    published = PublishedDate("2025-03", "month", True, "test")
    article = Article("id", "a.txt", "t", "o", published, "en", "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    saturday = [(m.start, m.end, m.precision) for m in find_event_mentions(article) if "Saturday" in m.clue]
    assert saturday == [("2025-03-22", "2025-03-29", "week")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le 28/03/2025, un séisme a frappé la région."),
        ("de", "Am 28/03/2025 bebte die Erde in der Region."),
        ("th", "เกิดแผ่นดินไหวเมื่อวันที่ 28/03/2568 ในภาคกลาง"),  # Buddhist Era year
    ],
)
def test_a_day_written_in_figures_with_slashes_is_that_day(language, text):
    from lib.text.dates import resolve_dates

    assert [(r.start, r.end) for r in resolve_dates(text, None, language=language)] == [("2025-03-28", "2025-03-28")]


def test_a_weekday_beside_a_day_and_month_places_it_in_the_one_year_it_fits():
    """A page inferred to July 2024 - June 2025 says "Vendredi 28 mars" (no year): 28 March was a Friday in
    2025 only, so that is its day, and the page is read as published from then on."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions, page_reference

    texts = ["Vendredi 28 mars, un violent séisme a frappé le centre du pays.", "Dimanche, les secouristes ont extrait des survivants des décombres."]
    sentences = tuple(Sentence(i, 0, len(t), t, "fr") for i, t in enumerate(texts))
    published = PublishedDate("2025", "year", False, "inferred", "2024-07-01", "2025-06-30")
    article = Article("id", "a.txt", "t", "o", published, "fr", "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    reference, named = page_reference(article)
    assert [day.isoformat() for day in named] == ["2025-03-28"] and reference.earliest == "2025-03-28"
    dated = {(m.clue, m.start, m.end) for m in find_event_mentions(article)}
    assert ("28 mars", "2025-03-28", "2025-03-28") in dated
    assert ("Dimanche", "2025-03-23", "2025-03-30") in dated  # one of two Sundays: an interval, not a made-up day


def test_days_named_without_a_year_move_an_undated_page_on():
    """An undated page that names "28. März 2025" and later "Am 31. März": published on or after 31 March,
    so "am Montag" is Monday 31 March, and "Am Sonntag" one of two Sundays (an interval)."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions, page_reference

    texts = [
        "Am 28. März 2025 erschütterte ein Beben der Stärke 7,7 die Mitte des Landes.",
        "Am Sonntag bargen Helfer eine Frau lebend aus einem eingestürzten Hotel.",
        "Die Regierung teilte am Montag mit, die Zahl der Toten sei auf über 2000 gestiegen.",
        "Am 31. März trafen die ersten Hilfskonvois ein.",
    ]
    sentences = tuple(Sentence(i, 0, len(t), t, "de") for i, t in enumerate(texts))
    article = Article("id", "a.txt", "t", "o", PublishedDate.unknown(), "de", "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    reference, _named = page_reference(article)
    assert (reference.earliest, reference.latest) == ("2025-03-31", "2025-04-06")
    dated = {m.clue: (m.start, m.end) for m in find_event_mentions(article)}
    assert dated["Montag"] == ("2025-03-31", "2025-03-31")
    assert dated["Sonntag"] == ("2025-03-30", "2025-04-06")
    assert dated["31. März"] == ("2025-03-31", "2025-03-31")


def test_a_statement_on_an_undated_page_says_its_report_is_read_from_the_days_the_page_names(read):
    """"…, selon la commission électorale" on a page without its date: said in the days around the latest
    day the page names, and the clue says so (no made-up publication day)."""
    _article, mentions = read("fr_election")
    (turnout,) = [m for m in mentions if "taux de participation" in m.sentence.text]
    assert turnout.dated_by == "report" and turnout.precision != "day"
    assert (turnout.start, turnout.end) == ("2025-03-24", "2025-04-05")
    assert "latest day the page names" in turnout.clue


def test_a_sentence_whose_anchor_is_refused_on_an_undated_page_is_dated_by_its_report_not_dropped(read):
    """`as_report_mention` reads the page as its sentences were read: from the days the page names."""
    from lib.events.mentions import as_report_mention

    _article, mentions = read("fr_election")
    report = as_report_mention(mentions[0])
    assert report is not None and (report.start, report.end, report.dated_by) == ("2025-03-24", "2025-04-05", "report")


def test_an_undated_action_with_a_head_count_after_news_of_the_week_is_news_of_the_week(read):
    """"a … tower … collapsed, trapping dozens of workers" tells what happened (a verb in the past), it is no
    running total ("the number of transferred troops stands at 12,000"): dated by its report's week."""
    _article, mentions = read("en_quake2")
    (tower,) = [m for m in mentions if "tower under construction collapsed" in m.sentence.text]
    assert (tower.dated_by, tower.start, tower.end) == ("report", "2025-03-27", "2025-04-02")


def _article_of(name: str, texts: list[str], language: str, published):
    from lib.core.models import Article, Sentence

    sentences = tuple(Sentence(i, 0, len(t), t, language) for i, t in enumerate(texts))
    return Article(name, f"{name}.txt", "t", name, published, language, "\n".join(texts), (), sentences, "sha", "text", "utf-8")


def test_a_page_without_its_date_is_read_among_the_story_s_dated_reports():
    """No date printed, no full day named ("vendredi", "samedi" only): in a corpus whose dated reports
    were published 29 March - 1 April 2025, it is read as published 23 March - 7 April (six days before
    the first, six after the last), so "samedi" is one of three Saturdays (an interval), never a
    made-up day; without the story's days it stays unread."""
    from lib.core.models import PublishedDate
    from lib.events.mentions import find_event_mentions, page_reference, story_days_of

    dated = [
        _article_of(f"d{day}", ["The earthquake struck Valleyton on Friday."], "en", PublishedDate(f"2025-03-{day}", "day", True, "test"))
        for day in ("29", "30")
    ] + [_article_of("d01", ["Rescuers in Valleyton pulled a woman from the rubble."], "en", PublishedDate("2025-04-01", "day", True, "test"))]
    undated = _article_of(
        "u", ["Le bilan du séisme qui a frappé vendredi la région a dépassé samedi les 1 600 morts.",
              "Les secouristes ont extrait samedi des survivants des décombres."], "fr", PublishedDate.unknown(),
    )
    story_days = story_days_of([*dated, undated])
    assert story_days is not None and [day.isoformat() for day in story_days] == ["2025-03-23", "2025-04-07"]
    reference, named = page_reference(undated, story_days)
    assert named == [] and (reference.earliest, reference.latest) == ("2025-03-23", "2025-04-07")
    assert "story's dated reports" in reference.clue
    saturdays = [(m.start, m.end, m.precision) for m in find_event_mentions(undated, story_days) if m.clue == "samedi"]
    assert saturdays and all((start, end) == ("2025-03-22", "2025-04-05") and precision != "day" for start, end, precision in saturdays)
    assert find_event_mentions(undated) == []  # alone, nothing to read its weekdays against


def test_reports_spread_over_more_than_a_month_give_no_story_days():
    """A page without its date in a corpus of reports months apart could be of any of those months."""
    from lib.core.models import PublishedDate
    from lib.events.mentions import story_days_of

    articles = [
        _article_of(name, ["The earthquake struck Valleyton on Friday."], "en", PublishedDate(day, "day", True, "test"))
        for name, day in (("a", "2025-01-10"), ("b", "2025-03-30"))
    ]
    assert story_days_of(articles) is None
    assert story_days_of(articles[:1]) is None  # one dated page says nothing of the story's days


@pytest.mark.parametrize(("day_text", "joins"), [
    ("Rescuers in Valleyton found the bodies of four victims in a hamlet on Tuesday.", True),
    ("Rescuers in Valleyton found the bodies of four victims in a hamlet on Monday.", False),
])
def test_a_weekday_read_as_an_interval_joins_only_a_day_of_that_weekday(day_text, joins):
    """"on Tuesday" on a page read as published 2-16 July is 1, 8 or 15 July: the same happening as a
    Tuesday another report dates (8 July), never as a Monday, however close in meaning."""
    import numpy as np

    from lib.core.models import PublishedDate
    from lib.events.merge import _PairRules, _same_event
    from lib.events.mentions import find_event_mentions

    dated = _article_of("d", [day_text], "en", PublishedDate("2025-07-09", "day", True, "test"))
    wide = _article_of("w", ["Rescuers in Valleyton found the bodies of four victims in a hamlet on Tuesday."], "en",
                       PublishedDate(None, "unknown", False, "test", "2025-07-02", "2025-07-16"))
    (day,), (interval,) = find_event_mentions(dated), find_event_mentions(wide)
    assert day.precision == "day" and interval.weekday == 1 and (interval.start, interval.end) == ("2025-07-01", "2025-07-15")
    assert _same_event(day, interval, similarity=0.95) is joins
    accepted = _PairRules([day, interval]).accept(np.array([0]), np.array([1]), np.array([0.95]))
    assert bool(accepted[0]) is joins


AFTER_PAGES = {
    "en_after": "Global Wire\nQuake toll rises\n\nMarch 31, 2025\n\n"
                "A powerful earthquake struck the central region on Friday, killing hundreds.\n\n"
                "Two days after the quake struck, a Chinese rescue team landed in the capital.\n\n"
                "Hours after the quake, the junta declared a state of emergency in six regions.\n\n"
                "The day after the earthquake, rescuers pulled 15 people from a collapsed hotel.\n\n"
                "Two days after the election, the opposition leader appeared in public.\n",
    "fr_after": "Le Quotidien\nSéisme\n\nPublié le 1er avril 2025\n\n"
                "Un puissant séisme a frappé vendredi le centre du pays.\n\n"
                "Au lendemain du séisme, la junte a lancé un appel à l'aide internationale.\n\n"
                "Quatre jours après le séisme, les secours ont retrouvé une femme vivante sous les décombres.\n",
    "de_after": "Die Zeitung\nBeben\n\n01.04.2025\n\n"
                "Am Freitag erschütterte ein schweres Erdbeben das Zentrum des Landes.\n\n"
                "Zwei Tage nach dem Beben landete ein chinesisches Rettungsteam in der Hauptstadt.\n\n"
                "Wenige Stunden nach dem Erdbeben rief die Junta den Notstand aus.\n",
}


@pytest.fixture(scope="module")
def read_after(tmp_path_factory):
    return page_reader(tmp_path_factory.mktemp("probe_after"), AFTER_PAGES)


@pytest.mark.parametrize(
    ("name", "words", "start", "end"),
    [
        ("en_after", "a Chinese rescue team landed", "2025-03-30", "2025-03-30"),  # the quake: Friday 28 March
        ("en_after", "declared a state of emergency", "2025-03-28", "2025-03-29"),  # within hours: that day or the next
        ("en_after", "rescuers pulled 15 people", "2025-03-29", "2025-03-29"),
        ("fr_after", "la junte a lancé un appel", "2025-03-29", "2025-03-29"),  # "au lendemain du séisme"
        ("fr_after", "les secours ont retrouvé une femme", "2025-04-01", "2025-04-01"),
        ("de_after", "landete ein chinesisches Rettungsteam", "2025-03-30", "2025-03-30"),
        ("de_after", "rief die Junta den Notstand aus", "2025-03-28", "2025-03-29"),
    ],
)
def test_days_after_a_happening_count_from_the_day_the_report_gave_it(read_after, name, words, start, end):
    _article, mentions = read_after(name)
    dated = {(m.start, m.end) for m in mentions if words in m.sentence.text and m.dated_by == "phrase"}
    assert dated == {(start, end)}, [(m.start, m.end, m.clue) for m in mentions]


def test_days_after_a_happening_the_report_never_dated_stay_undated(read_after):
    """"Two days after the election": no sentence of the report dates an election, so no day is made up."""
    _article, mentions = read_after("en_after")
    assert not [m for m in mentions if "after the election" in m.sentence.text and m.dated_by == "phrase"]


def test_one_late_follow_up_report_does_not_stretch_the_story_s_days():
    """Three reports of 29-31 March and a follow-up of 10 May: the story's days are those of the
    three (the window of a month holding most of the dated reports), not two months."""
    from lib.core.models import PublishedDate
    from lib.events.mentions import story_days_of

    articles = [
        _article_of(name, ["The earthquake struck Valleyton on Friday."], "en", PublishedDate(day, "day", True, "test"))
        for name, day in (("a", "2025-03-29"), ("b", "2025-03-30"), ("c", "2025-03-31"), ("d", "2025-05-10"))
    ]
    assert [day.isoformat() for day in story_days_of(articles)] == ["2025-03-23", "2025-04-06"]
    assert story_days_of(articles[2:]) is None  # two reports more than a month apart



@pytest.mark.parametrize(
    ("language", "text", "is_event"),
    [
        ("de", "Die Junta rief daraufhin den Notstand in 6 Regionen des Landes aus.", True),  # where, not how many
        ("fr", "La junte a ensuite décrété l'état d'urgence dans 6 régions du pays.", True),
        ("de", "Das Land hat rund 3 Millionen Mieterhaushalte.", False),  # a standing figure
    ],
)
def test_a_figure_after_a_preposition_of_place_is_no_standing_figure(language, text, is_event):
    """After news of the report's day, an undated sentence whose only figure says where it happened is news of
    that week; one that states how many there are is not."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    lead = {"de": "Am Samstag trafen die ersten Hilfsflüge in der Hauptstadt ein.",
            "fr": "Samedi, les premiers avions d'aide sont arrivés dans la capitale."}[language]
    texts = [lead, text]
    sentences = tuple(Sentence(i, 0, len(t), t, language) for i, t in enumerate(texts))
    published = PublishedDate("2025-03-30", "day", True, "test")
    article = Article("id", "a.txt", "t", "o", published, language, "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    reported = [m for m in find_event_mentions(article) if m.sentence.index == 1]
    assert bool(reported) is is_event and all(m.dated_by in ("report", "context") and "2025-03-24" <= m.start <= m.end <= "2025-03-30" for m in reported)
