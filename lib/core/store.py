"""On-disk corpus: raw inputs as files, derived records in SQLite.

Layout under `settings.store_dir` (`<data_dir>/.storylens/`):

    uploads/<raw_sha256>/<safe name>   raw bytes of every article a user added
    store.sqlite                        articles, embeddings, near-duplicate index,
                                        derived caches (events, claims, ...)

Raw inputs are the source of truth and are written atomically (temp file,
fsync, rename) before the database learns of them; the database is derived
data that can be rebuilt from them. Every database write is one transaction,
so a crash leaves either the old state or the new one. SQLite in WAL mode
lets several processes (browser sessions, CLI runs) read and write at once.

Damage is detected, never trusted: a database that fails SQLite's integrity
check is moved aside (`store.sqlite.corrupt-<stamp>`) and rebuilt from the raw
files by the next sync; an embeddings blob or cache payload whose SHA-256 does
not match is reported missing so the caller recomputes it. The check reads the
whole file, so it runs when a process first opens a file that changed since the
last check that passed (`store.sqlite.checked` records that file's inode, size
and mtime); damage met while reading still raises the StoreError that says so. SQLite failures a
user can hit (disk full, read-only folder, busy database) become `StoreError`
with a message, never a traceback.

Costs per call do not grow with the collection, except `rows`/`articles`
(which return everything): lookups use indexes and `fingerprint` is an
order-independent XOR of per-article hashes kept up to date by each write.

The catalogue is what lists and filters read instead of every record: one slim
row per article (title, outlet, language, dates, counts, origin, write
sequence), written and deleted in the same transaction as the record, paged by
key (`catalogue(after=...)`, never OFFSET) and summed by SQL aggregates
(`catalogue_summary`). Every change of the article set is numbered
(`changes_since`), for readers that reload incrementally. Publication dates the
collection infers (a corpus-level result, `lib.ingest.corpus.load_corpus`) are
stored per article with the fingerprint they were computed at and shown by the
catalogue only while that fingerprint is current. A store written before the
catalogue existed is filled once when opened.

`ArticleStore` names the methods callers use; `Store` (SQLite, the default)
and `lib.core.store_postgres.PostgresStore` (STORYLENS_STORE=postgres) both
provide them, and share the pure pieces below (record and vector encoding,
the fingerprint XOR) and the raw-upload folder (`UploadFolder`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import sqlite3
import tempfile
import threading
import time
import uuid
import weakref
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, ContextManager, Iterable, Iterator, Protocol, runtime_checkable

import numpy as np

from lib.core.errors import StoreError
from lib.core.file_names import safe_name
from lib.core.memory import gc_paused
from lib.core.models import (
    Article,
    CatalogueChanges,
    CatalogueEntry,
    CatalogueSummary,
    PublishedDate,
    RemovedBlock,
    Sentence,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    raw_sha256 TEXT NOT NULL,
    source_file TEXT NOT NULL,
    origin TEXT NOT NULL,            -- 'bundled' (a file in the data dir) or 'upload'
    raw_path TEXT NOT NULL,          -- where the raw bytes live, relative to data_dir
    pipeline TEXT NOT NULL,          -- fingerprint of the code that produced the record
    record TEXT NOT NULL,            -- Article as JSON
    added_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_raw ON articles(raw_sha256);
-- Covers `rows()` (every sync at process start): read from the index in order, not from the
-- 1 GB of records at 100k articles with a sort (0.25 s -> 0.12 s at 100k).
CREATE INDEX IF NOT EXISTS articles_rows ON articles(source_file, article_id, raw_sha256, origin, raw_path, pipeline);
CREATE TABLE IF NOT EXISTS rejected (
    raw_sha256 TEXT PRIMARY KEY,     -- inputs in the data dir that could not be read,
    source_file TEXT NOT NULL,       -- remembered so they are not retried every launch
    pipeline TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lsh (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lsh_band ON lsh(band);
-- Without it every put/remove scans the whole lsh table (16 rows per article): O(n) per write.
CREATE INDEX IF NOT EXISTS lsh_article ON lsh(article_id);
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    article_id TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vectors BLOB NOT NULL,
    sha256 TEXT NOT NULL,            -- hash of the blob: a corrupt entry is rebuilt, not trusted
    PRIMARY KEY (model, article_id)
);
CREATE INDEX IF NOT EXISTS embeddings_article ON embeddings(article_id);
CREATE TABLE IF NOT EXISTS cache (
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (name)
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- The catalogue: one slim row per article, written with its record (see the module docstring).
CREATE TABLE IF NOT EXISTS catalogue (
    article_id TEXT PRIMARY KEY,
    source_file TEXT NOT NULL,
    title TEXT NOT NULL,
    title_folded TEXT NOT NULL,      -- title.casefold(): the title filter ignores case in every script
    outlet TEXT NOT NULL,
    language TEXT NOT NULL,
    published_date TEXT,
    date_precision TEXT NOT NULL,
    date_stated INTEGER NOT NULL,
    date_clue TEXT NOT NULL,
    date_earliest TEXT,
    date_latest TEXT,
    date_day_month TEXT,
    sentence_count INTEGER NOT NULL,
    removed_count INTEGER NOT NULL,
    origin TEXT NOT NULL,
    sequence INTEGER NOT NULL        -- the write (changes.sequence) that last put it; 0 when migrated
);
CREATE UNIQUE INDEX IF NOT EXISTS catalogue_key ON catalogue(source_file, article_id);
CREATE INDEX IF NOT EXISTS catalogue_outlet ON catalogue(outlet, source_file, article_id);
CREATE INDEX IF NOT EXISTS catalogue_language ON catalogue(language, source_file, article_id);
CREATE TABLE IF NOT EXISTS changes (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so a reader's last sequence stays meaningful
    article_id TEXT NOT NULL,
    change TEXT NOT NULL             -- 'added' (put, or put again) or 'removed'
);
CREATE TABLE IF NOT EXISTS inferred_dates (
    article_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,       -- the article set the date was inferred from
    published_date TEXT,
    date_precision TEXT NOT NULL,
    date_stated INTEGER NOT NULL,
    date_clue TEXT NOT NULL,
    date_earliest TEXT,
    date_latest TEXT,
    date_day_month TEXT
);
-- Stored views as rows (see "Stored views as rows" below): which key each view is stored under ...
CREATE TABLE IF NOT EXISTS view_sets (
    name TEXT PRIMARY KEY,           -- 'events', 'claims-view:<model>'
    view_key TEXT NOT NULL,          -- what the view was built for (contents, model, code, topics);
                                     -- its rows carry view_row_key(view_key)
    payload TEXT NOT NULL,           -- what belongs to the whole view (Compare's candidate sentences)
    sha256 TEXT NOT NULL
);
-- ... the Timeline's events, one slim row each (filters, counts, orders), their JSON apart ...
CREATE TABLE IF NOT EXISTS view_events (
    view_key TEXT NOT NULL,
    seq INTEGER NOT NULL,            -- the build's order (by date): the list's keyset
    event_id TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    is_context INTEGER NOT NULL,
    source_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,           -- one OUTLET_TOKEN per source (repeats kept: sources per outlet)
    languages TEXT NOT NULL,         -- the sources' languages, space-separated
    PRIMARY KEY (view_key, seq)
);
CREATE INDEX IF NOT EXISTS view_events_id ON view_events(view_key, event_id);
-- The chart's events (most sources first) read along the index, the filters checked in it.
CREATE INDEX IF NOT EXISTS view_events_reported
    ON view_events(view_key, source_count DESC, first_day, seq, last_day, is_context);
CREATE INDEX IF NOT EXISTS view_events_days ON view_events(view_key, is_context, first_day, last_day);
CREATE TABLE IF NOT EXISTS view_event_payloads (
    view_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    payload TEXT NOT NULL,           -- the Event as JSON (every source with its quote)
    PRIMARY KEY (view_key, seq)
);
-- ... and Compare's topics (no claims) and claims, read per topic on screen.
CREATE TABLE IF NOT EXISTS view_topics (
    view_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    topic_id TEXT NOT NULL,
    status TEXT NOT NULL,
    seeded INTEGER NOT NULL,
    source_count INTEGER NOT NULL,
    claim_count INTEGER NOT NULL,
    figures TEXT NOT NULL,           -- JSON list: the figures compared, in words
    payload TEXT NOT NULL,           -- the Topic as JSON without its claims
    PRIMARY KEY (view_key, seq)
);
CREATE TABLE IF NOT EXISTS view_claims (
    view_key TEXT NOT NULL,
    topic_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    report_date TEXT,
    payload TEXT NOT NULL,           -- the Claim as JSON
    PRIMARY KEY (view_key, topic_seq, seq)
);
-- A view extended in place (`extend_view_in_place`): its rows keep the row key it was first stored
-- with (`row_key`) while `view_sets` names its new key (`view_key`).
CREATE TABLE IF NOT EXISTS view_rows_at (
    name TEXT PRIMARY KEY,
    view_key TEXT NOT NULL,
    row_key TEXT NOT NULL
);
-- What the Timeline's events were merged from, kept to place an added article's mentions
-- (`lib.events.incremental`); never read by a page.
CREATE TABLE IF NOT EXISTS view_event_mentions (
    view_key TEXT NOT NULL,
    event_id TEXT NOT NULL,
    number INTEGER NOT NULL,         -- the mention's place among its event's mentions
    article_id TEXT NOT NULL,
    first_day INTEGER NOT NULL,      -- the mention's interval, as day ordinals
    last_day INTEGER NOT NULL,
    dating INTEGER NOT NULL,         -- 0: dated to a day by its own words; 1: other, up to a month; 2: wider
    compared INTEGER NOT NULL,       -- 1: merged by its clause (else it joined its report's earlier sentence)
    language TEXT NOT NULL,          -- the sentence's language (`merge.mention_language`)
    kinds INTEGER NOT NULL,          -- 1: the sentence names a kind of happening (`merge.kinds_of`)
    vector BLOB NOT NULL,            -- the clause vector (float16), empty when not compared
    mention TEXT NOT NULL,           -- the mention as JSON (its sentence by offsets in the article body)
    PRIMARY KEY (view_key, event_id, number)
);
-- an event's first mention by its days: what an added mention is compared with (`lib.events.incremental._nearby_rows`)
DROP INDEX IF EXISTS view_event_mentions_days;
CREATE INDEX IF NOT EXISTS view_event_firsts_days ON view_event_mentions(view_key, dating, first_day) WHERE number = 0;
CREATE INDEX IF NOT EXISTS view_event_mentions_article ON view_event_mentions(view_key, article_id);
"""
FINGERPRINT_KEY = "articles_xor"
CATALOGUE_KEY = "catalogue_version"  # meta row present once the catalogue was filled from the records
CATALOGUE_VERSION = "1"
INFERRED_DATES_KEY = "inferred_dates_fingerprint"
# The fingerprint of the last whole inference (put_inferred_dates). Dates added for new articles since
# (add_inferred_dates) move INFERRED_DATES_KEY on but keep this one: a view built while it held can be
# brought up to date with the added articles alone, since no earlier article's inferred date changed.
INFERRED_DATES_BASE_KEY = "inferred_dates_base"
# sqlite error names that mean "the file is damaged" (as opposed to busy/locked/full).
_CORRUPTION_ERRORS = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_VTAB"}
# Databases this process already integrity-checked (quick_check reads the whole file).
_CHECKED: set[tuple[str, int]] = set()
_FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024
# A database file unchanged since a process last checked it whole is not read whole again at open: the
# check's result is kept beside it (`store.sqlite.checked`) with the file's inode, size and mtime (and
# its write-ahead log's). A marker is trusted only when the file was last modified well before the
# marker was written: file times are kept in coarse ticks, so a change in the same tick as the check
# could leave size and mtime as they were (git's "racy timestamps" rule, with a wide margin).
_CHECK_MARKER_VERSION = 1
_RACY_MARGIN_NS = 2_000_000_000
_BUSY_TIMEOUT_MS = 60_000  # how long a connection's write waits for another writer, unless told less
_CHECKED_LOCK = threading.Lock()
# Every connection this process opened, closed at exit: the last close of a WAL
# database checkpoints it, so a cleanly exited CLI run leaves one store.sqlite.
_OPEN_CONNECTIONS: "weakref.WeakSet[_Connection]" = weakref.WeakSet()


