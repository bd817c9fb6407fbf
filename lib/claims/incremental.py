"""Compare's topics extended by the articles added since they were built, without the corpus.

A full build (`lib.claims.build.build_claims`) stores, in the view's payload, its base (the
store's write sequence, the inferred dates' base and the article count read before the view was
kept, the contents key it was built for) and what assigning one more article needs
(`extension_state`): the automatic topics' centroids, the sentence counts and figure sources
that decide each topic's rows (`split_by_kind`) and which row compares each kind of figure
(`one_row_per_kind`), the centroids and country counts the off-subject and off-place checks cut
on, and the points only one source makes. `update_claims_view` reads the added articles alone,
assigns their candidate sentences as the full build does, recomputes the rows they touch (their
claims, status, verdict and counts) from the stored rows plus the new claims, and writes the view
under the current contents key in one transaction, copying the untouched rows inside the database.

Where the extended view may differ from a rebuild of the same articles (story-wide statistics fixed
at the full build; each is listed in docs/scaling.md):

- a leftover sentence (no seed topic) joins the automatic topic whose centroid it is closest to
  when the average-linkage cut allows it; one that joins none is left out, though a rebuild might
  cluster it with other leftovers into a new automatic topic; automatic topics keep their labels
  (the TF-IDF of every candidate is not refitted);
- the off-subject check judges the new sentences against the stored centroid of their kind and
  language; the sentences judged at the build are not judged again (their centroid moved by one
  sentence);
- in a topic of more than LONE_EXACT sentences, a new sentence is a point only its source makes
  when none of the first LONE_SCAN sentences of other sources read is close; the points found at
  the build stay unless a new sentence echoes them (a smaller topic is judged again whole);
- the candidate sentences a question row may pick get the new ones appended (a rebuild lists them
  in article order); an added article is taken to be a new source (a new file).

Whenever an addition would change which rows exist or which row compares a kind of figure (a new
kind compared, another owner, a topic's main kind changed, the common unit or country of a kind
changed, the off-subject check starting on a kind), the update returns False and the caller
builds the view whole.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from lib.claims.figures import (
    UNCOMPARED_KINDS,
    candidate_sentences,
    make_claim,
    without_figure,
)
from lib.claims.grouping import (
    _CLUSTER_MEASURES,
    AUTO_CLUSTER_SIMILARITY,
    CLAIMSET_VIEW,
    EXTENSION_KEY,
    LONE_POINT_SIMILARITY,
    OFF_SUBJECT_MIN_GROUP,
    OFF_SUBJECT_SIMILARITY,
    OWN_ROW_SOURCES,
    PLACE_MIN_GROUP,
    PLACE_MIN_REPORTS,
    PLACE_MIN_SHARE,
    SeedCuts,
    StoredClaims,
    _comparable_in_a_cluster,
    _fingerprint,
    _row_key,
    _row_keys,
    _slug,
    _with_plain_label,
    candidate_view_rows,
    kind_groups,
    kind_label,
    labelled_by_names,
    row_subject,
    seed_columns,
    seed_scores,
    claim_view_rows,
    topic_header_row,
)
from lib.claims.topics import (
    build_topic,
    claim_order,
    load_topic_seeds,
    seeds_file,
    with_lone_points,
)
from lib.core.errors import StoreError
from lib.core.memory import gc_paused
from lib.core.store import DERIVED_WRITE_WAIT_S, DamagedViewError, added_limit, store_contents_key, view_row_key

log = logging.getLogger(__name__)

STATE_VERSION = 1

# A topic of at most this many sentences keeps its sentence list in the state, and its points only one
# source makes are judged again whole when an article joins it (reading those sentences' vectors).
LONE_EXACT = 100
# In a larger topic, a new sentence is compared with at most this many sentences of other sources.
LONE_SCAN = 50


def _recipe(model_id: str, topics_path: Path | None) -> str:
    """The view key without its contents: the claim code, the model and topics.json."""
    return _fingerprint("", model_id, topics_path)


def _vector_text(vector) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _vector_of(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text.encode("ascii"), validate=True), dtype=np.float32).copy()


def _key_text(key: tuple[str, str]) -> str:
    return f"{key[0]}\t{key[1]}"


def _key_of(text: str) -> tuple[str, str]:
    kind, unit = text.split("\t")
    return kind, unit


# --------------------------------------------------------------------------- the plan of the rows


def _split_plan(label: str, unit: str | None, seeded: bool, topic_id: str, sources: dict[str, int]) -> list[dict]:
    """The rows `split_by_kind` makes of one topic from its sources per kind of figure (in its unit):
    each as the arguments of its `build_topic` call (id, label, unit, seeded, counted)."""
    ranked = sorted(sources, key=lambda kind: (-sources[kind], kind))
    main = ranked[0] if ranked else None
    if not seeded and main and label.startswith("Also compared: other"):
        label = kind_label(main, unit)
    rows = [{"id": topic_id, "label": label, "unit": unit, "seeded": seeded, "counted": main, "base": topic_id}]
    for kind in ranked[1:]:
        if sources[kind] >= OWN_ROW_SOURCES:
            rows.append({"id": f"{topic_id}--{_slug(kind)}", "label": kind_label(kind, unit), "unit": unit,
                         "seeded": seeded, "counted": kind, "base": topic_id})
    return rows


def _shown(row: dict) -> str | None:
    """The kind a split row compares once built (`Topic.counted`)."""
    if row["counted"]:
        return row["counted"]
    kinds = row["kinds"]
    return kinds[0] if len(kinds) == 1 else None


def _final_plan(split_rows: list[dict], groups: dict[str, dict]) -> list[dict]:
    """The rows `one_row_per_kind` keeps and adds, in the view's order, each with the arguments of its
    last `build_topic` call, how it came to be (`fate`: kept, owner of `key`, stripped of its figures,
    or a kind's own row) and the split row it comes from (`row`)."""
    owner_of: dict[tuple[str, str], int] = {}
    for position, row in enumerate(split_rows):
        shown = _shown(row)
        if not shown or not row["figure_sources"]:
            continue
        key = _row_key(shown, row["unit"])
        if key is None:
            continue
        rank = (row["seeded"], row["figure_sources"], -position)
        best = owner_of.get(key)
        if best is None or rank > (split_rows[best]["seeded"], split_rows[best]["figure_sources"], -best):
            owner_of[key] = position
    compared, new_keys = set(), []
    for text, group in sorted(groups.items(), key=lambda item: (-item[1]["size"], _key_of(item[0]))):
        if group["sources"] < OWN_ROW_SOURCES:
            continue
        key = _key_of(text)
        compared.add(key)
        if key not in owner_of:
            new_keys.append(key)
    plan = []
    for position, row in enumerate(split_rows):
        shown = _shown(row)
        key = _row_key(shown, row["unit"])
        base = {"row": position, "id": row["id"], "seeded": row["seeded"], "base": row["base"]}
        if key in compared and owner_of.get(key) == position:
            plan.append({**base, "fate": "owner", "key": list(key), "label": row["label"], "unit": row["unit"], "counted": key[0]})
        elif key not in compared:
            plan.append({**base, "fate": "kept", "key": None, "label": row["label"], "unit": row["unit"], "counted": row["counted"]})
        elif "--" not in row["id"]:
            label = "Other statements" if row["label"] == kind_label(shown, row["unit"]) else row["label"]
            plan.append({**base, "fate": "stripped", "key": list(key), "label": label, "unit": None, "counted": None,
                         "stripped": shown})
    for kind, unit in new_keys:
        units = groups[_key_text((kind, unit))]["units"]
        row_unit = unit or (max(sorted(units), key=units.get) if units else None)
        topic_id = f"kind-{_slug(kind)}" + (f"-{_slug(unit)}" if kind.startswith("price") or kind in _CLUSTER_MEASURES else "")
        plan.append({"row": None, "id": topic_id, "seeded": False, "base": topic_id, "fate": "kind", "key": [kind, unit],
                     "label": kind_label(kind, unit), "unit": row_unit, "counted": kind})
    return plan


# --------------------------------------------------------------------------- the state of a full build


def _split_sources(members: list, unit: str | None) -> dict[str, set[str]]:
    """Per kind of figure in the topic's unit, the sources giving it (as split_by_kind counts them)."""
    sources: dict[str, set[str]] = {}
    for article, fact in members:
        for quantity in fact.quantities:
            if unit and quantity.unit == unit and quantity.counted and quantity.counted not in UNCOMPARED_KINDS:
                sources.setdefault(quantity.counted, set()).add(article.source_file)
    return sources


def _group_entry(group: list) -> dict:
    units: dict[str, int] = {}
    return {"sources": len({article.source_file for article, _fact in group}), "size": len(group), "units": units}


def _group_stats(groups: dict) -> dict[str, dict]:
    stats = {}
    for (kind, unit), group in groups.items():
        entry = _group_entry(group)
        for _article, fact in group:
            for quantity in fact.quantities:
                if quantity.counted == kind and quantity.unit:
                    entry["units"][quantity.unit] = entry["units"].get(quantity.unit, 0) + 1
        stats[_key_text((kind, unit))] = entry
    return stats


def _language(article, fact) -> str:
    return fact.sentence.language or article.language or ""


def _place_stats(candidates: list) -> dict[str, dict]:
    """Per kind of figure: how many reports name a country in the kind's sentences, and each country."""
    from lib.claims.places import places_named

    naming: dict[str, dict[str, set[str]]] = {}
    reports: dict[str, set[str]] = {}
    for article, fact in candidates:
        keys = _row_keys(fact)
        if not keys:
            continue
        codes = places_named(fact.sentence.text)
        if not codes:
            continue
        for kind, _unit in keys:
            reports.setdefault(kind, set()).add(article.article_id)
            for code in codes:
                naming.setdefault(kind, {}).setdefault(code, set()).add(article.article_id)
    return {kind: {"reports": len(ids), "codes": {code: len(arts) for code, arts in naming.get(kind, {}).items()}}
            for kind, ids in reports.items()}


def _common_places(entry: dict | None) -> list[str] | None:
    """The countries a kind's figures are about (None: too few reports to judge), as _off_place decides."""
    if not entry or entry["reports"] < PLACE_MIN_GROUP:
        return None
    needed = max(PLACE_MIN_REPORTS, PLACE_MIN_SHARE * entry["reports"])
    return sorted(code for code, count in entry["codes"].items() if count >= needed)


def extension_state(store, parts, payload: dict, base: tuple, contents: str, model_id: str, topics_path: Path | None) -> dict | None:
    """What `update_claims_view` needs to extend the view built as `parts` (ClaimsetParts) from the topic
    assignment `payload`, at `base` (write sequence, inferred dates base, article count) for `contents`;
    the candidate sentences' vectors are read from `store`'s embeddings cache. None (logged) when it
    cannot be made or the rows planned from it are not the built ones: an addition then rebuilds whole."""
    try:
        return _extension_state(store, parts, payload, base, contents, model_id, topics_path)
    except (KeyError, TypeError, ValueError, StoreError) as error:
        log.warning("claims view kept without extension state: %s", error)
        return None


def _extension_state(store, parts, payload: dict, base: tuple, contents: str, model_id: str, topics_path: Path | None) -> dict | None:
    from lib.text.embed import embedding_cache_key, is_multilingual

    articles, facts_of = parts.articles, parts.facts_of
    _threshold, seeds = load_topic_seeds(topics_path)
    definitions = {seed.topic_id: [seed.label, seed.unit, True] for seed in seeds}
    for entry in payload.get("auto_topics", []):
        definitions[entry["id"]] = [entry["label"], entry.get("unit"), False]
    members: dict[str, list] = {}
    for article_id, index, topic_id, _score in payload.get("assignments", []):
        article = articles.get(article_id)
        fact = facts_of(article).get(index) if article is not None else None
        if fact is not None and topic_id in definitions:
            members.setdefault(topic_id, []).append((article, fact))
    split_sources = {topic_id: _split_sources(group, definitions[topic_id][1]) for topic_id, group in members.items()}
    split_rows = []
    for topic in parts.split_rows:
        base_id = topic.topic_id.split("--")[0]
        planned = {row["id"]: row for row in _split_plan(*definitions[base_id], base_id,
                                                         {k: len(v) for k, v in split_sources[base_id].items()})}
        row = dict(planned[topic.topic_id])
        row["figure_sources"] = len({claim.source_file for claim in topic.figures})
        row["kinds"] = sorted({claim.counted for claim in topic.figures if claim.counted})
        split_rows.append(row)
    candidates = [
        (articles[article_id], fact)
        for article_id, index in parts.claimset.candidates
        if article_id in articles and (fact := facts_of(articles[article_id]).get(index)) is not None
    ]
    group_stats = _group_stats(kind_groups(articles, parts.claimset.candidates, facts_of, parts.off_subject))
    plan = _final_plan(split_rows, group_stats)
    built = [topic.topic_id for topic in parts.claimset.topics]
    if [row["id"] for row in plan] != built:
        log.warning("claims view kept without extension state: planned rows %s, built %s", [row["id"] for row in plan], built)
        return None
    vectors: dict[str, np.ndarray | None] = {}

    def vector(article, index):
        if article.article_id not in vectors:
            vectors[article.article_id] = store.get_embeddings(embedding_cache_key(model_id, article.sentences), article.article_id)
        found = vectors[article.article_id]
        if found is None or index >= len(found):
            raise ValueError(f"no cached vector for sentence {index} of {article.source_file}")
        return found[index]

    multilingual = is_multilingual(model_id)
    subject: dict[str, dict] = {}
    for article, fact in candidates:
        language = _language(article, fact)
        if not fact.is_candidate or (not multilingual and language != "en"):
            continue
        for kind, _unit in _row_keys(fact):
            entry = subject.setdefault(f"{kind}\t{language}", {"sum": 0.0, "count": 0, "members": []})
            entry["sum"] = entry["sum"] + vector(article, fact.sentence.index)
            entry["count"] += 1
            entry["members"].append([article.article_id, fact.sentence.index])
    auto = []
    for entry in payload.get("auto_topics", []):
        group = members.get(entry["id"], [])
        if not group:
            raise ValueError(f"automatic topic {entry['id']} has no sentences")
        units: dict[str, int] = {}
        for _article, fact in group:
            for quantity in fact.quantities:
                if _comparable_in_a_cluster(quantity):
                    units[quantity.unit] = units.get(quantity.unit, 0) + 1
        mean = np.vstack([vector(article, fact.sentence.index) for article, fact in group]).mean(axis=0)
        auto.append({"id": entry["id"], "label": entry["label"], "unit": entry.get("unit"),
                     "mean": _vector_text(mean), "count": len(group), "units": units})
    lone: dict[str, list] = {}
    for topic_id, article_id, index in payload.get("lone", []):
        if article_id in articles:
            lone.setdefault(topic_id, []).append([article_id, articles[article_id].source_file, index])
    sequence, dates_base, count = base
    return {
        "version": STATE_VERSION,
        "base_sequence": int(sequence),
        "dates_base": dates_base,
        "articles": int(count),
        "contents": contents,
        "recipe": _recipe(model_id, topics_path),
        "candidates": len(parts.claimset.candidates),
        "definitions": {topic_id: definitions[topic_id] for topic_id in members},
        "split_sources": {topic_id: {k: len(v) for k, v in sources.items()} for topic_id, sources in split_sources.items()},
        "members": {topic_id: len(group) for topic_id, group in members.items()},
        "small": {topic_id: [[article.article_id, fact.sentence.index] for article, fact in group]
                  for topic_id, group in members.items() if len(group) <= LONE_EXACT},
        "lone": lone,
        "split_rows": split_rows,
        "groups": group_stats,
        "plan": plan,
        "auto": auto,
        # A group too small to be judged keeps its sentences: they are judged when it grows enough.
        "subject": {key: {"sum": _vector_text(entry["sum"]), "count": entry["count"],
                          "members": entry["members"] if entry["count"] < OFF_SUBJECT_MIN_GROUP else []}
                    for key, entry in subject.items()},
        "place": _place_stats([(a, f) for a, f in candidates if f.is_candidate]),
    }


# --------------------------------------------------------------------------- touched rows kept between additions


# At most this many claims are kept: about 3 kB each with what is worked out from them (290-350 MB for
# the 100k claims of bench.add_article's 100k articles, whose largest rows every addition touches). A
# larger view is not kept: each addition then reads the rows it touches again.
KEPT_CLAIMS_MAX = 120_000


class _KeptRows:
    """The claims of the Compare rows this process last read or extended, per store and view name, for
    the one view key they are stored under: what `StoredClaims.topics` reads back for them, each row
    with its stored header (JSON text) as it was then: a row whose stored header is another (the view
    built whole again under the same key, in this process or another) is read again.

    At 100k articles an addition touches rows holding tens of thousands of claims; decoding them again,
    and working out again each claim's order and figure (kept on the claim objects, see
    `lib.core.models.remembered`), was more than half of the addition. The Articles page adds pages one
    after another in one process, so the rows written by one addition are kept for the next. Entries
    follow the view key: once another process writes the view (another key), nothing kept is used.
    Hand-written: the entries must move with the key the store gives the view, which no cache library knows.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._rows: dict[tuple, tuple[str, dict[str, tuple]]] = {}

    @staticmethod
    def _view(store, name: str) -> tuple:
        # Two stores may hold views of one key (the key hashes the contents): each keeps its own rows.
        return str(store.store_dir), str(getattr(store, "database_url", "")), name

    def get(self, store, name: str, key: str) -> dict[str, tuple]:
        with self._lock:
            kept_key, rows = self._rows.get(self._view(store, name), (None, {}))
            return dict(rows) if kept_key == key else {}

    def claims(self, store, name: str, key: str) -> dict[str, tuple]:
        """The claims kept for `key`, by topic id (without their headers)."""
        return {topic_id: claims for topic_id, (_header, claims) in self.get(store, name, key).items()}

    def keep(self, store, name: str, key: str, rows: dict[str, tuple]) -> None:
        """Keep `rows` (topic id -> (header, claims)) as read under `key`, beside what is kept for that key."""
        self.moved(store, name, key, key, rows)

    def moved(self, store, name: str, base_key: str, key: str, rows: dict[str, tuple]) -> None:
        """The view stored under `base_key` is now stored under `key` with the rows `rows` rewritten; the
        other rows kept for `base_key` are the same under `key` (an extension copies them)."""
        with self._lock:
            view = self._view(store, name)
            kept_key, kept = self._rows.get(view, (None, {}))
            self._put(view, key, {**(kept if kept_key == base_key else {}), **rows})

    def forget(self) -> None:
        with self._lock:
            self._rows.clear()

    def total(self) -> int:
        """How many claims are kept, for every store and view."""
        with self._lock:
            return sum(len(claims) for _key, rows in self._rows.values() for _header, claims in rows.values())

    def _put(self, view: tuple, key: str, rows: dict[str, tuple]) -> None:
        if sum(len(claims) for _header, claims in rows.values()) > KEPT_CLAIMS_MAX:
            self._rows.pop(view, None)
        else:
            self._rows[view] = (key, rows)


_KEPT = _KeptRows()


def kept_claims() -> int:
    """How many claims of Compare's rows this process keeps for the next addition (`_KeptRows`)."""
    return _KEPT.total()


def _stored_claims(store, name: str, key: str, topic_ids: list[str]) -> dict[str, tuple]:
    """The claims of the topics `topic_ids` of the view `name` stored under `key` (unknown ids left
    out), in the topic's order: those this process keeps for `key` under the header stored now, the
    others read from `store` (each header read once)."""
    view = StoredClaims(store, name, key)
    kept = _KEPT.get(store, name, key)
    headers = view.header_payloads([topic_id for topic_id in topic_ids if topic_id in kept])
    rows = {topic_id: claims for topic_id, (header, claims) in kept.items() if headers.get(topic_id) == header}
    missing = [topic_id for topic_id in topic_ids if topic_id not in rows]
    if missing:
        read = {topic.topic_id: (header, topic.claims) for header, topic in view.topics_with_headers(missing)}
        _KEPT.keep(store, name, key, read)
        rows.update({topic_id: claims for topic_id, (_header, claims) in read.items()})
    return {topic_id: rows[topic_id] for topic_id in topic_ids if topic_id in rows}


def keep_rows_for_additions(store, embedder, settings) -> int:
    """Read ahead what the next addition reads of Compare's stored view: the claims of every topic of
    the view stored for the store's current contents are kept in this process (when they are at most
    KEPT_CLAIMS_MAX), and the seed topics' phrases encoded. The number of claims kept: 0 when no view
    is current or it holds more. Raises StoryLensError (a broken topics.json, a busy or damaged store)."""
    from lib.claims.grouping import stored_claims_view

    topics_path = seeds_file(settings)
    _threshold, seeds = load_topic_seeds(topics_path)
    probe = np.asarray(embedder.encode(["A sentence to size the vectors."]), dtype=np.float32)
    seed_scores(np.zeros((0, probe.shape[-1]), dtype=np.float32), seeds, embedder)
    view = stored_claims_view(store, settings, embedder.model_id, topics_path)
    if view is None:
        return 0
    headers = view.headers()
    if sum(header.claim_count for header in headers) > KEPT_CLAIMS_MAX:
        return 0
    with gc_paused():
        rows = _stored_claims(store, view.name, view.key, [header.topic.topic_id for header in headers])
        # The names a row labelled by them counts in each figure's sentence, worked out once per claim
        # (`remembered`): the first addition touching such a row read every one of its sentences (and
        # compiled the place patterns), ~1 s at 100k articles.
        for header in headers:
            topic = header.topic
            if labelled_by_names(topic):
                row_subject(claim for claim in rows.get(topic.topic_id, ()) if claim.value is not None and claim.counted == topic.counted)
    return sum(len(claims) for claims in rows.values())


# --------------------------------------------------------------------------- extending the view


class _Refused(Exception):
    """The addition cannot be applied to the stored view (the reason is logged; the caller rebuilds)."""


@dataclass
class _Added:
    """What the added articles bring: their candidate sentences with vectors, where each joined."""

    rows: list = field(default_factory=list)          # (article, fact, vector)
    joined: dict = field(default_factory=dict)        # topic id -> [(article, fact, vector)]
    candidates: list = field(default_factory=list)    # [article_id, index]
    off: set = field(default_factory=set)             # (article_id, index, kind)


def _damaged(reason: str) -> bool:
    log.warning("stored claims extension state unusable (%s): the view is built whole", reason)
    return False


def update_claims_view(store, embedder, settings) -> bool:
    """Extend the stored claims view by the articles added since its base; True when the view stored
    is then the one for `store_contents_key(store)` (or already was).

    Reads the added articles only (`store.article`, their sentence vectors through the embeddings
    cache) and the stored view: its state, the rows the new claims touch, and the sentences of a
    touched topic's points only one source makes. False (the caller builds whole) when: no view or
    no state is stored (or it is damaged: logged), another model, topics.json or claim code, an
    article removed or put again, more added than `added_limit`, inferred dates not current or inferred
    whole since the base, an addition that changes which rows exist (see the module's docstring), or
    a busy store. Never raises for those.
    """
    topics_path = seeds_file(settings)
    model_id = embedder.model_id
    name = f"{CLAIMSET_VIEW}:{model_id}"
    key = _fingerprint(store_contents_key(store), model_id, topics_path)
    base_key = store.view_key(name)
    if base_key is None:
        return False
    if base_key == key:
        return True
    try:
        payload = store.view_payload(name, base_key)
    except StoreError as error:
        return _damaged(str(error))
    if not isinstance(payload, dict) or not isinstance(payload.get(EXTENSION_KEY), dict):
        return _damaged("no state") if payload is None else False
    state = payload[EXTENSION_KEY]
    try:
        if state.get("version") != STATE_VERSION or state["recipe"] != _recipe(model_id, topics_path):
            return False
        if _fingerprint(state["contents"], model_id, topics_path) != base_key:
            return _damaged("state of another view")
        _check_state(state)
        changes = store.changes_since(int(state["base_sequence"]))
        added = list(changes.added)
        if changes.removed or not added or len(added) > added_limit(int(state["articles"])):
            return False
        if store.count() != int(state["articles"]) + len(added):
            return False  # an article put again: it was in the base
        if store.inferred_dates_fingerprint() != store.fingerprint() or store.inferred_dates_base() != state["dates_base"]:
            return False
        articles = [store.article(article_id) for article_id in added]
        if any(article is None for article in articles):
            return False
        # Dated as the catalogue dates them (their dates inferred from the collection, when stored).
        dated = {entry.article_id: entry.published for entry in store.catalogue_entries(added)}
        articles = [replace(article, published=dated.get(article.article_id, article.published)) for article in articles]
        with gc_paused():  # the touched rows' claims, tens of thousands of small records decoded and judged
            rows, kept, now_stored = _extended_rows(store, embedder, topics_path, name, base_key, payload, state, articles)
        state.update(base_sequence=int(changes.sequence), articles=int(state["articles"]) + len(added),
                     contents=store_contents_key(store))
        if not any(moved for _column, _values, moved in kept.values()):
            # No topic moved in the list: the touched topics' rows are replaced where they are stored,
            # and the others' (every stored claim) are not copied.
            dropped = {table: (column, values) for table, (column, values, _moved) in kept.items() if values}
            written = store.extend_view_in_place(name, base_key, key, payload, rows, dropped, wait_s=DERIVED_WRITE_WAIT_S)
        elif store.view_rows_key(name, base_key) != view_row_key(base_key):
            # `extend_view` copies rows stored under the base key's own row key, which rows extended in
            # place do not carry (a new topic moving others after in-place extensions: rare).
            raise _Refused("topics move in a view extended in place")
        else:
            written = store.extend_view(name, base_key, key, payload, rows, kept, wait_s=DERIVED_WRITE_WAIT_S)
        if written:
            _KEPT.moved(store, name, base_key, key, now_stored)
        return written
    except _Refused as reason:
        log.info("claims view not extended: %s", reason)
        return False
    except DamagedViewError as error:
        return _damaged(str(error))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, binascii.Error) as error:
        return _damaged(f"{type(error).__name__}: {error}")
    except StoreError as error:
        log.warning("claims view not extended: %s", error)
        return False


