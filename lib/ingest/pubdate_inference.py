"""Publication dates the pages do not print, inferred from the rest of the corpus.

Guarantees:

* Only articles whose page prints no date (`published.precision == "unknown"`)
  are touched; stated dates are returned unchanged.
* An inferred date is never presented as stated: `stated=False`, `earliest`
  and `latest` bound the publication, the precision is the finest the
  interval honestly supports (usually "year"), and the `clue` quotes the
  article's words and names the article that dates the anchor.
* An article with no usable clue stays unknown.
* Fast and model-free (regular expressions and calendar arithmetic): it runs
  on every corpus load.

How: an undated article that says "signed a ... treaty last June" relates its
own publication date to an event. If another article dates that event by
itself (a stated publication date plus "signed Wednesday", or an absolute
date such as "began in February 2022"), the set of publication days for which
"last June" lands on that event is computed by inverting the phrase (every
relative phrase is monotone in the publication day, so a binary search finds
the first and last consistent days). In English, events are matched by shared
key nouns (treaty/pact/agreement, invasion/war, ...) plus at least one other
shared content word: general vocabulary, nothing specific to one file. In the
other languages ("21日に辞任した江藤前大臣" against a page that prints
2025年5月21日), by enough shared content tokens (words, CJK character bigrams),
and only for phrases that name a day (not "today" or a weekday, which recur).
Across languages ("26 апреля ... министр Петренко" against "on April 26, when
... minister Petrenko" in a dated English page), by marks that read the same in
every language: figures of 100 or more ("約1500人" = "about 1,500 troops") and
capitalised names, Cyrillic transliterated to Latin ("Петренко" = "petrenko").
A phrase that names a day needs one shared mark (the inversion must also land on
the anchor's day); a coarser one ("今月", "this month") needs a shared figure in
the sentence and three shared figures between the two pages. A bare weekday
("the minister, Petrenko, on Saturday acknowledged") recurs every week: it is matched only by a
name few of the collection's pages print, to an event dated to the day that is
that weekday. An anchor is any past event pinned to ten days or fewer: a day, a
week, or the end of a month ("4월 말" = 26-30 April).

The time elapsed since an event another page dates, in English ("rescuers were still
searching three days after the earthquake", "a year since the treaty", "the first
anniversary of the flood"), puts the page that long after it when the sentence speaks
from the page's own day; in a past-tense sentence it is only a lower bound. Decimal
figures ("magnitude 6.8", "６．８", "6,8") are marks too. An interval of one day is
given at day precision; anything wider at week precision or coarser.

Weaker in-article clues then narrow the interval when they agree with it:
plans "for 2026" or "in early 2026" mean publication before that period ends
and not long before it starts; a past event with an absolute date means
publication after it. Weak clues alone never date an article.

A page that prints a day without a year (`published.day_month`: "05-21" from a
wire dateline, "--26" from a CJK lead) gets that day when exactly one
occurrence fits the evidence: the interval above, its own past events, the
span of the collection's stated dates (with a margin), the weekday the date line
prints beside it ("Samstag, 29. März"), and a lead's bare weekday ("said on
Wednesday"); when a weekday leaves years five or more apart, the first one within a
year after the page's latest dated event is taken. When the page's day contradicts
the interval, the date stays unknown.

Everything a page is dated against is the collection's evidence (`CollectionEvidence`:
anchors, anchor pages' figures, name counts, stated-day span), built from every page
(`collection_evidence`) or read back from the store and extended by pages added since
(`lib.ingest.inferred_dates_state`); either way the anchor index answers `candidates`
best first in the same order, so an added page gets the date a whole inference gives it.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from lib.core.models import Article, PublishedDate
from lib.ingest.extract.signals import content_tokens
from lib.ingest.pubdate import printed_weekdays
from lib.text.attribution import opens_with_dateline
from lib.text.numbers_multilingual import find_figures
from lib.text.dates import (
    DatePhrase,
    add_months,
    find_date_phrases,
    format_day,
    is_english_sentence,
    iso,
    parse_iso,
    precision_for_span,
    reference_interval,
    resolve_phrase,
    resolver_at,
)

_LOG = logging.getLogger(__name__)
SPAN_MARGIN_DAYS = 120
# A yearless dateline whose weekday fits several years is placed in the first one after the page's
# latest dated past event only when that day is this close to it.
NEWS_AFTER_EVENT_DAYS = 366

# Event nouns that name the same kind of event; a match needs one shared concept.
CONCEPTS = {
    "treaty": ("treaty", "treaties", "pact", "agreement", "accord", "deal", "partnership"),
    "war": ("war", "invasion", "invaded", "invade", "offensive", "incursion"),
    "visit": ("visit", "visited", "trip", "tour", "toured"),
    "summit": ("summit", "talks", "meeting"),
    "election": ("election", "elections", "vote", "referendum"),
    "attack": ("attack", "attacks", "attacked", "strike", "strikes", "bombing", "assault"),
    "deployment": ("deployment", "deployed", "deploy", "dispatch", "dispatched"),
    "congress": ("congress", "plenum", "convention"),
    "disaster": (
        "earthquake", "quake", "tremor", "tsunami", "flood", "floods", "flooding", "storm", "typhoon", "hurricane",
        "cyclone", "wildfire", "eruption", "landslide", "explosion", "blast", "crash", "collapse",
    ),
}
_CONCEPT_OF = {word: concept for concept, words in CONCEPTS.items() for word in words}
_STOP = set(
    "the a an of in on at to for from by with and or but as that this these those its it their his her "
    "is are was were be been has have had will would said says two both each which who whom what when where "
    "since ago last next year years month months week weeks day days nearly almost about around than more "
    "over under early late mid new also into after before between than".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


# Every sentence's date phrases are read by several passes (anchors, marks, constraints): read once.
_date_phrases = functools.lru_cache(maxsize=65_536)(find_date_phrases)


@dataclass(frozen=True)
class Anchor:
    """An event another article dates by itself: its key words and its interval.

    `number` is its place in a stored index (`lib.ingest.inferred_dates_state`), whose anchors are
    read without their `clue` (the index's `clue_of` reads it when the anchor dates a page); -1 otherwise.
    """

    source_file: str
    concepts: frozenset[str]
    words: frozenset[str]
    start: date
    end: date
    clue: str
    precision: str
    number: int = field(default=-1, compare=False)

    @property
    def keyed_by_marks(self) -> bool:
        """Keyed by its sentence's marks (figures, names: `_mark_anchors`), not by its words."""
        return _MARKS in self.concepts


@dataclass(frozen=True)
class Constraint:
    earliest: date
    latest: date
    explanation: str
    strong: bool


def _keywords(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = {word.lower().removesuffix("'s") for word in _WORD.findall(text)}
    words = {word for word in words if word not in _STOP and len(word) > 2}
    concepts = frozenset(_CONCEPT_OF[word] for word in words if word in _CONCEPT_OF)
    return concepts, frozenset(words)


def _clause(sentence: str, phrase_start: int, phrase_end: int) -> str:
    """The words around a date phrase that say what it dates (same clause)."""
    separators = (",", ";", ":", " while ")
    left = max(sentence.rfind(sep, 0, phrase_start) for sep in separators)
    if left > 0 and re.match(r"\s*(?:which|that|where|when|who)\b", sentence[left + 1 :]):
        # A relative clause dates its antecedent: "the war in Ukraine, which began in February 2022".
        left = max(sentence.rfind(sep, 0, left) for sep in separators)
    right_candidates = [pos for pos in (sentence.find(sep, phrase_end) for sep in (",", ";", ":", " while ")) if pos >= 0]
    right = min(right_candidates) if right_candidates else len(sentence)
    return sentence[left + 1 : right]


def _excerpt(sentence: str, phrase_start: int, phrase_end: int, words_before: int = 7) -> str:
    """"signed a comprehensive strategic partnership treaty last June": a few words then the phrase."""
    clause = _clause(sentence, phrase_start, phrase_end)
    offset = sentence.find(clause)
    before = sentence[offset:phrase_start].split()
    lead = before[-words_before:]
    prefix = ("... " if len(before) > words_before else "") + " ".join(lead)
    return f"{prefix} {sentence[phrase_start:phrase_end]}".strip()


def _english(article: Article):
    """Sentences the English date grammar can read (other languages are skipped, not misread)."""
    return [sentence for sentence in article.sentences if is_english_sentence(sentence.text, sentence.language, article.language)]


def _anchors(articles: list[Article]) -> list[Anchor]:
    """Events dated by their own article: absolute dates anywhere, relative ones in stated articles."""
    found: list[Anchor] = []
    for article in articles:
        reference = reference_interval(article.published) if article.published.stated else None
        for sentence in _english(article):
            for phrase in _date_phrases(sentence.text):
                if phrase.role == "target" or phrase.future:
                    continue
                resolved = resolve_phrase(phrase, reference)
                if resolved is None or resolved.precision == "year" and phrase.kind != "year":
                    continue
                concepts, words = _keywords(_clause(sentence.text, phrase.start, phrase.end))
                if not concepts:
                    continue
                found.append(
                    Anchor(
                        article.source_file,
                        concepts,
                        words,
                        parse_iso(resolved.start),
                        parse_iso(resolved.end),
                        _excerpt(sentence.text, phrase.start, phrase.end),
                        resolved.precision,
                    )
                )
        for sentence in _other_languages(article):
            for phrase in _date_phrases(sentence.text, sentence.language or article.language):
                if phrase.role == "target" or phrase.future:
                    continue
                resolved = resolve_phrase(phrase, reference)
                if not _narrow(resolved):
                    continue
                found.append(
                    Anchor(
                        article.source_file,
                        frozenset({_SHARED_WORDS}),
                        frozenset(content_tokens(sentence.text)),
                        parse_iso(resolved.start),
                        parse_iso(resolved.end),
                        sentence.text[max(0, phrase.start - 30) : phrase.end + 10].strip(),
                        resolved.precision,
                    )
                )
        found.extend(_mark_anchors(article, reference))
    return found


# An anchor must pin its event to a few days: a day, a week, or a part of a month ("4월 말",
# "late April" = the last days of April), whatever precision label the phrase carries.
ANCHOR_MAX_DAYS = 10


class AnchorIndex:
    """The anchors with an inverted index from each key word to the anchors holding it, so a phrase
    is compared only with anchors that share its words, never with every anchor of the collection
    (an all-anchors scan per phrase made the inference quadratic: 7 s at 500 pages, 58 s at 2,000)."""

    def __init__(self, anchors: list[Anchor]):
        self.anchors = anchors
        self._holding: dict[str, list[int]] = {}
        for position, anchor in enumerate(anchors):
            for word in anchor.words:
                self._holding.setdefault(word, []).append(position)

    def sharing(self, words, at_least: int = 1) -> list[Anchor]:
        """The anchors that hold at least `at_least` of `words`, in the anchors' own order."""
        counts = Counter(position for word in words for position in self._holding.get(word, ()))
        return [self.anchors[position] for position in sorted(p for p, n in counts.items() if n >= at_least)]

    def candidates(
        self,
        words,
        *,
        other_than: str,
        concepts,
        at_least: int = 1,
        max_days: int | None = None,
        requiring=None,
        one_day: bool = False,
    ) -> Iterator[Anchor]:
        """The anchors of pages other than `other_than` holding at least `at_least` of `words` and one of
        `concepts` (and, when given: spanning fewer than `max_days` days, holding one of `requiring`,
        pinned to one day), best first: most shared words, then the narrowest, then the anchors' own order."""
        words = frozenset(words)
        found = [
            anchor
            for anchor in self.sharing(words, at_least)
            if anchor.source_file != other_than
            and concepts & anchor.concepts
            and (max_days is None or (anchor.end - anchor.start).days < max_days)
            and (requiring is None or not anchor.words.isdisjoint(requiring))
            and (not one_day or anchor.start == anchor.end)
        ]
        found.sort(key=lambda anchor: (-len(words & anchor.words), (anchor.end - anchor.start).days))
        return iter(found)

    def clue_of(self, anchor: Anchor) -> str:
        """The words of the page that date `anchor`'s event (quoted in an inferred date's clue)."""
        return anchor.clue


def _narrow(resolved) -> bool:
    """Whether a resolved date phrase spans at most ANCHOR_MAX_DAYS days."""
    return resolved is not None and (parse_iso(resolved.end) - parse_iso(resolved.start)).days < ANCHOR_MAX_DAYS


# Sentences in other languages have no concept nouns here: an event is the same when the two
# sentences share enough content tokens (words of 4+ letters, or CJK character bigrams).
_SHARED_WORDS = "*"
_MIN_SHARED_TOKENS = 4


# Marks that read the same in every language: figures and transliterated names.
_MARKS = "#"
_MIN_PAGE_FIGURES = 3
_NAME = re.compile(r"(?<![\w-])[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ']{4,}")
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "",
    }
)


