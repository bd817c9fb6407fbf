"""The exact search index kept on disk, so the Search page and the CLI open it without the corpus.

A built index (`build_search_index` with the default exact engine) is written under the store
folder, in `search-index/<name>/`, `name` a hash of its key: the store's contents key (articles and
inferred dates), the model id and SEARCH_INDEX_VERSION, as the stored views are keyed. It holds

* `index.json`: the key, the model, the indexed article ids in row order, the sentence languages;
* `row_article.npy`, `row_sentence.npy`, `row_language.npy` (codes into the languages), `dense_ok.npy`;
* `vectors.npy`: the sentence vectors, memory-mapped when opened (pages in as it is searched);
* `keywords/`: the BM25 index in bm25s's own format, loaded with `mmap=True`.

Opening it reads no article record: per-article fields (outlet, title, language, publication
date, source file) come from the store's catalogue entries, and a shown hit's sentence and its
neighbours from that one article's record (`store.article`, a small LRU).

Guarantees: a folder appears whole or not at all (written in a temporary folder, renamed into
place); a folder built for other contents, another model or other code is never opened; a
damaged or partial folder is logged, removed and reported as missing (the caller rebuilds), never
a traceback; older folders are removed once a new one is in place. An engine other than the exact
index (STORYLENS_VECTOR_INDEX) keeps its own index and is not stored here.

Articles added later (`update_search_index`) extend a built index the way Lucene and Tantivy add
documents: as segments. The built folder is the base (never rewritten: 2 GB of vectors at 100k
articles); each update writes the added articles' sentences as a small segment in `segments/`
(the same files: rows, vectors, a BM25 index scored on the base's scale, see
`KeywordIndex.build_beside`) and then `manifest.json` (the contents key it is now current for,
the segments, the write sequence it covers), replaced atomically: a reader opens the old
manifest's segments or the new one's, whole. A search reads every segment as one index
(`SegmentedIndex`, `KeywordSegments`): a query none of whose candidates is an added sentence gets
the base's answer unchanged. Past MAX_SEGMENTS segments an update merges them into one (the articles
added since the base, read again); past max(DELTA_ROWS, DELTA_SHARE of the base's) added sentences it
declines and the caller builds the whole index again (compaction).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from lib.core.store import added_limit
from lib.search.hybrid import SearchIndex, build_search_index, sentence_rows
from lib.search.keyword import KeywordIndex, KeywordSegments
from lib.search.vectors import ExactIndex, SegmentedIndex

log = logging.getLogger(__name__)

# Bump when what is written (or how rows are made) changes: older folders are then not opened.
SEARCH_INDEX_VERSION = "search-index-1"
INDEX_FOLDER = "search-index"
META_FILE = "index.json"
# Articles whose sentences stay in memory once a hit of theirs was shown (one record each).
ARTICLES_KEPT = 256
# A temporary folder left this long is a build that died; removed with the old folders.
ABANDONED_AFTER_S = 3600.0

MANIFEST_FILE = "manifest.json"
SEGMENTS_FOLDER = "segments"
SEGMENT_FILE = "segment.json"
# An update that would leave more segments than this merges them into one (searching a segment costs
# a few milliseconds). Compaction: more added sentences than max(DELTA_ROWS, DELTA_SHARE of the base's)
# declines (False) and the caller builds the whole index again, since BM25 scores of the added sentences
# drift from a rebuild's as they grow against the base's statistics; a small collection (under
# 40k sentences) is rebuilt in seconds, so it may grow by DELTA_ROWS before it is.
MAX_SEGMENTS = 20
DELTA_SHARE = 0.05
DELTA_ROWS = 2000

_ARRAYS = ("row_article", "row_sentence", "row_language", "dense_ok")


def search_index_key(contents_key: str, model_id: str) -> str:
    """What a stored index depends on: the collection's contents key, the model and this code."""
    return f"{contents_key}:{model_id}:{SEARCH_INDEX_VERSION}"