def _check_state(state: dict) -> None:
    """Raises KeyError, TypeError or ValueError (binascii.Error) unless every part of `state` has the
    shape `extension_state` gives it, so a damaged state is found before any article is read."""
    for name, kind in (("base_sequence", int), ("articles", int), ("candidates", int), ("definitions", dict),
                       ("split_sources", dict), ("members", dict), ("small", dict), ("lone", dict), ("split_rows", list),
                       ("groups", dict), ("plan", list), ("auto", list), ("subject", dict), ("place", dict)):
        if not isinstance(state[name], kind):
            raise TypeError(f"{name} is not a {kind.__name__}")
    sizes = {len(_vector_of(entry["mean"])) for entry in state["auto"]}
    sizes |= {len(_vector_of(entry["sum"])) for entry in state["subject"].values()}
    if len(sizes) > 1:
        raise ValueError(f"vectors of {len(sizes)} sizes")
    for row in state["split_rows"]:
        if not {"id", "label", "unit", "seeded", "counted", "base", "figure_sources", "kinds"} <= set(row):
            raise KeyError("a split row lacks a field")
    for row in state["plan"]:
        if not {"row", "id", "seeded", "base", "fate", "key", "label", "unit", "counted"} <= set(row):
            raise KeyError("a planned row lacks a field")


