"""The Ray engine for batch ingest: `prepare_input` on Ray workers, one embedding model per worker.

The only module of StoryLens that imports `ray` (lazily, in `import_ray`):
Ray is a cluster package, not installed on Community Cloud
(tests/test_cloud_boot.py keeps it that way).

Inputs go to the cluster as Ray Data rows (`ray.data.from_items`), each
worker is an actor of `map_batches` holding the embedding model across its
batches, and results come back as pickled `PreparedInput`s that the driver
puts back in input order. Workers never see the store: the driver in
`lib.ingest.batch.ingest_files` writes.
"""

# Ray Data rather than plain `ray.remote` actors: on the 2-core VM (bench/ingest_engines.py,
# 45 real pages with their vectors, load average 6-10 from other work) two workers took
# 42.1 s and 31.8 s through Ray Data against 45.4 s and 46.2 s on a `ray.util.ActorPool` of
# `ray.remote` actors (195 pages: 46.3 s against 55.4 s), each after the same 7-9 s cluster start. Its overhead is lost next
# to the model's, and it brings what we would otherwise write: inputs streamed to workers
# as they free up with backpressure, an actor pool sized by `ActorPoolStrategy`, results
# back while other batches still run. The actors' tree used less memory (2.3 against 3.0 GB).

from __future__ import annotations

import logging
import math
import os
import pickle
from typing import Iterator, Sequence

import numpy as np

from lib.core.errors import StoryLensError
from lib.core.settings import REPO_ROOT, Settings
from lib.ingest.prepare import IngestInput, PreparedInput, prepare_input

RAY_REQUIREMENT = "ray[data]==2.60.0"
# A cluster we start for one batch holds only that batch's inputs and results.
_LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


def import_ray():
    """The `ray` module, or a StoryLensError saying which package to install."""
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data ships in the [data] extra's dependencies)
    except ImportError as error:
        raise StoryLensError(
            f"The ray ingest engine needs the package {error.name or 'ray'}, which is not installed: "
            f"pip install \"{RAY_REQUIREMENT}\" (the same version on every machine of the cluster), "
            "or use the local engine (STORYLENS_INGEST_ENGINE=local, or --engine local)."
        ) from None
    return ray


def _check_reachable(address: str, timeout_s: float = 5.0) -> None:
    """Raise OSError when nothing listens at a HOST:PORT address: `ray.init` itself keeps
    retrying an unreachable head for many minutes before it gives up."""
    import socket

    if address == "auto":
        return  # Ray finds the cluster this machine joined, or says at once that there is none
    host, _, port = address.removeprefix("ray://").rpartition(":")
    with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
        pass


class PrepareBatch:
    """A Ray Data worker (actor): `prepare_input` over its batches, the model loaded once."""

    def __init__(self, settings: Settings, embed: bool):
        from lib.text.embed import embedder_for

        self.settings = settings
        self.embedder = embedder_for(settings) if embed else None

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        prepared = [
            pickle.dumps(prepare_input(pickle.loads(blob), self.settings, self.embedder))
            for blob in batch["item"]
        ]
        return {"position": batch["position"], "prepared": np.array(prepared, dtype=object)}


class RayEngine:
    """`prepare_input` over a batch on `workers` Ray workers, results in input order.

    `address`: None or "local" start a local cluster for the batch (shut down
    after it); "auto", "ray://HOST:10001" or "HOST:6379" join a running one.
    When Ray is already initialised in this process, that cluster is used as is.
    """

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None):
        self.ray = import_ray()
        self.address = address
        self.workers = workers

    def prepare(self, items: Sequence[IngestInput], settings: Settings, embed: bool) -> Iterator[PreparedInput]:
        if not items:
            return
        ray = self.ray
        started_here = self._connect()
        try:
            yield from self._run(ray, list(items), settings, embed)
        finally:
            if started_here:
                ray.shutdown()

    def _connect(self) -> bool:
        """Join or start the cluster; True when this call started it."""
        ray = self.ray
        if ray.is_initialized():
            return False
        quiet = {"logging_level": logging.WARNING, "log_to_driver": False, "configure_logging": True}
        if self.address in (None, "local"):
            ray.init(address="local", include_dashboard=False, object_store_memory=_LOCAL_OBJECT_STORE_BYTES, **quiet)
            return True
        try:
            _check_reachable(self.address)
            ray.init(address=self.address, **quiet)
        except (ConnectionError, TimeoutError, ValueError, OSError) as error:
            raise StoryLensError(
                f"No Ray cluster answers at STORYLENS_RAY_ADDRESS={self.address!r} ({str(error).splitlines()[0][:160]}). "
                "Start one (`ray start --head` on the head machine), correct the address, or remove it to "
                "start a local cluster for the batch. Nothing was ingested."
            ) from None
        return True

    def _runtime_env(self) -> dict:
        """How workers import `lib`: the repo folder on this machine's cluster, a copy of the
        package shipped through the cluster for a remote one."""
        env_vars = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        if self.address in (None, "local"):
            path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]))
            return {"env_vars": {**env_vars, "PYTHONPATH": path}}
        return {"env_vars": env_vars, "py_modules": [str(REPO_ROOT / "lib")], "excludes": ["__pycache__"]}

    def _run(self, ray, items: list[IngestInput], settings: Settings, embed: bool) -> Iterator[PreparedInput]:
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its progress lines would mix with the CLI's output
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        cluster_cpus = float(ray.cluster_resources().get("CPU", 1.0))
        workers = self.workers or max(1, int(cluster_cpus))
        # More workers than CPUs is allowed (to try a cluster's shape on a small machine):
        # each then asks for its share of a CPU, or Ray would wait forever for the rest.
        cpus_per_worker = min(1.0, cluster_cpus / workers)
        # Small batches keep every worker busy to the end of a short run and the
        # driver writing early; the model call is per article anyway (prepare.sentence_vectors).
        batch_size = max(1, min(8, math.ceil(len(items) / (workers * 4))))
        rows = [{"position": position, "item": pickle.dumps(item)} for position, item in enumerate(items)]
        dataset = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(items) / batch_size))).map_batches(
            PrepareBatch,
            fn_constructor_kwargs={"settings": settings, "embed": embed},
            batch_size=batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=cpus_per_worker,
            runtime_env=self._runtime_env(),
        )
        # Results arrive in whatever order workers finish; hold the early ones until
        # every input before them is out, so the driver writes in input order.
        waiting: dict[int, PreparedInput] = {}
        next_position = 0
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for position, blob in zip(batch["position"], batch["prepared"]):
                waiting[int(position)] = pickle.loads(blob)
            while next_position in waiting:
                yield waiting.pop(next_position)
                next_position += 1
        if next_position != len(items):
            raise StoryLensError(
                f"The Ray cluster returned {next_position} of {len(items)} inputs; nothing after "
                f"'{items[next_position].name}' was stored. Retry the ingest (inputs already stored are skipped)."
            )