def index_root(settings) -> Path:
    """The folder holding the stored search indexes of a collection (inside its store folder)."""
    return Path(settings.store_dir) / INDEX_FOLDER


def _folder_name(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def stored_index_folder(settings, contents_key: str, model_id: str) -> Path:
    """Where the index for these contents and model is (or would be) stored."""
    return index_root(settings) / _folder_name(search_index_key(contents_key, model_id))


# -- writing -----------------------------------------------------------------------------------------
def build_and_keep_search_index(corpus, embedder, progress=None) -> SearchIndex:
    """`build_search_index`, then kept on disk for the corpus's contents key (the views' builder
    signature, so a page builds it like any view). The index returned is the one built.

    Its base for later extension (`update_search_index`) is the store's write sequence read after
    the build, kept only when the store still holds the corpus's articles then: any write between
    the corpus's load and that read shows up as a change the extension refuses (an indexed id
    added again, or removed), so a base never claims articles it lacks."""
    index = build_search_index(corpus, embedder, progress=progress)
    store = corpus.store
    sequence = store.write_sequence()
    same = store.fingerprint() == corpus.fingerprint
    keep_search_index(index, corpus.settings, corpus.contents_key,
                      base_sequence=sequence if same else None, dates_base=store.inferred_dates_base(),
                      unindexed_ids=[article.article_id for article in corpus.articles if not article.sentences])
    return index


def keep_search_index(index: SearchIndex, settings, contents_key: str, base_sequence: int | None = None,
                      dates_base: str | None = None, unindexed_ids: Iterable[str] = ()) -> Path | None:
    """Write `index` for `contents_key` under the store folder; the folder it is in, or None when it is
    not kept (another engine than the exact one, or a folder that cannot be written: logged).

    `base_sequence` (the store's write sequence its articles were read at, None: unknown),
    `dates_base` (`store.inferred_dates_base()` then) and `unindexed_ids` (articles of those
    contents without a sentence) are what `update_search_index` extends it from."""
    matrix = index.vectors.matrix() if isinstance(index.vectors, ExactIndex) else None
    if matrix is None:
        return None
    key = search_index_key(contents_key, index.model_id)
    root = index_root(settings)
    final = root / _folder_name(key)
    if (final / META_FILE).exists():
        index.folder = final
        _remove_others(root, keep=final.name)
        return final
    temporary = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
        _write(index, matrix, key, temporary, {"base_sequence": base_sequence, "dates_base": dates_base,
                                               "unindexed_ids": sorted(unindexed_ids)})
        try:
            os.rename(temporary, final)
        except OSError:
            if not (final / META_FILE).exists():  # not "another process put the same index there first"
                raise
            shutil.rmtree(temporary, ignore_errors=True)
    except OSError as error:
        log.warning("The search index was not kept on disk in %s (%s); it is built again next time.", root, error)
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        return None
    index.folder = final
    _remove_others(root, keep=final.name)
    return final


def _write(index: SearchIndex, matrix: np.ndarray, key: str, folder: Path, base: dict) -> None:
    meta = _write_rows(folder, index.row_article, index.row_sentence, index.row_language, index.dense_ok, matrix,
                       index.keywords)
    meta.update({
        "key": key,
        "version": SEARCH_INDEX_VERSION,
        "model_id": index.model_id,
        "multilingual": bool(index.multilingual),
        "article_ids": [article.article_id for article in index.articles],
        **base,
    })
    # Written last: a folder without it is a partial write, never opened.
    (folder / META_FILE).write_text(json.dumps(meta), encoding="utf-8")


def _write_rows(folder: Path, row_article, row_sentence, row_language, dense_ok, matrix: np.ndarray,
                keywords: KeywordIndex) -> dict:
    """The files of one segment's rows (a base or an added one); the record fields describing them."""
    languages, codes = np.unique(np.asarray(row_language, dtype=str), return_inverse=True)
    arrays = {
        "row_article": np.asarray(row_article, dtype=np.int64),
        "row_sentence": np.asarray(row_sentence, dtype=np.int64),
        "row_language": codes.astype(np.int32),
        "dense_ok": np.asarray(dense_ok, dtype=bool),
    }
    for name, values in arrays.items():
        np.save(folder / f"{name}.npy", values)
    np.save(folder / "vectors.npy", np.ascontiguousarray(matrix, dtype=np.float32))
    keywords.save(folder / "keywords")
    return {"rows": len(arrays["row_article"]), "dimension": int(matrix.shape[1]),
            "languages": [str(language) for language in languages]}


def _remove_others(root: Path, keep: str) -> None:
    """Remove the folders of older indexes (and temporary folders of builds that died)."""
    try:
        children = list(root.iterdir())
    except OSError:
        return
    for child in children:
        if child.name == keep or not child.is_dir():
            continue
        if child.name.startswith("."):
            try:
                if time.time() - child.stat().st_mtime < ABANDONED_AFTER_S:
                    continue  # another process may be writing it now
            except OSError:
                continue
        shutil.rmtree(child, ignore_errors=True)


# -- reading -----------------------------------------------------------------------------------------
class ArticleSentences:
    """`sentences_of(position)` for a stored index: the sentences of one article, read from its record
    when a hit of it is shown, the last ARTICLES_KEPT kept. None (logged) when it cannot be read."""

    def __init__(self, article_ids: list[str], read_article: Callable, kept: int = ARTICLES_KEPT):
        self._article_ids = article_ids
        self._read_article = read_article
        self._kept = kept
        self._cache: OrderedDict[int, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, position: int):
        with self._lock:
            if position in self._cache:
                self._cache.move_to_end(position)
                return self._cache[position]
        article_id = self._article_ids[position]
        try:
            article = self._read_article(article_id)
        except Exception as error:  # a damaged record: the hit is left out, the search goes on
            log.warning("A search hit's article %s could not be read (%s); the hit is left out.", article_id, error)
            return None
        if article is None:
            log.warning("A search hit's article %s is no longer stored; the hit is left out.", article_id)
            return None
        sentences = tuple(article.sentences)
        with self._lock:
            self._cache[position] = sentences
            while len(self._cache) > self._kept:
                self._cache.popitem(last=False)
        return sentences


def open_search_index(settings, contents_key: str, model_id: str, entries: Iterable, read_article: Callable
                      ) -> SearchIndex | None:
    """The stored index for `contents_key` and `model_id`, or None when there is none to use.

    A base built for these contents, else a base whose manifest says its segments bring it to them
    (`update_search_index`). `entries` are the store's catalogue entries (any order; those of the
    indexed articles are used), `read_article(article_id)` reads one article when a hit of it is
    shown. No article record is read here. A base that cannot be read back whole is removed; a
    manifest or segment that cannot is removed with every segment (the base stays, extendable);
    the caller builds the index again."""
    key = search_index_key(contents_key, model_id)
    root = index_root(settings)
    folder = root / _folder_name(key)
    manifest = None
    if not (folder / META_FILE).is_file():
        found = _extended_to(root, key)
        if found is None:
            return None
        folder, manifest = found
    try:
        meta = _read_meta(folder)
        if manifest is None and meta.get("key") != key:
            raise ValueError("written for another key")
        base = _read_segment(folder, meta)
    except Exception as error:  # whatever a damaged folder raises: it is rebuilt, never shown as a traceback
        log.warning("The stored search index in %s could not be read back (%s: %s); it is built again.",
                    folder, type(error).__name__, error)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    try:
        added = [_read_segment(folder / SEGMENTS_FOLDER / name, _read_json(folder / SEGMENTS_FOLDER / name / SEGMENT_FILE))
                 for name in (manifest or {}).get("segments", [])]
        index = _combined([base, *added], meta, entries, read_article)
    except Exception as error:
        if manifest is None:
            log.warning("The stored search index in %s could not be read back (%s: %s); it is built again.",
                        folder, type(error).__name__, error)
            shutil.rmtree(folder, ignore_errors=True)
        else:
            _drop_segments(folder, f"{type(error).__name__}: {error}")
        return None
    index.folder = folder
    return index


def _read_json(path: Path) -> dict:
    value = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(value, dict):
        raise ValueError(f"{path.name} is not a record")
    return value


def _read_meta(folder: Path) -> dict:
    meta = _read_json(folder / META_FILE)
    if meta.get("version") != SEARCH_INDEX_VERSION:
        raise ValueError("written by other code")
    return meta


def _bases(root: Path) -> list[Path]:
    try:
        return [child for child in root.iterdir() if child.is_dir() and not child.name.startswith(".")]
    except OSError:
        return []


def _extended_to(root: Path, key: str) -> tuple[Path, dict] | None:
    """(base folder, manifest) of the base whose segments bring it to `key`, if any (a small file read
    per stored base: there is one, two while a new one replaces it)."""
    for folder in _bases(root):
        manifest_path = folder / MANIFEST_FILE
        if not manifest_path.is_file():
            continue
        try:
            manifest = _read_json(manifest_path)
        except (OSError, ValueError) as error:
            _drop_segments(folder, f"manifest unreadable: {error}")
            continue
        if manifest.get("key") == key and manifest.get("version") == SEARCH_INDEX_VERSION:
            return folder, manifest
    return None


def _drop_segments(folder: Path, why: str) -> None:
    """Remove an extension that cannot be read back (the manifest first, so no reader opens it),
    leaving the base as it was built."""
    log.warning("The added articles' search segments in %s could not be read back (%s); they are removed.",
                folder, why)
    try:
        (folder / MANIFEST_FILE).unlink(missing_ok=True)
    except OSError:
        pass
    shutil.rmtree(folder / SEGMENTS_FOLDER, ignore_errors=True)


@dataclass
class _Segment:
    """The rows of one segment as read back (arrays memory-mapped where large)."""

    article_ids: list[str]
    row_article: np.ndarray
    row_sentence: np.ndarray
    row_language: np.ndarray  # the language of each row (strings)
    dense_ok: np.ndarray
    vectors: ExactIndex
    keywords: KeywordIndex
    languages: set[str]  # the languages some row is in


def _read_segment(folder: Path, meta: dict) -> _Segment:
    """One segment's files, checked against its record; raises on anything not whole."""
    article_ids = list(meta["article_ids"])
    rows = int(meta["rows"])
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    for name, values in arrays.items():
        if values.shape != (rows,):
            raise ValueError(f"{name} holds {values.shape} values for {rows} rows")
    row_article = np.asarray(arrays["row_article"])
    if rows and (row_article.min() < 0 or row_article.max() >= len(article_ids)):
        raise ValueError("a row names an article outside the index")
    languages = np.asarray(meta["languages"], dtype=object)
    codes = np.asarray(arrays["row_language"])
    if rows and (codes.min() < 0 or codes.max() >= len(languages)):
        raise ValueError("a row names a language outside the index")
    matrix = np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)
    if matrix.shape != (rows, int(meta["dimension"])):
        raise ValueError(f"the vectors are {matrix.shape}, not ({rows}, {meta['dimension']})")
    keywords = KeywordIndex.load(folder / "keywords")
    if keywords.size != rows:
        raise ValueError(f"the keyword index holds {keywords.size} sentences, not {rows}")
    return _Segment(
        article_ids, row_article, np.asarray(arrays["row_sentence"]), languages[codes], np.asarray(arrays["dense_ok"]),
        ExactIndex.from_matrix(matrix.view(np.ndarray)), keywords,
        {str(language) for language in languages[np.bincount(codes, minlength=len(languages)) > 0]},
    )


