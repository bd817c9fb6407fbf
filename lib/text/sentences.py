"""Sentence splitting with exact offsets into the article body.

sentencex (Wikimedia's maintained segmenter, ~300 languages) finds the
boundaries and copes with "Gen.", "U.S.", "p.m." and quotes. We split on line
breaks first because pasted articles carry headlines and subheads without a
final period, which must not be glued to the next sentence.
"""

from __future__ import annotations

import re

from lib.core.models import Sentence

_LINE = re.compile(r"[^\n]+")


# A full stop of Chinese or Japanese is never a decimal point, but sentencex keeps "…2000人。30日，…"
# in one piece when a digit follows it: split there too.
_CJK_STOP_BEFORE_DIGIT = re.compile(r"(?<=[。！？])(?=\s*[0-9０-９])")


def _segment(language: str, text: str) -> list[str]:
    from sentencex import (
        segment,  # light import; kept local so `lib.core.models` stays dependency-free
    )

    try:
        pieces = [piece for piece in segment(language or "en", text) if piece.strip()]
    except Exception:  # unknown language code: fall back to English rules
        pieces = [piece for piece in segment("en", text) if piece.strip()]
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
