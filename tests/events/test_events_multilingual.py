"""Events on pages in any language: dated clauses, statements of the day, nothing after the page."""

from __future__ import annotations

import pytest

JA_REPORT = """NHKニュース
北朝鮮 条約の全文を公表
2024年6月20日 12時05分

北朝鮮は20日、国営の朝鮮中央通信で条約の条文をすべて公表しました。
両首脳は19日、平壌での首脳会談を終えたあとで条約に署名しました。
林官房長官は記者会見で、日本周辺の安全保障にも影響しかねないとして「深刻に憂慮している」と述べました。
北朝鮮はこれまでに兵士約1万人をロシアに派遣しているとみられる。
両首脳は来月、再び会談する予定です。
"""

RU_REPORT = """ТАСС
Госдума ратифицировала договор
24.10.2024 | 13:45

Государственная дума в четверг, 24 октября, одобрила ратификацию договора о стратегическом партнерстве.
Документ лидеры двух стран подписали в Пхеньяне 19 июня 2024 года во время государственного визита.
По словам председателя комитета, отношения и дальше будут углубляться, заявил он журналистам.
"""


@pytest.fixture(scope="module")
def mentions_of(tmp_path_factory):
    from lib.core.settings import load_settings
    from lib.events.mentions import find_event_mentions
    from lib.ingest.pipeline import build_article

    settings = load_settings(tmp_path_factory.mktemp("multilingual"))

    def read(name: str, text: str):
        article = build_article(name, text.encode("utf-8"), settings)
        return article, find_event_mentions(article)

    return read


def test_a_japanese_page_has_its_dated_clauses_as_events(mentions_of):
    article, mentions = mentions_of("ja.txt", JA_REPORT)
    assert article.published.date == "2024-06-20"
    dated = {(m.start, m.end, m.clue) for m in mentions if m.dated_by == "phrase"}
    assert ("2024-06-20", "2024-06-20", "20日") in dated
    assert ("2024-06-19", "2024-06-19", "19日") in dated
    for mention in mentions:
        assert mention.summary.rstrip("…") in mention.sentence.text


def test_a_statement_without_a_date_is_dated_by_its_report_unless_it_goes_on_telling_a_dated_one(mentions_of):
    """Hayashi's statement follows North Korea's publication of the 20th in another paragraph: only the
    day links them, so it is dated by its report unless the two sentences prove close in meaning."""
    from lib.events.mentions import as_report_mention

    _article, mentions = mentions_of("ja.txt", JA_REPORT)
    undated = [m for m in mentions if m.dated_by in ("report", "context")]
    assert [m.sentence.text[:6] for m in undated] == ["林官房長官は"]
    (statement,) = undated
    assert statement.dated_by == "context" and statement.loose_anchor and statement.anchor.clue == "20日"
    report = as_report_mention(statement)
    assert (report.start, report.end, report.dated_by, report.anchor) == ("2024-06-14", "2024-06-20", "report", None)


def test_the_japanese_statement_is_not_merged_into_another_happening_of_its_day(tmp_path):
    """Across languages the bundled model's cosine says nothing: a loose anchor is then refused."""
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus
    from lib.events.build import build_events
    from lib.text.embed import embedder_for

    (tmp_path / "ja.txt").write_text(JA_REPORT, encoding="utf-8")
    corpus = load_corpus(load_settings(tmp_path))
    events = build_events(corpus, embedder_for(corpus.settings))
    (statement,) = [e for e in events if any("林官房長官" in s.quote for s in e.sources)]
    assert len(statement.sources) == 1 and statement.precision == "week"


def test_standing_figures_and_plans_are_not_events(mentions_of):
    _article, mentions = mentions_of("ja.txt", JA_REPORT)
    texts = {m.sentence.text for m in mentions}
    assert not any("1万人" in text for text in texts)  # a running total, not something that happened that day
    assert not any("予定" in text for text in texts)  # a plan
    assert all(m.end <= "2024-06-20" for m in mentions)


def test_a_russian_page_has_its_dated_clauses_and_statements(mentions_of):
    article, mentions = mentions_of("ru.txt", RU_REPORT)
    assert article.published.date == "2024-10-24"
    dated = {(m.start, m.clue) for m in mentions}
    assert ("2024-10-24", "24 октября") in dated
    assert ("2024-06-19", "19 июня 2024") in dated
    assert any(m.dated_by in ("report", "context") and "заявил" in m.sentence.text for m in mentions)


