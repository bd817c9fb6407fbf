"""Each furniture signal fires on its kind of line and stays quiet on article prose."""

from __future__ import annotations

import pytest

from lib.ingest.extract import signals as sig
from lib.ingest.extract.blocks import (
    build_context,
    feed_item_flags,
    find_core,
    find_headline,
    short_run_lengths,
    split_blocks,
)

NEWS_LINE = "The central bank raised its key rate by half a point on Tuesday, the third increase this year."
SHORT_NEWS = "Two people were injured."


@pytest.mark.parametrize(
    "line",
    ["12 ( +15 / -3 )", "0 ( +0 / -0 )", "Rating: 4 Votes", "27 points", "Reply", "3 replies", "@grumpy_reader99", "Load more comments"],
)
def test_comment_shapes_are_recognised(line):
    assert sig.is_comment_shape(line)


@pytest.mark.parametrize("line", [NEWS_LINE, SHORT_NEWS, "The vote was 12 to 3.", "Reply to the ministry came late on Friday."])
def test_prose_is_not_a_comment_shape(line):
    assert not sig.is_comment_shape(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published: March 3, 2023 at 4:15 p.m.",
        "Updated 14 Feb 2021, 09:30 GMT",
        "5 min read",
        "3 hours ago",
        "2023-03-03",
        "Last Updated : Jan 9 2023 | 11:02 AM IST",
        "By Jane Doe, 2 April 2025.",
        "Monday, 2 April 2025.",
    ],
)
def test_date_lines_are_recognised(line):
    assert sig.is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        NEWS_LINE,
        "On March 3, 2023, the council voted to close the bridge for repairs until the summer.",
        # Short one-sentence paragraphs that date their news, in scripts and word orders of all kinds.
        "政府于2025年3月29日宣布全国进入紧急状态。",
        "أعلنت الحكومة حالة الطوارئ في 29 مارس 2025.",
        "The government declared an emergency on 29 March 2025.",
    ],
)
def test_sentences_with_dates_are_not_date_lines(line):
    assert not sig.is_date_line(line)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Firefighters at the scene on Monday. Photo: Reuters/Jane Doe", True),
        ("A view of the harbour (Photo by John Smith/Getty Images)", True),
        ("Foto: Agência Brasil", True),
        (NEWS_LINE, False),
        ("The photographer said she had waited three hours for the light.", False),
    ],
)
def test_caption_signal(line, expected):
    assert sig.is_caption(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("© 2023 Example Media Group. All rights reserved.", True),
        ("Copyright Reuters 2022", True),
        ("(c) 2021 The Daily Planet", True),
        ("The copyright dispute went to court in 2019 and was settled.", True),  # signal, not verdict: the scorer weighs it
        (NEWS_LINE, False),
    ],
)
def test_copyright_signal(line, expected):
    assert sig.is_copyright(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe now and get unlimited access for $1 a week",
        "Sign up for our morning newsletter",
        "Cancel anytime",
        "€4.99/month",
        "SAVE 30%",
    ],
)
def test_promo_lines(line):
    assert sig.is_promo(line) or sig.is_price_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Please consider a donation to keep our newsroom independent.",
        "Readers like you keep us going. Become a member today.",
        "Support us on Patreon",
    ],
)
def test_appeal_lines(line):
    assert sig.is_appeal(line)


@pytest.mark.parametrize("line", ["Related Stories", "Read more:", "You may also like", "Leia também", "Baca juga", "関連ニュース", "Most Read"])
def test_related_markers_in_several_languages(line):
    assert sig.is_related_marker(line)


@pytest.mark.parametrize("line", [NEWS_LINE, "Related parties must disclose their holdings, the regulator said."])
def test_prose_is_not_a_related_marker(line):
    assert not sig.is_related_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "この記事はAIによって要約されたものです。",
        "This summary was AI-generated and reviewed by an editor.",
        "The views expressed in this column do not necessarily reflect those of the publisher.",
    ],
)
def test_disclaimers(line):
    assert sig.is_disclaimer(line)


