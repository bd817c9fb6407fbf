"""The store contract on both backends: SQLite (the default) and PostgreSQL on a real server.

Every test taking `store_backend` runs twice. The PostgreSQL server is started
by the session fixture in tests/support/postgres.py. The last tests ingest the
bundled story and the coverage-dev stories into each backend and check that
articles, timeline events and claim topics come out identical.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace

import numpy as np
import psycopg
import pytest

from lib.core.errors import StoreError
from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store import ArticleStore, Store, fingerprint_from_xor, xor_fingerprint_value
from lib.core.store_postgres import PostgresStore
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)
from tests.support.synthetic import synthetic_article

BUNDLED = REPO_ROOT / "data" / "articles"
COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
ENV = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))


@pytest.fixture
def filled(store_backend, tmp_path):
    settings = store_backend(tmp_path)
    store = open_store(settings)
    reports = [ingest_bytes(store, settings, f"s-{index}.txt", synthetic_article(index)) for index in range(3)]
    assert [report.status for report in reports] == ["added"] * 3
    return settings, store


@contextmanager
def own_tables(store):
    """A transaction on the store's own tables in SQLite's dialect ('?' placeholders), to damage them."""
    with store.transaction() as connection:
        if isinstance(store, PostgresStore):
            connection.execute(f"SET LOCAL search_path TO {store.schema}")
            yield lambda statement, params=(): connection.execute(statement.replace("?", "%s"), params)
        else:
            yield lambda statement, params=(): connection.execute(statement, params)


def fingerprint_of_rows(store) -> str:
    """The fingerprint the stored (article id, pipeline) pairs should give."""
    return fingerprint_from_xor(xor_fingerprint_value(None, [(row[0], row[5]) for row in store.rows()], None))


# -- one interface ------------------------------------------------------------------
PROTOCOL_METHODS = sorted(
    name for name, member in vars(ArticleStore).items() if callable(member) and not name.startswith("_")
)


@pytest.mark.parametrize("backend_class", [Store, PostgresStore])
def test_both_backends_have_every_store_method_with_the_same_parameters(backend_class):
    assert "put_article" in PROTOCOL_METHODS and "write_lock" in PROTOCOL_METHODS
    for name in PROTOCOL_METHODS:
        expected = list(inspect.signature(getattr(ArticleStore, name)).parameters)
        assert list(inspect.signature(getattr(backend_class, name)).parameters) == expected, name


def test_open_store_gives_the_chosen_backend(filled):
    settings, store = filled
    assert isinstance(store, ArticleStore)
    assert type(store) is {"sqlite": Store, "postgres": PostgresStore}[settings.store_backend]


# -- the contract (mirrors tests/core/test_store.py) -----------------------------------
def test_fingerprint_depends_on_the_set_of_articles_not_the_order_they_came_in(store_backend, tmp_path):
    settings_a, settings_b = store_backend(tmp_path / "a"), store_backend(tmp_path / "b")
    store_a, store_b = open_store(settings_a), open_store(settings_b)
    empty = store_a.fingerprint()
    for index in (1, 2, 3):
        ingest_bytes(store_a, settings_a, f"f-{index}.txt", synthetic_article(index))
    for index in (3, 1, 2):
        ingest_bytes(store_b, settings_b, f"f-{index}.txt", synthetic_article(index))
    assert store_a.fingerprint() == store_b.fingerprint() != empty


def test_the_same_articles_give_the_same_fingerprint_on_both_backends(postgres_url, tmp_path):
    fingerprints = []
    for backend, url in (("sqlite", None), ("postgres", postgres_url)):
        settings = replace(load_settings(tmp_path / backend), store_backend=backend, database_url=url)
        store = open_store(settings)
        for index in (4, 5):
            ingest_bytes(store, settings, f"f-{index}.txt", synthetic_article(index), pipeline="pipeline-1")
        fingerprints.append(store.fingerprint())
    assert fingerprints[0] == fingerprints[1]


def test_fingerprint_changes_on_remove_and_returns_when_re_added(filled):
    settings, store = filled
    before = store.fingerprint()
    article = store.articles()[0]
    assert store.remove_article(article.article_id) is True
    assert store.remove_article(article.article_id) is False
    assert store.fingerprint() != before and store.article(article.article_id) is None
    ingest_bytes(store, settings, "again.txt", synthetic_article(0))
    assert store.fingerprint() == before


def test_fingerprint_survives_a_lost_fingerprint_row(filled):
    settings, store = filled
    before = store.fingerprint()
    with own_tables(store) as execute:
        execute("DELETE FROM meta WHERE key = 'articles_xor'")  # as a database written by an older version
    assert open_store(settings).fingerprint() == before


def test_failed_transaction_leaves_nothing_behind(filled):
    _settings, store = filled
    ids = sorted(article.article_id for article in store.articles())
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.remove_article(ids[0])
            store.put_cache("x", "y", {"half": "written"})
            raise RuntimeError("crash in the middle of a write")
    assert sorted(article.article_id for article in store.articles()) == ids
    assert store.get_cache("x", "y") is None
    assert store.fingerprint() == fingerprint_of_rows(store)


def test_nested_transaction_rolls_back_only_its_part(filled):
    _settings, store = filled
    ids = sorted(article.article_id for article in store.articles())
    with store.transaction():
        store.remove_article(ids[0])
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.remove_article(ids[1])
                raise RuntimeError("inner failure")
        assert store.fingerprint() == fingerprint_of_rows(store)  # inside: its own committed part counts
    assert sorted(article.article_id for article in store.articles()) == ids[1:]
    assert store.fingerprint() == fingerprint_of_rows(store)


def test_many_writes_in_one_transaction_keep_the_fingerprint_right(filled):
    settings, store = filled
    from lib.ingest.pipeline import build_article

    made = [build_article(f"b-{index}.txt", synthetic_article(index), settings) for index in range(10, 14)]
    with store.transaction():
        for number, article in enumerate(made):
            store.put_article(article, "bundled", f"b-{number}.txt", "p1", [f"band-{number}"])
        store.put_article(made[0], "bundled", "b-0.txt", "p2", ["band-0"])  # re-derived in the same batch
        store.remove_article(made[1].article_id)
    assert store.count() == 6
    assert store.fingerprint() == fingerprint_of_rows(store)


def test_lookups_find_what_was_stored_and_nothing_else(filled):
    settings, store = filled
    articles = store.articles()
    assert [article.source_file for article in articles] == ["s-0.txt", "s-1.txt", "s-2.txt"]
    first = articles[0]
    assert store.count() == 3
    assert store.article(first.article_id) == first
    assert store.find_by_raw_sha(first.raw_sha256) == (first.article_id, store.rows()[0][5])
    assert store.source_file_of(first.article_id) == "s-0.txt"
    assert store.origin_of(first.article_id) == "upload"
    assert store.bodies([first.article_id, "no-such-id", first.article_id]) == {first.article_id: first.body}
    assert [row[2] for row in store.rows()] == ["s-0.txt", "s-1.txt", "s-2.txt"]
    assert len(store.upload_files()) == 3
    for missing in (store.article("x"), store.find_by_raw_sha("x"), store.source_file_of("x"), store.origin_of("x")):
        assert missing is None
    assert store.near_duplicate_candidates([]) == set()


def test_near_duplicate_candidates_share_a_band(store_backend, tmp_path):
    store = open_store(store_backend(tmp_path))
    from lib.ingest.pipeline import build_article

    made = build_article("one.txt", synthetic_article(7), load_settings(tmp_path))
    store.put_article(made, "bundled", "one.txt", "p1", ["band-a", "band-b"])
    assert store.near_duplicate_candidates(["band-b", "band-z"]) == {made.article_id}
    assert store.near_duplicate_candidates(["band-z"]) == set()
    store.put_article(made, "bundled", "one.txt", "p2", ["band-c"])  # a re-derived record replaces its bands
    assert store.near_duplicate_candidates(["band-a", "band-b"]) == set()
    assert store.rows()[0][5] == "p2" and store.count() == 1


def test_rejected_inputs_are_remembered_per_pipeline(filled):
    _settings, store = filled
    store.remember_rejected("sha-x", "bad.bin", "p1", "not an article")
    store.remember_rejected("sha-x", "bad.bin", "p1", "still not an article")
    assert store.rejected_before("sha-x", "p1") == "still not an article"
    assert store.rejected_before("sha-x", "p2") is None


@pytest.mark.parametrize("name", ["../../escape.txt", "a/b\\c.txt", "..", "x" * 400 + ".txt", "nul\x00.txt"])
def test_upload_lands_in_its_hash_folder_whatever_the_name(store_backend, tmp_path, name):
    store = open_store(store_backend(tmp_path))
    path = (tmp_path / store.save_upload(name, b"article bytes")).resolve()
    assert path.parent.parent == store.uploads_dir.resolve()
    assert path.parent.name == hashlib.sha256(b"article bytes").hexdigest()
    assert store.read_raw(str(path.relative_to(tmp_path))) == b"article bytes"


def test_removing_an_upload_deletes_its_raw_file(filled):
    _settings, store = filled
    article = store.articles()[0]
    assert len(store.upload_files()) == 3
    store.remove_article(article.article_id)
    assert len(store.upload_files()) == 2


@pytest.mark.parametrize("damage", ["flip", "truncate", "wrong-dimension", "nan"])
def test_damaged_embedding_entry_reads_as_missing(filled, damage):
    _settings, store = filled
    article = store.articles()[0]
    vectors = np.random.default_rng(1).standard_normal((len(article.sentences), 8)).astype(np.float32)
    store.put_embeddings("model-x", article.article_id, vectors)
    np.testing.assert_array_equal(store.get_embeddings("model-x", article.article_id), vectors)
    with own_tables(store) as execute:
        blob = bytearray(execute("SELECT vectors FROM embeddings").fetchone()[0])
        if damage == "flip":
            blob[3] ^= 0x40
            execute("UPDATE embeddings SET vectors = ?", (bytes(blob),))
        elif damage == "truncate":
            execute("UPDATE embeddings SET vectors = ?", (bytes(blob[:-2]),))
        elif damage == "wrong-dimension":
            execute("UPDATE embeddings SET dim = 7")
        else:
            nan = np.full_like(vectors, np.nan).tobytes()
            execute("UPDATE embeddings SET vectors = ?, sha256 = ?", (nan, hashlib.sha256(nan).hexdigest()))
    assert store.get_embeddings("model-x", article.article_id) is None
    store.put_embeddings("model-x", article.article_id, vectors)  # recomputed vectors replace the damaged ones
    np.testing.assert_array_equal(store.get_embeddings("model-x", article.article_id), vectors)


def test_cache_is_keyed_by_fingerprint_and_damage_reads_as_missing(filled):
    _settings, store = filled
    store.put_cache("claims", "fp-a", {"claims": [1, 2], "text": "Ünïcode ✓"})
    assert store.get_cache("claims", "fp-a") == {"claims": [1, 2], "text": "Ünïcode ✓"}
    assert store.get_cache("claims", "fp-b") is None
    with own_tables(store) as execute:
        execute("UPDATE cache SET payload = ? WHERE name = 'claims'", ('{"claims": [1, 3], "text": "Ünïcode ✓"}',))
    assert store.get_cache("claims", "fp-a") is None


def test_two_threads_adding_different_articles_both_keep_theirs(store_backend, tmp_path):
    settings = store_backend(tmp_path)
    store = open_store(settings)

    def add(indexes):
        return [ingest_bytes(store, settings, f"t-{i}.txt", synthetic_article(i)) for i in indexes]

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(add, [range(0, 8), range(100, 108)])
    reports = first + second
    assert [report.status for report in reports] == ["added"] * 16, [r.message for r in reports if r.status != "added"]
    assert {a.article_id for a in store.articles()} == {report.article_id for report in reports}


def test_same_article_added_at_once_from_threads_is_stored_once(store_backend, tmp_path):
    settings = store_backend(tmp_path)
    store = open_store(settings)
    data = (BUNDLED / "004_8ccb0b7b50ae83bd.txt").read_bytes()
    barrier = threading.Barrier(3)

    def add(number):
        barrier.wait()
        return ingest_bytes(store, settings, f"same-{number}.txt", data)

    with ThreadPoolExecutor(max_workers=3) as pool:
        reports = list(pool.map(add, range(3)))
    assert sorted(report.status for report in reports) == ["added", "duplicate", "duplicate"]
    assert store.count() == 1 and len(store.upload_files()) == 1


# -- PostgreSQL only: the server, the lock, the errors -----------------------------------
def pg_settings(folder, url):
    return replace(load_settings(folder), store_backend="postgres", database_url=url)


def test_each_data_folder_gets_its_own_schema(postgres_url, tmp_path):
    settings_a, settings_b = pg_settings(tmp_path / "a", postgres_url), pg_settings(tmp_path / "b", postgres_url)
    store_a = open_store(settings_a)
    ingest_bytes(store_a, settings_a, "a.txt", synthetic_article(1))
    store_b = open_store(settings_b)
    assert store_a.schema != store_b.schema
    assert (store_a.count(), store_b.count()) == (1, 0)
    assert open_store(pg_settings(tmp_path / "a", postgres_url)).count() == 1  # the same folder, the same schema


def test_a_writer_waits_for_the_lock_held_elsewhere_then_says_busy(postgres_url, tmp_path, monkeypatch):
    store = open_store(pg_settings(tmp_path, postgres_url))
    monkeypatch.setattr(PostgresStore, "lock_timeout_s", 0.3)
    with psycopg.connect(postgres_url, autocommit=True) as other_machine:
        other_machine.execute("SELECT pg_advisory_lock(%s)", (store.lock_key,))
        started = time.monotonic()
        with pytest.raises(StoreError, match="busy"):
            with store.write_lock():
                pass
        assert 0.25 < time.monotonic() - started < 10
    with store.write_lock():  # the other session ended: the lock is free again
        with store.write_lock():  # and re-entrant in one thread
            assert store.count() == 0


def test_a_connection_keeps_its_lock_timeout_after_the_write_lock(postgres_url, tmp_path):
    # Every pooled connection waits at most lock_timeout_s for a row lock (busy, never a hang);
    # taking the write lock must not leave a connection without that limit.
    store = open_store(pg_settings(tmp_path, postgres_url))
    with store.transaction() as connection:
        before = connection.execute("SHOW lock_timeout").fetchone()[0]
        with store.write_lock():
            pass
        assert connection.execute("SHOW lock_timeout").fetchone()[0] == before == "2min"


def test_the_write_lock_serialises_two_threads(postgres_url, tmp_path):
    store = open_store(pg_settings(tmp_path, postgres_url))
    inside, overlaps = [], []

    def hold(_):
        with store.write_lock():
            if inside:
                overlaps.append(1)
            inside.append(1)
            time.sleep(0.2)
            inside.pop()

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(hold, range(3)))
    assert overlaps == []


def test_a_connection_the_server_dropped_is_replaced_not_reported(postgres_url, tmp_path):
    settings = pg_settings(tmp_path, postgres_url)
    store = open_store(settings)
    ingest_bytes(store, settings, "a.txt", synthetic_article(1))
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = 'storylens' AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert killed >= 1
    assert store.count() == 1


@pytest.mark.parametrize(
    "make_url, expected",
    [
        (lambda url: "postgresql://reader:s3cret-pw@127.0.0.1:1/storylens", "cannot reach the PostgreSQL server at reader@127.0.0.1:1/storylens"),
        (lambda url: url.rsplit("/", 1)[0] + "/no_such_database", 'refused StoryLens .*"no_such_database" does not exist'),
        (lambda url: url.replace("postgres@", "nobody:s3cret-pw@"), 'refused StoryLens .*role "nobody" does not exist'),
        (lambda url: "host=127.0.0.1 port=1 password=s3cret-pw dbname", "is not a PostgreSQL connection URL"),
    ],
    ids=["closed-port", "unknown-database", "unknown-user", "not-a-url"],
)
def test_a_wrong_database_url_is_a_clear_error_without_the_password(postgres_url, tmp_path, make_url, expected):
    with pytest.raises(StoreError, match=expected) as raised:
        open_store(pg_settings(tmp_path, make_url(postgres_url)))
    message = str(raised.value)
    assert "s3cret-pw" not in message and "STORYLENS_DATABASE_URL" in message and "STORYLENS_STORE=sqlite" in message


def test_the_cli_says_the_server_cannot_be_reached_in_one_line(tmp_path):
    env = dict(ENV, STORYLENS_STORE="postgres", STORYLENS_DATABASE_URL="postgresql://reader:s3cret-pw@127.0.0.1:1/x")
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "articles", "--data", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: StoryLens cannot reach the PostgreSQL server at reader@127.0.0.1:1/x")
    assert "Traceback" not in result.stderr and "s3cret-pw" not in result.stderr


_INGEST_LOOP = """
import sys
from lib.core.settings import load_settings
from lib.ingest.corpus import open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.synthetic import synthetic_article
settings = load_settings(sys.argv[1])
store = open_store(settings)
for index in range(1000):
    report = ingest_bytes(store, settings, f"loop-{index}.txt", synthetic_article(index), pipeline="p")
    print(report.status, report.article_id, flush=True)
