"""Merging mentions into events: relevance to the story, the pair rules, and
complete-linkage clustering that stays bounded in memory as the corpus grows."""

from __future__ import annotations

from lib.core.models import Article
from lib.text.countries import country_codes
from lib.events.evidence import latin_names, shared_figures, told_kinds
from lib.events.mentions import EventMention, name_tokens, named_actors

# Minimum cosine between a sentence and the corpus centroid for a sentence to count as part
# of the story. Measured with all-MiniLM-L6-v2 on the bundled corpus: on-story event sentences
# score 0.31-0.77, leaked related-article sentences 0.14-0.32; the ones in the overlap name none
# of the corpus's core actors and are dropped by that second test (eval/eval_events.py).
RELEVANCE_FLOOR = 0.25

# Above this a sentence is on-story even without naming one of the corpus's core actors.
# 0.45 when the centroid was the corpus's alone; against the centroid of the sentence's own
# language too, 0.30 keeps every bundled event (0.14-0.32 leaks no longer reach the bodies)
# and 5 more dated facts of coverage-dev's tuned stories whose actors the English alias
# list cannot name (eval/eval_coverage_views.py).
RELEVANCE_STRONG = 0.30

# A sentence in the same paragraph as one that is on the story by its own score needs only this much
# (MiniLM scale): a paragraph of prose is about one thing ("On Monday, the minister tried to walk back the
# comment … the premier rebuked him on Tuesday …": 0.57 and 0.25), while page furniture stands on lines of
# its own. An aside off the story within the paragraph ("The mayor's daughter married …") scores 0.15-0.17.
RELEVANCE_IN_PARAGRAPH = 0.20

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



# -- relevance and merging -------------------------------------------------------------------
def story_centroids(articles: list[Article], sentence_vectors: dict):
    """(the corpus centroid: the mean of per-article means, or None without vectors; each language's
    centroid of the corpus's sentences in it), as `story_relevance` scores against them."""
    import numpy as np

    def centroid_of(means):
        if not means:
            return None
        centre = np.mean(means, axis=0)
        return centre / (np.linalg.norm(centre) or 1.0)

    article_means = []
    language_means: dict[str, list] = {}
    for article in articles:
        vectors = sentence_vectors.get(article.article_id)
        if vectors is None or not len(vectors):
            continue
        mean = vectors.mean(axis=0)
        article_means.append(mean / (np.linalg.norm(mean) or 1.0))
        by_language: dict[str, list[int]] = {}
        for sentence in article.sentences:
            if sentence.index < len(vectors):
                by_language.setdefault(_language_key(sentence.language, article.language), []).append(sentence.index)
        for language, indexes in by_language.items():
            part = vectors[indexes].mean(axis=0)
            language_means.setdefault(language, []).append(part / (np.linalg.norm(part) or 1.0))
    return centroid_of(article_means), {language: centroid_of(means) for language, means in language_means.items()}


def story_relevance(mentions: list[EventMention], sentence_vectors: dict, articles: list[Article]):
    """How on-story each mention's sentence is: its cosine to the corpus centroid (mean of
    per-article means), or to the centroid of the corpus's sentences in the same language when
    that is higher. An embedder that reads one language well places other languages far from an
    English centroid; within one language the comparison stays meaningful."""
    centroid, language_centroids = story_centroids(articles, sentence_vectors)
    if centroid is None:
        return [0.0] * len(mentions)
    scores = []
    for mention in mentions:
        vectors = sentence_vectors[mention.article.article_id]
        if mention.sentence.index >= len(vectors):
            scores.append(0.0)
            continue
        vector = vectors[mention.sentence.index]
        own = language_centroids.get(_language_key(mention.sentence.language, mention.article.language))
        scores.append(max(float(vector @ centroid), float(vector @ own) if own is not None else -1.0))
    return scores


def _language_key(sentence_language: str, article_language: str) -> str:
    return sentence_language if sentence_language not in ("", "und") else article_language


def core_actors(articles: list[Article]) -> frozenset[str]:
    """Actors named in at least 40% of the articles: who the corpus's story is about."""
    counts: dict[str, int] = {}
    for article in articles:
        named: set[str] = set()
        for sentence in article.sentences:
            named |= named_actors(sentence.text) | name_tokens(sentence.text)
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



def mention_language(mention: EventMention) -> str:
    return _language_key(mention.sentence.language, mention.article.language)


# Two reports in different languages of one day are one event when they name the same two
# countries or more, whatever the embedder (`country_codes`: CLDR names in every language).
SHARED_COUNTRIES = 2


