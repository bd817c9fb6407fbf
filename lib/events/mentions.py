"""Event mentions: the sentences (or clauses) of an article that report something
happening on a date, with the actors they name and a short summary taken from the sentence."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from dataclasses import dataclass, replace as replace_record
from functools import cached_property

from lib.core.models import Article, PublishedDate, Sentence
from lib.text import date_languages
from lib.text.dates import (
    ResolvedDate,
    is_english_sentence,
    is_future,
    format_day,
    parse_iso,
    precision_for_span,
    reference_interval,
    report_window,
    resolve_dates,
)

# A mention's summary: the clause it reports, in at most this many words of the sentence.
SUMMARY_WORDS = 15
# A clause of at most this many words may be summarised up to its date phrase before the cut.
CLAUSE_WORDS = SUMMARY_WORDS
# An event's label on the timeline: who did what in at most this many words (see `event_label`).
LABEL_WORDS = 8


# Past forms of verbs that report something happening or being said. General news
# vocabulary, not words picked from the bundled articles.
ACTION_VERBS = frozenset(
    """signed sent deployed dispatched visited arrived attacked launched met held toured ordered fired
    struck hit killed destroyed downed began started invaded captured seized agreed approved ratified
    unveiled tested test-fired engaged crossed entered withdrew supplied delivered transferred opened
    closed elected appointed resigned concluded established attended hosted welcomed discussed
    imposed sanctioned shelled bombed raided intercepted shot occupied liberated evacuated returned
    departed travelled traveled flew landed exploded collapsed died injured wounded detained arrested
    released announced declared adopted passed rejected suspended resumed broke clashed fought""".split()
)

STATEMENT_VERBS = frozenset(
    """said told expressed criticized criticised condemned warned urged accused announced reported
    revealed confirmed denied stated claimed noted added stressed emphasized emphasised vowed pledged
    called protested welcomed demanded mentioned posted wrote quoted described acknowledged admitted
    insisted argued explained says tells warns insists
    accuse accuses claims deny denies allege alleges maintain maintains""".split()
)

EVENT_VERBS = ACTION_VERBS | STATEMENT_VERBS

_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would"}

# Words that cannot end the noun phrase of a reduced relative clause ("the treaty signed Wednesday").
_NOT_A_NOUN = _AUXILIARIES | {
    "which", "who", "that", "it", "he", "she", "they", "we", "i", "you", "and", "or", "but", "also", "then",
    "later", "first", "jointly", "reportedly", "officially", "formally", "finally", "not", "never",
}


# Actor words: generic institutions and roles.
ACTOR_NOUNS = frozenset(
    """government ministry minister president leader premier chancellor king army military forces troops
    soldiers officials spokesman spokeswoman spokesperson secretary ambassador embassy parliament
    council commander general navy air agency authorities police intelligence state media diplomats""".split()
)

# Acronyms of countries and unions (general abbreviations, matched case-sensitively so the
# pronoun "us" is not the United States); every other country is read from CLDR names (`countries`).
ACRONYM_ALIASES = {"US": "US", "U.S.": "US", "USA": "US", "UK": "GB", "EU": "EU", "UN": "UN", "U.N.": "UN",
                   "DPRK": "KP", "ROK": "KR", "PRC": "CN"}

_NOT_ACTORS = frozenset(
    """The A An In On At For From By With And But As It Its This That These Those He She They We I His Her Their
    Our Previously Meanwhile However Last Next Earlier Later According Since After Before During While When
    If Although Still Also Under Over Of To Chief Foreign Prime Defence Defense Cabinet Secretary Minister
    President Leader Ministry Main Directorate Central News Agency Air Force State Mr Ms Dr""".split()
)

_COMMON_STARTERS = frozenset(
    """Join Read See Click Subscribe Analysts Officials Sources Experts Reports Some Many Most Both All No Yes
    What Why How Who Where There Here Such Despite Amid Following Asked Speaking Two Three Several Up
    Around About Nearly Almost More Less Tensions Government Troops Soldiers Forces""".split()
)

_MONTH_OR_DAY = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()
)

_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_UNDATED_PAST = re.compile(r"(?i)\b(previously|earlier|in the past|formerly|once|had\s+\w+ed|years ago)\b")

_CONDITIONAL = re.compile(r"(?i)^\s*(?:if|unless|in case|should|whether)\b")

_SEGMENT_BREAK = re.compile(
    r"\s{2,}|[;:]\s|,\s+(?=(?:while|whereas|but|where|which|who|as|when|noting|adding|saying|including)\b)"
    r"|\s+(?=(?:while|whereas|after|before|because|although|as)\s)"
)

_LEADING_CONNECTOR = re.compile(
    r"^(?:(?:and|but|while|whereas|where|as|after|before|because|although|meanwhile|however|especially|"
    r"amid|including|noting|adding|saying|comes|that)\b[\s,]*)+",
    re.IGNORECASE,
)

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’-]{2,}(?:\([A-Za-z .]+\))?\s*[—–-]{1,2}\s+")

# A dateline that opens with its date ("14 March 2025 - The harbour…", "March 3, 2025 (Pacific Wire) — …",
# "Tokyo, 3 March 2025 — …"): a short prefix holding a year, optionally a credit in brackets, then a
# spaced dash. The text after it must not start with a digit, so a range "2024 - 2025 budgets" stays.
# A wire dateline: place, date and agency in parentheses, then a dash ("ORLEN, June 16 (ND) - ",
# "PARIS, 29 mars (AFP) - ").
_WIRE_DATELINE = re.compile(r"^\s*[A-ZÀ-Þ][^()\n]{1,60}?\d[^()\n]{0,20}\([^()]{1,30}\)\s*[—–-]{1,2}\s+")
_DATE_DATELINE = re.compile(r"^\s*(?=[^—–]{0,60}?\b(?:19|20)\d\d\b)(?:[^\s—–-]+\s*){1,7}?(?:\([^()]{1,40}\)\s*)?\s[—–-]{1,2}\s+(?=\D)")

_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|now|already|further|reportedly|publicly)\s+)?(\w+ed|told|sent|met|held|begun|struck|shot|hit|fought|broken|said)\b", re.IGNORECASE)

_PROGRESSIVE_OR_PASSIVE = re.compile(r"\b(?:has|have)\s+been\b", re.IGNORECASE)

_QUOTE_CHARS = "\"“”"

_CONCEPT_WORDS = {
    "treaty": "treaty", "pact": "treaty", "agreement": "treaty", "accord": "treaty", "deal": "treaty",
    "partnership": "treaty", "war": "war", "invasion": "war", "offensive": "war", "incursion": "war",
    "visit": "visit", "trip": "visit", "summit": "talks", "talks": "talks", "attack": "attack",
    "attacks": "attack", "strike": "attack", "drones": "attack", "drone": "attack", "troops": "troops",
    "soldiers": "troops", "units": "troops", "concern": "concern", "concerned": "concern",
}





@dataclass(frozen=True)
class EventMention:
    """One event as one sentence tells it, before merging."""

    article: Article
    sentence: Sentence
    summary: str
    start: str
    end: str
    precision: str
    clue: str
    actors: frozenset[str]
    keywords: frozenset[str]
    dated_by: str  # "phrase", "since", "report" or "context" (the date of an earlier sentence: see `anchor`)
    is_statement: bool = False  # the clause reports something said (a statement event)
    speaker: frozenset[str] = frozenset()  # named actors of who said it (pronouns resolved within the article)
    # For dated_by "context": the earlier mention of the same article whose happening this
    # sentence goes on telling (it takes that mention's date and joins its event).
    anchor: "EventMention | None" = None
    # True when only the report's day links this sentence to its anchor (another paragraph, and not
    # a statement following a statement): `build` then also asks that the two sentences be close in meaning.
    loose_anchor: bool = False
    # A weekday read against an uncertain publication ("mardi" on a page published 2-16 July) spans
    # several weeks but may only be one of its Tuesdays: that weekday (0 = Monday), else None.
    weekday: int | None = None
    # True when the sentence dates another happening to another day ("returned to work on Tuesday after
    # reaching a deal late on Monday"): its own words keep the two days apart, so merging allows this
    # mention no day of slack with other reports (the slack is for time zones and nights).
    beside_other_days: bool = False

    @property
    def width(self) -> int:
        return (parse_iso(self.end) - parse_iso(self.start)).days

    # Day numbers of the interval, parsed once: merging compares many pairs of mentions.
    @cached_property
    def first_day(self) -> int:
        return parse_iso(self.start).toordinal()

    @cached_property
    def last_day(self) -> int:
        return parse_iso(self.end).toordinal()



# -- actors and words -------------------------------------------------------------------
def named_actors(text: str) -> frozenset[str]:
    """Named actors in `text`, normalised: a country by its English name whatever form names it
    ("North Korean", "North Korea" and "DPRK" are all "north korea"), other names lower-cased."""
    from lib.text.countries import country_name, country_of_name

    found: set[str] = set()
    for alias, code in ACRONYM_ALIASES.items():
        if re.search(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", text):
            found.add(country_name(code) if len(code) == 2 and code not in ("EU", "UN") else code.lower())
    for match in _CAPITALISED.finditer(text):
        words = [word.strip(".’'") for word in match.group().split()]
        at_start = not text[: match.start()].strip(" \"“‘'(—–-")
        if at_start and len(words) == 1 and (words[0] in _COMMON_STARTERS or re.search(r"(?:ly|ing|ed)$", words[0])):
            continue  # a capitalised first word is usually just the start of the sentence
        words = [word.removesuffix("'s").removesuffix("’s") for word in words if word and word != "of"]
        index = 0
        while index < len(words):
            # The longest run of words from here that names a country ("South Korean", "Russia").
            span = next((n for n in range(min(3, len(words) - index), 0, -1)
                         if country_of_name(" ".join(words[index : index + n]))), 0)
            if span:
                found.add(country_name(country_of_name(" ".join(words[index : index + span]))))
                index += span
                continue
            word = words[index]
            index += 1
            if word in _NOT_ACTORS or word in _MONTH_OR_DAY or len(word) < 3 or not word[:1].isupper():
                continue
            if word in ACRONYM_ALIASES or word.rstrip(".") in {a.rstrip(".") for a in ACRONYM_ALIASES}:
                continue  # an acronym, handled above
            found.add(word.lower())
    return frozenset(found)



def _keywords(text: str) -> frozenset[str]:
    words = {word.lower() for word in _WORD.findall(text)}
    return frozenset(_CONCEPT_WORDS[word] for word in words if word in _CONCEPT_WORDS)


# Snowball stemmers (PyStemmer) and stop words (bm25s's lists) per language, for the content words
# two reports of one happening share in any story ("river … burst its banks"), where the concept
# words above (a military vocabulary) and named actors may say nothing.
_SNOWBALL = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
             "pt": "portuguese", "ru": "russian"}
_STOPWORD_LISTS = {"en": "STOPWORDS_EN", "de": "STOPWORDS_GERMAN", "fr": "STOPWORDS_FRENCH", "es": "STOPWORDS_SPANISH",
                   "it": "STOPWORDS_ITALIAN", "pt": "STOPWORDS_PORTUGUESE", "ru": "STOPWORDS_RUSSIAN"}
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


@functools.lru_cache(maxsize=None)
def _stemmer_and_stopwords(language: str):
    import Stemmer  # PyStemmer: Snowball stemmers in C
    import bm25s.stopwords

    stopwords = frozenset(word.lower() for word in getattr(bm25s.stopwords, _STOPWORD_LISTS[language]))
    if language == "en":  # verbs of saying join any two statements; they are the statement rule's business
        stopwords |= STATEMENT_VERBS
    return Stemmer.Stemmer(_SNOWBALL[language]), stopwords


def content_stems(text: str, language: str | None, clue: str = "") -> frozenset[str]:
    """Stems of the content words of a clause (not its date phrase `clue`, not stop words), for the
    languages with a Snowball stemmer; empty for other languages and scripts written without spaces."""
    if language not in _SNOWBALL:
        return frozenset()
    if clue:
        text = text.replace(clue, " ")
    stemmer, stopwords = _stemmer_and_stopwords(language)
    words = [word for word in (match.lower() for match in _CONTENT_WORD.findall(text)) if word not in stopwords]
    words = [word for word in words if word.capitalize() not in _MONTH_OR_DAY]
    return frozenset(f"w:{stem}" for stem in stemmer.stemWords(words))



# A past-tense verb by its form ("appealed", "issued"), not by a list: a verb-less clause is not
# an event; adjectives in -ed after a determiner ("the limited supply") are not verbs.
_PAST_FORM = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )\b[a-z]{3,}(?:ed|ew|ung|ought|ook|ent)\b")
# The simple past of English irregular verbs that the form above misses ("rose", "fell", "slept",
# "came"): English grammar, the same for every story.
IRREGULAR_PAST = frozenset(
    """arose awoke beat became began bent bit bled blew broke bred brought built burnt burst bought caught chose
    clung came cost crept cut dealt dug did drew drank drove ate fell fed felt fought found fled flung flew forbade
    forgot forgave froze got gave went grew hung heard hid hit held hurt kept knelt knew laid led leapt left lent
    let lost made met paid put quit rode rang rose ran said saw sought sold sent set shook shed shone shot shrank
    shut sang sank sat slept slid spoke sped spent spun spread sprang stood stole stuck stung struck swore swept
    swam swung took taught tore told thought threw understood woke wore wept won wrote was were""".split()
)
_IRREGULAR_PAST_RE = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bto )\b(?:" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b")


def _has_past_action(text: str) -> bool:
    """A verb of action in the simple past ("recalled", "fell"), not only a copula ("was", "were")."""
    return bool(_PAST_FORM.search(text)) or any(match.group() not in ("was", "were") for match in _IRREGULAR_PAST_RE.finditer(text))


def _has_past_verb(text: str) -> bool:
    """A verb in the simple past, by its form or as an irregular verb ("rose", "slept")."""
    return bool(_PAST_FORM.search(text) or _IRREGULAR_PAST_RE.search(text))


# Nouns that name a happening in themselves ("a visit to Pyongyang on Tuesday"): general news
# vocabulary, read only after an article so that verbs ("to visit") do not count.
_EVENT_NOUN = re.compile(
    r"\b(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:visit|trip|meeting|talks|summit|attack|strike|ceremony|parade|"
    r"election|vote|launch|test|conference|session|auction|signing|announcement|raid|offensive|assault|"
    r"earthquake|quake|flood|floods|storm|fire|blaze|crash|collapse|explosion|eruption|landslide|ruling|verdict|"
    r"trial|recall|final|match|protest|referendum|inauguration)\b",
    re.IGNORECASE,
)


def _has_event_verb(text: str) -> bool:
    return bool(_event_verbs(text)) or _has_past_verb(text) or bool(_EVENT_NOUN.search(text))


def _has_actor(text: str) -> bool:
    return bool(named_actors(text)) or any(word.lower() in ACTOR_NOUNS for word in _WORD.findall(text))



def _event_verbs(text: str) -> list[re.Match]:
    return [match for match in _WORD.finditer(text) if match.group().lower() in EVENT_VERBS]



# -- summaries ---------------------------------------------------------------------------
def _segments(sentence: str) -> list[tuple[int, int]]:
    """Clause-like pieces of a sentence as (start, end) offsets."""
    bounds = [0]
    for match in _SEGMENT_BREAK.finditer(sentence):
        bounds.append(match.start())
        bounds.append(match.end())
    bounds.append(len(sentence))
    pieces = []
    for start, end in zip(bounds[0::2], bounds[1::2]):
        if sentence[start:end].strip():
            pieces.append((start, end))
    return pieces



def _trim_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading connectors/adverbial intros and trailing punctuation from [start, end)."""
    text = sentence[start:end]
    # "SEOUL — North Korea fired ..." / "14 March 2025 - North Korea fired ..." -> "North Korea fired ..."
    dateline = _DATELINE.match(text)
    if not dateline:
        dated = _DATE_DATELINE.match(text)
        dateline = dated if dated and not _event_verbs(text[: dated.end()]) else None  # "X said on 3 May 2025 - …" is no dateline
    if dateline:
        start += dateline.end()
        text = sentence[start:end]
    connector = _LEADING_CONNECTOR.match(text)
    if connector:
        start += connector.end()
        text = sentence[start:end]
    # A short intro before the first comma with no verb of its own ("Last week,", "In a report on Friday,").
    # (not the comma of a figure: "About 10,000 soldiers" keeps its "10,000")
    comma = next((m.start() for m in re.finditer(r"(?<!\d),|,(?!\d{3})", text)), -1)
    if 0 < comma and text[:1] not in _QUOTE_CHARS and not re.match(r"\s*(?:which|who|where|when)\b", text[comma + 1 :]) and len(text[:comma].split()) <= 6 and not _event_verbs(text[:comma]) and len(text[comma + 1 :].split()) >= 3:
        start += comma + 1
    while start < end and sentence[start] in " ,;:–—-":
        start += 1
    while end > start and sentence[end - 1] in " ,;:.–—-":
        end -= 1
    return start, end



