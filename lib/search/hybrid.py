"""Hybrid passage search: dense cosine + BM25, fused with reciprocal rank fusion.

Guarantees:
* only `Article.sentences` are searchable, so text the cleaner removed (menus,
  comments, related-article lists) can never be returned;
* filters (outlet, publication-date range, sentence language) are applied
  before ranking: a filtered search returns the top k *inside* the filter;
* every hit carries its exact sentence, one sentence of context either side,
  and the article it came from;
* with an English-only model, sentences (and queries) in other languages are
  ranked by keywords alone and say so (`matched_by="keyword"`).

Heavy libraries (sentence-transformers, bm25s) are imported lazily, so
importing this module (e.g. by the CLI) is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from lib.core.errors import StoryLensError
from lib.core.models import ProgressCallback, PublishedDate, SearchHit
from lib.core.user_dates import parse_date_bound

# Reciprocal rank fusion constant (Cormack et al. 2009): dampens the weight of
# the very top ranks so neither list dominates; 60 is the published default.
RRF_K = 60
# Weights of the two ranked lists in the fusion (weighted RRF).
DENSE_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
# Dense-only candidates below this cosine are noise for all-MiniLM-L6-v2:
# unrelated English sentences score about 0.0-0.2 against a question, answers
# 0.35 and up (eval/eval_search.py measures the effect on recall). On all-MiniLM-L6-v2's
# scale; other models read it through `Embedder.calibrated(..., query=True)`.
MIN_SIMILARITY = 0.25
# How deep each list is read before fusion (per requested hit).
CANDIDATES_PER_HIT = 10
MIN_CANDIDATES = 50
MAX_K = 200
# Passages one article may place in the results unless the caller asks for more:
# without a cap one long article filled seven of ten results (issue 17).
PASSAGES_PER_ARTICLE = 2




# -- records ----------------------------------------------------------------------
@dataclass(frozen=True)
class SearchFilters:
    """What to search in. Empty tuples / None mean "no restriction".

    Dates are "YYYY-MM-DD" bounds, inclusive. An article matches a date range
    when the interval its publication date certainly falls in overlaps the
    range (a "Oct 2024 (month)" article matches a range starting 15 Oct).
    Articles with an unknown date match a date range only if
    `include_undated` is True: they cannot be shown to be inside it.
    """

    outlets: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    languages: tuple[str, ...] = ()
    include_undated: bool = False

    @property
    def has_date_range(self) -> bool:
        return bool(self.date_from or self.date_to)

    @property
    def is_active(self) -> bool:
        return bool(self.outlets or self.has_date_range or self.languages)

    def describe(self) -> str:
        """Plain words for the active filters, e.g. "in the 2 selected outlets, published 2024-10-01 or later"."""
        parts = []
        if self.outlets:
            parts.append(
                f"in {self.outlets[0]}" if len(self.outlets) == 1 else f"in the {len(self.outlets)} selected outlets"
            )
        if self.date_from and self.date_to:
            parts.append(f"published {self.date_from} to {self.date_to}")
        elif self.date_from:
            parts.append(f"published {self.date_from} or later")
        elif self.date_to:
            parts.append(f"published {self.date_to} or earlier")
        if self.languages:
            parts.append("in language " + ", ".join(self.languages))
        return ", ".join(parts)


@dataclass(frozen=True)
class Passage:
    """One ranked hit plus what the UI needs to show it faithfully.

    `before`/`after` are the neighbouring sentences of the same article ("" at
    the edges); `similarity` is the cosine (None when the dense model was not
    used for this sentence); `keyword_score` is BM25 (0 when no query word occurs).
    """

    hit: SearchHit
    before: str
    after: str
    similarity: float | None
    keyword_score: float

    def to_json(self) -> dict:
        hit = self.hit
        return {
            "source_file": hit.source_file,
            "title": hit.title,
            "sentence": hit.sentence,
            "context": hit.context,
            "score": round(hit.score, 6),
            "outlet": hit.outlet,
            "published": published_json(hit.published),
            "sentence_index": hit.sentence_index,
            "matched_by": hit.matched_by,
            "language": hit.language,
            "article_id": hit.article_id,
            "context_before": self.before,
            "context_after": self.after,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "keyword_score": round(self.keyword_score, 4),
        }


@dataclass(frozen=True)
class ArticleMatch:
    """One article in the searchable list: ranked by its best passage."""

    article_id: str
    source_file: str
    title: str
    outlet: str
    published: PublishedDate
    language: str
    score: float
    passages: tuple[Passage, ...]

    def to_json(self) -> dict:
        return {
            "source_file": self.source_file,
            "title": self.title,
            "outlet": self.outlet,
            "published": published_json(self.published),
            "language": self.language,
            "score": round(self.score, 6),
            "article_id": self.article_id,
            "passages": [passage.to_json() for passage in self.passages],
        }


def published_json(published: PublishedDate) -> dict:
    return {
        "date": published.date,
        "precision": published.precision,
        "stated": published.stated,
        "clue": published.clue,
        "label": published.label(),
        "earliest": published.earliest,
        "latest": published.latest,
    }


# -- input checks (user-facing messages) ------------------------------------------------
def validate_query(query: str | None) -> str:
    """The query, trimmed; an empty one is a user error with a suggestion."""
    text = (query or "").strip()
    if not text:
        raise StoryLensError(
            "The search query is empty. Type a question or a few words to look for; names and numbers work too."
        )
    if len(text) > 1000:
        raise StoryLensError(f"The search query is {len(text)} characters long; keep it under 1000 (a question or a few words).")
    return text


def validate_k(k: int) -> int:
    if not 1 <= int(k) <= MAX_K:
        raise StoryLensError(f"The number of results must be between 1 and {MAX_K} (got {k}).")
    return int(k)


def published_interval(published: PublishedDate) -> tuple[str, str] | None:
    """(earliest, latest) days the publication certainly falls in, or None when unknown."""
    if published.earliest and published.latest:
        return published.earliest, published.latest
    if not published.date or published.precision == "unknown":
        return None
    try:
        start = parse_date_bound(published.date)
        end = parse_date_bound(published.date, end=True)
    except StoryLensError:
        return None
    return (published.earliest or start, published.latest or end)


# -- the index ------------------------------------------------------------------------
class SearchIndex:
    """Every searchable sentence of a corpus, with its vectors and keyword index.

    Row r is sentence `row_sentence[r]` of `articles[row_article[r]]`; the vector
    index and the keyword index both use row numbers as ids. An entry of
    `articles` is anything with an Article's `article_id`, `source_file`, `title`,
    `outlet`, `language` and `published` (an Article, or a catalogue entry for an
    index read back from disk, `lib.search.stored_index`); `sentences_of(position)`
    gives that article's sentences when a hit is shown (None when they cannot be
    read: the hit is then left out). Build it with `build_search_index`; it is
    immutable afterwards and safe to share.
    """

    def __init__(self, articles, row_article, row_sentence, row_language, dense_ok, vectors, keywords, model_id,
                 multilingual, sentences_of=None, languages=None):
        self.articles = tuple(articles)
        self.row_article = row_article
        self.row_sentence = row_sentence
        self.row_language = row_language
        self.dense_ok = dense_ok
        self.vectors = vectors
        self.keywords = keywords
        self.model_id = model_id
        self.multilingual = multilingual
        self.sentences_of = sentences_of or (lambda position: self.articles[position].sentences)
        self.intervals = [published_interval(article.published) for article in self.articles]
        # Per-article arrays so filters are vectorised (a 1M-sentence corpus has ~50k articles).
        self._article_outlet = np.asarray([article.outlet for article in self.articles], dtype=object)
        self._article_earliest = np.asarray([i[0] if i else "" for i in self.intervals], dtype="U10")
        self._article_latest = np.asarray([i[1] if i else "" for i in self.intervals], dtype="U10")
        self._article_dated = np.asarray([i is not None for i in self.intervals], dtype=bool)
        self._outlets = sorted(set(self._article_outlet.tolist()))
        self._languages = sorted(languages if languages is not None else set(self.row_language.tolist()))
        self.all_dense = bool(np.all(self.dense_ok))
        self._position_of: dict[str, int] | None = None
        self.folder = None  # where it is kept on disk, when it is (lib.search.stored_index)

    def position_of(self, article_id: str) -> int | None:
        """Where `article_id` is in `articles` (None when it is not indexed)."""
        if self._position_of is None:
            self._position_of = {article.article_id: position for position, article in enumerate(self.articles)}
        return self._position_of.get(article_id)

    def __len__(self) -> int:
        return len(self.row_article)

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def languages(self) -> list[str]:
        return list(self._languages)

    def check_filters(self, filters: SearchFilters) -> None:
        """Raise a clear error for an outlet or language this collection does not have."""
        unknown = [outlet for outlet in filters.outlets if outlet not in self.outlets()]
        if unknown:
            raise StoryLensError(
                f"No outlet named {', '.join(repr(o) for o in unknown)} in this collection. "
                f"Outlets: {', '.join(self.outlets()) or 'none yet'}."
            )
        unknown_languages = [code for code in filters.languages if code not in self.languages()]
        if unknown_languages:
            raise StoryLensError(
                f"No sentences in language {', '.join(unknown_languages)}. "
                f"Languages here: {', '.join(self.languages()) or 'none yet'} (ISO codes such as en, ja)."
            )
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise StoryLensError(
                f"The date range starts ({filters.date_from}) after it ends ({filters.date_to}); swap the two dates."
            )

    def article_mask(self, filters: SearchFilters) -> np.ndarray:
        """Which articles pass the outlet and date filters."""
        keep = np.ones(len(self.articles), dtype=bool)
        if filters.outlets:
            keep &= np.isin(self._article_outlet, list(filters.outlets))
        if filters.has_date_range:
            inside = self._article_dated.copy()
            if filters.date_from:
                inside &= self._article_latest >= filters.date_from
            if filters.date_to:
                inside &= self._article_earliest <= filters.date_to
            if filters.include_undated:
                inside |= ~self._article_dated
            keep &= inside
        return keep

    def row_mask(self, filters: SearchFilters | None) -> np.ndarray:
        """Which sentences pass every filter (computed before any ranking)."""
        if filters is None or not filters.is_active:
            return np.ones(len(self), dtype=bool)
        mask = self.article_mask(filters)[self.row_article] if len(self) else np.zeros(0, dtype=bool)
        if filters.languages:
            mask &= np.isin(self.row_language, list(filters.languages))
        return mask

    def undated_hidden(self, filters: SearchFilters) -> int:
        """How many articles a date range hides only because their date is unknown."""
        if not filters.has_date_range or filters.include_undated:
            return 0
        return sum(1 for interval in self.intervals if interval is None)


@dataclass
class SentenceRows:
    """The searchable rows of some articles, in order: row r is sentence `sentence[r]` of article
    `article[r]` (a position in the articles given), with its language, whether the dense model may
    rank it, and its text (for BM25)."""

    article: list[int]
    sentence: list[int]
    language: list[str]
    dense_ok: list[bool]
    text: list[str]


def sentence_rows(articles, multilingual: bool) -> SentenceRows:
    """Every sentence of `articles` as a row (see SentenceRows); the one way rows are made, for a
    whole index and for articles added to a stored one."""
    rows = SentenceRows([], [], [], [], [])
    for position, article in enumerate(articles):
        for sentence in article.sentences:
            rows.article.append(position)
            rows.sentence.append(sentence.index)
            rows.language.append(sentence.language or article.language)
            rows.dense_ok.append(_dense_eligible(sentence.language, article.language, multilingual))
            rows.text.append(sentence.text)
    return rows


def _dense_eligible(sentence_language: str, article_language: str, multilingual: bool) -> bool:
    if multilingual:
        return True
    if sentence_language == "en":
        return True
    # Too short to identify ("und"): trust the article's language.
    return sentence_language in ("", "und") and article_language == "en"


def build_search_index(corpus, embedder, progress: ProgressCallback | None = None) -> SearchIndex:
    """Index every sentence of `corpus.articles`; sentence vectors come from `corpus.store`'s cache.

    Only sentences not embedded before are encoded (see `lib.text.embed.article_vectors`).
    """
    from lib.search.keyword import KeywordIndex
    from lib.search.vectors import new_vector_index, row_payload
    from lib.text.embed import article_vectors, is_multilingual

    store = corpus.store
    articles = [article for article in corpus.articles if article.sentences]
    multilingual = is_multilingual(embedder.model_name)
    vectors_by_id = article_vectors(store, articles, embedder, progress=progress)
    rows = sentence_rows(articles, multilingual)
    row_article, row_sentence, languages, dense_ok, texts = rows.article, rows.sentence, rows.language, rows.dense_ok, rows.text
    dimension = next((v.shape[1] for v in vectors_by_id.values() if v.size), None) or embedder.dimension
    # The engine named by STORYLENS_VECTOR_INDEX (default: the exact numpy index).
    vector_index = new_vector_index(corpus.settings, dimension, capacity=max(len(texts), 1))
    if texts:
        matrix = np.vstack([vectors_by_id[article.article_id] for article in articles])
        payloads = None
        if vector_index.filters_by_payload:  # outlet, language, dates and readability, filtered inside the engine
            intervals = [published_interval(article.published) for article in articles]
            payloads = [
                row_payload(articles[position].outlet, language, intervals[position], dense)
                for position, language, dense in zip(row_article, languages, dense_ok)
            ]
        vector_index.add(np.arange(len(texts)), matrix, payloads)
    keywords = KeywordIndex.build(texts, languages)
    return SearchIndex(
        articles,
        np.asarray(row_article, dtype=np.int64),
        np.asarray(row_sentence, dtype=np.int64),
        np.asarray(languages, dtype=object),
        np.asarray(dense_ok, dtype=bool),
        vector_index,
        keywords,
        embedder.model_id,
        multilingual,
    )


# -- ranking ----------------------------------------------------------------------------
@dataclass
class _Candidate:
    row: int
    score: float = 0.0
    similarity: float | None = None
    keyword_score: float = 0.0
    by_dense: bool = False
    by_keyword: bool = False


def _payload_filter(index: SearchIndex, filters: SearchFilters | None, dense_allowed: np.ndarray | None):
    """The dense side's filter as payload conditions, for an engine that filters inside its index.

    None (the engine then uses `dense_allowed`) for the exact index, for no
    filter, and for a date bound that is not a YYYY-MM-DD day (compared as
    text by `row_mask`, which payload integers could not reproduce).
    """
    from lib.search.vectors import PayloadFilter, is_iso_day

    if dense_allowed is None or not index.vectors.filters_by_payload:
        return None
    filters = filters or SearchFilters()
    if not (is_iso_day(filters.date_from) and is_iso_day(filters.date_to)):
        return None
    return PayloadFilter(
        outlets=tuple(filters.outlets),
        languages=tuple(filters.languages),
        day_from=filters.date_from,
        day_to=filters.date_to,
        include_undated=filters.include_undated,
        dense_only=not index.all_dense,
    )


def _rank_rows(index: SearchIndex, query: str, embedder, depth: int, filters: SearchFilters | None) -> list[_Candidate]:
    """Fused candidates inside the filter, best first (the filter is applied before each ranking)."""
    from lib.search.keyword import has_non_latin_script

    mask = index.row_mask(filters)
    if not mask.any():
        return []
    candidates: dict[int, _Candidate] = {}

    # Dense side: skipped for a query the model cannot read (non-Latin script, English-only model).
    use_dense = index.multilingual or not has_non_latin_script(query)
    query_vector = embedder.encode_query(query) if use_dense else None
    unfiltered = bool(mask.all()) and index.all_dense
    dense_allowed = None if unfiltered else np.flatnonzero(mask & index.dense_ok)
    if use_dense and (dense_allowed is None or len(dense_allowed)):
        floor = embedder.calibrated(MIN_SIMILARITY, query=True)
        ids, similarities = index.vectors.search(
            query_vector, depth, allowed_ids=dense_allowed, payload_filter=_payload_filter(index, filters, dense_allowed)
        )
        rank = 0
        for row, similarity in zip(ids.tolist(), similarities.tolist()):
            if similarity < floor:
                break  # sorted descending: the rest are lower still
            rank += 1
            candidate = candidates.setdefault(row, _Candidate(row))
            candidate.similarity = similarity
            candidate.by_dense = True
            candidate.score += DENSE_WEIGHT / (RRF_K + rank)

    # Keyword side: BM25 over the whole index, masked, then the top `depth`.
    scores = index.keywords.scores(query)
    scores = np.where(mask, scores, 0.0)
    positive = np.flatnonzero(scores > 0)
    if len(positive):
        top = positive[np.argsort(-scores[positive], kind="stable")][:depth]
        for rank, row in enumerate(top.tolist(), start=1):
            candidate = candidates.setdefault(row, _Candidate(row))
            candidate.keyword_score = float(scores[row])
            candidate.by_keyword = True
            candidate.score += KEYWORD_WEIGHT / (RRF_K + rank)

    # A multilingual model ranks sentences of every language; BM25 only sees those
    # that share the query's words. Rows of a language in which no sentence shares
    # a word with the query were invisible to the keyword ranking, not ranked low by
    # it: they get their dense rank in its place, so the fusion does not favour the
    # query's own language (reciprocal-rank fusion with the missing ranking imputed).
    # Measured with multilingual-e5-small on coverage-dev: 24/30 -> 26/30 questions
    # with a primary page in the top 5, cross-lingual 1/5 -> 3/5; bundled unchanged.
    # The imputed rank is the row's dense rank among rows of its own language: the model
    # scores a sentence in the query's language higher than its translation (an English
    # question: English sentences ~0.79 on average, Korean ~0.76), so ranked against all
    # languages the best Korean answer came 49th. Tuned stories unchanged (19/22), the
    # held-out story 7/8 -> 8/8 (all 26/30 -> 27/30, cross-lingual 3/5 -> 4/5).
    if index.multilingual and use_dense:
        visible = set(index.row_language[positive].tolist()) if len(positive) else set()
        dense_ranked = sorted((c for c in candidates.values() if c.by_dense), key=lambda c: -c.similarity)
        rank_in_language: dict[str, int] = {}
        for candidate in dense_ranked:
            language = index.row_language[candidate.row]
            rank_in_language[language] = rank_in_language.get(language, 0) + 1
            if not candidate.by_keyword and language not in visible:
                candidate.score += KEYWORD_WEIGHT / (RRF_K + rank_in_language[language])

    # A keyword hit the dense model could have scored keeps its cosine for display.
    if use_dense:
        missing = [c.row for c in candidates.values() if c.similarity is None and index.dense_ok[c.row]]
        if missing:
            for row, vector in zip(missing, index.vectors.vectors_of(np.asarray(missing))):
                candidates[row].similarity = float(vector @ query_vector)
    return sorted(candidates.values(), key=lambda c: (-c.score, c.row))


def _passage(index: SearchIndex, candidate: _Candidate) -> Passage | None:
    """The hit of `candidate` with its neighbours; None when its article's sentences cannot be read."""
    article = index.articles[int(index.row_article[candidate.row])]
    position = int(index.row_sentence[candidate.row])
    sentences = index.sentences_of(int(index.row_article[candidate.row]))
    if not sentences:
        return None
    # Sentence.index is the position in article.sentences (kept as a lookup for safety).
    offset = next((i for i, s in enumerate(sentences) if s.index == position), 0)
    sentence = sentences[offset]
    before = sentences[offset - 1].text if offset > 0 else ""
    after = sentences[offset + 1].text if offset + 1 < len(sentences) else ""
    if candidate.by_dense and candidate.by_keyword:
        matched_by = "semantic+keyword"
    elif candidate.by_dense:
        matched_by = "semantic"
    else:
        matched_by = "keyword"
    hit = SearchHit(
        source_file=article.source_file,
        article_id=article.article_id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        sentence=sentence.text,
        context=" ".join(part for part in (before, sentence.text, after) if part),
        sentence_index=sentence.index,
        score=candidate.score,
        language=sentence.language or article.language,
        matched_by=matched_by,
    )
    return Passage(hit, before, after, candidate.similarity, candidate.keyword_score)


