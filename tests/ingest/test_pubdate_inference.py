"""Publication dates inferred from the rest of the corpus: honest precision, never stated, clue names the anchor."""

from dataclasses import replace

import pytest

from lib.core.models import PublishedDate
from lib.core.settings import load_settings
from lib.ingest.pipeline import build_article
from lib.ingest.pubdate_inference import infer_publication_dates

UNDATED_NHK = "000_23855ce6f6a14ab7.txt"
UNDATED_AFP = "001_3fe3a61bf119b289.txt"
TREATY_ANCHOR = "002_f09298817ccba4f1.txt"


def test_the_nhk_article_is_dated_by_the_treaty_another_article_dates(articles_by_file):
    published = articles_by_file[UNDATED_NHK].published
    assert published.stated is False
    assert published.precision in ("month", "year")
    # "signed ... last June" + treaty signed 19 Jun 2024 => published Jul 2024 .. Jun 2025
    assert "2024-07-01" <= published.earliest <= published.latest <= "2025-06-30"
    assert "last June" in published.clue and TREATY_ANCHOR in published.clue and "19 Jun 2024" in published.clue
    assert "inferred" in published.label()
    # The interval splits evenly over two years; "last June" is mostly written the year after.
    assert published.date == "2025"


def test_the_afp_article_is_dated_by_the_start_of_the_war(articles_by_file):
    published = articles_by_file[UNDATED_AFP].published
    assert published.stated is False
    assert published.precision == "year"
    # "nearly four years ago" + war began Feb 2022 => late 2025 / early 2026
    assert "2025-08-01" <= published.earliest <= published.latest <= "2026-02-28"
    assert "nearly four years ago" in published.clue and TREATY_ANCHOR in published.clue
    assert published.date in ("2025", "2026")


def test_stated_dates_are_returned_untouched(corpus):
    raw = {article.source_file: article for article in corpus.store.articles()}
    inferred = {article.source_file: article for article in infer_publication_dates(list(raw.values()))}
    stated = [name for name, article in raw.items() if article.published.stated]
    assert stated, "the bundled corpus has stated dates"
    for name in stated:
        assert inferred[name].published == raw[name].published


def test_an_article_without_clues_stays_unknown(articles_by_file):
    # The Kyodo article with its printed date removed: nothing in its text relates it to a dated event.
    undated = replace(articles_by_file["003_acf3f096cf1d3bac.txt"], published=PublishedDate.unknown())
    others = [article for name, article in articles_by_file.items() if name != "003_acf3f096cf1d3bac.txt"]
    result = {article.source_file: article for article in infer_publication_dates(others + [undated])}
    assert result["003_acf3f096cf1d3bac.txt"].published.precision == "unknown"
    assert result["003_acf3f096cf1d3bac.txt"].published.date is None


def test_an_undated_article_alone_stays_unknown(articles_by_file):
    # Without the article that dates the treaty there is no anchor: no guess.
    alone = replace(articles_by_file[UNDATED_NHK], published=PublishedDate.unknown())
    (result,) = infer_publication_dates([alone])
    assert result.published.precision == "unknown"


def test_inference_works_for_any_article_that_relates_to_a_dated_event(articles_by_file, tmp_path):
    # A new undated report: "last month" + the treaty (dated by 002) => published in July 2024.
    text = (
        "Analysts weigh Moscow's new pact\n\n"
        "Russia and North Korea signed a strategic partnership treaty last month in Pyongyang, "
        "pledging mutual military assistance. Diplomats in Seoul said the pact changes the region's security.\n"
    ).encode()
    article = build_article("new_undated.txt", text, load_settings(tmp_path))
    assert article.published.precision == "unknown"
    result = infer_publication_dates([articles_by_file[TREATY_ANCHOR], article])
    published = result[1].published
    assert (published.earliest, published.latest) == ("2024-07-01", "2024-07-31")
    assert published.precision == "month" and published.date == "2024-07" and not published.stated
    assert "last month" in published.clue and TREATY_ANCHOR in published.clue


