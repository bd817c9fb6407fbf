"""Several sessions at once: threads (Streamlit sessions) and processes (CLI runs, other app instances).

Both writers succeed and neither's articles vanish; the same article added
twice at once is stored once; readers running during an ingest always see
complete articles and never raise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.synthetic import synthetic_article

ENV = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))
BUNDLED = REPO_ROOT / "data" / "articles"


def cli_ingest(data_dir: Path, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lib.cli", "ingest", "--json", "--data", str(data_dir), *map(str, files)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )


def write_inputs(folder: Path, indexes) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in indexes:
        path = folder / f"story-{index}.txt"
        path.write_bytes(synthetic_article(index))
        paths.append(path)
    return paths


def test_two_threads_adding_different_articles_both_keep_theirs(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)

    def add(indexes):
        return [ingest_bytes(store, settings, f"t-{i}.txt", synthetic_article(i)) for i in indexes]

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(add, [range(0, 12), range(100, 112)])
    reports = first + second
    assert [report.status for report in reports] == ["added"] * 24, [r.message for r in reports if r.status != "added"]
    assert {a.article_id for a in store.articles()} == {report.article_id for report in reports}


@pytest.mark.parametrize("copies", [2, 4])
def test_same_article_added_at_once_from_threads_is_stored_once(tmp_path, copies):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    data = (BUNDLED / "004_8ccb0b7b50ae83bd.txt").read_bytes()
    barrier = threading.Barrier(copies)

    def add(number):
        barrier.wait()
        return ingest_bytes(store, settings, f"same-{number}.txt", data)

    with ThreadPoolExecutor(max_workers=copies) as pool:
        reports = list(pool.map(add, range(copies)))
    assert sorted(report.status for report in reports) == ["added"] + ["duplicate"] * (copies - 1)
    assert len({report.article_id for report in reports}) == 1
    assert store.count() == 1
    assert len(store.upload_files()) == 1
    duplicate = next(report for report in reports if report.status == "duplicate")
    assert "already in the collection" in duplicate.message


def test_two_processes_adding_articles_at_once_both_succeed(tmp_path):
    data_dir = tmp_path / "data"
    first = write_inputs(tmp_path / "a", range(200, 215))
    second = write_inputs(tmp_path / "b", range(300, 315))
    shared = BUNDLED / "003_acf3f096cf1d3bac.txt"  # both add this one at the same moment
    runs = [cli_ingest(data_dir, [shared, *first]), cli_ingest(data_dir, [shared, *second])]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs):
        assert run.returncode == 0, stderr
        assert "Traceback" not in stderr
    reports = [report for stdout, _ in outputs for report in json.loads(stdout)]
    shared_reports = [report for report in reports if report["source_file"] == shared.name]
    assert sorted(report["status"] for report in shared_reports) == ["added", "duplicate"]
    added = {report["article_id"] for report in reports if report["status"] == "added"}
    assert len(added) == 31
    stored = {article.article_id for article in load_corpus(load_settings(data_dir)).articles}
    assert added == stored


def test_readers_during_an_ingest_see_whole_articles_and_never_raise(tmp_path):
    data_dir = tmp_path / "data"
    settings = load_settings(data_dir)
    store = open_store(settings)
    for index in range(3):
        ingest_bytes(store, settings, f"seed-{index}.txt", synthetic_article(400 + index))
    paths = write_inputs(tmp_path / "in", range(500, 525))
    writer = cli_ingest(data_dir, paths)  # another process writes while this one reads
    problems: list[str] = []
    seen: dict[str, list[int]] = {"corpus": [], "store": []}
    stop = threading.Event()

    def read_loop(kind: str):
        reader_store = open_store(settings)
        seen_counts = seen[kind]  # each reader's own history: counts never go down
        while not stop.is_set():
            try:
                if kind == "corpus":
                    articles = load_corpus(settings, sync=False).articles
                else:
                    articles = reader_store.articles()
                for article in articles:
                    if not article.body or not article.sentences:
                        problems.append(f"half-written {article.source_file}")
                    for sentence in article.sentences[:3]:
                        if article.body[sentence.start : sentence.end] != sentence.text:
                            problems.append(f"offsets broken in {article.source_file}")
                counts = len(articles)
                if seen_counts and counts < seen_counts[-1]:
                    problems.append(f"article count went down {seen_counts[-1]} -> {counts}")
                seen_counts.append(counts)
                reader_store.fingerprint()
            except Exception as error:  # any exception is a failure of the guarantee
                problems.append(f"{kind}: {type(error).__name__}: {error}")

    readers = [threading.Thread(target=read_loop, args=(kind,)) for kind in ("corpus", "store")]
    for reader in readers:
        reader.start()
    stdout, stderr = writer.communicate(timeout=600)
    stop.set()
    for reader in readers:
        reader.join(timeout=60)
    assert writer.returncode == 0, stderr
    assert problems == []
    for counts in seen.values():
        assert len(counts) > 3 and counts[0] >= 3 and max(counts) <= 28
    assert store.count() == 28


# Each process waits for the same wall-clock moment, then opens the new store
# and writes to it: the tables are created and the file switched to WAL by
# several processes at the same instant.
_OPEN_AND_WRITE = """
import sys, time
from lib.core.store import Store
from pathlib import Path
start, data = float(sys.argv[1]), Path(sys.argv[2])
time.sleep(max(start - time.time(), 0))
store = Store(data, data / ".storylens")
store.put_cache("k" + sys.argv[3], "v", {"n": sys.argv[3]})
"""


@pytest.mark.parametrize("attempt", range(3))
def test_processes_opening_a_new_store_at_the_same_instant_all_succeed(tmp_path, attempt):
    import time

    start = time.time() + 1.5  # every process is imported and waiting by then
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AND_WRITE, str(start), str(tmp_path), str(number)],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        )
        for number in range(6)
    ]
    for run in runs:
        _stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    store = open_store(load_settings(tmp_path))
    assert [store.get_cache(f"k{number}", "v") for number in range(6)] == [{"n": str(number)} for number in range(6)]
