"""Counts in news sentences: "up to 12,000 troops", "a dozen drones", "thousands of soldiers".

Hand-written on purpose: quantity libraries (quantulum3, number-parser) target
physical units and do not keep news qualifiers ("up to", "around") or find the
counted noun, which is what claim comparison needs. The parser is a small set
of regular expressions over one sentence.

English is read here; figures written the way other languages write them (1万5000명,
21万2千トン, 4285円, 25 000, 10.000, 1,6 Millionen, понад мільйон) by
`lib.text.numbers_multilingual`. Every figure says what it counts (`Quantity.counted`,
a kind of `lib.text.counted`: "troops sent", "people killed", "price" ...).

Guarantees of `extract_quantities(sentence, language=None, context="")`:
- every `Quantity.text == sentence[start:end]` (the exact words that gave the number);
- every Quantity has a `counted` kind; head counts of one subject share a unit across
  languages ("soldiers", "兵士", "Soldaten" -> "troops");
- years ("in 2026"), dates ("August 6", "June 24"), ordinals ("248th"),
  durations ("20-year bonds", "four years ago") and "one of the" are never counts;
- money keeps a currency unit ("JPY", "USD", ...) and percentages the unit "%",
  so they are never compared with head counts;
- the qualifier is kept, normalised to one of `QUALIFIERS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Normalised qualifiers. "thousands"/"hundreds"/"dozens"/"tens of thousands"
# are vague magnitudes: `value` is the magnitude (1,000 for "thousands") and
# the interval is 2x..100x of it. "approx" marks round word amounts ("a dozen").
QUALIFIERS = (
    "up to", "around", "nearly", "more than", "at least", "less than", "approx",
    "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands",
)

_QUALIFIER_WORDS = [
    # (regex before the number, normalised qualifier); longest first
    (r"as many as|a maximum of|up to", "up to"),
    (r"an estimated|approximately|roughly|around|about|some|estimated|an approximate", "around"),
    (r"nearly|almost|close to|just under", "nearly"),
    (r"more than|over|above|in excess of|upwards of|just over", "more than"),
    (r"at least|no fewer than|no less than|a minimum of", "at least"),
    (r"fewer than|less than|under|below", "less than"),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(“\"']))(?P<qual>" + "|".join(pattern for pattern, _ in _QUALIFIER_WORDS) + r")\s+$",
    re.IGNORECASE,
)

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "one thousand": 1000, "a dozen": 12, "half a dozen": 6, "a couple of": 2, "a pair of": 2,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_VAGUE = [
    # (regex, qualifier, magnitude)
    # \s+ not " ": the pattern is also used inside a re.VERBOSE expression
    (r"hundreds\s+of\s+thousands\s+of", "hundreds of thousands", 100_000),
    (r"tens\s+of\s+thousands\s+of", "tens of thousands", 10_000),
    (r"(?:several\s+|many\s+)?thousands\s+of", "thousands", 1_000),
    (r"(?:several\s+|many\s+)?hundreds\s+of", "hundreds", 100),
    (r"(?:several\s+|many\s+)?dozens\s+of", "dozens", 12),
]
_CURRENCY = {"$": "USD", "US$": "USD", "¥": "JPY", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "yen": "JPY", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yuan": "CNY", "renminbi": "CNY", "baht": "THB", "hryvnias": "UAH", "hryvnia": "UAH",
    "rupees": "INR", "won": "KRW", "rubles": "RUB", "roubles": "RUB",
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "ist", "jst", "min", "mins", "hr", "hrs", "sec", "secs",
}

# Counted nouns, normalised so that two outlets counting the same thing share a unit.
UNIT_SYNONYMS = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops",
    "servicemen": "troops", "personnel": "troops", "fighters": "troops", "forces": "troops",
    "drones": "drones", "drone": "drones", "uavs": "drones", "shaheds": "drones",
    "missiles": "missiles", "missile": "missiles", "rockets": "missiles",
    "shells": "shells", "rounds": "shells",
    "workers": "workers", "worker": "workers", "labourers": "workers", "laborers": "workers",
    "officers": "officers", "officer": "officers", "generals": "generals", "general": "generals",
    "people": "people", "civilians": "people", "casualties": "casualties",
    "bases": "bases", "base": "bases", "factories": "factories", "factory": "factories",
    "containers": "containers", "tanks": "tanks", "units": "units",
}
# Measures are kept with their own unit so they are never read as head counts.
MEASURES = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "miles", "mile": "miles", "meters": "m", "metres": "m", "m": "m",
    "kg": "kg", "tons": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tonne": "tonnes",
    "kilograms": "kg", "kilogram": "kg", "kilogrammes": "kg", "kilos": "kg",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acres", "acre": "acres", "km²": "km²", "km2": "km²", "mi²": "mi²",
}
# A number after one of these words is an identifier, not an amount ("Resolution 2270").
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:Resolution|Resolutions|No\.|Number|Article|Section|Flight|Route|Chapter|Rule|Code|Model|Type|Unit|Brigade|Division|Regiment|Corps|Highway|Block|Building|Room|Gate|Page)\s+$"
)
# Word numbers ("two", "three") are only counts when followed by a known
# counted noun: "the two countries", "one of the" and "one cup" are not claims.
_WORD_NUMBER_NOUNS = set(UNIT_SYNONYMS)

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(word) for word in _SMALL), key=len, reverse=True))
_SCALES = "|".join(_SCALE)
_NUMBER = rf"(?:(?:{_DIGITS})(?:\s*(?:{_SCALES})\b)?|(?:{_WORDS})(?:[\s-](?:{_SCALES}|one|two|three|four|five|six|seven|eight|nine)\b)?)"
_CURRENCY_PREFIX = r"(?:US\$|\$|¥|€|£|₹|₩)"

_QUANTITY_RE = re.compile(
    rf"""
    (?P<vague>{'|'.join(pattern for pattern, _, _ in _VAGUE)})
    |
    (?:between\s+)?(?P<cur>{_CURRENCY_PREFIX})?(?P<low>{_NUMBER})
    (?:\s*(?:-|–|to|and)\s*(?P<cur2>{_CURRENCY_PREFIX})?(?P<high>{_NUMBER}))?
    (?P<pct>\s?(?:%|percent\b|per\s+cent\b))?
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Words that may sit between a number and its noun ("3,000 North Korean soldiers").
_MODIFIER_WORDS = {
    "more", "additional", "extra", "new", "special", "elite", "combat", "military", "armed",
    "regular", "active", "trained", "enemy", "attack", "kamikaze", "ballistic", "cruise",
    "other", "foreign", "skilled", "construction", "transferred", "deployed", "russian",
    "ukrainian", "korean", "north", "south", "of", "their", "its", "the", "long-range",
    "short-range", "heavy", "light", "artillery", "air", "defence", "defense",
}
_STOP_NOUNS = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "to", "in", "on", "at",
    "over", "from", "and", "or", "but", "with", "by", "for", "as", "that", "which", "who",
    "its", "it", "they", "them", "this", "these", "those", "per", "each", "times", "percent",
}