def kinds_of(mention: EventMention) -> frozenset[str]:
    """The kinds of happening the mention's sentence tells (`evidence.told_kinds`)."""
    return told_kinds(mention.sentence.text, mention_language(mention))


def two_happenings(first: EventMention, second: EventMention) -> bool:
    """The two sentences name kinds of happening and no kind in common (a quake and its aftershock,
    a vote and a protest): two happenings, however close their words and days."""
    first_kinds, second_kinds = kinds_of(first), kinds_of(second)
    return bool(first_kinds and second_kinds and not first_kinds & second_kinds)


def other_countries(first: EventMention, second: EventMention) -> bool:
    """Both sentences name countries, none in common: two places (votes of one day in two countries)."""
    first_countries, second_countries = country_codes(first.sentence.text), country_codes(second.sentence.text)
    return bool(first_countries and second_countries and not first_countries & second_countries)


def language_free_evidence(first: EventMention, second: EventMention) -> bool:
    """Evidence two reports in different languages tell one happening, read without the embedder:
    the same two countries or more, the same kind of happening, a name written the same way (Latin letters, accents aside) or a figure both give."""
    first_countries, second_countries = country_codes(first.sentence.text), country_codes(second.sentence.text)
    if len(first_countries & second_countries) >= SHARED_COUNTRIES:
        return True
    first_language, second_language = mention_language(first), mention_language(second)
    if kinds_of(first) & kinds_of(second):
        return True
    if latin_names(first.sentence.text, first_language) & latin_names(second.sentence.text, second_language):
        return True
    return bool(shared_figures(first.sentence.text, first_language) & shared_figures(second.sentence.text, second_language))


def _day_phrases_overlap(first: EventMention, second: EventMention) -> bool:
    """Both dated by their own words to a day (or a night across two: "in der Nacht zum Sonntag"), the
    two intervals overlapping."""
    return all(m.last_day - m.first_day <= DAY_WIDTH for m in (first, second)) and (
        first.first_day <= second.last_day and second.first_day <= first.last_day
    )


def _same_day_one_language(first: EventMention, second: EventMention) -> bool:
    """Two mentions in one language other than English dating their sentences to the same day (overlapping days of at most two: a night)."""
    return (
        mention_language(first) == mention_language(second)
        and "phrase" == first.dated_by == second.dated_by
        and _day_phrases_overlap(first, second)
    )


def _same_day_across_languages(first: EventMention, second: EventMention) -> bool:
    """Two reports in different languages dating their sentences to the same day (overlapping days of at most two: a night)."""
    return (
        mention_language(first) != mention_language(second)
        and "phrase" == first.dated_by == second.dated_by
        and _day_phrases_overlap(first, second)
    )


# A mention dated to an interval wider than a month ("in 2024", "late last year") is never the same
# event as one dated to a day: it may tell anything of its year, so overlap is weak evidence, and
# joining would pin it to a day it never named ("sent 11,000 troops in 2024" is not "dispatched a
# further 1,500 on Wednesday", cosine 0.81). It stays its own, interval-dated item. Up to a month
# ("signed the treaty last June" / "signed on June 19", 0.62-0.85) it joins when close in meaning
# and sharing an actor or key noun, like any pair.
INTERVAL_JOIN_DAYS = 31
# A mention spanning at most this many days (from its first day to its last) is dated to a day ("overnight").
DAY_WIDTH = 1


def narrow_enough(first: EventMention, second: EventMention) -> bool:
    """Whether the two intervals are close enough in width to be one happening: not a day against an
    interval wider than INTERVAL_JOIN_DAYS."""
    narrow, wide = sorted((first.last_day - first.first_day, second.last_day - second.first_day))
    return not (narrow <= DAY_WIDTH and wide > INTERVAL_JOIN_DAYS)


def _possible_weekday(mention: EventMention) -> int:
    """`mention.weekday`, or -1 when its interval may be any day of it."""
    return -1 if mention.weekday is None else mention.weekday


def weekdays_agree(first: EventMention, second: EventMention) -> bool:
    """A weekday read as an interval of several weeks ("mardi": 1, 8 or 15 July) is one of those days
    only: it may be the same happening as another mention only when that one may fall on that weekday
    too (a Monday is no "mardi", however close the two sentences and their intervals)."""
    return bool(_weekday_agreement(_possible_weekday(first), first.first_day, first.width,
                                   _possible_weekday(second), second.first_day, second.width))


