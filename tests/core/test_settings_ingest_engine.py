"""STORYLENS_INGEST_ENGINE and STORYLENS_RAY_ADDRESS: defaults, accepted forms, and a clear message otherwise."""

import os
import subprocess
import sys

import pytest

from lib.core.errors import SettingsError
from lib.core.settings import REPO_ROOT, load_settings


def test_ingest_is_local_with_no_ray_address_unless_set(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLENS_INGEST_ENGINE", raising=False)
    monkeypatch.delenv("STORYLENS_RAY_ADDRESS", raising=False)
    settings = load_settings(tmp_path)
    assert (settings.ingest_engine, settings.ray_address) == ("local", None)


@pytest.mark.parametrize(
    "engine, address, expected",
    [
        (" Ray ", "", ("ray", None)),
        ("ray", " auto ", ("ray", "auto")),
        ("ray", "LOCAL", ("ray", "local")),
        ("ray", "ray://head.example.org:10001", ("ray", "ray://head.example.org:10001")),
        ("local", "10.0.0.5:6379", ("local", "10.0.0.5:6379")),
    ],
)
def test_the_engine_and_the_cluster_address_are_read(monkeypatch, tmp_path, engine, address, expected):
    monkeypatch.setenv("STORYLENS_INGEST_ENGINE", engine)
    monkeypatch.setenv("STORYLENS_RAY_ADDRESS", address)
    settings = load_settings(tmp_path)
    assert (settings.ingest_engine, settings.ray_address) == expected


def test_an_unknown_engine_lists_the_engines(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_INGEST_ENGINE", "spark")
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert "STORYLENS_INGEST_ENGINE='spark'" in str(raised.value) and "one of local, ray" in str(raised.value)


@pytest.mark.parametrize("address", ["http://head:8265", "head", "ray://head", "auto please"])
def test_an_address_that_names_no_cluster_says_how_to_write_one(monkeypatch, tmp_path, address):
    monkeypatch.setenv("STORYLENS_RAY_ADDRESS", address)
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    message = str(raised.value)
    assert f"STORYLENS_RAY_ADDRESS={address!r}" in message
    assert "ray://HOST:10001" in message and "remove it" in message


def test_the_cli_ingest_stops_on_an_unknown_engine_with_one_line(tmp_path):
    env = dict(os.environ, STORYLENS_INGEST_ENGINE="dask", PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", "--data", str(tmp_path), str(REPO_ROOT / "data" / "articles" / "000_23855ce6f6a14ab7.txt")],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: The setting STORYLENS_INGEST_ENGINE='dask'")
    assert "Traceback" not in result.stderr