def test_two_days_of_one_report_stay_two_events():
    """Within one page "on the 19th … on the 20th" are two events, even for close sentences."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.merge import _same_event
    from lib.events.mentions import find_event_mentions

    texts = ["北朝鮮は20日、条約の条文をすべて公表しました。", "北朝鮮は19日、条約の条文に署名しました。"]
    sentences = tuple(Sentence(i, 0, len(t), t, "ja") for i, t in enumerate(texts))
    published = PublishedDate("2024-06-20", "day", True, "test", "2024-06-20", "2024-06-20")
    article = Article("id", "a.txt", "t", "o", published, "ja", "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    first, second = find_event_mentions(article)
    assert not _same_event(first, second, similarity=0.99)


EN_REPORT = """Reuters
North Korea publishes treaty text
June 20, 2024

North Korea on Thursday published the full text of the treaty it signed with Russia.
The two leaders signed the pact in Pyongyang on Wednesday after their summit talks.
"""


@pytest.fixture(scope="module")
def three_languages(mentions_of):
    mentions = []
    for name, text in (("ja.txt", JA_REPORT), ("ru.txt", RU_REPORT), ("en.txt", EN_REPORT)):
        mentions += mentions_of(name, text)[1]
    return mentions


@pytest.mark.parametrize("score", [0.3, 0.9])
def test_array_rules_agree_with_same_event_across_languages(three_languages, score):
    import numpy as np

    from lib.events.merge import _PairRules, _same_event

    firsts, seconds = np.triu_indices(len(three_languages), k=1)
    similarity = np.full(len(firsts), score)
    expected = np.array([_same_event(three_languages[i], three_languages[j], score) for i, j in zip(firsts, seconds)])
    assert (_PairRules(three_languages).accept(firsts, seconds, similarity) == expected).all()


def test_the_same_day_told_in_two_languages_is_one_event_when_the_meaning_is_close(three_languages):
    from lib.events.merge import _same_event

    japanese = next(m for m in three_languages if m.clue == "19日")
    english = next(m for m in three_languages if m.article.source_file == "en.txt" and m.start == "2024-06-19")
    assert _same_event(japanese, english, similarity=0.8)
    assert not _same_event(japanese, english, similarity=0.3)


FR_REPORT = """Le Monde
International
Inondations : le bilan s'alourdit
Publié le 29 mars 2025 à 10h15

Les inondations ont fait au moins 150 morts vendredi dans le nord du pays, selon les autorités locales.
Le Premier ministre s'est rendu samedi matin dans la région sinistrée et a promis une aide d'urgence.
Le gouvernement a annoncé une journée de deuil national.
"""


def test_a_french_page_has_its_days_and_statements_and_not_its_date_line(mentions_of):
    article, mentions = mentions_of("fr.txt", FR_REPORT)
    assert article.published.date == "2025-03-29"
    dated = {(m.start, m.clue) for m in mentions if m.dated_by == "phrase"}
    assert dated == {("2025-03-28", "vendredi"), ("2025-03-29", "samedi")}
    # Undated, in its own paragraph: dated by its report unless close in meaning to the dated one (see build).
    assert [m.sentence.text[:15] for m in mentions if m.dated_by == "report" or m.loose_anchor] == ["Le gouvernement"]


def test_a_crop_year_is_not_an_event():
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    texts = ["売り渡すのは2022年産の20万トンと2021年産の10万トンのあわせて30万トンです。", "政府は2018年に生産数量目標の配分をやめました。"]
    sentences = tuple(Sentence(i, 0, len(t), t, "ja") for i, t in enumerate(texts))
    published = PublishedDate("2025-05-26", "day", True, "test", "2025-05-26", "2025-05-26")
    article = Article("id", "a.txt", "t", "o", published, "ja", "\n".join(texts), (), sentences, "sha", "text", "utf-8")
    assert [(m.sentence.index, m.clue) for m in find_event_mentions(article)] == [(1, "2018年")]  # a year that dates an act stays


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Putin and Kim signed the North Korea-Russia treaty.", {"KP", "RU"}),
        ("ロシアと北朝鮮の首脳が条約に署名しました。", {"KP", "RU"}),
        ("Лидеры России и КНДР подписали договор.", {"KP", "RU"}),
        ("북한과 러시아가 조약에 서명했다.", {"KP", "RU"}),
        ("Japanese officials arrived in Ukraine.", {"JP", "UA"}),
        ("The woman spoke to reporters.", set()),
    ],
)
def test_countries_are_named_in_every_language(text, codes):
    from lib.events.merge import country_codes

    assert country_codes(text) == codes


def test_one_day_told_in_two_languages_naming_the_same_countries_is_one_event():
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.merge import _same_event
    from lib.events.mentions import find_event_mentions

    published = PublishedDate("2024-06-20", "day", True, "test", "2024-06-20", "2024-06-20")

    def mention(text: str, language: str):
        sentence = Sentence(0, 0, len(text), text, language)
        article = Article(language, f"{language}.txt", "t", "o", published, language, text, (), (sentence,), "sha", "text", "utf-8")
        (found,) = find_event_mentions(article)
        return found

    japanese = mention("ロシアと北朝鮮は19日、平壌で条約に署名しました。", "ja")
    english = mention("Russia and North Korea signed the treaty in Pyongyang on Wednesday.", "en")
    other_day = mention("Russia and North Korea held talks in Moscow on Tuesday.", "en")
    assert (japanese.start, english.start) == ("2024-06-19", "2024-06-19")
    assert _same_event(japanese, english, similarity=0.1)
    assert not _same_event(japanese, other_day, similarity=0.1)


@pytest.mark.parametrize(
    "text, language",
    [("Найперше таке постачання дослідники датують 7 березня.", "uk"), ("Russia sent the first shipment on March 7.", "en")],
)
def test_a_past_day_without_a_year_is_the_last_one_before_the_page(text, language):
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    published = PublishedDate("2024-11-22", "day", True, "test", "2024-11-22", "2024-11-22")
    sentence = Sentence(0, 0, len(text), text, language)
    article = Article("id", "a.txt", "Shipments", "o", published, language, text, (), (sentence,), "sha", "text", "utf-8")
    assert [(m.start, m.end) for m in find_event_mentions(article)] == [("2024-03-07", "2024-03-07")]


CONTINUED = """Госдума ратифицировала договор
24.10.2024 | 13:45