_DANGLING = frozenset(
    """a an the of in on at to for with by and or that his her its their from over during as into about after
    before under than who which while but was were is are has have had be been""".split()
)


def _shorten(text: str, limit: int = SUMMARY_WORDS) -> str:
    """At most `limit` whole words of `text`, never ending on a word that leaves the phrase
    dangling ("of", "the"), with "…" when words were left out."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    cut = words[:limit]
    while len(cut) > limit // 2 and (cut[-1].lower().strip(",;:") in _DANGLING or cut[-1][:1] in _QUOTE_CHARS):
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"



def _antecedent_start(sentence: str, comma: int) -> int:
    """Where the noun phrase before ", which/where" starts (after the previous comma or preposition run)."""
    previous = max(sentence.rfind(",", 0, comma), sentence.rfind(";", 0, comma))
    start = previous + 1
    match = _LEADING_CONNECTOR.match(sentence[start:comma].lstrip())
    offset = len(sentence[start:comma]) - len(sentence[start:comma].lstrip())
    return start + offset + (match.end() if match else 0)



_RELATIVE_OPENING = re.compile(r"(?i)\s*(?:which|who|whom|whose)\b")


def summarise(sentence: str, anchor_start: int | None = None, anchor_end: int | None = None) -> str:
    """A short line made of the sentence's own words, about the clause holding the anchor (a date phrase).

    Without an anchor the main clause is used. The result is a contiguous
    piece of `sentence` (whitespace normalised), cut to about 15 words with "…".
    """
    segments = _segments(sentence)
    if anchor_start is None:
        # Main clause: the first segment with a verb; a leading quotation yields to its attribution.
        # A relative clause ("…, who said more would follow") is not the main clause.
        main = [seg for seg in segments if not _RELATIVE_OPENING.match(sentence[seg[0] : seg[1]])] or segments
        chosen = next((seg for seg in main if _event_verbs(sentence[seg[0] : seg[1]])), main[0] if main else (0, len(sentence)))
        start, end = chosen
        if sentence.lstrip()[:1] in _QUOTE_CHARS:
            closing = max(sentence.rfind(char) for char in _QUOTE_CHARS)
            tail = sentence[closing + 1 :].strip(" ,.")
            # "…,” Hayashi told a regular press conference" reads well alone; "…,” said Hayashi" does not.
            if len(tail.split()) >= 5 and _event_verbs(tail) and not _event_verbs(tail.split()[0]):
                start = closing + 1
                end = len(sentence)
        start, end = _trim_span(sentence, start, end)
        return _shorten(sentence[start:end])
    anchor_end = anchor_end if anchor_end is not None else anchor_start
    index = next((i for i, (s, e) in enumerate(segments) if s <= anchor_start < e), 0)
    start, end = segments[index]
    # A segment without a verb (e.g. "the capital was attacked" split off) borrows its neighbour.
    if not (_event_verbs(sentence[start:end]) or _has_past_verb(sentence[start:end])) and index > 0:
        start = segments[index - 1][0]
    head = sentence[start:end].lstrip()
    if re.match(r"(?i)(?:which|who)\b", head) and sentence.rfind(",", 0, start) > 0:
        start = _antecedent_start(sentence, sentence.rfind(",", 0, start))
    # Reduced relative clause: "the partnership treaty signed Wednesday" dates the treaty, not the main verb.
    before = sentence[start:anchor_start].split()
    if len(before) >= 2 and before[-1].lower() in EVENT_VERBS and before[-2].lower().strip(",") not in _NOT_A_NOUN and before[-2][:1].islower() and not before[-2].endswith(","):
        participle_at = sentence.rfind(before[-1], start, anchor_start)
        noun_start = participle_at
        for match in reversed(list(_WORD.finditer(sentence, start, participle_at))):
            if match.group().lower() in {"under", "with", "by", "of", "from", "that", "after", "before", "than", "to", "in", "on", "for"}:
                break
            noun_start = match.start()
        if noun_start < participle_at:
            start = noun_start
            end = anchor_end
    # When the date comes after the verb, the summary ends with the date phrase.
    elif _event_verbs(sentence[start:anchor_start]) and len(sentence[start:anchor_end].split()) <= CLAUSE_WORDS:
        end = anchor_end
    start, end = _trim_span(sentence, start, end)
    return _shorten(sentence[start:end])



# -- finding mentions ---------------------------------------------------------------------
def _segment_of(sentence: str, position: int) -> str:
    for start, end in _segments(sentence):
        if start <= position < end:
            return sentence[start:end]
    return sentence



def _is_statement(sentence: str) -> bool:
    """A statement or present-perfect action reported as news of the day."""
    statement_at = next((m.start() for m in _event_verbs(sentence) if m.group().lower() in STATEMENT_VERBS), len(sentence))
    # "Previously, X said ..." is undated background; "X said that it had destroyed ..." is reported speech.
    if _UNDATED_PAST.search(sentence[:statement_at]) or _CONDITIONAL.match(sentence):
        return False
    if _PROGRESSIVE_OR_PASSIVE.search(sentence) and not re.search(r"\b(said|told|says)\b", sentence):
        return False
    statement = [match for match in _event_verbs(sentence) if match.group().lower() in STATEMENT_VERBS]
    if statement:
        first = statement[0]
        # Future before the statement verb ("X will meet Y, the ministry said") is a plan, not news.
        lead = sentence[: first.start()]
        if is_future(lead) and not re.search(r"[\"“”]", lead):
            return False
        return True
    perfect = _PERFECT.search(sentence)
    return bool(perfect and perfect.group(1).lower() in EVENT_VERBS)



def find_event_mentions(article: Article, story_days: tuple[date, date] | None = None) -> list[EventMention]:
    """Event mentions in one article's body, each with its date and its sentence.

    `story_days` (`story_days_of` the corpus): the days the story's dated reports were published
    in, to read a page that prints no date and names no full day against (`page_reference`).

    English sentences are read with the English verb and actor cues below. Sentences in
    other languages are read by structure alone, the same for every story: a clause
    carrying a resolvable, past (not planned) date phrase is an event; an undated
    sentence that reports speech in the past tense ("と述べた", "заявил", "a déclaré")
    is a statement of the report's own day. Nothing is ever dated after its page.

    A sentence without a date that goes on telling a dated happening of the same
    report (same paragraph, or the report's own day) is a mention dated_by
    "context" with that mention as `anchor`: `build` adds it to the anchor's event.
    """
    from lib.text.attribution import attribute

    mentions: list[EventMention] = []
    last_speaker: frozenset[str] = frozenset()
    # A page of unknown (or only roughly inferred) date is read against the days its own text names.
    published, named_days = page_reference(article, story_days)
    read_by_its_text = published is not article.published
    latest = _page_latest(published)
    paragraphs = paragraph_numbers(article)
    news_window = _news_window(published)
    last_date: tuple[int, ResolvedDate] | None = None  # the last past date read, for "two days later"
    dateline: tuple[int, ResolvedDate] | None = None  # the page's own date line, when the body starts with one
    full_date: ResolvedDate | None = None  # on a page of unknown date, the last day the text gave with its year
    for sentence in article.sentences:
        text = sentence.text
        english = is_english_sentence(text, sentence.language, article.language)
        language = "en" if english else _reading_language(sentence.language, article.language)
        attribution = attribute(text, language)
        if attribution.source and attribution.is_pronoun:
            speaker = last_speaker
        elif attribution.source:
            speaker = named_actors(attribution.source) or frozenset({attribution.source.lower()})
            last_speaker = speaker
        else:
            speaker = frozenset()
        if _too_short(text, english) or text.rstrip().endswith(("?", "？")):
            line = _resolve(text, published, language)
            if len(line) == 1 and _is_date_line(text, line[0]) and line[0].precision == "day" and not line[0].future and (
                latest is None or line[0].end <= latest
            ):
                dateline = (sentence.index, line[0])  # "ПЕКИН, 3 сентября." dates the lead that follows it
            continue
        # "The next day", "Tags darauf", 「翌日」 count from the last past date read in this paragraph or the
        # one before (news paragraphs are short: "… on Friday. / A train had collided … Tags darauf …").
        previous = last_date if last_date is not None and (
            paragraphs.get(last_date[0], 0) >= paragraphs.get(sentence.index, 0) - 1 or last_date[0] == sentence.index - 1
        ) else None
        dates = _resolve(text, published, language, previous[1] if previous else None)
        if read_by_its_text:
            # A page of unknown date: a day without its year or month ("le 29 mars", 「29日」) is the
            # occurrence nearest the last full date the text gave ("le 28 mars 2025"), as a reader would
            # place it; a weekday is the day of that weekday the text names, when it names one.
            full_date = next((r for r in dates if _is_full_day(r)), full_date)
            if full_date is not None or named_days:
                dates = _dated_by_the_text(text, language, dates, parse_iso(full_date.start) if full_date else named_days[0])
            dates = [_pinned_weekday(resolved, named_days) for resolved in dates]
            full_date = next((r for r in reversed(dates) if _is_full_day(r)), full_date)
        if _is_list_of_dates(text, dates):
            continue  # "Cronología: 28 de marzo, 29 de marzo, 31 de marzo.": a line of dates tells no happening
        dates = _without_wider_neighbours(text, dates)  # "on Friday last week": Friday, not also the whole week
        wire = _WIRE_DATELINE.match(text)
        if wire and any(resolved.char_start >= wire.end() for resolved in dates):
            # "ORLEN, June 16 (ND) - Officials on Thursday raised the toll": the dateline dates the report;
            # the lead's own date phrase dates what it tells.
            dates = [resolved for resolved in dates if resolved.char_start >= wire.end()]
        if all(resolved.kind == "later" for resolved in dates):
            # "two days after the quake" counts from the quake's day, not from the sentence before
            # ("2日後", "через два дня" alone are read by the date grammar as counted from that one).
            names_happening, after = _after_a_happening(text, language, mentions, article)
            if not names_happening:
                after = _after_a_told_happening(text, language, mentions, article)  # 「辞表を提出したあと、」
                names_happening = after is not None
            if names_happening:  # a happening the report never dated leaves the sentence undated
                if after is not None and latest is not None and after.start <= latest < after.end:
                    # "a few days after the quake" in a report three days on: up to the page, never after it
                    after = replace_record(after, end=latest, precision=precision_for_span(parse_iso(after.start), parse_iso(latest), "day"))
                dates = [after] if after is not None and (latest is None or after.end <= latest) else []
        produced = 0
        for resolved in dates:
            if _is_date_line(text, resolved):
                if resolved.precision == "day" and not resolved.future and (latest is None or resolved.end <= latest):
                    dateline = (sentence.index, resolved)  # "ПЕКИН, 3 сентября." dates the lead that follows it
                continue  # "Publié le 29 mars 2025 à 10h15": the page's date line left in the body, not an event
            if latest is not None and resolved.start > latest:
                resolved = _year_before(resolved, latest)  # "7 березня" in a November report: last March
                if resolved is None:
                    continue  # after its own page and not worded as a plan: a misreading, never an event
            elif latest is not None and resolved.end > latest and resolved.role == "event" and not resolved.future:
                # "Mitte Juni" in a report of 17 June: what happened did so by the page, 11-17 June, not 11-20
                resolved = replace_record(
                    resolved, end=latest, precision=precision_for_span(parse_iso(resolved.start), parse_iso(latest), resolved.precision)
                )
            if resolved.role == "event" and not resolved.future:
                last_date = (sentence.index, resolved)  # what "a week later" in the next sentence counts from
            if english:
                mention = _mention_from_date(article, sentence, resolved, speaker)
            else:
                mention = _foreign_mention_from_date(article, sentence, resolved, speaker, language)
            if mention is None:
                continue
            # "Thursday, 24 October" in one sentence: two phrases, one day, one event (dated by the longer phrase).
            twin = next((i for i in range(len(mentions) - produced, len(mentions))
                         if (mentions[i].start, mentions[i].end) == (mention.start, mention.end)), None)
            if twin is None:
                mentions.append(mention)
                produced += 1
            elif len(mention.clue) > len(mentions[twin].clue):
                mentions[twin] = mention
        own = mentions[len(mentions) - produced :] if produced else []
        if len({(m.first_day, m.last_day) for m in own if m.last_day - m.first_day <= 1}) >= 2:
            mentions[len(mentions) - produced :] = [replace_record(m, beside_other_days=True) for m in own]
        # Background years in what was said ("damaged the 2023 crop") leave the saying undated.
        dated_content = (
            english and dates and all(resolved.precision == "year" for resolved in dates)
            and _said_before(text, min(resolved.char_start for resolved in dates))
        )
        past = [resolved for resolved in dates if resolved.role == "event" and not resolved.future and (latest is None or resolved.start <= latest)]
        if (produced or past) and not dated_content:
            continue  # dated by its own words; a sentence dated only by "since 1993" or "by March" may still be a statement of the day
        if english:
            # "the junta said"; also what a named source is reported as saying about what is to come
            # ("Memorials … will be erected, he said", "According to NHK, the workers would go …"): the saying is news of the day.
            said = (_is_statement(text) or _credits_a_named_source(text, attribution)) and bool(named_actors(text) or attribution.source)
            summary = summarise(text)
            is_statement = _first_verb_is_statement(summary)
        else:
            # Reported speech in the past is the report's news of the day, unless marked as said before.
            # Hearsay ("…という", "…것으로 알려졌다", "据悉", "сообщается") tells what the report's sources say: the same.
            said = (attribution.reported_speech or bool(language and _HEARSAY.get(language) and _HEARSAY[language].search(text))) and not _EARLIER.search(text)
            summary = _clause_summary(text, None, None)
            is_statement = True
        if _standing_figure(text, language if english else language or "") and (english or not said):
            continue  # "has sent 11,000 troops": a running total, not news of the day
        if dateline is not None and paragraphs.get(dateline[0]) == paragraphs.get(sentence.index) and all(
            _too_short(article.sentences[index].text, english) for index in range(dateline[0] + 1, sentence.index)
        ) and not (english and (is_future(text) or not _has_event_verb(text))) and not (
            not english and language and date_languages.is_future(text, language)
        ):
            # The lead right after its dateline in the same paragraph ("ПЕКИН, 3 сентября. /ТАСС/. Президент
            # России … провел переговоры"): the dateline's day is the lead's.
            resolved = dateline[1]
            mentions.append(
                EventMention(
                    article, sentence, summary, resolved.start, resolved.end, resolved.precision, resolved.clue,
                    named_actors(text) or name_tokens(text), _keywords(text), "phrase", is_statement=bool(said) and is_statement,
                    speaker=speaker,
                )
            )
            dateline = None
            continue
        if not said:
            # Not news of the day by itself, but it may go on telling the dated happening of the
            # sentence before it in its paragraph ("The Duma on Thursday approved the treaty. The
            # bill had been submitted by the president.").
            anchor = _continued_in_paragraph(mentions, sentence, paragraphs, text, english, language)
            if anchor is not None:
                mentions.append(
                    EventMention(
                        article, sentence, summary, anchor.start, anchor.end, anchor.precision, anchor.clue,
                        named_actors(text) or name_tokens(text), _keywords(text), "context",
                        is_statement=bool(attribution.source), speaker=speaker, anchor=anchor,
                    )
                )
            elif _among_news_of_the_days(mentions, sentence, news_window) and _reports_a_happening(text, english, language) and not any(
                resolved.role == "since" for resolved in dates
            ):  # "Seit Montag ist die Strecke wieder freigegeben": a state since then, no news of the week
                # An undated happening told right after one of the report's recent days ("On Saturday the first
                # flights landed. The authorities declared a state of emergency."): news of those days, dated by
                # its report (the week ending on the publication day), never a made-up day.
                window = _statement_window(published)
                if window is not None:
                    start, end, clue = window
                    mentions.append(EventMention(
                        article, sentence, summary, start, end, precision_for_span(parse_iso(start), parse_iso(end), "week"), clue,
                        named_actors(text) or name_tokens(text), _keywords(text), "report", is_statement=False, speaker=speaker,
                    ))
            continue
        # A sentence without a date of its own goes on telling an earlier dated happening of the
        # report (the lead's "on Thursday expressed concern", then "…, Hayashi told a press
        # conference"): it takes that date and joins that event, so one happening is one row.
        anchor, loose = _anchor_for(mentions, sentence, paragraphs, news_window, is_statement, speaker)
        actors = named_actors(text) or name_tokens(text)
        window = _statement_window(published)
        report = None
        if window is not None:
            start, end, clue = window
            report = EventMention(
                article, sentence, summary, start, end, precision_for_span(parse_iso(start), parse_iso(end), "week"), clue,
                actors, _keywords(text), "report", is_statement=is_statement, speaker=speaker,
            )
        if anchor is not None:
            mentions.append(
                EventMention(
                    article, sentence, summary, anchor.start, anchor.end, anchor.precision, anchor.clue,
                    actors, _keywords(text), "context", is_statement=is_statement, speaker=speaker, anchor=anchor,
                    loose_anchor=loose and report is not None,
                )
            )
        elif report is not None:
            mentions.append(report)
    return _said_in_the_next_sentence(mentions, article, paragraphs)


def _by_language(patterns: dict[str, str]) -> dict[str, re.Pattern]:
    """Each language's pattern compiled, case-insensitive: a grammar rule written once per language."""
    return {language: re.compile(pattern, re.IGNORECASE) for language, pattern in patterns.items()}


# A sentence that says who said the one before it, and when ("Das teilte die Küstenwache am Dienstag
# mit.", "Об этом сообщил министр в четверг.", "Así lo anunció el Gobierno el viernes."): grammar of
# reported speech per language, no words of a story.
_SAID_BEFORE = _by_language({
    "en": r"^\s*(?:That|This)\s+was\s+(?:announced|said|reported|confirmed|disclosed)\b",
    "de": r"^\s*(?:Das|Dies)\s+(?:teilten?|sagten?|erklärten?|berichteten?|gaben?|bestätigten?|meldeten?|schrieben?|schrieb)\b",
    "fr": r"^\s*(?:C['’]est\s+ce\s+qu|Ce\s+qu['’]a|Ce\s+que\s+(?:a|ont))",
    "es": r"^\s*(?:Así\s+lo|Lo)\s+(?:anunci|inform|confirm|dijo|dijeron|indic|explic|comunic|asegur)",
    "it": r"^\s*(?:Lo\s+(?:ha|hanno)|È\s+quanto\s+(?:ha|hanno))\s+(?:annunciato|comunicato|reso\s+noto|detto|confermato|riferito)",
    "pt": r"^\s*(?:A\s+informação\s+foi|Foi\s+o\s+que)\s+",
    "ru": r"^\s*Об\s+этом\s+(?:сообщи|заяви|рассказа|говорится|пишет|сообщает|информирует)",
    "uk": r"^\s*Про\s+це\s+(?:повідоми|заяви|розпові|йдеться|пише|повідомляє)",
    "ko": r"(?:이같이|이렇게|이와\s*같이)\s*(?:밝혔|말했|전했|설명했|강조했)",
})


def _said_in_the_next_sentence(mentions: list[EventMention], article: Article, paragraphs: dict[int, int]) -> list[EventMention]:
    """`mentions` where a sentence undated by its own words, followed in its paragraph by one saying who
    said it and when ("…. Das teilte die Küstenwache am Dienstagabend mit."), is what was said then: it
    joins that sentence's event (dated_by "context") instead of being dated by its report or left out."""
    from dataclasses import replace as replace_record

    by_sentence: dict[int, list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    sentences = {sentence.index: sentence for sentence in article.sentences}
    replaced: dict[int, EventMention] = {}
    for mention in mentions:
        previous = sentences.get(mention.sentence.index - 1)
        if mention.dated_by != "phrase" or previous is None or paragraphs.get(previous.index) != paragraphs.get(mention.sentence.index):
            continue
        language = "en" if is_english_sentence(mention.sentence.text, mention.sentence.language, article.language) else (
            _reading_language(mention.sentence.language, article.language)
        )
        pattern = _SAID_BEFORE.get(language or "")
        if pattern is None or not pattern.search(mention.sentence.text) or previous.index in replaced:
            continue
        own = by_sentence.get(previous.index, [])
        if any(other.dated_by in ("phrase", "since") for other in own):
            continue  # dated by its own words
        english = language == "en"
        summary = summarise(previous.text) if english else _clause_summary(previous.text, None, None)
        replaced[previous.index] = EventMention(
            article, previous, summary, mention.start, mention.end, mention.precision, mention.clue,
            named_actors(previous.text) or name_tokens(previous.text), _keywords(previous.text), "context",
            is_statement=True, speaker=mention.speaker, anchor=mention,
        )
    if not replaced:
        return mentions
    kept = [mention for mention in mentions if mention.sentence.index not in replaced]
    kept.extend(replaced.values())
    kept.sort(key=lambda mention: mention.sentence.index)  # stable: a sentence's own mentions keep their order
    # Context mentions anchored on a dropped report mention of that sentence lose their anchor: re-anchor them.
    dropped = {id(mention) for mention in mentions if mention.sentence.index in replaced}
    return [
        replace_record(mention, anchor=replaced[mention.anchor.sentence.index]) if mention.anchor is not None and id(mention.anchor) in dropped
        else mention
        for mention in kept
    ]


# -- "two days after the quake": counted from the day the text gave that happening -------------
# Nouns that name a happening in news of any kind (disasters, attacks, votes, rulings, strikes,
# matches, meetings), per language: general news vocabulary, not words of one story.
_HAPPENING_NOUNS = {
    "en": "earthquake quake tremor aftershock flood floods storm hurricane typhoon cyclone fire wildfire blaze explosion blast "
          "attack strike raid crash collapse eruption landslide tsunami election vote referendum ruling verdict strike walkout "
          "final match summit meeting talks visit disaster tragedy accident sinking derailment shooting bombing",
    "fr": "séisme tremblement réplique inondation inondations crue tempête ouragan typhon cyclone incendie feu explosion attentat "
          "attaque frappe accident effondrement éruption glissement tsunami élection scrutin vote référendum verdict jugement "
          "arrêt grève finale match sommet réunion visite catastrophe drame",
    "de": "beben erdbeben nachbeben flut hochwasser überschwemmung sturm hurrikan taifun zyklon brand feuer waldbrand explosion "
          "anschlag angriff unglück absturz einsturz ausbruch erdrutsch tsunami wahl abstimmung referendum urteil streik "
          "finale endspiel spiel gipfel treffen besuch katastrophe",
    "es": "terremoto sismo seísmo réplica inundación inundaciones tormenta huracán tifón ciclón incendio fuego explosión atentado "
          "ataque accidente derrumbe erupción deslizamiento tsunami elección elecciones votación referéndum sentencia fallo "
          "huelga final partido cumbre reunión visita catástrofe tragedia",
}
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "einen": 1, "einem": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10,
}
# A few/some: two to six days.
_VAGUE_COUNT_WORDS = frozenset({"a few", "several", "quelques", "plusieurs", "wenige", "wenigen", "einige", "einigen", "unos", "varios", "algunos"})
_COUNT = r"(?P<num>\d+|a few|several|quelques|plusieurs|wenigen?|einigen?|unos|varios|algunos|" + "|".join(_COUNT_WORDS) + r")"
_AFTER_HAPPENING = {
    "en": re.compile(r"(?i)\b(?:(?:" + _COUNT + r"|(?P<the>the))\s+)?(?P<unit>hours?|days?|weeks?)\s+(?:after|since)\s+(?P<rest>(?:[\w'’.-]+\s+){0,4}[\w'’-]+)"),
    "fr": re.compile(r"(?i)(?:\b(?:" + _COUNT + r"\s+)?(?P<unit>heures?|jours?|semaines?)\s+après|(?P<next>\blendemain))\s+(?:le\s+|la\s+|l[’']|du\s+|de\s+la\s+|de\s+l[’'])?(?P<rest>(?:[\w’'-]+\s+){0,4}[\w’'-]+)"),
    "de": re.compile(r"(?i)\b(?:" + _COUNT + r"\s+)?(?P<unit>stunden?|tage?n?|wochen?)\s+nach\s+(?:dem|der|den)\s+(?P<rest>(?:[\w-]+\s+){0,4}[\w-]+)"),
    "es": re.compile(r"(?i)\b(?:" + _COUNT + r"\s+)?(?P<unit>horas?|días?|semanas?)\s+(?:después|tras)\s+(?:del?\s+|de\s+la\s+|la\s+|el\s+)?(?P<rest>(?:[\w-]+\s+){0,4}[\w-]+)"),
}
# Languages that inflect or run words together: a happening noun is found as the start of a word
# (ru/uk/it/pt stems) or anywhere in the words before the count (ja/zh/ko/th, written without spaces
# between words or with particles attached).
_HAPPENING_NOUNS.update({
    "it": "terremot sism scoss alluvion inondazion tempest uragan tifon ciclon incendi esplosion attentat attacc incident crollo "
          "eruzion fran tsunami elezion voto votazion referendum sentenz verdett scioper finale partit vertic incontr visit disastr tragedi",
    "pt": "terremot sismo abalo tremor réplica inundaç enchente cheia tempestade furacão tufão ciclone incêndio explosão atentado "
          "ataque acidente desabamento colapso erupção deslizamento tsunami eleiç votação referendo sentença veredicto greve final "
          "partida jogo cúpula reunião visita desastre tragédia",
    "ru": "землетрясени толч наводнени паводк шторм ураган тайфун циклон пожар взрыв теракт атак удар авари крушени обрушени "
          "извержени оползн цунами выбор голосовани референдум приговор забастовк финал матч саммит встреч визит катастроф трагеди",
    "uk": "землетрус поштовх повен наводн шторм ураган тайфун циклон пожеж вибух теракт атак удар авар катастроф обвал "
          "виверженн зсув цунамі вибор голосуванн референдум вирок страйк фінал матч саміт зустріч візит трагеді",
    "ja": "地震 余震 震災 洪水 豪雨 大雨 水害 台風 嵐 火災 山火事 火事 爆発 攻撃 襲撃 テロ 事故 墜落 崩落 倒壊 噴火 土砂崩れ 津波 "
          "選挙 投票 判決 ストライキ 決勝 試合 会談 会議 訪問 災害 惨事 震",
    "zh": "地震 余震 强震 洪水 水灾 暴雨 台风 风暴 飓风 火灾 山火 大火 爆炸 袭击 攻击 空袭 事故 坠机 坍塌 倒塌 喷发 滑坡 海啸 "
          "选举 大选 投票 公投 判决 罢工 决赛 比赛 峰会 会谈 会议 访问 灾难 惨剧 震",
    "ko": "지진 여진 홍수 폭우 태풍 폭풍 화재 산불 폭발 공격 습격 테러 사고 추락 붕괴 분화 산사태 쓰나미 선거 투표 판결 파업 결승 "
          "경기 회담 회의 방문 참사 재난",
    "th": "แผ่นดินไหว อาฟเตอร์ช็อก น้ำท่วม พายุ ไฟไหม้ ไฟป่า ระเบิด โจมตี อุบัติเหตุ เครื่องบินตก ถล่ม ปะทุ ดินถล่ม สึนามิ เลือกตั้ง "
          "ลงคะแนน ประชามติ คำพิพากษา นัดหยุดงาน นัดชิง ประชุมสุดยอด ประชุม เยือน ภัยพิบัติ โศกนาฏกรรม",
})
# Nouns that name whatever happened ("the disaster", "das Unglück", 「惨事」), not one kind of happening.
_GENERAL_HAPPENING_NOUNS = {
    "en": ("disaster", "tragedy", "accident"), "fr": ("catastrophe", "drame", "accident"), "de": ("katastrophe", "unglück"),
    "es": ("catástrofe", "tragedia", "accidente"), "it": ("disastr", "tragedi", "incident"), "pt": ("desastre", "tragédia", "acidente"),
    "ru": ("катастроф", "трагеди", "авари"), "uk": ("катастроф", "трагеді", "авар"), "ja": ("災害", "惨事", "事故"),
    "zh": ("灾难", "惨剧", "事故"), "ko": ("참사", "재난", "사고"), "th": ("ภัยพิบัติ", "โศกนาฏกรรม", "อุบัติเหตุ"),
}
# Stems and unspaced scripts: a noun matches the start of a word, or any part of the words (see above).
_NOUN_AS_STEM = frozenset({"it", "pt", "ru", "uk"})
_NOUN_INSIDE_WORDS = frozenset({"ja", "zh", "ko", "th"})


def _count_alternatives(*words: str) -> str:
    return r"(?P<num>[0-9０-９]+|" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Count words of the languages read after English, French, German and Spanish: each word's value, or
# None for "a few" (two to six days). Listed once: the value table, the alternations and the vague set
# below are read from it.
_MORE_COUNT_WORDS = {
    "it": {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
           "dieci": 10, "alcuni": None, "pochi": None},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
           "dez": 10, "alguns": None, "poucos": None},
    "ru": {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "десять": 10,
           "несколько": None},
    "uk": {"один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "шість": 6, "сім": 7,
           "десять": 10, "кілька": None},
    "ja/zh": {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "数": None, "數": None, "几": None, "幾": None},
    "ko": {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10, "며칠": None, "몇": None},
    "th": {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "สิบ": 10},
}
_COUNT_WORDS.update({word: value for words in _MORE_COUNT_WORDS.values() for word, value in words.items() if value is not None})
_VAGUE_COUNT_WORDS = _VAGUE_COUNT_WORDS | {word for words in _MORE_COUNT_WORDS.values() for word, value in words.items() if value is None}
_IT_COUNT, _PT_COUNT, _RU_COUNT, _UK_COUNT, _CJK_COUNT, _KO_COUNT, _TH_COUNT = (
    _count_alternatives(*_MORE_COUNT_WORDS[language]) for language in ("it", "pt", "ru", "uk", "ja/zh", "ko", "th")
)
_UNSPACED_REST = r"(?P<rest>[^\s、，,。！？「」（）()]{1,12}?)"
_AFTER_HAPPENING.update({
    # "due giorni dopo il terremoto", "il giorno dopo il sisma", "all'indomani del terremoto", "a tre giorni dal sisma"
    "it": re.compile(r"(?i)(?:\b(?:" + _IT_COUNT + r"\s+)?(?P<unit>ore|giorni|giorno|settimane?)\s+dopo|(?P<next>\bindomani)|\ba\s+" + _IT_COUNT.replace("num", "num2") + r"\s+(?P<unit2>ore|giorni|settimane)\s+da)\s*(?:il\s+|lo\s+|la\s+|l[’']|del(?:lo|la)?\s+|dell[’']|dal(?:lo|la)?\s+|dall[’'])?(?P<rest>(?:[\w’'-]+\s+){0,4}[\w’'-]+)"),
    # "dois dias após o terremoto", "dois dias depois do sismo", "no dia seguinte ao terremoto"
    "pt": re.compile(r"(?i)(?:\b(?:" + _PT_COUNT + r"\s+)?(?P<unit>horas?|dias?|semanas?)\s+(?:após|depois\s+d[oae]s?)|(?P<next>\bdia\s+seguinte\s+a))\s*(?:o\s+|a\s+|os\s+|as\s+|ao\s+|à\s+)?(?P<rest>(?:[\w-]+\s+){0,4}[\w-]+)"),
    # "через два дня после землетрясения", "спустя неделю после", "на следующий день после"
    "ru": re.compile(r"(?i)(?:(?:через|спустя)\s+(?:" + _RU_COUNT + r"\s+)?(?P<unit>час\w*|дн\w*|день|недел\w*)|(?P<next>на\s+следующий\s+день|на\s+другой\s+день))\s+после\s+(?P<rest>(?:[\w-]+\s+){0,4}[\w-]+)"),
    "uk": re.compile(r"(?i)(?:(?:через|за|після)\s+(?:" + _UK_COUNT + r"\s+)?(?P<unit>годин\w*|дн\w*|день|тиж\w*)|(?P<next>наступного\s+дня|наступний\s+день))\s+після\s+(?P<rest>(?:[\w'’-]+\s+){0,4}[\w'’-]+)"),
    # 「地震発生から2日後」「地震の翌日」
    "ja": re.compile(_UNSPACED_REST + r"(?:(?:の)?(?:発生)?から(?:" + _CJK_COUNT + r")(?P<unit>時間|日|週間)後|の(?P<next>翌日))"),
    # 「震后第三天」「地震发生后两天」「地震次日」
    "zh": re.compile(_UNSPACED_REST + r"(?:(?:发生|發生)?(?:后|後)(?:的)?(?P<ordinal>第)?(?:" + _CJK_COUNT + r")(?:个|個)?(?P<unit>小时|小時|天|日|周|週|星期)|(?P<next>次日|翌日|第二天))"),
    # 「지진 발생 이틀 만에」「지진 발생 3일 후」「지진 다음 날」
    "ko": re.compile(_UNSPACED_REST + r"\s*(?:발생\s*)?(?:" + _KO_COUNT + r"\s*(?P<unit>시간|일|주)?\s*(?:만에|후|뒤)|(?P<next>다음\s*날|이튿날))"),
    # "สองวันหลังเกิดแผ่นดินไหว", "หลังเกิดแผ่นดินไหว 3 วัน", "วันรุ่งขึ้นหลังแผ่นดินไหว"
    "th": re.compile(r"(?:" + _TH_COUNT + r"\s*(?P<unit>ชั่วโมง|วัน|สัปดาห์)\s*หลัง(?:จาก)?(?:เกิด)?|(?P<next>วันรุ่งขึ้น)\s*หลัง(?:จาก)?(?:เกิด)?|หลัง(?:จาก)?(?:เกิด)?(?=[^\s]{1,12}\s*" + _TH_COUNT.replace("num", "num2") + r"\s*(?P<unit2>ชั่วโมง|วัน|สัปดาห์)))(?P<rest>[^\s]{1,12})"),
})
_HOUR_UNITS = ("hour", "heure", "stunde", "hora", "ore", "час", "годин", "時間", "小时", "小時", "시간", "ชั่วโมง")
_WEEK_UNITS = ("week", "semaine", "woche", "semana", "settiman", "недел", "тиж", "週", "周", "星期", "주", "สัปดาห์")


