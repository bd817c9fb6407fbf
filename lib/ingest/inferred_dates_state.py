"""What the whole date inference keeps so that pages added later are dated without reading the others.

`lib.ingest.pubdate_inference` dates an undated page against the collection's evidence: the events
its pages date by themselves (anchors, keyed by words and marks), each anchor page's figures, how
many pages print each name, and the span of its stated days. The whole inference (`load_corpus`)
keeps that evidence in the store's derived cache beside its dates (`keep_evidence`), at the store's
write sequence it read before the articles. Pages added afterwards are dated against it
(`extended_evidence`), and their own anchors, figures and names are kept with it, so the next
addition sees them too.

Guarantees:

* An added page gets the date the whole inference would give it over the same articles: the
  stored evidence is that of every base page, extended by every page added since, and equal
  anchors rank in the collection's order (by source file) as in a whole inference.
* The kept evidence is per dated event, not per sentence: columns of numbers (anchor pages, days,
  precision, concepts; an inverted index from each word to the anchors holding it) packed as
  base64 text, one payload; the anchors' quoted words (their clues) in chunks of CLUE_CHUNK,
  read only for an anchor that dates an added page.
* A damaged or foreign payload raises DamagedEvidence (the caller infers whole); it is never
  half-read into a date.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from heapq import merge

import numpy as np

from lib.core.models import Article
from lib.ingest.pubdate_inference import (
    Anchor,
    AnchorIndex,
    CollectionEvidence,
    page_evidence,
)

# Derived-cache entries: the base evidence (keyed by the whole inference's fingerprint), the clue
# chunks (same key), and what pages added since contributed (keyed by the stored dates' fingerprint).
EVIDENCE_CACHE = "inferred_dates_evidence"
ADDED_CACHE = "inferred_dates_added"
CLUE_CACHE = "inferred_dates_clues"
CLUE_CHUNK = 4096


class DamagedEvidence(Exception):
    """The kept evidence cannot be read back (damaged, missing a piece, or kept by other code).

    Not a ValueError: the inference turns those of odd calendar arithmetic into an unknown date,
    and a missing piece of evidence must stop the extension instead."""


# The code version of the kept evidence: evidence kept by other code (other anchors, marks, names or
# layout) is never extended. Bump it with any change to what `collection_evidence` finds or how it is kept.
EVIDENCE_VERSION = "inferred-dates-evidence-v3"


def evidence_version() -> str:
    return EVIDENCE_VERSION


def article_key(article_id: str) -> int:
    """A 64-bit key of an article id (kept for every base page, to tell an added page from one put again)."""
    return int.from_bytes(hashlib.blake2b(article_id.encode(), digest_size=8).digest(), "big")


def _pack(values, dtype) -> str:
    return base64.b64encode(np.ascontiguousarray(np.asarray(values, dtype=dtype)).tobytes()).decode("ascii")


def _unpack(text, dtype) -> np.ndarray:
    if not isinstance(text, str):
        raise DamagedEvidence("a packed column is not text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise DamagedEvidence(f"a packed column is not base64: {error}") from error
    if len(raw) % np.dtype(dtype).itemsize:
        raise DamagedEvidence("a packed column has a partial value")
    return np.frombuffer(raw, dtype=dtype)


def _days(span: tuple[date, date] | None) -> list[str] | None:
    return None if span is None else [span[0].isoformat(), span[1].isoformat()]


def _span(value) -> tuple[date, date] | None:
    return None if value is None else (date.fromisoformat(value[0]), date.fromisoformat(value[1]))


def _anchor_record(anchor: Anchor) -> list:
    return [anchor.source_file, sorted(anchor.concepts), sorted(anchor.words), anchor.start.isoformat(),
            anchor.end.isoformat(), anchor.clue, anchor.precision]


def _anchor_from_record(record) -> Anchor:
    source_file, concepts, words, start, end, clue, precision = record
    return Anchor(str(source_file), frozenset(concepts), frozenset(words), date.fromisoformat(start), date.fromisoformat(end),
                  str(clue), str(precision))


# -- kept at the whole inference ---------------------------------------------------------------
def evidence_payloads(
    evidence: CollectionEvidence, articles: list[Article], fingerprint: str, sequence: int
) -> tuple[dict, list[list[str]], dict]:
    """(base payload, clue chunks, empty added payload) of the whole inference over `articles`
    (in the collection's order) at `fingerprint`, whose article set is that of write `sequence`."""
    anchors = evidence.anchors.anchors
    pages = sorted({anchor.source_file for anchor in anchors})  # sorted: read back by bisection
    page_number = {name: number for number, name in enumerate(pages)}
    concept_names = sorted({concept for anchor in anchors for concept in anchor.concepts})
    if len(concept_names) > 15:
        raise ValueError(f"{len(concept_names)} anchor concepts do not fit the kept 16-bit column")
    concept_bit = {name: 1 << bit for bit, name in enumerate(concept_names)}
    precisions = sorted({anchor.precision for anchor in anchors})
    words = sorted({word for anchor in anchors for word in anchor.words})
    word_id = {word: number for number, word in enumerate(words)}
    holder, held = [], []
    for number, anchor in enumerate(anchors):
        for word in anchor.words:
            held.append(word_id[word])
            holder.append(number)
    held_array = np.asarray(held, dtype=np.int64)
    order = np.argsort(held_array, kind="stable")  # by word, each word's anchors in the anchors' order
    word_offsets = np.concatenate([[0], np.cumsum(np.bincount(held_array, minlength=len(words)))])
    # Only a mark anchor's page is asked for its figures (`_mark_constraints`).
    marked = {anchor.source_file for anchor in anchors if anchor.keyed_by_marks}
    kept_figures = {name: evidence.page_figures.get(name, ()) if name in marked else () for name in pages}
    figures = sorted({figure for found in kept_figures.values() for figure in found})
    figure_id = {figure: number for number, figure in enumerate(figures)}
    page_figures = [sorted(figure_id[figure] for figure in kept_figures[name]) for name in pages]
    names = sorted(evidence.name_pages)
    stated = _stated_days(articles)
    base = {
        "version": evidence_version(),
        "fingerprint": fingerprint,
        "sequence": int(sequence),
        "articles": len(articles),
        "pages_seen": evidence.pages,
        "article_keys": _pack(sorted(article_key(article.article_id) for article in articles), np.uint64),
        "stated_range": _days((min(stated), max(stated)) if stated else None),
        "stated_days": len(stated),
        "pages": pages,
        "anchor_page": _pack([page_number[anchor.source_file] for anchor in anchors], np.int32),
        "anchor_start": _pack([anchor.start.toordinal() for anchor in anchors], np.int32),
        "anchor_days": _pack([(anchor.end - anchor.start).days for anchor in anchors], np.int16),
        "precisions": precisions,
        "anchor_precision": _pack([precisions.index(anchor.precision) for anchor in anchors], np.int8),
        "concepts": concept_names,
        "anchor_concepts": _pack([sum(concept_bit[c] for c in anchor.concepts) for anchor in anchors], np.int16),
        "words": words,
        "word_offsets": _pack(word_offsets, np.int64),
        "postings": _pack(np.asarray(holder, dtype=np.int32)[order], np.int32),
        "figures": figures,
        "figure_offsets": _pack(np.concatenate([[0], np.cumsum([len(ids) for ids in page_figures])]), np.int64),
        "figure_ids": _pack([number for ids in page_figures for number in ids], np.int32),
        "names": names,
        "name_pages": _pack([evidence.name_pages[name] for name in names], np.int32),
        "clue_chunks": (len(anchors) + CLUE_CHUNK - 1) // CLUE_CHUNK,
    }
    chunks = [[anchor.clue for anchor in anchors[start : start + CLUE_CHUNK]] for start in range(0, len(anchors), CLUE_CHUNK)]
    return base, chunks, empty_added(fingerprint, sequence, base["stated_range"], len(stated))


def _stated_days(articles: list[Article]) -> list[date]:
    """The stated publication days of `articles` (what `_collection_span` spans)."""
    return [
        date.fromisoformat(article.published.date)
        for article in articles
        if article.published.stated and article.published.precision == "day" and article.published.date
    ]


def empty_added(base_fingerprint: str, sequence: int, stated_range, stated_days: int) -> dict:
    """The added payload of a base no page was added to yet: `stated_range` ([first, last] ISO days
    or None) and `stated_days` (how many) are those of the base's stated days."""
    return {
        "version": evidence_version(), "base": base_fingerprint, "base_sequence": int(sequence), "sequence": int(sequence),
        "article_ids": [], "anchors": [], "page_figures": {}, "name_pages": {}, "stated_range": stated_range,
        "stated_days": stated_days,
    }


def keep_evidence(store, fingerprint: str, sequence: int, articles: list[Article], evidence: CollectionEvidence) -> None:
    """Write the whole inference's evidence (base payload, clue chunks, empty added payload) to the
    store's derived cache. Call inside the transaction that stores the dates, so both land together."""
    base, chunks, added = evidence_payloads(evidence, articles, fingerprint, sequence)
    for number, chunk in enumerate(chunks):
        store.put_cache(f"{CLUE_CACHE}/{number}", fingerprint, chunk)
    store.put_cache(EVIDENCE_CACHE, fingerprint, base)
    store.put_cache(ADDED_CACHE, fingerprint, added)


# -- read back and extended ----------------------------------------------------------------------
class KeptBase:
    """The base payload unpacked into arrays and lookups, checked to fit together (DamagedEvidence if not)."""

    def __init__(self, payload: dict):
        try:
            self.fingerprint = str(payload["fingerprint"])
            self.sequence = int(payload["sequence"])
            self.articles = int(payload["articles"])
            self.pages_seen = int(payload["pages_seen"])
            self.article_keys = _unpack(payload["article_keys"], np.uint64)
            self.pages: list[str] = payload["pages"]
            self.page = _unpack(payload["anchor_page"], np.int32)
            self.start = _unpack(payload["anchor_start"], np.int32)
            self.span = _unpack(payload["anchor_days"], np.int16).astype(np.int64)
            self.precision = _unpack(payload["anchor_precision"], np.int8)
            self.concepts = _unpack(payload["anchor_concepts"], np.int16)
            self.precisions: list[str] = [str(name) for name in payload["precisions"]]
            self.concept_names: list[str] = [str(name) for name in payload["concepts"]]
            self.word_id = {str(word): number for number, word in enumerate(payload["words"])}
            self.word_offsets = _unpack(payload["word_offsets"], np.int64)
            self.postings = _unpack(payload["postings"], np.int32)
            self.figures: list[str] = [str(figure) for figure in payload["figures"]]
            self.figure_offsets = _unpack(payload["figure_offsets"], np.int64)
            self.figure_ids = _unpack(payload["figure_ids"], np.int32)
            self.names: list[str] = [str(name) for name in payload["names"]]
            self.name_pages = _unpack(payload["name_pages"], np.int32)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DamagedEvidence(f"the kept evidence is unreadable: {error!r}") from error
        count = len(self.page)
        if not (
            len(self.start) == len(self.span) == len(self.precision) == len(self.concepts) == count
            and len(self.word_offsets) == len(self.word_id) + 1
            and int(self.word_offsets[-1]) == len(self.postings)
            and (count == 0 or int(self.page.max()) < len(self.pages))
            and (len(self.postings) == 0 or int(self.postings.max()) < count)
            and (count == 0 or int(self.precision.max()) < len(self.precisions))
            and len(self.figure_offsets) == len(self.pages) + 1
            and int(self.figure_offsets[-1]) == len(self.figure_ids)
            and (len(self.figure_ids) == 0 or int(self.figure_ids.max()) < len(self.figures))
            and len(self.name_pages) == len(self.names)
            and isinstance(self.pages, list)
            and all(isinstance(name, str) for name in self.pages)
        ):
            raise DamagedEvidence("the kept evidence's columns do not fit together")

    def page_number(self, name: str) -> int | None:
        """The number of the anchor page `name` (pages are kept sorted: no dict of 100k names to build), or None."""
        at = bisect_left(self.pages, name)
        return at if at < len(self.pages) and self.pages[at] == name else None


# The last base read in this process, by (store, base fingerprint): a long-lived process (the app)
# that adds articles one after another reads the base payload once, then only what was added.
_LAST_BASE: dict[tuple[str, str], KeptBase] = {}


def _store_identity(store) -> str:
    return f"{type(store).__name__}:{getattr(store, 'store_dir', '')}:{getattr(store, 'schema', '')}"


@dataclass
class KeptEvidence:
    """The base (unpacked) and the added payload as read from the store."""

    base: KeptBase
    added: dict

    @property
    def sequence(self) -> int:
        """The write sequence the stored dates are current at."""
        return int(self.added["sequence"])

    @property
    def base_articles(self) -> int:
        return self.base.articles

    def added_ids(self) -> list[str]:
        return [str(article_id) for article_id in self.added["article_ids"]]

    def known(self, article_ids) -> list[str]:
        """Those of `article_ids` that are already in the base or were added since."""
        keys = self.base.article_keys
        added = set(self.added_ids())
        found = []
        for article_id in article_ids:
            key = np.uint64(article_key(article_id))
            at = int(np.searchsorted(keys, key))
            if article_id in added or (at < len(keys) and keys[at] == key):
                found.append(article_id)
        return found


def read_kept(store, dates_fingerprint: str, dates_base: str) -> KeptEvidence:
    """The evidence kept for the stored dates (`dates_fingerprint`, whole inference `dates_base`);
    DamagedEvidence when there is none, or it is damaged or kept by other code. The base payload is
    read once per process and base (it is never rewritten for the same base and sequence)."""
    added = store.get_cache(ADDED_CACHE, dates_fingerprint)
    if not isinstance(added, dict) or added.get("version") != evidence_version() or added.get("base") != dates_base:
        raise DamagedEvidence("no evidence kept by this code for the stored dates")
    try:
        base_sequence = int(added["base_sequence"])
        int(added["sequence"]), list(added["article_ids"])
    except (KeyError, TypeError, ValueError) as error:
        raise DamagedEvidence(f"the added evidence is unreadable: {error!r}") from error
    slot = (_store_identity(store), dates_base)
    base = _LAST_BASE.get(slot)
    if base is None or base.sequence != base_sequence:
        payload = store.get_cache(EVIDENCE_CACHE, dates_base)
        if not isinstance(payload, dict) or payload.get("version") != evidence_version():
            raise DamagedEvidence("no evidence kept by this code for the last whole inference")
        base = KeptBase(payload)
        if base.sequence != base_sequence or base.fingerprint != dates_base:
            raise DamagedEvidence("the added evidence was kept for another whole inference")
        _LAST_BASE.clear()
        _LAST_BASE[slot] = base
    return KeptEvidence(base, added)


class StoredAnchors:
    """The kept anchors (base columns plus the anchors of added pages), asked as `AnchorIndex` is
    (`candidates`, `clue_of`) with the same answers in the same order.

    A base anchor is read only when it is a candidate, with the words of the query it holds (all its
    callers compare) and without its clue, which `clue_of` reads from its chunk.
    """

    def __init__(self, base: KeptBase, added: list[Anchor], read_chunk):
        self._base = base
        self._added = AnchorIndex(added)
        self._read_chunk = read_chunk
        self._chunks: dict[int, list[str]] = {}

    def candidates(
        self, words, *, other_than: str, concepts, at_least: int = 1, max_days: int | None = None, requiring=None, one_day: bool = False
    ) -> Iterator[Anchor]:
        """As `AnchorIndex.candidates`, over the base anchors and the added ones together."""
        words = frozenset(words)
        base = self._base_candidates(words, other_than, concepts, at_least, max_days, requiring, one_day)
        added = (
            ((-len(words & anchor.words), (anchor.end - anchor.start).days, anchor.source_file, 1), anchor)
            for anchor in self._added.candidates(
                words, other_than=other_than, concepts=concepts, at_least=at_least, max_days=max_days, requiring=requiring, one_day=one_day
            )
        )
        # Equal anchors rank in the collection's order: by source file (each stream already is), base first.
        for _key, anchor in merge(base, added, key=lambda pair: pair[0]):
            yield anchor

    def _holding(self, ids: list[int]) -> np.ndarray:
        """How many of the words `ids` each base anchor holds."""
        base = self._base
        if not ids:
            return np.zeros(len(base.page), dtype=np.int64)
        held = np.concatenate([base.postings[base.word_offsets[i] : base.word_offsets[i + 1]] for i in ids])
        return np.bincount(held, minlength=len(base.page))

    def _base_candidates(self, words, other_than, concepts, at_least, max_days, requiring, one_day):
        base = self._base
        ids = [base.word_id[word] for word in words if word in base.word_id]
        mask = sum(1 << bit for bit, name in enumerate(base.concept_names) if name in concepts)
        if not ids or not mask:
            return
        counts = self._holding(ids)
        keep = (counts >= max(1, at_least)) & ((base.concepts & mask) != 0)
        if requiring is not None:
            keep &= self._holding([base.word_id[word] for word in requiring if word in base.word_id]) > 0
        if one_day:
            keep &= base.span == 0
        own = base.page_number(other_than)
        if own is not None:
            keep &= base.page != own
        if max_days is not None:
            keep &= base.span < max_days
        numbers = np.flatnonzero(keep)
        order = np.lexsort((numbers, base.span[numbers], -counts[numbers]))
        for number in numbers[order].tolist():
            anchor = self._anchor(number, words)
            yield (-int(counts[number]), int(base.span[number]), anchor.source_file, 0), anchor

    def _anchor(self, number: int, words) -> Anchor:
        base = self._base
        held = []
        for word in words:
            i = base.word_id.get(word)
            if i is None:
                continue
            holders = base.postings[base.word_offsets[i] : base.word_offsets[i + 1]]
            at = int(np.searchsorted(holders, number))
            if at < len(holders) and holders[at] == number:
                held.append(word)
        mask = int(base.concepts[number])
        start = date.fromordinal(int(base.start[number]))
        return Anchor(
            base.pages[int(base.page[number])],
            frozenset(name for bit, name in enumerate(base.concept_names) if mask >> bit & 1),
            frozenset(held),
            start,
            start + timedelta(days=int(base.span[number])),
            "",
            base.precisions[int(base.precision[number])],
            number,
        )

    def clue_of(self, anchor: Anchor) -> str:
        """The anchor's clue; a base anchor's is read from its kept chunk (DamagedEvidence if missing)."""
        if anchor.number < 0:
            return anchor.clue
        chunk_number = anchor.number // CLUE_CHUNK
        if chunk_number not in self._chunks:
            chunk = self._read_chunk(chunk_number)
            if not isinstance(chunk, list):
                raise DamagedEvidence(f"the clues of kept anchors (chunk {chunk_number}) are missing")
            self._chunks[chunk_number] = chunk
        chunk = self._chunks[chunk_number]
        at = anchor.number % CLUE_CHUNK
        if at >= len(chunk) or not isinstance(chunk[at], str):
            raise DamagedEvidence(f"the clues of kept anchors (chunk {chunk_number}) are incomplete")
        return chunk[at]


class StoredFigures(Mapping):
    """Each mark anchor page's figures (`CollectionEvidence.page_figures`), read from the base columns as asked."""

    def __init__(self, base: KeptBase, added: dict[str, set[str]]):
        self._base = base
        self._added = added

    def __getitem__(self, name: str) -> set[str]:
        if name in self._added:
            return self._added[name]
        base = self._base
        number = base.page_number(name)
        if number is None:
            raise KeyError(name)
        return {base.figures[i] for i in base.figure_ids[base.figure_offsets[number] : base.figure_offsets[number + 1]].tolist()}

    def __iter__(self):
        return iter(dict.fromkeys([*self._base.pages, *self._added]))

    def __len__(self) -> int:
        return len(self._base.pages) + sum(1 for name in self._added if self._base.page_number(name) is None)


def extended_evidence(store, kept: KeptEvidence, new_articles: list[Article], sequence: int) -> tuple[CollectionEvidence, dict]:
    """The collection's evidence with `new_articles` added to the kept one, and the added payload to
    keep for it (at write `sequence`). Only the new articles are read here; DamagedEvidence when the
    kept evidence cannot be read."""
    base, added = kept.base, kept.added
    try:
        added_anchors = [_anchor_from_record(record) for record in added["anchors"]]
        added_figures = {str(name): set(figures) for name, figures in added["page_figures"].items()}
        added_names = {str(name): int(count) for name, count in added["name_pages"].items()}
        stated_range, stated_days = _span(added["stated_range"]), int(added["stated_days"])
        pages = base.pages_seen + len(added["article_ids"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DamagedEvidence(f"the kept evidence is unreadable: {error!r}") from error
    # The added pages in the collection's order (by source file), as a whole inference reads them.
    new_articles = sorted(new_articles, key=lambda article: (article.source_file, article.article_id))
    new_anchors = []
    for article in new_articles:
        anchors, marks = page_evidence(article)
        new_anchors += anchors
        added_figures[article.source_file] = {mark for mark in marks if mark.startswith("#")}
        for name in marks:
            if not name.startswith("#"):
                added_names[name] = added_names.get(name, 0) + 1
    pages += len(new_articles)
    new_days = _stated_days(new_articles) + list(stated_range or ())
    stated_range = (min(new_days), max(new_days)) if new_days else None
    stated_days += len(_stated_days(new_articles))
    span = stated_range if stated_days >= 2 else None  # as `_collection_span`: two stated days at least
    all_added = sorted(added_anchors + new_anchors, key=lambda anchor: anchor.source_file)  # stable: each page's own order
    name_pages = dict(zip(base.names, base.name_pages.tolist()))
    for name, count in added_names.items():
        name_pages[name] = name_pages.get(name, 0) + count
    evidence = CollectionEvidence(
        StoredAnchors(base, all_added, lambda number: store.get_cache(f"{CLUE_CACHE}/{number}", base.fingerprint)),
        StoredFigures(base, added_figures),
        name_pages,
        pages,
        span,
    )
    payload = {
        "version": evidence_version(), "base": added["base"], "base_sequence": int(added["base_sequence"]), "sequence": int(sequence),
        "article_ids": [*kept.added_ids(), *(article.article_id for article in new_articles)],
        "anchors": [_anchor_record(anchor) for anchor in all_added],
        "page_figures": {name: sorted(figures) for name, figures in added_figures.items()},
        "name_pages": added_names, "stated_range": _days(stated_range), "stated_days": stated_days,
    }
    return evidence, payload