Государственная дума в четверг, 24 октября, одобрила ратификацию договора. Законопроект о ратификации был внесен в парламент президентом.
Ранее депутаты обсуждали договор в комитете по международным делам.
The Duma approved the treaty on Thursday. The bill was submitted to parliament by the president. Previously, deputies discussed the treaty in committee.
"""


@pytest.mark.parametrize(
    "words, joined",
    [
        ("Законопроект о ратификации был внесен", True),  # same paragraph, no date of its own: the same happening
        ("The bill was submitted to parliament", True),
        ("Ранее депутаты обсуждали", False),  # another paragraph, and marked as earlier
        ("Previously, deputies discussed", False),  # same paragraph but marked as earlier background
    ],
)
def test_an_undated_sentence_goes_on_telling_the_dated_one_before_it_in_its_paragraph(mentions_of, words, joined):
    _article, mentions = mentions_of("continued.txt", CONTINUED)
    found = [m for m in mentions if words in m.sentence.text]
    assert bool(found) == joined
    if joined:
        (mention,) = found
        assert mention.dated_by == "context" and (mention.start, mention.end) == ("2024-10-24", "2024-10-24")
        assert mention.anchor.sentence.index == mention.sentence.index - 1


SPOKEN = """Farm minister resigns
May 21, 2025

Speaking to reporters early on Wednesday after handing in his resignation, Eto said his comment had been inappropriate.
A heat advisory was issued on August 8. The advisory was lifted a week later.
"""


@pytest.mark.parametrize(
    "words, start",
    [
        ("Eto said his comment", "2025-05-21"),  # the speaker is who acted, even when the dated clause names nobody
        ("The advisory was lifted a week later", "2024-08-15"),  # a past clause dated to a day or week needs no named actor
    ],
)
def test_a_dated_past_clause_is_an_event_without_a_named_actor_in_it(mentions_of, words, start):
    _article, mentions = mentions_of("spoken.txt", SPOKEN)
    (mention,) = [m for m in mentions if words in m.sentence.text and m.dated_by == "phrase"]
    assert mention.start == start


DATELINE = """ТАСС
Путин встретился с Кимом в Пекине
Обновлено 14:05