def _count_value(count: str) -> int:
    """A count in digits (half or full width) or a count word of `_COUNT_WORDS`; 1 when unknown."""
    import unicodedata

    digits = unicodedata.normalize("NFKC", count)
    return int(digits) if digits.isdigit() else _COUNT_WORDS.get(count, 1)


def _names_happening(text: str, noun: str, language: str) -> bool:
    """Whether `text` names the happening noun (as a word's end, "quake" in "earthquake"; a word's
    start for stems; anywhere in unspaced scripts)."""
    lowered = text.lower()
    if language in _NOUN_INSIDE_WORDS:
        return noun in lowered
    if language in _NOUN_AS_STEM:
        return re.search(r"(?<![^\W\d_])" + re.escape(noun), lowered) is not None
    return re.search(re.escape(noun) + r"(?![^\W\d_])", lowered) is not None  # "quake" in "earthquake" too


def _after_a_happening(
    text: str, language: str | None, mentions: list[EventMention], article: Article
) -> tuple[bool, ResolvedDate | None]:
    """"Two days after the quake", "quatre jours après le séisme", "am Tag nach dem Beben", "через два
    дня после землетрясения", 「地震発生から2日後」, "震后第三天", "지진 발생 이틀 만에": the day
    counted from the day an earlier sentence of the same report dated that happening (the first
    day-dated sentence naming it), when it names one of the happening nouns. Returns (whether the
    sentence counts from a named happening, that day or None when the report never dated it)."""
    pattern = _AFTER_HAPPENING.get(language or "")
    if pattern is None:
        return False, None
    nouns = _HAPPENING_NOUNS[language].split()
    for match in pattern.finditer(text):
        rest = match["rest"]
        if language in _NOUN_INSIDE_WORDS:
            found = [(rest.find(noun), noun) for noun in nouns if noun in rest]
            if not found:
                continue
            offset, noun = min(found, key=lambda item: (item[0], -len(item[1])))
            noun_start, noun_end = match.start("rest") + offset, match.start("rest") + offset + len(noun)
        else:
            words = list(re.finditer(r"[^\W\d_]+", rest))
            stem = language in _NOUN_AS_STEM
            found = next((
                (word, noun) for word in words for noun in nouns
                if (word.group().lower().startswith(noun) if stem else word.group().lower() == noun)
            ), None)
            if found is None:
                continue
            word, noun = found
            noun_start, noun_end = match.start("rest") + word.start(), match.start("rest") + word.end()
        # The happening is the one the report dated under that noun, or under another noun of the same
        # kind ("Erdbeben" / "Beben", "séisme" / "tremblement de terre"); a general noun ("the disaster",
        # "das Unglück", 「惨事」) is the first dated happening of any kind the report names.
        from lib.events.evidence import happening_kinds

        named = text[noun_start:noun_end]
        kinds = happening_kinds(named, language)
        general = noun in _GENERAL_HAPPENING_NOUNS.get(language, ())

        def tells_it(mention: EventMention) -> bool:
            if _names_happening(mention.sentence.text, noun, language):
                return True
            told = happening_kinds(mention.sentence.text, language)
            return bool(told & kinds) or (general and bool(told))

        base = next((
            mention for mention in mentions
            if mention.article is article and mention.dated_by == "phrase" and mention.precision == "day"
            and mention.weekday is None and tells_it(mention)
        ), None)
        if base is None:
            return True, None
        groups = match.groupdict()
        unit = (groups.get("unit") or groups.get("unit2") or "day").lower()
        count = (groups.get("num") or groups.get("num2") or "").lower()
        first = parse_iso(base.start)
        if unit.startswith(_HOUR_UNITS):
            start, end = first, first + timedelta(days=1)  # within hours: that day or the next
        elif groups.get("next"):
            start = end = first + timedelta(days=1)
        else:
            days = 7 if unit.startswith(_WEEK_UNITS) else 1
            # "days after the quake" (a plural without a count): a few days, like "quelques jours après".
            plural = language in ("en", "fr", "de", "es") and (unit.endswith("s") or unit in ("tagen", "wochen"))
            if count in _VAGUE_COUNT_WORDS or (not count and plural and not groups.get("the")):
                start, end = first + timedelta(days=2 * days), first + timedelta(days=6 * days)
            else:
                amount = _count_value(count) if count else 1
                start = end = first + timedelta(days=amount * days)
                if groups.get("ordinal"):
                    # "震后第三天": the third day of the count; whether the day of the quake is the first
                    # varies between writers, so the interval holds both readings.
                    start = first + timedelta(days=(amount - 1) * days)
        # The phrase up to its noun is the clue; the noun itself anchors the clause (the words before it,
        # "Two days after", are cut off from the main clause by "after").
        return True, ResolvedDate(
            start=start.isoformat(), end=end.isoformat(), precision=precision_for_span(start, end, "day"),
            clue=text[match.start() : max(noun_end, match.end() if language in _NOUN_INSIDE_WORDS else noun_end)].strip(),
            char_start=noun_start, char_end=noun_end, role="event", relative=True, future=False, kind="later",
        )
    return False, None