def _weekday_agreement(first_weekday, first_start, first_width, second_weekday, second_start, second_width):
    """`weekdays_agree` on numbers (or numpy arrays): weekday -1 = any day; days as ordinals."""
    import numpy as np

    first_weekday, second_weekday = np.asarray(first_weekday), np.asarray(second_weekday)
    # date.fromordinal(n).weekday() == (n - 1) % 7; the interval holds that weekday when its offset fits its width.
    second_holds = (first_weekday - (np.asarray(second_start) - 1)) % 7 <= second_width
    first_holds = (second_weekday - (np.asarray(first_start) - 1)) % 7 <= first_width
    return np.where(
        (first_weekday >= 0) & (second_weekday >= 0), first_weekday == second_weekday,
        np.where(first_weekday >= 0, second_holds, np.where(second_weekday >= 0, first_holds, True)),
    )


def _same_event(
    first: EventMention, second: EventMention, similarity: float, threshold: float = MERGE_SIMILARITY, across_threshold: float | None = None
) -> bool:
    """Whether two mentions are one event; `threshold` is the similarity for a pair in one language,
    `across_threshold` (default: the same) for a pair in two dating the same days (a multilingual model
    scores those lower: `Embedder.calibrated(..., purpose="merge-across-languages")`); two languages a
    day apart (the slack for time zones) need `threshold`."""
    if across_threshold is not None and mention_language(first) != mention_language(second) and _overlap(first, second, slack_days=0):
        threshold = across_threshold  # the lower bar across languages for reports of the same days only, never through the slack
    if first.sentence is second.sentence and first.article is second.article:
        return False  # two dates in one sentence are two events
    if not weekdays_agree(first, second):
        return False
    # One day of slack across sources (time zones, "overnight"); none within one report, whose
    # own dates are consistent: "on the 19th ... on the 20th" are two days, two events.
    same_article = first.article.article_id == second.article.article_id
    exact = "report" in (first.dated_by, second.dated_by) or same_article or first.beside_other_days or second.beside_other_days
    if not _overlap(first, second, slack_days=0 if exact else 1):
        return False
    if _same_statement(first, second):
        return True
    if two_happenings(first, second):
        return False
    if _same_day_across_languages(first, second) and not other_countries(first, second) and (
        similarity >= threshold or language_free_evidence(first, second)
    ):
        # Actor names are read per script (Latin names, katakana runs...) and an embedder may read one
        # language only: the same day and a close meaning, or evidence read in any language, suffice.
        return True
    if _same_day_one_language(first, second) and first.is_statement == second.is_statement and bool(kinds_of(first) & kinds_of(second)):
        # (a statement naming the strike and the injunction against it, told the same day in one report, are two)
        # An English-only embedder reads two French sentences about one flood as far apart as any two:
        # the same day and the same kind of happening are the evidence (names and figures are weak here:
        # one report names its minister in every sentence).
        return True
    if first.article.article_id == second.article.article_id and "report" in (first.dated_by, second.dated_by):
        # Within one report, an undated sentence is usually a different development of the same
        # day ("Russia attacked ..." vs "the ministry said it destroyed ..."): only the
        # same-speaker rule above merges it.
        return False
    if similarity < threshold or not narrow_enough(first, second):
        return False
    return bool(first.actors & second.actors) or bool(first.keywords & second.keywords)



def incidence_of(sets, count: int):
    """A sparse 0/1 matrix: row i has a 1 in the column of each item of sets[i]."""
    import numpy as np
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for row, items in enumerate(sets):
        for item in items:
            rows.append(row)
            columns.append(vocabulary.setdefault(item, len(vocabulary)))
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)), shape=(count, max(len(vocabulary), 1)))


