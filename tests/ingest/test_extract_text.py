"""The pasted-text cleaner keeps the article and explains every removal (bundled corpus + hand-made pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.core.models import REMOVED_KINDS
from lib.ingest.extract.text import clean_page_text

CORPUS = Path(__file__).resolve().parents[2] / "data" / "articles"


def _clean(name: str):
    (path,) = CORPUS.glob(f"{name}_*.txt")
    return clean_page_text(path.read_text(encoding="utf-8"))


def _body(extraction) -> str:
    return "\n".join(extraction.paragraphs)


def _kind_of(extraction, fragment: str) -> str:
    kinds = [block.kind for block in extraction.removed if fragment in block.text]
    assert kinds, f"{fragment!r} is not among the removed blocks"
    return kinds[0]


# (file, sentence of the article that must be in the body)
KEPT = [
    ("000", "NHK has learned that North Korea is considering sending workers"),
    ("000", "Pyongyang has since deployed troops to Russia."),
    ("000", "A total of 25,000 workers from North Korea are to be dispatched there."),
    ("001", "North Korea is gearing up for a busy 2026."),
    ("001", "Washington has pointed to evidence that Russia is helping Pyongyang"),
    ("001", "New modernization plans are expected to be unveiled"),
    # Section subheads between paragraphs are part of the article.
    ("001", "Preparing for a 'Busy Year'"),
    ("001", "The Deepening Alliance with Moscow"),
    ("002", "The Japanese government on Thursday expressed their concern"),
    ("002", '"Such remarks are totally unacceptable," he said.'),
    ("003", "Japanese Chief Cabinet Secretary Yoshimasa Hayashi has expressed deep concern"),
    ("003", "including 500 officers and three generals from Pyongyang."),
    ("004", "Japan's foreign minister arrived in Kyiv on Saturday"),
    ("004", "Russia strikes Kyiv in a wave of drone attacks Iwaya's visit comes after"),
    ("004", "including 20 over the western Kursk region and 11 over the Bryansk region."),
]

# (file, furniture line fragment that must not be in the body, expected kind or None for "any")
DROPPED = [
    ("000", "Hashtags", None),
    ("000", "Try Our AI Features", "promo"),
    ("000", "No comments yet", "comment"),
    ("000", "Related Articles", "related"),
    ("000", "Middle East tensions force Japan into tariff-talk rethink", "related"),
    ("000", "Tensions in the Middle East are forcing Japan", "related"),
    ("000", "2 hours ago", "related"),
    ("000", "Japan is planning to cut the issuance of superlong bonds", "related"),
    ("001", "本コンテンツはAIが原文記事を基に要約", "disclaimer"),
    ("001", "関連記事", "related"),
    ("001", "2026年にASEAN議長国を務めるフィリピン", "related"),
    ("002", "date 2024-06-20", "metadata"),
    ("002", "Image: Vladimir Smirnov", "caption"),
    ("002", "© KYODO", "credit"),
    ("002", "©2024 GPlusMedia Inc.", "credit"),
    ("002", "You know what the correct response is", "comment"),
    ("002", "-3 ( +1 / -4 )", "comment"),
    ("002", "@tooheysnewT", "comment"),
    ("002", "https://www.dailymail.co.uk/", "comment"),
    ("002", "North Korean troops could join Putin's invasion of Ukraine under a new pact", "comment"),
    ("002", "how embarrassing & degrading", "comment"),
    ("003", "Oct 26, 2024", "metadata"),
    ("003", "North Korean soldiers, illustrative image. Photo via Wikimedia.", "caption"),
    ("003", "Related:", "related"),
    ("003", "You could close this page.", "appeal"),
    ("003", "cup of coffee", "appeal"),
    ("003", "Become a Patron!", "appeal"),
    ("004", "AP Kyiv", "credit"),
    ("004", "2 min read Last Updated : Nov 16 2024 | 3:57 PM IST", "metadata"),
    ("004", "| Photo: Bloomberg", "caption"),
    ("004", "(Only the headline and picture of this report may have been reworked", "credit"),
    ("004", "Subscribe to Business Standard digital", "promo"),
    ("004", "Smart Quarterly", "promo"),
    ("004", "Renews automatically, cancel anytime", "promo"),
    ("004", "More From This Section", "related"),
    ("004", "Topics :Russia Ukraine Conflict", "navigation"),
    ("004", "First Published: Nov 16 2024 | 3:57 PM IST", "metadata"),
    ("004", "Next Story", None),
]

TITLES = {
    "000": "N.Korea to send workers to Russian drone factory to gain expertise",
    "001": "Kim Jong Un Orders Massive Missile Production Boost for 2026, Deepening Russia Ties",
    "002": "Japan says it is seriously concerned over Russia-N Korea military cooperation",
    "003": "Japanese Chief Cabinet Secretary Hayashi: North Korean troops in Russia threaten regional stability",
    "004": "Japan's minister visits Kyiv to stress mutual concern over N Korean troops",
}


@pytest.mark.parametrize("name, sentence", KEPT)
def test_corpus_article_sentences_are_kept(name, sentence):
    assert sentence in _body(_clean(name))


@pytest.mark.parametrize("name, fragment, kind", DROPPED)
def test_corpus_furniture_is_dropped_with_its_kind(name, fragment, kind):
    extraction = _clean(name)
    assert fragment not in _body(extraction)
    found = _kind_of(extraction, fragment)
    if kind is not None:
        assert found == kind


@pytest.mark.parametrize("name, title", sorted(TITLES.items()))
def test_corpus_title_is_the_headline_and_not_a_paragraph(name, title):
    extraction = _clean(name)
    assert extraction.title == title
    assert title not in extraction.paragraphs


def test_date_lines_keep_their_exact_text():
    extraction = _clean("003")
    assert any(block.text == "Oct 26, 2024 - 00:00" and block.kind == "metadata" for block in extraction.removed)


def test_relative_times_inside_related_lists_are_never_metadata():
    extraction = _clean("000")
    assert all(block.kind == "related" for block in extraction.removed if block.text.endswith("hours ago"))


def test_every_removed_block_has_a_known_kind_and_a_reason():
    for path in sorted(CORPUS.glob("*.txt")):
        extraction = clean_page_text(path.read_text(encoding="utf-8"))
        for block in extraction.removed:
            assert block.kind in REMOVED_KINDS and block.reason


def test_paragraphs_are_verbatim_lines_of_the_input():
    for path in sorted(CORPUS.glob("*.txt")):
        raw = " ".join(path.read_text(encoding="utf-8").split())
        for paragraph in clean_page_text(path.read_text(encoding="utf-8")).paragraphs:
            assert paragraph in raw


HAND_MADE_PAGE = """Skip to content
Home
News
Sport
Business
Weather
Sign in
Harbour bridge to close for six months of repairs
By Ana Ribeiro
12 March 2024, 08:15
The city's oldest bridge will close to traffic from April while engineers replace its corroded cables, the council said on Monday.
Buses will be diverted through the tunnel, adding about ten minutes to journeys across the harbour at peak times.
The work was approved after an inspection last year found that two of the main cables had lost a fifth of their strength.
Nobody was hurt.
Local shop owners said they feared losing customers during the closure and asked the council for rate relief.
Share this article
Facebook
Twitter
Email
Most Read
Council approves new cycle lanes for the city centre
Five things to do this weekend
© 2024 Harbour Times Media. All rights reserved.
"""


def test_hand_made_page_keeps_short_news_line_and_drops_menus():
    extraction = clean_page_text(HAND_MADE_PAGE)
    assert extraction.title == "Harbour bridge to close for six months of repairs"
    assert "Nobody was hurt." in extraction.paragraphs
    assert extraction.paragraphs[0].startswith("The city's oldest bridge")
    assert extraction.paragraphs[-1].startswith("Local shop owners")
    kinds = {block.text: block.kind for block in extraction.removed}
    assert kinds["© 2024 Harbour Times Media. All rights reserved."] == "credit"
    assert kinds["By Ana Ribeiro"] == "credit"
    assert kinds["12 March 2024, 08:15"] == "metadata"
    assert kinds["Council approves new cycle lanes for the city centre"] == "related"


def test_known_boilerplate_lines_are_dropped():
    boilerplate_line = "Our journalism is funded by readers in more than forty countries around the world."
    text = HAND_MADE_PAGE.replace("Nobody was hurt.", "Nobody was hurt.\n" + boilerplate_line)
    assert boilerplate_line not in clean_page_text(text, known_boilerplate=frozenset([boilerplate_line])).paragraphs


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_input_gives_an_empty_extraction_with_a_note(text):
    extraction = clean_page_text(text)
    assert extraction.paragraphs == () and extraction.notes



def _page_with_line_between_paragraphs(line: str) -> str:
    first = "The work was approved after an inspection last year found that two of the main cables had lost a fifth of their strength."
    return HAND_MADE_PAGE.replace(first, f"{first}\n{line}")


def test_a_section_subhead_between_paragraphs_stays_in_the_body_in_place():
    extraction = clean_page_text(_page_with_line_between_paragraphs("Why the cables failed"))
    paragraphs = list(extraction.paragraphs)
    assert "Why the cables failed" in paragraphs
    assert paragraphs[paragraphs.index("Why the cables failed") - 1].startswith("The work was approved")


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Advertisement", "promo"),
        ("Twitter", "navigation"),
        ("Updated 13 March 2024, 10:02", "metadata"),
        ("Engineers inspect the cables. Photo: Harbour Times", "caption"),
        ("By Ana Ribeiro and Tom Li", "credit"),
    ],
)
def test_furniture_between_paragraphs_is_not_taken_for_a_subhead(line, kind):
    extraction = clean_page_text(_page_with_line_between_paragraphs(line))
    assert line not in extraction.paragraphs
    assert "Nobody was hurt." in extraction.paragraphs
    if kind is not None:
        assert _kind_of(extraction, line) == kind


# -- work grows linearly with the paste --------------------------------------------------
def _cleaner_line_events(text: str) -> int:
    """Python lines executed inside lib/extract while cleaning `text` (caches cleared first).

    A count, not a time: deterministic on any machine, so it can be asserted
    (house style forbids timed assertions; bench/cleaner_scaling.py prints times).
    """
    import sys

    from lib.ingest.extract.blocks import clear_line_caches

    clear_line_caches()
    folder = str(Path(clean_page_text.__code__.co_filename).parent)
    count = 0

    def tracer(frame, event, _arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(folder):
            return None  # do not trace regex/library internals, only the cleaner's own code
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        clean_page_text(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", ["menus", "short", "prose", "wrapped", "mixed", "japanese"])
def test_cleaner_work_grows_linearly_with_the_number_of_lines(shape):
    from tests.support.page_shapes import shape_text

    small = _cleaner_line_events(shape_text(shape, 600))
    large = _cleaner_line_events(shape_text(shape, 2400))
    # 4x the lines: ~4x the work when every step is linear; a per-line rescan of a
    # 2,400-line menu run (the old capital-run walk-back) gives well over 10x.
    assert large / small < 5.0, f"{shape}: {small} -> {large} line events for 4x the lines"


def test_one_hard_wrapped_paragraph_is_joined_in_linear_work():
    line = "officials said the troops had moved toward the front line near the border"
    small = _cleaner_line_events("Start of the story\n" + "\n".join([line] * 500))
    large = _cleaner_line_events("Start of the story\n" + "\n".join([line] * 2000))
    assert large / small < 5.0


def test_a_paste_of_more_lines_than_any_page_is_not_read_and_says_why():
    from lib.ingest.extract.text import MAX_PAGE_LINES

    extraction = clean_page_text("Menu\n" * (MAX_PAGE_LINES + 1))
    assert extraction.paragraphs == () and extraction.title == ""
    assert f"{MAX_PAGE_LINES + 1:,} lines" in extraction.notes[0]


def test_a_page_just_under_the_line_limit_is_still_cleaned():
    from lib.ingest.extract.text import MAX_PAGE_LINES

    page = HAND_MADE_PAGE + "\n" + "\n\n".join(f"Menu {i}" for i in range(MAX_PAGE_LINES - 200))
    extraction = clean_page_text(page)
    assert "Nobody was hurt." in extraction.paragraphs


def test_upload_of_a_million_short_lines_is_refused_with_a_clear_message(tmp_path):
    from lib.core.errors import BadInputError
    from lib.core.settings import load_settings
    from lib.ingest.pipeline import build_article

    data = "".join(f"item {i}\n" for i in range(1_000_000)).encode()
    with pytest.raises(BadInputError, match="'lines.txt': the text has 1,000,000 lines, more than"):
        build_article("lines.txt", data, load_settings(tmp_path))


_PROSE = (
    "The ministry said on Tuesday that stockpiled rice would reach supermarkets within days, after prices doubled in a year.\n\n"
    "Officials said the release of reserves was the largest since the programme began, and more could follow.\n\n"
    "Retailers reported long queues before opening, with some limiting purchases to one bag per customer.\n\n"
    "Analysts said prices were likely to ease only slowly because of the poor harvest and strong demand.\n\n"
)


@pytest.mark.parametrize(
    "page, title",
    [
        # a pasted menu row (items set apart by wide gaps) is not the headline
        ("DW\nThemen  Ukraine  Reis  Asien  Klima\n\nStockpiled rice reaches supermarkets as prices ease\n\n" + _PROSE,
         "Stockpiled rice reaches supermarkets as prices ease"),
        # an agency's name alone at the top is its credit, not the headline
        ("Kyodo\n\nStockpiled rice reaches supermarkets as prices ease\n\n" + _PROSE, "Stockpiled rice reaches supermarkets as prices ease"),
        # a long standfirst under the headline is not the headline
        ("Stockpiled rice reaches supermarkets\n\nThe ministry says stockpiled rice will reach supermarkets within days after prices doubled in "
         "a year and the government released its largest reserve\n\n" + _PROSE, "Stockpiled rice reaches supermarkets"),
        # a list item is not the headline
        ("▶ Other story about rice prices and supermarkets\n\nStockpiled rice reaches supermarkets as prices ease\n\n" + _PROSE,
         "Stockpiled rice reaches supermarkets as prices ease"),
    ],
)
def test_headline_is_found_among_menus_credits_and_standfirsts(page, title):
    assert clean_page_text(page).title == title


def test_a_standfirst_printed_twice_is_not_body():
    standfirst = "An eleven-nation team says shells and missiles were shipped in breach of the sanctions regime"
    page = f"Allies accuse Pyongyang of breaking sanctions\n\n{standfirst}\n\nPhoto: a caption (AP)\n\n{standfirst}\n\n" + _PROSE
    extraction = clean_page_text(page)
    assert standfirst not in extraction.paragraphs
    assert extraction.paragraphs[0].startswith("The ministry said on Tuesday")


def test_a_row_of_share_buttons_is_never_the_title():
    # The article names the networks too, so the share row shares words with it.
    prose = _PROSE + "The ministry posted the plan on Facebook, Twitter and LinkedIn, where it was shared widely.\n\n"
    page = "Stockpiled rice reaches supermarkets as prices ease\n\nFacebook Twitter LinkedIn\n\n" + prose
    assert clean_page_text(page).title == "Stockpiled rice reaches supermarkets as prices ease"


@pytest.mark.parametrize(
    "line, shown",
    [
        ("Classificação NASCAR | Autoracing | F1 | Indy | MotoGP | StockCar", "Classificação NASCAR"),
        ("Rice prices | a year of shortages and what comes next", "Rice prices | a year of shortages and what comes next"),
        ("Stockpiled rice reaches supermarkets", "Stockpiled rice reaches supermarkets"),
    ],
)
def test_the_title_shown_drops_site_and_section_names_on_its_line(line, shown):
    from lib.ingest.extract.text import shown_title

    assert shown_title(line) == shown


def test_a_date_stamp_is_never_the_fallback_title():
    page = "Last modified on Mon 18 Nov 2019 18.56 GMT\n\n" + _PROSE
    assert clean_page_text(page).title != "Last modified on Mon 18 Nov 2019 18.56 GMT"


_BODY = (
    "Ferry services across the northern islands resumed on Tuesday after the storm that closed every port for four days, the operator said.\n"
    "The operator said the ferry routes to the northern islands would all run again by Friday once repairs to two piers are finished.\n"
    "Islanders had waited for food deliveries and medicine since the storm reached the coast on Friday night, local officials said.\n"
)


@pytest.mark.parametrize(
    "head, title",
    [
        # headline, section label and standfirst above the byline and date lines
        ("Example Gazette\nHome\nWorld\nLatest headlines from the mainland\nFerry services resume across the northern islands after storm\n"
         "Transport\nThe operator expects every route to run again by Friday.\nBy Jane Roe\nPublished 12 March 2024\n",
         "Ferry services resume across the northern islands after storm"),
        # a kicker above the date line, the headline below it, then a photo caption
        ("Example Gazette\nHome\nNorthern Islands Ferries\nPublished 2 hours ago\nFerry services resume across the northern islands after storm\nBy Jane Roe\n"
         "Islanders wait for the ferry at the northern pier\nJohn Doe, Example Gazette\n",
         "Ferry services resume across the northern islands after storm"),
        # headline, a wire credit and the date line, then a photo caption that shares the story's words
        ("Example Gazette\nHome\nFerry services resume across the northern islands after the storm\nGazette wire services\nPublished 12 March 2024\n"
         "Islanders wait for the ferry at the northern pier\nJohn Doe, Associated Press\n",
         "Ferry services resume across the northern islands after the storm"),
        # a headline that ends with a full stop, right on top of the date line
        ("Example Gazette\nHome\nFerry services to the northern islands resume. Repairs go on.\nUpdated 12 March 2024\n",
         "Ferry services to the northern islands resume. Repairs go on."),
    ],
)
def test_the_title_is_the_headline_next_to_the_date_and_byline_lines(head, title):
    assert clean_page_text(head + _BODY).title == title


@pytest.mark.parametrize(
    "lines, headline",
    [
        # the scorer's pick (a menu line) gives way to the headline above the date line
        (["Fox Business Go", "Earnings", "Published 1 day ago", "Ferry services resume across the northern islands after storm",
          "Facebook", "Twitter", "By Jane Roe", "close", "video", "Islanders wait for the ferry at the northern pier and cheer as it docks"],
         "Ferry services resume across the northern islands after storm"),
        # a run of short caption lines above the date line: the one of headline length wins
        (["Home", "Article", "2024 Northern Islands Ferry Results", "Jane Roe ferry pier", "Northern islands pier", "Updated: Fri 6:45 PM, Mar 15, 2024"],
         "2024 Northern Islands Ferry Results"),
    ],
)
def test_a_menu_or_caption_line_gives_way_to_the_headline_by_the_date_line(lines, headline):
    from lib.ingest.extract.blocks import split_blocks
    from lib.ingest.extract.text import _headline_by_date_block

    blocks = split_blocks("\n".join(lines) + "\n" + _BODY)
    keep = [block.index >= len(lines) for block in blocks]
    assert blocks[_headline_by_date_block(blocks, keep, current=0)].text == headline


def test_the_authors_name_signed_under_the_article_is_not_its_last_paragraph():
    page = "Example Gazette\nFerry services resume across the northern islands after storm\n" + _BODY + "Jane Roe\nPopular news\n"
    extraction = clean_page_text(page)
    assert extraction.paragraphs[-1].startswith("Islanders had waited")
    assert any(block.text == "Jane Roe" for block in extraction.removed)


def test_a_last_paragraph_that_is_a_sentence_stays():
    page = "Example Gazette\nFerry services resume across the northern islands after storm\n" + _BODY + "Repairs go on.\n"
    assert clean_page_text(page).paragraphs[-1] == "Repairs go on."


def test_a_paste_cut_off_inside_the_last_paragraph_keeps_that_paragraph():
    body = (
        "국가정보원이 오늘 국회에 보고한 내용을 보면, 북부 섬 지역의 여객선 운항이 나흘 만에 모두 재개된 것으로 파악됩니다.\n"
        "운영사는 부두 두 곳의 보수 공사가 끝나는 금요일까지 모든 항로를 정상화하겠다고 밝혔습니다.\n"
        "주민들은 태풍이 상륙한 금요일 밤부터 식료품과 의약품 공급을 기다려 왔다고 지역 관계자들이 전했습니다.\n"
    )
    cut = "두 기관은 금속·항공·에너지·관광 등 14개 분야의 협력도 협의하고 있으며, 섬으로 들어간 보급 물자는 1만 5천 톤 안팎으로"
    page = "SBS 뉴스\n정치 | 경제 | 사회\n북부 섬 여객선 운항 나흘 만에 재개\n정치부 김민정 기자\n" + body + cut
    assert clean_page_text(page).paragraphs[-1] == cut


def test_a_long_footer_line_after_the_article_is_not_kept_as_its_end():
    footer = "© 2024 Example Gazette Ltd. All rights reserved. Reproduction without permission is prohibited"
    page = "Example Gazette\nFerry services resume across the northern islands after storm\n" + _BODY + footer
    assert clean_page_text(page).paragraphs[-1].startswith("Islanders had waited")


def _dev_page_text(key_prefix: str) -> str:
    """The pasted text of one page of article-extraction-dev (tuned part), or skip without the benchmark."""
    import gzip

    from eval.extraction_data import decode_html
    from lib.core.settings import REPO_ROOT
    from lib.ingest.extract.page_text import html_to_page_text

    pages = REPO_ROOT.parent / "shared" / "benchmarks" / "article-extraction-dev" / "html"
    found = sorted(pages.glob(f"{key_prefix}*.html.gz")) if pages.is_dir() else []
    if not found:
        pytest.skip(f"needs the article-extraction-dev pages at {pages}")
    return html_to_page_text(decode_html(gzip.decompress(found[0].read_bytes())))


def test_a_breadcrumb_glued_to_the_headline_is_not_part_of_the_title():
    # A blog page: the breadcrumb runs into the headline, a disclosure sentence follows, and the
    # headline is printed again above the byline.
    text = _dev_page_text("0e014df693f1")
    assert "Home Natural & Eco-FriendlyBabywearing Hiking the Boulder Flat Irons" in text
    assert clean_page_text(text).title == "Hiking the Boulder Flat Irons"


def test_the_headline_above_the_date_is_found_past_a_long_share_panel():
    # A BBC page: thirty lines of share buttons sit between the date line and the first paragraph.
    text = _dev_page_text("70cb2d5bca75")
    assert "Share this with Messenger" in text
    assert clean_page_text(text).title == "Taylor Swift is allowed to play her music at the AMAs after all"


def test_a_headline_whose_last_words_open_no_later_line_is_kept_whole():
    extraction = clean_page_text(HAND_MADE_PAGE.replace("Nobody was hurt.", "Six months of repairs were planned."))
    assert extraction.title == "Harbour bridge to close for six months of repairs"


def test_the_longer_headline_above_the_date_beats_a_shorter_one_over_the_body():
    # A CBS News page: the headline, the date and credit lines, then a shorter second headline over the body.
    text = _dev_page_text("2c46804d9db4")
    assert "\nVideo shows dramatic rescue of kidnapped girl\n" in text
    assert clean_page_text(text).title == 'Video shows dramatic rescue of 8-year-old kidnapping victim: "We got her!"'


def test_a_long_copyright_notice_is_never_body():
    notice = (
        "© 2024 Harbour Times Media, LLC. All rights reserved. Harbour Times Media, LLC is the owner of the Harbour "
        "Times and Harbour Times Weekend trademarks, service marks, and trade dress, and no part of this site may be "
        "copied without permission."
    )
    # The notice right under the last paragraph, where the scorer reads a long line as prose.
    page = HAND_MADE_PAGE[: HAND_MADE_PAGE.index("Share this article")] + notice + "\n"
    extraction = clean_page_text(page)
    assert len(notice.split()) > 25
    assert notice not in extraction.paragraphs
    assert extraction.paragraphs[-1].startswith("Local shop owners")


@pytest.mark.parametrize(
    "head",
    [
        # the second deck is headline-shaped too and shares more of the story's words than the headline
        "Example Gazette\nHome\nIsland crossings restart at last as the storm finally ends after four days\n"
        "Ferry services to the northern islands resume, the operator says\nBy Jane Roe\nPublished 12 March 2024\n",
        # the headline longer than 18 words, the second deck shorter
        "Example Gazette\nHome\nFerry Services Resume Across the Northern Islands After Four Days of Storm, Including Routes to "
        "Every Pier and Port\nFerry Routes Run Again by Friday, Operator Says\nBy Jane Roe\nPublished 12 March 2024\n",
    ],
)
def test_of_two_headlines_stacked_above_the_byline_the_upper_is_the_title(head):
    upper = head.split("\n")[2]
    assert clean_page_text(head + _BODY).title == upper


@pytest.mark.parametrize(
    "upper",
    [
        "Live coverage of the storm across the islands",  # a topic banner over the headline
        "Island crossings restart as the storm ends",  # a shorter line: as often a kicker as a headline
    ],
)
def test_a_shorter_line_over_the_headline_is_not_taken_for_its_upper_deck(upper):
    headline = "Ferry services to the northern islands resume after the storm closed every port"
    head = f"Example Gazette\nHome\n{upper}\n{headline}\nBy Jane Roe\nPublished 12 March 2024\n"
    assert clean_page_text(head + _BODY).title == headline


def test_a_breadcrumb_glued_to_the_repeated_headline_is_not_the_upper_headline():
    head = ("Example Gazette\nHomeNEWSFerry services resume across the northern islands after the storm\n"
            "Ferry services resume across the northern islands after the storm\nBy Jane Roe\nPublished 12 March 2024\n")
    assert clean_page_text(head + _BODY).title == "Ferry services resume across the northern islands after the storm"


def test_a_deals_page_titled_by_its_headline_not_its_second_deck():
    text = _dev_page_text("287e4d9f4af3")  # an IGN page: headline, second deck, byline, dates
    assert "\nBlack Friday is Next Week, But Several Deals Go Live Today\nBy Eric Song, IGN Staff\n" in text
    assert clean_page_text(text).title.startswith("Daily Deals: More Black Friday Deals Are Live")


def test_a_list_of_related_headlines_above_the_headline_is_no_upper_deck():
    head = ("Example Gazette\nTrending\nHarbour master says the piers will be repaired this summer\n"
            "Islanders brace for higher ferry fares next year\nFerry services resume across the northern islands after storm\n"
            "By Jane Roe\nPublished 12 March 2024\n")
    assert clean_page_text(head + _BODY).title == "Ferry services resume across the northern islands after storm"


def test_a_byline_is_never_the_fallback_title():
    page = "Example Gazette\nNews\nFerries back\nBy Jane Roe\nPublished 12 March 2024\n" + _BODY
    assert clean_page_text(page).title != "By Jane Roe"


def test_a_short_headline_on_top_of_the_date_line_is_the_title_when_no_line_has_headline_length():
    head = "Example Gazette\nHome\nFerry Timetable\nNorthern Islands\nPublished 12 March 2024\n"
    assert clean_page_text(head + _BODY).title == "Northern Islands"
    # a menu label there is not
    assert clean_page_text("Example Gazette\nFerry Timetable\nHome\nPublished 12 March 2024\n" + _BODY).title != "Home"


def test_a_results_page_is_titled_by_the_short_headline_over_its_date():
    text = _dev_page_text("11ea381ad92b")  # a Portuguese motor-racing page: a standings table under a two-word headline
    assert "\nClassificação NASCAR\nsexta-feira, 22 de outubro de 2010 às 20:13\n" in text
    assert clean_page_text(text).title == "Classificação NASCAR"


def test_a_page_without_a_headline_is_not_titled_with_the_sites_name():
    page = "Island Ferry Watch\nHome | About | Contact\n" + _BODY + "© 2024 Island Ferry Watch\n"
    extraction = clean_page_text(page)
    assert extraction.title != "Island Ferry Watch"
    assert any(block.text == "Island Ferry Watch" for block in extraction.removed)  # still read as furniture (the outlet's)
    # a headline that happens to be short stays when no copyright line holds it
    assert clean_page_text(page.replace("© 2024 Island Ferry Watch\n", "")).title == "Island Ferry Watch"


@pytest.mark.parametrize(
    "line, shown",
    [
        ("Introducing the new ferry timetable chevron_left", "Introducing the new ferry timetable"),
        ("arrow_back Ferry services resume after storm", "Ferry services resume after storm"),
        ("Ferry services resume after storm", "Ferry services resume after storm"),
    ],
)
def test_the_title_shown_drops_an_icon_fonts_ligature(line, shown):
    from lib.ingest.extract.text import shown_title

    assert shown_title(line) == shown


def test_a_company_post_is_titled_by_its_headline_not_a_repeated_menu_label():
    text = _dev_page_text("4648a420af99")  # a company blog: menus above and below, an icon ligature by the headline
    assert text.count("\nWork with us\n") == 2
    assert clean_page_text(text).title == "Introducing Junior Gaspard, New CEO at Experience"


@pytest.mark.parametrize("footer", ["", "© 2024 Northern Islands Ferry News and Views\n"])
def test_the_sites_name_line_at_the_top_is_no_upper_deck(footer):
    head = ("Northern Islands Ferry News and Views\nFerry services resume across the northern islands after storm\n"
            "By Jane Roe\nPublished 12 March 2024\n")
    assert clean_page_text(head + _BODY + footer).title == "Ferry services resume across the northern islands after storm"


def test_a_blog_posts_meta_row_anchors_the_headline_above_it():
    text = _dev_page_text("521118842884")  # a theatre's blog post: headline, "date/0 Comments/in X /by Y", body
    assert "\nOctober 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin\n" in text
    assert clean_page_text(text).title == "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!"


@pytest.mark.parametrize(
    "line, meta",
    [
        ("October 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin", True),
        ("March 3, 2019 | 4 Comments | by Anna", True),
        ("March 3, 2019 | Politics | Europe", False),  # a date and section labels: no post meta
        ("Hiking the Ridge Loop in late autumn / by Anna", False),  # no date first
    ],
)
def test_a_post_meta_row_is_a_date_then_comments_category_or_author(line, meta):
    from lib.ingest.extract.text import _post_meta_line

    assert _post_meta_line(line) is meta


def test_a_line_of_two_sentences_under_the_date_is_not_taken_for_the_headline():
    head = (
        "Example Gazette\nHome\nIslands reconnected after storm closes every port\nPublished 12 March 2024\n"
        "Ferry services to the northern islands are back! The operator says every route runs again by Friday\n"
    )
    assert clean_page_text(head + _BODY).title == "Islands reconnected after storm closes every port"


@pytest.mark.parametrize(
    "date_line",
    ["четвер, 14 березня 2024, 10:25", "jeudi 14 mars 2024 à 10h25", "miércoles, 13 de marzo de 2024"],
)
def test_a_lower_case_date_line_under_the_headline_is_not_glued_to_it(date_line):
    headline = "Ferry services resume across the northern islands"
    extraction = clean_page_text(f"Example Gazette\nHome\n{headline}\n{date_line}\n{_BODY}")
    assert extraction.title == headline
    assert any(block.text == date_line and block.kind == "metadata" for block in extraction.removed)


def test_a_paste_that_starts_at_the_headline_is_titled_by_it_not_its_second_deck():
    head = (
        "Island crossings restart after the storm closed every port\n"
        "Routes to run again by Friday, operator says\nBy Jane Roe\nPublished 12 March 2024\n"
    )
    assert clean_page_text(head + _BODY).title == "Island crossings restart after the storm closed every port"


# -- standfirst set between the headline and the byline/date lines ---------------------------------
_FR_BODY = (
    "Les liaisons vers les îles du nord ont repris mardi après la tempête qui avait fermé tous les ports pendant quatre jours, a indiqué l'opérateur.\n"
    "L'opérateur a précisé que toutes les lignes fonctionneraient de nouveau vendredi, une fois réparés les deux pontons endommagés.\n"
    "Les habitants attendaient depuis vendredi soir des livraisons de nourriture et de médicaments, selon les autorités locales.\n"
)


@pytest.mark.parametrize(
    "head, standfirst, body",
    [
        ("Example Gazette\nWorld\nFerry services resume across the northern islands after storm\n",
         "Ferry operators across the northern islands are running boats again, but islanders who waited four days for "
         "food and medicine say the storm exposed how fragile their links to the mainland are.",
         "By Jane Roe\nPublished 12 March 2024\n" + _BODY),
        ("Le Courrier des Îles\nMonde\nLes ferries reprennent vers les îles du nord après la tempête\n",
         "Les ferries circulent de nouveau vers les îles du nord, mais les habitants, privés de nourriture et de "
         "médicaments pendant quatre jours, dénoncent la fragilité de leurs liaisons avec le continent.",
         "Par Jeanne Roux\nPublié le 12 mars 2024\n" + _FR_BODY),
    ],
)
def test_a_standfirst_over_the_byline_and_date_is_not_the_first_paragraph(head, standfirst, body):
    extraction = clean_page_text(head + standfirst + "\n" + body)
    assert standfirst not in extraction.paragraphs
    assert extraction.paragraphs[0] == body.split("\n")[2]  # the article opens under its date line
    assert extraction.title == head.split("\n")[2]


@pytest.mark.parametrize(
    "lead, after",
    [
        # the lead under the headline with no byline or date line after it: the article's first paragraph
        ("The operator expects every route to run again by Friday, after four days of closures.", ""),
        # three sentences above the byline: a lead paragraph printed before it, not a standfirst
        ("Ferry services across the northern islands resumed on Tuesday, four days after the storm closed every port. "
         "The operator said all routes would run by Friday. Islanders who had waited for food welcomed the first boats.",
         "By Jane Roe\nPublished 12 March 2024\n"),
    ],
)
def test_a_lead_under_the_headline_without_the_standfirst_shape_is_kept(lead, after):
    page = "Example Gazette\nWorld\nFerry services resume across the northern islands after storm\n" + lead + "\n" + after + _BODY
    assert clean_page_text(page).paragraphs[0] == lead


# -- a list of teasers above the article, one of them the article's own --------------------------
def _teaser_page(section, teasers, headline, date_line, lead, rest):
    lines = [section]
    for teaser_headline, teaser_lead in teasers:
        lines += [teaser_headline, teaser_lead]
    lines += [headline, date_line, lead, *rest]
    return "\n".join(lines) + "\n"


_EN_LEAD = ("Ferry services across the northern islands resumed on Tuesday after the storm that closed every port for "
            "four days, the operator said in a statement.")
_EN_TEASERS = [
    ("Harbour master says piers will be repaired by summer", "PORT TOWN: The harbour master said on Monday that the two "
     "damaged piers would be repaired before the summer season starts, once the insurers agree."),
    ("Ferry services resume across the northern islands after storm", _EN_LEAD[:90] + "..."),
    ("Islanders brace for higher fares next year", "ISLAND BAY: Islanders will pay more for ferry tickets next year "
     "after the operator announced a rise in fares to cover the cost of fuel and repairs."),
]
_DE_LEAD = ("Die Fähren zu den nördlichen Inseln fahren seit Dienstag wieder, nachdem der Sturm alle Häfen vier Tage "
            "lang geschlossen hatte, teilte der Betreiber mit.")
_DE_TEASERS = [
    ("Hafenmeister verspricht Reparatur der Anleger bis zum Sommer", "HAFENSTADT: Der Hafenmeister sagte am Montag, die "
     "beiden beschädigten Anleger würden vor Beginn der Sommersaison repariert, sobald die Versicherer zustimmen."),
    ("Fähren fahren nach dem Sturm wieder zu den nördlichen Inseln", _DE_LEAD[:95] + "…"),
    ("Inselbewohner müssen im nächsten Jahr mehr für Fähren zahlen", "INSELBUCHT: Die Inselbewohner zahlen im nächsten "
     "Jahr mehr für Fährtickets, nachdem der Betreiber höhere Preise wegen der Kosten für Treibstoff angekündigt hat."),
]


@pytest.mark.parametrize(
    "page, headline, lead",
    [
        (_teaser_page("Breaking News", _EN_TEASERS, _EN_TEASERS[1][0], "12 March 2024", _EN_LEAD, _BODY.split("\n")[1:3]),
         _EN_TEASERS[1][0], _EN_LEAD),
        (_teaser_page("Eilmeldungen", _DE_TEASERS, _DE_TEASERS[1][0], "12. März 2024", _DE_LEAD, _FR_BODY.split("\n")[1:3]),
         _DE_TEASERS[1][0], _DE_LEAD),
    ],
)
def test_a_list_of_teasers_holding_the_articles_own_is_not_body(page, headline, lead):
    extraction = clean_page_text(page)
    assert extraction.paragraphs[0] == lead
    assert not any(teaser_lead in extraction.paragraphs for _head, teaser_lead in _EN_TEASERS + _DE_TEASERS)
    assert extraction.title == headline
    assert _kind_of(extraction, _EN_TEASERS[0][1][:40] if headline == _EN_TEASERS[1][0] else _DE_TEASERS[0][1][:40]) == "related"


def test_a_subhead_and_paragraph_printed_twice_inside_the_article_stay():
    # a pull quote repeats a subhead's paragraph later, but no headline over date lines follows: not a teaser list
    subhead, paragraph = "Repairs to the piers", _BODY.split("\n")[1]
    page = ("Example Gazette\nFerry services resume across the northern islands after storm\nPublished 12 March 2024\n"
            f"{_BODY.split(chr(10))[0]}\n{subhead}\n{paragraph}\n{_BODY.split(chr(10))[2]}\n{subhead}\n{paragraph}\n")
    assert clean_page_text(page).paragraphs[:3] == (_BODY.split("\n")[0], subhead, paragraph)


# -- a list of stories, each with its date, between the headline and the article ------------------
@pytest.mark.parametrize(
    "head, items, body",
    [
        ("Example Gazette\nFerry services resume across the northern islands after storm\nPublished 12 March 2024\nMore stories\n",
         ["Storm closes every port on the northern islands\n10 March 2024\nNEWS",
          "Islanders brace for higher ferry fares next year\n2 February 2024\nNEWS",
          "Harbour master promises pier repairs before summer\n15 January 2024\nFEATURES"], _BODY),
        ("Le Courrier des Îles\nLes ferries reprennent vers les îles du nord après la tempête\nPublié le 12 mars 2024\nÀ lire aussi\n",
         ["La tempête ferme tous les ports des îles du nord\n10 mars 2024\nACTUALITÉ",
          "Les insulaires paieront leurs billets plus cher l'an prochain\n2 février 2024\nACTUALITÉ",
          "Le capitaine du port promet des pontons réparés avant l'été\n15 janvier 2024\nREPORTAGE"], _FR_BODY),
    ],
)
def test_a_list_of_dated_stories_is_neither_body_nor_title(head, items, body):
    extraction = clean_page_text(head + "\n".join(items) + "\n" + body)
    listed = [item.split("\n")[0] for item in items]
    assert not any(item in extraction.paragraphs for item in listed)
    assert extraction.paragraphs[0] == body.split("\n")[0]
    assert extraction.title == head.split("\n")[1]
    # the listed stories' dates are the list's, never the article's
    lines = {line for item in items for line in item.split("\n")}
    assert {block.kind for block in extraction.removed if block.text in lines} == {"related"}


def test_a_chronology_of_dated_sentences_is_not_a_list_of_stories():
    from lib.ingest.extract.blocks import split_blocks
    from lib.ingest.extract.text import dated_list_lines

    chronology = ("10 March 2024\nThe storm reached the coast and closed every port.\n11 March 2024\nThe operator cancelled "
                  "all crossings.\n12 March 2024\nThe first ferry left the harbour.\n13 March 2024\nEvery route ran again.\n")
    assert dated_list_lines(split_blocks(chronology)) == frozenset()
    listed = "Storm closes ports\n10 March 2024\nFares rise next year\n11 March 2024\nPiers to be repaired\n12 March 2024\n"
    assert dated_list_lines(split_blocks(listed)) == frozenset(range(6))


@pytest.mark.parametrize("counter", ["0", "2019", "438.3K", "1,204"])
def test_a_line_without_letters_never_opens_the_body(counter):
    from lib.ingest.extract.blocks import split_blocks
    from lib.ingest.extract.text import _drop_letterless_opening

    blocks = split_blocks(f"{counter}\n{_BODY}6-4, 7-6\n{_FR_BODY}")
    keep = [True] * len(blocks)
    _drop_letterless_opening(blocks, keep)
    # the counter goes; a line of figures inside the body ("6-4, 7-6") is left to the scorer
    assert keep == [counter == "438.3K"] + [True] * (len(blocks) - 1)


# -- the headline over its author's name line, the headline-shaped standfirst under it -------------
_ES_BODY = (
    "Los transbordadores a las islas del norte volvieron a navegar el martes, cuatro días después de que la tormenta "
    "cerrara todos los puertos, según el operador.\n"
    "El operador dijo que todas las rutas funcionarán de nuevo el viernes, cuando terminen las reparaciones de los dos muelles dañados.\n"
    "Los isleños esperaban alimentos y medicinas desde que la tormenta llegó a la costa el viernes por la noche, según las autoridades.\n"
)


def _pick_by_the_date_lines(head: str, body: str) -> str:
    """The headline `_headline_by_date_block` finds over a body the scorer kept, with no pick of its own."""
    from lib.ingest.extract.blocks import split_blocks
    from lib.ingest.extract.text import _headline_by_date_block

    blocks = split_blocks(head + body)
    n_head = len(split_blocks(head))
    index = _headline_by_date_block(blocks, [block.index >= n_head for block in blocks], -1)
    return blocks[index].text if index >= 0 else ""


@pytest.mark.parametrize(
    "head, body, headline",
    [
        ("Example Gazette\nNews\nNews\nFerry services resume across the northern islands after the storm closed every port\n"
         "Jane Marie RoeView More Articles\nOperators say every route will be running again by Friday\nFerries\n"
         "Published 12 March 2024\n", _BODY,
         "Ferry services resume across the northern islands after the storm closed every port"),
        ("El Diario Isleño\nNoticias\nNoticias\nLos transbordadores vuelven a las islas del norte tras la tormenta que cerró los puertos\n"
         "María López GarcíaVer Más Artículos\nLos operadores prevén que todas las rutas funcionen el viernes\nTransbordadores\n"
         "Publicado el 12 de marzo de 2024\n", _ES_BODY,
         "Los transbordadores vuelven a las islas del norte tras la tormenta que cerró los puertos"),
    ],
)
def test_the_headline_stands_over_its_authors_name_and_the_line_under_it_is_the_standfirst(head, body, headline):
    assert _pick_by_the_date_lines(head, body) == headline


@pytest.mark.parametrize(
    "head, headline",
    [
        # a section label of capitalised words under a list of related headlines: the headline stays the one under it
        ("Example Gazette\nIslanders brace for higher ferry fares next year as fuel costs climb\n"
         "Harbour master says the piers will be repaired by the summer\nWorld News\n"
         "Ferry services resume across the northern islands after storm\nPublished 12 March 2024\n",
         "Ferry services resume across the northern islands after storm"),
        # a shorter line over the name: a kicker, not a headline over its second deck
        ("Example Gazette\nNews\nFerry services resume after the storm\nJane Marie RoeView More Articles\n"
         "Ferry services resume across the northern islands after the storm closed every port\nPublished 12 March 2024\n",
         "Ferry services resume across the northern islands after the storm closed every port"),
    ],
)
def test_a_line_over_a_name_that_is_no_headline_over_its_deck_is_not_taken(head, headline):
    assert _pick_by_the_date_lines(head, _BODY) == headline
