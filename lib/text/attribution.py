"""Who a sentence credits for what it says, and whether it hedges.

Hand-written patterns rather than a parser: no dependency we ship (spaCy is
not installed) does speech attribution, and news attribution is formulaic
enough ("according to X", "X said", "..., said X", "X told AFP") that a
handful of ordered regular expressions are right on typical wire copy and
easy to audit. Every pattern is listed in `PATTERNS` with its name.

Guarantees of `attribute(sentence)`:
- `source` is words copied from the sentence (never invented), or None when
  the sentence credits nobody (the caller then credits the outlet itself);
- pronouns ("he said", "it said") come back with `is_pronoun=True` so the
  caller can resolve them from the previous sentence;
- `hedged` is True when the sentence uses one of `HEDGE_WORDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "estimated",
    "estimates", "estimate", "believes", "believe", "noted", "notes", "added", "adds",
    "mentioned", "warned", "warns", "stated", "states", "claimed", "claims", "announced",
    "announces", "confirmed", "confirms", "revealed", "reveals", "expressed", "expresses",
    "criticized", "criticised", "criticizes", "condemned", "condemns", "accused", "accuses",
    "learned", "learnt", "pointed out", "pointed to", "assessed", "assesses", "argued", "argues",
    "insisted", "stressed", "emphasized", "emphasised", "denied", "denies", "acknowledged",
    "admitted", "urged", "called", "vowed", "pledged", "posted", "wrote", "quoted",
)
_VERBS = "|".join(sorted((re.escape(verb) for verb in SPEECH_VERBS), key=len, reverse=True))

HEDGE_WORDS = (
    "believed", "reportedly", "estimated", "estimates", "estimate", "allegedly", "alleged",
    "said to", "thought to", "likely", "probably", "suspected", "unconfirmed", "appears to",
    "is understood to", "may have", "could be",
)
_HEDGE_RE = re.compile(r"\b(" + "|".join(re.escape(word) for word in HEDGE_WORDS) + r")\b", re.IGNORECASE)

PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them"}
# Generic crowds that are sources in their own right ("analysts say").
GROUP_SOURCES = (
    "analysts", "experts", "officials", "sources", "observers", "diplomats", "critics",
    "residents", "witnesses", "researchers", "state media", "media reports", "reports",
)
_AUX = r"(?:(?:has|have|had|also|further|later|again|earlier|then|repeatedly|publicly|reportedly|would|will|did|has\s+also|had\s+also)\s+)*"
_TIME_TAIL = re.compile(
    r"\s+(?:on|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night)$"
    r"|\s+(?:also|further|again|earlier|later|has|have|had|first|officially|publicly|previously|separately|now)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """Who a sentence credits (`source`, None when nobody), how (`cue`), and hedging."""

    source: str | None
    cue: str  # name of the pattern that fired, e.g. "according to", "X said", "said X"
    hedged: bool
    hedge_words: tuple[str, ...] = ()
    is_pronoun: bool = False
    reported_speech: bool = False  # the sentence reports what the source said or announced (past tense)


def hedges_in(sentence: str) -> tuple[str, ...]:
    """Hedge words used in `sentence`, lower-cased, in order of appearance."""
    return tuple(match.group(1).lower() for match in _HEDGE_RE.finditer(sentence))


# A dateline opening the sentence ("May 21 (Reuters) - ", "PARIS: ", "TOKYO, June 3 -") is not part of the speaker.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w .,]{0,40}\([A-Z][\w ]{1,20}\)\s*[-—–]\s*|[A-Z]{2,}(?:[ ,]+[A-Z]{2,})*(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*[:—–-]\s+)"
)


def opens_with_dateline(sentence: str) -> bool:
    """Whether the sentence opens with a wire dateline ("SEOUL: ", "May 21 (Reuters) - "): a story's lead."""
    return bool(_DATELINE.match(sentence.strip()))


def _clean_source(text: str) -> str:
    text = _DATELINE.sub("", text.strip())
    text = text.strip(" ,;:—–-\"'“”‘’")
    text = re.sub(r"^(?:and|but|while|as|so|that)\s+", "", text, flags=re.IGNORECASE)
    previous = None
    while previous != text:
        previous = text
        text = _TIME_TAIL.sub("", text).strip(" ,")
    return text


# Speech verbs that are also nouns: followed by a comma or a full stop they are the noun.
_NOUN_OR_VERB = {"report", "reports", "estimate", "estimates", "claims", "notes", "states"}
_PREPOSITIONS = {"in", "on", "at", "for", "with", "by", "from", "after", "before", "during", "since", "under", "of", "into"}
# The word before an ambiguous verb ("report", "estimates", "claims") that
# shows it is a noun: "In a report on Friday", "follows recent reports".
_NOUN_MARKERS = {"a", "an", "the", "recent", "new", "these", "those", "this", "of", "in", "on", "his", "her",
                 "its", "their", "our", "such", "earlier", "latest", "previous", "some", "any", "no", "and"}