def test_plain_news_is_not_a_disclaimer():
    assert not sig.is_disclaimer("The airline said the new route would start in April and cost less than rail.")


@pytest.mark.parametrize("line, expected", [("By Maria Lopez", True), ("By Maria Lopez and Tom Hart, Reuters", True), (NEWS_LINE, False)])
def test_bylines(line, expected):
    assert sig.is_byline(line) is expected


@pytest.mark.parametrize("line, expected", [("NAIROBI", True), ("SAN FRANCISCO", True), ("Nairobi", False), (SHORT_NEWS, False)])
def test_datelines(line, expected):
    assert sig.is_dateline(line) is expected


def test_menu_run_lengths_count_consecutive_short_lines():
    blocks = split_blocks("Home\nWorld\nBusiness\nSport\nCulture\n" + NEWS_LINE + "\nShare")
    assert short_run_lengths(blocks) == [5, 5, 5, 5, 5, 0, 1]


@pytest.mark.parametrize(
    "text, shares",
    [
        # A capitalised menu of 5, prose, then a mixed-case run of 4 (2 capitalised) and a lone label.
        ("Home\nWorld\nBusiness\nSport\nCulture\n" + NEWS_LINE + "\nShare\nsee more\nTop\nload more\n" + NEWS_LINE + "\nEnd",
         [1.0] * 5 + [0.0] + [0.5] * 4 + [0.0, 0.0]),
        # Runs of 1 or 2 short lines have no capitalised-run share.
        ("Home\nWorld\n" + NEWS_LINE + "\nShare", [0.0, 0.0, 0.0, 0.0]),
    ],
)
def test_capitalised_run_share_is_the_share_of_the_whole_run(text, shares):
    from lib.ingest.extract.blocks import capitalised_run_shares, short_runs

    blocks = split_blocks(text)
    assert capitalised_run_shares(blocks, short_runs(blocks)) == pytest.approx(shares)


def test_short_runs_name_each_lines_run_start_and_length():
    from lib.ingest.extract.blocks import short_runs

    blocks = split_blocks("Home\nWorld\nBusiness\n" + NEWS_LINE + "\nShare")
    assert short_runs(blocks) == [(0, 3), (0, 3), (0, 3), (3, 0), (4, 1)]


def test_wrapped_paragraph_lines_are_joined_but_not_across_blank_lines():
    text = "The mayor said the new tram line, which opened\nlast week, was already running at capacity.\n\nweather"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == [
        "The mayor said the new tram line, which opened last week, was already running at capacity.",
        "weather",
    ]


def test_core_is_the_run_of_prose_not_the_menu():
    text = "\n".join(["Home", "News", "Sport", "Weather", "Flood warnings issued for three rivers", NEWS_LINE, NEWS_LINE.replace("Tuesday", "Monday"), "Share", "Contact us"])
    blocks = split_blocks(text)
    start, end = find_core(blocks)
    assert (start, end) == (5, 6)


def test_headline_is_the_line_above_the_prose_that_shares_its_words():
    text = "\n".join(
        [
            "Menu",
            "Politics",
            "Central bank raises key rate for third time this year",
            "By Maria Lopez",
            NEWS_LINE,
            "Analysts had expected a smaller increase as inflation eased in the autumn.",
        ]
    )
    blocks = split_blocks(text)
    context = build_context(blocks)
    assert context.title == "Central bank raises key rate for third time this year"
    assert find_headline(blocks, context.core_start, context.core_end, context.line_counts) == 2


def test_body_language_is_the_majority_language_not_a_foreign_blurb():
    text = "\n".join(
        [
            NEWS_LINE,
            "Analysts had expected a smaller increase as inflation eased in the autumn months.",
            "The bank's governor said further rises were possible if wage growth stayed high.",
            "東京の株式市場は午後に大きく値下がりし、投資家の間で不安が広がりました。",
        ]
    )
    assert build_context(split_blocks(text)).body_language == "en"