class _Connection(sqlite3.Connection):
    """A plain sqlite3 connection that can be weakly referenced (for the exit hook)."""


@atexit.register
def _close_connections_at_exit() -> None:
    for connection in list(_OPEN_CONNECTIONS):
        try:
            connection.close()
        except Exception:
            pass


def is_corruption(error: BaseException) -> bool:
    """True when a sqlite error means the database file is damaged (not busy, locked or full)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name in _CORRUPTION_ERRORS:
        return True
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


BUSY_MESSAGE = "The collection is busy (another window or command is adding articles). Try again in a minute."


def cannot_write_error(store_dir: Path, reason: str | None = None) -> StoreError:
    """The StoreError for a store folder StoryLens cannot write to (`reason`: the OS's words, if any)."""
    because = f" ({reason})" if reason else ""
    return StoreError(
        f"StoryLens cannot write to {store_dir}{because}. Choose a data folder you can write to "
        "(--data DIR or STORYLENS_DATA)."
    )


def store_error_from(error: sqlite3.Error, store_dir: Path) -> "StoreError":
    """A user-facing StoreError for a sqlite failure."""
    text = str(error).lower()
    if is_corruption(error):
        return StoreError(
            f"The collection database in {store_dir} is damaged ({error}). Restart StoryLens: "
            "it is rebuilt from the saved article files and no article is lost."
        )
    if "locked" in text or "busy" in text:
        return StoreError(BUSY_MESSAGE)
    if "full" in text:
        return StoreError(f"The disk holding {store_dir} is full. Free some space and try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return cannot_write_error(store_dir)
    return StoreError(f"The collection database could not be used ({error}). Try again; if it persists, report it.")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        _fsync_directory(path.parent)  # make the rename itself survive a power cut
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def _fsync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported here (e.g. Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _article_hash(article_id: str, pipeline: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{article_id}:{pipeline}".encode()).digest(), "big")


def article_to_record(article: Article) -> str:
    return json.dumps(asdict(article), ensure_ascii=False)


DAMAGED_RECORD_MESSAGE = (
    "An article record in the collection database cannot be read ({error}): the database is damaged. "
    "StoryLens rebuilds it from the saved article files (the data folder's articles and "
    ".storylens/uploads), with no article lost: delete .storylens/store.sqlite (keep the uploads folder; "
    "on PostgreSQL, drop the collection's schema) and start StoryLens again."
)


def article_from_record(record: str) -> Article:
    """The Article a stored record holds; StoreError (with the way to rebuild) when it is damaged."""
    try:
        data = json.loads(record)
        data["published"] = PublishedDate(**data["published"])
        data["removed"] = tuple(RemovedBlock(**block) for block in data["removed"])
        data["sentences"] = tuple(Sentence(**sentence) for sentence in data["sentences"])
        return Article(**data)
    except (ValueError, TypeError, KeyError) as error:  # not JSON, or not an article's fields
        raise StoreError(DAMAGED_RECORD_MESSAGE.format(error=type(error).__name__)) from error


def xor_fingerprint_value(value: str | None, removed: Iterable[tuple[str, str]], added: tuple[str, str] | None) -> str:
    """The XOR aggregate (64 hex digits) after taking out `removed` and putting in `added`.

    Each entry is (article_id, pipeline); `value` None is the empty set. Order-independent,
    so the same set of articles gives the same value in every backend.
    """
    total = int(value, 16) if value else 0
    for article_id, pipeline in removed:
        total ^= _article_hash(article_id, pipeline)
    if added:
        total ^= _article_hash(*added)
    return f"{total:064x}"


def fingerprint_from_xor(value: str) -> str:
    """The short fingerprint callers see, from the stored XOR aggregate."""
    return hashlib.sha256(f"articles:{value}".encode()).hexdigest()[:16]


def encode_vectors(vectors: np.ndarray) -> tuple[int, bytes, str]:
    """(dimension, float32 bytes, their SHA-256): what a store keeps for one article's vectors."""
    blob = np.ascontiguousarray(vectors, dtype=np.float32).tobytes()
    return int(vectors.shape[1]), blob, sha256_bytes(blob)


def decode_vectors(dim: int, blob, expected_sha: str) -> np.ndarray | None:
    """The vectors, or None when the entry is damaged (hash, length, dimension or non-finite values)."""
    if isinstance(blob, memoryview):
        blob = bytes(blob)
    if not isinstance(blob, bytes) or sha256_bytes(blob) != expected_sha or dim <= 0 or len(blob) % (4 * dim):
        return None
    vectors = np.frombuffer(blob, dtype=np.float32).reshape(-1, dim)
    if not np.isfinite(vectors).all():
        return None
    return vectors


def encode_payload(payload) -> tuple[str, str]:
    """(JSON text, its SHA-256) for a derived-cache payload."""
    text = json.dumps(payload, ensure_ascii=False)
    return text, sha256_bytes(text.encode("utf-8", "surrogatepass"))


def decode_payload(text, expected_sha: str):
    """The payload, or None when the text is damaged (hash mismatch or not JSON)."""
    if not isinstance(text, str) or sha256_bytes(text.encode("utf-8", "surrogatepass")) != expected_sha:
        return None
    try:
        with gc_paused():  # a stored view is a large tree of small objects (see gc_paused)
            return json.loads(text)
    except ValueError:
        return None


# -- the catalogue: pure pieces both backends share ------------------------------------------
DATE_COLUMNS = (
    "published_date", "date_precision", "date_stated", "date_clue", "date_earliest", "date_latest", "date_day_month",
)
# A date spanning more than this many days is "loose" (kept out of a collection's date range);
# the same rule as lib.present.overview.is_loose, which a test keeps equal.
LOOSE_DAYS = 62


def date_values(published: PublishedDate) -> tuple:
    """The DATE_COLUMNS values of one publication date."""
    return (
        published.date, published.precision, bool(published.stated), published.clue,
        published.earliest, published.latest, published.day_month,
    )


def catalogue_values(article: Article, origin: str) -> tuple:
    """One catalogue row without its sequence: id, file, title, folded title, outlet, language,
    DATE_COLUMNS, sentence and removed-block counts, origin."""
    return (
        article.article_id, article.source_file, article.title, article.title.casefold(), article.outlet,
        article.language, *date_values(article.published), len(article.sentences), len(article.removed), origin,
    )


def _effective(column: str) -> str:
    # The inferred date wins only when one is stored for the current fingerprint (the join's condition).
    return f"CASE WHEN i.article_id IS NULL THEN c.{column} ELSE i.{column} END AS {column}"


EFFECTIVE_DATES = ", ".join(_effective(column) for column in DATE_COLUMNS)
ENTRY_SELECT = (
    "c.article_id, c.source_file, c.title, c.outlet, c.language, " + EFFECTIVE_DATES
    + ", c.sentence_count, c.removed_count, c.origin, c.sequence"
)


def published_from_values(values) -> PublishedDate:
    date, precision, stated, clue, earliest, latest, day_month = values
    return PublishedDate(date, precision, bool(stated), clue, earliest, latest, day_month)


def entry_from_row(row) -> CatalogueEntry:
    """A CatalogueEntry from a row selected with ENTRY_SELECT."""
    return CatalogueEntry(
        article_id=row[0], source_file=row[1], title=row[2], outlet=row[3], language=row[4],
        published=published_from_values(row[5:12]), sentence_count=row[12], removed_count=row[13],
        origin=row[14], sequence=row[15],
    )


def catalogue_query(
    table_prefix: str,
    mark: str,
    contains: str,
    fingerprint: str,
    after: tuple[str, str] | None,
    limit: int,
    outlet: str | None,
    language: str | None,
    title_contains: str | None,
) -> tuple[str, list]:
    """The SQL of one catalogue page and its parameters, for either backend.

    `mark` is the placeholder ('?' or '%s'), `contains` the substring test with two `{}`
    (haystack, needle). Keyset paging: rows after `after` in (source_file, article_id)
    order, read along an index whatever the page number (no OFFSET).
    """
    if limit < 1:
        raise ValueError(f"a catalogue page holds at least one article (limit={limit})")
    where, params = [], [fingerprint]
    if after is not None:
        where.append(f"(c.source_file, c.article_id) > ({mark}, {mark})")
        params += [after[0], after[1]]
    if outlet:
        where.append(f"c.outlet = {mark}")
        params.append(outlet)
    if language:
        where.append(f"c.language = {mark}")
        params.append(language)
    if title_contains:
        where.append(contains.format("c.title_folded", mark))
        params.append(title_contains.casefold())
    sql = (
        f"SELECT {ENTRY_SELECT} FROM {table_prefix}catalogue c LEFT JOIN {table_prefix}inferred_dates i "
        f"ON i.article_id = c.article_id AND i.fingerprint = {mark}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY c.source_file, c.article_id LIMIT {mark}"
    )
    return sql, params + [int(limit)]


def summary_queries(table_prefix: str, mark: str, span_days: str, separator: str) -> dict[str, str]:
    """The aggregate queries behind `catalogue_summary`, for either backend.

    `span_days` is the dialect's days between `date_earliest` and `date_latest`; `separator`
    its expression for the character U+0001 (below any character of a date or a file name,
    so "date, file, id" joined by it sort as the tuple does). One scan of the catalogue
    (joined to the current inferred dates) gives the counts and the keys of the first and
    last closely dated articles; their dates are then read by id.
    """
    joined = (
        f"FROM {table_prefix}catalogue c LEFT JOIN {table_prefix}inferred_dates i "
        f"ON i.article_id = c.article_id AND i.fingerprint = {mark}"
    )
    dated = "(published_date IS NOT NULL AND date_precision <> 'unknown')"
    loose = (
        f"(CASE WHEN NOT {dated} THEN 0 WHEN date_earliest IS NOT NULL AND date_latest IS NOT NULL "
        f"THEN (CASE WHEN {span_days} > {LOOSE_DAYS} THEN 1 ELSE 0 END) "
        "WHEN date_precision = 'year' THEN 1 ELSE 0 END)"
    )
    flagged = (
        f"SELECT CASE WHEN {dated} THEN 1 ELSE 0 END AS dated, {loose} AS loose, "
        f"coalesce(date_earliest, published_date) || {separator} || source_file || {separator} || article_id AS first_key, "
        f"coalesce(date_latest, published_date) || {separator} || source_file || {separator} || article_id AS last_key "
        f"FROM (SELECT c.article_id, c.source_file, {EFFECTIVE_DATES} {joined}) e"
    )
    return {
        "outlets": f"SELECT outlet, count(*) FROM {table_prefix}catalogue GROUP BY outlet",
        "languages": f"SELECT language, count(*) FROM {table_prefix}catalogue GROUP BY language",
        "totals": "SELECT count(*), coalesce(sum(loose), 0), coalesce(sum(1 - dated), 0), "
        "min(CASE WHEN dated = 1 AND loose = 0 THEN first_key END), "
        f"max(CASE WHEN dated = 1 AND loose = 0 THEN last_key END) FROM ({flagged}) f",
        "dates_of": f"SELECT {EFFECTIVE_DATES} {joined} WHERE c.article_id = {mark}",
        # The same first and last keys alone (`catalogue_ends`), and every distinct date (`catalogue_dates`).
        "ends": "SELECT min(CASE WHEN dated = 1 AND loose = 0 THEN first_key END), "
        f"max(CASE WHEN dated = 1 AND loose = 0 THEN last_key END) FROM ({flagged}) f",
        "distinct_dates": f"SELECT DISTINCT {', '.join(DATE_COLUMNS)} FROM (SELECT {EFFECTIVE_DATES} {joined}) e",
    }


def read_summary(run, queries: dict[str, str], fingerprint: str) -> CatalogueSummary:
    """A CatalogueSummary from `summary_queries`; `run(sql, params)` returns a statement's rows."""
    outlets = run(queries["outlets"], ())
    languages = run(queries["languages"], ())
    count, loose, undated, first_key, last_key = run(queries["totals"], (fingerprint,))[0]

    def dates_of(key):
        if key is None:
            return None
        rows = run(queries["dates_of"], (fingerprint, key_article_id(key)))
        return published_from_values(rows[0]) if rows else None

    return CatalogueSummary(
        article_count=int(count),
        outlet_counts=tuple(sorted((name, int(number)) for name, number in outlets)),
        language_counts=tuple(sorted((name, int(number)) for name, number in languages)),
        first=dates_of(first_key),
        last=dates_of(last_key),
        loose_count=int(loose),
        undated_count=int(undated),
    )


def key_article_id(key: str | None) -> str | None:
    """The article id ending a "date, file, id" key of `summary_queries` (None for None)."""
    return None if key is None else key.rsplit("\x01", 1)[1]


def ends_from(store: "ArticleStore", keys) -> tuple[CatalogueEntry | None, CatalogueEntry | None]:
    """The catalogue entries of the first and last keys `summary_queries["ends"]` gave (read by id)."""
    ids = [key_article_id(key) for key in keys]
    found = {entry.article_id: entry for entry in store.catalogue_entries([i for i in ids if i is not None])}
    return found.get(ids[0]) if ids[0] else None, found.get(ids[1]) if ids[1] else None


SUMMARY_CACHE = "catalogue_summary"  # the derived-cache entry holding the last summary
# The derived-cache entry of `lib.present.catalogue.catalogue_overview` (the ends' ids, the date span).
# Both depend on the inferred dates, which a new inference may change under the same key: dropped with them.
OVERVIEW_CACHE = "catalogue_overview"


def stored_summary(store: "ArticleStore", compute) -> CatalogueSummary:
    """The catalogue summary for the store's current articles and inferred dates: read from the
    derived cache when it was computed for exactly these, else `compute()`d and kept there, so a
    new process (a restarted app) reads one row instead of scanning the catalogue."""
    key = f"{store.fingerprint()}:{store.inferred_dates_fingerprint()}"
    payload = store.get_cache(SUMMARY_CACHE, key)
    if payload is not None:
        try:
            return _summary_from_json(payload)
        except (KeyError, TypeError, ValueError):
            pass  # written by another version: compute it again
    summary = compute()
    keep_derived(store, SUMMARY_CACHE, key, asdict(summary))
    return summary


# A derived view waits this long for another writer (an ingest in another process, say) before
# it is left unkept: a reader must not stall for the full writer wait to save a rebuild.
DERIVED_WRITE_WAIT_S = 1.0


def keep_derived(store: "ArticleStore", name: str, fingerprint: str, payload) -> bool:
    """Keep a derived payload (a summary, events, claims) in the store's cache if the store
    takes a write within DERIVED_WRITE_WAIT_S; True when kept. A busy or read-only store
    only logs: the caller has its result, and the next reader computes it again."""
    return _kept(name, lambda: store.put_cache(name, fingerprint, payload, wait_s=DERIVED_WRITE_WAIT_S))


def _kept(name: str, write) -> bool:
    """`write()` of the derived data `name`; False, logged, when the store refuses it (busy, read-only)."""
    try:
        write()
    except StoreError as error:
        import logging

        logging.getLogger(__name__).warning("%s not kept in the store: %s", name, error)
        return False
    return True


def _summary_from_json(payload: dict) -> CatalogueSummary:
    def date(value):
        return None if value is None else PublishedDate(**value)

    return CatalogueSummary(
        article_count=int(payload["article_count"]),
        outlet_counts=tuple((name, int(count)) for name, count in payload["outlet_counts"]),
        language_counts=tuple((name, int(count)) for name, count in payload["language_counts"]),
        first=date(payload["first"]),
        last=date(payload["last"]),
        loose_count=int(payload["loose_count"]),
        undated_count=int(payload["undated_count"]),
    )


def changes_from(rows, latest: int) -> CatalogueChanges:
    """CatalogueChanges from (sequence, article_id, change) rows in sequence order: last change wins."""
    last: dict[str, str] = {}
    for _sequence, article_id, change in rows:
        last.pop(article_id, None)
        last[article_id] = change
    return CatalogueChanges(
        sequence=int(latest),
        added=tuple(article_id for article_id, change in last.items() if change == "added"),
        removed=tuple(article_id for article_id, change in last.items() if change == "removed"),
    )


def catalogue_pages(
    store: "ArticleStore", page_size: int = 1000, after: tuple[str, str] | None = None, **filters
) -> Iterator[list[CatalogueEntry]]:
    """Every catalogue entry after `after` matching `filters` (as `catalogue` takes them), a keyset page at a time."""
    while True:
        page = store.catalogue(after=after, limit=page_size, **filters)
        if page:
            yield page
        if len(page) < page_size:
            return
        after = page[-1].key


def contents_key(fingerprint: str, dates_at: str | None) -> str:
    """What every stored view (events, claims) depends on besides its model and code: the set of
    articles (`fingerprint`) and the publication dates inferred across them (`dates_at`: the
    fingerprint they were inferred at). A loaded corpus infers its dates over exactly its own
    articles, so its key is `contents_key(fp, fp)`; a store's is `store_contents_key`."""
    return f"{fingerprint}/dates@{dates_at or 'none'}"


def added_limit(base_articles: int) -> int:
    """How many articles may be added since a derived thing's whole build (inferred dates, events,
    claims, search index) for it to be extended by them alone; past it, it is built whole again:
    max(50, 2 % of the base's articles)."""
    return max(50, base_articles * 2 // 100)


def store_contents_key(store: "ArticleStore") -> str:
    """The contents key of the store as it is now (two one-row reads, no article loaded). It equals a
    freshly loaded corpus's key only while the stored inferred dates are those of the current
    articles: a view stored under it then shows what a rebuild from the corpus would."""
    return contents_key(store.fingerprint(), store.inferred_dates_fingerprint())


# -- stored views as rows: pure pieces both backends share -----------------------------------
# A view (the Timeline's events, Compare's topics and claims) is stored as rows of the view_*
# tables under its key, and `view_sets` names the key each view is stored under now. A view is
# written in one transaction that also deletes the rows of the key it replaces, so a reader sees
# the old view whole or the new one whole, never half of one (`put_view`). Readers check the key
# first (`view_key`, one row) and then read only the rows they show, by key (`read_view`).
VIEW_COLUMNS = {
    "view_events": ("view_key", "seq", "event_id", "first_day", "last_day", "date_precision", "is_context",
                    "source_count", "article_count", "outlets", "languages"),
    "view_event_payloads": ("view_key", "seq", "payload"),
    "view_topics": ("view_key", "seq", "topic_id", "status", "seeded", "source_count", "claim_count", "figures",
                    "payload"),
    "view_claims": ("view_key", "topic_seq", "seq", "article_id", "report_date", "payload"),
    "view_event_mentions": ("view_key", "event_id", "number", "article_id", "first_day", "last_day", "dating", "compared",
                            "language", "kinds", "vector", "mention"),
}
VIEW_ROWS_KEY = "view_rows_version"  # meta row: the whole-view cache entries were dropped once


class DamagedViewError(StoreError):
    """A stored view's row could not be read back (damaged, or written by other code). The reader
    drops the view (`drop_view`) and builds it again from the articles."""

    def __init__(self, what: str):
        super().__init__(
            f"The stored {what} could not be read back (a damaged row); they are being built again from the articles."
        )


def outlet_token(outlet: str) -> str:
    """How one source's outlet is written in `view_events.outlets`: between two control characters
    no outlet name holds, so counting a token counts that outlet's sources exactly."""
    return f"\x1f{outlet}\x1e"


def view_row_key(key: str) -> str:
    """The short form of a view key its rows carry (a key is ~100 characters, repeated in every row and index)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def view_sql(sql: str, table_prefix: str, mark: str) -> str:
    """A view query written with `{p}` before each table and `?` placeholders, in a backend's dialect."""
    return sql.format(p=table_prefix).replace("?", mark)


def view_rows_key_of(one_row, name: str, key: str, mark: str) -> str:
    """`view_rows_key` on a backend: `one_row(sql, params)` runs a query written with `{p}` before each table."""
    row = one_row(f"SELECT row_key FROM {{p}}view_rows_at WHERE name = {mark} AND view_key = {mark}", (name, key))
    return row[0] if row else view_row_key(key)


def keep_view(store: "ArticleStore", name: str, key: str, payload, rows: dict[str, list[tuple]]) -> bool:
    """Store a view's rows (`put_view`) if the store takes a write within DERIVED_WRITE_WAIT_S; True
    when kept. Like `keep_derived`: a busy or read-only store only logs, the caller keeps its result."""
    return _kept(name, lambda: store.put_view(name, key, payload, rows, wait_s=DERIVED_WRITE_WAIT_S))


def entries_query(table_prefix: str, mark: str, count: int) -> str:
    """The catalogue rows of `count` article ids (with the inferred dates of `fingerprint`, the first parameter)."""
    return (
        f"SELECT {ENTRY_SELECT} FROM {table_prefix}catalogue c LEFT JOIN {table_prefix}inferred_dates i "
        f"ON i.article_id = c.article_id AND i.fingerprint = {mark} "
        f"WHERE c.article_id IN ({', '.join([mark] * count)}) ORDER BY c.source_file, c.article_id"
    )


@runtime_checkable
class ArticleStore(Protocol):
    """What callers (ingest, corpus loading, views, CLI) use of a store, whatever the backend.

    Guarantees of every implementation: each write is atomic; an article is
    stored once by id; `fingerprint` is the same for the same set of
    (article id, pipeline) in every backend; damaged embeddings or cache
    entries read as missing; failures a user can hit are `StoreError`.
    """

    data_dir: Path
    store_dir: Path
    uploads_dir: Path

    def close(self) -> None: ...
    def transaction(self) -> ContextManager[Any]: ...
    def write_lock(self) -> Any: ...
    def save_upload(self, name: str, data: bytes) -> Path: ...
    def read_raw(self, raw_path: str) -> bytes: ...
    def upload_files(self) -> list[Path]: ...
    def put_article(
        self, article: Article, origin: str, raw_path: str, pipeline: str, lsh_bands: list[str], replaces: str | None = None
    ) -> None: ...
    def remove_article(self, article_id: str) -> bool: ...
    def rows(self) -> list[tuple[str, str, str, str, str, str]]: ...
    def origin_of(self, article_id: str) -> str | None: ...
    def articles(self) -> list[Article]: ...
    def article(self, article_id: str) -> Article | None: ...
    def find_by_raw_sha(self, raw_sha256: str) -> tuple[str, str] | None: ...
    def source_file_of(self, article_id: str) -> str | None: ...
    def near_duplicate_candidates(self, lsh_bands: list[str]) -> set[str]: ...
    def bodies(self, article_ids) -> dict[str, str]: ...
    def count(self) -> int: ...
    def fingerprint(self) -> str: ...
    def remember_rejected(self, raw_sha256: str, source_file: str, pipeline: str, message: str) -> None: ...
    def rejected_before(self, raw_sha256: str, pipeline: str) -> str | None: ...
    def get_embeddings(self, model: str, article_id: str) -> np.ndarray | None: ...
    def put_embeddings(self, model: str, article_id: str, vectors: np.ndarray) -> None: ...
    def get_cache(self, name: str, fingerprint: str): ...
    def put_cache(self, name: str, fingerprint: str, payload, *, wait_s: float | None = None) -> None: ...
    def catalogue(
        self,
        after: tuple[str, str] | None = None,
        limit: int = 50,
        outlet: str | None = None,
        language: str | None = None,
        title_contains: str | None = None,
    ) -> list[CatalogueEntry]: ...
    def catalogue_summary(self) -> CatalogueSummary: ...
    def catalogue_ends(self) -> tuple[CatalogueEntry | None, CatalogueEntry | None]: ...
    def catalogue_dates(self) -> list[PublishedDate]: ...
    def changes_since(self, sequence: int) -> CatalogueChanges: ...
    def write_sequence(self) -> int: ...
    def put_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None: ...
    def inferred_dates_fingerprint(self) -> str | None: ...
    def add_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None: ...
    def inferred_dates_base(self) -> str | None: ...
    def catalogue_entries(self, article_ids) -> list[CatalogueEntry]: ...
    def put_view(self, name: str, key: str, payload, rows: dict[str, list[tuple]], *, wait_s: float | None = None) -> None: ...
    def extend_view(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                    kept: dict[str, tuple[str, list, list]], *, wait_s: float | None = None) -> bool: ...
    def extend_view_in_place(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                             dropped: dict[str, tuple[str, list]], *, wait_s: float | None = None) -> bool: ...
    def view_rows_key(self, name: str, key: str) -> str: ...
    def articles_put_by(self, article_ids, sequence: int) -> set[str]: ...
    def view_key(self, name: str) -> str | None: ...
    def view_payload(self, name: str, key: str): ...
    def read_view(self, sql: str, params) -> list[tuple]: ...
    def drop_view(self, name: str) -> None: ...


class UploadFolder:
    """Raw bytes of added articles as files under `uploads_dir` (every backend keeps them so).

    The raw files are the source of truth: a lost or damaged database is rebuilt
    from them. Needs `data_dir`, `store_dir` and `uploads_dir` set by the subclass.
    """

    data_dir: Path
    store_dir: Path
    uploads_dir: Path

    def save_upload(self, name: str, data: bytes) -> Path:
        """Keep the raw bytes of an added article; returns the path relative to data_dir.

        The file lands in `uploads/<sha256>/<plain name>` whatever `name` holds
        (folders, '..' and control characters are dropped), written atomically.
        """
        raw_sha = sha256_bytes(data)
        folder = self.uploads_dir / raw_sha
        target = folder / safe_name(name)
        if target.parent != folder:  # defence in depth: safe_name never yields a path
            raise StoreError(f"'{name}' is not a usable file name. Rename the file and retry.")
        try:
            if not (target.exists() and target.stat().st_size == len(data)):
                atomic_write_bytes(target, data)
        except OSError as error:
            if error.errno == 28:  # ENOSPC
                raise StoreError(f"The disk holding {self.store_dir} is full. Free some space and retry.") from error
            raise StoreError(
                f"Could not save '{target.name}' in {self.uploads_dir} ({error.strerror}). "
                "Check that the data folder is writable and retry."
            ) from error
        return target.relative_to(self.data_dir)

    def read_raw(self, raw_path: str) -> bytes:
        return (self.data_dir / raw_path).read_bytes()

    def upload_files(self) -> list[Path]:
        """Raw files a user added earlier (each in a folder named by its hash)."""
        if not self.uploads_dir.exists():
            return []
        return sorted(
            path
            for path in self.uploads_dir.glob("*/*")
            if path.is_file() and not path.name.startswith(".tmp-")
        )

    def _delete_upload(self, origin: str, raw_path: str) -> None:
        """After a removed article's record is gone: delete its raw upload (bundled files stay)."""
        if origin != "upload":
            return
        raw_file = self.data_dir / raw_path
        if raw_file.exists():
            raw_file.unlink()
            try:
                raw_file.parent.rmdir()
            except OSError:
                pass


class Store(UploadFolder):
    """The articles of one data directory, with their derived data.

    Guarantees: every write is atomic; an article is stored once (by cleaned
    body hash); a record produced by older code is reported as stale so the
    caller can re-derive it from its raw bytes; a damaged database file is
    moved aside and recreated empty (the next sync refills it from the raw
    files); sqlite failures surface as `StoreError` with a user-facing message.
    Safe to use from several threads and processes at once.
    """

    lock_timeout_s = 120.0  # how long a writer waits for another one before saying "busy"

    def __init__(self, data_dir: Path, store_dir: Path):
        self.data_dir = Path(data_dir)
        self.store_dir = Path(store_dir)
        self.uploads_dir = self.store_dir / "uploads"
        self.db_path = self.store_dir / "store.sqlite"
        self.recovered_from: Path | None = None  # where a damaged database was moved, if it was
        self.check_marker = self.store_dir / "store.sqlite.checked"
        # What opening checked: "integrity" (whole file), "quick" (every table but derived data), "unchanged"
        # (the file is as it was at the last check that passed), "" (checked earlier in this process, or new).
        self.open_check = ""
        self._local = threading.local()
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create the StoryLens store in {self.store_dir}: {error.strerror}. "
                "Choose a data folder you can write to (--data DIR or STORYLENS_DATA)."
            ) from error
        self._open_database()

    # -- database plumbing -------------------------------------------------
    def _new_connection(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.db_path, timeout=60, isolation_level=None, check_same_thread=False, factory=_Connection
        )
        connection.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous=NORMAL")
        _OPEN_CONNECTIONS.add(connection)
        return connection

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends or at exit)."""
        self._forget_connection()

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection to the database (opened on first use).

        sqlite3 connections must not cross threads (Streamlit runs each session
        in its own thread) and must not survive a fork. Keeping one open per
        thread matters for speed: when the last connection to a WAL database
        closes, SQLite checkpoints and deletes the WAL, which costs several
        fsyncs per operation.
        """
        local = self._local
        connection = getattr(local, "connection", None)
        if connection is None or getattr(local, "pid", None) != os.getpid():
            connection = self._new_connection()
            local.connection, local.pid, local.depth = connection, os.getpid(), 0
        return connection

    def _forget_connection(self) -> None:
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        if connection is not None:
            try:
                connection.close()
            except sqlite3.Error:
                pass

    def _file_key(self) -> tuple[str, int]:
        try:
            return (str(self.db_path.resolve()), self.db_path.stat().st_ino)
        except OSError:
            return (str(self.db_path.resolve()), -1)

    def _open_database(self) -> None:
        key = self._file_key()
        with _CHECKED_LOCK:
            checked = key in _CHECKED
        # One process at a time: two processes creating the tables of a new file
        # (or switching it to WAL) at once can get SQLITE_BUSY at once, without
        # SQLite's busy wait, when each holds a read lock the other must upgrade.
        with self._opening_lock():
            try:
                self._prepare(check=not checked)
            except sqlite3.DatabaseError as error:
                if not is_corruption(error):
                    raise store_error_from(error, self.store_dir) from error
                self._move_damaged_aside()
                self._prepare(check=False)
        with _CHECKED_LOCK:
            _CHECKED.add(self._file_key())

    @contextmanager
    def _opening_lock(self) -> Iterator[None]:
        """The inter-process write lock, with its failures as StoreErrors."""
        from filelock import Timeout

        try:
            lock = self.write_lock()
            lock.acquire()
        except Timeout as error:
            raise StoreError(BUSY_MESSAGE) from error
        except OSError as error:
            raise cannot_write_error(self.store_dir, error.strerror) from error
        try:
            yield
        finally:
            lock.release()

    def _file_state(self) -> dict:
        """The database file's and its write-ahead log's inode, size and mtime (None for a missing log)."""

        def state(path: Path):
            try:
                status = path.stat()
            except FileNotFoundError:
                return None
            return [status.st_ino, status.st_size, status.st_mtime_ns]

        return {"version": _CHECK_MARKER_VERSION, "db": state(self.db_path), "wal": state(Path(f"{self.db_path}-wal"))}

    def _unchanged_since_checked(self) -> bool:
        """True when the marker of the last check that passed describes the files as they are now, and
        was written more than _RACY_MARGIN_NS after either was last modified."""
        try:
            marker = json.loads(self.check_marker.read_text(encoding="utf-8"))
            checked_ns = int(marker.pop("checked_ns"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        state = self._file_state()
        if marker != state or state["db"] is None:
            return False
        modified_ns = max(files[2] for files in (state["db"], state["wal"]) if files)
        return modified_ns < checked_ns - _RACY_MARGIN_NS

    def _keep_check_marker(self) -> None:
        """Record that the file passed its check as it is now (a marker that cannot be written is left out)."""
        marker = {**self._file_state(), "checked_ns": time.time_ns()}
        try:
            atomic_write_bytes(self.check_marker, json.dumps(marker).encode())
        except OSError:
            self._forget_check_marker()

    def _forget_check_marker(self) -> None:
        try:
            self.check_marker.unlink()
        except OSError:
            pass

    def _prepare(self, check: bool) -> None:
        """Integrity-check (once per process, and only when the file changed since its last check
        passed), set WAL mode and create missing tables."""
        self._forget_connection()
        if check and self.db_path.exists() and self.db_path.stat().st_size > 0 and self._unchanged_since_checked():
            check, self.open_check = False, "unchanged"
        checked, before = False, self._file_state()["db"]
        connection = self._new_connection()
        try:
            if check and self.db_path.exists() and self.db_path.stat().st_size > 0:
                # integrity_check also proves every index matches its table (quick_check
                # does not: a damaged index then silently misses duplicates); it reads
                # the whole file, so past ~256 MB only the quick check runs at open.
                full = self.db_path.stat().st_size <= _FULL_CHECK_MAX_BYTES
                if full:
                    rows = connection.execute("PRAGMA integrity_check").fetchall()
                else:
                    # Past it, the quick check of every table but the stored views' rows and the sentence
                    # vectors: derived data most of a large file is made of (views 1.2 GB of 2.3 GB at 100k
                    # articles, 13.5 s -> 2.1 s on the loaded VM; the vectors of 1.5M sentences 2.3 GB, 4.3 s),
                    # rebuilt from the articles (each vector blob also carries its SHA-256); damage there
                    # surfaces when read.
                    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                    rows = [row for table in tables if table not in VIEW_COLUMNS and table != "embeddings"
                            for row in connection.execute(f"PRAGMA quick_check('{table}')").fetchall()]
                    rows = [row for row in rows if row[0] != "ok"] or [("ok",)]
                if [row[0] for row in rows] != ["ok"]:
                    error = sqlite3.DatabaseError("database disk image is malformed: " + "; ".join(r[0] for r in rows[:3]))
                    raise error
                checked, self.open_check = True, "integrity" if full else "quick"
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA)
            if connection.execute("SELECT 1 FROM meta WHERE key = ?", (FINGERPRINT_KEY,)).fetchone() is None:
                self._rebuild_fingerprint(connection)
            if connection.execute("SELECT 1 FROM meta WHERE key = ?", (CATALOGUE_KEY,)).fetchone() is None:
                self._fill_catalogue(connection)
            if connection.execute("SELECT 1 FROM meta WHERE key = ?", (VIEW_ROWS_KEY,)).fetchone() is None:
                # Written before views were rows: their whole-view cache entries are never read again.
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("DELETE FROM cache WHERE name = 'events' OR substr(name, 1, 11) = 'claims-view'")
                connection.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (VIEW_ROWS_KEY,))
                connection.execute("COMMIT")
        finally:
            connection.close()
        if checked and self._file_state()["db"] == before:  # else written meanwhile: the next open checks again
            self._keep_check_marker()

    @staticmethod
    def _fill_catalogue(connection: sqlite3.Connection) -> None:
        """Once, for a store written before the catalogue existed: one row per stored record.

        Read by SQLite's JSON functions, not by decoding every record in Python; one
        transaction, so a crash leaves no half-filled catalogue (the next open fills it).
        """
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute("DELETE FROM catalogue")
            connection.execute(
                "INSERT INTO catalogue SELECT article_id, source_file, json_extract(record, '$.title'), '', "
                "json_extract(record, '$.outlet'), json_extract(record, '$.language'), "
                "json_extract(record, '$.published.date'), json_extract(record, '$.published.precision'), "
                "json_extract(record, '$.published.stated'), json_extract(record, '$.published.clue'), "
                "json_extract(record, '$.published.earliest'), json_extract(record, '$.published.latest'), "
                "json_extract(record, '$.published.day_month'), json_array_length(record, '$.sentences'), "
                "json_array_length(record, '$.removed'), origin, 0 FROM articles"
            )
            # casefold in Python: SQLite's lower() folds ASCII only.
            titles = connection.execute("SELECT article_id, title FROM catalogue").fetchall()
            connection.executemany(
                "UPDATE catalogue SET title_folded = ? WHERE article_id = ?", [(title.casefold(), id_) for id_, title in titles]
            )
            connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (CATALOGUE_KEY, CATALOGUE_VERSION))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _move_damaged_aside(self) -> None:
        # The database is derived data: keep the damaged file for inspection
        # and start a new one, which the next sync refills from the raw files.
        self._forget_check_marker()
        stamp = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        moved = None
        for suffix in ("", "-wal", "-shm"):
            damaged = Path(str(self.db_path) + suffix)
            if damaged.exists():
                target = Path(f"{damaged}.corrupt-{stamp}")
                damaged.replace(target)
                moved = moved or target
        self.recovered_from = moved

    def _failed(self, error: sqlite3.Error) -> StoreError:
        if is_corruption(error):
            self._forget_connection()
            # Damage found while running: the next Store() for this file (in any process) re-checks and rebuilds.
            self._forget_check_marker()
            with _CHECKED_LOCK:
                _CHECKED.discard(self._file_key())
        return store_error_from(error, self.store_dir)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: all statements inside commit together or not at all.

        Nested use in one thread becomes a savepoint of the outer transaction.
        """
        try:
            connection = self._connection()
            nested = connection.in_transaction
            connection.execute("SAVEPOINT nested" if nested else "BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            self._forget_connection()
            raise self._failed(error) from error
        try:
            yield connection
            connection.execute("RELEASE nested" if nested else "COMMIT")
        except BaseException as error:
            try:
                if nested:
                    connection.execute("ROLLBACK TO nested")
                    connection.execute("RELEASE nested")
                elif connection.in_transaction:
                    connection.execute("ROLLBACK")
            except sqlite3.Error:
                self._forget_connection()  # the transaction is void either way; start clean
            if isinstance(error, sqlite3.Error):
                raise self._failed(error) from error
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads; each statement sees one committed state (WAL snapshot)."""
        try:
            connection = self._connection()
        except sqlite3.Error as error:
            raise self._failed(error) from error
        try:
            yield connection
        except sqlite3.Error as error:
            raise self._failed(error) from error

    def write_lock(self):
        """An inter-process lock for check-then-write sequences (e.g. duplicate checks)."""
        from filelock import FileLock

        return FileLock(str(self.store_dir / "write.lock"), timeout=self.lock_timeout_s)

    # -- the set fingerprint -----------------------------------------------------
    @staticmethod
    def _xor_fingerprint(connection: sqlite3.Connection, article_ids: list[str], adding: tuple[str, str] | None) -> None:
        """Inside a write: remove `article_ids` (if stored) from the XOR aggregate, add `adding`."""
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
        removed = []
        for article_id in dict.fromkeys(article_ids):
            found = connection.execute("SELECT pipeline FROM articles WHERE article_id = ?", (article_id,)).fetchone()
            if found:
                removed.append((article_id, found[0]))
        value = xor_fingerprint_value(row[0] if row else None, removed, adding)
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (FINGERPRINT_KEY, value))

    @staticmethod
    def _rebuild_fingerprint(connection: sqlite3.Connection) -> None:
        value = xor_fingerprint_value(None, connection.execute("SELECT article_id, pipeline FROM articles"), None)
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (FINGERPRINT_KEY, value))

    # -- articles ------------------------------------------------------------
    def put_article(
        self,
        article: Article,
        origin: str,
        raw_path: str,
        pipeline: str,
        lsh_bands: list[str],
        replaces: str | None = None,
    ) -> None:
        """Insert (or replace a stale record of) one article, atomically."""
        with self.transaction() as connection:
            self._xor_fingerprint(
                connection, [article.article_id] + ([replaces] if replaces else []), (article.article_id, pipeline)
            )
            if replaces:
                connection.execute("DELETE FROM articles WHERE article_id = ?", (replaces,))
                connection.execute("DELETE FROM lsh WHERE article_id = ?", (replaces,))
            connection.execute("DELETE FROM lsh WHERE article_id = ?", (article.article_id,))
            connection.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.article_id,
                    article.raw_sha256,
                    article.source_file,
                    origin,
                    raw_path,
                    pipeline,
                    article_to_record(article),
                    time.time(),
                ),
            )
            connection.executemany(
                "INSERT INTO lsh VALUES (?, ?)", [(band, article.article_id) for band in lsh_bands]
            )
            if replaces and replaces != article.article_id:
                if connection.execute("DELETE FROM catalogue WHERE article_id = ?", (replaces,)).rowcount:
                    connection.execute("INSERT INTO changes (article_id, change) VALUES (?, 'removed')", (replaces,))
            sequence = connection.execute(
                "INSERT INTO changes (article_id, change) VALUES (?, 'added')", (article.article_id,)
            ).lastrowid
            connection.execute(
                f"INSERT OR REPLACE INTO catalogue VALUES ({', '.join('?' * 17)})",
                (*catalogue_values(article, origin), sequence),
            )

    def remove_article(self, article_id: str) -> bool:
        """Delete one article and its derived data; its raw upload is deleted too."""
        with self.transaction() as connection:
            row = connection.execute(
                "SELECT origin, raw_path FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row is None:
                return False
            self._xor_fingerprint(connection, [article_id], None)
            connection.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM embeddings WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM catalogue WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM inferred_dates WHERE article_id = ?", (article_id,))
            connection.execute("INSERT INTO changes (article_id, change) VALUES (?, 'removed')", (article_id,))
        self._delete_upload(*row)
        return True

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(article_id, raw_sha256, source_file, origin, raw_path, pipeline) for every article."""
        with self.reading() as connection:
            return connection.execute(
                "SELECT article_id, raw_sha256, source_file, origin, raw_path, pipeline "
                "FROM articles ORDER BY source_file, article_id"
            ).fetchall()

    def origin_of(self, article_id: str) -> str | None:
        """Where an article came from ("bundled" folder or "upload"), or None if it is not stored."""
        with self.reading() as connection:
            row = connection.execute("SELECT origin FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def articles(self) -> list[Article]:
        """Every stored article, ordered by source file name (one consistent snapshot)."""
        with self.reading() as connection:
            rows = connection.execute("SELECT source_file, article_id, record FROM articles").fetchall()
        # Sorted here, not by ORDER BY: without an index SQLite sorts the whole
        # records (1 GB at 100k articles) through temp files.
        rows.sort(key=lambda row: (row[0], row[1]))
        with gc_paused():  # many small records: the collector would make this quadratic
            return [article_from_record(record) for _file, _id, record in rows]

    def article(self, article_id: str) -> Article | None:
        with self.reading() as connection:
            row = connection.execute(
                "SELECT record FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
        return article_from_record(row[0]) if row else None

    def find_by_raw_sha(self, raw_sha256: str) -> tuple[str, str] | None:
        """(article_id, pipeline) of the article made from these exact bytes, if any."""
        with self.reading() as connection:
            return connection.execute(
                "SELECT article_id, pipeline FROM articles WHERE raw_sha256 = ?", (raw_sha256,)
            ).fetchone()

    def source_file_of(self, article_id: str) -> str | None:
        with self.reading() as connection:
            row = connection.execute(
                "SELECT source_file FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
        return row[0] if row else None

    def near_duplicate_candidates(self, lsh_bands: list[str]) -> set[str]:
        """Article ids sharing at least one MinHash band with the given signature."""
        if not lsh_bands:
            return set()
        with self.reading() as connection:
            found: set[str] = set()
            for start in range(0, len(lsh_bands), 500):
                chunk = lsh_bands[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    article_id
                    for (article_id,) in connection.execute(
                        f"SELECT DISTINCT article_id FROM lsh WHERE band IN ({marks})", chunk
                    )
                )
        return found

    def bodies(self, article_ids) -> dict[str, str]:
        """Cleaned body text of the given stored articles, in one query (missing ids are absent)."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, str] = {}
        with self.reading() as connection:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    connection.execute(
                        f"SELECT article_id, json_extract(record, '$.body') FROM articles WHERE article_id IN ({marks})",
                        chunk,
                    ).fetchall()
                )
        return found

    def count(self) -> int:
        with self.reading() as connection:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def fingerprint(self) -> str:
        """Changes whenever the set of stored articles (or their derivation) changes.

        Constant time: an XOR of per-article SHA-256 hashes maintained by every
        write (one row read; no COUNT(*), which scans a table of 100k records),
        so the same set gives the same fingerprint whatever order it was built in.
        """
        with self.reading() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
        if row is None:  # created by an older version mid-run: compute it once
            with self.transaction() as connection:
                self._rebuild_fingerprint(connection)
            return self.fingerprint()
        return fingerprint_from_xor(row[0])

    # -- rejected inputs found in the data folder ------------------------------
    def remember_rejected(self, raw_sha256: str, source_file: str, pipeline: str, message: str) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO rejected VALUES (?, ?, ?, ?)",
                (raw_sha256, source_file, pipeline, message),
            )

    def rejected_before(self, raw_sha256: str, pipeline: str) -> str | None:
        with self.reading() as connection:
            row = connection.execute(
                "SELECT message FROM rejected WHERE raw_sha256 = ? AND pipeline = ?",
                (raw_sha256, pipeline),
            ).fetchone()
        return row[0] if row else None

    # -- embeddings ------------------------------------------------------------
    def get_embeddings(self, model: str, article_id: str) -> np.ndarray | None:
        """Cached sentence vectors, or None when missing or corrupt (then rebuild)."""
        with self.reading() as connection:
            row = connection.execute(
                "SELECT dim, vectors, sha256 FROM embeddings WHERE model = ? AND article_id = ?",
                (model, article_id),
            ).fetchone()
        return None if row is None else decode_vectors(*row)

    def put_embeddings(self, model: str, article_id: str, vectors: np.ndarray) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?, ?)", (model, article_id, *encode_vectors(vectors))
            )

    # -- derived caches (events, claims, ...) -----------------------------------
    def get_cache(self, name: str, fingerprint: str):
        """The cached JSON payload for `name` if it was built for `fingerprint` and is intact."""
        with self.reading() as connection:
            row = connection.execute(
                "SELECT fingerprint, payload, sha256 FROM cache WHERE name = ?", (name,)
            ).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        return decode_payload(row[1], row[2])

    def put_cache(self, name: str, fingerprint: str, payload, *, wait_s: float | None = None) -> None:
        """Keep `payload` under `name` for `fingerprint`, waiting at most `wait_s` (default: as
        long as any writer) for another writer to finish; StoreError("busy") past it."""
        with self._writer_waiting_at_most(wait_s), self.transaction() as connection:
            connection.execute("INSERT OR REPLACE INTO cache VALUES (?, ?, ?, ?)", (name, fingerprint, *encode_payload(payload)))

    @contextmanager
    def _writer_waiting_at_most(self, wait_s: float | None) -> Iterator[None]:
        """Inside, a write waits at most `wait_s` for another writer (None: the connection's full wait)."""
        connection = self._connection()
        if wait_s is not None and not connection.in_transaction:
            connection.execute(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
        try:
            yield
        finally:
            if wait_s is not None:
                try:
                    self._connection().execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
                except (sqlite3.Error, StoreError):
                    pass  # the connection was dropped after a failure; a new one starts with the full wait


    # -- the catalogue -------------------------------------------------------------
    def catalogue(
        self,
        after: tuple[str, str] | None = None,
        limit: int = 50,
        outlet: str | None = None,
        language: str | None = None,
        title_contains: str | None = None,
    ) -> list[CatalogueEntry]:
        """At most `limit` catalogue rows after the key `after` ((source_file, article_id)), in key order.

        Filters: exact outlet, exact language, title containing `title_contains` (any case).
        Each page is read along an index from its key, so page 1,000 costs what page 1 does.
        """
        sql, params = catalogue_query("", "?", "instr({}, {}) > 0", self.fingerprint(), after, limit, outlet, language, title_contains)
        with self.reading() as connection:
            return [entry_from_row(row) for row in connection.execute(sql, params)]

    def catalogue_summary(self) -> CatalogueSummary:
        """Counts by outlet and language, and the date range, by SQL aggregates over the catalogue
        (kept in the derived cache for the current articles and inferred dates)."""
        return stored_summary(self, self._catalogue_summary)

    def _catalogue_summary(self) -> CatalogueSummary:
        queries = summary_queries("", "?", "julianday(date_latest) - julianday(date_earliest)", "char(1)")
        fingerprint = self.fingerprint()
        with self.reading() as connection:
            snapshot = not connection.in_transaction
            if snapshot:
                connection.execute("BEGIN")  # one snapshot for every query
            try:
                return read_summary(lambda sql, params: connection.execute(sql, params).fetchall(), queries, fingerprint)
            finally:
                if snapshot:
                    connection.execute("COMMIT")

    def catalogue_ends(self) -> tuple[CatalogueEntry | None, CatalogueEntry | None]:
        """The entries of the earliest and the latest closely dated article, as `catalogue_summary`'s
        `first` and `last` pick them (None when no article is closely dated): one aggregate scan."""
        queries = summary_queries("", "?", "julianday(date_latest) - julianday(date_earliest)", "char(1)")
        with self.reading() as connection:
            keys = connection.execute(queries["ends"], (self.fingerprint(),)).fetchone()
        return ends_from(self, keys)

    def catalogue_dates(self) -> list[PublishedDate]:
        """Every distinct publication date the catalogue shows (with the current inferred dates), in no
        set order: what a date span over every article needs, without reading every row into Python."""
        queries = summary_queries("", "?", "julianday(date_latest) - julianday(date_earliest)", "char(1)")
        with self.reading() as connection:
            return [published_from_values(row) for row in connection.execute(queries["distinct_dates"], (self.fingerprint(),))]

    def changes_since(self, sequence: int) -> CatalogueChanges:
        """Article ids added or removed by writes numbered after `sequence` (see CatalogueChanges)."""
        with self.reading() as connection:
            rows = connection.execute(
                "SELECT sequence, article_id, change FROM changes WHERE sequence > ? ORDER BY sequence", (int(sequence),)
            ).fetchall()
            latest = connection.execute("SELECT coalesce(max(sequence), 0) FROM changes").fetchone()[0]
        return changes_from(rows, latest)

    def write_sequence(self) -> int:
        """The number of the latest write that changed the article set (0: none since the catalogue began)."""
        with self.reading() as connection:
            return connection.execute("SELECT coalesce(max(sequence), 0) FROM changes").fetchone()[0]

    def put_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None:
        """Replace the stored collection-inferred dates by `dates` (article id -> date), computed at `fingerprint`."""
        with self.transaction() as connection:
            connection.execute("DELETE FROM inferred_dates")
            connection.executemany(
                f"INSERT OR REPLACE INTO inferred_dates VALUES ({', '.join('?' * 9)})",
                [(article_id, fingerprint, *date_values(published)) for article_id, published in dates.items()],
            )
            connection.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(INFERRED_DATES_KEY, fingerprint), (INFERRED_DATES_BASE_KEY, fingerprint)]
            )
            connection.execute("DELETE FROM cache WHERE name IN (?, ?)", (SUMMARY_CACHE, OVERVIEW_CACHE))

    def add_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None:
        """Bring the stored inferred dates to `fingerprint` by adding (or replacing) `dates` only: every
        date stored before is kept and now counts for `fingerprint`; `inferred_dates_base` is unchanged."""
        with self.transaction() as connection:
            connection.execute("UPDATE inferred_dates SET fingerprint = ?", (fingerprint,))
            connection.executemany(
                f"INSERT OR REPLACE INTO inferred_dates VALUES ({', '.join('?' * 9)})",
                [(article_id, fingerprint, *date_values(published)) for article_id, published in dates.items()],
            )
            connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (INFERRED_DATES_KEY, fingerprint))
            connection.execute("DELETE FROM cache WHERE name IN (?, ?)", (SUMMARY_CACHE, OVERVIEW_CACHE))

    def inferred_dates_fingerprint(self) -> str | None:
        """The fingerprint the stored inferred dates were computed at, or None if never."""
        with self.reading() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (INFERRED_DATES_KEY,)).fetchone()
        return row[0] if row else None

    def inferred_dates_base(self) -> str | None:
        """The fingerprint of the last whole inference (`put_inferred_dates`), or None if never."""
        with self.reading() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (INFERRED_DATES_BASE_KEY,)).fetchone()
        return row[0] if row else None

    # -- stored views as rows ---------------------------------------------------------
    def catalogue_entries(self, article_ids) -> list[CatalogueEntry]:
        """The catalogue rows of these article ids (with the current inferred dates), in key order;
        ids not stored are absent."""
        ids = list(dict.fromkeys(article_ids))
        fingerprint = self.fingerprint()
        found: list[CatalogueEntry] = []
        with self.reading() as connection:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                found += [entry_from_row(row) for row in connection.execute(entries_query("", "?", len(chunk)), [fingerprint, *chunk])]
        return sorted(found, key=lambda entry: entry.key)

    def put_view(self, name: str, key: str, payload, rows: dict[str, list[tuple]], *, wait_s: float | None = None) -> None:
        """Store the view `name` built for `key` as `rows` (table -> rows without their view_key) and
        `payload`, replacing the one stored before, in one transaction: a reader sees the old view or
        this one, never a part. Waits at most `wait_s` for another writer (StoreError "busy" past it)."""
        with self._writer_waiting_at_most(wait_s), self.transaction() as connection:
            row_key = view_row_key(key)
            self._delete_view_rows(connection, name, also=row_key)
            for table, values in rows.items():
                columns = VIEW_COLUMNS[table]
                connection.executemany(
                    f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", ((row_key, *row) for row in values)
                )
            connection.execute("INSERT OR REPLACE INTO view_sets VALUES (?, ?, ?, ?)", (name, key, *encode_payload(payload)))

    @staticmethod
    def _delete_view_rows(connection: sqlite3.Connection, name: str, also: str | None = None) -> None:
        """Inside a write: every row of the view `name` goes (those of its stored key, and those an
        extension in place left under the row key it was first stored with: view_rows_at), with the
        rows under `also`."""
        stale = {view_row_key(key) for (key,) in connection.execute("SELECT view_key FROM view_sets WHERE name = ?", (name,))}
        stale |= {row_key for (row_key,) in connection.execute("SELECT row_key FROM view_rows_at WHERE name = ?", (name,))}
        for table in VIEW_COLUMNS:
            for row_key in stale | ({also} if also else set()):
                connection.execute(f"DELETE FROM {table} WHERE view_key = ?", (row_key,))
        connection.execute("DELETE FROM view_rows_at WHERE name = ?", (name,))

    @staticmethod
    def _view_held_at(connection: sqlite3.Connection, name: str, base_key: str) -> bool:
        """Inside a write (which holds the database's write lock): whether `name` is still stored under `base_key`."""
        stored = connection.execute("SELECT view_key FROM view_sets WHERE name = ?", (name,)).fetchone()
        return stored is not None and stored[0] == base_key

    def extend_view(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                    kept: dict[str, tuple[str, list, list]], *, wait_s: float | None = None) -> bool:
        """Store the view `name` for `key` as the view stored for `base_key` with some of its rows
        replaced, in one transaction: of each table in `kept` (table -> (column, values, moved)), the rows
        of `base_key` whose `column` is not one of `values` are copied under `key` inside the database
        (INSERT ... SELECT), `column` renumbered by the (old, new) pairs of `moved`; then `rows` are
        added and `payload` replaces the view's payload; the rows of `base_key` go. False (nothing written) when the view is no longer stored under `base_key`."""
        with self._writer_waiting_at_most(wait_s), self.transaction() as connection:
            if not self._view_held_at(connection, name, base_key):
                return False
            base_row_key, row_key = view_row_key(base_key), view_row_key(key)
            if row_key == base_row_key:
                return False
            for table in VIEW_COLUMNS:
                connection.execute(f"DELETE FROM {table} WHERE view_key = ?", (row_key,))
            for table, (column, values, moved) in kept.items():
                columns = VIEW_COLUMNS[table]
                assert column in columns, f"{column} is not a column of {table}"
                values, moved = list(values), list(moved)
                skipped = f" AND {column} NOT IN ({', '.join('?' * len(values))})" if values else ""
                renumbered = f"CASE {column} {' '.join(['WHEN ? THEN ?'] * len(moved))} ELSE {column} END" if moved else column
                selected = ", ".join(renumbered if name_ == column else name_ for name_ in columns[1:])
                connection.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) SELECT ?, {selected} FROM {table} WHERE view_key = ?{skipped}",
                    (row_key, *(number for pair in moved for number in pair), base_row_key, *values),
                )
            for table, values in rows.items():
                columns = VIEW_COLUMNS[table]
                connection.executemany(
                    f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", ((row_key, *row) for row in values)
                )
            for table in VIEW_COLUMNS:
                connection.execute(f"DELETE FROM {table} WHERE view_key = ?", (base_row_key,))
            connection.execute("INSERT OR REPLACE INTO view_sets VALUES (?, ?, ?, ?)", (name, key, *encode_payload(payload)))
        return True

    def extend_view_in_place(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                             dropped: dict[str, tuple[str, list]], *, wait_s: float | None = None) -> bool:
        """Store the view `name` for `key` as the view stored for `base_key` with a few rows changed, without
        copying the others: of each table in `dropped` (table -> (column, values)) the rows whose `column` is
        one of `values` go, `rows` are added, and `key` (with `payload`) names the view; its rows keep the
        row key they were stored with (`view_rows_key`). One transaction: a reader sees the old view or
        the new one. False (nothing written) when the view is no longer stored under `base_key`."""
        with self._writer_waiting_at_most(wait_s), self.transaction() as connection:
            if not self._view_held_at(connection, name, base_key):
                return False
            row_key = view_rows_key_of(lambda sql, params: connection.execute(sql.format(p=""), params).fetchone(), name, base_key, "?")
            for table, (column, values) in dropped.items():
                assert column in VIEW_COLUMNS[table], f"{column} is not a column of {table}"
                values = list(values)
                for start in range(0, len(values), 500):
                    chunk = values[start : start + 500]
                    connection.execute(
                        f"DELETE FROM {table} WHERE view_key = ? AND {column} IN ({', '.join('?' * len(chunk))})", (row_key, *chunk)
                    )
            for table, values in rows.items():
                columns = VIEW_COLUMNS[table]
                connection.executemany(
                    f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", ((row_key, *row) for row in values)
                )
            connection.execute("INSERT OR REPLACE INTO view_sets VALUES (?, ?, ?, ?)", (name, key, *encode_payload(payload)))
            connection.execute("INSERT OR REPLACE INTO view_rows_at VALUES (?, ?, ?)", (name, key, row_key))
        return True

    def view_rows_key(self, name: str, key: str) -> str:
        """The key the rows of the view `name` stored for `key` carry (`view_row_key(key)`, unless the view
        was extended in place since it was stored: then the row key it was first stored with)."""
        with self.reading() as connection:
            return view_rows_key_of(lambda sql, params: connection.execute(sql.format(p=""), params).fetchone(), name, key, "?")

    def articles_put_by(self, article_ids, sequence: int) -> set[str]:
        """Those of `article_ids` that a write numbered `sequence` or earlier put (an article put again
        since is one of them)."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self.reading() as connection:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                found |= {row[0] for row in connection.execute(
                    f"SELECT DISTINCT article_id FROM changes WHERE sequence <= ? AND change = 'added' "
                    f"AND article_id IN ({', '.join('?' * len(chunk))})", (int(sequence), *chunk))}
        return found

    def view_key(self, name: str) -> str | None:
        """The key the view `name` is stored under now (its rows are all committed), or None."""
        with self.reading() as connection:
            row = connection.execute("SELECT view_key FROM view_sets WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def view_payload(self, name: str, key: str):
        """The whole-view payload of `name` if it is stored for `key` and intact, else None."""
        with self.reading() as connection:
            row = connection.execute("SELECT view_key, payload, sha256 FROM view_sets WHERE name = ?", (name,)).fetchone()
        if row is None or row[0] != key:
            return None
        return decode_payload(row[1], row[2])

    def read_view(self, sql: str, params) -> list[tuple]:
        """The rows of one read of the view tables (`view_sql`: `{p}` table prefix, `?` placeholders)."""
        with self.reading() as connection:
            return connection.execute(view_sql(sql, "", "?"), list(params)).fetchall()

    def drop_view(self, name: str) -> None:
        """Forget the view `name` (its rows go with it): the next reader builds it again."""
        with self.transaction() as connection:
            self._delete_view_rows(connection, name)
            connection.execute("DELETE FROM view_sets WHERE name = ?", (name,))