def _assigned(store, embedder, topics_path, state: dict, articles: list) -> _Added:
    """The added articles' candidate sentences assigned to the stored topics, as `_assign` assigns them
    (seeds by the same scores and cuts; a leftover to the automatic topic it would join by average
    linkage, else left out); the state's automatic topics take the sentences they get."""
    from lib.text.embed import article_vectors

    threshold, seeds = load_topic_seeds(topics_path)
    vectors = article_vectors(store, articles, embedder)
    added = _Added()
    for article in articles:
        article_vecs = vectors.get(article.article_id)
        if article_vecs is None or len(article_vecs) != len(article.sentences):
            raise _Refused(f"no sentence vectors for {article.source_file}")
        for fact in candidate_sentences(article, plain_too=True):
            added.rows.append((article, fact, article_vecs[fact.sentence.index]))
    if not added.rows:
        return added
    matrix = np.vstack([row[2] for row in added.rows])
    scores_of = seed_scores(matrix, seeds, embedder)
    cuts = SeedCuts.of(embedder, threshold)
    auto = state["auto"]
    means = np.vstack([_vector_of(entry["mean"]) for entry in auto]) if auto else None
    cut = embedder.calibrated(AUTO_CLUSTER_SIMILARITY)
    for position, (article, fact, vector) in enumerate(added.rows):
        joined = {seeds[column].topic_id for column in seed_columns(scores_of[position], fact, seeds, cuts)}
        if not joined and fact.is_candidate and means is not None:
            # Average linkage joins a sentence to a cluster when its mean cosine to the members (its
            # cosine to their mean vector) reaches the cut: the closest such automatic topic.
            similarities = means @ vector
            closest = int(similarities.argmax())
            if float(similarities[closest]) >= cut:
                entry = auto[closest]
                joined.add(entry["id"])
                count = entry["count"]
                means[closest] = (means[closest] * count + vector) / (count + 1)
                entry["mean"], entry["count"] = _vector_text(means[closest]), count + 1
                for quantity in fact.quantities:
                    if _comparable_in_a_cluster(quantity):
                        entry["units"][quantity.unit] = entry["units"].get(quantity.unit, 0) + 1
                units_now = entry["units"]
                unit = max(sorted(units_now), key=units_now.get) if units_now else None
                if unit != entry["unit"]:
                    raise _Refused(f"automatic topic {entry['id']} now compares {unit}")
        for topic_id in sorted(joined):
            added.joined.setdefault(topic_id, []).append((article, fact, vector))
        if fact.is_candidate or joined:
            added.candidates.append([article.article_id, fact.sentence.index])
    return added



