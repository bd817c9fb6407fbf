"""Timeline events: things that happened, found in article bodies and merged across sources.

Guarantees of `build_events`:

* Events come only from `Article.sentences` (the cleaned body), never from
  removed page text (comments, related-article lists, menus).
* Every event keeps each sentence it came from, verbatim (`SourceRef.quote`),
  with its article, outlet and publication date; `summary` is a contiguous
  piece of one of those sentences (possibly cut short with "…"), never
  invented words.
* Dates come from `lib.dates`: an interval with a precision and the words
  that dated it. Relative phrases are read against the publication date, so
  "last week" in a 16 Nov 2024 report is the week of 4-10 Nov, not the 16th.
* A sentence with no date phrase becomes an event only when it clearly
  reports news of the day: a statement ("X said", "X has expressed") or a
  present-perfect action ("has ordered") by a named actor, in an article whose
  publication day is known, with no "previously"/"earlier" marker. Such events
  are dated to the week ending on the publication day (precision "week", clue
  "reported on 26 Oct 2024 (no date in sentence)"). Passive or continuous
  present perfect ("have been sent", "has been supplying") describes a
  build-up, not a dated event, and is skipped.
* Sentences off the corpus's story (page furniture the cleaner missed, e.g. a
  bond-market story in a related-articles list) are dropped by a semantic
  relevance floor against the corpus centroid.
* The same event from several sentences (or outlets) is one event when the
  dates overlap, the sentences are semantically close (shared embedder) and
  they share a named actor or key noun; clusters are complete-linkage, so two
  different events on one day are never merged through a third.
* `is_context` is True when the whole interval lies before
  `settings.story_start` (an event that may fall inside the window is shown).

CLI: `python -m lib.cli events --json [--data DIR] [--story-only | --context]
[--outlet NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]` prints every event
sorted by start. Background events are always included and flagged
`is_context: true` (`--context` is accepted and changes nothing);
`--story-only` drops them. Each event carries `start`, `end`, `precision`,
`clue`, `summary`, `sources` (`source_file`, `quote`, `outlet`, `published`,
...), `is_context` and `event_id`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Callable, Iterable

from lib.dates import (
    ResolvedDate,
    is_english_sentence,
    is_future,
    parse_iso,
    precision_for_span,
    report_window,
    resolve_dates,
)
from lib.errors import StoryLensError
from lib.models import Article, Event, PublishedDate, Sentence, SourceRef
from lib.settings import DEFAULT_STORY_START

EVENTS_VERSION = "events-v4"  # bump when the extraction rules change (invalidates the cache)

# Minimum cosine between a sentence and the corpus centroid for a sentence to count as part
# of the story. Measured with all-MiniLM-L6-v2 on the bundled corpus: on-story event sentences
# score 0.31-0.77, leaked related-article sentences 0.14-0.32; the ones in the overlap name none
# of the corpus's core actors and are dropped by that second test (bench/eval_events.py).
RELEVANCE_FLOOR = 0.25
# Above this a sentence is on-story even without naming one of the corpus's core actors.
RELEVANCE_STRONG = 0.45
# Minimum cosine between two event clauses to be the same event (with overlapping dates
# and a shared actor/noun). Paraphrases of one event score 0.6+, different events of the
# same day about 0.3-0.5.
MERGE_SIMILARITY = 0.55
# Mentions whose similarities are computed in one numpy block while merging, and the
# most columns one block compares at once (together they bound memory: 256 x 16384 floats).
MERGE_BLOCK = 256
MERGE_COLUMNS = 16_384
# Merging keeps every accepted pair while there are at most MERGE_PAIR_BUDGET of them
# (about 80 bytes each in arrays and the lookup set: ~240 MB). Past that, each mention
# keeps only its most similar accepted pairs with later-starting mentions of other
# articles, one limit for all (at least MERGE_MIN_NEIGHBOURS) chosen so the total fits:
# memory stays bounded when many reports cover the same days. The cost, only in very
# large corpora: an event told by very many sentences can be shown as several events.
MERGE_PAIR_BUDGET = 3_000_000
MERGE_MIN_NEIGHBOURS = 32
# Past this many mentions (about 4,000 articles) each mention is compared only with the
# mentions of its own and its nearest cell of similar mentions (k-means cells of about
# MERGE_CELL_SIZE), not with every mention that shares its dates: work per mention stays
# bounded as the corpus grows, at the price of missing pairs that fall in unrelated cells.
MERGE_EXACT_MENTIONS = 40_000
MERGE_CELL_SIZE = 2_000
SUMMARY_WORDS = 15

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
    called protested welcomed demanded mentioned posted wrote quoted""".split()
)
EVENT_VERBS = ACTION_VERBS | STATEMENT_VERBS
_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would"}
# Words that cannot end the noun phrase of a reduced relative clause ("the treaty signed Wednesday").
_NOT_A_NOUN = _AUXILIARIES | {
    "which", "who", "that", "it", "he", "she", "they", "we", "i", "you", "and", "or", "but", "also", "then",
    "later", "first", "jointly", "reportedly", "officially", "formally", "finally", "not", "never",
}

