"""The lines around a pasted page's headline: a cookie-consent notice, a headline holding a date,
and a site's or author's name over the date line (written for these tests, not taken from any set)."""

from __future__ import annotations

import pytest

from lib.ingest.extract import signals as sig
from lib.ingest.extract.text import clean_page_text

ARTICLE = (
    "The city council voted on Wednesday to add protected bike lanes along a two-mile stretch of Harbor Avenue.\n"
    "Supporters said the lanes would make the avenue safer after three cyclists were seriously injured there.\n"
    "Some business owners opposed the plan, saying the loss of parking spaces would hurt their shops.\n"
    "Construction is expected to begin in June and take about four months, the transport department said.\n"
)
HEADLINE = "City council approves new bike lanes on Harbor Avenue"


@pytest.mark.parametrize(
    "line",
    [
        "We value your privacy",
        "Your Privacy Choices",
        "This website uses cookies to ensure you get the best experience on our website",
        "We and our partners use cookies to personalise content and ads",
        "Wir verwenden Cookies und ähnliche Technologien, um Ihnen ein optimales Nutzungserlebnis zu bieten",
        "Vos données personnelles",
        "Nous utilisons des cookies pour améliorer votre expérience",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios",
        "Ми використовуємо файли cookie, щоб покращити роботу сайту",
        "当サイトではクッキーを使用しています",
        "본 사이트는 쿠키를 사용합니다",
    ],
)
def test_a_consent_notice_is_recognised_in_the_apps_languages(line):
    assert sig.is_consent_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        HEADLINE,
        "EU regulator fines social network over transfers of personal data",  # news about privacy, not a notice
        "Cookie sales help the scouts raise money for a new hall",
        "Accept all",
    ],
)
def test_a_headline_about_privacy_or_cookies_is_no_consent_notice(line):
    assert not sig.is_consent_notice(line)


@pytest.mark.parametrize(
    "notice",
    [
        "This website uses cookies to ensure you get the best experience on our website",
        "We and our partners use cookies to personalise content and ads, to provide social media features",
    ],
)
def test_a_consent_notice_above_the_headline_is_never_the_title(notice):
    page = f"{notice}\nAccept all\nManage preferences\n{HEADLINE}\n{ARTICLE}"
    assert clean_page_text(page).title == HEADLINE


def test_a_consent_notice_is_not_the_title_when_the_headline_holds_a_date():
    page = (
        "Wir verwenden Cookies und ähnliche Technologien, um Ihnen ein optimales Nutzungserlebnis zu bieten\n"
        "Alle akzeptieren\nEinstellungen\n"
        "Stadtwerke erhöhen die Gaspreise zum 1. April\nVon Jonas Berger\n14.03.2024, 10:25 Uhr\n"
        "Die Stadtwerke erhöhen zum 1. April die Gaspreise für rund 40.000 Haushalte, wie das Unternehmen mitteilte.\n"
        "Ein Durchschnittshaushalt muss demnach mit Mehrkosten von etwa 120 Euro im Jahr rechnen.\n"
        "Als Grund nannten die Stadtwerke gestiegene Netzentgelte und höhere Abgaben.\n"
    )
    assert clean_page_text(page).title == "Stadtwerke erhöhen die Gaspreise zum 1. April"


def test_a_headline_holding_a_date_is_told_from_a_date_line():
    core = sig.content_tokens("Die Stadtwerke erhöhen zum 1. April die Gaspreise für rund 40.000 Haushalte")
    assert sig.holds_headline_words("Stadtwerke erhöhen die Gaspreise zum 1. April", core)
    assert not sig.holds_headline_words("Veröffentlicht am Donnerstag, 14.03.2024, 10:25 Uhr", core)
    assert not sig.holds_headline_words("Last updated on March 14, 2024 at 10:25", core)


@pytest.mark.parametrize("name_line", ["Harbour Ledger", "Jane Holloway", "Gazzetta del Lago"])
def test_a_name_line_over_the_date_line_is_not_the_articles_first_paragraph(name_line):
    page = f"{HEADLINE}\n{name_line}\nMarch 14, 2024\n{ARTICLE}"
    extraction = clean_page_text(page)
    assert extraction.title == HEADLINE
    assert extraction.paragraphs[0].startswith("The city council voted")
    assert any(block.text == name_line for block in extraction.removed)



def test_a_photo_caption_between_the_headline_and_the_date_lines_is_looked_past():
    page = (
        "Opinion\n"
        "The view on the harbour: a city council on the brink\n"
        "A man walks past a closed shop in the city centre on Tuesday. Photo: Jane Doe/Reuters\n"
        "Editorial\n"
        "The council's spending has only fuelled the crisis. It is up to the members to agree on a budget soon\n"
        "Mon 18 Nov 2019 18.54 GMT\n"
        "The harbour city council failed again on Monday to agree on a budget, leaving the city on the brink of closing its libraries.\n"
        "Council members have argued for months over cuts to the harbour police and to the city's bus services.\n"
        "The mayor said the city would run out of money for salaries by March without an agreement.\n"
    )
    assert clean_page_text(page).title == "The view on the harbour: a city council on the brink"


