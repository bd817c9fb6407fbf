"""Stored views brought up to date with the articles added since they were built, without the corpus.

Each derived thing a page reads (the inferred publication dates, the Timeline's events, Compare's
topics and claims, the search index) is built whole from the loaded corpus once, and records the
store's write sequence it was built at. When articles are only added afterwards, each can be
extended by those articles alone (their own `update_*` function says how, and when it cannot); the
dates come first, because every view is keyed by the store's contents including its inferred dates.
A page or command calls `extend_stored` when its view is missing for the current contents, and
loads the corpus for a whole build only when that returns False.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from lib.core.errors import StoryLensError
from lib.core.memory import keep_out_of_collections

log = logging.getLogger(__name__)

VIEWS = ("events", "claims", "search")


def _updater(view: str) -> Callable:
    if view == "events":
        from lib.events.incremental import update_events_view

        return update_events_view
    if view == "claims":
        from lib.claims.incremental import update_claims_view

        return update_claims_view
    if view == "search":
        from lib.search.stored_index import update_search_index

        return update_search_index
    raise ValueError(f"no stored view named {view!r} (one of {', '.join(VIEWS)})")


def dates_current(store) -> bool:
    """True when the stored inferred publication dates are those of the current articles, extending
    them by the added articles first when that is possible (no article loaded otherwise)."""
    from lib.ingest.corpus import update_inferred_dates

    if store.inferred_dates_fingerprint() == store.fingerprint():
        return True
    try:
        return bool(update_inferred_dates(store))
    except StoryLensError as error:  # busy or damaged store: the caller builds whole, which says why
        log.warning("inferred dates not extended: %s", error)
        return False


def extend_stored(view: str, store, embedder, settings) -> bool:
    """True when the stored `view` ("events", "claims" or "search") is now the one for the store's
    current contents, having been extended by the articles added since it was built (dates first);
    False when it must be built whole (removed or changed articles, too many added, another model or
    code, dates inferred whole since, a damaged stored state, a busy store). Never raises for those."""
    updater = _updater(view)
    if not dates_current(store):
        return False
    try:
        return bool(updater(store, embedder, settings))
    except StoryLensError as error:
        log.warning("stored %s view not extended: %s", view, error)
        return False


def extend_views(store, embedder, settings, views: tuple[str, ...] = VIEWS, seconds: dict | None = None) -> dict[str, bool]:
    """{view: whether it is now current} for each of `views`, as `extend_stored` says, the dates brought up
    to date first (every view is keyed by them). `seconds`, when given, gets how long each view took.

    One after the other, on purpose: run side by side in threads (tried at 100k articles), the Timeline's
    extension took 1.3-3.1 s instead of 0.55-1.1 s while Compare's ran, and the addition as a whole was
    no quicker: both hold the GIL most of the time (decoding and judging records), and numpy's and
    torch's own threads then compete for the two cores. Never raises for what `extend_stored` never
    raises for."""
    import time

    if not dates_current(store):
        return {view: False for view in views}
    current = {}
    for view in views:
        started = time.perf_counter()
        current[view] = extend_stored(view, store, embedder, settings)
        if seconds is not None:
            seconds[view] = time.perf_counter() - started
    _kept_out_of_collections()  # the rows kept for the next addition
    return current


# From this many claims kept between additions (about 20k articles), each full collection of the cyclic
# garbage collector walks millions of records (0.35-0.4 s at 100k articles), a pause landing on whatever
# step of an addition allocates then: what is alive after an addition is moved out of its reach. Below,
# collections are cheap and nothing is frozen (a small collection on Community Cloud never is).
FREEZE_FROM_KEPT_CLAIMS = 20_000


def _kept_out_of_collections() -> bool:
    from lib.claims.incremental import kept_claims

    if kept_claims() < FREEZE_FROM_KEPT_CLAIMS:
        return False
    keep_out_of_collections()
    return True


# The page the warm-up reads as a pasted one (never stored): its title, date line, figures and dated
# happenings go through the pipeline's first calls (extraction, dates, events, claims), which cost far
# more than the next (modules imported, expressions compiled, the model's first batches).
_WARM_PAGE = """Council approves a new budget after a long debate
By a staff reporter | March 3, 2025
The city council approved a budget of 1.2 billion dollars on Monday, officials said.
About 3,000 residents attended the meeting last week, according to the mayor's office.
The plan, which was first proposed in January, will take effect on July 1.
Critics said the spending rise of 4 percent was too large for a city of 250,000 people.
"""


def warm_for_additions(store, embedder, settings) -> dict[str, float]:
    """Read ahead what adding a page needs, so that a process's first addition is about as quick as
    the next: the extension code imported, the language identifier loaded (kept as between pastes), a
    small page read as a pasted one (not stored) and its sentences embedded, the evidence the dates
    are extended against, and Compare's stored rows and seed phrases read
    (`lib.claims.incremental.keep_rows_for_additions`). Seconds each part took; what the store refuses
    (busy, damaged, a broken topics.json) is logged and left to the addition. Nothing is written."""
    import time

    from lib.text.language import KEPT_BETWEEN_PASTES_S, detect_language, release_language_model

    seconds: dict[str, float] = {}
    tick = time.perf_counter()
    for view in VIEWS:
        _updater(view)
    seconds["imports"] = time.perf_counter() - tick
    tick = time.perf_counter()
    detect_language("A page is pasted: its language is told first.")
    release_language_model(after_s=KEPT_BETWEEN_PASTES_S)
    seconds["language"] = time.perf_counter() - tick
    tick = time.perf_counter()
    from lib.claims.figures import candidate_sentences
    from lib.events.mentions import find_event_mentions
    from lib.ingest.pipeline import build_article

    page = build_article("read-ahead.txt", _WARM_PAGE.encode("utf-8"), settings)
    find_event_mentions(page)
    candidate_sentences(page, plain_too=True)
    from lib.text.countries import country_codes

    country_codes(page.title)  # the country names of every language, compiled once (~0.2 s) for the merge rules
    seconds["reading"] = time.perf_counter() - tick
    tick = time.perf_counter()
    texts = [sentence.text for sentence in page.sentences]
    embedder.encode((texts * (1 + 64 // max(len(texts), 1)))[:64])  # a page's first two batches
    seconds["embedder"] = time.perf_counter() - tick
    tick = time.perf_counter()
    try:  # the dates' kept evidence (tens of MB at 100k articles), read once per process and whole inference
        from lib.ingest.inferred_dates_state import DamagedEvidence, read_kept

        dates_at, dates_base = store.inferred_dates_fingerprint(), store.inferred_dates_base()
        if dates_at is not None and dates_base is not None:
            read_kept(store, dates_at, dates_base)
    except (DamagedEvidence, StoryLensError) as error:
        log.info("the dates' evidence not read ahead: %s", error)
    seconds["dates"] = time.perf_counter() - tick
    tick = time.perf_counter()
    try:
        from lib.claims.incremental import keep_rows_for_additions

        keep_rows_for_additions(store, embedder, settings)
    except StoryLensError as error:
        log.info("Compare's rows not read ahead: %s", error)
    seconds["compare"] = time.perf_counter() - tick
    _kept_out_of_collections()  # what was read ahead is kept: no collection walks it again
    return seconds