@dataclass(frozen=True)
class Quantity:
    """A number found in a sentence, with its qualifier and counted noun.

    `value` is the number as written (the magnitude for vague words such as
    "thousands"), `value_high` the top of a range, `unit` the normalised
    counted noun (None when the sentence does not say what is counted).
    `sentence[start:end] == text`.
    """

    value: float
    value_high: float | None
    unit: str | None
    qualifier: str | None
    text: str
    start: int
    end: int
    noun: str | None = None  # the counted noun as written ("soldiers")
    counted: str | None = None  # what it counts, a kind of lib.text.counted ("troops sent", "price")

    @property
    def is_vague(self) -> bool:
        return self.qualifier in ("dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands")

    def interval(self) -> tuple[float, float]:
        """The values this figure is consistent with, qualifier-aware.

        "up to 12,000" -> (60%, 105%) of 12,000 (news use "up to" for a count that
        approaches the number, so 3,000 is a different count, 10,000 is not);
        "around 12,000" -> ±15%;
        "more than 3,000" -> (3,000, inf); "thousands" -> (2,000, 100,000);
        an exact figure allows ±5% for rounding.
        """
        low = self.value
        high = self.value_high if self.value_high is not None else self.value
        if self.is_vague:
            return (2 * low, 100 * low)
        if self.qualifier == "up to":
            return (high * 0.6, high * 1.05)
        if self.qualifier == "less than":
            return (0.0, high)
        if self.qualifier in ("more than", "at least"):
            return (low * 0.95, float("inf"))
        if self.qualifier == "nearly":
            return (low * 0.8, high * 1.01)
        if self.qualifier in ("around", "approx"):
            return (low * 0.85, high * 1.15)
        return (low * 0.95, high * 1.05)

    def label(self) -> str:
        """Readable figure: "up to 12,000 troops", "thousands of troops", "10,000–12,000 troops"."""
        noun = self.unit or ""
        if self.is_vague:
            return f"{self.qualifier} of {noun}".strip() if noun else str(self.qualifier)
        figure = _format_number(self.value)
        if self.value_high is not None:
            figure = f"{figure}–{_format_number(self.value_high)}"
        if self.unit == "%":
            figure, noun = figure + "%", ""
        prefix = f"{self.qualifier} " if self.qualifier and self.qualifier != "approx" else ""
        suffix = " (approx.)" if self.qualifier == "approx" else ""
        return f"{prefix}{figure} {noun}".strip() + suffix


