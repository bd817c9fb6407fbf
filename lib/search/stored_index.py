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
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from lib.search.hybrid import SearchIndex, build_search_index
from lib.search.keyword import KeywordIndex
from lib.search.vectors import ExactIndex

log = logging.getLogger(__name__)

# Bump when what is written (or how rows are made) changes: older folders are then not opened.
SEARCH_INDEX_VERSION = "search-index-1"
INDEX_FOLDER = "search-index"
META_FILE = "index.json"
# Articles whose sentences stay in memory once a hit of theirs was shown (one record each).
ARTICLES_KEPT = 256
# A temporary folder left this long is a build that died; removed with the old folders.
ABANDONED_AFTER_S = 3600.0

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
    signature, so a page builds it like any view). The index returned is the one built."""
    index = build_search_index(corpus, embedder, progress=progress)
    keep_search_index(index, corpus.settings, corpus.contents_key)
    return index


def keep_search_index(index: SearchIndex, settings, contents_key: str) -> Path | None:
    """Write `index` for `contents_key` under the store folder; the folder it is in, or None when it is
    not kept (another engine than the exact one, or a folder that cannot be written: logged)."""
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
        _write(index, matrix, key, temporary)
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


def _write(index: SearchIndex, matrix: np.ndarray, key: str, folder: Path) -> None:
    languages, codes = np.unique(np.asarray(index.row_language, dtype=str), return_inverse=True)
    arrays = {
        "row_article": np.asarray(index.row_article, dtype=np.int64),
        "row_sentence": np.asarray(index.row_sentence, dtype=np.int64),
        "row_language": codes.astype(np.int32),
        "dense_ok": np.asarray(index.dense_ok, dtype=bool),
    }
    for name, values in arrays.items():
        np.save(folder / f"{name}.npy", values)
    np.save(folder / "vectors.npy", np.ascontiguousarray(matrix, dtype=np.float32))
    index.keywords.save(folder / "keywords")
    meta = {
        "key": key,
        "version": SEARCH_INDEX_VERSION,
        "model_id": index.model_id,
        "multilingual": bool(index.multilingual),
        "rows": len(index),
        "dimension": int(matrix.shape[1]),
        "languages": [str(language) for language in languages],
        "article_ids": [article.article_id for article in index.articles],
    }
    # Written last: a folder without it is a partial write, never opened.
    (folder / META_FILE).write_text(json.dumps(meta), encoding="utf-8")


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

    `entries` are the store's catalogue entries (any order; those of the indexed articles are
    used), `read_article(article_id)` reads one article when a hit of it is shown. No article
    record is read here. A folder that cannot be read back whole is removed (the caller builds
    the index again)."""
    key = search_index_key(contents_key, model_id)
    folder = index_root(settings) / _folder_name(key)
    if not (folder / META_FILE).is_file():
        return None
    try:
        return _open(folder, key, entries, read_article)
    except Exception as error:  # whatever a damaged folder raises: it is rebuilt, never shown as a traceback
        log.warning("The stored search index in %s could not be read back (%s: %s); it is built again.",
                    folder, type(error).__name__, error)
        shutil.rmtree(folder, ignore_errors=True)
        return None


def _open(folder: Path, key: str, entries: Iterable, read_article: Callable) -> SearchIndex:
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    if meta.get("key") != key or meta.get("version") != SEARCH_INDEX_VERSION:
        raise ValueError("written for another key")
    by_id = {entry.article_id: entry for entry in entries}
    article_ids = list(meta["article_ids"])
    missing = [article_id for article_id in article_ids if article_id not in by_id]
    if missing:
        raise ValueError(f"{len(missing)} indexed article(s) are not in the catalogue")
    articles = [by_id[article_id] for article_id in article_ids]
    rows = int(meta["rows"])
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    for name, values in arrays.items():
        if values.shape != (rows,):
            raise ValueError(f"{name} holds {values.shape} values for {rows} rows")
    row_article = np.asarray(arrays["row_article"])
    if rows and (row_article.min() < 0 or row_article.max() >= len(articles)):
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
    index = SearchIndex(
        articles,
        row_article,
        np.asarray(arrays["row_sentence"]),
        languages[codes],
        np.asarray(arrays["dense_ok"]),
        ExactIndex.from_matrix(matrix.view(np.ndarray)),
        keywords,
        meta["model_id"],
        bool(meta["multilingual"]),
        sentences_of=ArticleSentences(article_ids, read_article),
        languages={str(language) for language in languages[np.bincount(codes, minlength=len(languages)) > 0]},
    )
    index.folder = folder
    return index


# -- notes kept beside an index (e.g. the Search page's example questions) ------------------------------
def read_index_note(index: SearchIndex, name: str):
    """The JSON note `name` kept beside this stored index, or None (not stored, not written, or damaged)."""
    folder = getattr(index, "folder", None)
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
