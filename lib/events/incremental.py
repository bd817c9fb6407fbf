"""The Timeline's events view extended by added articles, without rebuilding it (issue 18).

A full build (`lib.events.build.build_events`) stores, with the view, its base (`EventsBase`, the
view's payload): the write sequence and inferred dates' base it was built at, its article count,
and the story-wide state an added article's mentions are placed against (`StoryState`: the story's
days, the relevance centroids, the core actors overall and per language). Beside the view's rows it
keeps one `view_event_mentions` row per merged mention: its event, days, clause vector (float16) and
the mention as JSON, its sentence named by offsets in its article's body (the text is read from
the article record when needed; no second copy of the corpus). No page reads any of it.

`update_events_view` then places the added articles' mentions: found against the stored story
days, kept on the story by the stored centroids and core actors, their clauses encoded, compared
(nearest stored mentions of overlapping days by vector, then the same pair rules as a full build,
`merge._PairRules`) and merged complete-linkage into the events they join; only the touched events
are rebuilt (`event_from_cluster`) and written, in place (`extend_view_in_place`: no row of an
untouched event is copied), under the key of the store's current contents, with the base moved on.

Where it differs from a full rebuild (story-wide statistics fixed at the full build, and the
order of merging):

* the relevance centroids, the core actors (40% of the articles) and the story's days are those of
  the full build: an added article moves none of them, so no earlier mention enters or leaves the
  story, and the added article's mentions are judged against the base (a language the base had no
  article in takes its centroid and core actors from the added articles of that language, as a full
  build would from those articles alone);
* an added mention joins an event only when every one of its merged mentions accepts it (complete
  linkage, as a full build's); a full rebuild merges the most similar pairs first across the whole
  story, so where an added mention is the closer partner of an earlier one, a rebuild may split an
  event differently. Two stored events are never merged by an added mention (a full build left them
  apart because some pair between them failed; that pair still fails);
* past `merge.MERGE_EXACT_MENTIONS` mentions a full build compares each mention only within cells
  of similar mentions and keeps a bounded number of partners per mention; the added mentions are
  compared with every stored mention of overlapping days;
* clause vectors are kept as float16 (a cosine within about 1e-3 of the full build's);
* an added event sorts after stored events of the same days and summary, and an added event whose
  id a stored one already has takes an id that also holds its days (a full build orders such ties
  by its clusters); the ids `unique_ids` derives for two events one sentence tells count the events
  listed before them in a full build, so a rebuild may give those two other ids (measured: the only
  difference on the bundled story and the tuned coverage-dev pages tried).

The view's rows keep the row key of the full build (`view_rows_key`): a reader that computed the old
key before the extension reads the new rows (`StoredEvents.is_current` then says it is stale).
"""

from __future__ import annotations

import binascii
import json
import logging
from dataclasses import dataclass, replace

import numpy as np

from lib.core.memory import gc_paused
from lib.core.models import Article, Event, Sentence
from lib.core.store import VIEW_COLUMNS, DamagedViewError, StoreError, added_limit, store_contents_key
from lib.events.build import (
    DAY_PHRASE,
    EVENT_SEQ_GAP,
    EVENTS_VIEW,
    UP_TO_A_MONTH,
    WIDER,
    EventsBase,
    PlacedCluster,
    event_from_cluster,
    event_rows_at,
    events_cache_key,
    merge_thresholds,
    mention_rows,
    one_day_phrase,
    story_mentions,
    unique_ids,
)
from lib.events.mentions import EventMention, find_event_mentions
from lib.events.merge import DAY_WIDTH, INTERVAL_JOIN_DAYS, _PairRules, kinds_of, mention_language

log = logging.getLogger(__name__)




@dataclass
class _StoredMention:
    event_id: str
    number: int
    mention: EventMention
    vector: np.ndarray | None  # float32, None when not compared