_ENGLISH_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,]*\d)|(?<![\w.,])\d{3,}(?![\w]|[.,]\d)")


def _figures(text: str, language: str | None) -> set[str]:
    """Exact figures of 100 or more ("1,500", "1500人", "1만 5천", "1.500"), years left out, as "#1500",
    and decimal figures with one decimal ("6.8", "６．８", "6,8") as "#6.8".

    Read by the number readers alone (no counted nouns): this runs on every sentence of a collection.
    """
    values = [figure.value for figure in find_figures(text, language)]
    if not values:
        values = [float(match.group().replace(",", "")) for match in _ENGLISH_NUMBER.finditer(text)]
    found = {f"#{value:g}" for value in values if value >= 100 and not 1900 <= value <= 2100}
    # A decimal figure reads the same in every language too ("magnitude 6.8", "マグニチュード６．８", "규모 6.8").
    found |= {f"#{match.group(1)}.{match.group(2)}" for match in _DECIMAL.finditer(unicodedata.normalize("NFKC", text))}
    return found


_DECIMAL = re.compile(r"(?<![\d.,])([1-9]\d?)[.,](\d)(?![\d.,]\d|\d)")


def _marks(text: str, language: str | None) -> frozenset[str]:
    """Figures plus capitalised names (not the sentence's first word), Cyrillic transliterated."""
    names = {
        match.group().lower().translate(_CYRILLIC_TO_LATIN)
        for match in _NAME.finditer(text)
        if match.start() > 0 and text[: match.start()].strip()
    }
    return frozenset(_figures(text, language) | names)


