"""Countries named in a sentence, in any of the nine languages, from babel's CLDR territory
names (no list of our own): "North Korea", "北朝鮮", "КНДР" and "북한" are all KP, and the
adjective of a country's English name ("North Korean", "Ukrainian", "Japanese") is that country."""

from __future__ import annotations

import functools
import logging
import re

_LANGUAGES_NAMED = ("en", "ja", "ko", "zh", "ru", "uk", "de", "fr", "th")


@functools.lru_cache(maxsize=1)
def _country_patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """{lower-case name: ISO code}, and the regexes that find the names in spaced and unspaced scripts."""
    names: dict[str, str] = {}
    try:
        from babel import Locale  # installed with trafilatura (courlan); CLDR territory names
    except ImportError:
        logging.getLogger(__name__).warning("babel is not installed: events in two languages merge on meaning alone")
        return names, re.compile(r"(?!)"), re.compile(r"(?!)")
    for language in _LANGUAGES_NAMED:
        for code, name in Locale.parse(language).territories.items():
            if len(code) != 2 or not code.isalpha():
                continue  # regions such as "001" (world) or "EU"-like groupings are not countries
            for part in re.split(r"\s*[()（）]\s*", name):
                key = part.strip().lower()
                if re.search(r"[а-яіїєґ]", key) and len(key) >= 5:
                    key = key[:-1]  # Cyrillic names inflect: "Россия", "России", "Россию" share "росси"
                if len(key) >= 2:
                    names.setdefault(key, code)
    spaced = [name for name in names if re.search(r"[a-zа-яіїєґ]", name)]
    unspaced = [name for name in names if name not in spaced]
    alternation = lambda items: "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))  # noqa: E731
    return (
        names,
        re.compile(r"(?<![a-zа-яіїєґ'’])(?:" + alternation(spaced) + ")"),
        re.compile(alternation(unspaced)),
    )


@functools.lru_cache(maxsize=16384)
def country_codes(text: str) -> frozenset[str]:
    """ISO codes of the countries a sentence names, in any of the nine languages."""
    names, spaced, unspaced = _country_patterns()
    lowered = text.lower()
    return frozenset(names[match.group()] for regex in (spaced, unspaced) for match in regex.finditer(lowered))


# Endings that turn an English country name into its adjective or people: "Russia" -> "Russian",
# "Japan" -> "Japanese", "Ukraine" -> "Ukrainian", "Israel" -> "Israeli", "Britain" -> "British" is not caught.
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ans", "ians", "eses", "is")


@functools.lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """{lower-case English country name: ISO code} (CLDR, with the short forms babel lists)."""
    try:
        from babel import Locale
    except ImportError:
        return {}
    names = {}
    for code, name in Locale.parse("en").territories.items():
        if len(code) == 2 and code.isalpha():
            for part in re.split(r"\s*[()（）]\s*|\s*&\s*", name):
                if len(part.strip()) >= 4:
                    names.setdefault(part.strip().lower(), code)
    return names


@functools.lru_cache(maxsize=16384)
def country_of_name(name: str) -> str | None:
    """The ISO code of the country an English name or its adjective names ("North Korean" -> "KP"), else None."""
    lowered = name.lower().strip()
    names = _english_names()
    if lowered in names:
        return names[lowered]
    for country, code in names.items():
        for stem in (country, country[:-1] if country[-1] in "aeiouy" else country):
            rest = lowered[len(stem):] if lowered.startswith(stem) else None
            if len(stem) >= 4 and rest is not None and (rest in _ADJECTIVE_ENDINGS or (rest == "" and len(stem) >= 6)):
                return code
    return None


def country_name(code: str) -> str:
    """The lower-case English name of a country code ("KP" -> "north korea")."""
    try:
        from babel import Locale
    except ImportError:
        return code.lower()
    return re.split(r"\s*[()（）]\s*", Locale.parse("en").territories.get(code, code))[0].lower()