# A sentence opening with what happened before it, told as a clause ("辞表を提出したあと、…説明しました",
# "提交辞呈后，…", "사표를 제출한 뒤 …"): scripts without spaces repeat the clause's words as the report
# first told them, so the clause is found in an earlier dated sentence by its characters.
_AFTER_TOLD = {
    "ja": re.compile(r"^\s*(?P<clause>[^、。「」]{3,30}?)(?:した|して|し|の)?(?:あと|後)(?:で|に)?、"),
    "zh": re.compile(r"^\s*(?P<clause>[^，,。]{3,30}?)(?:之)?(?:后|後)[，,]"),
    "ko": re.compile(r"^\s*(?P<clause>[^,.。]{3,30}?)(?:한|된|했던)?\s*(?:뒤|후)(?:에)?[,\s]"),
}
AFTER_TOLD_DAYS = 6  # "after" without a count: that day up to six days on (never after the page)


def _after_a_told_happening(text: str, language: str | None, mentions: list[EventMention], article: Article) -> ResolvedDate | None:
    """The days after a happening the report dated earlier and this sentence names by the same words
    (「辞表を提出したあと、」 after 「21日朝、…辞表を提出し、」): from that day to six days on; None when
    the sentence opens with no such clause or no earlier day-dated sentence of the report holds it."""
    pattern = _AFTER_TOLD.get(language or "")
    match = pattern.match(text) if pattern else None
    if match is None:
        return None
    clause = match["clause"].strip()
    if len(clause) < 3 or _SPACELESS.search(clause) is None and language != "ko":
        return None
    base = next((
        mention for mention in mentions
        if mention.article is article and mention.dated_by == "phrase" and mention.precision == "day"
        and mention.weekday is None and clause in mention.sentence.text
    ), None)
    if base is None:
        return None
    first = parse_iso(base.start)
    end = first + timedelta(days=AFTER_TOLD_DAYS)
    return ResolvedDate(
        start=first.isoformat(), end=end.isoformat(), precision=precision_for_span(first, end, "day"),
        clue=text[match.start("clause") : match.end()].strip(" 、，,"), char_start=match.start("clause"), char_end=match.end("clause"),
        role="event", relative=True, future=False, kind="later",
    )