def _without(text: str, start: int, end: int) -> str:
    return text[:start] + " " + text[end:]


def _mark_anchors(article: Article, reference) -> list[Anchor]:
    """Day- or week-precise events of one article, keyed by their sentence's marks."""
    found = []
    for sentence in article.sentences:
        language = sentence.language or article.language
        for phrase in _date_phrases(sentence.text, language):
            if phrase.role == "target" or phrase.future:
                continue
            resolved = resolve_phrase(phrase, reference)
            if not _narrow(resolved):
                continue
            marks = _marks(_without(sentence.text, phrase.start, phrase.end), language)
            if marks:
                found.append(
                    Anchor(
                        article.source_file,
                        frozenset({_MARKS}),
                        marks,
                        parse_iso(resolved.start),
                        parse_iso(resolved.end),
                        sentence.text[max(0, phrase.start - 40) : phrase.end + 20].strip(),
                        resolved.precision,
                    )
                )
    return found


def _page_marks(article: Article) -> frozenset[str]:
    """Every mark of a page's sentences (`_marks`): its figures ("#1500") and its names."""
    marks: set[str] = set()
    for sentence in article.sentences:
        marks |= _marks(sentence.text, sentence.language or article.language)
    return frozenset(marks)


def _mark_constraints(
    article: Article, anchors: AnchorIndex, page_figures: Mapping[str, set[str]], rare_names: frozenset[str] = frozenset()
) -> list[Constraint]:
    """Relative phrases matched to another page's dated event by shared figures or names.

    A bare weekday ("Petrenko on Saturday acknowledged ...") recurs every week, so it is
    matched only through a name few pages of the collection print (`rare_names`) to an event
    dated to the day, and only to the best-matching such event: the inversion then also
    requires that day to be that weekday.
    """
    constraints = []
    own_figures = page_figures.get(article.source_file, set())
    for sentence in article.sentences:
        language = sentence.language or article.language
        for phrase in _date_phrases(sentence.text, language):
            if not phrase.relative or phrase.role == "target" or phrase.future or phrase.kind == "dayword":
                continue
            bare_weekday = phrase.kind == "weekday"
            if bare_weekday and not _is_bare_weekday(phrase):
                continue
            marks = _marks(_without(sentence.text, phrase.start, phrase.end), language)
            if not marks:
                continue
            names_day = bool(phrase.fields.get("day"))
            # A bare weekday needs a rare name and an event of one day; a phrase that names a day, any
            # shared mark; a coarser one, a shared figure and enough figures shared by the two pages.
            if bare_weekday:
                requiring = marks & rare_names
            elif names_day:
                requiring = None
            else:
                requiring = frozenset(mark for mark in marks if mark.startswith("#"))
            if requiring is not None and not requiring:
                continue
            candidates = anchors.candidates(
                marks, other_than=article.source_file, concepts={_MARKS}, requiring=requiring, one_day=bare_weekday
            )
            if bare_weekday:
                candidates = itertools.islice(candidates, 1)
            elif not names_day:
                candidates = (
                    anchor
                    for anchor in candidates
                    if len(own_figures & page_figures.get(anchor.source_file, set())) >= _MIN_PAGE_FIGURES
                )
            quote = sentence.text[max(0, phrase.start - 30) : phrase.end + 10].strip()
            constraints += _first_readable_anchor(
                phrase,
                candidates,
                lambda anchor: f"'{quote}'; the same event ("
                + ", ".join(sorted(mark.lstrip("#") for mark in marks & anchor.words))
                + f") is dated {_describe(anchor.start, anchor.end, anchor.precision)} by {anchor.source_file} ('{anchors.clue_of(anchor)}')",
            )
    return constraints