def _valid_subject(text: str, strict: bool = True) -> bool:
    """A plausible speaker: short, a name or a group, no finite verb of its own.

    `strict=False` (after "according to") also accepts lower-case noun
    phrases such as "reports from Ukraine and South Korea".
    """
    words = text.split()
    if not words or len(words) > 12:
        return False
    if re.search(r"[\"“”]", text):
        return False
    if re.search(r"\b(?:is|are|was|were|be|been|being|that|which|who|will|would|to)\b", text, re.IGNORECASE):
        return False
    if re.search(r"\b(?:has|have|had|may|might|can|could|must|should|shall)\b", text):
        return False  # a verb of its own (lower case: "May Thompson" is a name): a clause, not a speaker
    if words[-1].lower() in ("but", "and", "or", "nor"):
        return False
    if words[0].lower() in ("neither", "no", "none", "nobody", "how", "what", "why", "when", "where", "whether", "if"):
        return False  # a negated subject credits nobody ("Neither Paris nor Berlin has confirmed"); a question asks
    if words[0].lower() in _PREPOSITIONS or words[-1].lower() in _NOUN_MARKERS | _PREPOSITIONS:
        return False
    if not strict:
        return True
    lowered = text.lower()
    if lowered in PRONOUNS or lowered in GROUP_SOURCES:
        return True
    if any(lowered.endswith(group) for group in GROUP_SOURCES):
        return True
    first = words[0]
    if first.lower() in ("the", "a", "an", "its", "their", "his", "her", "our"):
        return len(words) > 1
    return first[:1].isupper()


def _strip_intro(prefix: str) -> str:
    """"Previously, Ukraine's intelligence" -> "Ukraine's intelligence"; keeps appositives."""
    prefix = prefix.strip()
    if prefix.endswith(","):
        # "Ahn Chan-il, a researcher from North Korea," -> the whole appositive names the speaker
        inner = prefix[:-1]
        appositive = re.match(r"^(?:[^,]+,\s*)?([A-Z][^,]+),\s*((?:a|an|the)\s[^,]+)$", inner)
        if appositive:
            return f"{appositive.group(1)}, {appositive.group(2)}"
        prefix = inner
    if "," in prefix:
        prefix = prefix.rsplit(",", 1)[1]
    return prefix.strip()


_ACCORDING_RE = re.compile(r"\b(?:according\s+to|as\s+per|citing)\s+(?P<rest>[^;]+)", re.IGNORECASE)
_SOURCE_END_RE = re.compile(
    r"\s+(?:during|when|after|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b.*$|[.]\s*$"
)


def _according_to_source(rest: str) -> str:
    """The source after "according to": up to the next comma, unless that comma is inside a
    list ("US, South Korean and Ukrainian intelligence assessments")."""
    segments = [segment.strip() for segment in rest.split(",")]
    source = segments[0]
    if len(segments) > 1 and len(source.split()) <= 3 and " and " in f" {segments[1]} " and len(segments[1].split()) <= 8:
        source = f"{source}, {segments[1]}"
    return _SOURCE_END_RE.sub("", source)


