"""Sentence splitting with exact offsets into the article body.

sentencex (Wikimedia's maintained segmenter, ~300 languages) finds the
boundaries and copes with "Gen.", "U.S.", "p.m." and quotes. We split on line
breaks first because pasted articles carry headlines and subheads without a
final period, which must not be glued to the next sentence.
"""

from __future__ import annotations

import functools
import re

from lib.core.models import Sentence

_LINE = re.compile(r"[^\n]+")


# A full stop of Chinese or Japanese is never a decimal point, but sentencex keeps "…2000人。30日，…"
# in one piece when a digit follows it: split there too.
_CJK_STOP_BEFORE_DIGIT = re.compile(r"(?<=[。！？])(?=\s*[0-9０-９])")


# Where the segmenter cuts inside a sentence, the piece before the cut ends with a dot that is no
# sentence end: a German ordinal day or number ("am Freitag, 28. | März, …", "im 19. | Jahrhundert"),
# a lone capital initial or French "M." ("M. | Dupont"), or an English clock time before its day
# ("at 2 p.m. | Saturday"). The piece after it then opens with a month or weekday name, a lower-case
# word (no sentence opens so), or, after an ordinal, the noun the ordinal counts.
_ORDINAL_END = re.compile(r"(?<![\d.,])\d{1,2}\.\s*$")
_ORDINAL_AFTER_ARTICLE = re.compile(
    r"(?i)(?:^|\s)(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim|ins|bis|seit|ab|vor|nach|[^\W\d_]+tag,?|\d{1,2}\.)\s+\d{1,2}\.\s*$"
)
# French "M."/"MM." before a name, or a name's initial ("John F. | Kennedy": after a capitalised word).
_INITIAL_END = re.compile(r"(?:(?:^|[\s(])MM?|[A-ZÀ-ÝА-ЯЁІЇЄ][^\W\d_]{1,20}\s[A-ZÀ-ÝА-ЯЁІЇЄ])\.\s*$")
_CLOCK_END = re.compile(r"(?i)\b[ap]\.\s?m\.\s*$")
_LOWER_START = re.compile(r"^[\s\"“«„(]*[a-zà-ÿа-яёіїєґ]")


@functools.lru_cache(maxsize=None)
def _calendar_words(language: str) -> re.Pattern:
    """Month and weekday names, English and those of `language` (dateparser's locale data)."""
    from lib.text.date_languages import ENGLISH_MONTHS, ENGLISH_WEEKDAYS, LANGUAGES, locale_names

    words = {word.lower() for word in (*ENGLISH_MONTHS, *ENGLISH_WEEKDAYS)}
    if language in LANGUAGES:
        months, weekdays = locale_names(language)
        words |= set(months) | set(weekdays)
    alternatives = "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))
    return re.compile(r"(?i)^[\s(]*(?:" + alternatives + r")(?![^\W\d_])")


def _continues(piece: str, following: str, language: str) -> bool:
    """Whether the segmenter cut `piece` from `following` at a dot that ends no sentence."""
    calendar = _calendar_words(language or "en").match(following)
    if _ORDINAL_END.search(piece):
        return bool(calendar or _LOWER_START.match(following) or (language == "de" and _ORDINAL_AFTER_ARTICLE.search(piece)))
    if _INITIAL_END.search(piece):
        return bool(_LOWER_START.match(following) or following[:1].isupper())
    if _CLOCK_END.search(piece):
        return bool(calendar or _LOWER_START.match(following))
    return False


def _joined(pieces: list[str], language: str) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and _continues(joined[-1], piece, language):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def _segment(language: str, text: str) -> list[str]:
    from sentencex import (
        segment,  # light import; kept local so `lib.core.models` stays dependency-free
    )

    try:
        pieces = [piece for piece in segment(language or "en", text) if piece.strip()]
    except Exception:  # unknown language code: fall back to English rules
        pieces = [piece for piece in segment("en", text) if piece.strip()]
    pieces = _joined(pieces, language)
    return [part for piece in pieces for part in _CJK_STOP_BEFORE_DIGIT.split(piece) if part.strip()]


def split_sentences(body: str, language: str = "en", language_of=None) -> tuple[Sentence, ...]:
    """Sentences of `body` in order; `body[s.start:s.end] == s.text` for each.

    `language_of(text)` (optional) gives each sentence its own language code;
    otherwise every sentence gets `language`.
    """
    sentences: list[Sentence] = []
    for line_match in _LINE.finditer(body):
        line = line_match.group()
        cursor = 0
        for piece in _segment(language, line):
            stripped = piece.strip()
            found = line.find(stripped, cursor)
            if found < 0:  # the segmenter normalised something; skip rather than misplace
                continue
            cursor = found + len(stripped)
            start = line_match.start() + found
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                    language=language_of(stripped) if language_of else language,
                )
            )
    return tuple(sentences)