def _same_text(text: str) -> str:
    return " ".join(text.split()).lower()


def _select(index: SearchIndex, ranked: list[_Candidate], k: int, per_article: int | None) -> list[Passage]:
    """Up to k passages, best first, so that nothing on screen repeats.

    * at most `per_article` passages from one article (None: no cap);
    * a sentence already shown as a hit (wire copies and pasted pages repeat
      lines) is not a new hit;
    * a sentence shown only as the context of a better hit stays a hit of its
      own (it is ranked) and leaves that context, so it is shown once;
    * context already shown above is left out of a lower hit's context.
    Scores stay in rank order because candidates arrive best first.
    """
    hits_shown: set[str] = set()
    context_of: dict[str, tuple[int, str]] = {}  # text -> (position in passages, "before" | "after")
    per: dict[int, int] = {}
    passages: list[Passage] = []
    for candidate in ranked:
        position = int(index.row_article[candidate.row])
        if per_article is not None and per.get(position, 0) >= per_article:
            continue
        passage = _passage(index, candidate)
        if passage is None:  # its article could not be read back (logged where it was read)
            continue
        key = _same_text(passage.hit.sentence)
        if key in hits_shown:
            continue
        if key in context_of:
            earlier, side = context_of.pop(key)
            passages[earlier] = _with_context(passages[earlier], **{side: ""})
        shown = hits_shown | set(context_of)
        passage = _with_context(
            passage,
            before=passage.before if _same_text(passage.before) not in shown else "",
            after=passage.after if _same_text(passage.after) not in shown else "",
        )
        hits_shown.add(key)
        for side in ("before", "after"):
            text = getattr(passage, side)
            if text:
                context_of[_same_text(text)] = (len(passages), side)
        per[position] = per.get(position, 0) + 1
        passages.append(passage)
        if len(passages) == k:
            break
    return passages


