"""Freed heap is handed back to the OS after one-time builds (glibc's malloc_trim)."""

import sys

import pytest

from lib.core.memory import _libc, release_free_memory


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux") or _libc() is None, reason="glibc only")
def test_freed_scratch_memory_is_returned_to_the_os():
    scratch = [bytearray(4000) for _ in range(25_000)]  # ~100 MB of malloc'd blocks, as a build leaves
    pin = bytearray(4000)  # a live block above them: plain free() cannot shrink the heap
    del scratch
    held = _rss_mb()
    assert release_free_memory() is True
    assert _rss_mb() < held - 50
    del pin


def test_reading_the_collection_does_not_keep_the_language_model(tmp_path):
    """The ~75 MB n-gram model is loaded for a batch of articles and dropped after it."""
    import shutil

    from lib.core.settings import REPO_ROOT, load_settings
    from lib.ingest.corpus import open_store
    from lib.ingest.pipeline import sync_folder
    from lib.text.language import _identifier, detect_language

    shutil.copytree(REPO_ROOT / "data" / "articles", tmp_path / "articles")
    settings = load_settings(tmp_path)
    reports = sync_folder(open_store(settings), settings)
    assert [report.status for report in reports] == ["added"] * 5
    assert _identifier.cache_info().currsize == 0
    assert detect_language("Le gouvernement a annoncé de nouvelles mesures hier soir.") == "fr"  # reloads


def test_the_collector_is_paused_only_inside_the_block_even_when_it_raises():
    import gc

    from lib.core.memory import gc_paused

    assert gc.isenabled()
    with pytest.raises(ValueError):
        with gc_paused():
            assert not gc.isenabled()
            raise ValueError("a bad record")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_the_language_model_kept_after_a_paste_is_released_after_its_wait():
    """Pages pasted one after another reuse the model; it is released once the wait is over, and a
    later call replaces the earlier wait."""
    import time

    from lib.text.language import _identifier, detect_language, release_language_model

    assert detect_language("Le gouvernement a annoncé de nouvelles mesures hier soir.") == "fr"
    release_language_model(after_s=0.3)
    release_language_model(after_s=60)  # another page pasted: the 0.3 s wait is replaced
    time.sleep(1.0)
    assert _identifier.cache_info().currsize == 1, "kept while the wait runs"
    release_language_model(after_s=0.3)
    deadline = time.monotonic() + 10
    while _identifier.cache_info().currsize and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _identifier.cache_info().currsize == 0, "released once the wait is over"
    detect_language("Die Regierung kündigte gestern neue Maßnahmen an.")
    release_language_model()
    assert _identifier.cache_info().currsize == 0, "released at once without a wait"