ПЕКИН, 3 сентября 2025. /ТАСС/. Президент России Владимир Путин провел в Пекине переговоры с руководителем КНДР.
Встреча прошла в резиденции после военного парада.
"""


def test_the_lead_after_its_dateline_takes_the_datelines_day(mentions_of):
    _article, mentions = mentions_of("dateline.txt", DATELINE)
    (lead,) = [m for m in mentions if "провел в Пекине переговоры" in m.sentence.text]
    assert (lead.start, lead.end, lead.dated_by) == ("2025-09-03", "2025-09-03", "phrase")
    assert not [m for m in mentions if m.sentence.text.startswith("ПЕКИН")]  # the dateline itself is no event


QUAKE_REPORT = """Global Wire

Powerful earthquake hits mountain region

Published March 31, 2025

Thousands of people slept in the streets on Saturday night, fearing aftershocks.

The military government declared a state of emergency in six regions.

The quake was the strongest to hit the country in more than a century.

The country is one of the poorest in the region.
"""

DE_REPORT = """Tagesschau

Erdbeben erschüttert das Land

Stand: 30.03.2025 10:15 Uhr

Ein schweres Erdbeben der Stärke 7,7 hat am Freitag das Zentrum des Landes erschüttert, viele Gebäude stürzten ein.

Am Samstag trafen die ersten Hilfsflüge aus China und Indien auf dem Flughafen der Hauptstadt ein.

Die Junta rief daraufhin den Notstand in sechs Regionen des Landes aus.

