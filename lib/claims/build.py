"""Building Compare's topics and keeping them as a stored view (`build_claims`, `claims_view`).

The pieces come from `lib.claims.grouping` (candidates assigned to topics, rows per kind of figure,
the stored view's rows and readers); the state an addition extends the view from is made by
`lib.claims.incremental.extension_state`, stored with the view. Kept apart from both so that neither
imports the other's caller: grouping knows nothing of extensions, and the extension reads grouping.
"""

from __future__ import annotations

from pathlib import Path

from lib.claims.grouping import (
    CLAIMSET_VIEW,
    EXTENSION_KEY,
    ClaimsInMemory,
    StoredClaims,
    _assign,
    _claimset_parts,
    _fingerprint,
    _stored_claimset,
    claims_view_rows,
)
from lib.claims.incremental import extension_state
from lib.claims.topics import ClaimSet, load_topic_seeds, seeds_file
from lib.core.models import ProgressCallback
from lib.core.store import keep_derived, keep_view, store_contents_key


def build_claims(
    corpus,
    embedder=None,
    progress: ProgressCallback | None = None,
    topics_path: str | Path | None = None,
) -> ClaimSet:
    """Every topic of the corpus with its claims and status.

    Guarantees: every claim quotes one body sentence exactly
    (`article.sentences[claim.sentence_index].text == claim.quote`); topics
    are listed with seeds first (file order), then automatic topics; topics
    without claims are left out. The topic assignment and the finished topics
    are stored (the topics as rows, `claims_view_rows`), keyed on the corpus contents
    (articles and inferred dates), the model, topics.json and the claim code, so only a
    changed corpus or topic list needs the model, and `stored_claims_view` reads the
    topics back without the corpus.
    """
    from lib.text.embed import embedder_for

    topics_path = Path(topics_path) if topics_path else seeds_file(corpus.settings)
    threshold, seeds = load_topic_seeds(topics_path)
    model_id = embedder.model_id if embedder is not None else corpus.settings.model_name
    fingerprint = _fingerprint(corpus.contents_key, model_id, topics_path)
    stored = _stored_claimset(corpus.store, model_id, fingerprint)
    if stored is not None:
        return stored
    cache_name = f"claims:{model_id}"
    payload = corpus.store.get_cache(cache_name, fingerprint)
    if payload is None:
        embedder = embedder or embedder_for(corpus.settings)
        payload = _assign(corpus, embedder, threshold, seeds, progress)
        keep_derived(corpus.store, cache_name, fingerprint, payload)
    # The base an addition extends the view from (lib.claims.incremental): read before the contents
    # check below, so a write in between leaves a stale base on a view that is then not kept.
    base = (corpus.store.write_sequence(), corpus.store.inferred_dates_base(), corpus.store.count())
    parts = _claimset_parts(corpus, payload, seeds, model_id)
    claimset = parts.claimset
    if store_contents_key(corpus.store) == corpus.contents_key:  # never replace a view with one of contents gone since
        view_payload, rows = claims_view_rows(claimset)
        view_payload[EXTENSION_KEY] = extension_state(corpus.store, parts, payload, base, corpus.contents_key, model_id, topics_path)
        keep_view(corpus.store, f"{CLAIMSET_VIEW}:{model_id}", fingerprint, view_payload, rows)
    return claimset


def claims_view(corpus, embedder=None, progress: ProgressCallback | None = None):
    """The corpus's topics as a view Compare queries: the stored rows (built and stored first when
    missing), or the built topics in memory when the store could not keep them (busy)."""
    topics_path = seeds_file(corpus.settings)
    model_id = embedder.model_id if embedder is not None else corpus.settings.model_name
    name = f"{CLAIMSET_VIEW}:{model_id}"
    key = _fingerprint(corpus.contents_key, model_id, topics_path)
    if corpus.store.view_key(name) != key:
        claimset = build_claims(corpus, embedder, progress)
        if corpus.store.view_key(name) != key:
            return ClaimsInMemory(claimset)
    return StoredClaims(corpus.store, name, key)