def _first_readable_anchor(phrase: DatePhrase, candidates, explain) -> list[Constraint]:
    """The window of publication days set by the first of `candidates` (best first) that the relative
    `phrase` can be read against, as a one-item list explained by `explain(anchor)`; empty when none can."""
    for anchor in candidates:
        window = _invert(phrase, anchor.start, anchor.end)
        if window is not None:
            return [Constraint(window[0], window[1], explain(anchor), strong=True)]
    return []


def _other_languages(article: Article):
    return [s for s in article.sentences if not is_english_sentence(s.text, s.language, article.language)]


def _invert(phrase: DatePhrase, anchor_start: date, anchor_end: date) -> tuple[date, date] | None:
    """Publication days P for which the relative phrase, read at P, overlaps the anchor.

    Relies on every relative phrase being monotone in P (a later publication
    never resolves to an earlier interval), so the set is one interval found
    by two binary searches; None when no day fits.
    """
    resolve = resolver_at(phrase)
    low_bound = (anchor_start - timedelta(days=3700)).toordinal()
    high_bound = (anchor_end + timedelta(days=3700)).toordinal()

    def interval(ordinal: int):
        return resolve(date.fromordinal(ordinal))

    low, high = low_bound, high_bound  # first P whose interval ends on/after the anchor start
    while low < high:
        middle = (low + high) // 2
        result = interval(middle)
        if result is not None and result[1] >= anchor_start:
            high = middle
        else:
            low = middle + 1
    first = low
    low, high = low_bound, high_bound  # last P whose interval starts on/before the anchor end
    while low < high:
        middle = (low + high + 1) // 2
        result = interval(middle)
        if result is not None and result[0] <= anchor_end:
            low = middle
        else:
            high = middle - 1
    last = low
    if first > last:
        return None
    for ordinal in (first, last):
        result = interval(ordinal)
        if result is None or result[1] < anchor_start or result[0] > anchor_end:
            return None
    return date.fromordinal(first), date.fromordinal(last)


def _strong_constraints(article: Article, anchors: AnchorIndex) -> list[Constraint]:
    constraints = []
    for sentence in _english(article):
        for phrase in _date_phrases(sentence.text):
            if not phrase.relative or phrase.role == "target" or phrase.future:
                continue
            concepts, words = _keywords(_clause(sentence.text, phrase.start, phrase.end))
            # The best-matching anchor, then the most precise one.
            candidates = anchors.candidates(words, other_than=article.source_file, concepts=concepts, at_least=2)
            excerpt = _excerpt(sentence.text, phrase.start, phrase.end)
            constraints += _first_readable_anchor(
                phrase,
                candidates,
                lambda anchor: f"'{excerpt}'; the {sorted(concepts & anchor.concepts)[0]} is dated "
                f"{_describe(anchor.start, anchor.end, anchor.precision)} by {anchor.source_file} ('{anchors.clue_of(anchor)}')",
            )
    for sentence in _other_languages(article):
        for phrase in _date_phrases(sentence.text, sentence.language or article.language):
            # "today" or "on Friday" in two pages' sentences about a recurring event (a weekly
            # briefing) do not make them the same day: only dates that name the day are matched.
            if not phrase.relative or phrase.role == "target" or phrase.future or phrase.kind in ("dayword", "weekday"):
                continue
            tokens = content_tokens(sentence.text[: phrase.start] + " " + sentence.text[phrase.end :])
            candidates = anchors.candidates(
                tokens, other_than=article.source_file, concepts={_SHARED_WORDS}, at_least=_MIN_SHARED_TOKENS
            )
            quote = sentence.text[max(0, phrase.start - 30) : phrase.end + 10].strip()
            constraints += _first_readable_anchor(
                phrase,
                candidates,
                lambda anchor: f"'{quote}'; the same event is dated "
                f"{_describe(anchor.start, anchor.end, anchor.precision)} by {anchor.source_file} ('{anchors.clue_of(anchor)}')",
            )
    return constraints