def test_several_relative_time_stamps_mark_the_lines_after_them_as_a_feed():
    text = "\n".join(["Related Articles", "2 hours ago", "Teaser headline one", NEWS_LINE, "8 hours ago", "Teaser headline two", NEWS_LINE])
    flags = feed_item_flags(split_blocks(text))
    assert flags[3] and flags[6]
    assert not flags[0] and not flags[1]


def test_a_single_relative_time_stamp_is_the_article_own_and_flags_nothing():
    text = "\n".join(["Central bank raises key rate", "3 hours ago", NEWS_LINE, NEWS_LINE.replace("Tuesday", "Monday")])
    assert not any(feed_item_flags(split_blocks(text)))


def test_core_is_the_article_not_longer_teasers_of_a_feed_below_it():
    teaser = (
        "Ministers met again in Brussels on Thursday to discuss the new trade rules, which several governments have criticised, "
        "and officials said a compromise on tariffs and quotas could be reached before the end of the month if talks go well."
    )
    text = "\n".join(
        [
            "Central bank raises key rate",
            NEWS_LINE,
            "Analysts had expected a smaller increase as inflation eased in the autumn months.",
            "The bank's governor said further rises were possible if wage growth stayed high.",
            "Markets barely moved after the announcement, which most traders and economists had priced in weeks ago.",
            "Related Articles",
        ]
        + [line for n in (2, 5, 9) for line in (f"{n} hours ago", "Trade talks resume in Brussels", teaser)]
    )
    blocks = split_blocks(text)
    assert sum(b.n_chars for b in blocks[8::3]) > sum(b.n_chars for b in blocks[1:5])  # the feed has more prose
    assert find_core(blocks) == (1, 4)


def test_a_long_cookie_notice_does_not_become_the_prose_core():
    cookie = (
        "This website uses cookies to improve your experience while you navigate through the website, and some of these cookies "
        "are stored in your browser as they are essential for the working of basic functionalities of the website."
    )
    text = "\n".join(["Bridge closes for repairs", NEWS_LINE, "Menu", "Contact", "Privacy Overview", cookie, cookie.replace("website", "site")])
    assert find_core(split_blocks(text)) == (1, 1)


@pytest.mark.parametrize("line, expected", [("東京の株式市場", 1.0), ("Tokyo 東京", 2 / 7), ("Tokyo", 0.0), ("2024", 0.0)])
def test_cjk_ratio_is_the_share_of_letters_in_cjk_scripts(line, expected):
    assert sig.cjk_ratio(line) == pytest.approx(expected)


@pytest.mark.parametrize("line", ["[ 167 comments ]", "Top Rated Comments", "Reader comments (12)", "5 Comments", "Rating: 25 Votes fmcshan"])
def test_comment_section_headings_and_vote_lines_with_a_user_name_are_comment_shapes(line):
    assert sig.is_comment_shape(line)


@pytest.mark.parametrize("line", ["Comment: the minister was wrong", "Rating agencies cut the outlook to negative.", "He made 12 votes count."])
def test_sentences_mentioning_comments_or_votes_are_not_comment_shapes(line):
    assert not sig.is_comment_shape(line)


@pytest.mark.parametrize("line, expected", [("2 days ago at 07:52 am", True), ("Yesterday at 9:15 pm", True), ("2 days ago, at the summit, he spoke", False)])
def test_relative_time_stamps_may_carry_a_clock_time(line, expected):
    assert sig.is_relative_time(line) is expected