@pytest.mark.parametrize("name", [UNDATED_NHK, UNDATED_AFP])
def test_inferred_dates_keep_a_consistent_interval(articles_by_file, name):
    published = articles_by_file[name].published
    assert published.earliest <= published.latest
    assert published.date is not None and published.earliest[:4] <= published.date[:4] <= published.latest[:4]


def _page(name: str, text: str, tmp_path):
    return build_article(name, text.encode("utf-8"), load_settings(tmp_path))


def _dated(name: str, day: str, tmp_path):
    text = f"Example Daily\n\nA dated report\n\nPublished: {day}\n\n" + "The ministry reported the rice price again on that day, officials said in Tokyo. " * 3
    return _page(name, text, tmp_path)


def test_a_yearless_dateline_is_placed_in_the_one_year_the_collection_allows(tmp_path):
    wire = _page(
        "wire.txt",
        "Reuters\n\nFarm minister quits\n\nTOKYO, May 21 (Reuters) - Japan's farm minister said on Wednesday he had "
        "resigned over a remark about rice. Prices have doubled in a year, and the government released reserves.",
        tmp_path,
    )
    assert (wire.published.precision, wire.published.day_month) == ("unknown", "05-21")
    collection = [_dated("a.txt", "2024-08-28", tmp_path), _dated("b.txt", "2025-11-15", tmp_path), wire]
    placed = infer_publication_dates(collection)[2].published
    # 21 May 2024 (a Tuesday) and 21 May 2025 (a Wednesday) are both near the collection; the lead's
    # "on Wednesday" keeps 2025.
    assert (placed.date, placed.precision, placed.stated) == ("2025-05-21", "day", False)
    assert "Wednesday" in placed.clue and "inferred" in placed.clue


def test_a_yearless_dateline_stays_unknown_when_two_years_fit(tmp_path):
    wire = _page(
        "wire.txt",
        "Reuters\n\nFarm minister quits\n\nTOKYO, May 21 (Reuters) - Japan's farm minister has resigned over a remark "
        "about rice. Prices have doubled in a year, and the government released reserves to shops.",
        tmp_path,
    )
    collection = [_dated("a.txt", "2024-08-28", tmp_path), _dated("b.txt", "2025-11-15", tmp_path), wire]
    assert infer_publication_dates(collection)[2].published.precision == "unknown"


def _ja(name: str, text: str, tmp_path):
    return _page(name, text, tmp_path)


_JA_DATED = (
    "NHK NEWS WEB\n\n江藤農相が辞任\n\n2025年5月21日 19時05分\n\n"
    "コメをめぐる発言が批判を受けていた江藤拓農林水産大臣は、21日朝、総理大臣官邸を訪れて石破総理大臣に辞表を提出しました。"
    "後任には小泉進次郎元環境大臣が起用されました。政府は備蓄米の放出を進めています。\n\n"
    "江藤大臣は記者団に対し、国民に不快な思いをさせたとして謝罪しました。農林水産省は価格の動向を注視しています。"
)


def test_a_cjk_page_dated_by_the_day_of_the_month_is_placed_by_an_event_another_page_dates(tmp_path):
    undated = _ja(
        "c06.txt",
        "テレ朝NEWS\n\n備蓄米を随意契約で\n\n小泉進次郎農林水産大臣は26日、政府の備蓄米を入札せずに売り渡す随意契約の内容を発表しました。"
        "価格は5キロ2000円程度になる見通しです。\n\n"
        "小泉大臣は、コメをめぐる発言で21日に辞任した江藤拓前大臣の後任として、同じ日に就任したばかりです。"
        "スーパーの店頭には6月上旬に並ぶ予定です。",
        tmp_path,
    )
    assert (undated.published.precision, undated.published.day_month) == ("unknown", "--26")
    dated = _ja("c04.txt", _JA_DATED, tmp_path)
    placed = infer_publication_dates([dated, undated])[1].published
    assert (placed.date, placed.precision, placed.stated) == ("2025-05-26", "day", False)
    assert "c04.txt" in placed.clue