def _stored_mentions(store, rows) -> list[_StoredMention]:
    """Mentions rebuilt from their rows, their sentences read from their articles' records (one query
    for the bodies, one for the catalogue rows: dates as the pages show them)."""
    article_ids = sorted({row[2] for row in rows})
    bodies = store.bodies(article_ids)
    entries = {entry.article_id: entry for entry in store.catalogue_entries(article_ids)}
    articles: dict[str, Article] = {}
    sentences: dict[tuple[str, int], Sentence] = {}
    found = []
    for event_id, number, article_id, _first, _last, compared, blob, text in rows:
        entry, body = entries.get(article_id), bodies.get(article_id)
        if entry is None or body is None:
            raise DamagedViewError(f"timeline events' base (mention of a missing article {article_id})")
        data = json.loads(text)
        if article_id not in articles:
            articles[article_id] = Article(article_id, entry.source_file, entry.title, entry.outlet, entry.published,
                                           entry.language, "", (), (), "", "text", "")
        index, start, end, language = data["sentence"]
        if not 0 <= start <= end <= len(body):
            raise DamagedViewError("timeline events' base (a mention's sentence outside its article)")
        sentence = sentences.setdefault((article_id, index), Sentence(int(index), int(start), int(end), body[start:end], language))
        mention = EventMention(
            article=articles[article_id], sentence=sentence, summary=data["summary"], start=data["start"], end=data["end"],
            precision=data["precision"], clue=data["clue"], actors=frozenset(data["actors"]), keywords=frozenset(data["keywords"]),
            dated_by=data["dated_by"], is_statement=bool(data["statement"]), speaker=frozenset(data["speaker"]),
            weekday=data["weekday"], beside_other_days=bool(data.get("beside_other_days", False)),
        )
        vector = np.frombuffer(bytes(blob), dtype=np.float16).astype(np.float32) if compared else None
        found.append(_StoredMention(event_id, int(number), mention, vector))
    return found


# -- extending ------------------------------------------------------------------------------------
_MENTION_COLUMNS = "event_id, number, article_id, first_day, last_day, compared, vector, mention"  # as `_stored_mentions` reads them


def _nearby_rows(store, row_key: str, low: int, high: int, wide: bool) -> list[tuple]:
    """(event id, number, first day, last day, dating, language, kinds, clause vector) of the first mention
    of each stored event whose days meet [low, high], read along the days index: a mention dated to a day
    by its own words starts at most a day before `low`, one up to a month wide at most a month before. For
    mentions wider than a month (`wide`), only those wider than a day (`merge.narrow_enough`).

    One mention per event is enough: events are merged by complete linkage, so an added mention joins a
    stored event only when the rules link it to every compared mention of it, the first among them (an
    event's first mention is always a compared one: the mentions told by context, never compared, follow
    the cluster's own). Reading one instead of all cuts the rows read by the events' mean size (about 3.6
    at 100k articles), and they were most of an addition's time there."""
    columns = "event_id, number, first_day, last_day, dating, language, kinds, vector"
    rows = []
    datings = ((DAY_PHRASE, low - DAY_WIDTH), (UP_TO_A_MONTH, low - INTERVAL_JOIN_DAYS - 1), (WIDER, None))
    for dating, earliest in datings[1:] if wide else datings:
        since, since_params = (" AND first_day >= ?", [earliest]) if earliest is not None else ("", [])
        wider = f" AND last_day - first_day > {DAY_WIDTH}" if wide else ""
        rows += store.read_view(
            f"SELECT {columns} FROM {{p}}view_event_mentions WHERE view_key = ? AND dating = ?{since} AND first_day <= ? "
            f"AND last_day >= ? AND compared = 1 AND number = 0{wider}",
            [row_key, dating, *since_params, high, low],
        )
    return rows


def _wide(mention: EventMention) -> bool:
    """Dated wider than a month: never the same event as one dated to a day (`merge.narrow_enough`)."""
    return mention.last_day - mention.first_day > INTERVAL_JOIN_DAYS


def _windows(added: list[EventMention]) -> list[tuple[int, int]]:
    """The added mentions' days with the merge's one day of slack, overlapping ones joined (each stored row read once)."""
    joined: list[list[int]] = []
    for low, high in sorted((mention.first_day - 1, mention.last_day + 1) for mention in added):
        if joined and low <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], high)
        else:
            joined.append([low, high])
    return [(low, high) for low, high in joined]