def _combined(segments: list[_Segment], meta: dict, entries: Iterable, read_article: Callable) -> SearchIndex:
    """One SearchIndex over the base and its added segments (the base alone: exactly as it was built)."""
    by_id = {entry.article_id: entry for entry in entries}
    article_ids = [article_id for segment in segments for article_id in segment.article_ids]
    missing = [article_id for article_id in article_ids if article_id not in by_id]
    if missing:
        raise ValueError(f"{len(missing)} indexed article(s) are not in the catalogue")
    if len(segments) == 1:
        base = segments[0]
        row_article, row_sentence, row_language, dense_ok = base.row_article, base.row_sentence, base.row_language, base.dense_ok
        vectors, keywords = base.vectors, base.keywords
    else:
        starts = np.cumsum([0] + [len(segment.article_ids) for segment in segments[:-1]])
        row_article = np.concatenate([segment.row_article + start for segment, start in zip(segments, starts)])
        row_sentence = np.concatenate([segment.row_sentence for segment in segments])
        row_language = np.concatenate([segment.row_language for segment in segments])
        dense_ok = np.concatenate([segment.dense_ok for segment in segments])
        vectors = SegmentedIndex([segment.vectors for segment in segments])
        keywords = KeywordSegments([segment.keywords for segment in segments])
    return SearchIndex(
        [by_id[article_id] for article_id in article_ids],
        row_article,
        row_sentence,
        row_language,
        dense_ok,
        vectors,
        keywords,
        meta["model_id"],
        bool(meta["multilingual"]),
        sentences_of=ArticleSentences(article_ids, read_article),
        languages=set().union(*(segment.languages for segment in segments)),
    )