# "three days after the earthquake struck", "a week after the storm", "a year since the treaty":
# the time elapsed from an event another page dates (English).
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_AFTER_EVENT = re.compile(
    r"(?i)\b(?P<approx>(?:nearly|almost|about|around|some|more than|over)\s+)?(?P<n>\d{1,2}|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(?P<unit>day|week|month|year)s?\s+(?P<link>after|since|on from)\s+(?P<event>(?:the|this|last|its|their)\b[^,.;:]{3,80})"
)
# "the first anniversary of the earthquake", "marks the 10th anniversary of the treaty".
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ANNIVERSARY = re.compile(
    r"(?i)\b(?P<n>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+anniversary\s+of\s+(?P<event>(?:the|this|last|its|their)\b[^,.;:]{3,80})"
)
ANNIVERSARY_DAYS = 7  # an anniversary piece runs in the week before or after the day
# The sentence speaks from the page's own day ("were still", "has begun", "It has been ... since").
_PRESENT_FRAME = re.compile(r"(?i)\b(?:still|now|is|are|has|have|remains?|continues?|'s|'re)\b")


def _elapsed_window(unit: str, count: int, approximate: bool, start: date, end: date) -> tuple[date, date]:
    """Publication days that are `count` units after an event dated start..end."""
    if unit == "day":
        slack = 1 if approximate else 0
        return start + timedelta(days=count - slack), end + timedelta(days=count + slack)
    if unit == "week":
        slack = 3 if approximate else 1
        return start + timedelta(days=7 * count - slack), end + timedelta(days=7 * count + slack)
    months = count * (12 if unit == "year" else 1)
    slack = (62 if approximate else 31) if unit == "year" else (15 if approximate else 7)
    return add_months(start, months) - timedelta(days=slack), add_months(end, months) + timedelta(days=slack)


def _best_anchor(article: Article, anchors: AnchorIndex, concepts: frozenset[str], words) -> Anchor | None:
    """The event of another page, pinned to ten days or fewer, of one of `concepts` and sharing two
    or more of `words`: the one sharing most, then the most precise; None when there is none."""
    if not concepts:
        return None
    candidates = anchors.candidates(
        words, other_than=article.source_file, concepts=concepts, at_least=2, max_days=ANCHOR_MAX_DAYS
    )
    return next(candidates, None)


def _elapsed_constraints(article: Article, anchors: AnchorIndex) -> list[Constraint]:
    """"N days/weeks/months/years after <event>" matched to another page's dated event (English).

    A sentence speaking from the page's day ("rescuers were still searching three days after the
    earthquake", "a week after the storm, the debate has begun", "a year since the treaty") puts the
    page N units after the event: a strong clue. In a past-tense sentence ("two days after the quake,
    the president visited") it is only a lower bound (weak).
    """
    constraints = []
    for sentence in _english(article):
        if not re.search(r"(?i)\b(?:after|since|on from|anniversary) ", sentence.text):
            continue
        for match in _ANNIVERSARY.finditer(sentence.text):
            if re.search(r"(?i)\b(?:will|would|next|upcoming|ahead of)\b", sentence.text):
                continue  # a coming anniversary is announced any time before it
            concepts, words = _keywords(match.group("event"))
            anchor = _best_anchor(article, anchors, concepts, words | _keywords(sentence.text)[1])
            if anchor is None:
                continue
            years = _ORDINALS.get(match.group("n").lower()) or int(re.match(r"\d+", match.group("n")).group())
            low = add_months(anchor.start, 12 * years) - timedelta(days=ANNIVERSARY_DAYS)
            high = add_months(anchor.end, 12 * years) + timedelta(days=ANNIVERSARY_DAYS)
            constraints.append(Constraint(low, high, (
                f"'{match.group().strip()}'; the {sorted(concepts & anchor.concepts)[0]} is dated "
                f"{_describe(anchor.start, anchor.end, anchor.precision)} by {anchor.source_file} ('{anchors.clue_of(anchor)}')"
            ), strong=True))
        for match in _AFTER_EVENT.finditer(sentence.text):
            if _date_phrases(sentence.text) and any(p.future and p.start <= match.start() < p.end for p in _date_phrases(sentence.text)):
                continue
            if re.search(r"(?i)\b(?:will|would|could|might|may|plans?|expected)\b", sentence.text):
                continue
            concepts, words = _keywords(match.group("event"))
            anchor = _best_anchor(article, anchors, concepts, words | _keywords(sentence.text)[1])
            if anchor is None:
                continue
            count = int(match.group("n")) if match.group("n").isdigit() else _NUMBER_WORDS[match.group("n").lower()]
            low, high = _elapsed_window(match.group("unit").lower(), count, bool(match.group("approx")), anchor.start, anchor.end)
            present = match.group("link").lower() == "since" or bool(
                _PRESENT_FRAME.search(sentence.text[: match.start()] + " " + sentence.text[match.end() :])
            )
            explanation = (
                f"'{match.group().strip()}'; the {sorted(concepts & anchor.concepts)[0]} is dated "
                f"{_describe(anchor.start, anchor.end, anchor.precision)} by {anchor.source_file} ('{anchors.clue_of(anchor)}')"
            )
            if present:
                constraints.append(Constraint(low, high, explanation, strong=True))
            else:
                constraints.append(Constraint(low, date(9999, 12, 31), explanation + " (already past; weak clue)", strong=False))
    return constraints