def _possible_partners(store, row_key: str, added: list[EventMention], vectors: np.ndarray, threshold: float) -> set[str]:
    """Events an added mention may be merged with: whose first mention is of overlapping days (one day of
    slack) and close enough in meaning, or both dated to a day by their own words (the pairs the rules
    may join on evidence read without the embedder); see `_nearby_rows`."""
    # Windows of the mentions up to a month wide and of the wider ones apart: one "in 2024" would otherwise
    # read every day-dated mention of the year for the day-dated mentions inside it.
    found = {
        (row[0], row[1]): row
        for wide in (False, True)
        for low, high in _windows([mention for mention in added if _wide(mention) == wide])
        for row in _nearby_rows(store, row_key, low, high, wide)
    }
    if not found:
        return set()
    rows = list(found.values())
    firsts, lasts = np.array([row[2] for row in rows]), np.array([row[3] for row in rows])
    widths = lasts - firsts
    overlaps = []
    for mention in added:
        overlapping = (firsts <= mention.last_day + 1) & (lasts >= mention.first_day - 1)
        if _wide(mention):
            overlapping &= widths > DAY_WIDTH
        elif mention.last_day - mention.first_day <= DAY_WIDTH:
            overlapping &= widths <= INTERVAL_JOIN_DAYS
        overlaps.append(overlapping)
    # Only the rows some added mention overlaps are compared: their vectors alone are converted (float16
    # to float32 costs more than the product).
    needed = np.flatnonzero(np.logical_or.reduce(overlaps))
    if not needed.size:
        return set()
    rows = [rows[index] for index in needed.tolist()]
    overlaps = [overlapping[needed] for overlapping in overlaps]
    event_ids = np.array([row[0] for row in rows], dtype=object)
    day_phrases = np.array([row[4] == DAY_PHRASE for row in rows], dtype=bool)
    languages = np.array([row[5] for row in rows], dtype=object)
    kinds = np.array([bool(row[6]) for row in rows], dtype=bool)
    stored = np.frombuffer(b"".join(bytes(row[7]) for row in rows), dtype=np.float16).reshape(len(rows), -1).astype(np.float32)
    similarity = stored @ np.asarray(vectors, dtype=np.float32).T
    events: set[str] = set()
    for column, mention in enumerate(added):
        overlapping = overlaps[column]
        wanted = similarity[:, column] >= threshold
        if one_day_phrase(mention):  # `_PairRules.same_day_two_languages`, before the evidence itself is read
            language = mention_language(mention)
            other_language = languages != language
            same_language_kinds = (languages == language) & kinds if language != "en" and kinds_of(mention) else False
            wanted |= day_phrases & (other_language | same_language_kinds)
        events.update(event_ids[overlapping & wanted].tolist())
    return events


def _merge_added(stored: list[_StoredMention], added: list[EventMention], added_vectors: np.ndarray, thresholds: tuple[float, float]):
    """Complete-linkage merging of the added mentions into the stored events (and with each other):
    {stored event id or None: [added mentions]} (None: a new event, one list per new cluster, in a list)."""
    compared = [item for item in stored if item.vector is not None]
    everyone = [item.mention for item in compared] + added
    old, new = len(compared), len(added)
    vectors = np.vstack([item.vector for item in compared] + [np.asarray(added_vectors, dtype=np.float32)])
    # Every pair with an added mention (the earlier of each pair first, as the rules take them).
    seconds = np.repeat(np.arange(old, old + new), np.arange(old, old + new))
    firsts = np.concatenate([np.arange(j) for j in range(old, old + new)]).astype(np.int64)
    scores = np.einsum("ij,ij->i", vectors[firsts], vectors[seconds]).astype(np.float64)
    accepted_mask = _PairRules(everyone, *thresholds).accept(firsts, seconds, scores) if len(firsts) else np.zeros(0, dtype=bool)
    accepted = {(int(i), int(j)) for i, j in zip(firsts[accepted_mask], seconds[accepted_mask])}
    event_of = [item.event_id for item in compared] + [None] * new
    clusters: dict[int, set[int]] = {}
    owner = list(range(old + new))
    first_of: dict[str, int] = {}
    for index, event_id in enumerate(event_of[:old]):
        owner[index] = first_of.setdefault(event_id, index)
        clusters.setdefault(owner[index], set()).add(index)
    for index in range(old, old + new):
        clusters[index] = {index}

    def linked(x: int, y: int) -> bool:
        if x < old and y < old:
            return event_of[x] == event_of[y]  # two stored events: a full build found a pair between them failing
        return (min(x, y), max(x, y)) in accepted

    failed: set[tuple[int, int]] = set()
    ranked = sorted(zip(scores[accepted_mask].tolist(), firsts[accepted_mask].tolist(), seconds[accepted_mask].tolist()), reverse=True)
    for _score, i, j in ranked:
        a, b = owner[i], owner[j]
        if a == b or (min(a, b), max(a, b)) in failed:
            continue
        if all(linked(x, y) for x in clusters[a] for y in clusters[b]):
            keep, gone = (a, b) if a < b else (b, a)
            clusters[keep] |= clusters.pop(gone)
            for index in clusters[keep]:
                owner[index] = keep
        else:
            failed.add((min(a, b), max(a, b)))
    joined: dict[str, list[EventMention]] = {}
    fresh: list[list[EventMention]] = []
    for keep, members in sorted(clusters.items()):
        new_members = [everyone[index] for index in sorted(members) if index >= old]
        if not new_members:
            continue
        if keep < old:
            joined[event_of[keep]] = new_members
        else:
            fresh.append(new_members)
    return joined, fresh


