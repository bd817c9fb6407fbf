"""Event dates: resolve the date phrases of one sentence against the article's publication date.

Guarantees:

* Every resolved date is an interval (`start`..`end`, ISO days) that the thing
  dated certainly falls in, with a `precision` (day|week|month|year) that is
  never finer than the interval allows, and a `clue` holding the exact words
  of the sentence that dated it (`sentence[char_start:char_end] == clue`).
* Relative phrases ("on Wednesday", "last week", "last June", "nearly four
  years ago", "earlier this month", "overnight") are resolved against the
  article's *publication* date, never the machine clock. When the publication
  date is itself uncertain (precision week/month/year, or an earliest..latest
  interval) the phrase is resolved against both ends and the union is
  returned, so a weekday in an article of unknown day becomes a span, never a
  made-up day. With no publication date at all, relative phrases resolve to
  nothing; explicit dates ("June 19, 2024", "February 2022") still resolve.
* Not dates: "may"/"May" as a verb or in a name ("Theresa May"), "March" inside
  a name ("Marchenko"), percentages, counts ("25,000", "2000 troops"),
  money ("$2024"), and "20-year" style compounds.

Candidates are found with regular expressions because dateparser's own
`search_dates` matches "may", "March" and bare numbers inside ordinary words.
Explicit calendar dates are then parsed by dateparser (`languages=["en"]`,
fixed `RELATIVE_BASE`). Weekdays, "last <month>", parts of years and
week/month/year-relative phrases use calendar arithmetic here, because
dateparser misreads them: "Thursday" in a Thursday article becomes the week
before, "last June" and "early 2026" return None, "last week" returns a single
day, and "IST" is read as Israel time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Literal

from lib.core.models import PublishedDate
from lib.text import date_languages

Precision = Literal["day", "week", "month", "year"]
Role = Literal["event", "since", "target"]

_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: index for index, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
    "several": 3,
}

# Month names are matched case-sensitively (capital first letter) so "may" the
# verb never matches; full names first so "June" wins over "Jun".
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\.(?=\s*\d))?(?![A-Za-z])"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:'s)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d%-])(?![.,]\d)(?!\s?(?:per ?cent|percent))"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_NUM = r"(?P<num>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_QUAL = r"(?:(?P<qual>nearly|almost|about|around|roughly|some|approximately|more than|over|less than|just over|just under|under)\s+)?"
_PREP = r"(?:(?P<prep>(?i:on|in|since|by|until|till|through|throughout|during|from|for|before|after|of|at))\s+)?"

# (kind, pattern) in priority order: earlier kinds win overlapping text.
_RANGE_DASH = r"\s*(?:-|–|—|to|and|through)\s*"
_FIRST = r"(?P<first>[0-3]?\d)(?:st|nd|rd|th)?"
_LAST = r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(_PREP + r"\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b")),
    # Day ranges ("23-25 March 2025", "March 23-25", "between 10 and 12 June"): the interval of days.
    ("dmy", re.compile(_PREP + r"\b" + _FIRST + _RANGE_DASH + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)),
    ("mdy", re.compile(_PREP + r"\b" + _MONTH + r"\s+" + _DAY + r"\s*(?:-|–|—|to|through)\s*" + _LAST + r",?\s+" + _YEAR)),
    ("dm", re.compile(_PREP + r"\b" + _FIRST + _RANGE_DASH + _DAY + r"\s+(?:of\s+)?" + _MONTH)),
    ("md", re.compile(_PREP + r"\b" + _MONTH + r"\s+" + _DAY + r"\s*(?:-|–|—|to|through)\s*" + _LAST + r"(?![\d:])(?!,?\s+(?:19|20)\d{2})")),
    # Counted from the date before it in the text ("Kim ratified it two days later", "the next day").
    ("later", re.compile(
        r"(?i:\b(?:" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?:later|afterwards?)"
        # "12 minutes later", "hours later", "an hour afterwards": within hours of the date before it.
        r"|(?:(?P<hnum>\d+|a few|several|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
        r"(?P<hunit>minute|hour)s?\s+(?:later|afterwards?)"
        r"|the\s+(?:next|following)\s+(?P<unit2>day|week|month|year|morning|evening|night)"
        r"|(?P<same>(?:on\s+)?the\s+same\s+day|(?:later|earlier)\s+that\s+day)"
        r"|(?P<before>the\s+(?:previous|preceding)\s+day|the\s+day\s+before))\b)")),
    ("mdy", re.compile(_PREP + r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    ("dmy", re.compile(_PREP + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)),
    ("part_year", re.compile(
        r"(?i:(?:(?P<prep>in|since|by|until|through|during|for|from|before|after)\s+)?(?:the\s+)?)"
        r"(?P<part>(?i:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|"
        r"the first half of|first half of|the second half of|second half of|the middle of|middle of))"
        r"[\s-]+" + _YEAR)),
    ("part_month", re.compile(
        r"(?i:(?:(?P<prep>in|since|by|until|through|during|from)\s+)?)"
        r"(?P<part>(?i:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of))"
        r"[\s-]+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?")),
    ("my", re.compile(_PREP + r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR)),
    ("md", re.compile(_PREP + r"\b" + _MONTH + r"\s+" + _DAY + r"(?![\d:])(?!,?\s+(?:19|20)\d{2})")),
    ("dm", re.compile(_PREP + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH)),
    ("rel_month_name", re.compile(r"\b(?P<mod>(?i:last|next|this|past))\s+" + _MONTH)),
    ("month_rel_year", re.compile(
        _PREP + r"\b" + _MONTH + r"\s+(?:of\s+)?(?P<mod>(?i:last|this|next|the previous|the following))\s+year\b")),
    ("month_only", re.compile(
        r"\b(?P<prep>in|since|by|until|till|through|during|from|before|after|early in|late in)\s+" + _MONTH
        + r"(?!\s*\d)")),
    ("rel_unit", re.compile(
        r"\b(?P<mod>(?i:last|next|this|past|the past|the previous|previous|the coming|coming|"
        r"earlier this|later this|early this|late this|earlier last|late last|early last|earlier in the|later in the))\s+"
        r"(?P<unit>week|month|year)\b(?!-)")),
    ("ago", re.compile(r"(?i:\b" + _QUAL + _NUM + r"\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b)")),
    ("dayword", re.compile(
        r"(?i:\b(?P<word>earlier today|later today|this morning|this afternoon|this evening|today|tonight|"
        r"yesterday|last night|overnight|tomorrow|(?:over|at|during) the weekend|(?:last|this|the past) weekend|"
        r"(?:in|over|during) (?:recent|the (?:past|last) (?:few|several)) (?:days|weeks))\b)")),
    ("weekday", re.compile(
        r"(?:\b(?P<mod>(?i:on|last|next|this|from|since|until|by|early on|late on|before|after)\s+)?)"
        r"\b" + _WEEKDAY + r"(?:\s+(?P<daypart>morning|afternoon|evening|night))?\b")),
    ("year", re.compile(
        r"(?:\b(?P<prep>in|since|by|until|till|through|during|for|from|before|after|of|fiscal|FY)\s+"
        r"(?:(?:a|the)\s+(?:\w+\s+)?)?)?(?<![\d$¥€£#.,-])\b" + _YEAR
        + r"(?!\s+(?:troops|soldiers|people|workers|drones|missiles|shells|units|km|kilometres|tonnes|tons|"
        r"dollars|yen|won|rubles|roubles|euros|officers|men|women|members|cases|votes|seats)\b)")),
]

_FUTURE = re.compile(
    r"(?i)\b(will|won't|shall|'ll|is to|are to|plans? to|planning to|is planning|are planning|scheduled|"
    r"expected to|set to|going to|upcoming|intends? to|aims? to|would)\b"
)
_TARGET_PREPS = {"for", "by", "until", "till", "through", "before"}


@dataclass(frozen=True)
class ResolvedDate:
    """One date phrase of a sentence, resolved to an interval.

    `role` says what the phrase dates: "event" (when something happened or is
    planned), "since" (the start of a lasting state: "since June"), or
    "target" (a deadline or plan horizon: "for 2026", "by March 2026").
    `relative` is True when the result depends on the publication date.
    `future` is True when the phrase sits in a clause about the future.
    """

    start: str
    end: str
    precision: Precision
    clue: str
    char_start: int
    char_end: int
    role: Role
    relative: bool
    future: bool
    kind: str


@dataclass(frozen=True)
class DatePhrase:
    """A date expression found in a sentence, not yet resolved."""

    kind: str
    text: str
    start: int
    end: int
    fields: dict
    role: Role
    future: bool

    @property
    def relative(self) -> bool:
        return self.kind not in ("iso", "mdy", "dmy", "my", "part_year", "year") and not (
            self.kind == "part_month" and self.fields.get("year")
        )


# -- calendar helpers --------------------------------------------------------------
def iso(day: date) -> str:
    return day.isoformat()


def parse_iso(text: str) -> date:
    return date.fromisoformat(text)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def precision_for_span(start: date, end: date, at_least: str = "day") -> Precision:
    """The finest precision an interval honestly supports (never finer than `at_least`)."""
    days = (end - start).days + 1
    width = "day" if days <= 2 else "week" if days <= 10 else "month" if days <= 45 else "year"
    return max(width, at_least, key=_PRECISION_ORDER.__getitem__)  # type: ignore[return-value]


def reference_interval(published: PublishedDate | None) -> tuple[date, date] | None:
    """The days the article was certainly published in, or None when unknown."""
    if published is None or published.precision == "unknown" or not published.date:
        if published is not None and published.earliest and published.latest:
            return parse_iso(published.earliest), parse_iso(published.latest)
        return None
    if published.earliest and published.latest:
        return parse_iso(published.earliest), parse_iso(published.latest)
    parts = published.date.split("-")
    if len(parts) == 3:
        day = parse_iso(published.date)
        if published.precision == "week":
            return day - timedelta(days=3), day + timedelta(days=3)
        return day, day
    if len(parts) == 2:
        return month_bounds(int(parts[0]), int(parts[1]))
    return date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31)


# Past forms that show a clause is about the past ("expressed", "began"); a participle after
# "be"/"been"/"to" ("expected to be unveiled") or inside a compound adjective ("the worst-hit islands",
# "long-awaited") does not count.
_PAST_VERB = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bto )(?<![\w-])(?:[a-z]+ed|said|told|met|sent|began|held|struck|hit|went|came|took|made|"
    r"gave|saw|fought|shot|flew|led|left|won|lost|spoke|wrote|broke|knew|thought|brought|bought|sold)\b"
)


# A past perfect ("had confirmed", "had risen") or a count passing a mark ("rose", "passed", "topped")
# in the clause of "by <day>" tells what was reached by then; a promise, a pledge or a plan ("had
# promised to deliver by Friday") keeps "by" a deadline.
_REACHED = re.compile(
    r"(?i)\bhad\s+(?:already\s+)?(?:\w+ed|\w+en|risen|grown|found|brought|made|sent|put)\b"
    r"|\b(?:rose|climbed|passed|topped|reached|exceeded|surpassed)\b"
)
_PROMISED = re.compile(r"(?i)\b(?:promised|pledged|agreed|vowed|planned|expected|hoped|aimed|wanted|intended|scheduled|ordered|asked|urged|to\s+be)\b")
_REACHED_BY_KINDS = ("weekday", "md", "dm", "dayword")


def _reached_by(sentence: str, start: int, end: int) -> bool:
    """Whether the clause of a "by <day>" phrase tells what was reached by then (see `_REACHED`)."""
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    clause = sentence[clause_start:clause_end]
    return bool(_REACHED.search(clause)) and not _PROMISED.search(clause)


def _phrase_is_future(sentence: str, start: int, end: int) -> bool:
    """Whether the verb a date phrase belongs to is in the future.

    Looks at the phrase's own clause: the nearest tense marker before the
    phrase decides ("will visit in January"); with none before it, the first
    one after it ("on Thursday expressed concern that cooperation will be
    deepened" is past: "expressed" comes first).
    """
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    before = sentence[clause_start:start]
    after = sentence[end:clause_end]
    last_future = max((m.end() for m in _FUTURE.finditer(before)), default=-1)
    last_past = max((m.end() for m in _PAST_VERB.finditer(before)), default=-1)
    if last_future >= 0 or last_past >= 0:
        return last_future > last_past
    next_future = next((m.start() for m in _FUTURE.finditer(after)), None)
    next_past = next((m.start() for m in _PAST_VERB.finditer(after)), None)
    if next_future is None:
        return False
    return next_past is None or next_future < next_past


def is_future(text: str) -> bool:
    """True when the clause talks about something still to come ("will meet", "is to visit")."""
    return bool(_FUTURE.search(text))


# -- finding phrases ------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|whereas|but|and|where|which|who|as|after|before|when)\b|\s+while\s+")


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause holding [start, end): between the nearest clause breaks."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


_HAS_DIGIT = re.compile(r"\d")
_HAS_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")")
_HAS_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_HAS_PART = re.compile(r"(?i)\b(?:early|mid|late|end|beginning|start|half|middle)\b")
_HAS_UNIT = re.compile(r"(?i)\b(?:week|month|year)\b")
_HAS_LATER = re.compile(r"(?i)\b(?:later|afterwards?|next|following|same\s+day|previous\s+day|preceding\s+day|day\s+before)\b")
_HAS_DAYWORD = re.compile(r"(?i)\b(?:today|tonight|yesterday|night|overnight|tomorrow|morning|afternoon|evening|weekend|days|weeks)\b")


def _kinds_worth_trying(sentence: str) -> set[str]:
    """Cheap pre-checks so the full patterns only run where they can match (keeps corpus loads fast)."""
    digit = bool(_HAS_DIGIT.search(sentence))
    month = bool(_HAS_MONTH.search(sentence))
    kinds = set()
    if digit:
        kinds |= {"iso", "year"}
        if month:
            kinds |= {"mdy", "dmy", "my", "md", "dm"}
        if _HAS_PART.search(sentence):
            kinds.add("part_year")
    if month:
        kinds |= {"rel_month_name", "month_only", "month_rel_year"}
        if _HAS_PART.search(sentence):
            kinds.add("part_month")
    if _HAS_UNIT.search(sentence):
        kinds |= {"rel_unit", "ago"}
    elif " ago" in sentence.lower():
        kinds.add("ago")
    if _HAS_WEEKDAY.search(sentence):
        kinds.add("weekday")
    if _HAS_DAYWORD.search(sentence):
        kinds.add("dayword")
    if _HAS_LATER.search(sentence):
        kinds.add("later")
    return kinds


@lru_cache(maxsize=4096)
def find_date_phrases(sentence: str, language: str | None = None) -> tuple[DatePhrase, ...]:
    """Every date expression in `sentence`, left to right, non-overlapping.

    `language` (ISO 639-1, e.g. the sentence's detected language) adds that
    language's grammar (ja ko zh ru uk de fr th es it pt ar, see `date_languages`) before
    the English one; "en" reads English only; without a language (or with one
    the grammar lacks) the script decides (kana, hangul, Thai, Arabic, Han, Cyrillic),
    and Latin-script text is read as English.
    """
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    if language in date_languages.LANGUAGES:
        grammar = language
    else:  # "en" is English only; no language (or one the grammar lacks) lets the script decide
        grammar = None if language == "en" else date_languages.script_language(sentence)
    if grammar:
        for kind, start, end, fields in date_languages.find_phrases(sentence, grammar):
            role = date_languages.role_of(sentence, start, end, grammar)
            mod = fields.get("mod", "")
            # Japanese and Korean put the verb at the end of the sentence, Thai has no marks between clauses:
            # the whole sentence; Chinese puts the verb right after the date, in its comma clause
            # ("13日晚达成协议，工资将上涨6.5%": the deal is past; the "将" is the pay rise's).
            clause = _chinese_clause_of(sentence, start, end) if grammar == "zh" else (
                sentence if grammar in ("ja", "ko", "th") else _clause_of(sentence, start, end))
            future = (date_languages.is_future(clause, grammar) or mod in ("next", "next week")) and mod not in ("last", "last week")
            if role == "target" and not future and kind in _REACHED_BY_KINDS and date_languages.reached_by(clause, grammar):
                role = "event"  # "Bis Sonntagabend bestätigte die Küstenwache 52 Todesopfer": that Sunday
            taken.append((start, end))
            found.append(DatePhrase(kind, sentence[start:end], start, end, fields, role, future))
    worth_trying = _kinds_worth_trying(sentence)
    for kind, pattern in _PATTERNS:
        if kind not in worth_trying:
            continue
        for match in pattern.finditer(sentence):
            start, end = match.span()
            text = match.group()
            # Trim whitespace captured at the edges so the clue is exact words.
            stripped = text.strip()
            start += len(text) - len(text.lstrip())
            end = start + len(stripped)
            if not stripped or any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            # Group values without the spaces a pattern captured around them ("last " -> "last").
            fields = {key: " ".join(value.split()) for key, value in match.groupdict().items() if value and value.strip()}
            if kind == "weekday" and not _weekday_is_date(sentence, match):
                continue
            if kind == "year" and not (_year_is_date(sentence, match) and _year_in_its_language(sentence, match, grammar)):
                continue
            prep = (fields.get("prep") or fields.get("mod") or "").lower()
            future = _phrase_is_future(sentence, start, end) or prep in ("next",) or fields.get("mod", "").lower() in (
                "next", "the coming", "coming", "later this")
            role: Role = "event"
            if prep == "since" or _inside_since_phrase(sentence, start):
                role = "since"
            elif prep == "by" and not future and kind in _REACHED_BY_KINDS and _reached_by(sentence, start, end):
                # "By Sunday evening, the agency had confirmed 112 deaths": what was reached by that (past)
                # day, read like "on Sunday", not a deadline.
                fields = {key: value for key, value in fields.items() if key not in ("prep", "mod")}
            elif prep in _TARGET_PREPS or (prep == "of" and kind in ("year", "my")):
                role = "target"
            elif kind in ("part_year", "year") and _preceded_by(sentence, start, ("for", "by", "through", "until", "the end of")):
                role = "target"
            if role == "event" and grammar:
                # A year or date the English patterns found in another language's sentence takes that language's
                # "since"/"until" words ("seit 2014", "с 2014 года", "depuis 2014", "منذ 2014").
                role = date_languages.role_of(sentence, start, end, grammar)  # type: ignore[assignment]
            taken.append((start, end))
            found.append(DatePhrase(kind, stripped, start, end, fields, role, future))
    return tuple(_without_weekdays_of_dates(sorted(found, key=lambda phrase: phrase.start), sentence))


_DAY_KINDS = ("md", "dm", "mdy", "dmy", "dom", "iso", "rel_dom")
# What may stand between a weekday and the date it names ("Friday, March 28", "vendredi 28 mars",
# "Freitag, den 28. März", "28日(金)").
_WEEKDAY_GAP = re.compile(r"^[\s,.()（）、]*(?:(?:the|le|den|dem|der)\s+)?$", re.IGNORECASE)


def _without_weekdays_of_dates(phrases: list[DatePhrase], sentence: str) -> list[DatePhrase]:
    """A weekday written next to the day it names ("Friday, March 28", "vendredi 28 mars", 「28日（金）」)
    is part of that date, not a second one: only the day is kept."""
    kept = []
    named: dict[int, str] = {}  # index of a day phrase -> the weekday written beside it
    for index, phrase in enumerate(phrases):
        if phrase.kind == "weekday":
            after = phrases[index + 1] if index + 1 < len(phrases) else None
            before = phrases[index - 1] if index else None
            if after is not None and after.kind in _DAY_KINDS and _WEEKDAY_GAP.match(sentence[phrase.end : after.start]):
                named[index + 1] = phrase.fields.get("weekday", "")
                continue
            if before is not None and before.kind in _DAY_KINDS and _WEEKDAY_GAP.match(sentence[before.end : phrase.start]):
                named[index - 1] = phrase.fields.get("weekday", "")
                continue
        kept.append(phrase)
    # The weekday stays known to the day it names ("vendredi 28 mars" without a year is a Friday):
    # read against an uncertain publication, it tells which year's 28 March is meant.
    by_identity = {id(phrases[index]): weekday for index, weekday in named.items() if weekday in WEEKDAYS}
    return [
        DatePhrase(p.kind, p.text, p.start, p.end, {**p.fields, "named_weekday": by_identity[id(p)]}, p.role, p.future)
        if id(p) in by_identity and p.kind in ("md", "dm") else p
        for p in kept
    ]


# A day and month without a year is the occurrence nearest its page: within about half a year of it.
_NEAREST_DAYS = 183


def _pinned_by_weekday(phrase: DatePhrase, reference: tuple[date, date]) -> date | None:
    """The one occurrence of a day-month, written with its weekday ("vendredi 28 mars"), that falls on
    that weekday within half a year of the publication interval (and not after it unless planned)."""
    try:
        month, number = MONTHS[phrase.fields["month"]], int(phrase.fields["day"])
        weekday = WEEKDAYS[phrase.fields["named_weekday"]]
    except (KeyError, ValueError):
        return None
    low, high = reference[0] - timedelta(days=_NEAREST_DAYS), reference[1] + timedelta(days=_NEAREST_DAYS)
    found = []
    for year in range(low.year, high.year + 1):
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if low <= day <= high and day.weekday() == weekday and (phrase.future or day <= reference[1]):
            found.append(day)
    return found[0] if len(found) == 1 else None


# Relative pronouns that open a clause without a comma before them (French, Russian, Ukrainian).
_RELATIVE_OPENER = re.compile(r"(?i)\s(?:qui|que|qu'|qu’|dont|où|котор\w+|як\w{1,2})(?=[\s'’])")


_CHINESE_CLAUSE_MARKS = "，；：,;:"


def _chinese_clause_of(sentence: str, start: int, end: int) -> str:
    """The comma clause of a Chinese sentence holding a date phrase, joined to the next one when it holds
    little more than the phrase ("13日，两国领导人将举行会谈": the date's verb is in the next clause)."""
    left = max(sentence.rfind(mark, 0, start) for mark in _CHINESE_CLAUSE_MARKS) + 1
    marks_after = [position for position in (sentence.find(mark, end) for mark in _CHINESE_CLAUSE_MARKS) if position >= 0]
    right = min(marks_after) if marks_after else len(sentence)
    if len(re.sub(r"[\W\d_]", "", sentence[left:start] + sentence[end:right])) <= 2 and right < len(sentence):
        further = [position for position in (sentence.find(mark, right + 1) for mark in _CHINESE_CLAUSE_MARKS) if position >= 0]
        right = min(further) if further else len(sentence)
    return sentence[left:right]


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The comma-separated clause holding a date phrase, joined to the next one when it is little more than
    the phrase ("Vendredi, le ministre se rendra …"): the words whose tense the phrase takes."""
    left = max(sentence.rfind(mark, 0, start) for mark in ",;:") + 1
    for opener in _RELATIVE_OPENER.finditer(sentence, left, start):
        left = opener.start()  # the phrase sits inside a relative clause: that clause's tense
    right_marks = [position for position in (sentence.find(mark, end) for mark in ",;:") if position >= 0]
    opener = _RELATIVE_OPENER.search(sentence, end)
    if opener:
        right_marks.append(opener.start())
    right = min(right_marks) if right_marks else len(sentence)
    if len(re.findall(r"\w+", sentence[left:start] + " " + sentence[end:right])) < 3 and right < len(sentence):
        further = [position for position in (sentence.find(mark, right + 1) for mark in ",;:") if position >= 0]
        right = min(further) if further else len(sentence)
    return sentence[left:right]


def _inside_since_phrase(sentence: str, start: int) -> bool:
    """True for "since Moscow's invasion of Ukraine nearly four years ago": the date belongs to "since"."""
    before = sentence[max(0, start - 80) : start]
    match = re.search(r"\bsince\b([^,;:]*)$", before, re.IGNORECASE)
    # A verb between "since" and the date means the date belongs to a new clause ("since media
    # reported remarks he made at a party on Sunday": Sunday dates the remarks).
    if not match:
        return False
    between = match.group(1)
    return not (
        re.search(r"\b(?:is|are|was|were|has|have|had|said|says)\b", between)
        or (_PAST_VERB.search(between) and re.search(r"\b(?:he|she|they|it|we|I|media|officials|\w+s)\s+\w+ed\b", between))
        # "since 2010 and whose mandate lapsed at the end of April 2024": "since" took its own date.
        or re.match(r"\s*(?:(?:the\s+)?(?:early|mid|late)\s+)?\d", between)
    )


def _preceded_by(sentence: str, start: int, words: tuple[str, ...]) -> bool:
    before = sentence[max(0, start - 20) : start].lower().rstrip()
    return any(before.endswith(word) for word in words)


def _weekday_is_date(sentence: str, match: re.Match) -> bool:
    # "Black Friday", "Good Friday" or "Bloody Sunday" name days, not dates of this story.
    before = sentence[max(0, match.start() - 8) : match.start()]
    return not re.search(r"(Black|Good|Bloody|Super|Cyber)\s+$", before)


# In a sentence of another language the English prepositions never match, so a bare four-digit number
# followed by a word is a year only next to that language's words for "year" or a preposition of time
# ("в 2024 году", "im Jahr 2024", "en 2024 las exportaciones", "عام 2024"); "2000 человек",
# "2000 Menschen", "2000 شخص" are counts. Grammar words, the same for any text.
_YEAR_WORD_AFTER = re.compile(r"(?i)^\s*(?:год\w*|г\.|році|року|рік|р\.|r\.|م\b|年|년)")
_TIME_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?:^|[\s(«„\"])(?:в|во|с|со|до|после|к|у|з|із|від|після|im|in|seit|bis|vor|nach|ab|jahr|jahres|jahre|en|depuis|dès|"
    r"avant|après|jusqu'en|jusqu’en|l'an|l’an|année|l'année|l’année|desde|hasta|año|del año|nel|dal|fino al|entro il|anno|"
    r"em|até|ano|no ano de|في|منذ|حتى|عام|العام|سنة|لعام)\s*$"
)


def _year_in_its_language(sentence: str, match: re.Match, grammar: str | None) -> bool:
    """True unless a bare year, in a sentence read with another language's grammar, looks like a count."""
    if not grammar or grammar in ("ja", "ko", "zh", "th") or match.group("prep"):
        return True
    after = sentence[match.end("year") :]
    if not re.match(r"\s*[^\W\d_]", after) or _YEAR_WORD_AFTER.match(after):
        return True  # "… en 2024." / "в 2024 году"
    return bool(_TIME_PREPOSITION_BEFORE.search(sentence[max(0, match.start("year") - 20) : match.start("year")]))


def _year_is_date(sentence: str, match: re.Match) -> bool:
    start = match.start("year")
    end = match.end("year")
    before = sentence[max(0, start - 2) : start]
    after = sentence[end : end + 6]
    if re.search(r"[$¥€£]\s?$", before) or re.match(r"\s?(?:%|-|–|per|bn|billion|million|trillion)", after):
        return False
    if re.match(r"'?s\b", after):
        return False  # "the 1950s": a decade, not its first year
    # "2,000" and "12,000" never reach here (the \b and (?![\d,.]) guards); a 4-digit number at
    # the start of a counted phrase ("2000 troops") is rejected by the pattern's lookahead.
    return True


# -- resolving ------------------------------------------------------------------------
@lru_cache(maxsize=2048)
def _dateparser_day(text: str, base: date, prefer: str) -> date | None:
    """Explicit calendar text -> a day, via dateparser with a fixed RELATIVE_BASE."""
    import dateparser  # imported lazily: only explicit calendar dates need it

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


Interval = tuple[date, date, str]  # start, end, natural precision


def _weekday_on_or_before(reference: date, weekday: int, strictly: bool = False) -> date:
    delta = (reference.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return reference - timedelta(days=delta)


def _weekday_on_or_after(reference: date, weekday: int, strictly: bool = False) -> date:
    delta = (weekday - reference.weekday()) % 7
    if strictly and delta == 0:
        delta = 7
    return reference + timedelta(days=delta)


def _month_relative(reference: date, month: int, mode: str) -> tuple[date, date]:
    """The month named, relative to the reference day.

    mode: "recent" (most recent such month, this one included), "upcoming"
    (next such month, this one included), "last" (most recent strictly before
    this month), "next" (first strictly after), "this" (of the same year).
    """
    year = reference.year
    if mode == "this":
        return month_bounds(year, month)
    if mode in ("recent", "last"):
        if month > reference.month or (mode == "last" and month == reference.month):
            year -= 1
        return month_bounds(year, month)
    if month < reference.month or (mode == "next" and month == reference.month):
        year += 1
    return month_bounds(year, month)


def _day_of_month(reference: date, day_number: int, mode: str) -> Interval | None:
    """Day `day_number` of the month nearest the reference: on/before it ("recent") or on/after it ("next").

    CJK and Korean news write a date as the day of the month alone (「23日」, 「30일」).
    """
    first = date(reference.year, reference.month, 1)
    for step in range(3):
        month = add_months(first, -step if mode == "recent" else step)
        if day_number > calendar.monthrange(month.year, month.month)[1]:
            continue
        day = date(month.year, month.month, day_number)
        if (mode == "recent" and day <= reference) or (mode == "next" and day >= reference):
            return day, day, "day"
    return None


def _week_bounds(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _number(text: str) -> float:
    text = text.lower()
    return float(text) if text.isdigit() else float(NUMBER_WORDS.get(text, 1))


def _ago(reference: date, amount: float, unit: str, qualifier: str) -> Interval:
    """"nearly four years ago" -> the interval of days that phrase can mean."""
    months_per = {"month": 1, "year": 12, "decade": 120}
    if qualifier == "a few":
        # "a few days ago", "несколько дней назад", 「数日前」: two to six of them, never one made-up day.
        if unit in ("day", "week"):
            step = 7 if unit == "week" else 1
            return reference - timedelta(days=6 * step), reference - timedelta(days=2 * step), "week" if unit == "day" else "month"
        per = months_per[unit]
        return add_months(reference, -6 * per), add_months(reference, -2 * per), "month" if unit == "month" else "year"
    if unit in ("day", "week"):
        days = amount * (7 if unit == "week" else 1)
        slack = 0 if unit == "day" else 3
        low, high = days - slack, days + slack  # days before the reference
        if qualifier in ("nearly", "almost", "just under", "less than", "under"):
            low, high = max(days - (2 if unit == "day" else 7), 0), days
        elif qualifier in ("more than", "over", "just over"):
            low, high = days, days + (2 if unit == "day" else 7)
        elif qualifier in ("about", "around", "roughly", "some", "approximately"):
            low, high = max(days - (1 if unit == "day" else 4), 0), days + (1 if unit == "day" else 4)
        start, end = reference - timedelta(days=high), reference - timedelta(days=low)
        return start, end, "day" if unit == "day" and low == high else "week"
    per = months_per[unit]
    total = amount * per
    half = per / 2
    low, high = total - half, total + half  # months before the reference
    if qualifier in ("nearly", "almost", "just under", "less than", "under"):
        low, high = total - half, total
    elif qualifier in ("more than", "over", "just over"):
        low, high = total, total + half
    if unit == "month":
        # Counted in days: whole months would round "a month ago" (half a month either side) to two months wide.
        start = reference - timedelta(days=round(high * 30.44))
        end = reference - timedelta(days=round(low * 30.44))
        return start, end, "month"
    start = add_months(reference, -int(round(high)))
    end = add_months(reference, -int(round(low)))
    return start, end, "year"


def _resolve_at(phrase: DatePhrase, reference: date) -> Interval | None:
    """Resolve a relative phrase against one known publication day."""
    fields = phrase.fields
    kind = phrase.kind
    mod = (fields.get("mod") or "").lower()
    if kind in ("md", "dm"):
        text = f"{fields['month']} {int(fields['day'])}"
        if phrase.future:
            day = _dateparser_day(text, reference, "future")
        else:
            # Without a year, a day-month is read as the occurrence nearest the
            # publication day ("an auction on June 24" in a 20 June report is
            # four days ahead, "a push on August 6" in a November report is past).
            candidates = [d for d in (_dateparser_day(text, reference, "past"), _dateparser_day(text, reference, "future")) if d]
            day = min(candidates, key=lambda d: (abs((d - reference).days), d > reference)) if candidates else None
        return (day, day, "day") if day else None
    if kind in ("part_month", "month_only") and fields.get("nearest") and not phrase.future:
        # A month named without a tense the grammar can read (「6月上旬に」 in a 26 May page): the
        # coming one when it starts within two months, else the last one (news mostly looks back).
        recent = _month_relative(reference, MONTHS[fields["month"]], "recent")
        upcoming = _month_relative(reference, MONTHS[fields["month"]], "upcoming")
        start, end = upcoming if upcoming != recent and (upcoming[0] - reference).days <= 62 else recent
        if kind == "part_month":
            start, end = _part_of(start, end, fields["part"])
        return start, end, "month"
    if kind == "part_month":
        start, end = _month_relative(reference, MONTHS[fields["month"]], "upcoming" if phrase.future else "recent")
        start, end = _part_of(start, end, fields["part"])
        return start, end, "month"
    if kind == "month_rel_year":  # "in June last year"
        year = reference.year + {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[mod]
        start, end = month_bounds(year, MONTHS[fields["month"]])
        return start, end, "month"
    if kind == "rel_month_name":
        mode = {"last": "last", "past": "last", "next": "next", "this": "this"}[mod]
        start, end = _month_relative(reference, MONTHS[fields["month"]], mode)
        return start, end, "month"
    if kind == "month_only":
        start, end = _month_relative(reference, MONTHS[fields["month"]], "upcoming" if phrase.future else "recent")
        return start, end, "month"
    if kind == "dom":
        return _day_of_month(reference, int(fields["day"]), "next" if phrase.future or mod == "next" else "recent")
    if kind == "rel_part_month":  # 「先月下旬」: the part of last, this or next month
        month = add_months(date(reference.year, reference.month, 1), {"last": -1, "this": 0, "next": 1}[mod])
        start, end = _part_of(*month_bounds(month.year, month.month), fields["part"])
        if mod == "this" and not phrase.future:
            end = min(end, reference)
            start = min(start, end)
        return start, end, "month"
    if kind == "rel_dom":
        first = date(reference.year, reference.month, 1)
        month = add_months(first, {"last": -1, "this": 0, "next": 1}[mod])
        if int(fields["day"]) > calendar.monthrange(month.year, month.month)[1]:
            return None
        day = date(month.year, month.month, int(fields["day"]))
        return day, day, "day"
    if kind == "weekday":
        weekday = WEEKDAYS[fields["weekday"]]
        if mod in ("last week", "next week", "this week"):
            # 「先週金曜日」, '지난주 화요일', '上周五', '本周一': that weekday of the calendar week before (after, or of) the page's.
            monday = reference - timedelta(days=reference.weekday()) + timedelta(days={"last week": -7, "next week": 7}.get(mod, 0))
            day = monday + timedelta(days=weekday)
        elif mod == "last":
            day = _weekday_on_or_before(reference, weekday, strictly=True)
        elif mod == "next":
            day = _weekday_on_or_after(reference, weekday, strictly=True)
        elif phrase.future or mod in ("until", "by"):
            day = _weekday_on_or_after(reference, weekday)
        else:
            # News style: a bare weekday is the most recent such day, the
            # publication day itself included ("arrived in Kyiv on Saturday"
            # in a Saturday report means that Saturday).
            day = _weekday_on_or_before(reference, weekday)
        if fields.get("eve"):  # "in der Nacht zum Donnerstag": from the evening before
            return day - timedelta(days=1), day, "day"
        return day, day, "day"
    if kind == "dayword":
        word = fields["word"].lower()
        if word in ("yesterday", "last night"):
            day = reference - timedelta(days=1)
            return day, day, "day"
        if word == "overnight":
            return reference - timedelta(days=1), reference, "day"
        if word == "two days ago":
            day = reference - timedelta(days=2)
            return day, day, "day"
        if word == "tomorrow":
            day = reference + timedelta(days=1)
            return day, day, "day"
        if word.endswith(("days", "weeks")):
            # "in recent days", "over the past few weeks": a span ending on the page, never one day.
            span = 6 if word.endswith("days") else 42
            return reference - timedelta(days=span), reference, "week" if span == 6 else "month"
        if "weekend" in word:
            # The last Saturday and Sunday on or before the page (a page of a Saturday: that day alone).
            if phrase.future:  # "will be held this weekend": the coming one
                saturday = _weekday_on_or_after(reference, 5)
                return saturday, saturday + timedelta(days=1), "day"
            saturday = _weekday_on_or_before(reference, 5)
            return saturday, min(saturday + timedelta(days=1), reference), "day"
        return reference, reference, "day"
    if kind == "rel_unit":
        return _resolve_unit(mod, fields["unit"].lower(), reference, phrase.future)
    if kind == "ago":
        vague = (fields.get("num") or "").lower() in ("a few", "several")
        return _ago(reference, _number(fields["num"]), fields["unit"].lower(), "a few" if vague else (fields.get("qual") or "").lower())
    return None


def _resolve_unit(mod: str, unit: str, reference: date, future: bool) -> Interval:
    if unit == "week":
        monday, sunday = _week_bounds(reference)
        if mod in ("last", "the previous", "previous", "earlier last", "early last", "late last"):
            return monday - timedelta(days=7), sunday - timedelta(days=7), "week"
        if mod in ("next", "the coming", "coming"):
            return monday + timedelta(days=7), sunday + timedelta(days=7), "week"
        if mod in ("past", "the past"):
            return reference - timedelta(days=7), reference, "week"
        if mod in ("later this",) or (mod == "this" and future):
            return reference, sunday, "week"
        return monday, reference, "week"  # "this week", "earlier this week"
    if unit == "month":
        first, last = month_bounds(reference.year, reference.month)
        if mod in ("last", "the previous", "previous", "earlier last", "early last", "late last"):
            return (*month_bounds(add_months(first, -1).year, add_months(first, -1).month), "month")
        if mod in ("next", "the coming", "coming"):
            following = add_months(first, 1)
            return (*month_bounds(following.year, following.month), "month")
        if mod in ("past", "the past"):
            return reference - timedelta(days=31), reference, "month"
        if mod in ("later this",) or (mod == "this" and future):
            return reference, last, "month"
        if mod in ("earlier in the",):
            return first, reference, "month"
        return first, reference, "month"  # "this month", "earlier this month"
    year = reference.year
    if mod in ("last", "the previous", "previous", "earlier last", "early last", "late last"):
        return date(year - 1, 1, 1), date(year - 1, 12, 31), "year"
    if mod in ("next", "the coming", "coming"):
        return date(year + 1, 1, 1), date(year + 1, 12, 31), "year"
    if mod in ("past", "the past"):
        return reference - timedelta(days=366), reference, "year"
    if mod in ("later this",) or (mod == "this" and future):
        return reference, date(year, 12, 31), "year"
    if mod == "this":
        return date(year, 1, 1), date(year, 12, 31), "year"
    return date(year, 1, 1), reference, "year"  # "earlier this year"


def _part_of(start: date, end: date, part: str) -> tuple[date, date]:
    """"early"/"mid"/"late"/"end of" a month or year: the matching third of it."""
    part = part.lower().replace("the ", "")
    total = (end - start).days + 1
    third = total // 3
    if part in ("early", "beginning of", "start of"):
        return start, start + timedelta(days=third - 1)
    if part in ("mid", "middle of"):
        return start + timedelta(days=third), end - timedelta(days=third)
    if part in ("late",):
        return end - timedelta(days=third - 1), end
    if part == "end of":
        return end - timedelta(days=max(total // 6, 1) - 1), end
    if part == "first half of":
        return start, start + timedelta(days=total // 2 - 1)
    if part == "second half of":
        return start + timedelta(days=total // 2), end
    return start, end


def _resolve_absolute(phrase: DatePhrase) -> Interval | None:
    fields = phrase.fields
    kind = phrase.kind
    try:
        if kind == "iso":
            day = parse_iso(fields["iso"])
            return day, day, "day"
        if kind in ("mdy", "dmy"):
            text = f"{fields['month']} {int(fields['day'])} {fields['year']}"
            day = _dateparser_day(text, date(2000, 1, 1), "past")
            return (day, day, "day") if day else None
        if kind == "my":
            start, end = month_bounds(int(fields["year"]), MONTHS[fields["month"]])
            return start, end, "month"
        if kind == "part_month" and fields.get("year"):
            start, end = month_bounds(int(fields["year"]), MONTHS[fields["month"]])
            start, end = _part_of(start, end, fields["part"])
            return start, end, "month"
        if kind == "part_year":
            year = int(fields["year"])
            start, end = _part_of(date(year, 1, 1), date(year, 12, 31), fields["part"])
            return start, end, "year"
        if kind == "year":
            year = int(fields["year"])
            return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:  # impossible calendar day such as "Feb 30, 2024"
        return None
    return None


def resolve_phrase(phrase: DatePhrase, reference: tuple[date, date] | None) -> ResolvedDate | None:
    """One phrase -> interval, inheriting the uncertainty of the publication interval."""
    if phrase.relative:
        if reference is None:
            return None
        pinned = _pinned_by_weekday(phrase, reference) if phrase.fields.get("named_weekday") and reference[0] != reference[1] else None
        if pinned is not None:
            return ResolvedDate(
                start=iso(pinned), end=iso(pinned), precision="day", clue=phrase.text, char_start=phrase.start,
                char_end=phrase.end, role=phrase.role, relative=True, future=phrase.future, kind=phrase.kind,
            )
        first = _resolve_at(phrase, reference[0])
        last = _resolve_at(phrase, reference[1]) if reference[1] != reference[0] else first
        if first is None or last is None:
            return None
        start, end = min(first[0], last[0]), max(first[1], last[1])
        natural = first[2]
    else:
        absolute = _resolve_absolute(phrase)
        if absolute is None:
            return None
        start, end, natural = absolute
    start, end = _widen_to_range(phrase.fields, start, end)
    precision = precision_for_span(start, end, natural)
    return ResolvedDate(
        start=iso(start),
        end=iso(end),
        precision=precision,
        clue=phrase.text,
        char_start=phrase.start,
        char_end=phrase.end,
        role=phrase.role,
        relative=phrase.relative,
        future=phrase.future,
        kind=phrase.kind,
    )


def resolve_nearest(phrase: DatePhrase, day: date) -> ResolvedDate | None:
    """A day named without its year ("le 29 mars", "March 29") or without its month and year
    (「29日」, '29일') at its occurrence nearest `day` (the day before it on a tie); None for
    other kinds. For a page of unknown date that gives full dates elsewhere ("2025年3月28日"):
    a reader places 「29日」 next to them, not a month earlier."""
    if phrase.kind in ("md", "dm"):
        return resolve_phrase(phrase, (day, day))
    if phrase.kind != "dom":
        return None
    number = int(phrase.fields["day"])
    candidates = [found for mode in ("recent", "next") if (found := _day_of_month(day, number, mode)) is not None]
    if not candidates:
        return None
    nearest = min((found[0] for found in candidates), key=lambda found: (abs((found - day).days), found > day))
    start, end = _widen_to_range(phrase.fields, nearest, nearest)  # 「23〜25日」
    return ResolvedDate(
        start=iso(start), end=iso(end), precision=precision_for_span(start, end), clue=phrase.text, char_start=phrase.start,
        char_end=phrase.end, role=phrase.role, relative=True, future=phrase.future, kind=phrase.kind,
    )


def _widen_to_range(fields: dict, start: date, end: date) -> tuple[date, date]:
    """A day range ("23-25 March", 「23〜25日」): from its first day to its last, in the month resolved."""
    try:
        if fields.get("first") and int(fields["first"]) < start.day:
            start = start.replace(day=int(fields["first"]))
        if fields.get("last") and int(fields["last"]) > end.day:
            end = end.replace(day=int(fields["last"]))
    except ValueError:  # "30-31 February": keep the one day read
        pass
    return start, end


def _later(phrase: DatePhrase, base: "ResolvedDate") -> ResolvedDate | None:
    """"two days later" counted from the interval of the date before it; None when that date is
    coarser than the step ("a week later" after "in 2024" says nothing)."""
    unit = (phrase.fields.get("unit") or phrase.fields.get("unit2") or "day").lower()
    unit = "day" if unit in ("morning", "evening", "night") else unit
    amount = int(_number(phrase.fields.get("num") or "1"))
    hours = (phrase.fields.get("hunit") or "").lower()
    if hours:
        # Minutes or hours later: the same day, or as many whole days as the hours make ("36 hours later").
        count = _number(phrase.fields.get("hnum") or "1") if hours == "hour" else 0
        unit, amount = "day", int(count // 24)
    if phrase.fields.get("same"):
        amount = 0  # "the same day", 「同日」
    elif phrase.fields.get("before"):
        amount = -1  # "the day before", 「前日」
    step = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
    if _PRECISION_ORDER[base.precision] > _PRECISION_ORDER[step]:
        return None
    first, last = parse_iso(base.start), parse_iso(base.end)
    if unit in ("day", "week"):
        delta = timedelta(days=amount * (7 if unit == "week" else 1))
        start, end = first + delta, last + delta
    else:
        months = amount * (12 if unit == "year" else 1)
        start, end = add_months(first, months), add_months(last, months)
    precision = max(precision_for_span(start, end, base.precision), step, key=_PRECISION_ORDER.__getitem__)
    return ResolvedDate(
        start=iso(start), end=iso(end), precision=precision, clue=phrase.text, char_start=phrase.start,
        char_end=phrase.end, role=phrase.role, relative=True, future=phrase.future, kind=phrase.kind,
    )


def resolve_dates(
    sentence: str, published: PublishedDate | None, language: str | None = None, previous: ResolvedDate | None = None
) -> list[ResolvedDate]:
    """Every date phrase of `sentence` resolved against the publication date, left to right.

    Phrases that cannot be resolved (a relative phrase with no publication
    date, an impossible calendar day) are left out, never guessed. `language`
    as in `find_date_phrases`. A phrase counted from an earlier date ("two
    days later", 「翌日」, "le lendemain") is counted from the phrase before it
    in the sentence, else from `previous` (the last date of the text before
    the sentence), never from the publication date; without either it is left out.
    """
    reference = reference_interval(published)
    resolved: list[ResolvedDate] = []
    for phrase in find_date_phrases(sentence, language):
        if phrase.kind == "later":
            base = resolved[-1] if resolved else previous
            item = _later(phrase, base) if base is not None else None
        else:
            item = resolve_phrase(phrase, reference)
        if item is not None:
            resolved.append(item)
    return resolved


def resolver_at(phrase: DatePhrase) -> Callable[[date], Interval | None]:
    """The function publication-day -> interval for one relative phrase (used to invert anchors)."""
    return lambda reference: _resolve_at(phrase, reference)


def report_window(published: PublishedDate, days_before: int = 6) -> tuple[str, str, str] | None:
    """"On or shortly before publication": (start, end, clue) for a sentence with no date phrase.

    Only for a publication date known to the day (an uncertain publication
    date would make such a window meaningless). The window is the week ending
    on the publication day, so its precision is "week".
    """
    if published.precision != "day" or not published.date:
        return None
    day = parse_iso(published.date)
    clue = f"reported on {day.day} {calendar.month_abbr[day.month]} {day.year} (no date in sentence)"
    return iso(day - timedelta(days=days_before)), iso(day), clue


def format_day(day: date) -> str:
    """"19 Jun 2024"."""
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def is_english_sentence(sentence_text: str, sentence_language: str, article_language: str = "") -> bool:
    """Whether the English date grammar may read this sentence.

    Short English sentences are sometimes labelled with a related language by
    the detector ("pcm", "sco"); in an English article a sentence written in
    Latin letters is read as English. Other scripts are never read.
    """
    if sentence_language in ("en", ""):
        return True
    letters = [character for character in sentence_text if character.isalpha()]
    if not letters or article_language != "en":
        return False
    return sum(character.isascii() for character in letters) / len(letters) >= 0.95