class _PairRules:
    """`_same_event` for many pairs at once: every fact it reads, as one array per mention.

    Written by hand because no library clusters under these rules; it must
    accept exactly the pairs `_same_event` accepts (tests compare the two).
    """

    def __init__(self, mentions: list[EventMention], threshold: float = MERGE_SIMILARITY, across_threshold: float | None = None):
        import numpy as np

        codes: dict = {}
        self.threshold = threshold  # similarity at or above which two clauses of one language may be one event
        self.across_threshold = threshold if across_threshold is None else across_threshold  # ... of two languages
        self.sweep_floor = min(self.threshold, self.across_threshold)  # the lowest similarity any pair may join at

        def code(key) -> int:
            return codes.setdefault(key, len(codes))

        self.starts = np.array([m.first_day for m in mentions], dtype=np.int64)
        self.ends = np.array([m.last_day for m in mentions], dtype=np.int64)
        self.widths = self.ends - self.starts
        self.weekdays = np.array([_possible_weekday(m) for m in mentions], dtype=np.int64)
        self.order = np.argsort(self.starts, kind="stable")  # mentions by start date
        self.rank = np.empty(len(mentions), dtype=np.int64)  # each mention's place in that order
        self.rank[self.order] = np.arange(len(mentions))
        self.article = np.array([code(("article", m.article.article_id)) for m in mentions], dtype=np.int64)
        # `_same_event` compares the sentence and article objects themselves (two dates in one sentence).
        self.sentence = np.array([code(("sentence", id(m.article), id(m.sentence))) for m in mentions], dtype=np.int64)
        self.report = np.array([m.dated_by == "report" for m in mentions], dtype=bool)
        self.beside_other_days = np.array([m.beside_other_days for m in mentions], dtype=bool)
        self.statement = np.array([m.is_statement for m in mentions], dtype=bool)
        self.day_or_report = np.array([m.dated_by == "report" or m.precision == "day" for m in mentions], dtype=bool)
        self.language = np.array([code(("language", mention_language(m))) for m in mentions], dtype=np.int64)
        self.one_day_phrase = np.array([m.dated_by == "phrase" and m.last_day - m.first_day <= DAY_WIDTH for m in mentions], dtype=bool)
        self.countries = incidence_of([country_codes(m.sentence.text) for m in mentions], len(mentions))
        self.has_countries = np.asarray(self.countries.sum(axis=1)).ravel() > 0
        # Kinds of happening (for or against one event); names and figures only where they are read
        # (day-dated phrase mentions, the only ones the language-free evidence may join).
        self.kinds = incidence_of([kinds_of(m) for m in mentions], len(mentions))
        self.has_kinds = np.asarray(self.kinds.sum(axis=1)).ravel() > 0
        self.english = np.array([mention_language(m) == "en" for m in mentions], dtype=bool)
        self.names = incidence_of(
            [latin_names(m.sentence.text, mention_language(m)) if one_day else () for m, one_day in zip(mentions, self.one_day_phrase)],
            len(mentions),
        )
        # Figures are read (lib.text.numbers, a few milliseconds a sentence) only for the pairs still
        # undecided after the cheaper evidence, once per mention.
        self.mentions = mentions
        self._figures: dict[int, frozenset[str]] = {}
        # Shared actor or shared keyword: one vocabulary for both ("a:" and "k:" keep them apart).
        self.topics = incidence_of([{f"a:{a}" for a in m.actors} | {f"k:{k}" for k in m.keywords} for m in mentions], len(mentions))
        self.speakers = incidence_of([m.speaker for m in mentions], len(mentions))

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
        same_article = self.article[firsts] == self.article[seconds]
        slack = np.where(either_report | same_article | self.beside_other_days[firsts] | self.beside_other_days[seconds], 0, 1)
        overlap = (self.starts[firsts] - slack <= self.ends[seconds]) & (self.starts[seconds] - slack <= self.ends[firsts])
        possible = overlap & (self.sentence[firsts] != self.sentence[seconds]) & _weekday_agreement(
            self.weekdays[firsts], self.starts[firsts], self.widths[firsts], self.weekdays[seconds], self.starts[seconds], self.widths[seconds]
        )
        statement_pair = (
            possible & same_article & either_report & self.statement[firsts] & self.statement[seconds]
            & self.day_or_report[firsts] & self.day_or_report[seconds]
        )
        same_statement = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(statement_pair)
        same_statement[where] = self._share(self.speakers, firsts[where], seconds[where])
        two_kinds = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(possible & ~same_statement & self.has_kinds[firsts] & self.has_kinds[seconds])
        two_kinds[where] = ~self._share(self.kinds, firsts[where], seconds[where])
        open_pair = possible & ~same_statement & ~(same_article & either_report) & ~two_kinds
        same_days = (self.starts[firsts] <= self.ends[seconds]) & (self.starts[seconds] <= self.ends[firsts])
        two_languages = (self.language[firsts] != self.language[seconds]) & same_days
        similar = open_pair & (similarity >= np.where(two_languages, self.across_threshold, self.threshold))
        same_day_two_languages = (
            open_pair & (self.language[firsts] != self.language[seconds])
            & self.one_day_phrase[firsts] & self.one_day_phrase[seconds]
            & (self.starts[firsts] <= self.ends[seconds]) & (self.starts[seconds] <= self.ends[firsts])
        )
        where = np.flatnonzero(same_day_two_languages)
        f, s = firsts[where], seconds[where]
        same_day_two_languages[where] &= ~(self.has_countries[f] & self.has_countries[s] & ~self._share(self.countries, f, s))
        evidence = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(same_day_two_languages & ~similar)
        if len(where):
            f, s = firsts[where], seconds[where]
            shared_counts = np.asarray(self.countries[f].multiply(self.countries[s]).sum(axis=1)).ravel()
            evidence[where] = (
                (shared_counts >= SHARED_COUNTRIES) | self._share(self.kinds, f, s) | self._share(self.names, f, s)
            )
            undecided = where[~evidence[where]]
            evidence[undecided] = [bool(self.figures_of(i) & self.figures_of(j)) for i, j in zip(firsts[undecided], seconds[undecided])]
        across_languages = same_day_two_languages & (similar | evidence)
        same_day_one_language = (
            open_pair & (self.language[firsts] == self.language[seconds])
            & self.one_day_phrase[firsts] & self.one_day_phrase[seconds]
            & (self.starts[firsts] <= self.ends[seconds]) & (self.starts[seconds] <= self.ends[firsts])
        )
        where = np.flatnonzero(same_day_one_language & ~across_languages)
        same_kind = np.zeros(len(firsts), dtype=bool)
        same_kind[where] = self._share(self.kinds, firsts[where], seconds[where]) & (self.statement[firsts[where]] == self.statement[seconds[where]])
        across_languages |= same_kind
        narrow = np.minimum(self.widths[firsts], self.widths[seconds])
        wide = np.maximum(self.widths[firsts], self.widths[seconds])
        narrow_enough = ~((narrow <= DAY_WIDTH) & (wide > INTERVAL_JOIN_DAYS))
        shared = np.zeros(len(firsts), dtype=bool)
        where = np.flatnonzero(similar & ~across_languages & narrow_enough)
        shared[where] = self._share(self.topics, firsts[where], seconds[where])
        return same_statement | shared | across_languages

    def figures_of(self, index: int) -> frozenset[str]:
        """The figures of mention `index`'s sentence (`evidence.shared_figures`), read once."""
        if index not in self._figures:
            mention = self.mentions[index]
            self._figures[index] = shared_figures(mention.sentence.text, mention_language(mention))
        return self._figures[index]

    def same_day_two_languages(self, rows, columns):
        """Block mask (rows x columns): day-dated phrase mentions of overlapping days in two languages, or
        in one language other than English when both name a kind of happening (the pairs that evidence
        read without the embedder may join below the similarity threshold)."""
        two_languages = self.language[rows][:, None] != self.language[columns][None, :]
        one_language_kinds = (
            ~two_languages & self.has_kinds[rows][:, None] & self.has_kinds[columns][None, :]
        )
        return (
            (two_languages | one_language_kinds)
            & self.one_day_phrase[rows][:, None] & self.one_day_phrase[columns][None, :]
            & (self.starts[rows][:, None] <= self.ends[columns][None, :]) & (self.starts[columns][None, :] <= self.ends[rows][:, None])
        )



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
        partners[rows] += (forward_overlap & ~same_article & (similarity >= rules.sweep_floor)).sum(axis=1)
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