@pytest.mark.parametrize(
    "line, kind",
    [
        ("의견 남기기", "comment"),
        ("댓글 3", "comment"),
        ("ssk**** 공감 128 비공감 9", "comment"),
        ("この記事を共有する", "nav"),
        ("動画　1分42秒", "nav"),
        ("この記事の画像（3枚）", "nav"),
        ("人気記事ランキング", "related"),
        ("Popular news", "related"),
        ("Теги: Владимир Путин, Ким Чен Ын, КНДР", "label"),
        ("도쿄=김지훈 특파원", "byline"),
        ("Korean People's Army soldiers at a rally. ED JONES/AFP via Getty", "caption"),
        ("Джерело: Open Source Centre", "caption"),
        ("この記事は有料記事です。", "promo"),
        ("残り389文字（全文1236文字）", "promo"),
        ("Больше новостей — в Telegram-канале ТАСС", "promo"),
        ("(Reporting by Tokyo newsroom; Editing by Asia desk)", "syndication"),
        ("共同通信", "wire"),
        ("(c)聯合ニュース", "copyright"),
    ],
)
def test_furniture_lines_in_other_languages_are_recognised(line, kind):
    shape = sig.line_shape(line)
    checks = {
        "comment": shape.comment, "nav": shape.nav, "related": shape.related, "label": shape.label_list,
        "byline": shape.byline, "caption": shape.caption, "promo": shape.promo, "syndication": shape.syndication,
        "wire": shape.wire, "copyright": shape.copyright,
    }
    assert checks[kind], shape


@pytest.mark.parametrize(
    "line",
    [
        "일본 정부는 쌀값 안정을 위해 비축미를 방출했다고 밝혔다.",
        "政府は備蓄米の放出を決め、店頭価格は下がり始めた。",
        "Президент России поблагодарил военных КНДР за участие в боях.",
        "The source said the troops had moved closer to the front.",
    ],
)
def test_prose_in_other_languages_is_not_furniture(line):
    shape = sig.line_shape(line)
    assert not (shape.comment or shape.nav or shape.related or shape.caption or shape.promo or shape.byline or shape.copyright)


@pytest.mark.parametrize(
    "line, byline",
    [
        ("By John Smith and Jane Doe", True),
        ("by Regan September 15, 2014", True),
        ("By Son Ji-hyoung (consnow@heraldcorp.com)", True),
        ("From Pyongyang, Putin was due to fly on to Vietnam.", False),
    ],
)
def test_a_clause_opening_with_from_is_not_a_byline(line, byline):
    assert sig.is_byline(line) is byline
    assert sig.line_shape(line).byline is byline


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Tom Krisher, AP Auto Writer", True),
        ("Jane Roe, Associated Press correspondent", True),
        ("The minister, a former writer", False),
        ("Putin met Kim, the Kremlin said, Reporter", False),
    ],
)
def test_a_staff_credit_without_by_is_a_byline(line, expected):
    assert sig.is_byline(line) is expected and sig.line_shape(line).byline is expected


# --- signals that carry to languages and sites the cleaner was not tuned on ----------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("vor 2 Stunden", True),
        ("il y a 3 heures", True),
        ("hace 5 horas", True),
        ("2時間前", True),
        ("3小時前", True),
        ("2시간 전", True),
        ("2 часа назад", True),
        ("منذ 3 ساعات", True),
        ("gestern, 10:30", True),
        ("Yesterday at 10:30", True),
        ("Two hours ago the river burst its banks.", False),
        ("Vor zwei Jahren begann der Umbau des Bahnhofs.", False),
    ],
)
def test_relative_time_stamps_are_read_in_every_cldr_language(line, expected):
    assert sig.is_relative_time(line) is expected
    assert sig.line_shape(line).relative_time is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Publié le 6 mai 2025 à 07h15, mis à jour à 18h02", True),
        ("Опубликовано 14 июля 2025, 08:45", True),
        ("нُشر في 4 مارس 2025 - 09:40".replace("н", ""), True),
        ("เผยแพร่ 9 ก.ย. 2568 เวลา 10:30 น.", True),
        ("Madrid - 11 jun 2025 - 10:05 CEST", True),
        ("22 листопада 2025", True),
        # an abbreviation that is also a word ("Pro") is a month only in a date with a year
        ("Apple iPhone 11 Pro Max for $999", False),
        ("Le 6 mai 2025, le gouvernement a présenté un plan de relance de 12 milliards d'euros pour l'industrie.", False),
    ],
)
def test_date_lines_with_month_names_of_any_language(line, expected):
    assert sig.is_date_line(line) is expected