def _continued_in_paragraph(
    mentions: list[EventMention], sentence: Sentence, paragraphs: dict[int, int], text: str, english: bool, language: str | None
) -> EventMention | None:
    """The dated mention an undated sentence goes on telling within its paragraph: the nearest
    earlier one of the same paragraph dated to a day or a week, when the sentence is neither a
    plan, a condition, a question nor marked as earlier background ("Previously, …", "바 있다");
    an English sentence must also have a past verb. None otherwise."""
    from lib.text import date_languages

    if english:
        if _UNDATED_PAST.search(text) or _CONDITIONAL.match(text) or is_future(text) or not _has_event_verb(text):
            return None
    elif _EARLIER.search(text) or (language and date_languages.is_future(text, language)):
        return None
    paragraph = paragraphs.get(sentence.index)
    for mention in reversed(mentions):
        if paragraphs.get(mention.sentence.index) != paragraph:
            return None
        if mention.dated_by == "phrase" and mention.precision in ("day", "week"):
            return mention
    return None


def _dated_by_the_text(text: str, language: str | None, dates: list[ResolvedDate], anchor: date) -> list[ResolvedDate]:
    """`dates` with each day named without its year or month ("le 29 mars", 「29日」) at its
    occurrence nearest `anchor` (the last day the text gave with its year)."""
    from lib.text.dates import find_date_phrases, resolve_nearest

    placed = {
        phrase.start: resolved for phrase in find_date_phrases(text, language)
        if phrase.kind in ("md", "dm", "dom") and (resolved := resolve_nearest(phrase, anchor)) is not None
    }
    if not placed:
        return dates
    kept = [resolved for resolved in dates if resolved.char_start not in placed]
    return sorted([*kept, *placed.values()], key=lambda r: r.char_start)