def _format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def parse_number(text: str) -> float | None:
    """"12,000" -> 12000, "3.2 trillion" -> 3.2e12, "a dozen" -> 12, "twenty-five" -> 25; None if not a number."""
    cleaned = text.strip().lower().replace("\u00a0", " ")
    if not cleaned:
        return None
    scale = 1.0
    for word, multiplier in _SCALE.items():
        match = re.search(rf"[\s-]{word}$", cleaned)
        if match and cleaned[: match.start()].strip():
            scale = multiplier
            cleaned = cleaned[: match.start()].strip()
            break
    if re.fullmatch(_DIGITS, cleaned):
        return float(cleaned.replace(",", "")) * scale
    if cleaned in _SMALL:
        return _SMALL[cleaned] * scale
    parts = re.split(r"[\s-]", cleaned)
    if len(parts) == 2 and parts[0] in _SMALL and parts[1] in _SMALL and _SMALL[parts[0]] >= 20:
        return (_SMALL[parts[0]] + _SMALL[parts[1]]) * scale  # "twenty-five"
    return None


def normalize_unit(noun: str | None) -> str | None:
    """"soldiers" -> "troops", "Drones" -> "drones"; unknown plurals are kept as written (lower case)."""
    if not noun:
        return None
    word = noun.lower().strip(".,;:()\"'“”’")
    return UNIT_SYNONYMS.get(word, word or None)


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*²?|\S")  # "km²" is one word


def _following_noun(sentence: str, end: int) -> tuple[str | None, bool]:
    """The counted noun after a number: skips modifiers and capitalised names ("North Korean").

    Returns (noun, stopped_by_time_unit). Gives up at punctuation, verbs and
    prepositions, so "55 were shot down" has no noun.
    """
    rest = sentence[end:]
    if rest[:1] == "-":  # "20-year", "30-" in "20-, 30- and 40-year bonds"
        tail = re.match(r"-(\w+)", rest)
        if tail is None or tail.group(1).lower() in _TIME_UNITS or re.match(r"-(,|\s+(and|or|to)\b)", rest):
            return None, True
    words = _WORD_RE.findall(rest[:120])
    for position, word in enumerate(words[:6]):
        if word.lower() in ("square", "sq") and position + 1 < len(words):
            squared = MEASURES.get(words[position + 1].lower().rstrip("."))
            if squared in ("km", "miles"):  # "250 square kilometres", "12 sq miles": an area
                return ("km²" if squared == "km" else "mi²"), False
        if word not in ("a.m.", "p.m."):
            word = word.rstrip(".'’-") or word
        lower = word.lower()
        if lower in _TIME_UNITS or re.match(r"^-?(year|month|day|week|hour)s?$", lower.lstrip("-")):
            return None, True
        if not re.match(r"[A-Za-z]", word):
            return None, False
        if lower in UNIT_SYNONYMS or lower in _CURRENCY_WORDS or lower in MEASURES:
            return word, False
        if lower in _STOP_NOUNS:
            return None, False
        if word[0].isupper() or lower in _MODIFIER_WORDS or lower.endswith(("-made", "-based", "ian", "ese")):
            continue  # a modifier or a name qualifying the noun
        if lower.endswith("s") and len(lower) > 3 and not lower.endswith(("ss", "us", "ous")):
            return word, False
        return None, False
    return None, False