# -- extending by added articles ---------------------------------------------------------------------
@dataclass
class _Extension:
    """A stored base and how far its segments bring it: what `update_search_index` extends."""

    folder: Path
    meta: dict  # the base's record
    sequence: int  # the store write sequence the base and its segments cover
    dates_base: str | None
    segments: list[str]
    known_ids: set[str]  # every article id the base and segments hold (with or without sentences)
    added_rows: int
    keywords: list[KeywordIndex]  # the base's, then each segment's (their statistics score the next)


def update_search_index(store, embedder, settings) -> bool:
    """Bring the stored index to the store's current contents by indexing only the articles added
    since it was built or last extended (their sentences, their cached vectors: encoded now when the
    cache lacks them) as a new segment beside the base. True when the index stored for
    `store_contents_key(store)` and this model is now current (already, or after this); False when
    the caller must build it whole: no stored base (or one by older code, another model, another
    engine than the exact one), an article removed or put again since, more added than
    `added_limit` of the base's articles, inferred dates not current or inferred
    again whole since, added sentences past max(DELTA_ROWS, DELTA_SHARE of the base's) (compaction),
    a damaged stored state (logged; damaged segments are removed), or a store that changed while this
    ran. Never raises for a damaged state. An update that would leave more than MAX_SEGMENTS segments
    merges them: every article added since the base becomes one segment, as if added in one update.

    What differs from a rebuild: BM25 scores of the base's sentences keep the base's statistics and
    the added sentences are scored with the base's average length (`KeywordIndex.build_beside`);
    the added articles' rows come after the base's, so two rows of equal score (a sentence copied
    word for word) are ranked base first where a rebuild ranks them by file name. Dense scores are
    exact either way."""
    from lib.core.store import contents_key
    from lib.text.embed import article_vectors

    if getattr(settings, "vector_index", "exact") != "exact":
        return False
    model_id = embedder.model_id
    root = index_root(settings)
    fingerprint, dates_at, dates_base = store.fingerprint(), store.inferred_dates_fingerprint(), store.inferred_dates_base()
    key = search_index_key(contents_key(fingerprint, dates_at), model_id)
    if (root / _folder_name(key) / META_FILE).is_file() or _extended_to(root, key) is not None:
        return True
    if dates_at != fingerprint:
        log.info("The search index is not extended: the inferred dates are not those of the current articles.")
        return False
    extension = _latest_extension(root, model_id)
    if extension is None or extension.dates_base != dates_base:
        return False
    changes = store.changes_since(extension.sequence)
    if changes.added and len(extension.segments) >= MAX_SEGMENTS:
        # Segments merged (Lucene's and Tantivy's merge, not a rebuild): every article added since the
        # base is written again as one segment, as one update adding them all at once would write it.
        log.info("The search index's %d added segments are merged into one.", len(extension.segments))
        extension = _base_alone(extension)
        changes = store.changes_since(extension.sequence)
    base_articles = len(extension.meta["article_ids"]) + len(extension.meta.get("unindexed_ids", []))
    if (changes.removed or any(article_id in extension.known_ids for article_id in changes.added)
            or len(changes.added) > added_limit(base_articles)):
        return False
    articles = [store.article(article_id) for article_id in changes.added]
    if any(article is None for article in articles) or store.write_sequence() != changes.sequence \
            or store.fingerprint() != fingerprint:
        return False  # the store changed while this ran: the caller builds what is current then
    indexed = [article for article in articles if article.sentences]
    rows = sentence_rows(indexed, bool(extension.meta["multilingual"]))
    if extension.added_rows + len(rows.article) > max(DELTA_ROWS, DELTA_SHARE * int(extension.meta["rows"])):
        log.info("The search index's added sentences pass max(%d, %d%% of its base): it is built again whole.",
                 DELTA_ROWS, round(100 * DELTA_SHARE))
        return False
    segments = list(extension.segments)
    try:
        if indexed:
            vectors_by_id = article_vectors(store, indexed, embedder)
            matrix = np.vstack([vectors_by_id[article.article_id] for article in indexed]).astype(np.float32)
            if matrix.shape[1] != int(extension.meta["dimension"]):
                return False
            keywords = KeywordIndex.build_beside(rows.text, rows.language, extension.keywords)
            segments.append(_write_segment(extension.folder, {
                "article_ids": [article.article_id for article in indexed],
                "unindexed_ids": [article.article_id for article in articles if not article.sentences],
            }, rows, matrix, keywords))
        elif articles:
            segments.append(_write_segment(extension.folder, {
                "article_ids": [], "unindexed_ids": [article.article_id for article in articles]}, rows,
                np.zeros((0, int(extension.meta["dimension"])), dtype=np.float32),
                KeywordIndex(0, frozenset(), None, extension.keywords[0].average_length)))
        from lib.core.store import atomic_write_bytes

        manifest = {"key": key, "version": SEARCH_INDEX_VERSION, "model_id": model_id, "base_key": extension.meta["key"],
                    "base_sequence": changes.sequence, "dates_base": dates_base, "segments": segments,
                    "added_rows": extension.added_rows + len(rows.article)}
        atomic_write_bytes(extension.folder / MANIFEST_FILE, json.dumps(manifest).encode("utf-8"))
    except (OSError, ValueError) as error:
        log.warning("The search index in %s was not extended (%s); it is built again whole.", extension.folder, error)
        return False
    _remove_unlisted_segments(extension.folder, keep=set(segments))
    return True