def _with_context(passage: Passage, before: str | None = None, after: str | None = None) -> Passage:
    before = passage.before if before is None else before
    after = passage.after if after is None else after
    if (before, after) == (passage.before, passage.after):
        return passage
    context = " ".join(part for part in (before, passage.hit.sentence, after) if part)
    return replace(passage, before=before, after=after, hit=replace(passage.hit, context=context))


def search(
    index: SearchIndex,
    query: str,
    embedder,
    k: int = 10,
    filters: SearchFilters | None = None,
    per_article: int | None = PASSAGES_PER_ARTICLE,
) -> list[Passage]:
    """The k best passages for `query` inside `filters`, best first.

    At most `per_article` passages come from one article (None: as many as
    match) and no sentence is shown twice (see `_select`).
    Raises StoryLensError for an empty query, a bad k, or an outlet/language
    the collection does not have. Returns [] when nothing matches.
    """
    query = validate_query(query)
    k = validate_k(k)
    filters = filters or SearchFilters()
    index.check_filters(filters)
    depth = max(MIN_CANDIDATES, CANDIDATES_PER_HIT * k)
    return _select(index, _rank_rows(index, query, embedder, depth, filters), k, per_article)


def group_by_article(index: SearchIndex, passages: list[Passage]) -> list[ArticleMatch]:
    """The same passages grouped by article, articles in the order of their best passage.

    The Articles view is built from the Passages view's results, so both views
    name the same articles and count the same passages.
    """
    grouped: dict[str, list[Passage]] = {}
    for passage in passages:
        grouped.setdefault(passage.hit.article_id, []).append(passage)
    matches = []
    for group in grouped.values():
        hit = group[0].hit
        position = index.position_of(hit.article_id)
        matches.append(
            ArticleMatch(
                article_id=hit.article_id,
                source_file=hit.source_file,
                title=hit.title,
                outlet=hit.outlet,
                published=hit.published,
                language=hit.language if position is None else index.articles[position].language,
                score=hit.score,
                passages=tuple(group),
            )
        )
    return matches