Die Regierung hatte bereits zuvor die Nachbarländer um Hilfe gebeten.
"""


def test_an_irregular_past_verb_makes_a_dated_clause_an_event(mentions_of):
    _article, mentions = mentions_of("quake.txt", QUAKE_REPORT)
    slept = [m for m in mentions if m.sentence.text.startswith("Thousands")]
    assert [(m.start, m.dated_by) for m in slept] == [("2025-03-29", "phrase")]


@pytest.mark.parametrize("name, text, undated", [("quake.txt", QUAKE_REPORT, "The military"), ("de.txt", DE_REPORT, "Die Junta")])
def test_an_undated_happening_right_after_a_recent_day_is_news_of_its_report_week(mentions_of, name, text, undated):
    """Dated by its report (the week ending on the page's day), never a made-up day; a description
    ('was the strongest'), a present-tense sentence or earlier background ('zuvor') is no event."""
    article, mentions = mentions_of(name, text)
    reported = [m for m in mentions if m.dated_by == "report"]
    assert [m.sentence.text[: len(undated)] for m in reported] == [undated]
    assert reported[0].end == article.published.date and reported[0].precision == "week"


def test_on_a_page_of_unknown_date_a_day_and_month_take_the_year_the_text_gave(mentions_of):
    """"le 29 mars" is the 29 March next to "le 28 mars 2025"; "Vendredi" is the Friday the page names (28 March 2025)."""
    text = """Le Journal International

Séisme : les secours à pied d'œuvre

Un violent séisme de magnitude 7,7 a frappé le 28 mars 2025 le centre du pays, faisant au moins 1 644 morts selon la junte.

Le 29 mars, les secouristes ont extrait des survivants des décombres d'un hôtel de la capitale.

Vendredi soir, le chef de la junte a lancé un rare appel à l'aide internationale.
"""
    article, mentions = mentions_of("undated.txt", text)
    assert article.published.precision == "unknown"
    assert {(m.start, m.end, m.clue) for m in mentions} == {
        ("2025-03-28", "2025-03-28", "28 mars 2025"), ("2025-03-29", "2025-03-29", "29 mars"), ("2025-03-28", "2025-03-28", "Vendredi"),
    }


SAID_AHEAD = """Daily Wire

Officials outline the next steps

Published June 17, 2025

The defence minister met the president in the capital on Tuesday.

Memorials to the soldiers killed there will be erected in both countries, he said.

According to the broadcaster NHK, the workers would go to a plant in the east of the country.

Foreign Minister Jane Doe will meet her counterpart next month, the ministry said.

As per the army's estimates, the number of deployed soldiers currently stands at around 12,000.
"""


@pytest.mark.parametrize(
    "words, is_news",
    [
        ("Memorials to the soldiers", True),  # what a named voice said of the future is that voice's news of the day
        ("According to the broadcaster NHK", True),
        ("Foreign Minister Jane Doe will meet", False),  # a named actor's own itinerary is a plan
        ("As per the army's estimates", False),  # a running total, whoever estimates it
    ],
)
def test_what_a_named_source_says_of_the_future_is_news_of_the_day_but_a_plan_is_not(mentions_of, words, is_news):
    article, mentions = mentions_of("said_ahead.txt", SAID_AHEAD)
    found = [m for m in mentions if m.sentence.text.startswith(words)]
    assert bool(found) == is_news, [(m.sentence.text[:40], m.dated_by) for m in mentions]
    assert all(m.end <= article.published.date for m in found)


KO_CEREMONY = """연합뉴스
김정은, 전사자 유가족 다시 불러 위로 행사

입력 2025년 08월 30일(토) 14:37

조선중앙통신은 30일, 해외 작전에 참전한 장병들에게 국가표창을 주는 두 번째 수여식이 하루 전 평양에서 열렸다고 전했다.

행사장은 외국 귀빈을 맞을 때 쓰는 평양의 대형 연회장인 목란관이었다.

김 위원장은 국기로 싼 초상을 가족들 손에 하나하나 쥐여 주었고, 이후 가족들과 함께 기념사진을 찍었다.

공훈을 인정받은 참전 군인들은 금별메달과 국기훈장 제1급, 그리고 공화국 영웅 칭호를 받았다.

김 위원장은 지난해 평양에 기념관과 기념비를 세우겠다고 밝힌 바 있다.
"""


def test_undated_sentences_that_go_on_telling_the_days_news_stay_news_of_that_week(mentions_of):
    """A run of undated past sentences after a recent day is dated by its report (the week ending on the page),
    each one following the one before it; background marked as earlier ('바 있다') is no news of the day."""
    article, mentions = mentions_of("ko_ceremony.txt", KO_CEREMONY)
    def dates_of(words: str) -> list[tuple[str, str]]:
        return [(m.start, m.end) for m in mentions if m.sentence.text.startswith(words)]

    assert dates_of("공훈을 인정받은") == [("2025-08-24", "2025-08-30")]
    assert dates_of("김 위원장은 국기로") == [("2025-08-24", "2025-08-30")]
    assert not any(m.sentence.text.startswith("김 위원장은 지난해") and m.dated_by == "report" for m in mentions)


JA_HEARSAY = """共同通信
情報機関、派遣兵士の訓練状況を報告

2024年10月23日 18時10分

韓国の情報機関は23日、北部の港から約1500人の第1陣が今月上旬に運ばれたとの分析を国会に報告した。

兵士らは各地の訓練施設に分かれて、現地に慣れるための訓練を受けている。

装備の使い方や無人機の操縦などについての特別教育も行われているという。

派遣の中心は特殊作戦部隊の第11軍団とみられる。
"""


@pytest.mark.parametrize("words", ["装備の使い方", "派遣の中心は"])
def test_hearsay_without_a_verb_of_saying_is_the_reports_news_of_the_day(mentions_of, words):
    """'…という', '…とみられる' pass on what the report's sources say: a statement of the report's day."""
    article, mentions = mentions_of("ja_hearsay.txt", JA_HEARSAY)
    found = [m for m in mentions if m.sentence.text.startswith(words)]
    # it goes on telling the lead's statement of the 23rd (not merely some happening of the report's week)
    assert [(m.start, m.end, m.is_statement) for m in found] == [("2024-10-23", "2024-10-23", True)], [
        (m.sentence.text[:10], m.start, m.dated_by) for m in mentions]


SINCE_REPORT = """City Herald

Rice prices keep rising across the country

Published May 21, 2025

The government has been releasing rice from its emergency stockpile since March, but prices kept rising in May.

Moscow has backed Pyongyang since the 1950s, officials said on Tuesday.
"""


def test_a_lasting_action_since_a_bare_date_began_then(mentions_of):
    """'has been releasing … since March': the release began in March (its clause, by its actor); a decade
    ('since the 1950s') is not its first year."""
    _article, mentions = mentions_of("since.txt", SINCE_REPORT)
    began = [m for m in mentions if m.dated_by == "since"]
    assert [(m.start, m.end, m.summary) for m in began] == [
        ("2025-03-01", "2025-03-31", "The government has been releasing rice from its emergency stockpile")]


SHORT_REPORT = """City Herald

Floods and a vote in the old town

Published April 4, 2025

Heavy rain flooded the old town on Tuesday, and the river burst its banks.

Schools reopened on Monday.

Photo: City Herald archive.
"""


def test_a_four_word_english_sentence_with_a_past_verb_and_a_date_is_an_event(mentions_of):
    _article, mentions = mentions_of("short.txt", SHORT_REPORT)
    assert [(m.start, m.dated_by) for m in mentions if m.sentence.text.startswith("Schools")] == [("2025-03-31", "phrase")]
    assert not [m for m in mentions if m.sentence.text.startswith("Photo")]