"""


def test_an_ingest_killed_mid_run_keeps_what_it_committed_and_frees_the_lock(postgres_url, tmp_path, monkeypatch):
    import signal

    env = dict(ENV, STORYLENS_STORE="postgres", STORYLENS_DATABASE_URL=postgres_url)
    child = subprocess.Popen(
        [sys.executable, "-c", _INGEST_LOOP, str(tmp_path)], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True, env=env
    )
    committed = []
    for line in child.stdout:
        status, article_id = line.split()
        assert status == "added"
        committed.append(article_id)
        if len(committed) == 6:
            os.kill(child.pid, signal.SIGKILL)  # most likely inside the next ingest, holding the write lock
            break
    child.wait(timeout=60)
    store = open_store(pg_settings(tmp_path, postgres_url))
    stored = {article.article_id for article in store.articles()}
    assert set(committed) <= stored and len(stored) <= len(committed) + 1
    assert store.fingerprint() == fingerprint_of_rows(store)
    monkeypatch.setattr(PostgresStore, "lock_timeout_s", 10.0)
    with store.write_lock():  # the server dropped the dead process's lock with its session
        pass


_OPEN_AND_WRITE = """
import sys, time
from lib.core.settings import load_settings
from lib.ingest.corpus import open_store
start, data = float(sys.argv[1]), sys.argv[2]
time.sleep(max(start - time.time(), 0))
store = open_store(load_settings(data))
store.put_cache("k" + sys.argv[3], "v", {"n": sys.argv[3]})
"""


def test_processes_opening_a_new_store_at_the_same_instant_all_succeed(postgres_url, tmp_path):
    env = dict(ENV, STORYLENS_STORE="postgres", STORYLENS_DATABASE_URL=postgres_url)
    start = time.time() + 2.0  # every process is imported and waiting by then
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AND_WRITE, str(start), str(tmp_path), str(number)],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for number in range(5)
    ]
    for run in runs:
        _stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    store = open_store(pg_settings(tmp_path, postgres_url))
    assert [store.get_cache(f"k{number}", "v") for number in range(5)] == [{"n": str(number)} for number in range(5)]


# -- the same results on both backends ----------------------------------------------------
def _story_sources() -> dict[str, list]:
    stories = {"bundled": sorted(BUNDLED.glob("*.txt"))}
    for story in ("russia-dprk", "japan-rice", "myanmar-quake"):
        if (COVERAGE_DEV / story).is_dir():
            stories[story] = sorted((COVERAGE_DEV / story).glob("*.txt"))
    return stories


STORIES = list(_story_sources())


@pytest.fixture(scope="module")
def views_per_backend(tmp_path_factory, postgres_url, embedder):
    """story -> backend -> (corpus, events, claims, events again from the store's cache): one ingest each.

    The sentence vectors are computed once, in the SQLite store, and written into the
    PostgreSQL store through `put_embeddings` (the model gives the same vectors either way);
    the views are then built on each backend from what it reads back.
    """
    from lib.claims.build import build_claims
    from lib.events.build import build_events
    from lib.text.embed import article_vectors, embedding_cache_key

    built: dict[str, dict[str, tuple]] = {}
    for story, pages in _story_sources().items():
        for backend in ("sqlite", "postgres"):
            folder = tmp_path_factory.mktemp(f"{story}-{backend}")
            (folder / "articles").mkdir()
            for page in pages:
                shutil.copyfile(page, folder / "articles" / page.name)
            settings = replace(
                load_settings(folder), store_backend=backend, database_url=postgres_url if backend == "postgres" else None
            )
            corpus = load_corpus(settings)
            if backend == "postgres":
                computed = article_vectors(built[story]["sqlite"][0].store, corpus.articles, embedder)
                for article in corpus.articles:
                    if article.sentences:
                        key = embedding_cache_key(embedder.model_id, article.sentences)
                        corpus.store.put_embeddings(key, article.article_id, computed[article.article_id])
            events, claims = build_events(corpus, embedder), build_claims(corpus, embedder)
            again = build_events(load_corpus(settings, sync=False), embedder)
            built.setdefault(story, {})[backend] = (corpus, events, claims, again)
    return built


@pytest.mark.slow
@pytest.mark.parametrize("story", STORIES)
def test_both_backends_store_the_same_articles(views_per_backend, story):
    sqlite, postgres = (views_per_backend[story][backend][0] for backend in ("sqlite", "postgres"))
    assert len(sqlite.articles) >= 5
    assert postgres.articles == sqlite.articles  # ids, titles, outlets, dates, bodies, sentences
    assert [row[:5] for row in postgres.store.rows()] == [row[:5] for row in sqlite.store.rows()]
    # The pipeline column hashes the ingest code as it is on disk at ingest time, so it is not
    # compared here (code edited between the two ingests changes it); each fingerprint is the
    # one of its own (id, pipeline) set, and equal sets give equal fingerprints (test above).
    for corpus in (sqlite, postgres):
        pairs = [(row[0], row[5]) for row in corpus.store.rows()]
        assert corpus.fingerprint == fingerprint_from_xor(xor_fingerprint_value(None, pairs, None))


@pytest.mark.slow
@pytest.mark.parametrize("story", STORIES)
def test_both_backends_give_the_same_events_and_topics(views_per_backend, story):
    _c, sqlite_events, sqlite_claims, _again = views_per_backend[story]["sqlite"]
    _c, postgres_events, postgres_claims, postgres_again = views_per_backend[story]["postgres"]
    assert sqlite_events, story
    assert postgres_events == sqlite_events
    assert postgres_again == sqlite_events  # read back from the PostgreSQL cache
    assert [topic.topic_id for topic in postgres_claims.topics] == [topic.topic_id for topic in sqlite_claims.topics]
    assert postgres_claims == sqlite_claims