def _is_full_day(resolved: ResolvedDate) -> bool:
    """A past day written with its year ("28 March 2025", "2025年3月28日")."""
    return (
        resolved.kind in ("iso", "mdy", "dmy") and resolved.precision == "day" and resolved.start == resolved.end
        and resolved.role == "event" and not resolved.future
    )


# A page that prints no date names full past days: it was published on or after the latest of them,
# and read as published within this many days after it (a report tells its latest dated happening
# within the week), so relative phrases get an interval, never one made-up day.
OWN_DATES_SPAN_DAYS = 6
# A publication known less closely than this (a month, an inferred interval) is narrowed by the
# page's own dates the same way: published in March 2025 and naming 28 March 2025, it is of 28-31 March.
OWN_DATES_WIDE_DAYS = 7
OWN_DATES_CLUE = "read as published"


# A page that prints no date, in a corpus whose dated reports were all published within this many
# days, is read as published among them (see `story_days_of`).
STORY_DAYS_MAX = 31
# ... and when at least this share of them fall in such a window.
STORY_DAYS_SHARE = 2 / 3
STORY_DAYS_CLUE = "read as published within the days of the story's dated reports"


def story_days_of(articles: list[Article]) -> tuple[date, date] | None:
    """The days a story's reports were published in, as the pages dated to a day (or to a few days)
    tell it: the window of at most STORY_DAYS_MAX days holding the most of them (at least two, and
    at least STORY_DAYS_SHARE of them: a late follow-up report does not stretch it), from
    OWN_DATES_SPAN_DAYS before its first day to OWN_DATES_SPAN_DAYS after its last (a report
    without its date may be a little earlier or later than the dated ones). None when the dated
    reports are too few or too spread out: a reader places a page without its date among the other
    reports of its story only when most of them are that close together."""
    spans = []
    for article in articles:
        interval = reference_interval(article.published)
        if interval is not None and (interval[1] - interval[0]).days <= OWN_DATES_WIDE_DAYS:
            spans.append(interval)
    if len(spans) < 2:
        return None
    best: tuple[int, date, date] | None = None
    for first, _last in sorted(spans):
        inside = [span for span in spans if first <= span[0] and span[1] <= first + timedelta(days=STORY_DAYS_MAX)]
        if best is None or len(inside) > best[0]:
            best = (len(inside), first, max(span[1] for span in inside))
    count, first, last = best
    if count < 2 or count < STORY_DAYS_SHARE * len(spans):
        return None
    return first - timedelta(days=OWN_DATES_SPAN_DAYS), last + timedelta(days=OWN_DATES_SPAN_DAYS)


def page_reference(article: Article, story_days: tuple[date, date] | None = None) -> tuple[PublishedDate, list]:
    """The publication to read an article's relative phrases against, and the full past days its
    text names (in text order).

    The article's own publication whenever it is known within OWN_DATES_WIDE_DAYS; for a page of
    unknown date (or a wider inferred interval) that names full past days, the days from the latest
    of them to OWN_DATES_SPAN_DAYS after it (inside the inferred interval, if any): "lundi" is then
    one of two Mondays, "Friday" the day itself when the latest day named was a Friday. A page of
    unknown date that names no full day of its own is read within `story_days` (`story_days_of`),
    when given (or within the part of its inferred interval they share, when it is wider): its days
    named without a year ("le 28 mars") are placed there, and its weekdays get an interval as wide as
    the uncertainty, never one made-up day.
    """
    own = reference_interval(article.published)
    if own is not None and (own[1] - own[0]).days <= OWN_DATES_WIDE_DAYS:
        return article.published, []
    interval, within = own, article.published
    # Within the story's days (and the page's own inferred interval, when it has one that holds them).
    from_story = story_days is not None and (own is None or (story_days[0] <= own[1] and own[0] <= story_days[1]))
    if from_story:
        first_day, last_day = (max(story_days[0], own[0]), min(story_days[1], own[1])) if own else story_days
        interval = (first_day, last_day)
        within = PublishedDate(
            date=None, precision="unknown", stated=False,
            clue=f"{STORY_DAYS_CLUE}, {format_day(first_day)} to {format_day(last_day)}",
            earliest=first_day.isoformat(), latest=last_day.isoformat(),
        )
    from lib.text.dates import find_date_phrases, resolve_nearest

    named, by_sentence = [], []
    for sentence in article.sentences:
        english = is_english_sentence(sentence.text, sentence.language, article.language)
        language = "en" if english else _reading_language(sentence.language, article.language)
        # With a wide interval, a day-month that interval places in one year counts too ("vendredi 28 mars"
        # in a page inferred to mid-2024..mid-2025: the only Friday 28 March is in 2025).
        days = [
            parse_iso(r.start) for r in resolve_dates(sentence.text, within if interval else None, language=language)
            if _is_full_day(r) or (r.kind in ("md", "dm") and r.start == r.end and r.role == "event" and not r.future)
        ]
        named += days
        by_sentence.append((sentence.text, language, days))
    if not named:
        return (within, []) if from_story else (article.published, [])
    # Past days named without their year or month ("Am 31. März", 「30日」) at their occurrence nearest the
    # last full day before them: the page was published after them too.
    last_full = named[0]
    for text, language, days in by_sentence:
        last_full = days[-1] if days else last_full
        named += [
            parse_iso(placed.start) for phrase in find_date_phrases(text, language)
            if phrase.kind in ("md", "dm", "dom") and phrase.role == "event" and not phrase.future
            and (placed := resolve_nearest(phrase, last_full)) is not None and placed.start == placed.end
        ]
    named = list(dict.fromkeys(named))  # each day once, in the order the text first names it
    first, last = max(named), max(named) + timedelta(days=OWN_DATES_SPAN_DAYS)
    if own is not None:
        if not (own[0] <= first <= own[1]):
            return article.published, []  # the text's days disagree with the inference: keep the inference
        first, last = max(first, own[0]), min(last, own[1])
    clue = f"{OWN_DATES_CLUE} {format_day(first)} to {format_day(last)}: on or after the latest day the page's text names"
    return PublishedDate(date=None, precision="unknown", stated=False, clue=clue, earliest=first.isoformat(), latest=last.isoformat()), named


def _pinned_weekday(resolved: ResolvedDate, named_days: list) -> ResolvedDate:
    """A bare weekday read against an interval of publication days spans two weeks' worth of that
    weekday; when the page names exactly one of those days in full ("Friday" on a page that says
    "28 March 2025"), it is that day."""
    from dataclasses import replace as replace_record

    if resolved.kind != "weekday" or resolved.start == resolved.end:
        return resolved
    start, end = parse_iso(resolved.start), parse_iso(resolved.end)
    matching = {day for day in named_days if start <= day <= end and day.weekday() == end.weekday()}
    if len(matching) != 1:
        return resolved
    day = matching.pop()
    first = day - timedelta(days=1) if start.weekday() != end.weekday() else day  # "in der Nacht zum Freitag"
    return replace_record(resolved, start=first.isoformat(), end=day.isoformat(), precision="day")


def uncertain_weekday(resolved: ResolvedDate) -> int | None:
    """The weekday of every day a weekday phrase may be, when it was read as an interval of several
    weeks ("mardi" against an uncertain publication: 1 or 8 or 15 July); None for any other date."""
    if resolved.kind != "weekday" or resolved.start == resolved.end:
        return None
    start, end = parse_iso(resolved.start), parse_iso(resolved.end)
    return end.weekday() if start.weekday() == end.weekday() else None


def _among_news_of_the_days(mentions: list[EventMention], sentence: Sentence, news_window: tuple[str, str] | None) -> bool:
    """Whether the sentence right before this one told a happening of the report's own week."""
    if news_window is None:
        return False
    return any(
        mention.sentence.index == sentence.index - 1 and mention.dated_by in ("phrase", "context", "report")
        and news_window[0] <= mention.start and mention.end <= news_window[1]
        for mention in mentions
    )


# Words after which a past form describes a noun ("the number of transferred troops", "its newly built plant").
_ATTRIBUTIVE_BEFORE = re.compile(r"(?i)\b(?:of|the|a|an|its|their|his|her|newly|recently|already)\s+$")


def _reports_a_happening(text: str, english: bool, language: str | None) -> bool:
    """A sentence that tells something that happened (a past verb in English), not a plan, a condition,
    a question, background marked as earlier ("Previously, …", "바 있다", "ранее") or a standing
    state ("remains without power", "est la plus touchée", "依然として…続いています")."""
    from lib.text import date_languages

    if english:
        # A verb of action in the past ("declared", "fled"), not only a copula ("The quake was the strongest …").
        action = _PAST_FORM.search(text) or any(match.group() not in ("was", "were") for match in _IRREGULAR_PAST_RE.finditer(text))
        present = re.search(r"\b(?:is|are|currently|now)\b", text) and not _PERFECT.search(text)
        # A head count without a date is read as a running total ("the number of transferred troops
        # stands at 12,000"), as in other languages (`_standing_figure`), unless a verb in the past tells
        # what was done ("Rescue teams pulled 40 people from rooftops"), not an adjective ("of transferred troops").
        from lib.text.numbers import counted_quantities

        finite = any(
            not _ATTRIBUTIVE_BEFORE.search(text[: match.start()])
            for match in (*_PAST_FORM.finditer(text), *(m for m in _IRREGULAR_PAST_RE.finditer(text) if m.group() not in ("was", "were")))
        )
        return bool(action) and not (
            _UNDATED_PAST.search(text) or _CONDITIONAL.match(text) or is_future(text) or present
            or (counted_quantities(text, "en") and not finite) or is_standing_state(text, "en")
        )
    return bool(language) and not (
        _EARLIER.search(text) or date_languages.is_future(text, language) or is_standing_state(text, language)
    )


def as_report_mention(mention: EventMention, story_days: tuple[date, date] | None = None) -> EventMention | None:
    """A sentence whose anchor proved to tell another happening, dated by its report instead
    (the week ending on the publication day), or None when the report's day is not known or the
    sentence, said by no one, states what still holds ("the city remains without power")."""
    from dataclasses import replace as replace_record

    sentence = mention.sentence
    language = "en" if is_english_sentence(sentence.text, sentence.language, mention.article.language) else (
        _reading_language(sentence.language, mention.article.language)
    )
    if not mention.is_statement and is_standing_state(sentence.text, language):
        return None

    # The publication its sentences were read against (a page of unknown date: from the days it names).
    window = _statement_window(page_reference(mention.article, story_days)[0])
    if window is None:
        return None
    start, end, clue = window
    return replace_record(
        mention, start=start, end=end, precision=precision_for_span(parse_iso(start), parse_iso(end), "week"), clue=clue,
        dated_by="report", anchor=None, loose_anchor=False,
    )


def paragraph_numbers(article: Article) -> dict[int, int]:
    """{sentence index: paragraph number}: a line break between two sentences starts a new paragraph."""
    numbers: dict[int, int] = {}
    current, previous_end = 0, None
    for sentence in article.sentences:
        if previous_end is not None and "\n" in article.body[previous_end : sentence.start]:
            current += 1
        numbers[sentence.index] = current
        previous_end = sentence.end
    return numbers


