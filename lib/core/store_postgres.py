"""The store on a PostgreSQL server (STORYLENS_STORE=postgres), for a deployment shared by many processes.

Same methods and guarantees as the SQLite `lib.core.store.Store` (both are
`ArticleStore`s); what differs is where the records live and how writers wait:

- Records, LSH bands, embeddings, derived caches and the set fingerprint are
  tables in one schema per data folder (`storylens_<hash of the folder path>`,
  its path in the schema's comment), so every story (collection) of every app
  process on every machine that opens the same folder path shares one set of
  tables. All SQL of this backend is in this module.
- Raw uploads stay files under `<data>/.storylens/uploads/` exactly as with
  SQLite (`UploadFolder`), not bytea rows: they are the source of truth the
  database is rebuilt from, so they must not live only inside it; the sync, the
  details a person stated (`<sha>.given.json`) and the bundled articles are
  files already; and raw pages would be most of the database's size (backups,
  buffer cache) for bytes read only on a re-derive. Several machines therefore
  share the data folder (a network volume), as they share the bundled files;
  object storage keyed by the same hash is the next step (docs/scaling.md).
- Every write is one transaction (nested ones are savepoints). Writers that
  change the article set lock the fingerprint row first, so they apply one at a
  time as SQLite's single writer does; readers never wait (MVCC), and each read
  is one statement, so it sees one committed state.
- `write_lock()` is a session-level advisory lock on the server, so check-then-
  write sequences (the duplicate check of an ingest) are serialised across
  processes and machines; the server drops it if the process dies.
- Connections come from one pool per server URL and process (psycopg_pool),
  checked before each use, so a restarted server costs no error; a thread that
  holds the write lock or a transaction keeps its connection for nested calls.
- Record text is stored as SQLite stores it (the same JSON), not as JSONB: the
  bytes read back are identical, and JSONB's parse on every write buys nothing
  while records are read whole.
- The catalogue (slim rows for lists and filters), the numbered changes and the
  stored inferred dates are tables as in SQLite, with the same queries (shared
  builders in `lib.core.store`); file names and ids compare in code-point order
  (COLLATE "C") so keyset pages follow SQLite's order. Change numbers come from an
  identity column drawn while the writer holds the fingerprint row's lock, so they
  are committed in the order they are numbered.

Failures become `StoreError` with a message: an unreachable server or a bad
`STORYLENS_DATABASE_URL` names the server (never the password) and the way
back (`STORYLENS_STORE=sqlite`).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool, PoolTimeout

from lib.core.errors import StoreError
from lib.core.memory import gc_paused
from lib.core.models import Article, CatalogueChanges, CatalogueEntry, CatalogueSummary, PublishedDate
from lib.core.store import (
    BUSY_MESSAGE,
    CATALOGUE_KEY,
    CATALOGUE_VERSION,
    FINGERPRINT_KEY,
    INFERRED_DATES_BASE_KEY,
    INFERRED_DATES_KEY,
    UploadFolder,
    article_from_record,
    article_to_record,
    catalogue_query,
    catalogue_values,
    changes_from,
    date_values,
    ends_from,
    entry_from_row,
    published_from_values,
    OVERVIEW_CACHE,
    SUMMARY_CACHE,
    VIEW_COLUMNS,
    view_rows_key_of,
    entries_query,
    view_row_key,
    view_sql,
    read_summary,
    stored_summary,
    summary_queries,
    decode_payload,
    decode_vectors,
    encode_payload,
    encode_vectors,
    fingerprint_from_xor,
    xor_fingerprint_value,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = "4"  # 2: the catalogue, changes and inferred dates; 3: stored views as rows; 4: events extended in place
# `{s}` is the store's schema (a name this module makes from a hash: always a plain identifier).
SCHEMA = """
CREATE SCHEMA IF NOT EXISTS {s};
CREATE TABLE IF NOT EXISTS {s}.articles (
    article_id TEXT PRIMARY KEY,
    raw_sha256 TEXT NOT NULL,
    source_file TEXT NOT NULL,
    origin TEXT NOT NULL,            -- 'bundled' (a file in the data dir) or 'upload'
    raw_path TEXT NOT NULL,          -- where the raw bytes live, relative to data_dir
    pipeline TEXT NOT NULL,          -- fingerprint of the code that produced the record
    record TEXT NOT NULL,            -- Article as JSON, the same text the SQLite store keeps
    added_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_raw ON {s}.articles(raw_sha256);
-- Covers `rows()` (every sync at process start): an index-only scan in code-point order.
CREATE INDEX IF NOT EXISTS articles_rows ON {s}.articles(source_file COLLATE "C", article_id COLLATE "C")
    INCLUDE (raw_sha256, origin, raw_path, pipeline);
CREATE TABLE IF NOT EXISTS {s}.rejected (
    raw_sha256 TEXT PRIMARY KEY,
    source_file TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.lsh (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lsh_band ON {s}.lsh(band);
CREATE INDEX IF NOT EXISTS lsh_article ON {s}.lsh(article_id);
CREATE TABLE IF NOT EXISTS {s}.embeddings (
    model TEXT NOT NULL,
    article_id TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vectors BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (model, article_id)
);
-- float32 vectors do not compress: keep them out of line without trying.
ALTER TABLE {s}.embeddings ALTER COLUMN vectors SET STORAGE EXTERNAL;
CREATE INDEX IF NOT EXISTS embeddings_article ON {s}.embeddings(article_id);
CREATE TABLE IF NOT EXISTS {s}.cache (
    name TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.catalogue (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    source_file TEXT COLLATE "C" NOT NULL,
    title TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    outlet TEXT COLLATE "C" NOT NULL,
    language TEXT COLLATE "C" NOT NULL,
    published_date TEXT COLLATE "C",
    date_precision TEXT NOT NULL,
    date_stated BOOLEAN NOT NULL,
    date_clue TEXT NOT NULL,
    date_earliest TEXT COLLATE "C",
    date_latest TEXT COLLATE "C",
    date_day_month TEXT,
    sentence_count INTEGER NOT NULL,
    removed_count INTEGER NOT NULL,
    origin TEXT NOT NULL,
    sequence BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS catalogue_key ON {s}.catalogue(source_file, article_id);
CREATE INDEX IF NOT EXISTS catalogue_outlet ON {s}.catalogue(outlet, source_file, article_id);
CREATE INDEX IF NOT EXISTS catalogue_language ON {s}.catalogue(language, source_file, article_id);
CREATE TABLE IF NOT EXISTS {s}.changes (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id TEXT NOT NULL,
    change TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.inferred_dates (
    article_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    published_date TEXT COLLATE "C",
    date_precision TEXT NOT NULL,
    date_stated BOOLEAN NOT NULL,
    date_clue TEXT NOT NULL,
    date_earliest TEXT COLLATE "C",
    date_latest TEXT COLLATE "C",
    date_day_month TEXT
);
CREATE TABLE IF NOT EXISTS {s}.view_sets (
    name TEXT PRIMARY KEY,
    view_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.view_events (
    view_key TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL,
    first_day TEXT COLLATE "C" NOT NULL,
    last_day TEXT COLLATE "C" NOT NULL,
    date_precision TEXT NOT NULL,
    is_context INTEGER NOT NULL,
    source_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    languages TEXT NOT NULL,
    PRIMARY KEY (view_key, seq)
);
CREATE INDEX IF NOT EXISTS view_events_id ON {s}.view_events(view_key, event_id);
CREATE INDEX IF NOT EXISTS view_events_reported
    ON {s}.view_events(view_key, source_count DESC, first_day, seq) INCLUDE (last_day, is_context);
CREATE INDEX IF NOT EXISTS view_events_days ON {s}.view_events(view_key, is_context, first_day, last_day);
CREATE TABLE IF NOT EXISTS {s}.view_event_payloads (
    view_key TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (view_key, seq)
);
CREATE TABLE IF NOT EXISTS {s}.view_topics (
    view_key TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    topic_id TEXT NOT NULL,
    status TEXT NOT NULL,
    seeded INTEGER NOT NULL,
    source_count INTEGER NOT NULL,
    claim_count INTEGER NOT NULL,
    figures TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (view_key, seq)
);
CREATE TABLE IF NOT EXISTS {s}.view_claims (
    view_key TEXT COLLATE "C" NOT NULL,
    topic_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    report_date TEXT COLLATE "C",
    payload TEXT NOT NULL,
    PRIMARY KEY (view_key, topic_seq, seq)
);
CREATE TABLE IF NOT EXISTS {s}.view_rows_at (
    name TEXT PRIMARY KEY,
    view_key TEXT NOT NULL,
    row_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.view_event_mentions (
    view_key TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL,
    number INTEGER NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    dating INTEGER NOT NULL,
    compared INTEGER NOT NULL,
    language TEXT NOT NULL,
    kinds INTEGER NOT NULL,
    vector BYTEA NOT NULL,
    mention TEXT NOT NULL,
    PRIMARY KEY (view_key, event_id, number)
);
-- an event's first mention by its days: what an added mention is compared with (`lib.events.incremental._nearby_rows`)
DROP INDEX IF EXISTS {s}.view_event_mentions_days;
CREATE INDEX IF NOT EXISTS view_event_firsts_days ON {s}.view_event_mentions(view_key, dating, first_day) WHERE number = 0;
CREATE INDEX IF NOT EXISTS view_event_mentions_article ON {s}.view_event_mentions(view_key, article_id);
-- Written before views were rows: their whole-view cache entries are never read again.
DELETE FROM {s}.cache WHERE name = 'events' OR substr(name, 1, 11) = 'claims-view';
"""
CATALOGUE_COLUMNS = (
    "article_id, source_file, title, title_folded, outlet, language, published_date, date_precision, date_stated, "
    "date_clue, date_earliest, date_latest, date_day_month, sentence_count, removed_count, origin"
)
POOL_MAX_CONNECTIONS = 16  # per server URL and process; Streamlit sessions borrow one per call
POOL_WAIT_S = 15.0  # how long a call waits for a connection before saying the server is unreachable
CONNECT_TIMEOUT_S = 10
ROW_LOCK_WAIT_S = 120.0  # a write waiting this long for another writer's row lock says "busy"

_POOLS: dict[tuple[int, str], ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()
# (url, schema) whose tables this process has already created or found.
_PREPARED: set[tuple[str, str]] = set()


def schema_name(data_dir: Path) -> str:
    """The schema holding the store of `data_dir` (same folder path, same schema, on every machine)."""
    digest = hashlib.sha256(str(Path(data_dir).expanduser().resolve()).encode()).hexdigest()
    return f"storylens_{digest[:16]}"


def server_label(url: str) -> str:
    """`user@host:port/database` of a libpq URL, never its password; the URL is checked on the way."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error as error:
        raise StoreError(
            f"STORYLENS_DATABASE_URL is not a PostgreSQL connection URL ({_one_line(error)}). Write it as "
            "postgresql://USER:PASSWORD@HOST:5432/DATABASE, or set STORYLENS_STORE=sqlite to use the local store."
        ) from error
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    database = f"/{parts['dbname']}" if parts.get("dbname") else ""
    return f"{user}{host}{port}{database}"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def store_error_from(error: psycopg.Error, where: str) -> StoreError:
    """A user-facing StoreError for a psycopg failure (`where`: the server, without password)."""
    state = getattr(error, "sqlstate", None) or ""
    if isinstance(error, PoolTimeout):
        return StoreError(
            f"The PostgreSQL server at {where} gave StoryLens no connection within {POOL_WAIT_S:g} s "
            "(it stopped answering, or every connection is busy). Check the server and try again, or set "
            "STORYLENS_STORE=sqlite to use the local store."
        )
    if state in ("55P03", "40001", "40P01", "57014"):  # lock timeout, serialization, deadlock, cancelled
        return StoreError(BUSY_MESSAGE)
    if state == "53100":
        return StoreError(f"The disk of the PostgreSQL server at {where} is full. Free some space and try again.")
    if state in ("25006", "42501"):  # read-only transaction, insufficient privilege
        return StoreError(
            f"StoryLens cannot write to the PostgreSQL database at {where} ({_one_line(error)}). Give its user "
            "the right to create a schema and write, or choose another STORYLENS_DATABASE_URL."
        )
    # libpq reports a failed connect without a SQLSTATE; "FATAL:" means the server answered and said no.
    refused = state.startswith(("28", "3D")) or (not state and "FATAL:" in str(error))
    if isinstance(error, psycopg.OperationalError) and not state and not refused:  # no answer at all
        return StoreError(
            f"StoryLens cannot reach the PostgreSQL server at {where} ({_one_line(error)}). Check "
            "STORYLENS_DATABASE_URL and that the server is running, or set STORYLENS_STORE=sqlite to use the local store."
        )
    if isinstance(error, psycopg.OperationalError) and refused:  # authentication, unknown role or database
        return StoreError(
            f"The PostgreSQL server at {where} refused StoryLens ({_one_line(error)}). Check the user, password "
            "and database in STORYLENS_DATABASE_URL, or set STORYLENS_STORE=sqlite to use the local store."
        )
    return StoreError(f"The collection database could not be used ({_one_line(error)}). Try again; if it persists, report it.")


def _configure_connection(connection: psycopg.Connection) -> None:
    """Every pooled connection: a writer waiting for a row lock gives up (as "busy") instead of hanging."""
    connection.execute(f"SET lock_timeout = '{int(ROW_LOCK_WAIT_S * 1000)}ms'")


def _pool_for(url: str) -> ConnectionPool:
    """This process's connection pool for `url` (a forked child makes its own: sockets must not be shared)."""
    key = (os.getpid(), url)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = ConnectionPool(
                url,
                kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S, "application_name": "storylens"},
                min_size=1,
                max_size=POOL_MAX_CONNECTIONS,
                timeout=POOL_WAIT_S,
                check=ConnectionPool.check_connection,
                configure=_configure_connection,
                name="storylens",
                open=False,
            )
            pool.open(wait=False)
            _POOLS[key] = pool
        return pool


@atexit.register
def close_pools() -> None:
    """Close this process's pooled connections (at exit; tests call it before stopping their server)."""
    with _POOLS_LOCK:
        mine = [key for key in _POOLS if key[0] == os.getpid()]
        pools = [_POOLS.pop(key) for key in mine]
    for pool in pools:
        try:
            pool.close(timeout=5)
        except Exception as error:  # closing at exit must not raise; say what happened
            log.warning("closing a PostgreSQL connection pool failed: %s", error)


class _AdvisoryLock:
    """The store's write lock: a PostgreSQL session advisory lock held on this thread's connection.

    Re-entrant in one thread (PostgreSQL stacks session locks); waits at most
    `store.lock_timeout_s`, then raises StoreError("busy").
    """

    def __init__(self, store: "PostgresStore"):
        self._store = store
        self._held: list = []  # the `_pinned` contexts this object entered, innermost last

    def acquire(self) -> None:
        store = self._store
        pinned = store._pinned()
        try:
            connection = pinned.__enter__()
        except psycopg.Error as error:
            raise store._failed(error) from error
        try:
            previous = connection.execute(
                "SELECT current_setting('lock_timeout'), set_config('lock_timeout', %s, false)",
                (f"{int(store.lock_timeout_s * 1000)}ms",),
            ).fetchone()[0]
            try:
                connection.execute("SELECT pg_advisory_lock(%s)", (store.lock_key,))
            finally:
                connection.execute("SELECT set_config('lock_timeout', %s, false)", (previous,))
        except BaseException as error:
            pinned.__exit__(None, None, None)
            if isinstance(error, psycopg.Error):
                raise store._failed(error) from error
            raise
        self._held.append(pinned)

    def release(self) -> None:
        pinned = self._held.pop()
        try:
            connection = self._store._local.connection
            connection.execute("SELECT pg_advisory_unlock(%s)", (self._store.lock_key,))
        except (psycopg.Error, AttributeError) as error:
            # A broken connection has lost the lock with its session already.
            log.warning("releasing the store's write lock failed (the server drops it with the session): %s", error)
        finally:
            pinned.__exit__(None, None, None)

    def __enter__(self) -> "_AdvisoryLock":
        self.acquire()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def _wait_at_most(connection, wait_s: float | None) -> None:
    """Inside a write transaction: wait at most `wait_s` for another writer's row lock (None: as long
    as any writer), then StoreError "busy"."""
    if wait_s is not None:
        connection.execute(f"SET LOCAL lock_timeout = '{int(wait_s * 1000)}ms'")


class PostgresStore(UploadFolder):
    """The articles of one data directory in a PostgreSQL schema, with their derived data.

    Guarantees (as `Store`): every write is atomic; an article is stored once;
    the fingerprint depends only on the set of (article id, pipeline) and
    equals the SQLite store's for the same set; damaged embeddings or cache
    entries read as missing; failures are `StoreError`s with a message. Safe to
    use from many threads, processes and machines at once.
    """

    lock_timeout_s = 120.0  # how long a writer waits for another one before saying "busy"

    def __init__(self, data_dir: Path, store_dir: Path, database_url: str):
        self.data_dir = Path(data_dir)
        self.store_dir = Path(store_dir)
        self.uploads_dir = self.store_dir / "uploads"
        self.recovered_from: Path | None = None  # the server guards its own files; kept for the same interface
        self.schema = schema_name(self.data_dir)
        self.lock_key = int.from_bytes(hashlib.sha256(self.schema.encode()).digest()[:8], "big", signed=True)
        self._url = database_url
        self.server = server_label(database_url)
        self._local = threading.local()
        if (database_url, self.schema) not in _PREPARED:
            self._prepare()
            _PREPARED.add((database_url, self.schema))

    # -- server plumbing ------------------------------------------------------
    def _failed(self, error: psycopg.Error) -> StoreError:
        return store_error_from(error, self.server)

    def _prepare(self) -> None:
        """Create the schema and tables if missing (one process at a time), on a direct connection.

        A direct connection (not the pool) so that a wrong URL, a stopped server or
        a refused login is reported at once with the server's own reason.
        """
        try:
            with psycopg.connect(
                self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, application_name="storylens"
            ) as connection:
                found = connection.execute(
                    "SELECT to_regclass(%s) IS NOT NULL", (f"{self.schema}.meta",)
                ).fetchone()[0]
                if found and self._meta(connection, "schema_version") == SCHEMA_VERSION:
                    return
                with connection.transaction():
                    # CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE: serialise.
                    connection.execute("SELECT pg_advisory_xact_lock(%s)", (self.lock_key,))
                    connection.execute(SCHEMA.format(s=self.schema))
                    connection.execute(
                        sql.SQL("COMMENT ON SCHEMA {} IS {}").format(
                            sql.Identifier(self.schema), sql.Literal(f"StoryLens store of {self.data_dir.resolve()}")
                        )
                    )
                    self._locked_xor(connection)  # also keeps writers out while the catalogue is filled
                    if self._meta(connection, CATALOGUE_KEY) is None:
                        self._fill_catalogue(connection)
                    connection.execute(
                        f"INSERT INTO {self.schema}.meta VALUES ('schema_version', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (SCHEMA_VERSION,),
                    )
        except psycopg.Error as error:
            raise self._failed(error) from error

    def _fill_catalogue(self, connection) -> None:
        """Once, for a schema written before the catalogue existed: one row per stored record.

        Read by the server's JSON operators, not by decoding every record in Python; inside
        the caller's transaction, so a failure leaves no half-filled catalogue.
        """
        s = self.schema
        connection.execute(f"DELETE FROM {s}.catalogue")
        connection.execute(
            f"INSERT INTO {s}.catalogue ({CATALOGUE_COLUMNS}, sequence) "
            "SELECT article_id, source_file, r->>'title', '', r->>'outlet', r->>'language', "
            "r->'published'->>'date', r->'published'->>'precision', (r->'published'->>'stated')::boolean, "
            "r->'published'->>'clue', r->'published'->>'earliest', r->'published'->>'latest', "
            "r->'published'->>'day_month', json_array_length(r->'sentences'), json_array_length(r->'removed'), origin, 0 "
            f"FROM (SELECT article_id, source_file, origin, record::json AS r FROM {s}.articles) AS stored"
        )
        # casefold in Python, as the SQLite store does (the server's lower() differs on a few letters).
        titles = connection.execute(f"SELECT article_id, title FROM {s}.catalogue").fetchall()
        if titles:
            connection.execute(
                f"UPDATE {s}.catalogue c SET title_folded = f.folded FROM unnest(%s::text[], %s::text[]) "
                "AS f(article_id, folded) WHERE c.article_id = f.article_id",
                ([id_ for id_, _ in titles], [title.casefold() for _, title in titles]),
            )
        connection.execute(
            f"INSERT INTO {s}.meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (CATALOGUE_KEY, CATALOGUE_VERSION),
        )

    def _meta(self, connection, key: str) -> str | None:
        row = connection.execute(f"SELECT value FROM {self.schema}.meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    @contextmanager
    def _pinned(self) -> Iterator[psycopg.Connection]:
        """This thread's connection for the block; nested calls in the thread reuse it."""
        local = self._local
        if getattr(local, "connection", None) is not None and local.pid == os.getpid():
            yield local.connection
            return
        with _pool_for(self._url).connection() as connection:
            local.connection, local.pid = connection, os.getpid()
            try:
                yield connection
            finally:
                local.connection = None

    def close(self) -> None:
        """Nothing is held between calls: connections go back to the shared pool (closed at exit)."""

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """One atomic write: all statements inside commit together or not at all.

        Nested use in one thread becomes a savepoint of the outer transaction.
        The fingerprint row is written once, just before the outermost commit:
        updating one row many times in one transaction makes each later read of
        it walk every earlier version (a bulk load of 2,000 articles went from
        8 to 20 ms per write before this).
        """
        try:
            with self._pinned() as connection:
                frames = self._xor_frames()
                frames.append([None])  # [the aggregate after this level's writes, or None]
                try:
                    with connection.transaction():
                        yield connection
                        if len(frames) == 1 and frames[0][0] is not None:
                            connection.execute(
                                f"UPDATE {self.schema}.meta SET value = %s WHERE key = %s", (frames[0][0], FINGERPRINT_KEY)
                            )
                finally:
                    done = frames.pop()
                if frames and done[0] is not None:  # reached only when this level committed
                    frames[-1][0] = done[0]
        except psycopg.Error as error:
            raise self._failed(error) from error

    def _xor_frames(self) -> list[list]:
        """Per transaction level of this thread: the fingerprint aggregate it has changed, if any."""
        frames = getattr(self._local, "xor_frames", None)
        if frames is None:
            frames = self._local.xor_frames = []
        return frames

    def _pending_xor(self) -> str | None:
        return next((frame[0] for frame in reversed(self._xor_frames()) if frame[0] is not None), None)

    @contextmanager
    def reading(self) -> Iterator[psycopg.Connection]:
        """A connection for reads; each statement sees one committed state."""
        try:
            with self._pinned() as connection:
                yield connection
        except psycopg.Error as error:
            raise self._failed(error) from error

    def write_lock(self) -> _AdvisoryLock:
        """An inter-process, inter-machine lock for check-then-write sequences (e.g. duplicate checks)."""
        return _AdvisoryLock(self)

    # -- the set fingerprint -----------------------------------------------------
    def _locked_xor(self, connection) -> str:
        """Inside a write: the XOR aggregate, its row locked until commit (rebuilt if missing)."""
        query = f"SELECT value FROM {self.schema}.meta WHERE key = %s FOR UPDATE"
        row = connection.execute(query, (FINGERPRINT_KEY,)).fetchone()
        if row is None:
            value = xor_fingerprint_value(
                None, connection.execute(f"SELECT article_id, pipeline FROM {self.schema}.articles"), None
            )
            connection.execute(
                f"INSERT INTO {self.schema}.meta VALUES (%s, %s) ON CONFLICT (key) DO NOTHING", (FINGERPRINT_KEY, value)
            )
            row = connection.execute(query, (FINGERPRINT_KEY,)).fetchone()
        return row[0]

    def _xor_fingerprint(self, connection, article_ids: list[str], adding: tuple[str, str] | None) -> None:
        """Inside a write: remove `article_ids` (if stored) from the XOR aggregate, add `adding`.

        The first write of a transaction locks the aggregate's row (one round trip with the
        stored pipelines of `article_ids`); the new value is written at the outermost commit.
        """
        ids = list(dict.fromkeys(article_ids))
        current = self._pending_xor()
        if current is None:
            query = (
                f"SELECT value, ARRAY(SELECT ARRAY[article_id, pipeline] FROM {self.schema}.articles "
                f"WHERE article_id = ANY(%s)) FROM {self.schema}.meta WHERE key = %s FOR UPDATE"
            )
            row = connection.execute(query, (ids, FINGERPRINT_KEY)).fetchone()
            if row is None:  # the row was deleted by hand: rebuild it (locked), then read again
                self._locked_xor(connection)
                row = connection.execute(query, (ids, FINGERPRINT_KEY)).fetchone()
            current, removed = row[0], [tuple(pair) for pair in row[1]]
        else:
            removed = connection.execute(
                f"SELECT article_id, pipeline FROM {self.schema}.articles WHERE article_id = ANY(%s)", (ids,)
            ).fetchall()
        self._xor_frames()[-1][0] = xor_fingerprint_value(current, removed, adding)

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
        s = self.schema
        with self.transaction() as connection, connection.pipeline():
            # Pipeline mode: the statements go out together and the server answers once,
            # so a write costs two round trips however far the server is.
            self._xor_fingerprint(
                connection, [article.article_id] + ([replaces] if replaces else []), (article.article_id, pipeline)
            )
            if replaces:
                connection.execute(f"DELETE FROM {s}.articles WHERE article_id = %s", (replaces,))
            connection.execute(f"DELETE FROM {s}.lsh WHERE article_id = ANY(%s)", ([article.article_id, replaces],))
            connection.execute(
                f"INSERT INTO {s}.articles VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET raw_sha256 = EXCLUDED.raw_sha256, "
                "source_file = EXCLUDED.source_file, origin = EXCLUDED.origin, raw_path = EXCLUDED.raw_path, "
                "pipeline = EXCLUDED.pipeline, record = EXCLUDED.record, added_at = EXCLUDED.added_at",
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
            if lsh_bands:
                connection.execute(
                    f"INSERT INTO {s}.lsh (band, article_id) SELECT unnest(%s::text[]), %s",
                    (list(lsh_bands), article.article_id),
                )
            if replaces and replaces != article.article_id:
                connection.execute(
                    f"WITH gone AS (DELETE FROM {s}.catalogue WHERE article_id = %s RETURNING article_id) "
                    f"INSERT INTO {s}.changes (article_id, change) SELECT article_id, 'removed' FROM gone",
                    (replaces,),
                )
            values = catalogue_values(article, origin)
            connection.execute(
                f"WITH change AS (INSERT INTO {s}.changes (article_id, change) VALUES (%s, 'added') RETURNING sequence) "
                f"INSERT INTO {s}.catalogue ({CATALOGUE_COLUMNS}, sequence) "
                f"SELECT {', '.join(['%s'] * len(values))}, change.sequence FROM change "
                "ON CONFLICT (article_id) DO UPDATE SET "
                + ", ".join(f"{column} = EXCLUDED.{column}" for column in (CATALOGUE_COLUMNS + ", sequence").split(", ")[1:]),
                (article.article_id, *values),
            )

    def remove_article(self, article_id: str) -> bool:
        """Delete one article and its derived data; its raw upload is deleted too."""
        s = self.schema
        with self.transaction() as connection:
            row = connection.execute(
                f"SELECT origin, raw_path FROM {s}.articles WHERE article_id = %s", (article_id,)
            ).fetchone()
            if row is None:
                return False
            self._xor_fingerprint(connection, [article_id], None)
            for table in ("articles", "lsh", "embeddings", "catalogue", "inferred_dates"):
                connection.execute(f"DELETE FROM {s}.{table} WHERE article_id = %s", (article_id,))
            connection.execute(f"INSERT INTO {s}.changes (article_id, change) VALUES (%s, 'removed')", (article_id,))
        self._delete_upload(*row)
        return True

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(article_id, raw_sha256, source_file, origin, raw_path, pipeline) for every article.

        Ordered by source file in code-point order (COLLATE "C"), as SQLite orders them.
        """
        with self.reading() as connection:
            return connection.execute(
                f"SELECT article_id, raw_sha256, source_file, origin, raw_path, pipeline FROM {self.schema}.articles "
                'ORDER BY source_file COLLATE "C", article_id COLLATE "C"'
            ).fetchall()

    def origin_of(self, article_id: str) -> str | None:
        """Where an article came from ("bundled" folder or "upload"), or None if it is not stored."""
        return self._one(f"SELECT origin FROM {self.schema}.articles WHERE article_id = %s", article_id)

    def articles(self) -> list[Article]:
        """Every stored article, ordered by source file name (one consistent snapshot)."""
        decoded = []
        # A server-side cursor read in chunks, each record decoded as it arrives: the client
        # never holds every record's text at once (a plain fetchall peaked 0.4 GB higher at 100k).
        with self.reading() as connection, connection.transaction():
            with connection.cursor(name="storylens_articles") as cursor, gc_paused():
                cursor.itersize = 2000
                cursor.execute(f"SELECT source_file, article_id, record FROM {self.schema}.articles")
                for source_file, article_id, record in cursor:
                    decoded.append((source_file, article_id, article_from_record(record)))
        decoded.sort(key=lambda row: (row[0], row[1]))  # code-point order, whatever the server's collation
        return [article for _file, _id, article in decoded]

    def article(self, article_id: str) -> Article | None:
        record = self._one(f"SELECT record FROM {self.schema}.articles WHERE article_id = %s", article_id)
        return article_from_record(record) if record is not None else None

    def find_by_raw_sha(self, raw_sha256: str) -> tuple[str, str] | None:
        """(article_id, pipeline) of the article made from these exact bytes, if any."""
        with self.reading() as connection:
            return connection.execute(
                f"SELECT article_id, pipeline FROM {self.schema}.articles WHERE raw_sha256 = %s LIMIT 1", (raw_sha256,)
            ).fetchone()

    def source_file_of(self, article_id: str) -> str | None:
        return self._one(f"SELECT source_file FROM {self.schema}.articles WHERE article_id = %s", article_id)

    def near_duplicate_candidates(self, lsh_bands: list[str]) -> set[str]:
        """Article ids sharing at least one MinHash band with the given signature."""
        if not lsh_bands:
            return set()
        with self.reading() as connection:
            rows = connection.execute(
                f"SELECT DISTINCT article_id FROM {self.schema}.lsh WHERE band = ANY(%s)", (list(lsh_bands),)
            ).fetchall()
        return {article_id for (article_id,) in rows}

    def bodies(self, article_ids) -> dict[str, str]:
        """Cleaned body text of the given stored articles, in one query (missing ids are absent)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        with self.reading() as connection:
            return dict(
                connection.execute(
                    f"SELECT article_id, record::json->>'body' FROM {self.schema}.articles WHERE article_id = ANY(%s)",
                    (ids,),
                ).fetchall()
            )

    def count(self) -> int:
        return self._one(f"SELECT count(*) FROM {self.schema}.articles")

    def fingerprint(self) -> str:
        """Changes whenever the set of stored articles (or their derivation) changes; one row read."""
        value = self._pending_xor()  # inside a transaction of this thread: its own writes count
        if value is None:
            value = self._one(f"SELECT value FROM {self.schema}.meta WHERE key = %s", FINGERPRINT_KEY)
        if value is None:  # the row was deleted by hand: rebuild it once
            with self.transaction() as connection:
                value = self._locked_xor(connection)
        return fingerprint_from_xor(value)

    def _one(self, query: str, *params):
        """The first column of the first row, or None."""
        with self.reading() as connection:
            row = connection.execute(query, params or None).fetchone()
        return row[0] if row else None

    # -- rejected inputs found in the data folder ------------------------------
    def remember_rejected(self, raw_sha256: str, source_file: str, pipeline: str, message: str) -> None:
        with self.transaction() as connection:
            connection.execute(
                f"INSERT INTO {self.schema}.rejected VALUES (%s, %s, %s, %s) ON CONFLICT (raw_sha256) DO UPDATE SET "
                "source_file = EXCLUDED.source_file, pipeline = EXCLUDED.pipeline, message = EXCLUDED.message",
                (raw_sha256, source_file, pipeline, message),
            )

    def rejected_before(self, raw_sha256: str, pipeline: str) -> str | None:
        return self._one(
            f"SELECT message FROM {self.schema}.rejected WHERE raw_sha256 = %s AND pipeline = %s", raw_sha256, pipeline
        )

    # -- embeddings ------------------------------------------------------------
    def get_embeddings(self, model: str, article_id: str) -> np.ndarray | None:
        """Cached sentence vectors, or None when missing or corrupt (then rebuild)."""
        with self.reading() as connection:
            row = connection.execute(
                f"SELECT dim, vectors, sha256 FROM {self.schema}.embeddings WHERE model = %s AND article_id = %s",
                (model, article_id),
            ).fetchone()
        return None if row is None else decode_vectors(*row)

    def put_embeddings(self, model: str, article_id: str, vectors: np.ndarray) -> None:
        with self.transaction() as connection:
            connection.execute(
                f"INSERT INTO {self.schema}.embeddings VALUES (%s, %s, %s, %s, %s) ON CONFLICT (model, article_id) "
                "DO UPDATE SET dim = EXCLUDED.dim, vectors = EXCLUDED.vectors, sha256 = EXCLUDED.sha256",
                (model, article_id, *encode_vectors(vectors)),
            )

    # -- derived caches (events, claims, ...) -----------------------------------
    def get_cache(self, name: str, fingerprint: str):
        """The cached JSON payload for `name` if it was built for `fingerprint` and is intact."""
        with self.reading() as connection:
            row = connection.execute(
                f"SELECT fingerprint, payload, sha256 FROM {self.schema}.cache WHERE name = %s", (name,)
            ).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        return decode_payload(row[1], row[2])

    def put_cache(self, name: str, fingerprint: str, payload, *, wait_s: float | None = None) -> None:
        """Keep `payload` under `name` for `fingerprint`, waiting at most `wait_s` (default: as
        long as any writer) for another writer's lock on that row; StoreError("busy") past it."""
        with self.transaction() as connection:
            _wait_at_most(connection, wait_s)
            connection.execute(
                f"INSERT INTO {self.schema}.cache VALUES (%s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET "
                "fingerprint = EXCLUDED.fingerprint, payload = EXCLUDED.payload, sha256 = EXCLUDED.sha256",
                (name, fingerprint, *encode_payload(payload)),
            )


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
        Each page is read along an index from its key (code-point order, as SQLite's).
        """
        query, params = catalogue_query(
            f"{self.schema}.", "%s", "strpos({}, {}) > 0", self.fingerprint(), after, limit, outlet, language, title_contains
        )
        with self.reading() as connection:
            return [entry_from_row(row) for row in connection.execute(query, params).fetchall()]

    def catalogue_summary(self) -> CatalogueSummary:
        """Counts by outlet and language, and the date range, by SQL aggregates over the catalogue."""
        return stored_summary(self, self._catalogue_summary)

    def _catalogue_summary(self) -> CatalogueSummary:
        queries = summary_queries(f"{self.schema}.", "%s", "(date_latest::date - date_earliest::date)", "chr(1)")
        fingerprint = self.fingerprint()
        with self.reading() as connection:

            def run(query, params):
                return connection.execute(query, params or None).fetchall()

            if connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                with connection.transaction():
                    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")  # one snapshot
                    return read_summary(run, queries, fingerprint)
            return read_summary(run, queries, fingerprint)  # inside this thread's write: its snapshot

    def _overview_queries(self) -> dict[str, str]:
        return summary_queries(f"{self.schema}.", "%s", "(date_latest::date - date_earliest::date)", "chr(1)")

    def catalogue_ends(self) -> tuple[CatalogueEntry | None, CatalogueEntry | None]:
        """The entries of the earliest and the latest closely dated article, as `catalogue_summary`'s
        `first` and `last` pick them (None when no article is closely dated): one aggregate scan."""
        with self.reading() as connection:
            keys = connection.execute(self._overview_queries()["ends"], (self.fingerprint(),)).fetchone()
        return ends_from(self, keys)

    def catalogue_dates(self) -> list[PublishedDate]:
        """Every distinct publication date the catalogue shows (with the current inferred dates), in no set order."""
        with self.reading() as connection:
            rows = connection.execute(self._overview_queries()["distinct_dates"], (self.fingerprint(),)).fetchall()
        return [published_from_values(row) for row in rows]

    def changes_since(self, sequence: int) -> CatalogueChanges:
        """Article ids added or removed by writes numbered after `sequence` (see CatalogueChanges)."""
        with self.reading() as connection:
            rows = connection.execute(
                f"SELECT sequence, article_id, change FROM {self.schema}.changes WHERE sequence > %s ORDER BY sequence",
                (int(sequence),),
            ).fetchall()
            latest = connection.execute(f"SELECT coalesce(max(sequence), 0) FROM {self.schema}.changes").fetchone()[0]
        return changes_from(rows, latest)

    def write_sequence(self) -> int:
        """The number of the latest write that changed the article set (0: none since the catalogue began)."""
        return int(self._one(f"SELECT coalesce(max(sequence), 0) FROM {self.schema}.changes"))

    def put_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None:
        """Replace the stored collection-inferred dates by `dates` (article id -> date), computed at `fingerprint`."""
        s = self.schema
        rows = [(article_id, fingerprint, *date_values(published)) for article_id, published in dates.items()]
        with self.transaction() as connection:
            connection.execute(f"DELETE FROM {s}.inferred_dates")
            if rows:
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {s}.inferred_dates VALUES ({', '.join(['%s'] * 9)}) ON CONFLICT (article_id) DO NOTHING",
                        rows,
                    )
            for key in (INFERRED_DATES_KEY, INFERRED_DATES_BASE_KEY):
                connection.execute(
                    f"INSERT INTO {s}.meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (key, fingerprint),
                )
            connection.execute(f"DELETE FROM {s}.cache WHERE name IN (%s, %s)", (SUMMARY_CACHE, OVERVIEW_CACHE))

    def add_inferred_dates(self, fingerprint: str, dates: dict[str, PublishedDate]) -> None:
        """Bring the stored inferred dates to `fingerprint` by adding (or replacing) `dates` only: every
        date stored before is kept and now counts for `fingerprint`; `inferred_dates_base` is unchanged."""
        s = self.schema
        rows = [(article_id, fingerprint, *date_values(published)) for article_id, published in dates.items()]
        with self.transaction() as connection:
            connection.execute(f"UPDATE {s}.inferred_dates SET fingerprint = %s", (fingerprint,))
            if rows:
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {s}.inferred_dates VALUES ({', '.join(['%s'] * 9)}) ON CONFLICT (article_id) DO UPDATE SET "
                        + ", ".join(f"{column} = EXCLUDED.{column}" for column in ("fingerprint", "published_date", "date_precision", "date_stated", "date_clue", "date_earliest", "date_latest", "date_day_month")),
                        rows,
                    )
            connection.execute(
                f"INSERT INTO {s}.meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (INFERRED_DATES_KEY, fingerprint),
            )
            connection.execute(f"DELETE FROM {s}.cache WHERE name IN (%s, %s)", (SUMMARY_CACHE, OVERVIEW_CACHE))

    def inferred_dates_fingerprint(self) -> str | None:
        """The fingerprint the stored inferred dates were computed at, or None if never."""
        return self._one(f"SELECT value FROM {self.schema}.meta WHERE key = %s", INFERRED_DATES_KEY)

    def inferred_dates_base(self) -> str | None:
        """The fingerprint of the last whole inference (`put_inferred_dates`), or None if never."""
        return self._one(f"SELECT value FROM {self.schema}.meta WHERE key = %s", INFERRED_DATES_BASE_KEY)

    # -- stored views as rows ---------------------------------------------------------
    def catalogue_entries(self, article_ids) -> list[CatalogueEntry]:
        """The catalogue rows of these article ids (with the current inferred dates), in key order."""
        ids = list(dict.fromkeys(article_ids))
        fingerprint = self.fingerprint()
        found: list[CatalogueEntry] = []
        with self.reading() as connection:
            for start in range(0, len(ids), 1000):
                chunk = ids[start : start + 1000]
                rows = connection.execute(entries_query(f"{self.schema}.", "%s", len(chunk)), [fingerprint, *chunk])
                found += [entry_from_row(row) for row in rows.fetchall()]
        return sorted(found, key=lambda entry: entry.key)

    def put_view(self, name: str, key: str, payload, rows: dict[str, list[tuple]], *, wait_s: float | None = None) -> None:
        """Store the view `name` built for `key` as `rows`, replacing the one stored before, in one
        transaction (readers see the old view or this one, MVCC); rows are copied in (COPY). Waits at
        most `wait_s` for another writer's lock on the view's row (StoreError "busy" past it)."""
        s = self.schema
        with self.transaction() as connection:
            _wait_at_most(connection, wait_s)
            # Lock the view's row first: two writers of one view apply one after the other.
            connection.execute(
                f"INSERT INTO {s}.view_sets VALUES (%s, '', '', '') ON CONFLICT (name) DO NOTHING", (name,)
            )
            connection.execute(f"SELECT view_key FROM {s}.view_sets WHERE name = %s FOR UPDATE", (name,))
            row_key = view_row_key(key)
            self._delete_view_rows(connection, name, also=row_key)
            with connection.cursor() as cursor:
                for table, values in rows.items():
                    with cursor.copy(f"COPY {s}.{table} ({', '.join(VIEW_COLUMNS[table])}) FROM STDIN") as copy:
                        for row in values:
                            copy.write_row((row_key, *row))
            connection.execute(
                f"UPDATE {s}.view_sets SET view_key = %s, payload = %s, sha256 = %s WHERE name = %s",
                (key, *encode_payload(payload), name),
            )

    def _delete_view_rows(self, connection, name: str, also: str | None = None) -> None:
        """As `Store._delete_view_rows`."""
        s = self.schema
        keys = [view_row_key(row[0]) for row in connection.execute(f"SELECT view_key FROM {s}.view_sets WHERE name = %s", (name,))]
        keys += [row[0] for row in connection.execute(f"SELECT row_key FROM {s}.view_rows_at WHERE name = %s", (name,))]
        for table in VIEW_COLUMNS:
            connection.execute(f"DELETE FROM {s}.{table} WHERE view_key = ANY(%s)", ([*keys, *([also] if also else [])],))
        connection.execute(f"DELETE FROM {s}.view_rows_at WHERE name = %s", (name,))

    def _view_held_at(self, connection, name: str, base_key: str) -> bool:
        """Inside a write: lock the view's row and say whether `name` is still stored under `base_key`."""
        stored = connection.execute(
            f"SELECT view_key FROM {self.schema}.view_sets WHERE name = %s FOR UPDATE", (name,)
        ).fetchone()
        return stored is not None and stored[0] == base_key

    def extend_view(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                    kept: dict[str, tuple[str, list, list]], *, wait_s: float | None = None) -> bool:
        """As `Store.extend_view`: the view `name` stored for `key` as the one of `base_key` with some rows
        replaced, the kept rows copied inside the server (INSERT ... SELECT), in one transaction; False
        (nothing written) when the view is no longer stored under `base_key`."""
        s = self.schema
        with self.transaction() as connection:
            _wait_at_most(connection, wait_s)
            if not self._view_held_at(connection, name, base_key):
                return False
            base_row_key, row_key = view_row_key(base_key), view_row_key(key)
            if row_key == base_row_key:
                return False
            for table in VIEW_COLUMNS:
                connection.execute(f"DELETE FROM {s}.{table} WHERE view_key = %s", (row_key,))
            for table, (column, values, moved) in kept.items():
                columns = VIEW_COLUMNS[table]
                assert column in columns, f"{column} is not a column of {table}"
                moved = list(moved)
                renumbered = f"CASE {column} {' '.join(['WHEN %s THEN %s'] * len(moved))} ELSE {column} END" if moved else column
                selected = ", ".join(renumbered if name_ == column else name_ for name_ in columns[1:])
                connection.execute(
                    f"INSERT INTO {s}.{table} ({', '.join(columns)}) SELECT %s, {selected} FROM {s}.{table} "
                    f"WHERE view_key = %s AND NOT ({column} = ANY(%s))",
                    (row_key, *(number for pair in moved for number in pair), base_row_key, list(values)),
                )
            with connection.cursor() as cursor:
                for table, values in rows.items():
                    with cursor.copy(f"COPY {s}.{table} ({', '.join(VIEW_COLUMNS[table])}) FROM STDIN") as copy:
                        for row in values:
                            copy.write_row((row_key, *row))
            for table in VIEW_COLUMNS:
                connection.execute(f"DELETE FROM {s}.{table} WHERE view_key = %s", (base_row_key,))
            connection.execute(
                f"UPDATE {s}.view_sets SET view_key = %s, payload = %s, sha256 = %s WHERE name = %s",
                (key, *encode_payload(payload), name),
            )
        return True

    def extend_view_in_place(self, name: str, base_key: str, key: str, payload, rows: dict[str, list[tuple]],
                             dropped: dict[str, tuple[str, list]], *, wait_s: float | None = None) -> bool:
        """As `Store.extend_view_in_place`: a few rows of the view changed where they are, `key` naming it
        now, in one transaction (MVCC); False (nothing written) when it is no longer stored under `base_key`."""
        s = self.schema
        with self.transaction() as connection:
            _wait_at_most(connection, wait_s)
            if not self._view_held_at(connection, name, base_key):
                return False
            row_key = view_rows_key_of(lambda query, params: connection.execute(query.format(p=f"{s}."), params).fetchone(), name, base_key, "%s")
            for table, (column, values) in dropped.items():
                assert column in VIEW_COLUMNS[table], f"{column} is not a column of {table}"
                connection.execute(f"DELETE FROM {s}.{table} WHERE view_key = %s AND {column} = ANY(%s)", (row_key, list(values)))
            with connection.cursor() as cursor:
                for table, values in rows.items():
                    with cursor.copy(f"COPY {s}.{table} ({', '.join(VIEW_COLUMNS[table])}) FROM STDIN") as copy:
                        for row in values:
                            copy.write_row((row_key, *row))
            connection.execute(
                f"UPDATE {s}.view_sets SET view_key = %s, payload = %s, sha256 = %s WHERE name = %s", (key, *encode_payload(payload), name)
            )
            connection.execute(
                f"INSERT INTO {s}.view_rows_at VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE "
                "SET view_key = EXCLUDED.view_key, row_key = EXCLUDED.row_key", (name, key, row_key),
            )
        return True

    def view_rows_key(self, name: str, key: str) -> str:
        """As `Store.view_rows_key`."""
        with self.reading() as connection:
            return view_rows_key_of(lambda query, params: connection.execute(query.format(p=f"{self.schema}."), params).fetchone(), name, key, "%s")

    def articles_put_by(self, article_ids, sequence: int) -> set[str]:
        """As `Store.articles_put_by`."""
        with self.reading() as connection:
            return {row[0] for row in connection.execute(
                f"SELECT DISTINCT article_id FROM {self.schema}.changes WHERE sequence <= %s AND change = 'added' "
                "AND article_id = ANY(%s)", (int(sequence), list(dict.fromkeys(article_ids))))}

    def view_key(self, name: str) -> str | None:
        """The key the view `name` is stored under now (its rows are all committed), or None."""
        key = self._one(f"SELECT view_key FROM {self.schema}.view_sets WHERE name = %s", name)
        return key or None

    def view_payload(self, name: str, key: str):
        """The whole-view payload of `name` if it is stored for `key` and intact, else None."""
        with self.reading() as connection:
            row = connection.execute(
                f"SELECT view_key, payload, sha256 FROM {self.schema}.view_sets WHERE name = %s", (name,)
            ).fetchone()
        if row is None or row[0] != key:
            return None
        return decode_payload(row[1], row[2])

    def read_view(self, sql: str, params) -> list[tuple]:
        """The rows of one read of the view tables (`view_sql`: `{p}` table prefix, `?` placeholders)."""
        with self.reading() as connection:
            return connection.execute(view_sql(sql, f"{self.schema}.", "%s"), list(params)).fetchall()

    def drop_view(self, name: str) -> None:
        """Forget the view `name` (its rows go with it): the next reader builds it again."""
        s = self.schema
        with self.transaction() as connection:
            self._delete_view_rows(connection, name)
            connection.execute(f"DELETE FROM {s}.view_sets WHERE name = %s", (name,))