def _judge_off(store, embedder, state: dict, added: _Added) -> None:
    """The new sentences off their kind's subject or place (`_off_subject`, `_off_place`), into
    `added.off`; the state's centroids and country counts take the new sentences."""
    from lib.claims.places import places_named
    from lib.text.embed import is_multilingual

    multilingual = is_multilingual(embedder.model_id)
    cut = embedder.calibrated(OFF_SUBJECT_SIMILARITY)
    groups: dict[str, list] = {}
    place_before = {kind: _common_places(entry) for kind, entry in state["place"].items()}
    named_of = {}
    for article, fact, vector in added.rows:
        if not fact.is_candidate:
            continue
        language = _language(article, fact)
        keys = _row_keys(fact)
        if keys and (multilingual or language == "en"):
            for kind, _unit in keys:
                groups.setdefault(f"{kind}\t{language}", []).append((article, fact, vector))
        codes = places_named(fact.sentence.text) if keys else frozenset()
        if codes:
            named_of[(article.article_id, fact.sentence.index)] = (keys, codes)
    reader = _Vectors(store, embedder.model_id)
    for group_key, members in groups.items():
        entry = state["subject"].setdefault(
            group_key, {"sum": _vector_text(np.zeros_like(members[0][2])), "count": 0, "members": []})
        before = entry["count"]
        total = _vector_of(entry["sum"]) + np.sum([vector for _a, _f, vector in members], axis=0)
        count = before + len(members)
        kind = group_key.split("\t")[0]
        if before < OFF_SUBJECT_MIN_GROUP <= count:
            # The check starts on this kind: the stored sentences are judged too; one found off its
            # subject would leave rows the stored view shows, so the view is built whole.
            for article_id, index in entry["members"]:
                found = reader.sentence(article_id, index)
                if found is None:
                    raise _Refused(f"a sentence of {kind} figures is not readable")
                others = total - found[0]
                if float(found[0] @ others) / (np.linalg.norm(others) or 1.0) < cut:
                    raise _Refused(f"a stored sentence is now off the subject of {kind} figures")
        if count >= OFF_SUBJECT_MIN_GROUP:
            for article, fact, vector in members:
                others = total - vector
                norm = np.linalg.norm(others) or 1.0
                if float(vector @ others) / norm < cut:
                    added.off.add((article.article_id, fact.sentence.index, kind))
        entry["sum"], entry["count"] = _vector_text(total), count
        entry["members"] = [] if count >= OFF_SUBJECT_MIN_GROUP else [
            *entry["members"], *([a.article_id, f.sentence.index] for a, f, _v in members)]
    # Countries: the reports naming each (an added article is a new report).
    by_article: dict[str, dict[str, set[str]]] = {}
    for (article_id, _index), (keys, codes) in named_of.items():
        for kind, _unit in keys:
            by_article.setdefault(kind, {}).setdefault(article_id, set()).update(codes)
    for kind, naming in by_article.items():
        entry = state["place"].setdefault(kind, {"reports": 0, "codes": {}})
        entry["reports"] += len(naming)
        for codes in naming.values():
            for code in codes:
                entry["codes"][code] = entry["codes"].get(code, 0) + 1
        common = _common_places(entry)
        if common != place_before.get(kind) and (place_before.get(kind) is not None or entry["reports"] - len(naming) > 0):
            raise _Refused(f"the countries of {kind} figures change")
        if common:
            for (article_id, index), (keys, codes) in named_of.items():
                if kind in {k for k, _u in keys} and not codes & set(common):
                    added.off.add((article_id, index, kind))


