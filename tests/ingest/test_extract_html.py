"""The HTML path: trafilatura body, page metadata, an audit of dropped lines, and a clean fallback."""

from __future__ import annotations

import pytest

from lib.ingest.extract.html import extract_html
from lib.ingest.extract.page_text import html_to_page_text

PARAGRAPHS = [
    "The city's oldest bridge will close to traffic from April while engineers replace its corroded cables, the council said on Monday.",
    "Buses will be diverted through the tunnel, adding about ten minutes to journeys across the harbour at peak times.",
    "The work was approved after an inspection last year found that two of the main cables had lost a fifth of their strength.",
    "Local shop owners said they feared losing customers during the closure and asked the council for rate relief on their premises.",
]

PAGE = f"""<!doctype html><html><head>
<title>Harbour bridge to close for six months | Harbour Times</title>
<meta property="og:title" content="Harbour bridge to close for six months of repairs">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-03-12T08:15:00Z">
<meta name="author" content="Ana Ribeiro">
<script>var tracking = "do not show";</script><style>.x{{color:red}}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour bridge to close for six months of repairs</h1>
<p class="byline">By Ana Ribeiro</p>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
</article>
<aside><h3>Most Read</h3><ul><li><a href="/a">Council approves new cycle lanes for the city centre</a></li>
<li><a href="/b">Five things to do this weekend</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>Typical council, always late with everything they promise.</p><p>12 ( +15 / -3 )</p></section>
<footer><p>© 2024 Harbour Times Media. All rights reserved.</p></footer>
</body></html>"""


def test_body_is_the_article_paragraphs_in_order():
    extraction = extract_html(PAGE)
    assert list(extraction.paragraphs) == PARAGRAPHS


def test_metadata_comes_from_the_page_head():
    extraction = extract_html(PAGE)
    assert extraction.title == "Harbour bridge to close for six months of repairs"
    assert extraction.site_name == "Harbour Times"
    assert extraction.date_text.startswith("2024-03-12")
    assert "Ana Ribeiro" in extraction.author


def test_dropped_visible_lines_are_classified():
    kinds = {block.text: block.kind for block in extract_html(PAGE).removed}
    assert kinds["© 2024 Harbour Times Media. All rights reserved."] == "credit"
    assert kinds["12 ( +15 / -3 )"] == "comment"
    assert kinds["Typical council, always late with everything they promise."] == "comment"
    assert kinds["Council approves new cycle lanes for the city centre"] == "related"
    assert kinds["Home"] == "navigation"
    assert "Harbour bridge to close for six months of repairs" not in kinds  # the headline is the title


def test_scripts_and_styles_never_reach_the_page_text():
    text = html_to_page_text(PAGE)
    assert "tracking" not in text and "color:red" not in text
    assert "Home\nNews\nSport" in text


def test_page_without_main_text_falls_back_to_the_text_cleaner_and_says_so():
    tiny = '<html><body><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></body></html>'
    extraction = extract_html(tiny)
    assert any("pasted-text cleaner" in note for note in extraction.notes)
    assert extraction.paragraphs == ()


@pytest.mark.parametrize("html", ["", "<html></html>", "not html at all <<<"])
def test_odd_input_does_not_raise(html):
    extraction = extract_html(html)
    assert isinstance(extraction.paragraphs, tuple)


def _page(title: str, headings: str) -> str:
    paragraph = "<p>" + " ".join(["The council approved the plan after a long debate on Tuesday evening."] * 6) + "</p>"
    return f"<html><head><title>{title}</title></head><body>{headings}<article>{paragraph * 4}</article></body></html>"


@pytest.mark.parametrize(
    "title, headings, expected",
    [
        # the displayed headline, not the <title> with the site's name
        ("Council approves the harbour plan | Example Herald", "<h1>Example Herald</h1><h1>Council approves the harbour plan</h1>",
         "Council approves the harbour plan"),
        # an SEO <title> that differs from the one displayed headline
        ("Harbour row seems to be over", "<h1>Council approves the harbour plan after all</h1>", "Council approves the harbour plan after all"),
        # no usable <h1>: the <title> without its site part
        ("Council approves the harbour plan - Example Herald", "<h1>Herald</h1>", "Council approves the harbour plan"),
    ],
)
def test_title_is_the_headline_the_page_displays(title, headings, expected):
    assert extract_html(_page(title, headings)).title == expected


def test_an_h1_holding_the_site_name_is_the_logo_not_the_headline():
    html = _page("Council approves the harbour plan | Example Herald Daily News", "<h1>Example Herald Daily News</h1>")
    html = html.replace("<head>", '<head><meta property="og:site_name" content="Example Herald Daily News">')
    assert extract_html(html).title == "Council approves the harbour plan"


@pytest.mark.parametrize(
    "extracted, title, expected",
    [
        ("SputnikInt", "Royal Arrogance - Sputnik International", "Sputnik International"),  # a handle: the title's site part
        ("TheHill", "Warren unveils plan | TheHill", "TheHill"),  # the title spells it the same way: nothing better
        ("The Korea Herald", "Talks resume - The Korea Herald", "The Korea Herald"),  # a real name is kept
        ("SputnikInt", "A headline without a site part", "SputnikInt"),
    ],
)
def test_a_social_handle_as_site_name_gives_way_to_the_title_site_part(extracted, title, expected):
    from lib.ingest.extract.html import _declared_site_name

    assert _declared_site_name(f"<html><head><title>{title}</title></head></html>", extracted) == expected


@pytest.mark.parametrize(
    "extracted, title, expected",
    [
        ("catchitkansas.com", "2018 Boys State Swim Results | Catch It Kansas", "Catch It Kansas"),
        ("www.harbourtimes.co.uk", "Port reopens - The Harbour Times", "The Harbour Times"),
        ("catchitkansas.com", "2018 Boys State Swim Results | Sports", "catchitkansas.com"),  # a section, not the name
        ("space.com", "Europa's plumes | Space", "space.com"),  # one everyday word: the address stays
        ("Harbour Times", "Port reopens | Harbour Daily", "Harbour Times"),  # a declared name is kept
    ],
)
def test_a_site_name_taken_from_the_address_gives_way_to_the_title_part_that_spells_it(extracted, title, expected):
    from lib.ingest.extract.html import _declared_site_name

    assert _declared_site_name(f"<html><head><title>{title}</title></head></html>", extracted) == expected