def _added_articles(store, article_ids) -> list[Article] | None:
    """The added articles as a loaded corpus holds them (the publication date every page shows), or None if one is gone."""
    entries = {entry.article_id: entry for entry in store.catalogue_entries(article_ids)}
    articles = []
    for article_id in article_ids:
        article, entry = store.article(article_id), entries.get(article_id)
        if article is None or entry is None:
            return None
        articles.append(replace(article, published=entry.published))
    return articles


def _event_key(event: Event) -> tuple[str, str, str]:
    return event.start, event.end, event.summary


class _ListPlaces:
    """Where an event goes in the stored list: a binary search on list positions (`view_events.seq`),
    reading one slim row (and, on a tie of days, one payload) per step."""

    def __init__(self, store, row_key: str, removed: set[int]):
        self.store, self.row_key, self.removed = store, row_key, sorted(removed)
        skip = f" AND seq NOT IN ({', '.join('?' * len(self.removed))})" if self.removed else ""
        self._skip = skip
        bounds = store.read_view(f"SELECT min(seq), max(seq) FROM {{p}}view_events WHERE view_key = ?{skip}", [row_key, *self.removed])
        self.low, self.high = bounds[0] if bounds and bounds[0][0] is not None else (None, None)

    def _first_from(self, seq: int):
        rows = self.store.read_view(
            f"SELECT seq, first_day, last_day FROM {{p}}view_events WHERE view_key = ? AND seq >= ?{self._skip} ORDER BY seq LIMIT 1",
            [self.row_key, seq, *self.removed],
        )
        return rows[0] if rows else None

    def _after(self, row, key: tuple[str, str, str]) -> bool:
        """Whether the stored row sorts after `key` (ties of days read the row's summary)."""
        if (row[1], row[2]) != key[:2]:
            return (row[1], row[2]) > key[:2]
        payload = self.store.read_view("SELECT payload FROM {p}view_event_payloads WHERE view_key = ? AND seq = ?", [self.row_key, row[0]])
        if not payload:
            raise DamagedViewError("timeline events")
        return json.loads(payload[0][0])["summary"] > key[2]

    def neighbours(self, key: tuple[str, str, str]) -> tuple[int | None, int | None]:
        """(position of the last kept event sorting at or before `key`, position of the first after it)."""
        if self.low is None:
            return None, None
        low, high = self.low, self.high + 1  # the first position whose next kept row sorts after `key`
        while low < high:
            middle = (low + high) // 2
            row = self._first_from(middle)
            if row is None or self._after(row, key):
                high = middle
            else:
                low = row[0] + 1
        after = self._first_from(low)
        before = self.store.read_view(
            f"SELECT max(seq) FROM {{p}}view_events WHERE view_key = ? AND seq < ?{self._skip}", [self.row_key, low, *self.removed]
        )[0][0]
        return before, (after[0] if after is not None else None)

    def kept_around(self, before: int | None, after: int | None, count: int) -> tuple[int | None, list[int], int | None]:
        """(the `count`-th kept position before `before` or None, the kept positions between it and the
        `count`-th after `after` (both excluded), that one or None): None stands for an end of the list."""
        def side(sql: str, params: list) -> list[int]:
            return [row[0] for row in self.store.read_view(sql, params)]

        below = side(f"SELECT seq FROM {{p}}view_events WHERE view_key = ? AND seq < ?{self._skip} ORDER BY seq DESC LIMIT ?",
                     [self.row_key, before, *self.removed, count]) if before is not None else []
        above = side(f"SELECT seq FROM {{p}}view_events WHERE view_key = ? AND seq > ?{self._skip} ORDER BY seq LIMIT ?",
                     [self.row_key, after, *self.removed, count]) if after is not None else []
        low = below[-1] if len(below) == count else None
        high = above[-1] if len(above) == count else None
        inside = side(
            f"SELECT seq FROM {{p}}view_events WHERE view_key = ? AND seq > ? AND seq < ?{self._skip} ORDER BY seq",
            [self.row_key, low if low is not None else -(1 << 62), high if high is not None else 1 << 62, *self.removed],
        )
        return low, inside, high