def _new_split_claims(row: dict, members: list) -> list:
    """The claims `split_by_kind`'s claims_of gives the new `members` in the split row `row`."""
    kind, keep_plain, unit = row["counted"], "--" not in row["id"], row["unit"]
    claims = []
    for article, fact, _vector in members:
        has_kind = any(q.unit == unit and q.counted == kind for q in fact.quantities) if kind else False
        if not has_kind and not keep_plain:
            continue
        claim = make_claim(article, fact, row["id"], unit, kind)
        if claim.value is not None and kind and claim.counted != kind:
            claim = without_figure(claim)
        claims.append(claim)
    return claims


def _figures_of(row: dict, claims: list) -> list:
    """The claims of `claims` the split row compares once built (build_topic drops uncompared kinds)."""
    return [c for c in claims if c.value is not None and (row["counted"] is not None or c.counted not in UNCOMPARED_KINDS)]


class _Vectors:
    """Stored sentences' vectors and languages, read an article at a time (record + cached vectors)."""

    def __init__(self, store, model_id: str):
        self.store, self.model_id, self.seen = store, model_id, {}

    def sentence(self, article_id: str, index: int):
        """(vector, language, source_file) of one stored sentence, or None when not readable."""
        from lib.text.embed import embedding_cache_key

        if article_id not in self.seen:
            article = self.store.article(article_id)
            vectors = None if article is None else self.store.get_embeddings(
                embedding_cache_key(self.model_id, article.sentences), article_id)
            self.seen[article_id] = (article, vectors)
        article, vectors = self.seen[article_id]
        if article is None or vectors is None or index >= len(vectors) or index >= len(article.sentences):
            return None
        return vectors[index], article.sentences[index].language or article.language, article.source_file