@pytest.mark.parametrize(
    "line, words",
    [
        ("ฝนที่ตกหนักต่อเนื่องตลอดคืน", 7),  # 27 Thai code points: ~4 per word
        ("台風10号が上陸", 4),
        ("The river rose fast.", 4),
    ],
)
def test_thai_words_are_counted_at_about_four_code_points(line, words):
    assert sig.word_count(line) == words


@pytest.mark.parametrize(
    "line, expected",
    [
        ("وقالت هيئة الأرصاد الجوية إن سرعة الرياح تجاوزت ستين كيلومترا في الساعة.", 0.5),
        ("北朝鮮兵、ロシア西部に展開", 0.5),
        ("Home World Business", 0.0),
        ("the river rose", 1.0),
    ],
)
def test_scripts_without_letter_case_are_neutral_for_the_lowercase_signal(line, expected):
    assert sig.lowercase_ratio(line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Key points in this article were summarised with the help of an AI tool and reviewed by our editors.", True),
        ("Este resumen ha sido generado con inteligencia artificial y revisado por la redacción.", True),
        ("本文摘要由AI生成，经编辑审核。", True),
        ("Résumé généré automatiquement :", True),
        ("Correction: An earlier version of this article gave the wrong date.", True),
        ("Rectificatif : une version précédente de cet article indiquait par erreur la mauvaise ville.", True),
        ("訂正：当初、避難指示の対象を約5万人としていました。", True),
        # reporting about AI tools, and a sentence with "correction" in it, are not notices
        ("The company said its AI tool can summarise long legal documents in seconds.", False),
        ("Researchers used artificial intelligence to translate the ancient tablets.", False),
        ("The correction in share prices continued on Friday.", False),
    ],
)
def test_machine_summary_and_correction_notices_are_disclaimers(line, expected):
    assert sig.is_disclaimer(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Zum Weiterlesen: Warum die Autoindustrie schwächelt", True),
        ("看更多：升息對股市有什麼影響", True),
        ("[관련기사] 전세가격 상승세 지속", True),
        ("He said: \"we will win the war.\"", False),
        ("Datum 27.12.2024", False),
    ],
)
def test_a_label_then_another_headline_is_a_labelled_link(line, expected):
    assert sig.is_labelled_link(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Watch: How the telescope sees the early universe 2:41", True),
        ("Bildergalerie: 6 Bilder", True),
        ("Poll: Should governments spend more on space science? Yes / No", True),
        ("暴風雨の中、避難所に向かう住民（29日午前、鹿児島市で）＝共同", True),
        ("Passeggeri in attesa alla stazione centrale durante un precedente sciopero (Ansa)", True),
        ("Die elektronische Patientenakte (ePA)", False),
        ("Portion Fix Containers: 1 Purple", False),
        ("The minister did not respond to a request for comment. (Reuters)", False),
    ],
)
def test_captions_and_media_items_in_any_words(line, expected):
    assert sig.is_caption(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [("حفظ", True), ("البنك المركزي", True), ("打印本页", True), ("Save", False), ("北朝鮮兵、ロシア西部に展開か", True)],
)
def test_caseless_detects_scripts_without_capitals(line, expected):
    assert sig.is_caseless(line) is expected