def _news_window(published: PublishedDate) -> tuple[str, str] | None:
    """The days a report's own news can fall in: the week ending on its last possible day
    (None when the publication is not known within REPORT_SPAN_DAYS)."""
    interval = reference_interval(published)
    if interval is None or (interval[1] - interval[0]).days > REPORT_SPAN_DAYS:
        return None
    return (interval[0] - timedelta(days=6)).isoformat(), interval[1].isoformat()


def _anchor_for(
    mentions: list[EventMention], sentence: Sentence, paragraphs: dict[int, int],
    news_window: tuple[str, str] | None, is_statement: bool, speaker: frozenset[str] = frozenset(),
) -> tuple[EventMention | None, bool]:
    """The earlier dated mention of this report that an undated sentence goes on telling.

    Candidates: mentions of the same paragraph dated to a day or a week, and mentions of the
    report's news of its own day (an interval inside the week ending on the publication day
    that holds its last possible day: an undated sentence in another paragraph is news of the
    day, not of an earlier day the report mentions). A statement prefers the nearest earlier
    statement (what else was said where that was said), any sentence the nearest earlier
    candidate. Returns (anchor or None, whether only the report's day links them: `loose_anchor`).
    """
    candidates = []
    for mention in reversed(mentions):
        if mention.dated_by not in ("phrase", "report"):
            continue
        same_paragraph = paragraphs.get(mention.sentence.index) == paragraphs.get(sentence.index)
        of_the_day = news_window is not None and news_window[0] <= mention.start and mention.end == news_window[1]
        if (same_paragraph and mention.precision in ("day", "week")) or of_the_day:
            candidates.append(mention)
    if not candidates:
        return None, False
    other_paragraph = lambda mention: paragraphs.get(mention.sentence.index) != paragraphs.get(sentence.index)  # noqa: E731
    if is_statement:
        said = [mention for mention in candidates if mention.is_statement]
        if said:
            anchor = next((mention for mention in said if mention.speaker & speaker), said[0])
            # Two named speakers who share no name say two things: only the day links them.
            same_voice = not anchor.speaker or not speaker or bool(anchor.speaker & speaker)
            return anchor, other_paragraph(anchor) and not same_voice
    anchor = candidates[0]
    return anchor, other_paragraph(anchor)


# Languages whose dates the text tools read besides English (see `date_languages.LANGUAGES`).
READ_LANGUAGES = date_languages.LANGUAGES


def _reading_language(sentence_language: str, article_language: str) -> str | None:
    """The language to read a non-English sentence in: its own label when the tools read it, else
    the article's, else None (the sentence's script decides)."""
    for language in (sentence_language, article_language):
        if language in READ_LANGUAGES:
            return language
    return None


# A statement of the day is dated by its report when the report's days are known within this many.
REPORT_SPAN_DAYS = 7


def _statement_window(published: PublishedDate) -> tuple[str, str, str] | None:
    """The week ending on the publication day (`report_window`); for a publication known only
    within a few days (an inferred interval), from a week before its first day to its last."""
    window = report_window(published)
    if window is not None:
        return window
    interval = reference_interval(published)
    if interval is None or (interval[1] - interval[0]).days > REPORT_SPAN_DAYS:
        return None
    first, last = interval
    clue = f"reported between {format_day(first)} and {format_day(last)} (no date in sentence)"
    if published.clue.startswith(OWN_DATES_CLUE):  # a page without its date, read from the days it names
        clue = f"reported on or after {format_day(first)}, the latest day the page names (no date in sentence)"
    return (first - timedelta(days=6)).isoformat(), last.isoformat(), clue


def _year_before(resolved: ResolvedDate, latest: str) -> ResolvedDate | None:
    """A day and month without a year, in a clause not about the future, read one year earlier when
    the nearest occurrence fell after the page; None for any other date after the page."""
    from dataclasses import replace as replace_record

    if resolved.kind not in ("md", "dm") or resolved.future or resolved.start != resolved.end:
        return None
    day = parse_iso(resolved.start)
    try:
        earlier = day.replace(year=day.year - 1).isoformat()
    except ValueError:  # 29 February
        return None
    return replace_record(resolved, start=earlier, end=earlier) if earlier <= latest else None


# What may stand between a weekday and the week it names: "Monday of last week", "lundi de la semaine dernière".
_BESIDE_GAP = re.compile(r"[\s,(]*(?:of|de|der|in der)?[\s,(]*", re.IGNORECASE)


def _without_wider_neighbours(text: str, dates: list[ResolvedDate]) -> list[ResolvedDate]:
    """`dates` without a phrase that only widens the one written right beside it ("on Friday last week",
    "Freitag vergangener Woche", "Friday, in the second week of June"): the narrower phrase, inside the
    wider one's interval, says the day. A weekday beside the week it falls in ("am Montag vergangener Woche",
    "on Monday of last week" on a Wednesday's page) is that week's day of that name, not the last one."""
    from dataclasses import replace as replace_record

    def beside(first: ResolvedDate, second: ResolvedDate) -> bool:
        gap = text[min(first.char_end, second.char_end) : max(first.char_start, second.char_start)]
        return len(gap) <= 8 and bool(_BESIDE_GAP.fullmatch(gap))

    def in_its_week(narrow: ResolvedDate) -> ResolvedDate:
        if narrow.kind != "weekday" or narrow.start != narrow.end:
            return narrow
        for week in dates:
            first, last = parse_iso(week.start), parse_iso(week.end)
            if week is narrow or (last - first).days != 6 or not beside(week, narrow) or first <= parse_iso(narrow.start) <= last:
                continue
            day = first + timedelta(days=(parse_iso(narrow.start).weekday() - first.weekday()) % 7)
            return replace_record(narrow, start=day.isoformat(), end=day.isoformat(), clue=text[min(week.char_start, narrow.char_start) : max(week.char_end, narrow.char_end)])
        return narrow

    dates = [in_its_week(resolved) for resolved in dates]
    return [
        wide for wide in dates
        if not any(
            narrow is not wide and beside(wide, narrow) and wide.start <= narrow.start and narrow.end <= wide.end
            and (narrow.start, narrow.end) != (wide.start, wide.end)
            for narrow in dates
        )
    ]


def _is_date_line(text: str, resolved: ResolvedDate) -> bool:
    """A line that is mostly its date ("Published: 29 March 2025, 10:15", "2025年3月29日 10時15分")."""
    rest = (text[: resolved.char_start] + " " + text[resolved.char_end :]).strip()
    clock = re.search(r"\d{1,2}\s?(?:[:h時시]|heures?)\s?\d{2}", rest)
    if _SPACELESS.search(rest):
        # No spaces between words: count letters ("上周六，两队…表示有信心取胜" is a sentence, not one word).
        letters = len(re.findall(r"[^\W\d_]", rest))
        return letters <= 4 or (letters <= 8 and bool(clock))
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return len(words) <= 1 or (len(words) <= 3 and bool(clock))


def _is_list_of_dates(text: str, dates: list[ResolvedDate]) -> bool:
    """Two or more dates and at most two other words ("Timeline: 28 March, 29 March, 31 March",
    "3月28日、29日、31日"): a list or a heading, not a sentence telling what happened."""
    if len(dates) < 2:
        return False
    rest, cut = [], 0
    for resolved in sorted(dates, key=lambda item: item.char_start):
        rest.append(text[cut : resolved.char_start])
        cut = max(cut, resolved.char_end)
    rest.append(text[cut:])
    rest_text = " ".join(rest)
    if _SPACELESS.search(rest_text):
        return len(re.findall(r"[^\W\d_]", rest_text)) <= 4
    return len(re.findall(r"[^\W\d_]{2,}", rest_text)) <= 2


def _said_before(text: str, date_start: int) -> bool:
    """"X has told AFP that … damaged the 2023 crop": the statement comes before the date, which
    belongs to what was said; the saying itself is still the report's news of the day."""
    verbs = [match for match in _event_verbs(text[:date_start]) if match.group().lower() in STATEMENT_VERBS]
    return bool(verbs) and bool(re.search(r"\bthat\b", text[verbs[0].end() : date_start]))


def _page_latest(published: PublishedDate) -> str | None:
    """The last day the page can have been published ("YYYY-MM-DD"), or None when unknown."""
    interval = reference_interval(published)
    return interval[1].isoformat() if interval else None


def _resolve(text: str, published: PublishedDate, language: str | None, previous: ResolvedDate | None = None) -> list[ResolvedDate]:
    """`resolve_dates` in the sentence's language ("en": the English grammar only); "two days
    later" counts from `previous` when the sentence has no date before it."""
    return resolve_dates(text, published, language=language, previous=previous)


_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")


def _too_short(text: str, english: bool) -> bool:
    if _SPACELESS.search(text):
        return len(text.strip()) < 12
    words = len(text.split())
    # Four words make a sentence when an English one has a past verb ("Schools reopened on Monday.").
    return words < 4 or (words == 4 and not (english and _has_past_verb(text)))


# A preposition of place right before a figure ("in sechs Regionen", "dans six régions", "en seis regiones",
# "в шести регионах", "у шести областях"): the figure says where, not how many.
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?i)(?<![\w])(?:in|im|in den|across|dans|dans les|en|aux|en las|en los|in tutte le|em|nas|nos|в|во|у|на)\s+$")


def _standing_figure(text: str, language: str) -> bool:
    """A present-perfect or present sentence with a head count and no date ("has sent 11,000
    troops") states a running total, not an event of the day."""
    from lib.text.numbers import counted_quantities

    counts = counted_quantities(text, language)
    if not counts:
        return False
    if language == "en":
        return bool(re.search(r"\b(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|sent|been)\b|\b(?:is|are)\s+\w+ing\b|\bthere\s+(?:are|is)\b", text, re.IGNORECASE))
    # Elsewhere, read by structure alone: a figure is a running total ("rund 10.000 Soldaten", "3 Millionen
    # Haushalte"), unless a preposition of place governs it ("in sechs Regionen", "dans six régions"): that
    # says where something happened, not how many so far.
    return any(not _PLACE_PREPOSITION_BEFORE.search(text[: quantity.start]) for quantity in counts)


