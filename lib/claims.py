"""Comparable claims: what each source says on each thing the story is argued about.

Pipeline (pure functions over records; the store only caches the result):

1. candidates: English body sentences (`Article.sentences` only, never the
   removed furniture) that carry a figure, an attribution ("according to",
   "said", "estimated") or a stance word ("concern", "violation", "support");
2. topics: each candidate joins the seed topic of `lib/topics.json` it is most
   similar to (shared embedder, cosine >= the file's threshold). A sentence that
   gives a figure in a numeric seed's unit ("troops") also joins that seed when
   it is on-topic. Candidates that fit no seed are clustered (agglomerative,
   cosine); clusters spanning at least two articles become automatic topics
   named by their top keywords, the rest are dropped (nothing to compare);
3. per topic: one `Claim` per sentence with the figure in the topic's unit,
   the speaker, hedging and the report's date; `topic_status` says whether
   the sources agree, disagree, or the figure grew over time, in plain words.

Statuses: "agree", "disagree", "evolving", "single-source", and "no figures"
(several sources discuss the topic but none gives a comparable number: we do
not guess whether prose statements agree; readers compare the quotes). A
question row that matches nothing has the status "no match".
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import logging
import re
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable

from lib.attribution import attribute
from lib.errors import StoryLensError
from lib.models import Article, Claim, PublishedDate, Sentence
from lib.numbers import Quantity, counted_quantities, extract_quantities

log = logging.getLogger(__name__)

ENGINE_VERSION = "claims-4"
TOPICS_FILE = Path(__file__).with_name("topics.json")
STATUSES = ("agree", "disagree", "evolving", "single-source", "no figures")
# Only a question row can have no claims at all; its status then says so.
NO_MATCH = "no match"
NOT_MENTIONED = "— not mentioned"
# A plain statement with no figure, speaker or stance word ("Pyongyang has since
# deployed troops to Russia") is still a claim when it is this close to a seed topic.
STRONG_MATCH = 0.62
# ...and only when that seed clearly wins: a plain sentence close to two seeds is left out.
STRONG_MARGIN = 0.05
# Cosine similarity for joining unassigned candidates into an automatic topic.
AUTO_CLUSTER_SIMILARITY = 0.55
# Most leftover sentences clustered exactly in one go: the all-pairs distances of this many
# rows take ~9 MB; larger sets are first split into cells of this size (see cluster_leftovers).
CLUSTER_BLOCK = 1500
# A question row takes each source's best candidate sentence at or above this,
# and within QUESTION_MARGIN of the best sentence of any source (similarity is
# noisy: a fixed cut alone lets weak matches from unrelated articles in).
QUESTION_THRESHOLD = 0.40
QUESTION_MARGIN = 0.20
# Two reports whose dates are this close are "the same period" (disagreement, not evolution).
SAME_PERIOD_DAYS = 7
# A topic's rule lists at most this many clashing pairs of sources (then says how many more).
MAX_LISTED_REASONS = 12

STANCE_WORDS = (
    "concern", "concerned", "concerns", "condemn", "condemned", "condemns", "violation", "violate",
    "violates", "unacceptable", "support", "supports", "oppose", "opposes", "criticize", "criticized",
    "criticised", "warn", "warned", "warns", "threat", "threaten", "threatens", "deplore", "protest",
    "protested", "welcome", "welcomed", "reaffirm", "sanctions", "requires", "obliges", "obligation",
    "in return", "in exchange",
)
_STANCE_RE = re.compile(r"\b(" + "|".join(re.escape(word) for word in STANCE_WORDS) + r")\b", re.IGNORECASE)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TopicSeed:
    """One editable topic from topics.json: id (URL key), label, unit compared, describing phrases."""

    topic_id: str
    label: str
    unit: str | None
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """One row of the comparison: its claims (every one with its exact sentence) and the verdict.

    `sources` lists the source files that say something on the topic, in
    report-date order; `rule` is the plain sentence explaining `status`.
    """

    topic_id: str
    label: str
    unit: str | None
    seeded: bool
    status: str
    rule: str
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]

    @property
    def figures(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims if claim.value is not None)


@dataclass(frozen=True)
class ClaimSet:
    """All topics of a corpus; `candidates` are every (article_id, sentence_index) considered."""

    topics: tuple[Topic, ...]
    candidates: tuple[tuple[str, int], ...]
    model_id: str

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(claim for topic in self.topics for claim in topic.claims)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.topic_id == topic_id), None)


@dataclass(frozen=True)
class Column:
    """One column of the side-by-side view: an outlet, or one article when an outlet has several."""

    key: str  # source_file of the article shown in the column
    label: str
    outlet: str
    source_file: str
    published: PublishedDate


# --------------------------------------------------------------------------- seeds


def load_topic_seeds(path: str | Path | None = None) -> tuple[float, list[TopicSeed]]:
    """(threshold, seeds) from topics.json; a broken file is a StoryLensError naming the problem."""
    path = Path(path) if path else TOPICS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise StoryLensError(f"The topic list {path} is missing. Restore lib/topics.json from the repository.") from error
    except json.JSONDecodeError as error:
        raise StoryLensError(
            f"The topic list {path} is not valid JSON (line {error.lineno}: {error.msg}). Fix the file or restore it."
        ) from error
    try:
        threshold = float(data.get("threshold", 0.5))
        seeds = []
        for entry in data["topics"]:
            topic_id = str(entry["id"]).strip()
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", topic_id):
                raise ValueError(f"topic id '{topic_id}' must be lower-case letters, digits and dashes")
            phrases = tuple(str(phrase) for phrase in entry.get("phrases", []))
            seeds.append(TopicSeed(topic_id, str(entry["label"]), entry.get("unit") or None, phrases))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StoryLensError(
            f"The topic list {path} is malformed ({error}). Each topic needs an 'id', a 'label' and a list of 'phrases'."
        ) from error
    if not 0 < threshold < 1:
        raise StoryLensError(f"The topic threshold in {path} must be between 0 and 1 (got {threshold}).")
    return threshold, seeds


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _SentenceFacts:
    sentence: Sentence
    quantities: tuple[Quantity, ...]
    attributed_to: str | None  # None: the outlet's own reporting
    hedged: bool
    stance: tuple[str, ...]

    @property
    def is_candidate(self) -> bool:
        counted = any(quantity.unit and quantity.unit != "%" for quantity in self.quantities)
        return bool(counted or self.attributed_to or self.stance or self.hedged)


def sentence_facts(article: Article) -> list[_SentenceFacts]:
    """Figures, speaker, hedging and stance for every body sentence (references resolved in order).

    "He said" / "it said" take the speaker of the previous sentence when that
    sentence named one; "the ministry said" takes the last speaker named
    earlier in the article whose name ends in that word ("Japan's Foreign
    Ministry"). Otherwise the claim is credited to the outlet, or to the
    words as written. Resolved speakers are always words of the same article.
    """
    facts = []
    previous_source: str | None = None
    named: list[str] = []
    for sentence in article.sentences:
        attribution = attribute(sentence.text)
        source = attribution.source
        if attribution.is_pronoun:
            source = previous_source
        elif source:
            reference = re.fullmatch(r"(?i)the\s+([a-z]+)", source)
            earlier = [name for name in named if reference and name.lower().split()[-1] == reference.group(1).lower()]
            if earlier and earlier[-1].lower() != source.lower():
                source = earlier[-1]
            else:
                named.append(source)
        facts.append(
            _SentenceFacts(
                sentence=sentence,
                quantities=tuple(extract_quantities(sentence.text)),
                attributed_to=source,
                hedged=attribution.hedged,
                stance=tuple(match.group(1).lower() for match in _STANCE_RE.finditer(sentence.text)),
            )
        )
        previous_source = source
    return facts


def candidate_sentences(article: Article, plain_too: bool = False) -> list[_SentenceFacts]:
    """Body sentences that could be claims: English, at least 6 words, with a figure, speaker or stance.

    `plain_too` also returns the other English sentences (they may still be
    claims when they match a seed topic strongly, see STRONG_MATCH).
    """
    return [
        fact
        for fact in sentence_facts(article)
        if (plain_too or fact.is_candidate)
        and fact.sentence.language in ("en", "")
        and len(fact.sentence.text.split()) >= 6
    ]


def make_claim(article: Article, fact: _SentenceFacts, topic_id: str, unit: str | None) -> Claim:
    """The claim `fact.sentence` makes on a topic; its figure is the first one counted in `unit`."""
    quantity = next((q for q in fact.quantities if unit and q.unit == unit), None)
    return Claim(
        topic=topic_id,
        source_file=article.source_file,
        article_id=article.article_id,
        quote=fact.sentence.text,
        sentence_index=fact.sentence.index,
        attributed_to=fact.attributed_to or article.outlet,
        value=quantity.value if quantity else None,
        value_high=quantity.value_high if quantity else None,
        unit=quantity.unit if quantity else None,
        qualifier=quantity.qualifier if quantity else None,
        reported_on=article.published,
        hedged=fact.hedged,
        outlet=article.outlet,
    )


@functools.lru_cache(maxsize=65536)  # parsed once per claim: topic_status compares every source's figure
def claim_quantity(claim: Claim) -> Quantity | None:
    """The figure of a claim as a Quantity (for intervals and labels), or None.

    Built from the claim's own fields, so the qualifier recorded on the claim
    always decides the interval; `text` is the matching span of the quote when found.
    """
    if claim.value is None:
        return None
    fields = (claim.value, claim.value_high, claim.unit, claim.qualifier)
    for quantity in extract_quantities(claim.quote):
        if (quantity.value, quantity.value_high, quantity.unit, quantity.qualifier) == fields:
            return quantity
    return Quantity(claim.value, claim.value_high, claim.unit, claim.qualifier, "", 0, 0)


def is_own_reporting(claim: Claim) -> bool:
    """True when the sentence credits nobody, so the claim is the outlet's own reporting."""
    return claim.attributed_to == claim.outlet


# --------------------------------------------------------------------------- status


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        parts = [int(part) for part in text.split("-")]
    except ValueError:
        return None
    if len(parts) == 3:
        return date(*parts)
    return None


def report_span(published: PublishedDate) -> tuple[date, date] | None:
    """The interval a report's date certainly falls in, or None when unknown."""
    if published.precision == "unknown" or not published.date:
        return None
    earliest, latest = _parse_day(published.earliest), _parse_day(published.latest)
    if earliest and latest:
        return earliest, latest
    parts = published.date.split("-")
    year = int(parts[0])
    if len(parts) == 3:
        day = date(year, int(parts[1]), int(parts[2]))
        return day, day
    if len(parts) == 2:
        month = int(parts[1])
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        return first, last
    return date(year, 1, 1), date(year, 12, 31)


def _figure_phrase(claim: Claim) -> str:
    quantity = claim_quantity(claim)
    return quantity.label() if quantity else "no figure"


def _who(claim: Claim) -> str:
    """"Kyodo on 26 Oct 2024 (day)", "AFP at an unknown date"."""
    if claim.reported_on.precision == "unknown" or not claim.reported_on.date:
        return f"{claim.outlet} at an unknown date"
    preposition = "on" if claim.reported_on.precision in ("day", "week") else "in"
    return f"{claim.outlet} {preposition} {claim.reported_on.label()}"


def _headline(claims: list[Claim]) -> Claim:
    """A source's own estimate: its largest specific figure (smaller ones are usually parts,
    e.g. "3,000 ... training in the Far East" next to "around 12,000" in total)."""
    specific = [claim for claim in claims if not (claim_quantity(claim) and claim_quantity(claim).is_vague)]
    pool = specific or claims
    return max(pool, key=lambda claim: (claim.value_high or claim.value or 0))


def topic_status(claims: Iterable[Claim], unit: str | None = None) -> tuple[str, str]:
    """(status, rule): how the sources' figures on one topic relate, as a plain sentence.

    - one source: "single-source"; no figures from several sources: "no figures";
    - every source's own estimate (its largest specific figure) consistent with
      every other once qualifiers are applied ("up to 12,000" fits "around
      12,000" and 10,000): "agree";
    - the estimates differ, but each difference is a later report giving a
      larger figure: "evolving";
    - otherwise (same period, a later report lower, or dates unknown): "disagree".
    """
    claims = list(claims)
    sources = _ordered_sources(claims)
    if not claims:
        return "single-source", "No source says anything on this topic yet."
    figures = [claim for claim in claims if claim.value is not None and (unit is None or claim.unit == unit)]
    by_source: dict[str, list[Claim]] = {}
    for claim in figures:
        by_source.setdefault(claim.source_file, []).append(claim)
    if len(sources) == 1:
        only = claims[0]
        rule = f"Only {_who(only)} reports on this, so there is nothing to compare it with yet."
        values = sorted({_figure_phrase(claim) for claim in figures})
        if len(values) > 1:
            rule += f" That report gives several figures ({'; '.join(values)})."
        return "single-source", rule
    if not figures:
        return (
            "no figures",
            f"{len(sources)} sources discuss this without a number to compare, so StoryLens does not judge "
            "whether they agree; read their statements side by side.",
        )
    if len(by_source) == 1:
        source_claims = next(iter(by_source.values()))
        head = _headline(source_claims)
        return (
            "single-source",
            f"Only {_who(head)} gives a figure ({_figure_phrase(head)}); the other "
            f"{len(sources) - 1} source(s) mention the topic without a number.",
        )
    headline_of = {source: _headline(group) for source, group in by_source.items()}
    headlines = list(headline_of.values())
    headlines.sort(key=lambda claim: (report_span(claim.reported_on) or (date.max, date.max))[0])
    smaller = [
        claim
        for source, group in by_source.items()
        for claim in group
        if claim is not headline_of[source] and claim.value is not None and claim.value != headline_of[source].value
    ]
    note = ""
    if smaller:
        note = " Other figures in the same reports (" + "; ".join(
            f"{claim.outlet}: {_figure_phrase(claim)}" for claim in smaller
        ) + ") are read as parts, earlier stages or vaguer wording, not as that source's own estimate."
    listing = "; ".join(f"{_who(claim)} says {_figure_phrase(claim)}" for claim in headlines)
    clashes = _clashes(headlines)
    if not clashes:
        return (
            "agree",
            f"The sources agree: {listing}. These figures are consistent once their qualifiers "
            f"('up to', 'around', 'more than'…) are taken into account.{note}",
        )
    if all(kind == "evolving" for _first, _second, kind in clashes):
        text = _reasons_text(clashes)
        return (
            "evolving",
            f"The figure grew over time: {text}. A later report with a larger number is read as the count "
            f"growing, not as a dispute.{note}",
        )
    text = _reasons_text([clash for clash in clashes if clash[2] == "disagree"])
    return (
        "disagree",
        f"The sources disagree: {text}. The figures do not overlap even allowing for their qualifiers.{note}",
    )


def _clashes(headlines: list[Claim]) -> list[tuple[Claim, Claim, str]]:
    """Every pair (earlier, later) of sources' estimates that do not overlap, with its kind.

    `headlines` are in report-date order. The kind is "evolving" when both
    reports are dated, more than SAME_PERIOD_DAYS apart, and the later one
    gives the larger figure; otherwise "disagree". Pairs come in the order of
    a nested loop over `headlines`, but each row is compared with numpy, and
    when every interval shares one point (the usual "agree") no pair is
    compared at all: a topic with thousands of sources stays fast.
    """
    import numpy as np

    count = len(headlines)
    intervals = np.array([claim_quantity(claim).interval() for claim in headlines], dtype=float).reshape(count, 2)
    low, high = intervals[:, 0], intervals[:, 1]
    if count < 2 or low.max() <= high.min():  # intervals on a line pairwise overlap iff they share a point
        return []
    spans = [report_span(claim.reported_on) for claim in headlines]
    dated = np.array([span is not None for span in spans])
    first_day = np.array([span[0].toordinal() if span else 0 for span in spans])
    last_day = np.array([span[1].toordinal() if span else 0 for span in spans])
    value = np.array([claim.value or 0 for claim in headlines], dtype=float)
    top = np.array([claim.value_high or claim.value or 0 for claim in headlines], dtype=float)
    found = []
    for i in range(count - 1):
        later = np.arange(i + 1, count)
        apart = ~((low[i] <= high[later]) & (low[later] <= high[i]))
        if not apart.any():
            continue
        later = later[apart]
        # Headlines are sorted by report start, so row i is the earlier report of each pair.
        evolving = dated[i] & dated[later] & (first_day[later] - last_day[i] > SAME_PERIOD_DAYS) & (value[later] > top[i])
        found.extend((headlines[i], headlines[j], "evolving" if grew else "disagree") for j, grew in zip(later.tolist(), evolving.tolist()))
    return found


def _reasons_text(clashes: list[tuple[Claim, Claim, str]]) -> str:
    """The clashing pairs in words, the first MAX_LISTED_REASONS of them (the count of the rest after)."""
    reasons = []
    for first, second, kind in clashes[:MAX_LISTED_REASONS]:
        span_a, span_b = report_span(first.reported_on), report_span(second.reported_on)
        if span_a is None or span_b is None:
            undated = first if span_a is None else second
            reasons.append(
                f"{_who(first)} says {_figure_phrase(first)} but {_who(second)} says {_figure_phrase(second)}, "
                f"and the date of {undated.outlet}'s report is unknown, so this cannot be read as change over time"
            )
        elif kind == "evolving":
            reasons.append(
                f"{_who(first)} says {_figure_phrase(first)}, and the later {_who(second)} says {_figure_phrase(second)}"
            )
        elif (span_b[0] - span_a[1]).days > SAME_PERIOD_DAYS:
            reasons.append(
                f"the later {_who(second)} gives a smaller figure ({_figure_phrase(second)}) than "
                f"{_who(first)} ({_figure_phrase(first)})"
            )
        else:
            reasons.append(
                f"{_who(first)} says {_figure_phrase(first)} but {_who(second)}, from the same period, "
                f"says {_figure_phrase(second)}"
            )
    if len(clashes) > MAX_LISTED_REASONS:
        reasons.append(f"and {len(clashes) - MAX_LISTED_REASONS} more such pairs")
    return "; ".join(reasons)


def _ordered_sources(claims: Iterable[Claim]) -> tuple[str, ...]:
    """Source files in report-date order (unknown dates last), each once."""
    first_claim: dict[str, Claim] = {}
    for claim in claims:
        first_claim.setdefault(claim.source_file, claim)
    return tuple(
        sorted(
            first_claim,
            key=lambda source: ((report_span(first_claim[source].reported_on) or (date.max, date.max))[0], source),
        )
    )


def build_topic(topic_id: str, label: str, unit: str | None, seeded: bool, claims: Iterable[Claim]) -> Topic:
    """A topic row with its status; claims ordered by report date, then position in the article."""
    claims = sorted(
        claims,
        key=lambda claim: (
            (report_span(claim.reported_on) or (date.max, date.max))[0],
            claim.source_file,
            claim.sentence_index,
        ),
    )
    status, rule = topic_status(claims, unit)
    return Topic(topic_id, label, unit, seeded, status, rule, tuple(claims), _ordered_sources(claims))


# --------------------------------------------------------------------------- grouping


def topics_signature(path: str | Path | None = None) -> str:
    """A hash of the topic list, so caches outside the store (Streamlit) notice an edited topics.json."""
    path = Path(path) if path else TOPICS_FILE
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "missing"


def _code_signature() -> str:
    """The claim code itself: editing the parsers or this module invalidates cached assignments."""
    digest = hashlib.sha256()
    for module in ("claims.py", "numbers.py", "attribution.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def _fingerprint(corpus, model_id: str, topics_path: Path) -> str:
    digest = hashlib.sha256()
    for part in (
        ENGINE_VERSION,
        _code_signature(),
        corpus.fingerprint,
        model_id,
        topics_path.read_bytes().decode("utf-8", "replace"),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _auto_label(texts: list[str], vectorizer) -> tuple[str, str]:
    """(topic_id, label) from the cluster's most distinctive words (`vectorizer`: TF-IDF fitted on all candidates)."""
    weights = vectorizer.transform([" ".join(texts)]).toarray()[0]
    terms = vectorizer.get_feature_names_out()
    top = [terms[i] for i in weights.argsort()[::-1][:3] if weights[i] > 0]
    label = ", ".join(top) if top else "other statements"
    slug = "-".join(top) if top else "other"
    return f"auto-{slug}", f"Also compared: {label}"


def _label_vectorizer(all_texts: list[str]):
    """TF-IDF over every candidate sentence, fitted once per build (not once per cluster)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy import, kept lazy

    vectorizer = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[A-Za-z][A-Za-z-]{2,}\b")
    return vectorizer.fit(all_texts)


def _average_linkage(vectors) -> list[int]:
    """Cluster labels of average-linkage (cosine) clustering cut at AUTO_CLUSTER_SIMILARITY."""
    from sklearn.cluster import AgglomerativeClustering  # heavy import, kept lazy

    if len(vectors) < 2:
        return [0] * len(vectors)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=1 - AUTO_CLUSTER_SIMILARITY,
    ).fit(vectors)
    return [int(label) for label in clustering.labels_]


def _coarse_cells(vectors, positions: list[int], limit: int) -> list[list[int]]:
    """`positions` split into cells of at most `limit` similar vectors (recursive k-means).

    Each level is a MiniBatchKMeans with a handful of centres, so the split
    costs O(n log n) time and O(n) memory; close sentences share a cell.
    """
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans  # heavy import, kept lazy

    if len(positions) <= limit:
        return [positions]
    parts = min(8, -(-len(positions) // limit) + 1)
    labels = MiniBatchKMeans(n_clusters=parts, random_state=0, n_init=1, batch_size=2048).fit_predict(
        vectors[positions]
    )
    groups = [[positions[i] for i in np.flatnonzero(labels == part)] for part in range(parts)]
    groups = [group for group in groups if group]
    if len(groups) == 1:  # k-means found no structure (identical vectors): cut in halves
        half = len(positions) // 2
        groups = [positions[:half], positions[half:]]
    return [cell for group in groups for cell in _coarse_cells(vectors, group, limit)]


def cluster_leftovers(vectors, limit: int | None = None) -> list[int]:
    """Automatic-topic cluster label of each row of `vectors` (unit-normalised sentence vectors).

    Up to `limit` rows (CLUSTER_BLOCK): exact average-linkage clustering,
    cosine, cut at AUTO_CLUSTER_SIMILARITY. Beyond that an all-pairs distance
    matrix (O(n²) memory and time) does not fit, so the rows are first split
    into cells of at most `limit` similar rows (`_coarse_cells`) and each cell
    is clustered exactly: memory O(limit²), time O(n·limit). The price: two
    close sentences that k-means put in different cells form separate topics.
    """
    limit = limit or CLUSTER_BLOCK
    if len(vectors) <= limit:
        return _average_linkage(vectors)
    labels = [0] * len(vectors)
    offset = 0
    for cell in _coarse_cells(vectors, list(range(len(vectors))), limit):
        cell_labels = _average_linkage(vectors[cell])
        for position, label in zip(cell, cell_labels):
            labels[position] = offset + label
        offset += max(cell_labels) + 1
    return labels


def _assign(corpus, embedder, threshold: float, seeds: list[TopicSeed], progress=None) -> dict:
    """Topic assignment payload (cached): which candidate sentences join which topic."""
    import numpy as np

    from lib.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder, progress=progress)
    rows = []  # (article, fact, vector)
    for article in corpus.articles:
        article_vecs = vectors.get(article.article_id)
        if article_vecs is None or len(article_vecs) != len(article.sentences):
            log.warning("skipping %s: no sentence vectors", article.source_file)
            continue
        for fact in candidate_sentences(article, plain_too=True):
            rows.append((article, fact, article_vecs[fact.sentence.index]))
    assignments: list[list] = []
    auto_topics: list[dict] = []
    if not rows:
        return {"assignments": [], "candidates": [], "auto_topics": []}
    matrix = np.vstack([row[2] for row in rows])
    seed_scores = np.zeros((len(rows), len(seeds)), dtype=np.float32)
    for column, seed in enumerate(seeds):
        seed_vectors = embedder.encode([seed.label, *seed.phrases])
        seed_scores[:, column] = (matrix @ seed_vectors.T).max(axis=1)
    unassigned = []
    for position, (article, fact, _vector) in enumerate(rows):
        scores = seed_scores[position]
        best = int(scores.argmax()) if len(seeds) else -1
        joined = set()
        needed = threshold if fact.is_candidate else max(threshold, STRONG_MATCH)
        runner_up = float(np.sort(scores)[-2]) if len(seeds) > 1 else 0.0
        clear = fact.is_candidate or (best >= 0 and scores[best] - runner_up >= STRONG_MARGIN)
        if best >= 0 and scores[best] >= needed and clear:
            joined.add(best)
        # A figure in a numeric seed's unit also puts the sentence in that seed's row.
        units = {quantity.unit for quantity in fact.quantities}
        for column, seed in enumerate(seeds):
            if seed.unit and seed.unit in units and scores[column] >= threshold:
                joined.add(column)
        for column in sorted(joined):
            assignments.append([article.article_id, fact.sentence.index, seeds[column].topic_id, round(float(scores[column]), 4)])
        if not joined and fact.is_candidate:
            unassigned.append(position)
    if len(unassigned) >= 2:
        labels = cluster_leftovers(matrix[unassigned])
        members_of: dict[int, list[int]] = {}
        for position, label in zip(unassigned, labels):
            members_of.setdefault(label, []).append(position)
        vectorizer = None
        taken = {seed.topic_id for seed in seeds}
        for label in sorted(members_of):
            members = members_of[label]
            if len({rows[i][0].article_id for i in members}) < 2:
                continue  # one article only: nothing to compare side by side
            if vectorizer is None:
                vectorizer = _label_vectorizer([row[1].sentence.text for row in rows])
            topic_id, topic_label = _auto_label([rows[i][1].sentence.text for i in members], vectorizer)
            while topic_id in taken:
                topic_id += "-2"
            taken.add(topic_id)
            units = [q.unit for i in members for q in counted_quantities(rows[i][1].sentence.text)]
            unit = max(set(units), key=units.count) if units else None
            auto_topics.append({"id": topic_id, "label": topic_label, "unit": unit})
            centroid = matrix[members].mean(axis=0)
            norm = np.linalg.norm(centroid) or 1.0
            for i in members:
                score = float(matrix[i] @ centroid / norm)
                assignments.append([rows[i][0].article_id, rows[i][1].sentence.index, topic_id, round(score, 4)])
    considered = {(article_id, index) for article_id, index, _topic, _score in assignments}
    return {
        "assignments": assignments,
        # Sentences a question row may pick: marked candidates and any sentence already in a topic.
        "candidates": [
            [row[0].article_id, row[1].sentence.index]
            for row in rows
            if row[1].is_candidate or (row[0].article_id, row[1].sentence.index) in considered
        ],
        "auto_topics": auto_topics,
    }


def extract_claims(
    corpus,
    embedder=None,
    topics_path: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ClaimSet:
    """Every topic of the corpus with its claims and status.

    Guarantees: every claim quotes one body sentence exactly
    (`article.sentences[claim.sentence_index].text == claim.quote`); topics
    are listed with seeds first (file order), then automatic topics; topics
    without claims are left out. The topic assignment is cached in the store,
    keyed on the corpus fingerprint, the model and topics.json, so only a
    changed corpus or topic list needs the model.
    """
    from lib.embed import embedder_for

    topics_path = Path(topics_path) if topics_path else TOPICS_FILE
    threshold, seeds = load_topic_seeds(topics_path)
    model_id = embedder.model_id if embedder is not None else corpus.settings.model_name
    fingerprint = _fingerprint(corpus, model_id, topics_path)
    cache_name = f"claims:{model_id}"
    payload = corpus.store.get_cache(cache_name, fingerprint)
    if payload is None:
        embedder = embedder or embedder_for(corpus.settings)
        payload = _assign(corpus, embedder, threshold, seeds, progress)
        corpus.store.put_cache(cache_name, fingerprint, payload)
    return _claimset_from_payload(corpus, payload, seeds, model_id)


def _claimset_from_payload(corpus, payload: dict, seeds: list[TopicSeed], model_id: str) -> ClaimSet:
    articles = {article.article_id: article for article in corpus.articles}
    facts_cache: dict[str, dict[int, _SentenceFacts]] = {}

    def facts_of(article: Article) -> dict[int, _SentenceFacts]:
        if article.article_id not in facts_cache:
            facts_cache[article.article_id] = {fact.sentence.index: fact for fact in sentence_facts(article)}
        return facts_cache[article.article_id]

    definitions = [(seed.topic_id, seed.label, seed.unit, True) for seed in seeds] + [
        (entry["id"], entry["label"], entry.get("unit"), False) for entry in payload.get("auto_topics", [])
    ]
    members: dict[str, list[Claim]] = {}
    units = {topic_id: unit for topic_id, _label, unit, _seeded in definitions}
    for article_id, sentence_index, topic_id, _score in payload.get("assignments", []):
        article = articles.get(article_id)
        if article is None or topic_id not in units:
            continue
        fact = facts_of(article).get(sentence_index)
        if fact is None:
            continue
        members.setdefault(topic_id, []).append(make_claim(article, fact, topic_id, units[topic_id]))
    topics = [
        build_topic(topic_id, label, unit, seeded, members[topic_id])
        for topic_id, label, unit, seeded in definitions
        if members.get(topic_id)
    ]
    candidates = tuple((article_id, index) for article_id, index in payload.get("candidates", []))
    return ClaimSet(tuple(topics), candidates, model_id)


# --------------------------------------------------------------------------- ad-hoc questions

_UNIT_WORDS = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops", "forces": "troops",
    "drones": "drones", "drone": "drones", "workers": "workers", "missiles": "missiles", "officers": "officers",
    "generals": "generals", "shells": "shells",
}


def question_topic(corpus, claimset: ClaimSet, question: str, embedder) -> Topic:
    """A row built on the fly: each source's best-matching candidate sentence, when it is close
    enough (QUESTION_THRESHOLD) and not much weaker than the best source's (QUESTION_MARGIN).

    The figure compared is the unit the question names ("how many troops")
    or, failing that, the unit most of the picked sentences count.
    """
    question = (question or "").strip()
    if not question:
        raise StoryLensError(
            "Type a topic or a question first, e.g. 'How many North Korean troops were sent?' "
            "or 'Japan's reaction'."
        )
    if len(question) > 300:
        raise StoryLensError("That question is too long (over 300 characters). Ask about one thing in a short sentence.")
    if not re.search(r"[A-Za-z]{2,}", question):
        raise StoryLensError(f"'{question}' has no words to match. Type a topic in English words, e.g. 'drone attacks'.")
    from lib.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    query = embedder.encode_query(question)
    by_article: dict[str, list[int]] = {}
    for article_id, index in claimset.candidates:
        by_article.setdefault(article_id, []).append(index)
    best_per_article: list[tuple[float, Article, int]] = []
    for article in corpus.articles:
        indexes = by_article.get(article.article_id)
        article_vecs = vectors.get(article.article_id)
        if not indexes or article_vecs is None:
            continue
        scores = article_vecs[indexes] @ query
        best = int(scores.argmax())
        best_per_article.append((float(scores[best]), article, indexes[best]))
    top = max((score for score, _article, _index in best_per_article), default=0.0)
    picked: list[tuple[Article, _SentenceFacts]] = []
    for score, article, index in best_per_article:
        if score >= QUESTION_THRESHOLD and score >= top - QUESTION_MARGIN:
            facts = {fact.sentence.index: fact for fact in sentence_facts(article)}
            picked.append((article, facts[index]))
    asked_units = [unit for word, unit in _UNIT_WORDS.items() if re.search(rf"\b{word}\b", question, re.IGNORECASE)]
    unit = asked_units[0] if asked_units else None
    if unit is None:
        counted = [q.unit for _article, fact in picked for q in fact.quantities if q.unit and q.unit != "%"]
        common = max(set(counted), key=counted.count) if counted else None
        if common and counted.count(common) >= 2:
            unit = common
    claims = [make_claim(article, fact, "question", unit) for article, fact in picked]
    topic = build_topic("question", f"Your question: {question}", unit, False, claims)
    if not claims:
        topic = replace(
            topic,
            status=NO_MATCH,
            rule=f"No source has a sentence close enough to '{question}'. Try other words, or one of the topics above.",
        )
    return topic


# --------------------------------------------------------------------------- the side-by-side table


def comparison_columns(articles: Iterable[Article]) -> list[Column]:
    """One column per outlet; an outlet with several articles gets one column per article.

    Columns are ordered by report date (unknown last), so reading left to right follows time.
    """
    articles = list(articles)
    per_outlet: dict[str, int] = {}
    for article in articles:
        per_outlet[article.outlet] = per_outlet.get(article.outlet, 0) + 1
    ordered = sorted(
        articles, key=lambda a: ((report_span(a.published) or (date.max, date.max))[0], a.outlet, a.source_file)
    )
    columns = []
    for article in ordered:
        label = article.outlet
        if per_outlet[article.outlet] > 1:
            label = f"{article.outlet} · {article.published.label()} · {article.source_file}"
        columns.append(Column(article.source_file, label, article.outlet, article.source_file, article.published))
    return columns


def cells_for(topic: Topic, columns: list[Column]) -> dict[str, tuple[Claim, ...]]:
    """Claims of `topic` per column key; an empty tuple means the source does not mention it."""
    by_source: dict[str, list[Claim]] = {}
    for claim in topic.claims:  # one pass, not one scan of the claims per column
        by_source.setdefault(claim.source_file, []).append(claim)
    return {column.key: tuple(by_source.get(column.source_file, ())) for column in columns}


STATUS_WORDS = {
    "agree": "sources agree",
    "disagree": "sources disagree",
    "evolving": "figure grew over time",
    "single-source": "only one source",
    "no figures": "no figures to compare",
    NO_MATCH: "no source matches",
}


def topics_overview(topics: Iterable[Topic]) -> list[dict]:
    """One line per topic for an at-a-glance table: label, verdict in words, how many sources and claims."""
    return [
        {
            "Topic": topic.label,
            "Verdict": STATUS_WORDS.get(topic.status, topic.status),
            "Sources": len(topic.sources),
            "Claims": len(topic.claims),
            "Figures": ", ".join(sorted({_figure_phrase(claim) for claim in topic.figures})) or "—",
        }
        for topic in topics
    ]


def claim_to_json(claim: Claim) -> dict:
    """The CLI shape of a claim (`reported_on` like Article.published)."""
    data = asdict(claim)
    data["reported_on"] = asdict(claim.reported_on)
    data["figure"] = _figure_phrase(claim) if claim.value is not None else None
    data["own_reporting"] = is_own_reporting(claim)
    return data


def topic_to_json(topic: Topic, with_claims: bool = False) -> dict:
    data = {
        "topic": topic.topic_id,
        "label": topic.label,
        "unit": topic.unit,
        "seeded": topic.seeded,
        "status": topic.status,
        "rule": topic.rule,
        "sources": list(topic.sources),
        "claims": len(topic.claims),
    }
    if with_claims:
        data["claims"] = [claim_to_json(claim) for claim in topic.claims]
    return data


CSV_FIELDS = (
    "topic", "topic_label", "status", "rule", "column", "outlet", "source_file", "reported_on", "date_precision",
    "attributed_to", "quote", "sentence_index", "figure", "value", "value_high", "unit", "qualifier", "hedged",
)


def comparison_csv(topics: Iterable[Topic], columns: list[Column]) -> str:
    """The side-by-side view as CSV: one row per topic x source; silent sources say so explicitly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for topic in topics:
        cells = cells_for(topic, columns)
        for column in columns:
            base = {
                "topic": topic.topic_id,
                "topic_label": topic.label,
                "status": topic.status,
                "rule": topic.rule,
                "column": column.label,
                "outlet": column.outlet,
                "source_file": column.source_file,
                "reported_on": column.published.label(),
                "date_precision": column.published.precision,
            }
            if not cells[column.key]:
                writer.writerow({**base, "quote": NOT_MENTIONED})
                continue
            for claim in cells[column.key]:
                writer.writerow(
                    {
                        **base,
                        "attributed_to": claim.attributed_to,
                        "quote": claim.quote,
                        "sentence_index": claim.sentence_index,
                        "figure": _figure_phrase(claim) if claim.value is not None else "",
                        "value": "" if claim.value is None else claim.value,
                        "value_high": "" if claim.value_high is None else claim.value_high,
                        "unit": claim.unit or "",
                        "qualifier": claim.qualifier or "",
                        "hedged": claim.hedged,
                    }
                )
    return buffer.getvalue()


# --------------------------------------------------------------------------- CLI


def _load(args):
    from lib.cli import corpus_for
    from lib.embed import embedder_for

    corpus = corpus_for(args, quiet=args.json)
    embedder = embedder_for(corpus.settings)
    return corpus, embedder, extract_claims(corpus, embedder)


def cmd_claims(args) -> int:
    from lib.cli import print_json

    corpus, embedder, claimset = _load(args)
    if args.question is not None:
        topic = question_topic(corpus, claimset, args.question, embedder)
        if args.json:
            print_json(topic_to_json(topic, with_claims=True))
        else:
            _print_topic(topic)
        return 0
    topics = list(claimset.topics)
    if args.topic:
        chosen = claimset.topic(args.topic)
        if chosen is None:
            valid = ", ".join(topic.topic_id for topic in topics) or "none (no claims found)"
            raise StoryLensError(f"No topic '{args.topic}'. Topics in this collection: {valid}.")
        topics = [chosen]
    if args.topics:
        if args.json:
            print_json([topic_to_json(topic) for topic in topics])
        else:
            for topic in topics:
                print(f"{topic.topic_id}\t{topic.status}\t{len(topic.claims)} claims\t{len(topic.sources)} sources\t{topic.label}")
            if not topics:
                print("No comparable claims found in this collection.")
        return 0
    claims = [claim for topic in topics for claim in topic.claims]
    if args.json:
        print_json([claim_to_json(claim) for claim in claims])
    else:
        for topic in topics:
            _print_topic(topic)
        if not topics:
            print("No comparable claims found in this collection.")
    return 0


def _print_topic(topic: Topic) -> None:
    print(f"== {topic.label} [{topic.status}]")
    print(f"   {topic.rule}")
    for claim in topic.claims:
        figure = f" [{_figure_phrase(claim)}]" if claim.value is not None else ""
        print(f" - {claim.outlet} ({claim.reported_on.label()}), {claim.attributed_to}{figure}: {claim.quote}")


def register_cli(subparsers, add_data_option) -> None:
    parser = subparsers.add_parser(
        "claims", help="side-by-side source claims: who says what on each topic (JSON with --json)"
    )
    parser.add_argument("--topics", action="store_true", help="list topics with their status and rule instead of claims")
    parser.add_argument("--topic", metavar="ID", help="only this topic (see --topics for ids)")
    parser.add_argument("--question", metavar="TEXT", help="build one row for a topic or question of your own")
    add_data_option(parser)
    parser.set_defaults(func=cmd_claims)
