"""Shingle precision/recall/F1 of an extracted body against a reference body.

Definition (from the article-extraction benchmark's README): tokens are runs of
word characters; a shingle is 4 consecutive tokens; precision, recall and F1
are counted over the multiset of shingles. Texts shorter than 4 tokens count
as one shingle of all their tokens, so short bodies are not scored as empty.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class ShingleScore:
    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter:
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def score_body(extracted: str, reference: str) -> ShingleScore:
    """P/R/F1 of `extracted` against `reference`; two empty texts score 1."""
    predicted, expected = shingles(extracted), shingles(reference)
    if not predicted and not expected:
        return ShingleScore(1.0, 1.0, 1.0)
    overlap = sum((predicted & expected).values())
    precision = overlap / sum(predicted.values()) if predicted else 0.0
    recall = overlap / sum(expected.values()) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ShingleScore(precision, recall, f1)