def _weak_constraints(article: Article) -> list[Constraint]:
    """In-article bounds: future plans bound publication from above, past absolute dates from below."""
    constraints = []
    for sentence in article.sentences:  # absolute dates read the same in every language of the grammar
        for phrase in _date_phrases(sentence.text, sentence.language or article.language):
            if phrase.relative:
                continue
            resolved = resolve_phrase(phrase, None)
            if resolved is None:
                continue
            start, end = parse_iso(resolved.start), parse_iso(resolved.end)
            quote = _excerpt(sentence.text, phrase.start, phrase.end, words_before=5)
            if phrase.future or phrase.role == "target":
                # Plans are announced before their period ends. Plans *for* a period ("for 2026",
                # "in early 2026") are rarely announced more than a year ahead; deadlines ("by",
                # "through the end of March 2026") can be set years ahead, so they only bound from above.
                prep = (phrase.fields.get("prep") or "").lower()
                deadline = prep in ("by", "until", "till", "through", "before") or re.search(
                    r"(?i)\b(?:by|until|through|till|before)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                    sentence.text[max(0, phrase.start - 30) : phrase.start],
                )
                earliest = date.min if deadline else date(start.year - 1, 1, 1)
                constraints.append(Constraint(earliest, end, f"plans '{quote}' (weak clue)", strong=False))
            elif phrase.role == "event" and resolved.precision in ("day", "week", "month"):
                # Bare years are left out: "a busy 2026" is as often a plan as a past.
                constraints.append(Constraint(start, date(9999, 12, 31), f"'{quote}' already happened (weak clue)", strong=False))
    return constraints


def _describe(start: date, end: date, precision: str) -> str:
    if start == end:
        return format_day(start)
    if precision == "month" and start.month == end.month and start.year == end.year:
        return f"{calendar.month_abbr[start.month]} {start.year}"
    return f"{format_day(start)}–{format_day(end)}"


def _month_label(day: date) -> str:
    return f"{calendar.month_abbr[day.month]} {day.year}"


def infer_publication_date(
    article: Article,
    anchors: AnchorIndex,
    page_figures: dict[str, set[str]] | None = None,
    rare_names: frozenset[str] = frozenset(),
) -> PublishedDate | None:
    """The inferred publication date of one undated article, or None when nothing dates it.

    `page_figures` (source file -> its figures) lets coarse phrases match across languages;
    `rare_names` (names few pages print) let a bare weekday match a dated event.
    """
    elapsed = _elapsed_constraints(article, anchors)
    strong = (
        _strong_constraints(article, anchors)
        + _mark_constraints(article, anchors, page_figures or {}, rare_names)
        + [c for c in elapsed if c.strong]
    )
    if not strong:
        return None
    earliest, latest = date.min, date.max
    used: list[str] = []
    for constraint in strong + [c for c in elapsed if not c.strong] + _weak_constraints(article):
        low, high = max(earliest, constraint.earliest), min(latest, constraint.latest)
        if low > high:  # disagrees with stronger evidence: ignored
            continue
        if (low, high) != (earliest, latest) or constraint.strong:
            used.append(constraint.explanation)
        earliest, latest = low, high
    weekday = _lead_weekday(article)
    if weekday is not None and (latest - earliest).days < 7:
        # Within one week, a wire lead's bare weekday ("said on Monday") is the page's day or the
        # day before it: the page is from that day or the next.
        days = [earliest + timedelta(days=n) for n in range((latest - earliest).days + 1)]
        matching = [day for day in days if _lead_day_or_next(weekday, day)]
        if matching:
            earliest, latest = matching[0], matching[-1]
            used.append(f"the lead says '{calendar.day_name[weekday]}', the page's day or the one before")
    # One day left is a day (the evidence pins it); anything wider is at least a week, never a day.
    precision = "day" if earliest == latest else precision_for_span(earliest, latest, "week")
    middle = earliest + (latest - earliest) / 2
    if precision in ("day", "week"):
        date_text = iso(middle)
    elif precision == "month":
        date_text = f"{middle.year:04d}-{middle.month:02d}"
    else:
        # The year holding most of the interval; earliest/latest keep the full range.
        per_year: dict[int, int] = {}
        day = earliest
        while day <= latest:
            year_end = min(date(day.year, 12, 31), latest)
            per_year[day.year] = (year_end - day).days + 1
            day = year_end + timedelta(days=1)
        # Near-ties (within ~2 weeks) go to the later year: phrases such as "last June" are
        # mostly written in the calendar year after the month they name.
        most = max(per_year.values())
        date_text = str(max(year for year, days in per_year.items() if days >= most - 15))
    when = f"on {format_day(earliest)}" if earliest == latest else f"between {_month_label(earliest)} and {_month_label(latest)}"
    clue = f"published {when} (inferred): " + "; ".join(used)
    return PublishedDate(
        date=date_text, precision=precision, stated=False, clue=clue, earliest=iso(earliest), latest=iso(latest)
    )