# Re-spacing a stretch of the list leaves at least this many positions between two events, and reads at
# most the last of these many events on each side of the slot with no room left.
_RESPACED_STEP = 32
_RESPACE_READS = (16, 128, 1024, 8192)


def _spread(low: int | None, high: int | None, count: int, least: int = 1) -> list[int] | None:
    """`count` positions strictly between `low` and `high` (None: an end of the list, EVENT_SEQ_GAP
    apart there), evenly spread; None when they would be closer than `least`."""
    if low is None and high is None:
        return [index * EVENT_SEQ_GAP for index in range(count)]
    if high is None:
        return [low + EVENT_SEQ_GAP * (index + 1) for index in range(count)]
    if low is None:
        return [high - EVENT_SEQ_GAP * (count - index) for index in range(count)]
    step = (high - low) // (count + 1)
    return [low + step * (index + 1) for index in range(count)] if step >= least else None


def _positions(places: _ListPlaces, events: list[Event]) -> tuple[list[tuple[int, Event]], dict[int, int]] | None:
    """((list position, event) for events to add, between their neighbours; {old: new position} of the
    stored events moved to make room). Where two neighbours are too close for the events between them,
    the stretch of list around them is spread out again (the stored events there keep their order and
    move); None only when even that leaves no room (the view is then built in full)."""
    slots: dict[tuple, list[Event]] = {}
    for event in sorted(events, key=_event_key):
        slots.setdefault(places.neighbours(_event_key(event)), []).append(event)
    placed, moved = [], {}
    tight = []
    for (before, after), group in slots.items():
        seqs = _spread(before, after, len(group))
        if seqs is None:
            tight.append((before, after))
        else:
            placed += list(zip(seqs, group))
    if not tight:
        return placed, moved
    # Write by hand: no library keeps gaps in an ordered list stored as rows. One stretch per slot with no
    # room, widened until the stretch's span leaves _RESPACED_STEP between every two of its events.
    claimed: set[tuple] = set()
    stretched: list[tuple[int, Event]] = []
    for before, after in tight:
        if (before, after) in claimed:
            continue
        for reads in _RESPACE_READS:
            low, inside, high = places.kept_around(before, after, reads)
            members = set(inside)
            if low is not None:
                members.add(low)
            # The slots inside the stretch (their earlier neighbour is in it or is its lower end).
            within = [slot for slot in slots if (slot[0] in members if slot[0] is not None else low is None)]
            if any(slot in claimed for slot in within):
                return None  # two stretches meet: rare enough to build in full
            items: list = [("new", event) for slot in within if slot[0] == low for event in slots[slot]]
            for seq in inside:
                items.append(("kept", seq))
                items += [("new", event) for slot in within if slot[0] == seq for event in slots[slot]]
            spread = _spread(low, high, len(items), least=_RESPACED_STEP)
            if spread is not None:
                break
        else:
            return None
        claimed.update(within)
        for position, (kind, item) in zip(spread, items):
            if kind == "kept":
                moved[item] = position
            else:
                stretched.append((position, item))
    # A slot that had room but lies inside a stretch is placed by the stretch instead.
    inside_stretches = {id(event) for slot in claimed for event in slots[slot]}
    return [(position, event) for position, event in placed if id(event) not in inside_stretches] + stretched, moved