_QUOTE_THEN_WHO_RE = re.compile(
    rf"[,.?!…]\s*[\"”’']\s*,?\s*(?P<who>[A-Za-z][^\"“”,.;]{{0,80}}?)\s+{_AUX}(?P<verb>{_VERBS})\b"
)
_QUOTE_THEN_VERB_WHO_RE = re.compile(
    r"[,.?!…]\s*[\"”’']\s*,?\s*(?P<verb>said|says|told|added|wrote|warned|noted)\s+(?P<who>[^\"“”.;]{2,90}?)\s*[.]?\s*$"
)
_END_WHO_VERB_RE = re.compile(
    rf",\s*(?P<who>[^,;\"“”]{{2,80}}?)\s+{_AUX}(?P<verb>said|says|reported|reports|added|noted|told\s+\w+|announced|wrote|confirmed|estimated|believes)\s*[.]?\s*$",
    re.IGNORECASE,
)
_END_VERB_WHO_RE = re.compile(
    r",\s*(?P<verb>said|says|reported|added|according to)\s+(?P<who>[^;\"“”]{2,100}?)\s*[.]?\s*$", re.IGNORECASE
)
_PARENTHETICAL_RE = re.compile(
    r"(?:^|,\s*)(?P<who>(?:[Aa]nalysts|[Ee]xperts|[Oo]fficials|[Ss]ources|[Oo]bservers|[Dd]iplomats|[Cc]ritics|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))\s+(?P<verb>say|said|says|believe|believes|estimate|estimates|reported|note|notes),\s"
)
_POSSESSIVE_RE = re.compile(
    r"\b(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})[’']s?\s+(?P<verb>estimates?|assessments?|estimation|calculations?|figures?|data|intelligence\s+(?:assessments?|estimates?))\b"
)
_QUOTED_AS_RE = re.compile(r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+was\s+quoted\s+as\s+saying")

PATTERNS = (
    "according to",  # "According to X, ...", "..., according to X"; also "as per X", "citing X"
    "quote, X said",  # "'...,' Chief Cabinet Secretary Hayashi told a press conference"
    "quote, said X",  # "'...,' said Yoshimasa Hayashi."
    "X was quoted as saying",
    "X said",  # "Hayashi said ...", "Previously, Ukraine's intelligence said ..."
    ", X said.",  # "..., the Ukrainian air force reported."
    ", said X.",  # "..., said the head of Kyiv's military administration, Serhii Popko."
    ", analysts say,",  # parenthetical
    "X's estimates",  # possessive figures
)


def _result(source: str, cue: str, sentence: str) -> Attribution | None:
    from lib.text.attribution_multilingual import plain_source

    source = plain_source(_clean_source(source), "en") or ""
    if not source or not _valid_subject(source, strict=cue != "according to"):
        return None
    hedge = hedges_in(sentence)
    if cue in ("X's estimates",) or re.search(r"\bestimat", cue):
        hedge = hedge or ("estimates",)
    return Attribution(
        source=source,
        cue=cue,
        hedged=bool(hedge),
        hedge_words=hedge,
        is_pronoun=source.lower() in PRONOUNS,
        reported_speech=bool(re.search(r"\b(?:said|told|announced|stated|reported|confirmed|added|noted|warned|wrote|revealed|claimed|estimated)\b", sentence)),
    )


def _subject_verb(sentence: str) -> Attribution | None:
    """"X said ..." where X is the sentence's subject (after an optional intro phrase)."""
    for match in re.finditer(rf"\b{_AUX}(?P<verb>{_VERBS})\b", sentence):
        prefix = sentence[: match.start()]
        if not prefix.strip():
            continue
        # Passive ("is believed to", "was reported") is hedging, not a speaker.
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", prefix):
            continue
        if match.start() > 160:
            break
        before = prefix.split()
        if before and (before[-1].lower() in _NOUN_MARKERS or re.search(r"[’']s?$", before[-1])):
            continue  # "In a report on Friday", "follows recent reports": a noun, not a verb
        if re.match(r"\s*[,.;:)]", sentence[match.end():]) and match.group("verb") in _NOUN_OR_VERB:
            continue  # "The 29-page report, compiled by …": a noun with nothing said after it
        subject = _strip_intro(prefix)
        if re.search(r"[\"“”]", prefix):
            continue
        found = _result(subject, "X said", sentence)
        if found:
            return found
    return None


def attribute(sentence: str, language: str | None = None) -> Attribution:
    """Who `sentence` credits; `source=None` (cue "none") when it credits nobody.

    `language` (ISO 639-1, the sentence's) selects the patterns: English by default; ja ko zh
    ru uk de fr th through `lib.attribution_multilingual` (sentences in CJK, Hangul, Thai or
    Cyrillic script are read by those patterns whatever `language` says)."""
    from lib.text.attribution_multilingual import attribute_multilingual, needs_multilingual

    if needs_multilingual(sentence, language):
        credit = attribute_multilingual(sentence, language)
        return Attribution(credit.source, credit.cue, credit.hedged, credit.hedge_words, credit.is_pronoun, credit.reported_speech)
    return _attribute_english(sentence)


def _attribute_english(sentence: str) -> Attribution:
    for match in _ACCORDING_RE.finditer(sentence):
        found = _result(_according_to_source(match.group("rest")), "according to", sentence)
        if found:
            return found
    checks = (
        (_QUOTE_THEN_WHO_RE, "quote, X said"),
        (_QUOTE_THEN_VERB_WHO_RE, "quote, said X"),
        (_QUOTED_AS_RE, "X was quoted as saying"),
    )
    for pattern, cue in checks:
        for match in pattern.finditer(sentence):
            found = _result(match.group("who"), cue, sentence)
            if found:
                return found
    found = _subject_verb(sentence)
    if found:
        return found
    for pattern, cue in ((_END_WHO_VERB_RE, ", X said."), (_END_VERB_WHO_RE, ", said X."), (_PARENTHETICAL_RE, ", analysts say,"), (_POSSESSIVE_RE, "X's estimates")):
        match = pattern.search(sentence)
        if match:
            found = _result(match.group("who"), cue, sentence)
            if found:
                return found
    hedge = hedges_in(sentence)
    return Attribution(source=None, cue="none", hedged=bool(hedge), hedge_words=hedge)