def test_a_tagline_over_a_short_headline_is_not_its_upper_deck():
    page = (
        "Harbour Ledger\nIndependent news and views since 1998\n"
        "Best tech gadgets of 2024\nBy Jason Miller\nNovember 18, 2024\n"
        "These are the best tech gadgets of 2024, from phones and laptops to the smartest speakers we tested this year.\n"
        "We tested more than 80 gadgets over the year and kept only those we would buy ourselves.\n"
        "Prices change often, so check the retailer before you buy any of these gadgets.\n"
    )
    assert clean_page_text(page).title == "Best tech gadgets of 2024"


def test_a_long_headline_under_a_tagline_is_the_title_when_the_date_line_is_glued_out_of_shape():
    headline = "Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand airline by early 2020"
    page = (
        "Menu\nDubai Airshow\nHarbour Ledger\nIndependent news and views since 1998\n"
        f"{headline}\nPublished Wed, Nov 20 20194:29 AM ESTUpdated an hour ago\n"
        "Dubai's flagship carrier Emirates Airline has finalized a deal to purchase 30 of Boeing's 787 Dreamliner jets worth $9 billion.\n"
        "The deal comes in addition to five 787 Dreamliner sales earlier this week and sets up plans to expand the airline.\n"
        "The airline said the Boeing jets would be delivered from early 2020, when it will restart its expansion plans.\n"
    )
    assert clean_page_text(page).title == headline


@pytest.mark.parametrize("breadcrumb", ["Home > News > World", "Accueil / Monde / Asie"])
def test_a_breadcrumb_is_never_the_title(breadcrumb):
    assert not clean_page_text(f"{breadcrumb}\n{ARTICLE}").title.startswith(breadcrumb.split()[0])


def test_a_share_panel_under_a_breadcrumb_glued_headline_does_not_hide_the_headline_printed_again():
    page = (
        "Home Natural & Eco-FriendlyBabywearing Hiking the Boulder Flat Irons\n"
        "Share\nFacebook\nTwitter\nEmail\nPinterest\nWhatsApp\n"
        "Hiking the Boulder Flat Irons\nPosted on May 3, 2019 by Anna\n"
        "We hiked the Boulder Flat Irons last weekend with our baby in a carrier, and it was easier than we feared.\n"
        "The trail climbs steeply for the first mile, so we took it slowly and stopped often for water.\n"
        "At the top the views over Boulder were worth every step, and the baby slept most of the way down.\n"
    )
    assert clean_page_text(page).title == "Hiking the Boulder Flat Irons"


@pytest.mark.parametrize(
    "line, candidate",
    [
        ("Man pleads guilty to threatening to kill Rep. Jane Harlow", True),  # an abbreviation is no sentence's end
        ("Gov. Noem launches a campaign against speeding on state roads", True),
        ("Harbour town asks drivers to slow down: is that a threat?", True),  # a headline may ask
        ("The council's choice on tolls next week decides who can afford to cross.", False),  # a standfirst sentence
        ("Great reviews here! Check them out below before you buy", False),  # two sentences
        ("Nov. 19, 2019, 8:41 AM UTC", False),
        ("U.S. news", False),
    ],
)
def test_a_headline_candidate_is_told_by_its_own_shape(line, candidate):
    from lib.ingest.extract.blocks import split_blocks
    from lib.ingest.extract.text import headline_candidate

    assert headline_candidate(split_blocks(line)[0]) is candidate


@pytest.mark.parametrize(
    "lines, echoed",
    [
        (["Opinion|City council approves new bike lanes on Harbor Avenue"], True),
        (["City council approves new bike lanes on Harbor Avenue | Harbour Ledger"], True),
        (["City council approves new bike lanes on Harbor Avenue - Harbour Ledger"], True),
        (["City council approves new bike lanes on Harbor Avenue"], False),  # the line itself
        (["Why the city council approves new bike lanes on Harbor Avenue matters"], False),  # inside a sentence
    ],
)
def test_a_headline_is_echoed_when_another_line_prints_it_as_one_part_of_a_title(lines, echoed):
    from lib.ingest.extract.text import echoed_as_title

    assert echoed_as_title(HEADLINE, lines) is echoed


def test_a_section_label_over_the_page_gives_way_to_the_headline_that_shares_the_articles_words():
    page = f"World news\n{HEADLINE}\nSubscribe\nMarch 3, 2024\n{ARTICLE}"
    assert clean_page_text(page).title == HEADLINE


def test_a_headline_glued_to_its_section_label_is_read_from_the_line_printing_it_alone():
    page = f"Sections\nLog In\nOpinion|{HEADLINE}\nSubscribe\nAdvertisement\nOpinion\n{HEADLINE}\nBy Jane Holloway\n{ARTICLE}"
    extraction = clean_page_text(page)
    assert extraction.title == HEADLINE
    assert HEADLINE not in extraction.paragraphs


def test_the_newsroom_under_the_byline_is_not_the_title():
    page = f"{HEADLINE}\nLisa Kaczke and Trevor J. Mitchell\nHarbor Avenue Courier\nPublished 10:02 AM EST Nov 19, 2019\n{ARTICLE}"
    assert clean_page_text(page).title == HEADLINE