# Actor words: generic institutions and roles, plus aliases that name the same country.
ACTOR_NOUNS = frozenset(
    """government ministry minister president leader premier chancellor king army military forces troops
    soldiers officials spokesman spokeswoman spokesperson secretary ambassador embassy parliament
    council commander general navy air agency authorities police intelligence state media diplomats""".split()
)
ALIASES = {
    "pyongyang": "north korea", "north korean": "north korea", "n korea": "north korea", "n. korea": "north korea",
    "n.korea": "north korea", "dprk": "north korea", "north korea": "north korea",
    "moscow": "russia", "kremlin": "russia", "russian": "russia", "russia": "russia",
    "tokyo": "japan", "japanese": "japan", "japan": "japan",
    "kyiv": "ukraine", "kiev": "ukraine", "ukrainian": "ukraine", "ukraine": "ukraine",
    "seoul": "south korea", "south korean": "south korea", "south korea": "south korea",
    "washington": "united states", "american": "united states",
    "united states": "united states", "beijing": "china", "chinese": "china", "china": "china",
    "tehran": "iran", "iranian": "iran", "iran": "iran", "israeli": "israel", "israel": "israel",
    "british": "united kingdom", "london": "united kingdom",
}
# Acronyms are matched case-sensitively so the pronoun "us" is not the United States.
ACRONYM_ALIASES = {"US": "united states", "U.S.": "united states", "USA": "united states", "UK": "united kingdom",
                   "DPRK": "north korea", "ROK": "south korea", "UN": "united nations", "U.N.": "united nations"}
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