def _latest_extension(root: Path, model_id: str) -> _Extension | None:
    """The stored base for `model_id` (the one covering the latest write sequence) with its segments,
    or None. A base without a recorded sequence (built by older code) is not extendable; damaged
    segments are removed (logged) and the base is then not extended this time."""
    found: list[_Extension] = []
    for folder in _bases(root):
        try:
            meta = _read_meta(folder)
        except (OSError, ValueError):
            continue  # not a whole base (being written, or damaged: its reader removes it)
        if meta.get("model_id") != model_id or meta.get("base_sequence") is None:
            continue
        try:
            found.append(_extension_of(folder, meta))
        except Exception as error:  # a damaged manifest or segment: never a traceback
            _drop_segments(folder, f"{type(error).__name__}: {error}")
    return max(found, key=lambda extension: extension.sequence, default=None)


def _base_ids(meta: dict) -> set[str]:
    """Every article id a base holds (with or without sentences)."""
    return set(meta["article_ids"]) | set(meta.get("unindexed_ids", []))


def _base_alone(extension: _Extension) -> _Extension:
    """The base of `extension` without its segments (what the articles added since it extend)."""
    return _Extension(extension.folder, extension.meta, int(extension.meta["base_sequence"]), extension.dates_base, [],
                      _base_ids(extension.meta), 0, extension.keywords[:1])