def test_the_day_of_the_month_is_placed_in_the_one_month_the_interval_allows(tmp_path):
    undated = _ja(
        "late.txt",
        "テレ朝NEWS\n\n備蓄米の売り渡し\n\n小泉進次郎農林水産大臣は3日、政府の備蓄米を売り渡すと発表しました。価格は下がる見通しです。\n\n"
        "小泉大臣は、コメをめぐる発言で21日に辞任した江藤拓前大臣の後任として、同じ日に就任したばかりです。店頭に並ぶ予定です。",
        tmp_path,
    )
    dated = _ja("c04.txt", _JA_DATED, tmp_path)
    # "21日" puts the page between 21 May and 20 June; its own "3日" then can only be 3 June: placed.
    placed = infer_publication_dates([dated, undated])[1].published
    assert placed.date == "2025-06-03" and not placed.stated


@pytest.mark.parametrize(
    "day_month, earliest, latest, conflicts",
    [
        ("--30", "2025-01-13", "2025-01-13", True),  # the page's own day cannot fall in the interval
        ("--13", "2025-01-13", "2025-01-13", False),
        ("05-21", "2024-12-01", "2025-03-31", True),
        ("05-21", "2024-12-01", "2025-06-30", False),
    ],
)
def test_a_page_day_that_contradicts_the_inferred_interval_is_a_conflict(day_month, earliest, latest, conflicts):
    from lib.ingest.pubdate_inference import _conflicts

    inferred = PublishedDate(date="2025", precision="year", stated=False, clue="t", earliest=earliest, latest=latest)
    assert _conflicts(day_month, inferred) is conflicts


_EN_DATED = (
    "World Wire\n\nGeneral reports the region retaken\n\nPublished: 17 June 2025\n\n"
    "Moscow officially acknowledged the role of the foreign units on April 26, when chief of the general staff "
    "Valery Gerasimov reported that the region had been retaken. The ministry later published a list of 1,000 sappers "
    "and 5,000 builders who would follow, and 12,000 troops already served there.\n\n"
    "Officials said more units would come later in the year, without giving a date for their departure."
)
_RU_UNDATED = (
    "ТАСС\n\nВстреча в Пекине\n\nПЕКИН, 3 сентября. /ТАСС/. Президент провел в Пекине переговоры с гостями после парада. "
    "Беседа шла в расширенном составе, затем лидеры продолжили разговор один на один.\n\n"
    "Участие военных в боях впервые официально подтвердил 26 апреля начальник Генштаба Валерий Герасимов, "
    "когда доложил президенту о завершении освобождения региона."
)


def test_a_dateline_without_a_year_is_placed_by_a_name_and_day_another_language_dates(tmp_path):
    undated = _page("ru.txt", _RU_UNDATED, tmp_path)
    assert (undated.published.precision, undated.published.day_month) == ("unknown", "09-03")
    dated = _page("en.txt", _EN_DATED, tmp_path)
    # "26 апреля ... Герасимов" is "April 26 ... Gerasimov" of 2025 (the English page's year): 3 September 2025.
    placed = infer_publication_dates([dated, undated])[1].published
    assert (placed.date, placed.precision, placed.stated) == ("2025-09-03", "day", False)
    assert "en.txt" in placed.clue and "gerasimov" in placed.clue


def test_a_shared_name_on_another_day_dates_nothing(tmp_path):
    undated = _page("ru.txt", _RU_UNDATED.replace("26 апреля", "12 апреля"), tmp_path)
    dated = _page("en.txt", _EN_DATED, tmp_path)
    # Same general, different day: not the same event, and the page's own '3 сентября' stays yearless.
    assert infer_publication_dates([dated, undated])[1].published.precision == "unknown"


