"""The countries a figure's sentence names, in any language the app reads, from babel's CLDR territory
names (no list of our own): "Myanmar", "ミャンマー", "미얀마", "缅甸", "Мьянма" are all MM; an English
adjective written on the name ("North Korean", "Japanese") names the country too.

(lib.events.countries reads the same CLDR names for the timeline; a stage may not import another
stage, so the Compare rows keep this small reader of their own.)
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
        logging.getLogger(__name__).warning("babel is not installed: Compare rows do not check the places figures name")
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
        re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, spaced)) + ")"),
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
