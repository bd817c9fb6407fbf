"""A real PostgreSQL server for the tests: started once per session, removed at the end.

The Debian package's binaries (`initdb`, `pg_ctl`) under /usr/lib/postgresql/*/bin
run a throwaway cluster in a temp folder, listening on 127.0.0.1 on a free
port with trust authentication (nothing else can reach it). PostgreSQL refuses
to run as root, so as root the cluster belongs to the `postgres` user and
the binaries run through `runuser`. Durability is switched off (fsync,
synchronous_commit): the tests check results, not power cuts.

Without the binaries the tests that need the server are skipped, except when
`CI` is set: there a missing server is a failure (`.ci/run` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

DATABASE = "storylens"


@dataclass(frozen=True)
class PostgresServer:
    url: str  # libpq URL of the test database
    data_dir: Path
    bin_dir: Path


def postgres_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding pg_ctl and initdb, if any."""
    found = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin"):
        if (candidate / "pg_ctl").is_file() and (candidate / "initdb").is_file():
            version = candidate.parent.name
            found.append((int(version) if version.isdigit() else 0, candidate))
    return max(found)[1] if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def start_server() -> PostgresServer:
    """initdb + pg_ctl start in a fresh temp folder; raises RuntimeError with the server's log if it fails."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    # Directly under the temp root: pytest's own temp folders are 0700 root, which the
    # postgres user cannot enter.
    root = Path(tempfile.mkdtemp(prefix="storylens-pg-"))
    data_dir, socket_dir = root / "data", root / "socket"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        for path in (root, socket_dir):
            shutil.chown(path, "postgres", "postgres")
    port = _free_port()
    log = root / "server.log"
    try:
        subprocess.run(
            _as_server_user([str(bin_dir / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", "postgres",
                             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
            check=True, capture_output=True, text=True, timeout=120,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {socket_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-l", str(log), "-o", options, "-w", "-t", "60", "start"]),
            check=True, capture_output=True, text=True, timeout=90,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        detail = getattr(error, "stderr", "") or ""
        if log.exists():
            detail += log.read_text(errors="replace")[-2000:]
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"the test PostgreSQL server did not start: {detail}") from error
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return PostgresServer(f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}", data_dir, bin_dir)


def stop_server(server: PostgresServer) -> None:
    subprocess.run(
        _as_server_user([str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-m", "immediate", "-w", "stop"]),
        capture_output=True, timeout=60,
    )
    shutil.rmtree(server.data_dir.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url():
    """The libpq URL of a PostgreSQL database on a server started for this test session."""
    if postgres_bin_dir() is None:
        reason = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the PostgreSQL store tests (.ci/run installs the server)")
        pytest.skip(reason)
    server = start_server()
    try:
        yield server.url
    finally:
        from lib.core.store_postgres import close_pools

        close_pools()  # before the server goes: idle pooled connections would log errors
        stop_server(server)


@pytest.fixture(params=["sqlite", "postgres"])
def store_backend(request):
    """A function: data folder -> Settings whose store is on this test's backend."""
    from lib.core.settings import load_settings

    if request.param == "sqlite":
        return lambda folder: replace(load_settings(folder), store_backend="sqlite", database_url=None)
    url = request.getfixturevalue("postgres_url")
    return lambda folder: replace(load_settings(folder), store_backend="postgres", database_url=url)
