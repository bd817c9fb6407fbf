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
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Iterator

import numpy as np

from lib.errors import StoreError
from lib.models import Article, PublishedDate, RemovedBlock, Sentence

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
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    article_id TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vectors BLOB NOT NULL,
    sha256 TEXT NOT NULL,            -- hash of the blob: a corrupt entry is rebuilt, not trusted
    PRIMARY KEY (model, article_id)
);
CREATE TABLE IF NOT EXISTS cache (
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (name)
);
"""


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
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def article_to_record(article: Article) -> str:
    return json.dumps(asdict(article), ensure_ascii=False)


def article_from_record(record: str) -> Article:
    data = json.loads(record)
    data["published"] = PublishedDate(**data["published"])
    data["removed"] = tuple(RemovedBlock(**block) for block in data["removed"])
    data["sentences"] = tuple(Sentence(**sentence) for sentence in data["sentences"])
    return Article(**data)


class Store:
    """The articles of one data directory, with their derived data.

    Guarantees: every write is atomic; an article is stored once (by cleaned
    body hash); a record produced by older code is reported as stale so the
    caller can re-derive it from its raw bytes.
    """

    def __init__(self, data_dir: Path, store_dir: Path):
        self.data_dir = Path(data_dir)
        self.store_dir = Path(store_dir)
        self.uploads_dir = self.store_dir / "uploads"
        self.db_path = self.store_dir / "store.sqlite"
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create the StoryLens store in {self.store_dir}: {error.strerror}. "
                "Choose a data folder you can write to (--data DIR or STORYLENS_DATA)."
            ) from error
        self._open_database()

    # -- database plumbing -------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.db_path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA busy_timeout=60000")
        return connection

    def _open_database(self) -> None:
        try:
            connection = self._connect()
            status = connection.execute("PRAGMA quick_check").fetchone()[0]
            if status != "ok":
                raise sqlite3.DatabaseError(status)
            connection.executescript(SCHEMA)
            connection.close()
        except sqlite3.DatabaseError:
            # The database is derived data: move the damaged file aside (kept for
            # inspection) and rebuild it from the raw inputs on the next sync.
            stamp = time.strftime("%Y%m%d-%H%M%S")
            for suffix in ("", "-wal", "-shm"):
                damaged = Path(str(self.db_path) + suffix)
                if damaged.exists():
                    damaged.replace(Path(f"{damaged}.corrupt-{stamp}"))
            connection = self._connect()
            connection.executescript(SCHEMA)
            connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: all statements inside commit together or not at all."""
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        connection = self._connect()
        try:
            yield connection
        finally:
            connection.close()

    def write_lock(self):
        """An inter-process lock for check-then-write sequences (e.g. duplicate checks)."""
        from filelock import FileLock

        return FileLock(str(self.store_dir / "write.lock"), timeout=120)

    # -- raw inputs ----------------------------------------------------------
    def save_upload(self, name: str, data: bytes) -> Path:
        """Keep the raw bytes of an added article; returns the path relative to data_dir."""
        raw_sha = sha256_bytes(data)
        target = self.uploads_dir / raw_sha / name
        if not target.exists():
            atomic_write_bytes(target, data)
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

    def remove_article(self, article_id: str) -> bool:
        """Delete one article and its derived data; its raw upload is deleted too."""
        with self.transaction() as connection:
            row = connection.execute(
                "SELECT origin, raw_path FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row is None:
                return False
            connection.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
            connection.execute("DELETE FROM embeddings WHERE article_id = ?", (article_id,))
        origin, raw_path = row
        if origin == "upload":
            raw_file = self.data_dir / raw_path
            if raw_file.exists():
                raw_file.unlink()
                try:
                    raw_file.parent.rmdir()
                except OSError:
                    pass
        return True

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(article_id, raw_sha256, source_file, origin, raw_path, pipeline) for every article."""
        with self.reading() as connection:
            return connection.execute(
                "SELECT article_id, raw_sha256, source_file, origin, raw_path, pipeline "
                "FROM articles ORDER BY source_file"
            ).fetchall()

    def articles(self) -> list[Article]:
        """Every stored article, ordered by source file name."""
        with self.reading() as connection:
            records = connection.execute(
                "SELECT record FROM articles ORDER BY source_file, article_id"
            ).fetchall()
        return [article_from_record(record) for (record,) in records]

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

    def count(self) -> int:
        with self.reading() as connection:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def fingerprint(self) -> str:
        """Changes whenever the set of stored articles (or their derivation) changes."""
        digest = hashlib.sha256()
        for article_id, _raw, _name, _origin, _path, pipeline in sorted(self.rows()):
            digest.update(f"{article_id}:{pipeline};".encode())
        return digest.hexdigest()[:16]

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
        if row is None:
            return None
        dim, blob, expected_sha = row
        if sha256_bytes(blob) != expected_sha or dim <= 0 or len(blob) % (4 * dim):
            return None
        return np.frombuffer(blob, dtype=np.float32).reshape(-1, dim)

    def put_embeddings(self, model: str, article_id: str, vectors: np.ndarray) -> None:
        blob = np.ascontiguousarray(vectors, dtype=np.float32).tobytes()
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?, ?)",
                (model, article_id, int(vectors.shape[1]), blob, sha256_bytes(blob)),
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
        if sha256_bytes(row[1].encode()) != row[2]:
            return None
        return json.loads(row[1])

    def put_cache(self, name: str, fingerprint: str, payload) -> None:
        text = json.dumps(payload, ensure_ascii=False)
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO cache VALUES (?, ?, ?, ?)",
                (name, fingerprint, text, sha256_bytes(text.encode())),
            )
