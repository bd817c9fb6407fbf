"""Comparable claims: what each source says on each thing the story is argued about.

Pipeline (pure functions over records; the store only caches the result):

1. candidates: English body sentences (`Article.sentences` only, never the
   removed furniture) that carry a figure, an attribution ("according to",
   "said", "estimated") or a stance word ("concern", "violation", "support");
2. topics: each candidate joins the seed topic (`lib.claims.topics.seeds_file`) it is most
   similar to (shared embedder, cosine >= the file's threshold). A sentence that
   gives a figure in a numeric seed's unit ("troops") also joins that seed when
   it is on-topic. Candidates that fit no seed are clustered (agglomerative,
   cosine); clusters spanning at least two articles become automatic topics
   named by their top keywords, the rest are dropped (nothing to compare);
3. per topic: rows split by kind of figure (lib.text.counted: "troops sent" is never
   compared with "troops killed", a price per 5 kg never with a price per 60 kg, see
   split_by_kind); then each kind of figure that two sources give is compared in exactly
   one row, which takes every sentence of the collection giving it, in any language,
   unless the sentence is far from the kind's other sentences or names only countries the
   kind's other reports do not (one_row_per_kind, _off_subject, _off_place), so a story
   without hand seeds still gets its main figures compared; a row found this way is
   labelled from its kind and the name its sources share (figure_row_label);
4. per row: one `Claim` per sentence with the figure of the row's kind,
   the speaker, hedging and the report's date; `topic_status` says whether
   the sources agree, disagree, or the figure grew over time, in plain words.

Statuses: "agree", "disagree", "evolving", "single-source", and "no figures"
(several sources discuss the topic but none gives a comparable number: we do
not guess whether prose statements agree; the row names the points only one
source makes, _lone_points, and readers compare the quotes). A
question row that matches nothing has the status "no match".
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from lib.claims.figures import (
    UNCOMPARED_KINDS,
    SentenceFacts,
    candidate_sentences,
    make_claim,
    sentence_facts,
    without_figure,
)
from lib.claims.topics import (
    seeds_file,
    with_lone_points,
    ClaimSet,
    TopicSeed,
    build_topic,
    claim_order,
    load_topic_seeds,
)
from lib.core.store import DamagedViewError, view_row_key
from lib.core.models import Article, Claim, record_from_json, record_to_json, remembered

log = logging.getLogger(__name__)



ENGINE_VERSION = "claims-5"

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



# --------------------------------------------------------------------------- grouping


def topics_signature(settings) -> str:
    """A hash of the collection's seed topics, so caches outside the store (Streamlit) notice an
    edited topics.json ("none" when the collection has no seeds)."""
    path = seeds_file(settings)
    if path is None:
        return "none"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "missing"



def _code_signature() -> str:
    """The claim code itself: editing lib/claims or the language tools it reads with invalidates cached assignments."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    # cities.tsv: the place check (lib.claims.places) reads it into the cached assignment.
    for path in [*sorted(here.glob("*.py")), *sorted(here.glob("*.tsv")), *sorted((here.parent / "text").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()



def _fingerprint(contents: str, model_id: str, topics_path: Path | None) -> str:
    """The key of a collection's stored claims: its contents (articles and inferred dates,
    `lib.core.store.contents_key`), the model, topics.json and the claim code."""
    digest = hashlib.sha256()
    for part in (
        ENGINE_VERSION,
        _code_signature(),
        contents,
        model_id,
        topics_path.read_bytes().decode("utf-8", "replace") if topics_path else "no seeds",
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()



# A cluster with no distinctive Latin-script words (Japanese, Korean, Thai ... sentences) is labelled by
# the opening of its most central sentence, cut to this many characters.
LABEL_QUOTE_CHARS = 32


def _auto_label(texts: list[str], vectorizer) -> tuple[str, str]:
    """(topic_id, label) from the cluster's most distinctive words (`vectorizer`: TF-IDF fitted on all
    candidates); without any (a cluster in a script the vectorizer does not split), from the opening
    of `texts[0]` (the caller puts the most central sentence first), so two such rows never share
    the label "other statements"."""
    weights = vectorizer.transform([" ".join(texts)]).toarray()[0]
    terms = vectorizer.get_feature_names_out()
    top = [terms[i] for i in weights.argsort()[::-1][:3] if weights[i] > 0]
    if top:
        phrase = _label_phrase(texts[:LABEL_PHRASE_SENTENCES], top)
        return f"auto-{'-'.join(top)}", f"Also compared: {phrase or ', '.join(top)}"
    opening = " ".join(texts[0].split()) if texts else ""
    if not opening:
        return "auto-other", "Also compared: other statements"
    cut = opening if len(opening) <= LABEL_QUOTE_CHARS else opening[:LABEL_QUOTE_CHARS].rstrip() + "…"
    return "auto-other", f"Also compared: “{cut}”"



# An automatic row is labelled by the shortest run of words of one of its most central sentences that
# holds its distinctive words ("average price of bread"), when one of at most LABEL_PHRASE_WORDS words
# holds at least two of them; else by the words themselves ("bag, supermarkets, yen").
LABEL_PHRASE_WORDS = 8
LABEL_PHRASE_SENTENCES = 3
_LABEL_WORD = re.compile(r"[^\s]+")


def _label_phrase(texts: list[str], terms: list[str]) -> str | None:
    """The shortest run of words of `texts` (in order of preference) holding the most of `terms`
    (at least two, or the one there is), at most LABEL_PHRASE_WORDS words, as written; None without one."""
    for wanted in range(len(terms), min(2, len(terms)) - 1, -1):
        best: tuple[int, int, str] | None = None
        for rank, text in enumerate(texts):
            words = _LABEL_WORD.findall(text)
            keys = [re.sub(r"[^\w-]", "", word).lower() for word in words]
            positions = [i for i, key in enumerate(keys) if key in terms]
            for start_at, first in enumerate(positions):
                seen: set[str] = set()
                for last in positions[start_at:]:
                    seen.add(keys[last])
                    if len(seen) >= wanted:
                        length = last - first + 1
                        if length <= LABEL_PHRASE_WORDS and (best is None or (length, rank) < best[:2]):
                            phrase = " ".join(words[first : last + 1]).strip(" ,;:.!?\"'“”‘’()")
                            best = (length, rank, phrase)
                        break
        if best:
            return best[2]
    return None


def _label_vectorizer(all_texts: list[str]):
    """TF-IDF over every candidate sentence, fitted once per build (not once per cluster)."""
    from sklearn.feature_extraction.text import (
        TfidfVectorizer,  # heavy import, kept lazy
    )

    vectorizer = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[A-Za-z][A-Za-z-]{2,}\b")
    return vectorizer.fit(all_texts)



def _average_linkage(vectors, similarity: float = AUTO_CLUSTER_SIMILARITY) -> list[int]:
    """Cluster labels of average-linkage (cosine) clustering cut at `similarity`."""
    from sklearn.cluster import AgglomerativeClustering  # heavy import, kept lazy

    if len(vectors) < 2:
        return [0] * len(vectors)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=1 - similarity,
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



def cluster_leftovers(vectors, limit: int | None = None, similarity: float = AUTO_CLUSTER_SIMILARITY) -> list[int]:
    """Automatic-topic cluster label of each row of `vectors` (unit-normalised sentence vectors).

    Up to `limit` rows (CLUSTER_BLOCK): exact average-linkage clustering,
    cosine, cut at `similarity` (AUTO_CLUSTER_SIMILARITY on the model's scale). Beyond that an all-pairs distance
    matrix (O(n²) memory and time) does not fit, so the rows are first split
    into cells of at most `limit` similar rows (`_coarse_cells`) and each cell
    is clustered exactly: memory O(limit²), time O(n·limit). The price: two
    close sentences that k-means put in different cells form separate topics.
    """
    limit = limit or CLUSTER_BLOCK
    if len(vectors) <= limit:
        return _average_linkage(vectors, similarity)
    labels = [0] * len(vectors)
    offset = 0
    for cell in _coarse_cells(vectors, list(range(len(vectors))), limit):
        cell_labels = _average_linkage(vectors[cell], similarity)
        for position, label in zip(cell, cell_labels):
            labels[position] = offset + label
        offset += max(cell_labels) + 1
    return labels



def seed_scores(matrix, seeds: list[TopicSeed], embedder):
    """(sentences x seeds) the best cosine of each sentence vector (rows of `matrix`) to a seed's label
    or phrases."""
    import numpy as np

    scores = np.zeros((len(matrix), len(seeds)), dtype=np.float32)
    if not seeds:
        return scores
    # A seed's label and phrases are short texts that say what a sentence is about: encoded as
    # queries, in one call (e5 models prefix queries and passages differently; with
    # multilingual-e5-small, bundled claims recall 0.77 -> 0.88 against passage-encoded seeds).
    # The cut stays on the sentence-pair scale: on the question scale, seeds of one story took
    # sentences of another that only shared a word with them (a development-set story).
    seed_texts = [[seed.label, *seed.phrases] for seed in seeds]
    seed_vectors = _seed_vectors(embedder, tuple(text for texts in seed_texts for text in texts))
    offset = 0
    for column, texts in enumerate(seed_texts):
        scores[:, column] = (matrix @ seed_vectors[offset : offset + len(texts)].T).max(axis=1)
        offset += len(texts)
    return scores


# The seeds' vectors by (model, texts): encoding a topic list's few hundred phrases costs seconds on a
# loaded CPU, and an added article's sentences are scored against the same seeds every time.
_SEED_VECTORS: dict[tuple[str, tuple[str, ...]], object] = {}


def _seed_vectors(embedder, texts: tuple[str, ...]):
    """The seed texts encoded as queries by `embedder` (kept per model and texts in this process)."""
    key = (embedder.model_id, texts)
    if key not in _SEED_VECTORS:
        if len(_SEED_VECTORS) >= 8:
            _SEED_VECTORS.clear()
        _SEED_VECTORS[key] = embedder.encode_queries(list(texts))
    return _SEED_VECTORS[key]


@dataclass(frozen=True)
class SeedCuts:
    """The cuts a sentence's seed scores must pass, on the embedder's scale."""

    threshold: float
    strong: float
    margin: float

    @classmethod
    def of(cls, embedder, threshold: float) -> "SeedCuts":
        # The thresholds are written on all-MiniLM-L6-v2's scale (lib.text.embed.Embedder.calibrated).
        strong = embedder.calibrated(STRONG_MATCH)
        return cls(embedder.calibrated(threshold), strong, embedder.calibrated(STRONG_MATCH + STRONG_MARGIN) - strong)


def seed_columns(scores, fact: SentenceFacts, seeds: list[TopicSeed], cuts: SeedCuts) -> set[int]:
    """The seeds (columns of `scores`) one sentence joins: its best seed when that reaches the cut (a
    sentence without a figure only when clearly closer to it than to any other), and every numeric seed
    whose unit one of its figures has."""
    import numpy as np

    best = int(scores.argmax()) if len(seeds) else -1
    joined = set()
    needed = cuts.threshold if fact.is_candidate else max(cuts.threshold, cuts.strong)
    runner_up = float(np.sort(scores)[-2]) if len(seeds) > 1 else 0.0
    clear = fact.is_candidate or (best >= 0 and scores[best] - runner_up >= cuts.margin)
    if best >= 0 and scores[best] >= needed and clear:
        joined.add(best)
    # A figure in a numeric seed's unit also puts the sentence in that seed's row.
    units = {quantity.unit for quantity in fact.quantities}
    for column, seed in enumerate(seeds):
        if seed.unit and seed.unit in units and scores[column] >= cuts.threshold:
            joined.add(column)
    return joined


def _assign(corpus, embedder, threshold: float, seeds: list[TopicSeed], progress=None) -> dict:
    """Topic assignment payload (cached): which candidate sentences join which topic."""
    import numpy as np

    from lib.text.embed import article_vectors

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
        return {"assignments": [], "candidates": [], "auto_topics": [], "off_subject": [], "lone": []}
    matrix = np.vstack([row[2] for row in rows])
    scores_of = seed_scores(matrix, seeds, embedder)
    cuts = SeedCuts.of(embedder, threshold)
    unassigned = []
    for position, (article, fact, _vector) in enumerate(rows):
        scores = scores_of[position]
        joined = seed_columns(scores, fact, seeds, cuts)
        for column in sorted(joined):
            assignments.append([article.article_id, fact.sentence.index, seeds[column].topic_id, round(float(scores[column]), 4)])
        if not joined and fact.is_candidate:
            unassigned.append(position)
    if len(unassigned) >= 2:
        labels = cluster_leftovers(matrix[unassigned], similarity=embedder.calibrated(AUTO_CLUSTER_SIMILARITY))
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
            centroid = matrix[members].mean(axis=0)
            norm = np.linalg.norm(centroid) or 1.0
            central = sorted(members, key=lambda i: -float(matrix[i] @ centroid))
            topic_id, topic_label = _auto_label([rows[i][1].sentence.text for i in central], vectorizer)
            while topic_id in taken:
                topic_id += "-2"
            taken.add(topic_id)
            # The unit its sentences' comparable figures are in, read in each sentence's language.
            units = [q.unit for i in members for q in rows[i][1].quantities if _comparable_in_a_cluster(q)]
            unit = max(sorted(set(units)), key=units.count) if units else None
            auto_topics.append({"id": topic_id, "label": topic_label, "unit": unit})
            for i in members:
                score = float(matrix[i] @ centroid / norm)
                assignments.append([rows[i][0].article_id, rows[i][1].sentence.index, topic_id, round(score, 4)])
    considered = {(article_id, index) for article_id, index, _topic, _score in assignments}
    return {
        "off_subject": _off_subject(rows, embedder),
        "lone": _lone_points(rows, assignments, embedder),
        "assignments": assignments,
        # Sentences a question row may pick: marked candidates and any sentence already in a topic.
        "candidates": [
            [row[0].article_id, row[1].sentence.index]
            for row in rows
            if row[1].is_candidate or (row[0].article_id, row[1].sentence.index) in considered
        ],
        "auto_topics": auto_topics,
    }



# A figure's sentence this far from the other sentences giving that kind of figure (cosine to their
# centroid, same language only) is about something else ("the 2015 quake killed 9,000" in a row of
# this quake's toll; "11 governments" misread as troops): it does not join the kind's row.
OFF_SUBJECT_SIMILARITY = 0.45

# The check needs this many sentences of one language giving the kind (fewer: no judgement).
OFF_SUBJECT_MIN_GROUP = 4


def _row_keys(fact: SentenceFacts) -> list[tuple[str, str]]:
    """The distinct row keys of the sentence's comparable figures (see _kind_row_key), sorted."""
    return sorted({key for key in map(_kind_row_key, fact.quantities) if key})


def _off_subject(rows: list, embedder) -> list[list]:
    """[article_id, sentence_index, kind] of figure sentences off their kind's subject.

    Per comparable kind of figure (see _kind_row_key) and per sentence language the model reads
    (every language for a multilingual model, else English): each sentence against the centroid of
    the others (leave-one-out), cut at OFF_SUBJECT_SIMILARITY. Languages are never mixed: a
    monolingual model puts a Korean sentence far from English ones whatever it says.
    """
    import numpy as np

    from lib.text.embed import is_multilingual

    multilingual = is_multilingual(getattr(embedder, "model_id", "") or "")
    groups: dict[tuple[str, str], list[int]] = {}
    for position, (article, fact, _vector) in enumerate(rows):
        if not fact.is_candidate:
            continue
        language = fact.sentence.language or article.language or ""
        if not multilingual and language != "en":
            continue
        for key in _row_keys(fact):
            groups.setdefault((key[0], language), []).append(position)
    found = _off_place(rows)
    cut = embedder.calibrated(OFF_SUBJECT_SIMILARITY)
    for (kind, _language), members in groups.items():
        if len(members) < OFF_SUBJECT_MIN_GROUP:
            continue
        matrix = np.vstack([rows[i][2] for i in members])
        total = matrix.sum(axis=0)
        for i, vector in zip(members, matrix):
            others = total - vector
            norm = np.linalg.norm(others) or 1.0
            if float(vector @ others) / norm < cut:
                found.append([rows[i][0].article_id, rows[i][1].sentence.index, kind])
    return found


# The countries a kind's figures are about: those named in its sentences by at least this many
# reports, and by at least this share of the reports whose sentences name a country.
PLACE_MIN_REPORTS = 2
PLACE_MIN_SHARE = 1 / 3

# The place check needs sentences naming a country from this many reports (fewer: no judgement).
PLACE_MIN_GROUP = 3


def _off_place(rows: list) -> list[list]:
    """[article_id, sentence_index, kind] of figure sentences about another country than their kind's.

    Per comparable kind of figure, across languages (country names are read in each language from
    CLDR, lib.text.countries): the kind's countries are those named by PLACE_MIN_REPORTS reports and
    PLACE_MIN_SHARE of the reports naming any; a sentence naming countries, none of them the kind's,
    is about something else ("a building collapsed in Thailand, killing 20" in a row of deaths in
    another country). A sentence naming no country (a possessive "South Korea's military" names who
    counts, not where) is never judged. A city the sentence places something in counts as its country
    ("died in Lyon" is FR, lib.claims.places), so a toll of a city in a neighbouring country leaves
    a row of tolls in another."""
    from lib.claims.places import places_named

    groups: dict[str, list[int]] = {}
    for position, (_article, fact, _vector) in enumerate(rows):
        if not fact.is_candidate:
            continue
        for key in _row_keys(fact):
            groups.setdefault(key[0], []).append(position)
    found = []
    for kind, members in groups.items():
        # A country in the possessive ("South Korea's military put it at 1,100") says who counts, not where.
        named = {i: places_named(rows[i][1].sentence.text) for i in members}
        named = {i: codes for i, codes in named.items() if codes}
        reports = {rows[i][0].article_id for i in named}
        if len(reports) < PLACE_MIN_GROUP:
            continue
        reports_of: dict[str, set[str]] = {}
        for i, codes in named.items():
            for code in codes:
                reports_of.setdefault(code, set()).add(rows[i][0].article_id)
        needed = max(PLACE_MIN_REPORTS, PLACE_MIN_SHARE * len(reports))
        common = {code for code, naming in reports_of.items() if len(naming) >= needed}
        for i, codes in named.items():
            if common and not codes & common:
                found.append([rows[i][0].article_id, rows[i][1].sentence.index, kind])
    return found


# A statement in a topic is a point only its source makes when no sentence of another source in the
# topic (same language, unless the model is multilingual) is at least this close (cosine).
LONE_POINT_SIMILARITY = 0.5


def _lone_points(rows: list, assignments: list[list], embedder) -> list[list]:
    """[topic_id, article_id, sentence_index] of statements no other source in the topic echoes.

    Only judged against other sources writing in the same language (all languages with a
    multilingual model), and only when such sources exist in the topic: otherwise StoryLens cannot
    tell a lone point from one made in words it does not compare.
    """
    import numpy as np

    from lib.text.embed import is_multilingual

    multilingual = is_multilingual(getattr(embedder, "model_id", "") or "")
    where = {(row[0].article_id, row[1].sentence.index): position for position, row in enumerate(rows)}
    members: dict[str, list[int]] = {}
    for article_id, index, topic_id, _score in assignments:
        if (article_id, index) in where:
            members.setdefault(topic_id, []).append(where[(article_id, index)])
    found = []
    cut = embedder.calibrated(LONE_POINT_SIMILARITY)
    for topic_id, positions in members.items():
        for position in positions:
            article, fact, vector = rows[position]
            language = fact.sentence.language or article.language
            others = [
                other for other in positions
                if rows[other][0].article_id != article.article_id
                and (multilingual or (rows[other][1].sentence.language or rows[other][0].language) == language)
            ]
            if not others:
                continue
            closest = float(np.max(np.vstack([rows[other][2] for other in others]) @ vector))
            if closest < cut:
                found.append([topic_id, article.article_id, fact.sentence.index])
    return found


# The stored view holding the finished topics (every claim with its quote, article, outlet and date):
# one row per topic without its claims, one row per claim (`lib.core.store`: view_topics, view_claims).
CLAIMSET_VIEW = "claims-view"

import json  # noqa: E402  (the stored view's own imports, kept beside it)

from lib.claims.status import figure_phrase  # noqa: E402
from lib.claims.topics import Topic  # noqa: E402


@dataclass(frozen=True)
class TopicHeader:
    """A topic as Compare's overview lists it, without reading its claims: the Topic with no claims,
    how many it has, and the figures it compares in words (the overview table's "Figures")."""

    topic: Topic
    claim_count: int
    figures: tuple[str, ...]


# The whole-view payload's entry holding what an addition needs to extend the view (lib.claims.incremental).
EXTENSION_KEY = "extension"


def topic_view_rows(position: int, topic: Topic) -> tuple[tuple, list[tuple]]:
    """(the `view_topics` row, the `view_claims` rows) of the topic listed at `position`."""
    return topic_header_row(position, topic), claim_view_rows(position, topic.claims)


def topic_header_row(position: int, topic: Topic) -> tuple:
    """The `view_topics` row of the topic listed at `position` (its claims are `claim_view_rows`)."""
    figures = sorted({figure_phrase(claim) for claim in topic.figures})
    return (
        position, topic.topic_id, topic.status, int(topic.seeded), len(topic.sources), len(topic.claims),
        json.dumps(figures, ensure_ascii=False), json.dumps(record_to_json(replace(topic, claims=())), ensure_ascii=False),
    )


def claim_view_rows(position: int, claims, first: int = 0) -> list[tuple]:
    """The `view_claims` rows of `claims` of the topic listed at `position`, numbered from `first`
    (an addition appends a touched topic's new claims after its stored ones; readers sort them)."""
    return [
        (position, number, claim.article_id, claim.reported_on.date, json.dumps(record_to_json(claim), ensure_ascii=False))
        for number, claim in enumerate(claims, start=first)
    ]


# The candidate sentences a question row may pick are `view_claims` rows of this topic number (no topic
# has it): (article id, the sentence index as the payload), in order; an addition copies them in the
# database with the other untouched rows and appends its own, instead of rewriting one long list.
CANDIDATES_SEQ = -1


def candidate_view_rows(candidates, first: int = 0) -> list[tuple]:
    """The `view_claims` rows of candidate sentences (article_id, index), numbered from `first`."""
    return [(CANDIDATES_SEQ, first + number, article_id, None, json.dumps(int(index)))
            for number, (article_id, index) in enumerate(candidates)]


def claims_view_rows(claimset: ClaimSet) -> tuple[dict, dict[str, list[tuple]]]:
    """(whole-view payload: the model, rows for `put_view`: topics, their claims and the candidate
    sentences) of `claimset`."""
    topics, claims = [], []
    for position, topic in enumerate(claimset.topics):
        header, rows = topic_view_rows(position, topic)
        topics.append(header)
        claims += rows
    claims += candidate_view_rows(claimset.candidates)
    return {"model_id": claimset.model_id}, {"view_topics": topics, "view_claims": claims}


class ClaimsInMemory:
    """A claims view held in memory (a build the store could not keep): the same answers as `StoredClaims`."""

    def __init__(self, claimset: ClaimSet):
        self.whole = claimset

    def headers(self) -> list[TopicHeader]:
        return [TopicHeader(replace(topic, claims=()), len(topic.claims), tuple(sorted({figure_phrase(claim) for claim in topic.figures})))
                for topic in self.whole.topics]

    def topics(self, topic_ids) -> list[Topic]:
        return [topic for topic_id in topic_ids if (topic := self.whole.topic(topic_id)) is not None]

    def claimset(self) -> ClaimSet:
        return self.whole

    def is_current(self) -> bool:
        return True


class StoredClaims:
    """The claims view stored under `key`: the topic list without claims (one short read), and the
    claims of the topics asked for. A row that cannot be read back raises DamagedViewError."""

    def __init__(self, store, name: str, key: str):
        # Rows of a view extended in place keep the row key they were first stored with.
        self.store, self.name, self.key, self.row_key = store, name, key, store.view_rows_key(name, key)

    def is_current(self) -> bool:
        """True while the store still holds this view (another process may have replaced it since)."""
        return self.store.view_key(self.name) == self.key

    def _header_rows(self) -> list[tuple]:
        return self.store.read_view(
            "SELECT seq, claim_count, figures, payload FROM {p}view_topics WHERE view_key = ? ORDER BY seq", [self.row_key]
        )

    def headers(self) -> list[TopicHeader]:
        try:
            return [TopicHeader(record_from_json(Topic, payload), int(count), tuple(json.loads(figures)))
                    for _seq, count, figures, payload in self._header_rows()]
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise DamagedViewError("Compare topics") from error

    def header_payloads(self, topic_ids) -> dict[str, str]:
        """The stored header (the topic without its claims, as JSON text) of each of `topic_ids` found."""
        wanted = list(dict.fromkeys(topic_ids))
        rows = self.store.read_view(
            f"SELECT topic_id, payload FROM {{p}}view_topics WHERE view_key = ? AND topic_id IN ({', '.join('?' * len(wanted))})",
            [self.row_key, *wanted],
        ) if wanted else []
        return {str(topic_id): str(payload) for topic_id, payload in rows}

    def topics(self, topic_ids) -> list[Topic]:
        """The topics `topic_ids` (in that order; unknown ids left out), each with all its claims."""
        return [topic for _header, topic in self.topics_with_headers(topic_ids)]

    def topics_with_headers(self, topic_ids) -> list[tuple[str, Topic]]:
        """As `topics`, each topic beside its stored header (as `header_payloads` gives it)."""
        wanted = list(dict.fromkeys(topic_ids))
        rows = self.store.read_view(
            f"SELECT seq, claim_count, payload FROM {{p}}view_topics WHERE view_key = ? AND topic_id IN ({', '.join('?' * len(wanted))})",
            [self.row_key, *wanted],
        ) if wanted else []
        by_seq = {seq: (int(count), payload) for seq, count, payload in rows}
        claims: dict[int, list] = {}
        if by_seq:
            for seq, payload in self.store.read_view(
                f"SELECT topic_seq, payload FROM {{p}}view_claims WHERE view_key = ? AND topic_seq IN ({', '.join('?' * len(by_seq))}) "
                "ORDER BY topic_seq, seq",
                [self.row_key, *by_seq],
            ):
                claims.setdefault(seq, []).append(payload)
        try:
            found = {}
            for seq, (count, payload) in by_seq.items():
                topic = record_from_json(Topic, payload)
                made = [record_from_json(Claim, claim) for claim in claims.get(seq, [])]
                if len(made) != count:
                    raise ValueError(f"topic {topic.topic_id}: {len(made)} claims stored of {count}")
                # An extended topic's new claims follow its stored ones: put back in the topic's order.
                found[topic.topic_id] = (str(payload), replace(topic, claims=tuple(sorted(made, key=claim_order))))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise DamagedViewError("Compare topics") from error
        return [found[topic_id] for topic_id in wanted if topic_id in found]

    def claimset(self) -> ClaimSet:
        """The whole ClaimSet (every topic with its claims, the candidate sentences)."""
        payload = self.store.view_payload(self.name, self.key)
        if payload is None:
            raise DamagedViewError("Compare topics")
        ids = [header.topic.topic_id for header in self.headers()]
        rows = self.store.read_view(
            "SELECT article_id, payload FROM {p}view_claims WHERE view_key = ? AND topic_seq = ? ORDER BY seq",
            [self.row_key, CANDIDATES_SEQ],
        )
        try:
            candidates = tuple((str(article_id), int(json.loads(index))) for article_id, index in rows)
            return ClaimSet(tuple(self.topics(ids)), candidates, str(payload["model_id"]))
        except (ValueError, TypeError, KeyError) as error:
            raise DamagedViewError("Compare topics") from error


def stored_claims_view(store, settings, model_id: str, topics_path: str | Path | None = None) -> StoredClaims | None:
    """The topics stored for the store's current articles and inferred dates, model, topics.json and
    claim code (one row read, no article loaded); None when missing or stale (then `claims_view`
    builds them). Raises StoryLensError for a broken topics.json, as `build_claims` does."""
    from lib.core.store import store_contents_key

    topics_path = Path(topics_path) if topics_path else seeds_file(settings)
    load_topic_seeds(topics_path)  # a broken topic list is reported, never hidden behind a stored view
    name = f"{CLAIMSET_VIEW}:{model_id}"
    key = _fingerprint(store_contents_key(store), model_id, topics_path)
    return StoredClaims(store, name, key) if store.view_key(name) == key else None


def stored_claims(store, settings, model_id: str, topics_path: str | Path | None = None) -> ClaimSet | None:
    """The whole stored ClaimSet (as `stored_claims_view`, every claim read), or None when missing,
    stale or damaged. Raises StoryLensError for a broken topics.json."""
    view = stored_claims_view(store, settings, model_id, topics_path)
    if view is None:
        return None
    from lib.core.memory import gc_paused

    try:
        with gc_paused():  # many small records: the collector would walk them all, often
            return view.claimset()
    except DamagedViewError:
        return None


def _stored_claimset(store, model_id: str, fingerprint: str) -> ClaimSet | None:
    name = f"{CLAIMSET_VIEW}:{model_id}"
    if store.view_key(name) != fingerprint:
        return None
    try:
        return StoredClaims(store, name, fingerprint).claimset()
    except DamagedViewError:  # damaged or written by older code: build again
        return None



@dataclass(frozen=True)
class ClaimsetParts:
    """A ClaimSet with what was made on the way (for the state an addition extends, lib.claims.incremental):
    the rows each topic split into before any kind of figure got its one row (`split_rows`), the
    sentences off their kind's subject or place, the articles by id and their sentences' facts."""

    claimset: ClaimSet
    split_rows: tuple
    off_subject: frozenset
    articles: dict
    facts_of: object  # Article -> {sentence index: SentenceFacts}


def _claimset_from_payload(corpus, payload: dict, seeds: list[TopicSeed], model_id: str) -> ClaimSet:
    return _claimset_parts(corpus, payload, seeds, model_id).claimset


def _claimset_parts(corpus, payload: dict, seeds: list[TopicSeed], model_id: str) -> ClaimsetParts:
    articles = {article.article_id: article for article in corpus.articles}
    facts_cache: dict[str, dict[int, SentenceFacts]] = {}

    def facts_of(article: Article) -> dict[int, SentenceFacts]:
        if article.article_id not in facts_cache:
            facts_cache[article.article_id] = {fact.sentence.index: fact for fact in sentence_facts(article, priced=True)}
        return facts_cache[article.article_id]

    definitions = [(seed.topic_id, seed.label, seed.unit, True) for seed in seeds] + [
        (entry["id"], entry["label"], entry.get("unit"), False) for entry in payload.get("auto_topics", [])
    ]
    members: dict[str, list[tuple[Article, SentenceFacts]]] = {}
    units = {topic_id: unit for topic_id, _label, unit, _seeded in definitions}
    for article_id, sentence_index, topic_id, _score in payload.get("assignments", []):
        article = articles.get(article_id)
        if article is None or topic_id not in units:
            continue
        fact = facts_of(article).get(sentence_index)
        if fact is None:
            continue
        members.setdefault(topic_id, []).append((article, fact))
    topics: list = [
        topic
        for topic_id, label, unit, seeded in definitions
        if members.get(topic_id)
        for topic in split_by_kind(topic_id, label, unit, seeded, members[topic_id])
    ]
    candidates = tuple((article_id, index) for article_id, index in payload.get("candidates", []))
    off_subject = {tuple(entry) for entry in payload.get("off_subject", [])}
    split_rows = tuple(topics)
    topics = one_row_per_kind(topics, articles, candidates, facts_of, off_subject)
    lone: dict[str, set[tuple[str, int]]] = {}
    for topic_id, article_id, index in payload.get("lone", []):
        if article_id in articles:
            lone.setdefault(topic_id, set()).add((articles[article_id].source_file, index))
    topics = [with_lone_points(topic, lone.get(topic.topic_id.split("--")[0], set())) for topic in topics]
    return ClaimsetParts(ClaimSet(tuple(topics), candidates, model_id), split_rows, frozenset(off_subject), articles, facts_of)


# Measures compared in a row of similar sentences: an area says what it measures (land burned, flooded,
# cleared). A weight, volume or distance is as often a price's amount of goods ("60キロ当たり2万円",
# "per 5 kg") or how far something is as a measured total, and a percent or sum of money may be
# of anything: the figures of such rows stay statements (on a food-price story, weight rows
# compared "5 kg" with "60 kg" as two sources disagreeing).
_CLUSTER_MEASURES = ("area",)


def _comparable_in_a_cluster(quantity) -> bool:
    """A head count that says what it counts ("troops", "people killed"), or an area."""
    kind = quantity.counted or ""
    if not quantity.unit or kind in UNCOMPARED_KINDS:
        return False
    return kind in _CLUSTER_MEASURES or kind.split(" ")[0] in _KIND_ROW_SUBJECTS


# Kinds of figure that name what is counted well enough to compare across a whole collection
# ("people killed", "troops sent", "price"); "count", "percent", "money", "weight" ... may count anything.
_KIND_ROW_SUBJECTS = ("troops", "people", "workers", "munitions", "equipment")


def _kind_row_key(quantity) -> tuple[str, str] | None:
    return _row_key(quantity.counted, quantity.unit)


def _row_key(kind: str | None, unit: str | None) -> tuple[str, str] | None:
    """(kind, currency) for prices (compared only in one currency, per one amount of goods); (kind, "")
    for counts of troops, people ... whatever noun counts them ("5,000 builders" are troops sent too)."""
    kind = kind or ""
    if kind in UNCOMPARED_KINDS:
        return None
    if (kind.startswith("price") and kind != "price change" or kind in _CLUSTER_MEASURES) and unit:
        return kind, unit  # compared only in one unit: yen with yen, hectares with hectares
    if kind.split(" ")[0] in _KIND_ROW_SUBJECTS:
        return kind, ""
    return None


def kind_groups(articles: dict, candidates, facts_of, off_subject=frozenset()) -> dict[tuple[str, str], list]:
    """Every candidate sentence giving a figure of each comparable kind, keyed (kind, unit), in
    candidate order; sentences marked off the kind's subject ((article_id, index, kind) in
    `off_subject`, see _off_subject) are left out."""
    members: dict[tuple[str, str], list] = {}
    for article_id, index in candidates:
        article = articles.get(article_id)
        fact = facts_of(article).get(index) if article is not None else None
        if fact is None:
            continue
        for key in _row_keys(fact):
            if (article_id, index, key[0]) not in off_subject:
                members.setdefault(key, []).append((article, fact))
    return members


def _common_unit(group: list, kind: str) -> str | None:
    """The unit most figures of `kind` in `group` are counted in ("troops", "people")."""
    units = [q.unit for _article, fact in group for q in fact.quantities if q.counted == kind and q.unit]
    return max(sorted(set(units)), key=units.count) if units else None


def kind_label(kind: str, unit: str | None) -> str:
    """"People killed", "Price per 5 kg (JPY)", "Other counts" (a figure that does not say what it counts)."""
    if kind.startswith("price") or kind in _CLUSTER_MEASURES:
        return f"{kind[0].upper()}{kind[1:]}" + (f" ({unit})" if unit else "")
    if kind == "count":
        return "Other counts"
    return f"{kind[0].upper()}{kind[1:]}"


# A name written with capitals (Latin or Cyrillic), one to three words: "South Sudanese", "Lviv", "Nepal".
_CASED_NAME = re.compile(r"(?<![\w'’-])[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’-]+(?:\s+[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’-]+){0,2}")
# English adjectives of a place or people ("Kenyan", "Sudanese", "Nepali", "British"): these read
# before the counted noun ("Kenyan soldiers"); any other name reads after the kind ("People killed: Nepal").
_PEOPLE_ADJECTIVE = re.compile(r"(?:an|ese|i|ish)$")
_OPENING = re.compile(r"^[\s\"“‘'«(\[【〔-]*$")


@functools.lru_cache(maxsize=4096)  # dateparser takes ~1 ms a word; names repeat across rows and builds
def _is_date_word(name: str) -> bool:
    """"December", "Monday", "Oct": a capitalised word that is a date, not what a figure is about."""
    import dateparser  # heavy import, kept lazy

    return all(dateparser.parse(word, languages=["en", "de", "fr", "ru", "uk"]) is not None for word in name.split())


@functools.lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    """"Peru", "Kenyan", "South African": a name CLDR reads as a country (or its adjective)."""
    from lib.text.countries import countries_named

    return bool(countries_named(name))


def _names_in_quote(claim) -> tuple[tuple[str, str | None], ...]:
    """The names `row_subject` counts in the claim's quote, in order, each with the noun written after
    it (when the name is the whole capitalised match and such a noun follows), else None."""
    names = []
    for match in _CASED_NAME.finditer(claim.quote):
        name = re.sub(r"['’]s?$", "", match.group())  # "Nepal's" names Nepal
        opening = bool(_OPENING.match(claim.quote[:match.start()]))
        words = name.split()
        inner = [word for word in words if len(words) > 1 and _is_country(word)]
        for found in ([name] if not opening or _is_country(name) else []) + inner:
            if _is_date_word(found):
                continue
            after = re.match(r"\s+([a-zа-яіїєґ]{3,})\b", claim.quote[match.end():]) if found == name else None
            names.append((found, after.group(1) if after else None))
    return tuple(names)


def row_subject(claims) -> tuple[str, str | None] | None:
    """(name, noun after it) most sources of the row's figures name, when two or more do.

    Names are capitalised words (Latin, Cyrillic: the scripts that write names with capitals), not at
    a sentence's start (where every word is capitalised) and not dates; the noun is the word that most
    often follows the name ("Kenyan" -> "soldiers"), if any. A country (CLDR, lib.text.countries) is a
    name even at a sentence's start or inside a longer name ("Free Peru Farmers
    Network" names Peru). Ties go to a country, then to the longer name: a collection-wide row is
    "People killed: Peru" rather than one of its cities."""
    sources: dict[str, set[str]] = {}
    nouns: dict[str, list[str]] = {}
    for claim in claims:
        for found, noun in remembered(claim, "_names", _names_in_quote):  # a row's claims are read at every addition
            sources.setdefault(found, set()).add(claim.source_file)
            if noun:
                nouns.setdefault(found, []).append(noun)
    ranked = sorted(sources, key=lambda name: (-len(sources[name]), not _is_country(name), -len(name), name))
    if not ranked or len(sources[ranked[0]]) < 2:
        return None
    name = ranked[0]
    following = nouns.get(name, [])
    noun = max(sorted(set(following)), key=following.count) if following else None
    return name, noun


def figure_row_label(kind: str, unit: str | None, claims) -> str:
    """A row's label in plain words from its kind and what its sentences name: "Kenyan soldiers
    killed or wounded", "People killed: Peru"; "Troops killed" when the sources share no name; a
    price keeps its amount and currency ("Price per 5 kg (JPY)")."""
    if kind.startswith("price"):
        return kind_label(kind, unit)
    plain = f"{kind[0].upper()}{kind[1:]}"
    subject = row_subject(claim for claim in claims if claim.value is not None)
    if subject is None:
        return plain
    name, noun = subject
    role = kind.split(" ", 1)[1] if " " in kind else ""
    if noun and _PEOPLE_ADJECTIVE.search(name):
        return " ".join(part for part in (name, noun, role) if part)
    return f"{plain}: {name}"


def _labelled_by_kind(topic) -> bool:
    """An automatic row (or one split off a seed for another kind) comparing a kind that names what it
    counts, a price aside (a price keeps its amount and currency): `_with_plain_label` names it."""
    return not ((topic.seeded and "--" not in topic.topic_id) or not topic.counted or _row_key(topic.counted, topic.unit) is None
                or topic.counted.startswith("price"))


def labelled_by_names(topic) -> bool:
    """Whether `_with_plain_label` labels `topic` from the names its figures' sentences share (`row_subject`)."""
    return _labelled_by_kind(topic) and topic.counted not in _CLUSTER_MEASURES


def _with_plain_label(topic):
    """An automatic row (or one split off a seed for another kind) comparing a kind that names what it
    counts, labelled by figure_row_label; a hand seed's own row keeps its label."""
    if not _labelled_by_kind(topic):
        return topic
    if not labelled_by_names(topic):
        return replace(topic, label=kind_label(topic.counted, topic.unit))  # "Area (ha)": no people to name
    return replace(topic, label=figure_row_label(topic.counted, topic.unit, topic.figures))


def one_row_per_kind(topics: list, articles: dict, candidates, facts_of, off_subject=frozenset()) -> list:
    """The rows with every kind of figure compared in exactly one row, for any story.

    Each kind of figure (lib.text.counted: "people killed", "troops sent", "price per 5 kg" in one
    currency) that OWN_ROW_SOURCES sources or more give is compared in one row: the row already
    comparing it with the most sources (a hand seed first), else a new row labelled from the kind
    ("Figures of people killed"). That row takes every sentence of the collection giving a figure
    of the kind, whatever its language (the kind is read by lib.text, not by similarity), unless
    the sentence is off the kind's subject. Other rows stop comparing that kind: a row split off for
    it is dropped, a topic row keeps those sentences as statements.
    """
    groups = kind_groups(articles, candidates, facts_of, off_subject)
    owner_of: dict[tuple[str, str], int] = {}
    for position, topic in enumerate(topics):
        if not topic.counted or not topic.figures:
            continue
        key = _row_key(topic.counted, topic.unit)
        if key is None:
            continue
        rank = (topic.seeded, len({claim.source_file for claim in topic.figures}), -position)
        best = owner_of.get(key)
        if best is None or rank > (topics[best].seeded, len({c.source_file for c in topics[best].figures}), -best):
            owner_of[key] = position
    rows = list(topics)
    new_rows = []
    compared = set()
    for (kind, unit), group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        if len({article.source_file for article, _fact in group}) < OWN_ROW_SOURCES:
            continue
        compared.add((kind, unit))
        owner = owner_of.get((kind, unit))
        if owner is None:
            topic_id = f"kind-{_slug(kind)}" + (f"-{_slug(unit)}" if kind.startswith("price") or kind in _CLUSTER_MEASURES else "")
            row_unit = unit or _common_unit(group, kind)
            claims = [make_claim(article, fact, topic_id, row_unit, kind) for article, fact in group]
            new_rows.append(build_topic(topic_id, kind_label(kind, unit), row_unit, False, [c for c in claims if c.counted == kind], kind))
            continue
        topic = rows[owner]
        have = {(claim.source_file, claim.sentence_index) for claim in topic.claims}
        added = [
            make_claim(article, fact, topic.topic_id, topic.unit, kind)
            for article, fact in group
            if (article.source_file, fact.sentence.index) not in have
        ]
        # A figure of the kind off its subject leaves the row even when similarity put it there.
        kept_claims = [
            claim for claim in topic.claims
            if claim.counted != kind or (claim.article_id, claim.sentence_index, kind) not in off_subject
        ]
        claims = [*kept_claims, *(claim for claim in added if claim.counted == kind)]
        rows[owner] = build_topic(topic.topic_id, topic.label, topic.unit, topic.seeded, claims, kind)
    owners = {position for key, position in owner_of.items() if key in compared}
    kept = []
    for position, topic in enumerate(rows):
        key = _row_key(topic.counted, topic.unit)
        if position in owners or key not in compared:
            kept.append(topic)
            continue
        if "--" in topic.topic_id:
            continue  # a row split off for a kind now compared in its own row
        stripped = [
            without_figure(claim) if claim.counted == topic.counted else claim
            for claim in topic.claims
        ]
        label = "Other statements" if topic.label == kind_label(topic.counted, topic.unit) else topic.label
        kept.append(build_topic(topic.topic_id, label, None, topic.seeded, stripped))
    return [_with_plain_label(topic) for topic in kept + new_rows]



# A kind of figure other than a topic's main one gets a row of its own when this many sources give it;
# with fewer, its sentences stay in the main row as statements (their figure is not compared there).
OWN_ROW_SOURCES = 2


def _slug(text: str) -> str:
    return "-".join(part for part in "".join(c if c.isalnum() else " " for c in text.lower()).split())


def split_by_kind(topic_id: str, label: str, unit: str | None, seeded: bool, members: list[tuple[Article, SentenceFacts]]) -> list:
    """The rows of one topic: each compares one kind of figure only (lib.text.counted kinds).

    The kind most sources give keeps the topic's id and label; every other kind
    given by OWN_ROW_SOURCES sources or more gets a row "<label>: <kind>"
    (id "<topic>--<kind>"). A sentence with figures of two kinds is in both
    rows, each time with the figure of that row's kind; a sentence with no
    figure of the main kind stays in the main row without a figure.
    """
    sources_of: dict[str, set[str]] = {}
    for article, fact in members:
        for quantity in fact.quantities:
            # "count" and role-less "people" (UNCOMPARED_KINDS) are never a row's compared kind.
            if unit and quantity.unit == unit and quantity.counted and quantity.counted not in UNCOMPARED_KINDS:
                sources_of.setdefault(quantity.counted, set()).add(article.source_file)
    ranked = sorted(sources_of, key=lambda kind: (-len(sources_of[kind]), kind))
    main = ranked[0] if ranked else None
    own_rows = [kind for kind in ranked[1:] if len(sources_of[kind]) >= OWN_ROW_SOURCES]

    def claims_of(kind: str | None, keep_plain: bool) -> list[Claim]:
        claims = []
        for article, fact in members:
            has_kind = any(q.unit == unit and q.counted == kind for q in fact.quantities) if kind else False
            if not has_kind and not keep_plain:
                continue
            claim = make_claim(article, fact, topic_id if keep_plain else f"{topic_id}--{_slug(kind)}", unit, kind)
            if claim.value is not None and kind and claim.counted != kind:
                # Another kind of figure (e.g. troops killed in a row on troops sent): not comparable here.
                claim = without_figure(claim)
            claims.append(claim)
        return claims

    if not seeded and main and label.startswith("Also compared: other"):
        label = kind_label(main, unit)  # an automatic row with no telling words is named by what it compares
    rows = [build_topic(topic_id, label, unit, seeded, claims_of(main, True), main)]
    for kind in own_rows:
        rows.append(build_topic(f"{topic_id}--{_slug(kind)}", kind_label(kind, unit), unit, seeded, claims_of(kind, False), kind))
    return rows