@dataclass
class CollectionEvidence:
    """What the collection tells about one undated page: the events its pages date by themselves
    (`anchors`), each anchor page's figures, how many pages print each name (and how many pages
    there are), and the span of its stated days. Built from every page (`collection_evidence`), or
    read back from the store and extended by added pages (`lib.ingest.inferred_dates_state`)."""

    anchors: AnchorIndex
    page_figures: Mapping[str, set[str]]
    name_pages: Mapping[str, int]
    pages: int
    span: tuple[date, date] | None

    def rare_names(self) -> frozenset[str]:
        """The names few of the pages print (see RARE_NAME_SHARE)."""
        most = max(2, int(self.pages * RARE_NAME_SHARE))
        return frozenset(name for name, count in self.name_pages.items() if count <= most)


def collection_evidence(articles: list[Article]) -> CollectionEvidence:
    """The evidence of every page of `articles` (in the collection's order, which ranks equal anchors)."""
    anchors = AnchorIndex(_anchors(articles))
    page_marks = {article.source_file: _page_marks(article) for article in articles}
    page_figures = {name: {mark for mark in marks if mark.startswith("#")} for name, marks in page_marks.items()}
    return CollectionEvidence(anchors, page_figures, name_page_counts(page_marks.values()), len(page_marks), _collection_span(articles))


def page_evidence(article: Article) -> tuple[list[Anchor], frozenset[str]]:
    """What one page adds to its collection's evidence: the events it dates by itself (its anchors,
    as `collection_evidence` finds them) and its marks (figures such as "#1500", and names)."""
    return _anchors([article]), _page_marks(article)


def infer_publication_dates(articles: list[Article]) -> list[Article]:
    """The same articles in the same order; undated ones get an inferred date when the corpus allows.

    Stated dates (and already-known ones) are returned untouched.
    """
    if not any(article.published.precision == "unknown" for article in articles):
        return list(articles)  # nothing to infer (a page with only a day and month is "unknown" too)
    return dated_by(articles, collection_evidence(articles))


def dated_by(articles: list[Article], evidence: CollectionEvidence) -> list[Article]:
    """`articles` in the same order, each undated one with the date `evidence` gives it (if any)."""
    rare_names = evidence.rare_names() if any(article.published.precision == "unknown" for article in articles) else frozenset()
    return [infer_with(article, evidence, rare_names) for article in articles]


def infer_with(article: Article, evidence: CollectionEvidence, rare_names: frozenset[str] | None = None) -> Article:
    """`article` with the date the collection's `evidence` gives it when its page prints none
    (unchanged otherwise). `rare_names`: `evidence.rare_names()`, when computed once for many pages."""
    if article.published.precision != "unknown":
        return article
    if rare_names is None:
        rare_names = evidence.rare_names()
    try:
        inferred = infer_publication_date(article, evidence.anchors, evidence.page_figures, rare_names)
        if article.published.day_month:
            placed = place_day_month(article, inferred, evidence.span)
            if placed is None and inferred is not None and _conflicts(article.published.day_month, inferred):
                # The page's own day and the collection's interval cannot both hold: say unknown.
                _LOG.info("publication date of %s: %s conflicts with %s", article.source_file, article.published.clue, inferred.clue)
                inferred = None
            else:
                inferred = placed or inferred
    except (ValueError, OverflowError) as error:
        # Calendar arithmetic out of range on an odd text: the date stays unknown, loudly.
        _LOG.warning("publication date of %s not inferred: %s", article.source_file, error)
        inferred = None
    return replace(article, published=inferred) if inferred is not None else article


# A name printed by at most this share of a collection's pages (and by at least two: the
# page and the one that dates the event) tells one event from another; a head of state every page names does not.
RARE_NAME_SHARE = 0.1


def name_page_counts(page_marks) -> Counter[str]:
    """How many pages print each capitalised name (transliterated, see `_marks`), from each page's
    marks (`_page_marks`)."""
    pages_with: Counter[str] = Counter()
    for marks in page_marks:
        pages_with.update(mark for mark in marks if not mark.startswith("#"))
    return pages_with


def _collection_span(articles: list[Article]) -> tuple[date, date] | None:
    """First and last stated publication day of the collection (two stated days at least), or None."""
    days = sorted(
        parse_iso(article.published.date)
        for article in articles
        if article.published.stated and article.published.precision == "day" and article.published.date
    )
    return (days[0], days[-1]) if len(days) >= 2 else None


