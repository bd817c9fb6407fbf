"""Batch ingest on Ray: several workers store exactly what one process stores.

A real local Ray cluster (2 CPUs, no dashboard) and the real embedding model.
Each engine ingests the same two batches into its own fresh data folder: the
bundled corpus, then the 40 coverage-dev pages with a copy of one page under
another name (a duplicate) and inputs that cannot be articles among them.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import numpy as np
import pytest

from lib.core.errors import SettingsError
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.batch import IngestInput, LocalEngine, engine_for, ingest_files
from lib.ingest.corpus import open_store
from lib.ingest.pipeline import ingest_bytes
from lib.text.embed import embedder_for, embedding_cache_key

ray = pytest.importorskip("ray", reason="the ray engine's tests need the package ray (pip install -e '.[test]')")

BUNDLED = REPO_ROOT / "data" / "articles"
COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
WORKERS = 2
BAD_INPUTS = {
    "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # binary: not text
    "menu.txt": "Home\nNews\nSport\nWeather\nLogin\n".encode(),  # page furniture only
}


def _inputs(paths) -> list[IngestInput]:
    return [IngestInput(path.name, path.read_bytes()) for path in paths]


def _batches() -> list[list[IngestInput]]:
    pages = sorted(COVERAGE_DEV.glob("*/*.txt"))
    assert len(pages) == 40, f"coverage-dev should hold 40 pages, found {len(pages)}"
    second = _inputs(pages)
    second.insert(7, IngestInput("menu.txt", BAD_INPUTS["menu.txt"]))
    second.insert(20, IngestInput("photo.png", BAD_INPUTS["photo.png"]))
    second.append(IngestInput("copy-of-" + pages[3].name, pages[3].read_bytes()))
    return [_inputs(sorted(BUNDLED.iterdir())), second]


@pytest.fixture(scope="module")
def ray_cluster():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             logging_level=logging.WARNING, log_to_driver=False)
    yield ray
    ray.shutdown()


def _ingest_both_batches(data_dir, engine):
    settings = load_settings(data_dir)
    store = open_store(settings)
    reports = [report for batch in _batches() for report in ingest_files(store, settings, batch, engine=engine, embed=True)]
    return settings, store, reports


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    return _ingest_both_batches(tmp_path_factory.mktemp("local-data"), LocalEngine())


@pytest.fixture(scope="module")
def on_ray(tmp_path_factory, ray_cluster):
    settings = load_settings(tmp_path_factory.mktemp("ray-data"))
    return _ingest_both_batches(settings.data_dir, engine_for(settings, "ray", WORKERS))


def test_ray_gives_the_same_report_for_every_input(one_process, on_ray):
    local_reports, ray_reports = one_process[2], on_ray[2]
    assert len(ray_reports) == len(local_reports) == 5 + 40 + 3
    assert ray_reports == local_reports  # status, message, article id, encoding, duplicate_of
    statuses = [report.status for report in ray_reports]
    assert statuses.count("added") >= 40 and statuses.count("rejected") == 2 and statuses.count("duplicate") >= 1


def test_ray_stores_the_same_articles_as_one_process(one_process, on_ray):
    local_articles, ray_articles = one_process[1].articles(), on_ray[1].articles()
    assert len(ray_articles) == len(local_articles) >= 45
    for local, remote in zip(local_articles, ray_articles):
        # Whole records: id, title, outlet, dates, language, body, removed blocks, sentences.
        assert remote == local, local.source_file
    # (article id, raw hash, source file, origin); not the raw path (each store's own
    # folder) nor the pipeline column (a hash of the ingest code when each ran).
    local_rows = sorted(row[:4] for row in one_process[1].rows())
    assert sorted(row[:4] for row in on_ray[1].rows()) == local_rows


def test_ray_stores_the_same_sentence_vectors_as_one_process(one_process, on_ray):
    """Equal to 1e-6, not bit for bit: a Ray worker runs torch on its one CPU (OMP_NUM_THREADS=1)
    while this process uses both cores, and the model's sums added in another order differ
    in the last bits (up to ~2e-7 measured; texts of 8 or fewer sentences run on one
    thread in both and are bit for bit equal)."""
    model_id = embedder_for(one_process[0]).model_id
    compared = 0
    for article in one_process[1].articles():
        key = embedding_cache_key(model_id, article.sentences)
        local = one_process[1].get_embeddings(key, article.article_id)
        remote = on_ray[1].get_embeddings(key, article.article_id)
        assert local is not None and remote is not None, article.source_file
        assert local.shape == remote.shape == (len(article.sentences), embedder_for(one_process[0]).dimension)
        np.testing.assert_allclose(remote, local, rtol=0, atol=1e-6, err_msg=article.source_file)
        compared += len(article.sentences)
    assert compared > 500


def test_a_bad_file_in_a_ray_batch_gets_the_local_message_and_the_rest_land(on_ray, tmp_path):
    reports = {report.source_file: report for report in on_ray[2]}
    settings = load_settings(tmp_path)
    for name, data in BAD_INPUTS.items():
        alone = ingest_bytes(open_store(settings), settings, name, data)  # today's one-file ingest
        assert alone.status == "rejected"
        assert reports[name].status == "rejected" and reports[name].message == alone.message
    landed = {article.source_file for article in on_ray[1].articles()}
    expected = {path.name for path in BUNDLED.iterdir()} | {path.name for path in COVERAGE_DEV.glob("*/*.txt")}
    assert expected <= landed and not landed & set(BAD_INPUTS)


def test_a_copy_under_another_name_is_a_duplicate_on_ray_too(on_ray):
    copy = next(report for report in on_ray[2] if report.source_file.startswith("copy-of-"))
    assert copy.status == "duplicate" and copy.duplicate_of == copy.source_file.removeprefix("copy-of-")


def test_the_cli_ray_engine_prints_the_same_json_as_the_local_engine(tmp_path):
    """`python -m lib.cli ingest --engine ray --workers 2` starts its own local cluster."""
    files = [str(path) for path in sorted(BUNDLED.iterdir())[:3]] + [str(tmp_path / "missing.txt")]
    (tmp_path / "menu.txt").write_bytes(BAD_INPUTS["menu.txt"])
    files.insert(1, str(tmp_path / "menu.txt"))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "STORYLENS_INGEST_ENGINE": "local"}
    outputs = {}
    for engine in ("local", "ray"):
        done = subprocess.run(
            [sys.executable, "-m", "lib.cli", "ingest", "--json", "--engine", engine,
             *(["--workers", "2"] if engine == "ray" else []), "--data", str(tmp_path / engine), *files],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, env=env,
        )
        assert done.returncode == 2, done.stderr[-2000:]  # 2: some inputs were rejected
        outputs[engine] = json.loads(done.stdout)
    assert outputs["ray"] == outputs["local"]
    assert [report["status"] for report in outputs["ray"]] == ["added", "rejected", "added", "added", "rejected"]


@pytest.mark.parametrize(
    "engine, workers, message",
    [
        ("local", 3, "needs the ray engine"),
        ("ray", 0, "give 1 or more workers"),
        ("spark", None, "one of local, ray"),
    ],
)
def test_an_unusable_engine_or_worker_count_is_refused_with_a_clear_message(tmp_path, engine, workers, message):
    with pytest.raises(SettingsError, match=message):
        engine_for(load_settings(tmp_path), engine, workers)


def test_the_cli_refuses_workers_for_the_local_engine_before_any_work(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", "--engine", "local", "--workers", "2", "--data", str(tmp_path),
         str(sorted(BUNDLED.iterdir())[0])],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2 and "needs the ray engine" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / ".storylens").exists() or not open_store(load_settings(tmp_path)).rows()


@pytest.mark.parametrize("address", ["127.0.0.1:1", "ray://127.0.0.1:1"])  # port 1: nothing listens
def test_a_ray_address_where_no_cluster_runs_stops_the_cli_with_one_line(tmp_path, address):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "STORYLENS_RAY_ADDRESS": address, "RAY_ADDRESS": ""}
    done = subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", "--engine", "ray", "--data", str(tmp_path), str(sorted(BUNDLED.iterdir())[0])],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=env,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert f"No Ray cluster answers at STORYLENS_RAY_ADDRESS={address!r}" in done.stderr and "ray start --head" in done.stderr
    assert not open_store(load_settings(tmp_path)).rows()
