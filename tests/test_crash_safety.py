"""Nothing is lost on a crash: killed ingests, corrupt cache entries, a damaged database file.

The database is derived data; the raw files (bundled folder + `uploads/`) are
the source of truth. These tests kill real processes with SIGKILL, flip bytes
in real files, and then use the store through the same entry points as the
app (`load_corpus`, `python -m lib.cli`).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store import Store
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.synthetic import synthetic_article

BUNDLED = REPO_ROOT / "data" / "articles"
ENV = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))

# A child that ingests synthetic articles forever, printing each committed article id. Each line is
# written in one call: with PYTHONUNBUFFERED (set on CI machines) `print(a, b)` writes its pieces one
# syscall each, and a kill between them left "added " without its file name.
INGEST_LOOP = """
import sys
from tests.support.synthetic import synthetic_article
from lib.ingest.corpus import open_store
from lib.ingest.pipeline import ingest_bytes, pipeline_fingerprint
from lib.core.settings import load_settings
settings = load_settings(sys.argv[1])
store = open_store(settings)
pipeline = pipeline_fingerprint()
start = int(sys.argv[2])
from lib.ingest.pipeline import build_article
build_article("warm-up.txt", synthetic_article(start - 1), settings)  # imports and models loaded
print("ready", flush=True)
for index in range(start, start + 100000):
    report = ingest_bytes(store, settings, f"loop-{index}.txt", synthetic_article(index), pipeline=pipeline)
    sys.stdout.write(f"{report.status} {report.source_file}\\n")
    sys.stdout.flush()
"""


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout, env=ENV
    )


def listed_ids(data_dir: Path) -> dict[str, str]:
    """source_file -> body of every article, as `python -m lib.cli articles --json` shows them.

    Keyed by file name, not article id: ids hash the cleaned body, which changes
    whenever the cleaner's code does (then every record is re-derived).
    """
    result = cli("articles", "--json", "--data", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return {item["source_file"]: item["body"] for item in json.loads(result.stdout)}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data folder with the bundled corpus plus two uploaded articles, all synced."""
    shutil.copytree(BUNDLED, tmp_path / "articles")
    settings = load_settings(tmp_path)
    corpus = load_corpus(settings)
    for index in (1, 2):
        report = ingest_bytes(corpus.store, settings, f"upload-{index}.txt", synthetic_article(500 + index))
        assert report.status == "added", report.message
    return tmp_path


def test_ingest_killed_at_random_moments_keeps_every_committed_article(data_dir):
    rng = random.Random(1906)
    committed = set(listed_ids(data_dir))
    assert len(committed) == 7
    for round_number in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", INGEST_LOOP, str(data_dir), str(10_000 * (round_number + 1))],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True, env=ENV,
        )
        assert child.stdout.readline().strip() == "ready"
        # Let it commit a few articles, then kill it at a random moment of the next one
        # (an ingest takes ~30-80 ms: decode, clean, hash, fsync the raw file, commit).
        reported = set()
        for _ in range(rng.randint(1, 4)):
            status, source_file = child.stdout.readline().split()
            if status == "added":
                reported.add(source_file)
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate(timeout=60)
        reported |= {line.split()[1] for line in output.splitlines() if line.startswith("added ")}
        committed |= reported
        store_state = listed_ids(data_dir)  # opens the store as a new process would
        assert committed <= set(store_state), "an article that was reported added is gone"
        for source_file, body in store_state.items():
            assert body.strip(), f"article {source_file} is half-written"
        committed = set(store_state)
        # Nothing half-written is left in the uploads folder, and the next ingest completes.
        store = open_store(load_settings(data_dir))
        leftovers = [path for path in store.uploads_dir.rglob(".tmp-*")]
        for path in leftovers:  # a temp file may remain from the kill; it is never read as an article
            assert path not in store.upload_files()
        report = ingest_bytes(store, load_settings(data_dir), f"after-{round_number}.txt", synthetic_article(777 + round_number))
        assert report.status == "added", report.message
        committed.add(report.source_file)
    assert len(committed) >= 7 + 5 + 5  # the children did commit articles before being killed


def test_corrupt_embeddings_blob_is_rebuilt_not_trusted(data_dir):
    from lib.text.embed import article_vectors, embedder_for, embedding_cache_key

    settings = load_settings(data_dir)
    corpus = load_corpus(settings)
    embedder = embedder_for(settings)
    article = corpus.articles[0]
    good = article_vectors(corpus.store, [article], embedder)[article.article_id].copy()
    with corpus.store.transaction() as connection:
        blob = bytearray(connection.execute("SELECT vectors FROM embeddings WHERE article_id = ?", (article.article_id,)).fetchone()[0])
        blob[7] ^= 0xFF  # one flipped byte: a different, wrong vector
        connection.execute("UPDATE embeddings SET vectors = ? WHERE article_id = ?", (bytes(blob), article.article_id))
    key = embedding_cache_key(embedder.model_id, article.sentences)
    assert corpus.store.get_embeddings(key, article.article_id) is None
    rebuilt = article_vectors(corpus.store, [article], embedder)[article.article_id]
    np.testing.assert_allclose(rebuilt, good, atol=1e-5)
    np.testing.assert_allclose(corpus.store.get_embeddings(key, article.article_id), good, atol=1e-5)