_JA_FIGURES = (
    "聯合ニュース\n\n兵士の移動\n\n【ソウル聯合ニュース】情報機関は23日、兵士はこれまでに約3000人に上るとの分析を示した。"
    "12月ごろまでには合計で1万人ほどになるとみている。\n\n"
    "情報機関によると、今月8～13日に艦艇で約1500人の第1陣が運ばれ、その後さらに1500人ほどが移動した。"
)
_EN_FIGURES = (
    "Daily Wire\n\nLawmakers say 3,000 troops already abroad\n\nOctober 23, 2024\n\n"
    "A further 1,500 soldiers have been dispatched, the intelligence chief told lawmakers on Wednesday, "
    "bringing the number believed to be there to about 3,000. He expects around 10,000 by December.\n\n"
    "Last week the agency said it had confirmed the first movement of about 1,500 special operations troops, "
    "carried aboard navy ships between October 8 and October 13."
)


def test_a_day_of_the_month_is_placed_by_figures_another_language_dates(tmp_path):
    undated = _page("ja.txt", _JA_FIGURES, tmp_path)
    assert undated.published.day_month == "--23"
    dated = _page("en.txt", _EN_FIGURES, tmp_path)
    # '今月' (this month) of the 1,500 troops moved 8-13 October 2024, and 3,000/10,000 shared: 23 October 2024.
    placed = infer_publication_dates([dated, undated])[1].published
    assert (placed.date, placed.precision, placed.stated) == ("2024-10-23", "day", False)
    assert "en.txt" in placed.clue


def test_one_shared_figure_does_not_date_a_coarse_phrase(tmp_path):
    # The pages share only '1500': '今月' (this month) is too coarse to be matched on one figure.
    undated = _page("ja.txt", _JA_FIGURES.replace("3000人", "2000人").replace("1万人", "2万人").replace("23日", "25日"), tmp_path)
    dated = _page("en.txt", _EN_FIGURES, tmp_path)
    assert infer_publication_dates([dated, undated])[1].published.precision == "unknown"


_KO_DATED = (
    "한빛일보\n\n철도 파업 석 달\n\n입력 2025년 08월 30일(토) 14:37\n\n"
    "철도노조의 파업이 석 달째 이어지고 있다. 정부는 지난 4월 말 철도 운행 중단 사실을 처음 공식 인정했다. "
    "노조는 다음 달 협상을 다시 요구할 계획이다.\n\n국토교통부는 대체 버스를 늘리겠다고 밝혔다."
)
_KO_UNDATED = (
    "한빛방송\n\n국토부 \"대체 버스 300대 투입\"\n\n국토교통부가 오늘(30일) 국회에 보고한 내용을 보면, 대체 버스 300대가 투입됩니다.\n\n"
    "정부는 이틀 전 철도 운행 중단 사실을 처음으로 공식 인정했습니다. 노조는 협상을 요구하고 있습니다."
)


def test_a_day_of_the_month_is_placed_by_an_event_another_page_dates_to_the_end_of_a_month(tmp_path):
    undated = _page("ko2.txt", _KO_UNDATED, tmp_path)
    assert (undated.published.precision, undated.published.day_month) == ("unknown", "--30")
    dated = _page("ko1.txt", _KO_DATED, tmp_path)
    # "이틀 전 ... 처음으로 공식 인정" is the event the other page dates "4월 말" (26-30 April 2025):
    # the page is from 28 April - 2 May, and its own "30일" is then 30 April.
    placed = infer_publication_dates([dated, undated])[1].published
    assert (placed.date, placed.precision, placed.stated) == ("2025-04-30", "day", False)
    assert "ko1.txt" in placed.clue


_DE_DATED = (
    "Rheinblatt\n\nMinisterin tritt zurück\n\nVeröffentlicht am 7. März 2025\n\n"
    "Am 6. März 2025 erklärte Finanzministerin Ravensworth ihren Rücktritt, nachdem der Haushalt im Parlament gescheitert war. "
    "Die Koalition sucht nun eine Nachfolgerin.\n\nDie Opposition fordert Neuwahlen."
)