# "said before", "had said": an earlier statement recalled, not the report's news.
_EARLIER = re.compile(
    r"바 있다|바 있습니다|적이 있|これまでに|以前|かつて|曾经|此前|先前|(?<![\w])(?:ранее|прежде|раніше|zuvor|früher|bereits|"
    r"auparavant|précédemment|naguère|anteriormente|previamente|con anterioridad|in precedenza|precedentemente|سابقا|سابقاً)(?![\w])",
    re.IGNORECASE,
)
# Hearsay: the sentence passes on what the report's sources say or believe, with no verb of saying
# ("…行われているという", "…とみられる", "…것으로 알려졌다", "据悉…", "Сообщается, что …"). Grammar, not vocabulary of a story.
_HEARSAY = _by_language({
    "ja": r"(?:という|とみられる|と見られる|とされる|とみられている|と見られている|とされている|とみている|と伝えた)[。.]?\s*$",
    "ko": r"(?:것으로\s*(?:알려졌|전해졌|파악됐|보인|추정된|관측된)\S*|다고\s*한다|라고\s*한다)[.。]?\s*$",
    "zh": r"^(?:据悉|据报道|据称|據悉|據報導|據稱)|(?:据悉|据报道)",
    "ru": r"(?<![\w])(?:сообщается|по имеющимся данным|как сообщается|по сообщениям)(?![\w])",
    "uk": r"(?<![\w])(?:повідомляється|за наявними даними|як повідомляється|за повідомленнями)(?![\w])",
    "de": r"(?<![\w])(?:Berichten zufolge|laut Berichten|hieß es)(?![\w])",
    "fr": r"(?<![\w])(?:selon des informations|d'après des informations|d’après des informations|rapporte-t-on)(?![\w])",
    "es": r"(?<![\w])(?:según (?:informes|fuentes|medios)|se informó|trascendió)(?![\w])",
    "it": r"(?<![\w])(?:secondo (?:fonti|indiscrezioni|notizie)|si apprende)(?![\w])",
    "pt": r"(?<![\w])(?:segundo (?:fontes|relatos|informações)|foi informado)(?![\w])",
    "ar": r"(?:أفادت تقارير|بحسب تقارير|وفق تقارير|وفقا لتقارير|وفقاً لتقارير)",
})
# A standing state ("the city remains without power", "X is the hardest hit"): what still holds or
# how things rank, no happening of its own and so no news of a day, unless a change verb or a first
# report says it is new (those are read by the date and statement rules, not here). Grammar words
# of "still / remains / continues" and superlative copulas per language, no words of a story.
_STANDING_STATE = _by_language({
    "en": r"(?<![\w])(?:remains?|still|(?:hardest|worst)[- ]hit|(?:is|are)\s+(?:the\s+)?(?:most|least)\s+\w+)(?![\w])",
    "fr": r"(?<![\w])(?:reste|restent|demeure|demeurent|toujours|(?:est|sont)\s+(?:la|le|les|l['’])\s*(?:plus|moins))(?![\w])",
    "de": r"(?<![\w])(?:bleibt|bleiben|weiterhin|noch immer|immer noch|nach wie vor|(?:ist|sind)\s+(?:\w+\s+)?am\s+\w+sten)(?![\w])",
    "es": r"(?<![\w])(?:sigue|siguen|permanece|permanecen|continúa|continúan|todavía|aún|(?:es|son)\s+(?:la|el|los|las|lo)\s+(?:más|menos))(?![\w])",
    "it": r"(?<![\w])(?:resta|restano|rimane|rimangono|tuttora|(?:è|sono)\s+(?:la|il|lo|le|i|gli|l['’])\s*(?:più|meno))(?![\w])",
    "pt": r"(?<![\w])(?:continua|continuam|permanece|permanecem|segue|seguem|ainda|(?:é|são)\s+(?:a|o|os|as)\s+(?:mais|menos))(?![\w])",
    "ru": r"(?<![\w])(?:остается|остаётся|остаются|по-прежнему|до сих пор|всё ещё|все еще|продолжается|продолжаются)(?![\w])",
    "uk": r"(?<![\w])(?:залишається|залишаються|досі|як і раніше|все ще|досі триває|триває|тривають)(?![\w])",
    # Japanese, Chinese, Korean, Thai: "still" adverbs, an ongoing ending, a superlative.
    "ja": r"依然|いまだ|未だ|今も|今なお|(?:続いて|続けて)(?:います|いる|おり)|最も[^。、]{0,12}(?:です|だ|となっています|となっている)[。]?\s*$",
    "zh": r"仍然|仍在|仍有|仍未|依然|依旧|至今仍|持续(?:进行|中)|最为?严重的?(?:是|为)|(?:是|为)[^，。]{0,10}最严重",
    "ko": r"여전히|아직도|아직|계속되고\s*있|(?:가장|제일)\s*(?:큰|심한)\s*피해",
    "th": r"ยังคง|ยังไม่|ได้รับผลกระทบหนักที่สุด|มากที่สุด",
})


def is_standing_state(text: str, language: str | None) -> bool:
    """Whether the sentence states what still holds or how things rank ("remains", "toujours",
    "依然", "가장 큰 피해"), not something that happened."""
    pattern = _STANDING_STATE.get(language or "")
    return bool(pattern and pattern.search(text))


_CJK_CLAUSE = re.compile(r"[、，,；;：:。]")
SUMMARY_CHARS = 40  # scripts written without spaces: a summary of about this many characters
LABEL_CHARS = 24  # and a timeline label of at most this many
# Where a spaceless line may be cut: after a clause mark or space, or after a particle that ends a
# phrase (ja は が を に で と へ も, zh 了 的 在), never inside a run of kanji or katakana.
_SPACELESS_BREAK = re.compile(r"[、，,；;\s]|(?<=[\u3040-\u309f])(?=[\u3400-\u9fff\u30a0-\u30ff])|[はがをにでとへも](?=[^\u3040-\u309f])|[了的在](?=[\u3400-\u9fff])")


def _clause_summary(text: str, anchor_start: int | None, anchor_end: int | None) -> str:
    """A contiguous piece of `text` about the clause holding the anchor, for any script."""
    if not _SPACELESS.search(text):
        if anchor_start is None:
            return _shorten(text.strip().rstrip("."))
        return summarise(text, anchor_start, anchor_end)
    start = 0
    if anchor_start is not None:
        for match in _CJK_CLAUSE.finditer(text, 0, anchor_start):
            start = match.end()
    piece = text[start:].strip()
    piece = piece.rstrip("。.")
    return piece if len(piece) <= SUMMARY_CHARS else piece[:SUMMARY_CHARS].rstrip("、，, ") + "…"


def event_label(summary: str) -> str:
    """A timeline label from a mention's summary: its first LABEL_WORDS words (LABEL_CHARS
    characters in scripts written without spaces), cut only between words, "…" when shortened."""
    text = summary.removesuffix("…").strip()
    shortened = text != summary.strip()
    if _SPACELESS.search(text) and len(text.split()) <= 2:
        if len(text) <= LABEL_CHARS:
            return text + ("…" if shortened else "")
        # No word breaks in these scripts: cut after a clause mark, a space or a particle, not inside a word.
        breaks = [m.end() for m in _SPACELESS_BREAK.finditer(text, 0, LABEL_CHARS + 1) if m.end() >= LABEL_CHARS // 2]
        return text[: breaks[-1] if breaks else LABEL_CHARS].rstrip("、，, ") + "…"
    label = _shorten(text, LABEL_WORDS)
    return label + "…" if shortened and not label.endswith("…") else label


def name_tokens(text: str) -> frozenset[str]:
    """Name-like words of scripts that write names apart, used as actors when the English actor
    list knows none: runs of katakana, and capitalised Latin or Cyrillic words after the first word."""
    tokens = set(re.findall(r"[\u30a0-\u30ff]{3,}", text))
    tokens |= {word.lower() for word in re.findall(r"(?<![\w])[A-ZА-ЯІЇЄÄÖÜ][\w’'-]{2,}", text)[1:]}
    return frozenset(tokens)


# A year written as an attribute of a thing: crop year, fiscal year, model or edition.
# ("2018年産から…": from that crop on, a change that did happen then, stays an event.)
_YEAR_AS_ATTRIBUTE = re.compile(r"\s?(?:産|产|산|年産|年度|년도|型|式|版|モデル|年型|年式)(?!から|以降|より|부터|起)")


def _foreign_mention_from_date(
    article: Article, sentence: Sentence, resolved: ResolvedDate, speaker: frozenset[str], language: str
) -> EventMention | None:
    """A dated clause of a sentence not in English: the date phrase itself says when, no word list says what."""
    if resolved.role != "event" or resolved.future:
        return None  # deadlines, plans and "since" phrases date states, not events
    if resolved.precision == "year" and _YEAR_AS_ATTRIBUTE.match(sentence.text, resolved.char_end):
        return None  # "2022年産の20万トン" (rice of the 2022 crop): the year describes a thing, it dates no event
    summary = _clause_summary(sentence.text, resolved.char_start, resolved.char_end)
    return EventMention(
        article, sentence, summary, resolved.start, resolved.end, resolved.precision, resolved.clue,
        name_tokens(sentence.text), content_stems(summary, language, resolved.clue), "phrase",
        is_statement=bool(speaker), speaker=speaker, weekday=uncertain_weekday(resolved),
    )



def _credits_a_named_source(text: str, attribution) -> bool:
    """An English sentence reporting what a named source said or reported ("X said", "according to X"),
    whatever the tense of what was said; not earlier background ("Previously, …") nor a condition."""
    from lib.text.numbers import counted_quantities

    reports = attribution.reported_speech or attribution.cue == "according to"
    if not (reports and attribution.source) or _UNDATED_PAST.search(text) or _CONDITIONAL.match(text):
        return False
    if _NAMED_PLAN.match(text):
        return False  # "Foreign Minister X will meet Y, the ministry said": X's itinerary, a plan, not news of the day
    # "the number of volunteers currently stands at 1,200, according to X": a running total, not news of the day.
    return not (_PRESENT_STATE.search(text) and counted_quantities(text, "en"))


# A sentence that opens with a name directly followed by a future verb: that actor's plan.
_NAMED_PLAN = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){1,6}(?:will|would|is to|are to|plans? to|is set to)\b")
_PRESENT_STATE = re.compile(r"(?i)\b(?:currently|now|stands?|totals?|is|are|remains?)\b")


def _first_verb_is_statement(text: str) -> bool:
    verbs = _event_verbs(text)
    return bool(verbs) and verbs[0].group().lower() in STATEMENT_VERBS



def _mention_from_date(
    article: Article, sentence: Sentence, resolved: ResolvedDate, speaker: frozenset[str] = frozenset()
) -> EventMention | None:
    text = sentence.text
    if resolved.role == "target" or resolved.future:
        return None  # plans and deadlines are not things that happened
    if resolved.role == "since":
        # "since Moscow's invasion of Ukraine nearly four years ago": the thing named after "since".
        since_at = text.lower().rfind("since", 0, resolved.char_start + len("since"))  # the clue may start with it
        referent = text[since_at + len("since") : resolved.char_end].strip()
        if since_at >= 0 and referent == resolved.clue.removeprefix("since").strip():
            # "The city has been rationing water since March": nothing but the date after
            # "since", so what began then is the clause's own lasting action, by its actor.
            segment = _segment_of(text, resolved.char_start)
            if not (_PERFECT.search(segment) or _PROGRESSIVE_OR_PASSIVE.search(segment)) or not _has_actor(segment):
                return None
            summary = _shorten(segment[: segment.find(resolved.clue)].strip(" ,") if resolved.clue in segment else segment)
            return EventMention(
                article, sentence, summary, resolved.start, resolved.end, resolved.precision,
                resolved.clue, named_actors(segment), _keywords(segment), "since",
            )
        # A concept word needs its actor ("since Moscow's invasion"); a noun of a happening is one by
        # itself ("since the earthquake struck four days ago").
        if since_at < 0 or not ((_keywords(referent) and _has_actor(referent)) or _EVENT_NOUN.search(referent)):
            return None
        return EventMention(
            article, sentence, _shorten(referent), resolved.start, resolved.end, resolved.precision,
            resolved.clue, named_actors(referent), _keywords(referent), "since",
        )
    segment = _segment_of(text, resolved.char_start)
    if _CONDITIONAL.match(segment):
        return None
    summary = summarise(text, resolved.char_start, resolved.char_end)
    if not _has_event_verb(summary) and not _has_event_verb(segment) and not (speaker and _has_event_verb(text)):
        return None
    # Who did it: a named actor, the speaker of the sentence, or, for a thing dated to a day, a week
    # or a month in a past-tense clause ("The advisory was lifted a week later", "Floods swept through
    # the valley in March"), the thing itself: a disaster or a price has no actor. Within a year, an
    # action verb, not a copula ("Last year, the company recalled 800,000 cars"; not "prices were high in 2024").
    if not _has_actor(summary) and not _has_actor(segment) and not speaker and not (
        resolved.precision in ("day", "week", "month") and _has_past_verb(summary)
    ) and not (resolved.precision == "year" and _has_past_action(summary)):
        return None
    actors = named_actors(summary) | named_actors(segment)
    return EventMention(
        article, sentence, summary, resolved.start, resolved.end, resolved.precision, resolved.clue,
        actors, _keywords(summary) | _keywords(segment) | content_stems(summary, "en", resolved.clue), "phrase",
        is_statement=_first_verb_is_statement(summary), speaker=speaker, weekday=uncertain_weekday(resolved),
    )