def _lone_update(store, embedder, state: dict, topic_id: str, members: list, main_claims) -> None:
    """The topic's points only one source makes, with the new `members` (`_lone_points`): judged again
    whole when the topic is small (its sentences listed in the state), else the new sentences against
    at most LONE_SCAN stored sentences of other sources (`main_claims`), and the stored points dropped
    when a new sentence echoes them."""
    from lib.text.embed import is_multilingual

    multilingual = is_multilingual(embedder.model_id)
    cut = embedder.calibrated(LONE_POINT_SIMILARITY)
    reader = _Vectors(store, embedder.model_id)
    new = [(article.article_id, fact.sentence.index, vector, _language_of(article, fact), article.source_file)
           for article, fact, vector in members]
    small = state["small"].get(topic_id)
    if small is not None and len(small) + len(new) <= LONE_EXACT:
        stored = []
        for article_id, index in small:
            found = reader.sentence(article_id, index)
            if found is None:
                raise _Refused(f"a sentence of topic {topic_id} is not readable")
            stored.append((article_id, index, *found))
        everyone = stored + new
        lone = []
        for article_id, index, vector, language, source_file in everyone:
            others = [o for o in everyone if o[0] != article_id and (multilingual or o[3] == language)]
            if others and float(np.max(np.vstack([o[2] for o in others]) @ vector)) < cut:
                lone.append([article_id, source_file, index])
        state["lone"][topic_id] = lone
        state["small"][topic_id] = small + [[m[0], m[1]] for m in new]
        return
    state["small"].pop(topic_id, None)
    kept = []
    for article_id, source_file, index in state["lone"].get(topic_id, []):
        found = reader.sentence(article_id, index)
        echoed = found is not None and any(
            m[0] != article_id and (multilingual or m[3] == found[1]) and float(m[2] @ found[0]) >= cut for m in new)
        if not echoed:
            kept.append([article_id, source_file, index])
    scanned = [(claim.article_id, claim.sentence_index) for claim in main_claims][:LONE_SCAN]
    for article_id, index, vector, language, source_file in new:
        judged, echoed = False, False
        for other in new:
            if other[0] != article_id and (multilingual or other[3] == language):
                judged = True
                echoed = echoed or float(other[2] @ vector) >= cut
        for other_id, other_index in scanned:
            if echoed:
                break
            if other_id == article_id:
                continue
            found = reader.sentence(other_id, other_index)
            if found is not None and (multilingual or found[1] == language):
                judged = True
                echoed = float(found[0] @ vector) >= cut
        if judged and not echoed:
            kept.append([article_id, source_file, index])
    state["lone"][topic_id] = kept