def _preceding_noun(sentence: str, start: int) -> str | None:
    """When no noun follows ("stands at around 12,000"), the counted noun named earlier.

    Looks for "number of ... <noun>" first, then the nearest known counted noun
    in the 15 words before the number; never crosses into another sentence.
    """
    before = sentence[:start]
    match = None
    for match in re.finditer(r"number of ((?:[\w’'-]+\s+){0,4}?)([a-z]+s)\b", before, re.IGNORECASE):
        pass
    if match is not None and match.group(2).lower() in UNIT_SYNONYMS:
        return match.group(2)
    words = re.findall(r"[A-Za-z]+", before)[-15:]
    for word in reversed(words):
        if word.lower() in UNIT_SYNONYMS and word.lower() not in ("forces", "units", "general", "base", "factory"):
            return word
    return None


def _is_year(raw: str, noun: str | None) -> bool:
    return bool(re.fullmatch(r"(1[89]|20|21)\d\d", raw)) and noun is None


def _near_month(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 12) : start].lower()
    after = sentence[end : end + 12].lower()
    return bool(
        re.search(rf"\b(?:{_MONTHS})\.?\s*$", before)
        or re.match(rf"\s*(?:{_MONTHS})\b", after)
        or re.match(r"(?:st|nd|rd|th)\b", after)
    )


# Languages text2num reads numbers written in words in ("cinq millions", "fünf Millionen", "dos millones").
_SPELLED_LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl", "da")


def extract_quantities(sentence: str, language: str | None = None, context: str = "") -> list[Quantity]:
    """`_digit_quantities`, plus the figures written in words in the languages text2num reads
    (`_SPELLED_LANGUAGES`; "five million inhabitants", "trois personnes", "fünf Millionen Menschen"),
    each with the span and text of its words in `sentence`. Figures written in digits are read
    exactly as `_digit_quantities` reads them."""
    found = _digit_quantities(sentence, language, context)
    spelled = _spelled_quantities(sentence, language, context, found)
    return sorted(found + spelled, key=lambda quantity: quantity.start) if spelled else found