def place_day_month(article: Article, inferred: PublishedDate | None, span: tuple[date, date] | None) -> PublishedDate | None:
    """A day and month printed without a year ("SEOUL, Oct 23 (Yonhap) –"), placed in the one year the evidence allows.

    The evidence: the interval inferred from the collection's anchors (if any), the page's
    own past events (it cannot be older than what it reports), and the span of the
    collection's stated dates (the pages of one story). When exactly one occurrence of
    the day fits them all, the page gets that day (never "stated"); otherwise None.
    """
    month_text, day_text = article.published.day_month.rsplit("-", 1)
    month = int(month_text.strip("-")) if month_text.strip("-") else None  # "--23": the day of the month only
    day_number = int(day_text)
    low, high = date(1990, 1, 1), date(2099, 12, 31)
    reasons = []
    if inferred is not None and inferred.earliest and inferred.latest:
        low, high = max(low, parse_iso(inferred.earliest)), min(high, parse_iso(inferred.latest))
        reasons.append(inferred.clue)
    past = [c for c in _weak_constraints(article) if c.latest == date(9999, 12, 31)]
    if past:
        latest_event = max(past, key=lambda c: c.earliest)
        if latest_event.earliest > low:
            low = latest_event.earliest
            reasons.append(latest_event.explanation.replace(" (weak clue)", ""))
    fits = [day for day in _occurrences(month, day_number, low, high)]
    if len(fits) > 1 and span is not None:
        # A story's undated pages fall near its dated ones, not exactly inside them: a margin of
        # SPAN_MARGIN_DAYS each side keeps a page written just after the last dated one ambiguous.
        near = [day for day in fits if span[0] - timedelta(days=SPAN_MARGIN_DAYS) <= day <= span[1] + timedelta(days=SPAN_MARGIN_DAYS)]
        if near:
            fits = near
            reasons.append(f"the collection's dated pages run {format_day(span[0])}–{format_day(span[1])}")
    narrowed = False
    printed = printed_weekdays(article.published.clue) if article.published.clue.endswith("(printed without a year)") else set()
    if len(fits) > 1 and len(printed) == 1:
        # The date line's own weekday ("Samstag, 29. März") is that day's: it keeps the years in which it falls so.
        weekday = next(iter(printed))
        fits = [day for day in fits if day.weekday() == weekday]
        narrowed = True
        reasons.append(f"the date line's '{calendar.day_name[weekday]}' falls on that day in that year")
    if len(fits) > 1 and not narrowed:
        # A wire lead's bare weekday ("said on Wednesday") is the dateline's day or the day before:
        # it keeps only the years in which that day falls on such a weekday.
        weekday = _lead_weekday(article)
        if weekday is not None:
            matching = [day for day in fits if _lead_day_or_next(weekday, day)]
            if matching and len(matching) < len(fits):
                fits = matching
                narrowed = True
                reasons.append(f"the lead says '{calendar.day_name[weekday]}', which that day (or the one before) was")
    if narrowed and past and len(fits) > 1 and fits[0] - low <= timedelta(days=NEWS_AFTER_EVENT_DAYS) and low == latest_event.earliest:
        # The years a weekday leaves are five or more apart; a page reports its news within the
        # year of the latest dated event it tells of ("adopted the bill on March 4, 2025"):
        # the first fitting day after that event is the page's.
        fits = fits[:1]
        reasons.append("the first such day after it")
    if len(fits) != 1:
        return None
    day = fits[0]
    clue = f"{article.published.clue.replace(' (printed without a year)', '')}, in {day.year} (inferred): " + "; ".join(reasons)
    return PublishedDate(date=iso(day), precision="day", stated=False, clue=clue, earliest=iso(day), latest=iso(day))


def _lead_weekday(article: Article) -> int | None:
    """The weekday (0 = Monday) of the lead's first bare weekday phrase ("said on Wednesday"), or None.

    The lead is the first sentence, or the sentence that opens with a wire dateline ("SEOUL: ...")
    when a pasted page puts other paragraphs above it."""
    leads = list(article.sentences[:1]) + [s for s in article.sentences[1:] if opens_with_dateline(s.text)][:1]
    for sentence in leads:
        for phrase in _date_phrases(sentence.text, sentence.language or article.language):
            if _is_bare_weekday(phrase):
                return list(calendar.day_name).index(phrase.fields["weekday"])
    return None


def _is_bare_weekday(phrase: DatePhrase) -> bool:
    """"on Monday", "Monday": a weekday with no "last"/"next" (the most recent such day in news style)."""
    return phrase.kind == "weekday" and (phrase.fields.get("mod") or "").strip().lower() in ("", "on")


def _lead_day_or_next(weekday: int, day: date) -> bool:
    """Whether a page of `day` can be one whose lead reports `weekday`: a wire lead's bare weekday
    ("said on Wednesday") is the page's day or the day before it."""
    return weekday in (day.weekday(), (day - timedelta(days=1)).weekday())


def _conflicts(day_month: str, inferred: PublishedDate) -> bool:
    """No day of `day_month` ("MM-DD" or "--DD") falls inside the inferred interval."""
    if not (inferred.earliest and inferred.latest):
        return False
    month_text, day_text = day_month.rsplit("-", 1)
    month = int(month_text.strip("-")) if month_text.strip("-") else None
    return not _occurrences(month, int(day_text), parse_iso(inferred.earliest), parse_iso(inferred.latest))


def _occurrences(month: int | None, day_number: int, low: date, high: date) -> list[date]:
    """Days `day_number` of `month` (of every month when None) between low and high."""
    found = []
    for year in range(low.year, high.year + 1):
        for month_number in [month] if month else range(1, 13):
            try:
                day = date(year, month_number, day_number)
            except ValueError:
                continue
            if low <= day <= high:
                found.append(day)
    return found