@pytest.mark.parametrize("damage", ["payload-byte-flipped", "payload-truncated", "hash-wrong", "not-json"])
def test_corrupt_cache_payload_is_reported_missing(data_dir, damage):
    store = open_store(load_settings(data_dir))
    payload = {"events": [{"id": "e1", "quote": "Russia and North Korea signed a treaty."}]}
    store.put_cache("events", "fp1", payload)
    assert store.get_cache("events", "fp1") == payload
    with store.transaction() as connection:
        text, digest = connection.execute("SELECT payload, sha256 FROM cache WHERE name = 'events'").fetchone()
        changed = {
            "payload-byte-flipped": (text.replace("treaty", "treatx"), digest),
            "payload-truncated": (text[: len(text) // 2], digest),
            "hash-wrong": (text, "0" * 64),
            "not-json": ("{not json", __import__("hashlib").sha256(b"{not json").hexdigest()),
        }[damage]
        connection.execute("UPDATE cache SET payload = ?, sha256 = ? WHERE name = 'events'", changed)
    assert store.get_cache("events", "fp1") is None
    store.put_cache("events", "fp1", payload)  # the caller rebuilds it
    assert store.get_cache("events", "fp1") == payload


def _damage(db_path: Path, how: str) -> None:
    if how == "wal-garbage":  # committed pages still in the write-ahead log are lost
        with open(f"{db_path}-wal", "r+b") as handle:
            handle.seek(32)
            handle.write(b"\xde\xad" * 64)
        return
    # Everything committed is in the main file (as after a clean exit); damage it.
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    size = db_path.stat().st_size
    with open(db_path, "r+b") as handle:
        if how == "truncated-to-half":
            handle.truncate(size // 2)
        elif how == "truncated-to-zero-pages":
            handle.truncate(100)
        elif how == "header-overwritten":
            handle.seek(0)
            handle.write(b"\x00" * 100)
        elif how == "pages-overwritten":
            rng = random.Random(7)
            for page in range(1, size // 4096):
                handle.seek(page * 4096 + 8)
                handle.write(bytes(rng.randrange(256) for _ in range(64)))
        elif how == "replaced-by-text":
            handle.truncate(0)
            handle.write(b"this is not a database, it is a note someone saved over it\n" * 50)


@pytest.mark.parametrize(
    "how", ["truncated-to-half", "truncated-to-zero-pages", "header-overwritten", "pages-overwritten", "replaced-by-text", "wal-garbage"]
)
def test_damaged_database_is_moved_aside_and_rebuilt_from_raw_files(data_dir, how):
    before = listed_ids(data_dir)
    assert len(before) == 7  # 5 bundled + 2 uploads
    db_path = data_dir / ".storylens" / "store.sqlite"
    if how == "wal-garbage":
        # Leave the last ingests in the WAL: a process holding a connection, as the app does.
        holder = open_store(load_settings(data_dir))
        holder.count()
        ingest_bytes(holder, load_settings(data_dir), "in-wal.txt", synthetic_article(31337))
        before = {article.source_file: article.body for article in holder.articles()}
        assert Path(f"{db_path}-wal").stat().st_size > 0
    _damage(db_path, how)
    after = listed_ids(data_dir)  # a new process: detects, moves aside, rebuilds
    assert set(after) == set(before), "an article was lost in the rebuild"
    assert all(body.strip() for body in after.values())
    if how != "wal-garbage":  # a damaged log is not corruption: SQLite stops at the bad frame
        kept = list((data_dir / ".storylens").glob("store.sqlite.corrupt-*"))
        assert kept, "the damaged file is kept for inspection"
    # The rebuilt store is fully usable: the next ingest completes.
    result = cli("ingest", "--json", "--data", str(data_dir), str(BUNDLED / "002_f09298817ccba4f1.txt"))
    assert json.loads(result.stdout)[0]["status"] == "duplicate"


def test_damage_found_while_running_gives_a_clear_error_then_heals_on_reopen(data_dir):
    settings = load_settings(data_dir)
    store = open_store(settings)
    names = {article.source_file for article in store.articles()}
    _damage(store.db_path, "replaced-by-text")
    store.close()  # as if the process were idle while the disk went bad
    from lib.core.errors import StoreError

    with pytest.raises(StoreError) as raised:
        store.articles()
    assert "damaged" in str(raised.value) and "no article is lost" in str(raised.value)
    corpus = load_corpus(settings)  # the next open re-checks, moves the file aside, resyncs
    assert {article.source_file for article in corpus.articles} == names


def test_unwritable_store_gives_a_clear_message(tmp_path):
    from lib.core.errors import StoreError

    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError) as raised:
        Store(blocker, blocker / ".storylens")
    assert "Choose a data folder you can write to" in str(raised.value)


def test_tmp_files_from_an_interrupted_upload_are_not_read_as_articles(data_dir):
    store = open_store(load_settings(data_dir))
    folder = store.uploads_dir / ("f" * 64)
    folder.mkdir(parents=True)
    (folder / ".tmp-abc123").write_bytes(synthetic_article(4242)[:200])  # killed mid-write
    assert all(not path.name.startswith(".tmp-") for path in store.upload_files())
    ids = {article.article_id for article in load_corpus(load_settings(data_dir)).articles}
    assert len(ids) == 7