def _extension_of(folder: Path, meta: dict) -> _Extension:
    known = _base_ids(meta)
    keywords = [KeywordIndex.load(folder / "keywords")]
    if not (folder / MANIFEST_FILE).is_file():
        return _Extension(folder, meta, int(meta["base_sequence"]), meta.get("dates_base"), [], known, 0, keywords)
    manifest = _read_json(folder / MANIFEST_FILE)
    if manifest.get("version") != SEARCH_INDEX_VERSION or manifest.get("base_key") != meta["key"]:
        raise ValueError("the manifest names another base")
    rows = 0
    for name in manifest["segments"]:
        record = _read_json(folder / SEGMENTS_FOLDER / name / SEGMENT_FILE)
        segment = _read_segment(folder / SEGMENTS_FOLDER / name, record)  # checked whole, as a reader would
        known |= set(segment.article_ids) | set(record.get("unindexed_ids", []))
        keywords.append(segment.keywords)
        rows += int(record["rows"])
    if rows != int(manifest["added_rows"]):
        raise ValueError(f"the segments hold {rows} rows, the manifest says {manifest['added_rows']}")
    return _Extension(folder, meta, int(manifest["base_sequence"]), manifest.get("dates_base"),
                      list(manifest["segments"]), known, rows, keywords)