def search_by_article(
    index: SearchIndex,
    query: str,
    embedder,
    k: int = 10,
    filters: SearchFilters | None = None,
    passages_per_article: int = PASSAGES_PER_ARTICLE,
) -> list[ArticleMatch]:
    """The searchable list of articles: the k articles whose best passage ranks highest.

    Each article keeps up to `passages_per_article` of its matching passages, best
    first, with the same no-repeat rule as `search`.
    """
    query = validate_query(query)
    k = validate_k(k)
    filters = filters or SearchFilters()
    index.check_filters(filters)
    depth = max(MIN_CANDIDATES, CANDIDATES_PER_HIT * k * passages_per_article)
    ranked = _rank_rows(index, query, embedder, depth, filters)
    passages = _select(index, ranked, len(ranked) or 1, passages_per_article)
    return group_by_article(index, passages)[:k]


def no_results_message(query: str, filters: SearchFilters, index: SearchIndex) -> str:
    """Why a search found nothing, in plain words, with what to try next."""
    where = filters.describe()
    if where:
        message = f"No passages match '{query}' {where}."
        hidden = index.undated_hidden(filters)
        if hidden:
            message += f" {hidden} article(s) with an unknown publication date are left out by the date range."
        return message + " Clear the filters to search everything."
    return f"No passages match '{query}'. Try other words, or a question in plain English."
