"""Countries a text names, in any of the nine languages the app reads, from babel's CLDR territory
names (no list of our own): "North Korea", "北朝鮮", "КНДР" and "북한" are all KP, "Myanmar",
"ミャンマー", "미얀마", "缅甸", "Мьянма" are all MM; the adjective of a country's English name
("North Korean", "Ukrainian", "Japanese") names that country too. Shared by the timeline (which
merges events naming the same countries) and Compare (which keeps a row's figures to its places).
"""

from __future__ import annotations

import functools
import logging
import re

_LANGUAGES = ("en", "ja", "ko", "zh", "ru", "uk", "de", "fr", "th")
_CASED = re.compile(r"[a-zа-яіїєґäöüéèàç]")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """{lower-case name: ISO code}; the regexes finding names in spaced and in unspaced scripts."""
    names: dict[str, str] = {}
    try:
        from babel import Locale  # installed with trafilatura (courlan)
    except ImportError:
        logging.getLogger(__name__).warning("babel is not installed: countries named in sentences are not recognised")
        return names, re.compile(r"(?!)"), re.compile(r"(?!)")
    for language in _LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) != 2 or not code.isalpha():
                continue  # "001" (world), "EU" ... are not countries
            for part in re.split(r"\s*[()（）]\s*|\s*&\s*", name):
                key = part.strip().lower()
                if re.search(r"[а-яіїєґ]", key) and len(key) >= 5:
                    key = key[:-1]  # Cyrillic names inflect: "Мьянма", "Мьянмы" share "мьянм"
                if len(key) >= 2:
                    names.setdefault(key, code)
    spaced = sorted((name for name in names if _CASED.search(name)), key=len, reverse=True)
    unspaced = sorted((name for name in names if not _CASED.search(name)), key=len, reverse=True)
    return (
        names,
        re.compile(r"(?<![\w'’])(?:" + "|".join(map(re.escape, spaced)) + ")"),
        re.compile("|".join(map(re.escape, unspaced))),
    )


# A name with a possessive ending ("South Korea's military", "Südkoreas Generalstab") names who
# acts or counts, not where a thing happened.
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s|s)(?![\w])")


@functools.lru_cache(maxsize=16384)
def countries_named(text: str, possessive: bool = True) -> frozenset[str]:
    """ISO codes of the countries `text` names (empty when it names none); with possessive=False, a
    name in the possessive ("South Korea's", "Südkoreas") is left out (it names an agent)."""
    names, spaced, unspaced = _patterns()
    lowered = text.lower()
    found = set()
    for regex in (spaced, unspaced):
        for match in regex.finditer(lowered):
            if _inside_a_word(lowered, match.start(), match.end()):
                continue
            if not possessive and regex is spaced and _POSSESSIVE_AFTER.match(lowered, match.end()):
                continue
            found.add(names[match.group()])
    return frozenset(found)


_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """A katakana name inside a longer katakana word ('タイ' in 'タイプ'), or a Hangul name glued
    after another syllable ('이란' as the particle in '병력이란'): not the country."""
    before, after = text[start - 1:start], text[end:end + 1]
    if _KATAKANA.match(text[start]):
        return bool(_KATAKANA.match(before) or _KATAKANA.match(after))
    if _HANGUL.match(text[start]):
        return bool(_HANGUL.match(before))
    return False


def country_codes(text: str) -> frozenset[str]:
    """ISO codes of the countries a sentence names, in any of the nine languages."""
    return countries_named(text)


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
