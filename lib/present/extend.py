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