def _language_of(article, fact) -> str | None:
    return fact.sentence.language or article.language


def _extended_rows(store, embedder, topics_path, name: str, base_key: str, payload: dict, state: dict, articles: list):
    """(new rows of the touched topics, the kept rows' filter for `extend_view`); `payload` and its state
    are brought to the extended view. Raises _Refused when the rows a rebuild makes would differ in shape."""
    added = _assigned(store, embedder, topics_path, state, articles)
    _judge_off(store, embedder, state, added)
    plan_before = state["plan"]
    split_rows = state["split_rows"]
    _, seeds = load_topic_seeds(topics_path)
    order = {seed.topic_id: number for number, seed in enumerate(seeds)}
    order.update({entry["id"]: len(seeds) + number for number, entry in enumerate(state["auto"])})
    new_topics = [topic_id for topic_id in added.joined if topic_id not in state["definitions"]]
    for topic_id in sorted(new_topics, key=order.__getitem__):
        # A seed topic with its first sentences: its rows are made of new sentences only, listed
        # where the build lists them (seeds in file order, before the automatic topics).
        seed = seeds[order[topic_id]]
        state["definitions"][topic_id] = [seed.label, seed.unit, True]
        state["split_sources"][topic_id], state["members"][topic_id] = {}, 0
        state["small"][topic_id], state["lone"][topic_id] = [], []
        at = next((position for position, row in enumerate(split_rows) if order[row["base"]] > order[topic_id]), len(split_rows))
        split_rows[at:at] = [{**row, "figure_sources": 0, "kinds": []} for row in _split_plan(seed.label, seed.unit, True, topic_id, {})]
    # split_by_kind: the sources per kind of each topic the new sentences join.
    for topic_id, members in added.joined.items():
        label, unit, seeded = state["definitions"][topic_id]
        sources = state["split_sources"][topic_id]
        for kind in {q.counted for _a, fact, _v in members for q in fact.quantities
                     if unit and q.unit == unit and q.counted and q.counted not in UNCOMPARED_KINDS}:
            sources[kind] = sources.get(kind, 0) + len({a.source_file for a, fact, _v in members
                                                        if any(q.unit == unit and q.counted == kind for q in fact.quantities)})
        planned = _split_plan(label, unit, seeded, topic_id, sources)
        positions = [position for position, row in enumerate(split_rows) if row["base"] == topic_id]
        strip = ("figure_sources", "kinds")
        if topic_id in new_topics:
            at = positions[0]
            split_rows[at : at + len(positions)] = [{**row, "figure_sources": 0, "kinds": []} for row in planned]
            positions = list(range(at, at + len(planned)))
        elif [{k: v for k, v in split_rows[p].items() if k not in strip} for p in positions] != planned:
            raise _Refused(f"the rows of topic {topic_id} change")
    split_claims: dict[str, list] = {}
    for topic_id, members in added.joined.items():
        for row in split_rows:
            if row["base"] == topic_id:
                claims = _new_split_claims(row, members)
                split_claims[row["id"]] = claims
                figures = _figures_of(row, claims)
                row["figure_sources"] += len({claim.source_file for claim in figures})
                row["kinds"] = sorted(set(row["kinds"]) | {claim.counted for claim in figures if claim.counted})
        state["members"][topic_id] = state["members"].get(topic_id, 0) + len(members)
    # one_row_per_kind: the new sentences giving each kind of figure.
    group_members: dict[tuple[str, str], list] = {}
    for article, fact, _vector in added.rows:
        if [article.article_id, fact.sentence.index] not in added.candidates:
            continue
        for key in _row_keys(fact):
            if (article.article_id, fact.sentence.index, key[0]) not in added.off:
                group_members.setdefault(key, []).append((article, fact))
    for key, members in group_members.items():
        entry = state["groups"].setdefault(_key_text(key), {"sources": 0, "size": 0, "units": {}})
        entry["sources"] += len({article.source_file for article, _fact in members})
        entry["size"] += len(members)
        for _article, fact in members:
            for quantity in fact.quantities:
                if quantity.counted == key[0] and quantity.unit:
                    entry["units"][quantity.unit] = entry["units"].get(quantity.unit, 0) + 1
    plan = _final_plan(split_rows, state["groups"])

    def shape(rows):
        return [{k: v for k, v in row.items() if k != "row"} for row in rows if row["base"] not in new_topics or row["fate"] == "kind"]

    if shape(plan) != shape(plan_before):
        differ = next((a, b) for a, b in zip([*shape(plan), None], [*shape(plan_before), None]) if a != b)
        raise _Refused(f"the rows compared change: {differ[0]} (was {differ[1]})")
    state["plan"] = plan
    # The touched rows, rebuilt from their stored claims and the new ones.
    new_claims: dict[int, list] = {}
    for seq, row in enumerate(plan):
        claims = []
        if row["row"] is not None:
            claims = split_claims.get(split_rows[row["row"]]["id"], [])
        if row["fate"] == "owner":
            kind = row["key"][0]
            claims = [c for c in claims if c.counted != kind or (c.article_id, c.sentence_index, kind) not in added.off]
            have = {(c.source_file, c.sentence_index) for c in claims}
            claims += [c for article, fact in group_members.get(tuple(row["key"]), [])
                       if (article.source_file, fact.sentence.index) not in have
                       and (c := make_claim(article, fact, row["id"], row["unit"], kind)).counted == kind]
        elif row["fate"] == "stripped":
            claims = [without_figure(c) if c.counted == row["stripped"] else c for c in claims]
        elif row["fate"] == "kind":
            kind = row["key"][0]
            claims = [c for article, fact in group_members.get(tuple(row["key"]), [])
                      if (c := make_claim(article, fact, row["id"], row["unit"], kind)).counted == kind]
        if claims or row["base"] in added.joined:
            new_claims[seq] = claims
    stored = _stored_claims(store, name, base_key, [plan[seq]["id"] for seq in new_claims])
    stored.update({row["id"]: () for row in plan if row["base"] in new_topics and row["fate"] != "kind"})
    for topic_id, members in added.joined.items():
        _lone_update(store, embedder, state, topic_id, members, stored.get(topic_id, ()))
    headers, claim_rows, now_stored = [], [], {}
    for seq, claims in sorted(new_claims.items()):
        row = plan[seq]
        if row["id"] not in stored:
            raise DamagedViewError("Compare topics")
        old = stored[row["id"]]
        topic = build_topic(row["id"], row["label"], row["unit"], row["seeded"], [*old, *claims], row["counted"])
        topic = _with_plain_label(topic)
        lone = {(source_file, index) for _article_id, source_file, index in state["lone"].get(row["base"], [])}
        headers.append(topic_header_row(seq, with_lone_points(topic, lone)))
        # A topic's stored claims stay as they are (copied in the database); its new claims, as the
        # topic holds them, are numbered after them (StoredClaims puts them back in the topic's order).
        new = {(claim.source_file, claim.sentence_index) for claim in claims}
        written = [claim for claim in topic.claims if (claim.source_file, claim.sentence_index) in new]
        claim_rows += claim_view_rows(seq, written, first=len(old))
        # What StoredClaims reads back for this topic once the view is stored (its stored claims, then
        # the new ones as written, in the topic's order) under the header written.
        now_stored[row["id"]] = (headers[-1][7], tuple(sorted([*old, *written], key=claim_order)))
    claim_rows += candidate_view_rows(added.candidates, first=int(state["candidates"]))
    state["candidates"] = int(state["candidates"]) + len(added.candidates)
    # The untouched topics keep their rows, and every topic its stored claims; rows after a new
    # topic's rows move down the list.
    seq_before = {row["id"]: seq for seq, row in enumerate(plan_before)}
    touched_before = [seq_before[plan[seq]["id"]] for seq in new_claims if plan[seq]["id"] in seq_before]
    moved = [(seq_before[row["id"]], seq) for seq, row in enumerate(plan) if row["id"] in seq_before and seq_before[row["id"]] != seq]
    untouched_moved = [(before, after) for before, after in moved if after not in new_claims]
    return ({"view_topics": headers, "view_claims": claim_rows},
            {"view_topics": ("seq", touched_before, untouched_moved), "view_claims": ("topic_seq", [], moved)},
            now_stored)