def candidate_pairs(
    mentions: list[EventMention], vectors, block: int = MERGE_BLOCK, neighbours: int | None = None, threshold: float = MERGE_SIMILARITY,
    across_threshold: float | None = None,
):
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
        rules = _PairRules(mentions, threshold, across_threshold)
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
            similar = forward_overlap & ~same_article & (similarity >= rules.sweep_floor)
            # Same-day pairs in two languages (or naming kinds of happening in one language other than English)
            # may be one event below the similarity: evidence read without the embedder (`_PairRules.accept`).
            similar |= forward_overlap & ~same_article & rules.same_day_two_languages(rows, columns)
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



def merge_mentions(
    mentions: list[EventMention], vectors, neighbours: int | None = None, threshold: float = MERGE_SIMILARITY,
    across_threshold: float | None = None,
) -> list[list[EventMention]]:
    """Complete-linkage clusters: every pair in a cluster passes `_same_event`.

    Pairs are merged most similar first. Only pairs `_same_event` accepts can
    start a merge, and two clusters merge only when every cross pair is one of
    them, so everything is decided from `candidate_pairs` (an interval sweep,
    not all m² pairs) with set lookups. `neighbours` as in `candidate_pairs`; `threshold` for a pair in
    one language, `across_threshold` (default: the same) for a pair in two.
    """
    import numpy as np

    count = len(mentions)
    scores, firsts, seconds = candidate_pairs(mentions, vectors, neighbours=neighbours, threshold=threshold, across_threshold=across_threshold)
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
