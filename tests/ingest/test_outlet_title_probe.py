"""Outlet and title read from pasted text on pages written for this test, not taken from any set.

Each fixture in tests/ingest/data/outlet_title_probe/ is a pasted news page in one of the app's
languages showing its publisher one of the ways sites do (a site-name line, a copyright company
"X Media Group Limited", a "Subscribe to X" / "Follow X on Twitter" line, a "By Jane Doe for X"
byline, a printed domain and e-mail address, a title suffix in a share text, "© 2024 X" with a
reservation of rights in its language, a wire dateline "(AP) —", "(Reuters) -", "(EFE).-",
"(서울=연합뉴스)", "— РИА Новости.", "/Укрінформ/", "【…共同】"-style credits) and its headline
among the lines pages put next to it (a topic banner, a related headline, a photo caption or a
second deck below it, a breadcrumb, a kicker, a 【速報】 label on the headline's line, a
cookie-consent banner, the site's tagline under its logo or over today's date, a site-name line
between the headline and the date line, a newsroom byline "Redação X", a source line "来源：X", a
reprint notice "ссылка на «X» обязательна", a printed address with the brand it sells a paid tier
under). A page whose only signs are weak must be "Unknown outlet": no name printed, or a name only a
weak place gives (a trending bar or a network's sites opening the page, a breadcrumb "経済 ＞ 農業",
a company's legal name in the copyright line "Meridian Communications, Inc.", "(주)서울미디어",
"Nordhessen Medienholding GmbH & Co. KG", a source line citing an institute "Quelle: Statistisches
Landesamt", a follow or app line); a wrong name misleads the Compare page more than none. The same
weak places beside a place that names the site ("© 2024 Pinecrest Ledger") still name it. A copyright
company is named as readers say it ("Folha do Vale Comunicações Ltda." -> "Folha do Vale", "Harbourvale UK
Limited" -> "Harbourvale News" when the page prints that). The headline is found under a first line that
is the site's name, a section label, a kicker ("Kommunalwahl", "L'INCHIESTA", "Ексклюзив") or a breadcrumb
("ホーム > 社会 > 地域", "首页 > 社会新闻", "หน้าแรก > ข่าวภูมิภาค", "الرئيسية > أخبار محلية"), with or without a
date line under it.

Header lines "@outlet: X" and "@title: Y" give the expected reading and are stripped. Titles are
compared after NFKC (an ideographic space reads as a space).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from lib.core.settings import load_settings
from lib.ingest.pipeline import build_article
from tests.support.probe_pages import load_probe_page

PROBE_DIR = Path(__file__).parent / "data" / "outlet_title_probe"
PAGES = sorted(path.stem for path in PROBE_DIR.glob("*.txt"))


def _load(name: str) -> tuple[bytes, dict[str, str]]:
    return load_probe_page(PROBE_DIR / f"{name}.txt")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return load_settings(tmp_path_factory.mktemp("probe"))


def test_the_probe_covers_the_languages_and_the_abstention():
    languages = {name.split("_")[0] for name in PAGES}
    assert languages >= {"en", "ja", "ko", "zh", "de", "fr", "es", "it", "pt", "ru", "uk", "th", "ar"}
    assert any(_load(name)[1]["outlet"] == "Unknown outlet" for name in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_outlet_and_title_of_a_pasted_page(name, settings):
    data, expected = _load(name)
    article = build_article(f"{name}.txt", data, settings)
    assert article.outlet == expected["outlet"]
    assert _norm(article.title) == _norm(expected["title"])