def _write_segment(base: Path, record: dict, rows, matrix: np.ndarray, keywords: KeywordIndex) -> str:
    """Write one added segment under `base` (a temporary folder renamed into place); its name."""
    parent = base / SEGMENTS_FOLDER
    parent.mkdir(exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".building-", dir=parent))
    try:
        record = {**record, **_write_rows(temporary, rows.article, rows.sentence, rows.language, rows.dense_ok, matrix,
                                          keywords)}
        (temporary / SEGMENT_FILE).write_text(json.dumps(record), encoding="utf-8")
        name = f"{time.time_ns():x}-{temporary.name.removeprefix('.building-')}"
        os.rename(temporary, parent / name)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return name


def _remove_unlisted_segments(base: Path, keep: set[str]) -> None:
    """Remove segments no manifest lists any more, once older than ABANDONED_AFTER_S (another process
    may have just written one and be about to list it)."""
    for child in _bases(base / SEGMENTS_FOLDER) + [c for c in (base / SEGMENTS_FOLDER).glob(".building-*")]:
        if child.name in keep:
            continue
        try:
            if time.time() - child.stat().st_mtime < ABANDONED_AFTER_S:
                continue
        except OSError:
            continue
        shutil.rmtree(child, ignore_errors=True)


# -- notes kept beside an index (e.g. the Search page's example questions) ------------------------------
def current_index_folder(settings, contents_key: str, model_id: str) -> Path | None:
    """The folder of the index `open_search_index` would open for these contents and model, found
    without opening it (a path check, or the small manifests); None when none is stored. Its notes
    can be read before (or without) the index itself."""
    root = index_root(settings)
    key = search_index_key(contents_key, model_id)
    folder = root / _folder_name(key)
    if (folder / META_FILE).is_file():
        return folder
    found = _extended_to(root, key)
    return None if found is None else found[0]


def read_index_note(index_or_folder, name: str):
    """The JSON note `name` kept beside this stored index (or in this index folder), or None (not
    stored, not written, or damaged)."""
    folder = index_or_folder if isinstance(index_or_folder, Path) else getattr(index_or_folder, "folder", None)
    if folder is None:
        return None
    try:
        return json.loads((folder / f"note-{name}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("The note %s beside the search index could not be read (%s); it is made again.", name, error)
        return None


def write_index_note(index: SearchIndex, name: str, payload) -> bool:
    """Keep a JSON note beside this stored index (atomically); False (logged) when it cannot be."""
    folder = getattr(index, "folder", None)
    if folder is None:
        return False
    from lib.core.store import atomic_write_bytes

    try:
        atomic_write_bytes(folder / f"note-{name}.json", json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        log.warning("The note %s beside the search index was not kept (%s).", name, error)
        return False
    return True