def test_author_bio_is_the_line_that_opens_with_the_bylines_name():
    page = "\n".join(
        [
            "Floods force thousands from homes",
            "By Hannah Marsh, Environment Correspondent",
            "More than 12,000 people were moved to emergency shelters on Thursday after the river burst its banks in three places overnight.",
            "The regional governor said the water had risen faster than forecasters expected, and that rescue boats had reached most villages.",
            "Hannah Marsh is our environment correspondent. She has reported on climate and disasters for more than ten years.",
        ]
    )
    blocks = split_blocks(page)
    context = build_context(blocks)
    assert context.author_bios == frozenset({4})


def test_a_kicker_read_as_a_byline_never_makes_the_article_a_bio():
    assert sig.is_byline("From North Korea")  # the kicker does read as a byline
    page = "\n".join(
        [
            "From North Korea",
            "North Korea fired two ballistic missiles into the sea on Sunday, the South Korean military said in a statement.",
            "North Korea has stepped up its weapons tests this year, drawing condemnation from Seoul, Tokyo and Washington.",
        ]
    )
    blocks = split_blocks(page)
    assert build_context(blocks).author_bios == frozenset()


def test_a_read_more_box_between_paragraphs_does_not_end_the_article():
    page = "\n".join(
        [
            "Floods force thousands from homes",
            "More than 12,000 people were moved to emergency shelters on Thursday after the river burst its banks in three places overnight.",
            "Related stories",
            "Why deltas are sinking faster than the seas are rising",
            "Engineers were working to close the largest breach with sandbags and gravel, officials said on Friday.",
            "The national weather service expects the river to peak on Saturday before slowly falling next week.",
        ]
    )
    blocks = split_blocks(page)
    context = build_context(blocks)
    assert context.box_links == frozenset({3})
    assert context.core_end == 5


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Séisme de magnitude 6,1 au Japon – 06/01/2025", True),
        ("US to announce new tariff measures – Jan 5, 2025", True),
        ("円安、一時160円台　12月18日", True),
        ("Гривня подешевшала до долара 22 січня 2025", True),
        ("Updated 14 March 2025", False),  # a date line, not a headline with its date
        ("Price rose to 12.50", False),  # not a day and month
        ("The meeting was set for 12 March 2025.", False),  # a sentence
    ],
)
def test_a_headline_followed_by_its_date_is_an_item_of_a_list_of_stories(line, expected):
    assert sig.line_shape(line).dated_item is expected


# --- headlines, credits, dates and site names that the signals misread (issue 14) -----------

_SOKUHOU_PAGE = [
    "西日本ニュース",
    "トップ",
    "社会",
    "【速報】福岡で震度5弱の地震　津波の心配なし",
    "2024年8月9日 19:58",
    "9日午後7時50分ごろ、福岡県で震度5弱の揺れを観測する地震があった。気象庁によると、この地震による津波の心配はないという。",
    "震源地は福岡県北西沖で、震源の深さは約10キロ、地震の規模を示すマグニチュードは5.2と推定される。",
    "県内では、これまでに大きな被害の情報は入っていないが、警察と消防が確認を進めている。",
]


def test_a_bracket_label_headline_right_above_its_date_line_is_the_headline_not_a_related_link():
    headline = "【速報】福岡で震度5弱の地震　津波の心配なし"
    assert sig.is_related_link(headline)  # alone, a 【label】 line reads as another story's link
    assert not sig.is_related_link(headline, above_date_line=True)
    assert not sig.is_related_marker(headline, above_date_line=True)
    # a named related-link label stays a related link wherever it stands
    assert sig.is_related_link("【関連記事】福岡で震度5弱の地震", above_date_line=True)
    blocks = split_blocks("\n".join(_SOKUHOU_PAGE))
    context = build_context(blocks)
    assert find_headline(blocks, context.core_start, context.core_end, context.line_counts) == 3