def _spelled_quantities(sentence: str, language: str | None, context: str, found: list[Quantity]) -> list[Quantity]:
    """Figures written in words, read by text2num's alpha2digit (numbers below 3 stay words: "one of
    them", "no one") on a copy of the sentence, then mapped back onto the words they were written in.
    None that overlaps a figure already `found`."""
    if (language or "en") not in _SPELLED_LANGUAGES or not re.search(r"[^\W\d_]", sentence):
        return []
    from difflib import SequenceMatcher

    from text_to_num import alpha2digit

    try:
        digits = alpha2digit(sentence, language or "en")
    except Exception:  # text2num rejects some inputs (its grammar is strict); the words then stay words
        return []
    if digits == sentence:
        return []
    # Where the copy differs from the sentence: (copy start, copy end) -> (sentence start, sentence end).
    changed = [
        (j1, j2, i1, i2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, sentence, digits, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    spelled = []
    for quantity in _digit_quantities(digits, language, context):
        overlapping = [(j2, i1, i2) for j1, j2, i1, i2 in changed if j1 < quantity.end and quantity.start < j2]
        if not overlapping:
            continue  # written in digits already: read on the sentence itself
        start = min(i1 for _j2, i1, _i2 in overlapping)
        end = max(i2 for _j2, _i1, i2 in overlapping)
        # The copy's figure may reach past the changed words ("5000000 inhabitants": its noun is unchanged text).
        end += max(0, quantity.end - max(j2 for j2, _i1, _i2 in overlapping))
        start, end = _word_bounds(sentence, start, end)
        if any(start < other.end and other.start < end for other in found):
            continue
        spelled.append(replace(quantity, text=sentence[start:end], start=start, end=end))
    return spelled


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words (a changed run may begin or end inside one: "F|ive")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _digit_quantities(sentence: str, language: str | None = None, context: str = "") -> list[Quantity]:
    """All counts, amounts and percentages in `sentence`, left to right (see module guarantees),
    each with what it counts (`counted`). `language` (ISO 639-1) picks the number format of
    European languages ("12.000", "25 000", "1,6 Millionen"); CJK, Korean, Thai and Cyrillic
    sentences are recognised by their script. `context` (the previous sentence) names what is
    counted when the sentence itself does not ("사망 300여 명" after a sentence about soldiers)."""
    from lib.text.counted import comparison_unit, counted_kind, is_function_word
    from lib.text.numbers_multilingual import find_figures, script_of

    if script_of(sentence) != "latin" or (language or "") in _EUROPEAN_FORMAT:
        quantities = []
        for figure in find_figures(sentence, language):
            noun = None if is_function_word(figure.noun) else figure.noun  # "3.000 este martes": no noun
            unit = figure.unit
            if unit in (None, "people", "items"):
                unit = comparison_unit(sentence, figure.start, figure.end, noun, context, language) or (
                    "people" if unit == "people" else normalize_unit(noun) if unit is None and noun and script_of(noun) == "latin" else None
                )
            kind = counted_kind(sentence, figure.start, figure.end, figure.unit or unit, noun, context, language)
            if kind.startswith("people") and unit not in ("people", "troops", "workers"):
                unit = "people"  # "2 719 morts", "4 521 blessés": people, whatever the noun
            quantities.append(Quantity(figure.value, figure.value_high, unit, figure.qualifier, figure.text, figure.start, figure.end, noun, kind))
        return _with_elided_nouns(_without_ages(sentence, quantities))
    from lib.text.counted import near_subject_unit

    quantities = _english_quantities(sentence)
    quantities += [q for q in _shares_and_multiples(sentence) if not any(q.start < o.end and o.start < q.end for o in quantities)]
    found = []
    for quantity in sorted(quantities, key=lambda quantity: quantity.start):
        if quantity.unit and quantity.unit not in _KNOWN_UNITS:
            # "1,500 special operations troops": the counted noun is the subject word a few words on.
            quantity = replace(quantity, unit=near_subject_unit(sentence, quantity.end, language) or quantity.unit)
        found.append(replace(quantity, counted=counted_kind(
            sentence, quantity.start, quantity.end, quantity.unit, quantity.noun, context, language
        )))
    return _with_elided_nouns(_without_ages(sentence, found))


# An age is no count: "the retirement age from 62 to 64", "aged 64 and 70", "das Rentenalter von 62 auf
# 64", "l'âge légal de 62 à 64 ans", "возраст 65 лет". The word "age" up to two words before the figure.
_AGE_BEFORE = re.compile(
    r"(?:(?i:\b(?:age|aged|ages|âge|edad|età|idade|возраст\w*|вік\w*|віку))|(?-i:\b(?:[A-Z]\w*alter|Alter)))"
    r"(?:\s+\S+){0,2}?\s+$"
)


def _without_ages(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` less those that are someone's age (see _AGE_BEFORE); a measure with a unit stays."""
    return [
        quantity for quantity in quantities
        if quantity.unit not in (None, "people", "years") and quantity.counted != "count"
        and not (quantity.counted or "").startswith("people")  # "people", "people killed", "people protesting" …
        or not _AGE_BEFORE.search(sentence[max(0, quantity.start - 40):quantity.start])
    ]


# Measures: a bare figure stands for one of them only when close to it in size ("turnout was 67 percent,
# up from 60"); a count of things within a factor of 20 ("80,000 protesters, against 400,000").
_ELIDABLE_MEASURES = ("price", "money", "percent", "weight", "volume", "distance", "area", "ratio")


def _with_elided_nouns(quantities: list[Quantity]) -> list[Quantity]:
    """A bare figure (no unit, counted as a plain count or as the figure before) right after a figure of
    the same sentence that has a unit, and of the same order of size, counts the same thing: news
    leaves the noun out of the second figure of a pair ("the ministry counted 1.28 million
    demonstrators, the union 3.5 million"). Nothing else changes."""
    result: list[Quantity] = []
    for quantity in quantities:
        before = result[-1] if result else None
        if (
            before is not None and quantity.counted in ("count", before.counted) and quantity.unit is None
            and quantity.value_high is None and before.unit and before.value
            and (0.05 <= quantity.value / before.value <= 20 if before.counted not in _ELIDABLE_MEASURES
                 else 0.5 <= quantity.value / before.value <= 2)  # "67 percent, up from 60": a measure, closer
        ):
            quantity = replace(quantity, unit=before.unit, counted=before.counted)
        result.append(quantity)
    return result


# Shares and multiples written in words: "about a fifth lower", "around half of its deliveries",
# "prices have roughly doubled". Only before "of"/a comparison, or as the verb, so that
# "half an hour" or "a third country" are not figures.
_SHARES = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
           "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
           "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0}
_SHARE_RE = re.compile(
    r"(?<![\w-])(?P<share>" + "|".join(sorted((re.escape(k) for k in _SHARES), key=len, reverse=True)) + r")"
    r"(?=\s+(?:of\b|lower|higher|less|more|fewer|smaller|larger|bigger|down|up|below|above))",
    re.IGNORECASE,
)
_MULTIPLE_RE = re.compile(r"(?<![\w-])(?P<verb>doubled|tripled|trebled|quadrupled)(?![\w-])", re.IGNORECASE)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}


def _shares_and_multiples(sentence: str) -> list[Quantity]:
    found = []
    for match in _SHARE_RE.finditer(sentence):
        value = _SHARES[match.group("share").lower()]
        found.append(Quantity(round(value, 2), None, "%", _qualifier_before(sentence, match.start()), match.group(), match.start(), match.end(), "%"))
    for match in _MULTIPLE_RE.finditer(sentence):
        found.append(Quantity(_MULTIPLES[match.group("verb").lower()], None, "times", _qualifier_before(sentence, match.start()),
                              match.group(), match.start(), match.end(), "times"))
    return found


_KNOWN_UNITS = set(UNIT_SYNONYMS.values()) | set(MEASURES.values()) | set(_CURRENCY.values()) | set(_CURRENCY_WORDS.values()) | {"%", "times"}

# Languages whose numbers group thousands with dots or spaces and use a decimal comma.
_EUROPEAN_FORMAT = ("de", "fr", "ru", "uk", "es", "it", "pl", "nl", "pt")


def _english_quantities(sentence: str) -> list[Quantity]:
    found: list[Quantity] = []
    position = 0
    while True:
        match = _QUANTITY_RE.search(sentence, position)
        if match is None:
            break
        start, end = match.start(), match.end()
        position = max(end, start + 1)
        # A number glued to letters is part of a word or an ordinal ("248th", "G7", "F-16").
        if start > 0 and re.match(r"[\w.]", sentence[start - 1]) and not sentence[start - 1].isspace():
            if sentence[start - 1] not in "$¥€£₹₩":
                continue
        if re.search(r"[A-Za-z]-$", sentence[:start]):
            continue  # model names: "F-16", "Su-27", "KN-23"
        if re.search(r"\d[-–/]$", sentence[:start]):
            continue  # the tail of a span already read or skipped: "1950-53", "9/11"
        if _IDENTIFIER_BEFORE.search(sentence[:start]):
            continue  # "Resolution 2270", "No. 5": identifiers, not amounts
        if end < len(sentence) and re.match(r"[A-Za-z]", sentence[end]) and not match.group("pct"):
            continue  # "248th", "3rd", "2nd", "12km"
        if match.group("vague"):
            qualifier, magnitude = next(
                (qual, mag) for pattern, qual, mag in _VAGUE if re.fullmatch(pattern, match.group("vague"), re.IGNORECASE)
            )
            noun, _ = _following_noun(sentence, end)
            found.append(
                Quantity(float(magnitude), None, normalize_unit(noun), qualifier, sentence[start:end].strip(), start, end, noun)
            )
            continue
        low_text, high_text = match.group("low"), match.group("high")
        low = parse_number(low_text)
        if low is None:
            continue
        is_word = not low_text[0].isdigit()
        if is_word and re.match(r"\s+of\s+(?:the|those|these|them|its|their|his|her)\b", sentence[end:], re.IGNORECASE):
            continue  # "one of the", "two of them": not a count of anything
        high = parse_number(high_text) if high_text else None
        joiner = sentence[match.end("low") : match.start("high")] if high_text else ""
        if high is not None and ("and" in joiner.lower() and "between" not in match.group(0).lower()):
            # "500 officers and three generals": two figures, not a range; keep the first.
            end = position = match.end("low")
            high = None
        if high is not None and high <= low:
            end = position = match.end("low")  # "20 to 11" or a list, not a range
            high = None
        if re.match(r"/\d", sentence[match.end("low") :]):
            continue  # "9/11", "24/7", "1/2": dates, slogans and fractions
        if re.match(r"\s*:\d", sentence[match.end("low") :]) or re.search(r"\d:\s*$", sentence[:start]):
            continue  # clock times "3:57 PM", "00:00"
        if re.fullmatch(r"0\d+", low_text):
            continue  # "00", "07": clock or code fragments, never a count
        if _near_month(sentence, match.start("low"), match.end("low")):
            continue  # "August 6", "June 24", "Oct 26, 2024"
        text = sentence[start:end]
        if match.group("pct") and end == match.end():  # not when the range was cut back to its first figure
            found.append(Quantity(low, high, "%", _qualifier_before(sentence, start), text, start, end, "%"))
            continue
        currency = match.group("cur")
        noun, is_duration = _following_noun(sentence, end)
        if is_duration:
            continue  # "20-year bonds", "four years ago", "six-month bills"
        if not currency and _is_year(low_text, noun):
            continue  # "in 2026", "since 2009" (a year has no thousands separator: "2,056" dead is a count)
        if re.match(r"\s*[-–]\s*year-old", sentence[end:]):
            continue
        unit: str | None
        if currency:
            unit = _CURRENCY.get(currency.upper(), currency)
        elif noun and noun.lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[noun.lower()]
        elif noun and noun.lower() in MEASURES:
            unit = MEASURES[noun.lower()]
        else:
            if is_word and (noun is None or noun.lower() not in _WORD_NUMBER_NOUNS):
                continue  # "the two countries", "one cup of coffee": not comparable counts
            if noun is None:
                noun = _preceding_noun(sentence, start)
            unit = normalize_unit(noun)
        qualifier = _qualifier_before(sentence, start)
        if qualifier is None and low_text.lower() in ("a dozen", "half a dozen", "a couple of"):
            qualifier = "approx"
        if "between" in match.group(0).lower()[:8] and high is None:
            text = sentence[match.start("low") : end]
            start = match.start("low")
        found.append(Quantity(low, high, unit, qualifier, text, start, end, noun))
    return found


def _qualifier_before(sentence: str, start: int) -> str | None:
    match = _QUALIFIER_RE.search(sentence[max(0, start - 24) : start])
    if match is None:
        return None
    said = match.group("qual").lower()
    for pattern, qualifier in _QUALIFIER_WORDS:
        if re.fullmatch(pattern, said):
            return qualifier
    return None


def counted_quantities(sentence: str, language: str | None = None) -> list[Quantity]:
    """Only head counts (troops, drones, workers...): no money, percentages or distances."""
    not_counts = {"%", "times", "items", "barrels", "CNY", "THB", "UAH"} | set(_CURRENCY.values()) | set(_CURRENCY_WORDS.values()) | set(MEASURES.values())
    return [quantity for quantity in extract_quantities(sentence, language) if quantity.unit and quantity.unit not in not_counts]
