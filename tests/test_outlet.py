"""Outlet = the site the page came from, plus the wire service it credits."""

import pytest

from lib.core.models import RemovedBlock
from lib.ingest.outlet import OutletGuess, guess_outlet


def blocks(*pairs):
    return tuple(RemovedBlock(kind, text, "test") for kind, text in pairs)


@pytest.mark.parametrize(
    "removed, body, site_name, expected",
    [
        (blocks(("metadata", "date 2024-06-20  Japan Today"), ("credit", "© KYODO")), "TOKYO text.", "", "Japan Today (Kyodo)"),
        (blocks(("credit", "AP Kyiv"), ("promo", "*Subscribe to Business Standard digital and get access")), "Text.", "", "Business Standard (AP)"),
        (blocks(("credit", "© 2025 The Globe Ledger Ltd.")), "SEOUL (Reuters) - North Korea fired a missile.", "", "The Globe Ledger (Reuters)"),
        ((), "Japan's top spokesman expressed concern, Kyodo News reports.", "", "Kyodo (site not named)"),
        ((), "A plain article with no credit at all.", "", "Unknown outlet"),
        ((), "Body.", "The Korea Herald", "The Korea Herald"),
    ],
)
def test_outlet_label_names_site_and_wire(removed, body, site_name, expected):
    assert guess_outlet(removed, body, site_name).label == expected


def test_comments_never_name_the_outlet():
    removed = blocks(("comment", "© KYODO is my favourite"), ("related", "Subscribe to Other Paper digital today"))
    assert guess_outlet(removed, "Body.", "") == OutletGuess(site="", wire="")


def test_wire_named_in_site_is_not_repeated():
    assert OutletGuess(site="Kyodo News", wire="Kyodo").label == "Kyodo News"


@pytest.mark.parametrize(
    "line, site",
    [
        ("© 2024 Example News. All rights reserved", "Example News"),
        ("© 2024 Пример Новости. Все права защищены.", "Пример Новости"),
    ],
)
def test_copyright_holder_loses_the_legal_tail(line, site):
    assert guess_outlet(blocks(("credit", line)), "Body.", "").site == site