def _en_undated(weekday: str, name: str = "Ravensworth") -> str:
    return (
        "Harbour Post\n\nCoalition looks for a new finance chief\n\n"
        "The coalition met again to choose a successor, officials said, after weeks of quarrels over the budget.\n\n"
        f"Finance minister Ellen {name} on {weekday} resigned after parliament rejected her budget.\n\n"
        "The opposition wants an early election."
    )


def test_a_bare_weekday_is_dated_by_a_rare_name_another_page_dates_to_the_day(tmp_path):
    dated = _page("de.txt", _DE_DATED, tmp_path)
    undated = _page("en.txt", _en_undated("Thursday"), tmp_path)
    # 6 March 2025 was a Thursday: "on Thursday" puts the page between 6 and 12 March 2025.
    inferred = infer_publication_dates([dated, undated])[1].published
    assert not inferred.stated and inferred.precision == "week"
    assert ("2025-03-06", "2025-03-12") == (inferred.earliest, inferred.latest)
    assert "de.txt" in inferred.clue and "ravensworth" in inferred.clue


def test_a_bare_weekday_that_is_not_the_dated_day_dates_nothing(tmp_path):
    dated = _page("de.txt", _DE_DATED, tmp_path)
    undated = _page("en.txt", _en_undated("Monday"), tmp_path)
    # 6 March 2025 was not a Monday: not the same event.
    assert infer_publication_dates([dated, undated])[1].published.precision == "unknown"


def test_a_bare_weekday_with_a_name_most_pages_print_dates_nothing(tmp_path):
    dated = _page("de.txt", _DE_DATED, tmp_path)
    undated = _page("en.txt", _en_undated("Thursday"), tmp_path)
    # Ravensworth in every page of a collection of 12 is no longer a mark of one event.
    others = [
        _page(f"o{n}.txt", f"Harbour Post\n\nBudget row {n}\n\nPublished: 2025-02-{n + 1:02d}\n\n"
              f"Finance minister Ellen Ravensworth defended her budget plan number {n} before the vote in parliament. "
              "The coalition backed her, officials said.", tmp_path)
        for n in range(10)
    ]
    assert infer_publication_dates(others + [dated, undated])[-1].published.precision == "unknown"


def test_a_wire_lead_below_other_paragraphs_narrows_the_week_to_its_weekday(tmp_path):
    dated = _page("de.txt", _DE_DATED, tmp_path)
    # The pasted page puts the wire lead ("HARBOUR CITY: ... on Monday") below another paragraph.
    text = _en_undated("Thursday").replace(
        "The opposition wants an early election.",
        "HARBOUR CITY: The coalition on Monday chose a successor to the finance minister.",
    )
    undated = _page("en.txt", text, tmp_path)
    inferred = infer_publication_dates([dated, undated])[1].published
    # 6-12 March 2025 from the Thursday; the lead's Monday is 10 March: the page is from 10 or 11 March.
    assert (inferred.earliest, inferred.latest) == ("2025-03-10", "2025-03-11") and not inferred.stated
    assert "Monday" in inferred.clue


def test_the_anchor_index_finds_the_anchors_sharing_enough_words_in_their_own_order():
    from datetime import date as day

    from lib.ingest.pubdate_inference import Anchor, AnchorIndex

    def anchor(name, *words):
        return Anchor(name, frozenset({"x"}), frozenset(words), day(2025, 3, 28), day(2025, 3, 28), "clue", "day")

    anchors = [anchor("a", "quake", "bridge"), anchor("b", "quake"), anchor("c", "bridge", "quake", "dam"), anchor("d", "flood")]
    index = AnchorIndex(anchors)
    assert [a.source_file for a in index.sharing({"quake", "bridge"})] == ["a", "b", "c"]
    assert [a.source_file for a in index.sharing({"quake", "bridge"}, at_least=2)] == ["a", "c"]
    assert index.sharing({"storm"}) == []