def _moved_rows(store, row_key: str, moved: dict[int, int]) -> dict[str, list[tuple]]:
    """The stored events' rows at their new list positions (`moved`: old -> new), as `event_rows_at` writes them."""
    rows: dict[str, list[tuple]] = {"view_events": [], "view_event_payloads": []}
    olds = sorted(moved)
    for table in rows:
        columns = ", ".join(VIEW_COLUMNS[table][1:])
        for start in range(0, len(olds), 500):
            chunk = olds[start : start + 500]
            found = store.read_view(
                f"SELECT {columns} FROM {{p}}{table} WHERE view_key = ? AND seq IN ({', '.join('?' * len(chunk))})", [row_key, *chunk]
            )
            rows[table] += [(moved[row[0]], *row[1:]) for row in found]
        if len(rows[table]) != len(olds):
            raise DamagedViewError("timeline events (a moved event's row is missing)")
    return rows


def _unique_against(store, row_key: str, removed: set[int], events: list[Event]) -> list[Event]:
    """`unique_ids` over the new events and the kept stored ones: a new event whose id a kept one holds
    takes an id that also holds its days."""
    import hashlib

    events = unique_ids(events)
    ids = [event.event_id for event in events]
    taken = {
        row[0] for row in store.read_view(
            f"SELECT event_id, seq FROM {{p}}view_events WHERE view_key = ? AND event_id IN ({', '.join('?' * len(ids))})",
            [row_key, *ids],
        ) if row[1] not in removed
    } if ids else set()
    result = []
    for event in events:
        if event.event_id in taken:
            identity = f"{event.event_id}|{event.start}|{event.end}|added"
            event = replace(event, event_id=hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12])
        taken.add(event.event_id)
        result.append(event)
    return result


def _added_count_allowed(added: int, base_articles: int) -> bool:
    return added <= added_limit(base_articles)


def update_events_view(store, embedder, settings) -> bool:
    """Bring the stored events view up to the store's current articles by placing the added articles'
    mentions into it (see the module's notes for what may differ from a full rebuild). True when the
    view stored now is the one for `store_contents_key(store)` (already so, or extended); False when
    it must be built in full: no view or no base, articles removed or put again, more added than
    max(50, 2% of the base's articles), another model or code version, inferred dates not current or
    inferred again in full, another story start, a busy store, or a damaged base (logged). Reads
    only the added articles, the stored base and the rows near the added mentions; never raises for
    a damaged base."""
    try:
        with gc_paused():  # the stored mentions near the added ones: many small records read and compared
            return _update(store, embedder, settings)
    except (DamagedViewError, ValueError, TypeError, KeyError, IndexError, AttributeError, binascii.Error) as error:
        log.warning("events view not extended (damaged base, built in full instead): %r", error)
    except StoreError as error:  # busy, read-only
        log.warning("events view not extended (the store refused): %s", error)
    return False


def _full(reason: str) -> bool:
    log.info("events view built in full: %s", reason)
    return False


def _update(store, embedder, settings) -> bool:
    model_id = embedder.model_id
    base_key = store.view_key(EVENTS_VIEW)
    if base_key is None:
        return False
    changes_at = store.write_sequence()
    contents = store_contents_key(store)
    key = events_cache_key(contents, model_id)
    if base_key == key:
        return True
    base = EventsBase.from_payload(store.view_payload(EVENTS_VIEW, base_key))
    if base is None or events_cache_key(base.contents, model_id) != base_key or base.story_start != settings.story_start:
        return _full("the stored view has no base of this model, code and story start")
    changes = store.changes_since(base.base_sequence)
    if changes.sequence != changes_at or store.write_sequence() != changes_at:
        return _full("a writer is at work")
    if changes.removed:
        return _full("articles were removed")
    if not changes.added or not _added_count_allowed(len(changes.added), base.base_articles):
        return _full(f"{len(changes.added)} articles were added")
    if store.articles_put_by(changes.added, base.base_sequence):
        return _full("an article was put again")
    if store.inferred_dates_fingerprint() != store.fingerprint() or store.inferred_dates_base() != base.dates_base:
        return _full("the inferred dates are not current, or were inferred again in full")
    articles = _added_articles(store, list(changes.added))
    if articles is None:
        return _full("an added article is gone")
    placed = _extended(store, embedder, settings, base, base_key, articles)
    if placed is None:
        return _full("no list position is left between two events")
    rows, dropped = placed
    moved = replace(base, contents=contents, base_sequence=changes.sequence)
    return store.extend_view_in_place(EVENTS_VIEW, base_key, key, moved.to_payload(), rows, dropped, wait_s=1.0)