ProgressCallback = Callable[[str, float], None]


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
    dated_by: str  # "phrase", "since" or "report"
    is_statement: bool = False  # the clause reports something said (a statement event)
    speaker: frozenset[str] = frozenset()  # named actors of who said it (pronouns resolved within the article)

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
    """Named actors in `text`, normalised ("Pyongyang" and "North Korean" are both "north korea")."""
    found: set[str] = set()
    lowered = text.lower()
    for alias, actor in ALIASES.items():
        if re.search(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", lowered):
            found.add(actor)
    for alias, actor in ACRONYM_ALIASES.items():
        if re.search(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", text):
            found.add(actor)
    for match in _CAPITALISED.finditer(text):
        words = [word.strip(".’'") for word in match.group().split()]
        at_start = not text[: match.start()].strip(" \"“‘'(—–-")
        if at_start and len(words) == 1 and (words[0] in _COMMON_STARTERS or re.search(r"(?:ly|ing|ed)$", words[0])):
            continue  # a capitalised first word is usually just the start of the sentence
        words = [word.removesuffix("'s").removesuffix("’s") for word in words if word and word != "of"]
        for word in words:
            if word in _NOT_ACTORS or word in _MONTH_OR_DAY or len(word) < 3 or not word[:1].isupper():
                continue
            if word in ACRONYM_ALIASES or word.rstrip(".") in {a.rstrip(".") for a in ACRONYM_ALIASES}:
                continue  # an acronym, handled above
            if word.lower() in ALIASES or any(word.lower() in alias.split() for alias in ALIASES):
                continue  # part of a country name, handled above
            found.add(word.lower())
    return frozenset(found)


def _keywords(text: str) -> frozenset[str]:
    words = {word.lower() for word in _WORD.findall(text)}
    return frozenset(_CONCEPT_WORDS[word] for word in words if word in _CONCEPT_WORDS)


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
    dateline = _DATELINE.match(text)  # "SEOUL — North Korea fired ..." -> "North Korea fired ..."
    if dateline:
        start += dateline.end()
        text = sentence[start:end]
    connector = _LEADING_CONNECTOR.match(text)
    if connector:
        start += connector.end()
        text = sentence[start:end]
    # A short intro before the first comma with no verb of its own ("Last week,", "In a report on Friday,").
    comma = text.find(",")
    if 0 < comma and text[:1] not in _QUOTE_CHARS and not re.match(r"\s*(?:which|who|where|when)\b", text[comma + 1 :]) and len(text[:comma].split()) <= 6 and not _event_verbs(text[:comma]) and len(text[comma + 1 :].split()) >= 3:
        start += comma + 1
    while start < end and sentence[start] in " ,;:–—-":
        start += 1
    while end > start and sentence[end - 1] in " ,;:.–—-":
        end -= 1
    return start, end


def _shorten(text: str, limit: int = SUMMARY_WORDS) -> str:
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    cut = words[:limit]
    # Do not end on a word that leaves the phrase dangling.
    while len(cut) > limit // 2 and cut[-1].lower().strip(",") in {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or", "that", "his", "her", "its", "their", "from", "over", "during",
    }:
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"


def _antecedent_start(sentence: str, comma: int) -> int:
    """Where the noun phrase before ", which/where" starts (after the previous comma or preposition run)."""
    previous = max(sentence.rfind(",", 0, comma), sentence.rfind(";", 0, comma))
    start = previous + 1
    match = _LEADING_CONNECTOR.match(sentence[start:comma].lstrip())
    offset = len(sentence[start:comma]) - len(sentence[start:comma].lstrip())
    return start + offset + (match.end() if match else 0)


def summarise(sentence: str, anchor_start: int | None = None, anchor_end: int | None = None) -> str:
    """A short line made of the sentence's own words, about the clause holding the anchor (a date phrase).

    Without an anchor the main clause is used. The result is a contiguous
    piece of `sentence` (whitespace normalised), cut to about 15 words with "…".
    """
    segments = _segments(sentence)
    if anchor_start is None:
        # Main clause: the first segment with a verb; a leading quotation yields to its attribution.
        chosen = next((seg for seg in segments if _event_verbs(sentence[seg[0] : seg[1]])), segments[0] if segments else (0, len(sentence)))
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
    if not _event_verbs(sentence[start:end]) and index > 0:
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
    elif _event_verbs(sentence[start:anchor_start]) and len(sentence[start:anchor_end].split()) <= SUMMARY_WORDS:
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


def find_event_mentions(article: Article) -> list[EventMention]:
    """Event mentions in one article's body, each with its date and its sentence."""
    from lib.attribution import attribute

    mentions: list[EventMention] = []
    last_speaker: frozenset[str] = frozenset()
    for sentence in article.sentences:
        if not is_english_sentence(sentence.text, sentence.language, article.language):
            continue  # the date grammar and verb lists are English
        text = sentence.text
        attribution = attribute(text)
        if attribution.source and attribution.is_pronoun:
            speaker = last_speaker
        elif attribution.source:
            speaker = named_actors(attribution.source) or frozenset({attribution.source.lower()})
            last_speaker = speaker
        else:
            speaker = frozenset()
        if len(text.split()) < 5 or text.rstrip().endswith("?"):
            continue
        dates = resolve_dates(text, article.published)
        for resolved in dates:
            mention = _mention_from_date(article, sentence, resolved, speaker)
            if mention is not None:
                mentions.append(mention)
        if dates:
            continue
        window = report_window(article.published)
        if window is None or not _is_statement(text) or not named_actors(text):
            continue
        start, end, clue = window
        summary = summarise(text)
        mentions.append(
            EventMention(
                article, sentence, summary, start, end, "week", clue, named_actors(text), _keywords(text), "report",
                is_statement=_first_verb_is_statement(summary), speaker=speaker,
            )
        )
    return mentions


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
        since_at = text.lower().rfind("since", 0, resolved.char_start)
        referent = text[since_at + len("since") : resolved.char_end].strip()
        if since_at < 0 or not _keywords(referent) or not _has_actor(referent):
            return None
        return EventMention(
            article, sentence, _shorten(referent), resolved.start, resolved.end, resolved.precision,
            resolved.clue, named_actors(referent), _keywords(referent), "since",
        )
    segment = _segment_of(text, resolved.char_start)
    if _CONDITIONAL.match(segment):
        return None
    summary = summarise(text, resolved.char_start, resolved.char_end)
    if not _event_verbs(summary) and not _event_verbs(segment):
        return None
    if not _has_actor(summary) and not _has_actor(segment):
        return None
    actors = named_actors(summary) | named_actors(segment)
    return EventMention(
        article, sentence, summary, resolved.start, resolved.end, resolved.precision, resolved.clue,
        actors, _keywords(summary) | _keywords(segment), "phrase",
        is_statement=_first_verb_is_statement(summary), speaker=speaker,
    )


# -- relevance and merging -------------------------------------------------------------------
def _relevance(mentions: list[EventMention], sentence_vectors: dict, articles: list[Article]):
    """Cosine of each mention's sentence to the corpus centroid (mean of per-article means)."""
    import numpy as np

    article_means = []
    for article in articles:
        vectors = sentence_vectors.get(article.article_id)
        if vectors is not None and len(vectors):
            mean = vectors.mean(axis=0)
            article_means.append(mean / (np.linalg.norm(mean) or 1.0))
    if not article_means:
        return [0.0] * len(mentions)
    centroid = np.mean(article_means, axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    scores = []
    for mention in mentions:
        vectors = sentence_vectors[mention.article.article_id]
        scores.append(float(vectors[mention.sentence.index] @ centroid) if mention.sentence.index < len(vectors) else 0.0)
    return scores


def core_actors(articles: list[Article]) -> frozenset[str]:
    """Actors named in at least 40% of the articles: who the corpus's story is about."""
    counts: dict[str, int] = {}
    for article in articles:
        named: set[str] = set()
        for sentence in article.sentences:
            named |= named_actors(sentence.text)
        for actor in named:
            counts[actor] = counts.get(actor, 0) + 1
    needed = max(1, -(-2 * len(articles) // 5))
    return frozenset(actor for actor, count in counts.items() if count >= needed)


def _overlap(first: EventMention, second: EventMention, slack_days: int = 1) -> bool:
    return first.first_day - slack_days <= second.last_day and second.first_day - slack_days <= first.last_day


def _same_statement(first: EventMention, second: EventMention) -> bool:
    """Statements one report gives from the same speaker in the same window are one event
    (a press conference reported over several sentences)."""
    if first.article.article_id != second.article.article_id or not (first.is_statement and second.is_statement):
        return False
    if "report" not in (first.dated_by, second.dated_by):
        return False
    if any(m.dated_by != "report" and m.precision != "day" for m in (first, second)):
        return False
    return bool(first.speaker & second.speaker)


def _same_event(first: EventMention, second: EventMention, similarity: float) -> bool:
    if first.sentence is second.sentence and first.article is second.article:
        return False  # two dates in one sentence are two events
    if not _overlap(first, second, slack_days=0 if "report" in (first.dated_by, second.dated_by) else 1):
        return False
    if _same_statement(first, second):
        return True
    if first.article.article_id == second.article.article_id and "report" in (first.dated_by, second.dated_by):
        # Within one report, an undated sentence is usually a different development of the same
        # day ("Russia attacked ..." vs "the ministry said it destroyed ..."): only the
        # same-speaker rule above merges it.
        return False
    if similarity < MERGE_SIMILARITY:
        return False
    return bool(first.actors & second.actors) or bool(first.keywords & second.keywords)


class _PairRules:
    """`_same_event` for many pairs at once: every fact it reads, as one array per mention.

    Written by hand because no library clusters under these rules; it must
    accept exactly the pairs `_same_event` accepts (tests compare the two).
    """

    def __init__(self, mentions: list[EventMention]):
        import numpy as np
        from scipy import sparse

        codes: dict = {}

        def code(key) -> int:
            return codes.setdefault(key, len(codes))

        self.starts = np.array([m.first_day for m in mentions], dtype=np.int64)
        self.ends = np.array([m.last_day for m in mentions], dtype=np.int64)
        self.order = np.argsort(self.starts, kind="stable")  # mentions by start date
        self.rank = np.empty(len(mentions), dtype=np.int64)  # each mention's place in that order
        self.rank[self.order] = np.arange(len(mentions))
        self.article = np.array([code(("article", m.article.article_id)) for m in mentions], dtype=np.int64)
        # `_same_event` compares the sentence and article objects themselves (two dates in one sentence).
        self.sentence = np.array([code(("sentence", id(m.article), id(m.sentence))) for m in mentions], dtype=np.int64)
        self.report = np.array([m.dated_by == "report" for m in mentions], dtype=bool)
        self.statement = np.array([m.is_statement for m in mentions], dtype=bool)
        self.day_or_report = np.array([m.dated_by == "report" or m.precision == "day" for m in mentions], dtype=bool)

        def incidence(sets) -> "sparse.csr_matrix":
            vocabulary: dict[str, int] = {}
            rows, columns = [], []
            for row, items in enumerate(sets):
                for item in items:
                    rows.append(row)
                    columns.append(vocabulary.setdefault(item, len(vocabulary)))
            shape = (len(mentions), max(len(vocabulary), 1))
            return sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)), shape=shape)

        # Shared actor or shared keyword: one vocabulary for both ("a:" and "k:" keep them apart).
        self.topics = incidence([{f"a:{a}" for a in m.actors} | {f"k:{k}" for k in m.keywords} for m in mentions])
        self.speakers = incidence([m.speaker for m in mentions])

    @staticmethod
    def _share(matrix, firsts, seconds):
        import numpy as np

        if not len(firsts):
            return np.zeros(0, dtype=bool)
        return np.asarray(matrix[firsts].multiply(matrix[seconds]).sum(axis=1)).ravel() > 0

    def accept(self, firsts, seconds, similarity):
        """Boolean mask: which pairs (firsts[k], seconds[k]) with these similarities are one event."""
        import numpy as np

        either_report = self.report[firsts] | self.report[seconds]
        slack = np.where(either_report, 0, 1)
        overlap = (self.starts[firsts] - slack <= self.ends[seconds]) & (self.starts[seconds] - slack <= self.ends[firsts])
        possible = overlap & (self.sentence[firsts] != self.sentence[seconds])
        same_article = self.article[firsts] == self.article[seconds]
        statement_pair = (
            possible & same_article & either_report & self.statement[firsts] & self.statement[seconds]
            & self.day_or_report[firsts] & self.day_or_report[seconds]
        )
        same_statement = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(statement_pair)
        same_statement[where] = self._share(self.speakers, firsts[where], seconds[where])
        similar = possible & ~same_statement & ~(same_article & either_report) & (similarity >= MERGE_SIMILARITY)
        shared = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(similar)
        shared[where] = self._share(self.topics, firsts[where], seconds[where])
        return same_statement | shared


def _most_similar_per_row(mask, similarity, limit: int):
    """`mask` narrowed to each row's `limit` most similar True cells."""
    import numpy as np

    if mask.shape[1] <= limit:
        return mask
    masked = np.where(mask, similarity, -np.inf)
    top = np.argpartition(-masked, limit - 1, axis=1)[:, :limit]
    shortlist = np.zeros_like(mask)
    np.put_along_axis(shortlist, top, True, axis=1)
    return mask & shortlist


def _first_per_owner(owners, scores, limit: int):
    """Positions of the `limit` best-scoring entries of each owner (ties: earlier position first)."""
    import numpy as np

    if not len(owners):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((np.arange(len(owners)), -scores, owners))
    sorted_owners = owners[order]
    starts = np.flatnonzero(np.r_[True, sorted_owners[1:] != sorted_owners[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return np.sort(order[rank < limit])


def _similarity_sweep(vectors, rules: "_PairRules", block: int, row_ids=None, column_ids=None):
    """Blocks of the interval sweep: (block number, rows, columns, similarity, forward_overlap, same_article).

    Mentions are ranked by start; each block of `block` rows meets the
    later-ranked mentions that begin before the block's latest end (plus the
    one-day slack `_overlap` allows), at most MERGE_COLUMNS at a time. Every
    pair appears once, from its earlier-ranked member; memory is bounded by
    block x MERGE_COLUMNS, never m x m. `row_ids` / `column_ids` restrict the
    rows and the columns to subsets of the mentions (default: all).
    """
    import numpy as np

    starts, ends, articles, rank = rules.starts, rules.ends, rules.article, rules.rank
    everyone = rules.order
    rows_sorted = everyone if row_ids is None else row_ids[np.argsort(rank[row_ids], kind="stable")]
    columns_sorted = everyone if column_ids is None else column_ids[np.argsort(rank[column_ids], kind="stable")]
    column_starts, column_ranks = starts[columns_sorted], rank[columns_sorted]
    slack = 1  # the widest slack `_overlap` is called with; the rules re-check the exact one
    for block_start in range(0, len(rows_sorted), block):
        rows = rows_sorted[block_start : block_start + block]
        first = int(np.searchsorted(column_ranks, rank[rows[0]], side="right"))
        window_end = int(np.searchsorted(column_starts, int(ends[rows].max()) + slack, side="right"))
        for column_start in range(first, window_end, MERGE_COLUMNS):
            columns = columns_sorted[column_start : min(column_start + MERGE_COLUMNS, window_end)]
            similarity = vectors[rows] @ vectors[columns].T
            forward_overlap = (rank[columns][None, :] > rank[rows][:, None]) & (
                starts[columns][None, :] <= ends[rows][:, None] + slack
            )
            same_article = articles[rows][:, None] == articles[columns][None, :]
            yield block_start, rows, columns, similarity, forward_overlap, same_article


def _cells(vectors, size: int):
    """Coarse cells of similar mentions (k-means, about `size` each): each mention's own cell and
    its two nearest cells. Written as an inverted-file index (as FAISS IVF does) because no
    dependency here offers one; scikit-learn's MiniBatchKMeans finds the centres."""
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans

    count = len(vectors)
    cells = max(2, -(-count // size))
    centres = MiniBatchKMeans(n_clusters=cells, random_state=0, n_init=1, batch_size=4096).fit(vectors).cluster_centers_
    centres = (centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)).astype(np.float32)
    own = np.empty(count, dtype=np.int64)
    nearest = np.empty((count, 2), dtype=np.int64)
    for start in range(0, count, 65_536):
        scores = vectors[start : start + 65_536] @ centres.T
        top = np.argsort(-scores, axis=1)[:, :2]
        own[start : start + len(top)] = top[:, 0]
        nearest[start : start + len(top)] = top
    return cells, own, nearest


def _cell_sweeps(vectors, rules: "_PairRules", block: int):
    """The sweep run inside each cell: rows are the cell's own mentions, columns every mention that
    has the cell among its two nearest. Each mention meets at most about 2 x MERGE_CELL_SIZE others,
    whatever the corpus size; a pair whose members fall in unrelated cells is missed."""
    import numpy as np

    _cell_count, own, nearest = _cells(vectors, MERGE_CELL_SIZE)
    members = np.r_[np.arange(len(vectors)), np.arange(len(vectors))]
    cell_of = nearest.T.ravel()  # cell of each (mention, one of its two nearest) entry
    by_cell = np.argsort(cell_of, kind="stable")
    cuts = np.flatnonzero(np.diff(cell_of[by_cell])) + 1
    for entries in np.split(by_cell, cuts):
        cell = int(cell_of[entries[0]])
        column_ids = np.unique(members[entries])
        row_ids = column_ids[own[column_ids] == cell]
        if not len(row_ids):
            continue
        for block_start, *rest in _similarity_sweep(vectors, rules, block, row_ids, column_ids):
            yield (cell, block_start), *rest


def _partner_limit(vectors, rules: "_PairRules", block: int) -> int | None:
    """Pairs with other articles each mention may keep so that all pairs fit MERGE_PAIR_BUDGET
    (None: no limit needed). Counts similar, date-overlapping pairs (an upper bound of the
    accepted ones) and lowers one common limit until their sum fits ("water-filling")."""
    import numpy as np

    count = len(vectors)
    if count * (count - 1) // 2 <= MERGE_PAIR_BUDGET:
        return None
    partners = np.zeros(count, dtype=np.int64)
    for _block, rows, _columns, similarity, forward_overlap, same_article in _similarity_sweep(vectors, rules, block):
        partners[rows] += (forward_overlap & ~same_article & (similarity >= MERGE_SIMILARITY)).sum(axis=1)
    if partners.sum() <= MERGE_PAIR_BUDGET:
        return None
    low, high = 0, int(partners.max())  # the largest limit whose total fits the budget
    while low < high:
        middle = (low + high + 1) // 2
        if np.minimum(partners, middle).sum() <= MERGE_PAIR_BUDGET:
            low = middle
        else:
            high = middle - 1
    return max(low, MERGE_MIN_NEIGHBOURS)


def candidate_pairs(mentions: list[EventMention], vectors, block: int = MERGE_BLOCK, neighbours: int | None = None):
    """Pairs i < j that `_same_event` accepts, as numpy arrays (similarity, i, j), found without
    listing all pairs.

    Only mentions whose intervals overlap can be one event, and across
    articles only pairs at or above MERGE_SIMILARITY: `_similarity_sweep`
    compares each mention only with the mentions whose dates overlap its own,
    in bounded blocks. The rest of `_same_event` runs on the surviving pairs
    as array operations (`_PairRules`), so Python never loops over pairs.

    Every accepted pair within one article is kept. Pairs across articles are
    all kept while they fit MERGE_PAIR_BUDGET (every corpus measured so far
    up to 3,000 dense synthetic articles); past it, or with `neighbours` set,
    each mention keeps its most similar accepted pairs with later-starting
    mentions, up to the limit (`neighbours=0`: never limit). Past
    MERGE_EXACT_MENTIONS mentions (and unless `neighbours` is given) the sweep
    runs inside cells of similar mentions (`_cell_sweeps`), so the work per
    mention no longer grows with the corpus.
    """
    import numpy as np

    count = len(mentions)
    found: list[tuple] = []
    if count >= 2:
        rules = _PairRules(mentions)
        sweep = _similarity_sweep
        if neighbours is None and count > MERGE_EXACT_MENTIONS:
            # Too many to compare each with all its date-overlapping mentions: only within cells
            # of similar mentions, each keeping its share of the pair budget.
            sweep, neighbours = _cell_sweeps, max(MERGE_MIN_NEIGHBOURS, MERGE_PAIR_BUDGET // count)
        elif neighbours is None:
            neighbours = _partner_limit(vectors, rules, block)
        neighbours = neighbours or None
        shortlist = None if neighbours is None else 4 * neighbours  # the rules may still refuse some
        pieces: list[tuple] = []  # the current block's accepted pairs, one piece per column chunk
        for block_number, rows, columns, similarity, forward_overlap, same_article in sweep(vectors, rules, block):
            if pieces and block_number != pieces[-1][0]:
                found.append(_block_pairs(pieces, neighbours))
                pieces = []
            similar = forward_overlap & ~same_article & (similarity >= MERGE_SIMILARITY)
            if shortlist is not None:
                similar = _most_similar_per_row(similar, similarity, shortlist)
            r, c = np.nonzero(similar | (forward_overlap & same_article))
            i, j = rows[r], columns[c]
            firsts, seconds = np.minimum(i, j), np.maximum(i, j)
            scores = similarity[r, c].astype(np.float64)
            accepted = rules.accept(firsts, seconds, scores)
            pieces.append((block_number, scores[accepted], firsts[accepted], seconds[accepted], i[accepted], same_article[r, c][accepted]))
        if pieces:
            found.append(_block_pairs(pieces, neighbours))
    if not found:
        return np.zeros(0, dtype=np.float64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    scores, firsts, seconds = (np.concatenate(part) for part in zip(*found))
    return scores, firsts.astype(np.int64), seconds.astype(np.int64)


def _block_pairs(pieces: list[tuple], neighbours: int | None):
    """One block's accepted pairs (scores, firsts, seconds), limited per row to `neighbours` across articles."""
    import numpy as np

    scores, firsts, seconds, owners, within = (np.concatenate(part) for part in list(zip(*pieces))[1:])
    if neighbours is not None:
        across = np.flatnonzero(~within)
        kept = np.sort(np.r_[np.flatnonzero(within), across[_first_per_owner(owners[across], scores[across], neighbours)]])
        scores, firsts, seconds = scores[kept], firsts[kept], seconds[kept]
    return scores, firsts, seconds


def merge_mentions(mentions: list[EventMention], vectors, neighbours: int | None = None) -> list[list[EventMention]]:
    """Complete-linkage clusters: every pair in a cluster passes `_same_event`.

    Pairs are merged most similar first. Only pairs `_same_event` accepts can
    start a merge, and two clusters merge only when every cross pair is one of
    them, so everything is decided from `candidate_pairs` (an interval sweep,
    not all m² pairs) with set lookups. `neighbours` as in `candidate_pairs`.
    """
    import numpy as np

    count = len(mentions)
    scores, firsts, seconds = candidate_pairs(mentions, vectors, neighbours=neighbours)
    accepted = set((firsts * count + seconds).tolist())
    clusters: list[set[int]] = [{index} for index in range(count)]
    owner = list(range(count))
    # A failed check stays failed: clusters only grow, so the failing pair stays inside them.
    failed: set[tuple[int, int]] = set()
    # Most similar first; ties in the order of the (score, i, j) tuples sorted in reverse.
    ranked = np.lexsort((seconds, firsts, scores))[::-1]
    for i, j in zip(firsts[ranked].tolist(), seconds[ranked].tolist()):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        if key in failed:
            continue
        first, second = clusters[a], clusters[b]
        # Two single mentions: their pair is accepted, or it would not be listed.
        if (len(first) == 1 and len(second) == 1) or all(
            (x * count + y if x < y else y * count + x) in accepted for x in first for y in second
        ):
            first |= second
            for index in second:
                owner[index] = a
            clusters[b] = set()
        else:
            failed.add(key)
    return [[mentions[index] for index in sorted(cluster)] for cluster in clusters if cluster]


def _source_ref(mention: EventMention) -> SourceRef:
    article = mention.article
    return SourceRef(
        source_file=article.source_file,
        article_id=article.article_id,
        quote=mention.sentence.text,
        sentence_index=mention.sentence.index,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
    )


def event_from_cluster(cluster: list[EventMention], story_start: str) -> Event:
    """One event: the tightest interval its sources agree on, the most precise source's words."""
    ranked = sorted(cluster, key=lambda m: (m.width, m.dated_by == "report", m.article.source_file, m.sentence.index))
    best = ranked[0]
    start = max(m.start for m in cluster)
    end = min(m.end for m in cluster)
    if start > end:  # sources disagree: keep the most precise one's interval
        start, end = best.start, best.end
    natural = min((m.precision for m in cluster), key=["day", "week", "month", "year"].index)
    precision = precision_for_span(parse_iso(start), parse_iso(end), natural)
    clues = []
    for mention in ranked:
        if mention.clue not in clues:
            clues.append(mention.clue)
    sources: list[SourceRef] = []
    seen = set()
    for mention in sorted(cluster, key=lambda m: (m.article.source_file, m.sentence.index)):
        key = (mention.article.article_id, mention.sentence.index)
        if key not in seen:
            seen.add(key)
            sources.append(_source_ref(mention))
    identity = f"{best.article.source_file}|{best.sentence.text}|{best.summary}"
    return Event(
        event_id=hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12],
        start=start,
        end=end,
        precision=precision,  # type: ignore[arg-type]
        clue="; ".join(clues),
        summary=best.summary,
        sources=tuple(sources),
        is_context=end < story_start,
    )


def extract_events(
    articles: list[Article],
    embedder,
    sentence_vectors: dict,
    story_start: str = DEFAULT_STORY_START,
) -> list[Event]:
    """Events of these articles, merged across sources, sorted by start date then summary."""
    mentions = [mention for article in articles for mention in find_event_mentions(article)]
    relevance = _relevance(mentions, sentence_vectors, articles)
    core = core_actors(articles)
    mentions = [
        mention
        for mention, score in zip(mentions, relevance)
        if score >= RELEVANCE_STRONG or (score >= RELEVANCE_FLOOR and mention.actors & core)
    ]
    if not mentions:
        return []
    clause_vectors = embedder.encode([mention.summary for mention in mentions])
    clusters = merge_mentions(mentions, clause_vectors)
    events = [event_from_cluster(cluster, story_start) for cluster in clusters]
    return sorted(events, key=lambda event: (event.start, event.end, event.summary))


# -- building with the cache ------------------------------------------------------------------
def event_to_json(event: Event) -> dict:
    """The CLI/cache JSON shape of one event."""
    data = asdict(event)
    data["sources"] = [
        {**asdict(source), "published": asdict(source.published), "published_label": source.published.label()}
        for source in event.sources
    ]
    return data


def event_from_json(data: dict) -> Event:
    sources = tuple(
        SourceRef(
            **{key: value for key, value in source.items() if key not in ("published", "published_label")},
            published=PublishedDate(**source["published"]),
        )
        for source in data["sources"]
    )
    return Event(**{**data, "sources": sources})


def build_events(corpus, embedder, progress: ProgressCallback | None = None) -> list[Event]:
    """The corpus's events, computed once per corpus + model + code version and cached in the store."""
    from lib.embed import article_vectors

    key = f"{corpus.fingerprint}:{embedder.model_id}:{EVENTS_VERSION}:{dates_fingerprint(corpus.articles)}"
    cached = corpus.store.get_cache("events", key)
    if cached is not None:
        try:
            return [event_from_json(item) for item in cached]
        except (TypeError, KeyError):  # an older payload shape: rebuild
            pass
    if progress:
        progress("Embedding sentences…", 0.1)
    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    if progress:
        progress("Finding and merging events…", 0.7)
    events = extract_events(corpus.articles, embedder, vectors, corpus.settings.story_start)
    corpus.store.put_cache("events", key, [event_to_json(event) for event in events])
    if progress:
        progress("Timeline ready", 1.0)
    return events


def dates_fingerprint(articles: Iterable[Article]) -> str:
    """Inferred publication dates are not part of the store fingerprint; include them in the cache key."""
    digest = hashlib.sha256()
    for article in articles:
        published = article.published
        digest.update(f"{article.article_id}:{published.date}:{published.precision}:{published.earliest}:{published.latest};".encode())
    return digest.hexdigest()[:12]


def filter_events(
    events: Iterable[Event],
    outlets: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_context: bool = True,
) -> list[Event]:
    """Events reported by any of `outlets` (all when empty) whose interval overlaps [date_from, date_to].

    With an outlet filter, an event keeps only the sources from those outlets.
    """
    chosen = set(outlets or ())
    result = []
    for event in events:
        if not include_context and event.is_context:
            continue
        if date_from and event.end < date_from:
            continue
        if date_to and event.start > date_to:
            continue
        if chosen:
            sources = tuple(source for source in event.sources if source.outlet in chosen)
            if not sources:
                continue
            event = Event(**{**asdict(event), "sources": sources}) if len(sources) != len(event.sources) else event
        result.append(event)
    return result


def check_day(value: str | None, name: str) -> str | None:
    """Validate a "YYYY-MM-DD" bound from a user; raises StoryLensError with what is allowed."""
    if value in (None, ""):
        return None
    try:
        parse_iso(value)
    except ValueError:
        raise StoryLensError(f"'{value}' is not a date for {name}. Use YYYY-MM-DD, e.g. 2024-06-19.") from None
    return value


# -- CLI ------------------------------------------------------------------------------------
def cmd_events(args) -> int:
    from lib.cli import corpus_for, print_json
    from lib.embed import embedder_for
    from lib.charts.timeline import event_date_label

    if args.story_only and args.context:
        raise StoryLensError("--story-only and --context contradict each other; use one of them.")
    date_from = check_day(args.date_from, "--from")
    date_to = check_day(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise StoryLensError(f"--from {date_from} is after --to {date_to}; swap them.")
    corpus = corpus_for(args, quiet=args.json)
    outlets = args.outlet or []
    known = sorted({article.outlet for article in corpus.articles})
    unknown = [outlet for outlet in outlets if outlet not in known]
    if unknown:
        raise StoryLensError(f"No outlet named '{unknown[0]}'. Outlets in this collection: {', '.join(known) or 'none'}.")
    embedder = embedder_for(corpus.settings)
    events = build_events(corpus, embedder)
    events = filter_events(events, outlets, date_from, date_to, include_context=not args.story_only)
    if args.json:
        print_json([event_to_json(event) for event in events])
        return 0
    if not events:
        print("No events found." if corpus.articles else "No articles yet. Add some with: python -m lib.cli ingest FILE ...")
    for event in events:
        context = " [background]" if event.is_context else ""
        print(
            f"{event.start}..{event.end}\t{event_date_label(event)}\t{event.summary}{context}\t"
            f"({len(event.sources)} source(s); dated by: {event.clue})"
        )
    return 0


def register_cli(subparsers, add_data_option) -> None:
    parser = subparsers.add_parser("events", help="timeline events found in the articles, sorted by date")
    parser.add_argument("--story-only", action="store_true", help="leave out background events before the story window")
    parser.add_argument(
        "--context", action="store_true",
        help="include background events (the default: they are always listed, flagged is_context=true)",
    )
    parser.add_argument("--outlet", action="append", metavar="OUTLET", help="only events reported by this outlet (repeatable)")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only events that may fall on or after this day")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only events that may fall on or before this day")
    add_data_option(parser)
    parser.set_defaults(func=cmd_events)