def test_a_bracket_label_line_far_from_any_date_line_is_still_a_related_link():
    lines = _SOKUHOU_PAGE[:3] + ["福岡で震度5弱の地震 津波の心配なし", "2024年8月9日 19:58"] + _SOKUHOU_PAGE[5:] + ["【もっと知りたい】地震への備え、何から始める"]
    blocks = split_blocks("\n".join(lines))
    context = build_context(blocks)
    assert context.title == "福岡で震度5弱の地震 津波の心配なし"
    assert sig.is_related_link(blocks[-1].text)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("The Best Budget Laptops for Students Learning AI/Machine Learning", False),  # a title-case headline
        ("Why Small Firms Are Betting on AI/Machine Learning", False),
        ("Le président lors de sa visite à Paris, mardi. LP/Jean Dupont", True),  # a caption, then its credit
        ("Rescuers search the rubble of a collapsed building REUTERS/Kim Hong-Ji", True),
        ("REUTERS/Kim Hong-Ji", True),  # the credit alone on its line
    ],
)
def test_a_slash_credit_needs_a_caption_before_it(line, expected):
    assert sig.is_caption(line) is expected
    assert sig.line_shape(line).caption is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Régionales 2024 : résultats à 20h00", False),  # a year and a clock time make no date
        ("Election 2024: polls close at 8:00 pm", False),
        ("Finale 2024 um 20:45", False),
        ("Régionales : le 14 mars 2024 à 20h00", True),  # a day and a month
        ("02/11/2023 à 09h40", True),
        ("19:58", True),  # a time alone on its line
        ("Heute, 10:25 Uhr", True),
        ("Mis à jour à 20h00", True),  # a labelled stamp
    ],
)
def test_a_date_line_needs_a_date_not_just_a_year_and_a_clock_time(line, expected):
    assert sig.is_date_line(line) is expected
    assert sig.line_shape(line).date_line is expected


@pytest.mark.parametrize("line", ["tagesschau.de", "Example.com", "Пример.ру"])
def test_a_bare_domain_is_the_sites_address_not_a_menu_word(line):
    assert not sig.is_nav_word(line)
    assert sig.is_site_address(line)


@pytest.mark.parametrize("line", ["Home", "Share", "Auf Facebook teilen", "Tags: Wahl, Berlin"])
def test_menu_words_are_no_site_address(line):
    assert sig.is_nav_word(line)
    assert not sig.is_site_address(line)


@pytest.mark.parametrize(
    "headline, date_line",
    [
        ("Le pont de la Guillotière fermé trois semaines pour travaux", "jeudi 14 mars 2024 à 10h25"),
        ("У Вінниці запустили нові тролейбуси на трьох маршрутах", "четвер, 14 березня 2024, 10:25"),
        ("Der Stadtrat beschließt neue Regeln für den Verkehr", "donnerstag, 14. märz 2024"),
    ],
)
def test_a_lower_case_date_line_under_a_headline_stays_its_own_line(headline, date_line):
    assert [b.text for b in split_blocks(f"{headline}\n{date_line}")] == [headline, date_line]


def test_a_wrapped_sentence_whose_next_line_holds_a_date_is_still_joined():
    text = "Le conseil municipal a voté la fermeture du pont qui sera effective à partir du\nlundi 18 mars 2024 et pendant trois semaines."
    assert len(split_blocks(text)) == 1
    text = "The council said the bridge, which carries most of the traffic,\nwill close in March 2024."
    assert len(split_blocks(text)) == 1


def test_a_lower_case_site_address_under_a_headline_is_not_joined_to_it():
    assert [b.text for b in split_blocks("Neue Regeln für den Verkehr in der Stadt\ntagesschau.de")] == [
        "Neue Regeln für den Verkehr in der Stadt",
        "tagesschau.de",
    ]


@pytest.mark.parametrize("line", ["（最終更新 12/19 17:20）", "Stand: 19.12. 17:20", "aktualisiert 19.12. um 17:20 Uhr"])
def test_a_day_and_a_month_in_figures_with_a_clock_time_make_a_date_line(line):
    assert sig.is_date_line(line)