def _extended(store, embedder, settings, base: EventsBase, base_key: str, articles: list[Article]):
    """(rows to add, rows to drop) that place `articles` into the view stored for `base_key`; None when
    no list position is left between two events."""
    from lib.text.embed import article_vectors

    row_key = store.view_rows_key(EVENTS_VIEW, base_key)
    sentence_vectors = article_vectors(store, articles, embedder)
    story = base.story.with_languages_of(articles, sentence_vectors)
    found = [mention for article in articles for mention in find_event_mentions(article, story.story_days)]
    relevance = [story.relevance(m, sentence_vectors[m.article.article_id]) for m in found]
    kept = story_mentions(articles, found, relevance, story.core, story.core_by_language, story.story_days, sentence_vectors, embedder)
    added = [mention for mention in kept if mention.dated_by != "context"]
    if not added:
        return {}, {}
    thresholds = merge_thresholds(embedder)
    added_vectors = np.asarray(embedder.encode([mention.summary for mention in added]), dtype=np.float32)
    # A little below the thresholds: the stored clause vectors are float16.
    partner_events = sorted(_possible_partners(store, row_key, added, added_vectors, min(thresholds) - 0.005))
    stored_rows = []
    for start in range(0, len(partner_events), 500):
        chunk = partner_events[start : start + 500]
        stored_rows += store.read_view(
            f"SELECT {_MENTION_COLUMNS} FROM {{p}}view_event_mentions WHERE view_key = ? AND event_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY event_id, number", [row_key, *chunk],
        )
    stored = _stored_mentions(store, stored_rows)
    if {item.event_id for item in stored} != set(partner_events):
        raise DamagedViewError("timeline events' base (an event without its mentions)")
    joined, fresh = _merge_added(stored, added, added_vectors, thresholds)
    vector_of = {id(mention): vector for mention, vector in zip(added, added_vectors)}
    # A sentence going on telling an added one's happening joins its event (as in a full build).
    cluster_of: dict[int, list[EventMention]] = {}
    for members in [*joined.values(), *fresh]:
        for mention in members:
            cluster_of[id(mention)] = members
    for mention in kept:
        if mention.dated_by == "context" and id(mention.anchor) in cluster_of:
            cluster_of[id(mention.anchor)].append(mention)
    members_of: dict[str, list[_StoredMention]] = {}
    for item in stored:
        members_of.setdefault(item.event_id, []).append(item)
    clusters: list[PlacedCluster] = []
    for event_id, new_members in sorted(joined.items()):
        old = sorted(members_of[event_id], key=lambda item: item.number)
        mentions = [item.mention for item in old] + new_members
        vectors = {id(item.mention): item.vector for item in old if item.vector is not None}
        vectors.update({id(m): vector_of[id(m)] for m in new_members if id(m) in vector_of})
        clusters.append(PlacedCluster(event_from_cluster(mentions, base.story_start), mentions, vectors))
    for members in fresh:
        clusters.append(PlacedCluster(event_from_cluster(members, base.story_start), members,
                                      {id(m): vector_of[id(m)] for m in members if id(m) in vector_of}))
    touched = sorted(joined)
    removed = {
        row[0] for row in store.read_view(
            f"SELECT seq FROM {{p}}view_events WHERE view_key = ? AND event_id IN ({', '.join('?' * len(touched))})", [row_key, *touched]
        )
    } if touched else set()
    events = _unique_against(store, row_key, removed, [item.event for item in clusters])
    for item, event in zip(clusters, events):
        item.event = event
    found = _positions(_ListPlaces(store, row_key, removed), events)
    if found is None:
        return None
    positions, moved = found
    languages = {article.article_id: article.language for article in articles}
    languages.update({item.mention.article.article_id: item.mention.article.language for item in stored})
    rows = {**event_rows_at(positions, languages), "view_event_mentions": mention_rows(clusters)}
    if moved:  # stored events spread out to make room: their rows go and come back at their new positions
        for table, moved_rows in _moved_rows(store, row_key, moved).items():
            rows[table] = rows[table] + moved_rows
    gone = sorted(removed | set(moved))
    dropped = {"view_events": ("seq", gone), "view_event_payloads": ("seq", gone), "view_event_mentions": ("event_id", touched)}
    return rows, dropped

