"""Timeline events: things that happened, found in article bodies and merged across sources.

Guarantees of `build_events`:

* Events come only from `Article.sentences` (the cleaned body), never from
  removed page text (comments, related-article lists, menus).
* Every event keeps each sentence it came from, verbatim (`SourceRef.quote`),
  with its article, outlet and publication date; `summary` is a contiguous
  piece of one of those sentences (cut short with "…" between words), never
  invented words.
* Dates come from `lib.text.dates`, in the sentence's own language (en ja ko
  zh ru uk de fr th): an interval with a precision and the words that dated
  it. Relative phrases are read against the publication date, so "last week"
  in a 16 Nov 2024 report is the week of 4-10 Nov, not the 16th, and 「19日」 in
  a 20 Jun 2024 page is 19 Jun. Nothing is ever dated after its own page
  (plans, deadlines and future clauses are not events). A page of unknown
  date (or known only to its month or a wider inferred interval) that names
  full past days is read as published from the latest of them to six days
  after (`mentions.page_reference`): its weekdays and "yesterday" get an
  interval of that width, or the day the page itself names for that weekday;
  a page naming no full day is read among the story's dated reports
  (`mentions.story_days_of`: six days before the first to six after the
  last, when they span at most a month), else its relative phrases stay
  unread. A weekday read as such an interval merges only with a mention
  that may fall on that weekday.
* English sentences are read with the English verb and actor cues of
  `mentions`; sentences in other languages by structure alone, with no word
  list about what happened: a clause carrying a resolvable past date phrase
  is an event.
* A sentence with no date phrase is never an event of its own row when an
  earlier sentence of its report dates the happening it goes on telling: it
  joins that event as one more source, with that date (the lead's "on
  Thursday expressed their concern", then "…, Hayashi told a regular press
  conference": one 20 Jun event). The earlier sentence is the nearest dated
  one of the same paragraph, or one dating the report's own day (a statement
  follows the last statement of the same voice; across paragraphs, English
  sentences must also be close in meaning). Otherwise, only a sentence that
  clearly reports news of the day (a statement: "X said", "と述べました",
  "заявил", "밝혔습니다"; in English also a present-perfect action by a named
  actor) in an article whose publication is known within a week, with no
  "previously"/"earlier"/"바 있다" marker, is an event, dated to the week
  ending on the publication day (precision "week", clue "reported on 26 Oct
  2024 (no date in sentence)"). A standing figure ("has sent 11,000 troops")
  and passive or continuous present perfect ("have been sent") describe a
  build-up, not a dated event, and are skipped.
* `summary` is who did what in at most 8 whole words of the sentence (24
  characters cut after a particle or clause mark in unspaced scripts).
* Sentences off the corpus's story (page furniture the cleaner missed, e.g. a
  bond-market story in a related-articles list) are dropped by a semantic
  relevance floor against the corpus centroid or the centroid of the
  corpus's sentences in the same language; a dated sentence in the same
  paragraph as one on the story by its own score needs only a lower floor
  (`merge.RELEVANCE_IN_PARAGRAPH`).
* The same event from several sentences (or outlets) is one event when the
  dates overlap (one day of slack across sources, none within one report),
  the sentences are semantically close (shared embedder) and they share a
  named actor, a key noun or a content word (Snowball stem, in languages
  with a stemmer), or, for reports in two languages, date it to the
  same single day and are close in meaning or share evidence read in any
  language (`lib.events.evidence`: the kind of happening, a name written the
  same way, a figure, two countries) without naming different countries;
  two sentences naming different kinds of happening (a quake and its
  aftershock, a vote and a protest) are never one event. Clusters are
  complete-linkage, so two different events on one day are never merged
  through a third. A mention dated wider than a
  month ("in 2024") never joins a day-dated event: it stays its own item.
* `is_context` is True when the whole interval lies before
  `settings.story_start` (an event that may fall inside the window is shown).

CLI: `python -m lib.cli events` (lib/cli/events.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from typing import Iterable

from lib.core.models import Article, Event, ProgressCallback, PublishedDate, SourceRef
from lib.core.settings import DEFAULT_STORY_START
from lib.events.mentions import (
    EventMention,
    as_report_mention,
    event_label,
    find_event_mentions,
    paragraph_numbers,
    story_days_of,
)
from lib.events.merge import (
    MERGE_SIMILARITY,
    RELEVANCE_FLOOR,
    RELEVANCE_IN_PARAGRAPH,
    RELEVANCE_STRONG,
    core_actors,
    mention_language,
    merge_mentions,
    story_relevance,
)
from lib.text.dates import (
    parse_iso,
    precision_for_span,
)

EVENTS_VERSION = "events-v47"
_NAMELESS_SCRIPT = re.compile(r"[\uac00-\ud7af\u3400-\u9fff\u0e00-\u0e7f]")
_KANA = re.compile(r"[\u3040-\u30ff]")  # bump when the extraction rules change (invalidates the cache)



def _source_ref(mention: EventMention) -> SourceRef:
    article = mention.article
    return SourceRef(
        source_file=article.source_file,
        article_id=article.article_id,
        quote=mention.sentence.text,
        sentence_index=mention.sentence.index,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
    )



# Whose words name an event: a sentence dated by its own words before one dated by its report,
# and never one that only borrows an earlier sentence's date.
_DATED_BY_RANK = {"phrase": 0, "since": 1, "report": 2, "context": 3}


def event_from_cluster(cluster: list[EventMention], story_start: str) -> Event:
    """One event: the tightest interval its sources agree on, the most precise source's words."""
    # Among equally precise sources, an English one names the event (the app's own language), then the first file.
    ranked = sorted(
        cluster,
        key=lambda m: (m.width, _DATED_BY_RANK[m.dated_by], mention_language(m) != "en", m.article.source_file, m.sentence.index),
    )
    best = ranked[0]
    start = max(m.start for m in cluster)
    end = min(m.end for m in cluster)
    if start > end:  # sources disagree: keep the most precise one's interval
        start, end = best.start, best.end
    natural = min((m.precision for m in cluster), key=["day", "week", "month", "year"].index)
    precision = precision_for_span(parse_iso(start), parse_iso(end), natural)
    clues = []
    for mention in ranked:
        if mention.clue not in clues:
            clues.append(mention.clue)
    sources: list[SourceRef] = []
    seen = set()
    for mention in sorted(cluster, key=lambda m: (m.article.source_file, m.sentence.index)):
        key = (mention.article.article_id, mention.sentence.index)
        if key not in seen:
            seen.add(key)
            sources.append(_source_ref(mention))
    identity = f"{best.article.source_file}|{best.sentence.text}|{best.summary}"
    return Event(
        event_id=hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12],
        start=start,
        end=end,
        precision=precision,  # type: ignore[arg-type]
        clue="; ".join(clues),
        summary=event_label(best.summary),
        sources=tuple(sources),
        is_context=end < story_start,
    )



# Minimum cosine (MiniLM scale) between an undated sentence and a sentence of another paragraph
# of its report for the first to go on telling the second's happening. Measured on the bundled
# corpus: 0.44-0.66 for sentences about the same drone attack or visit, 0.08 across the two.
CONTEXT_SIMILARITY = 0.40


def _close(mention: EventMention, anchor: EventMention, sentence_vectors: dict, floor: float) -> bool:
    from lib.text.dates import is_english_sentence

    vectors = sentence_vectors.get(mention.article.article_id)
    if vectors is None or max(mention.sentence.index, anchor.sentence.index) >= len(vectors):
        return False
    english = all(is_english_sentence(m.sentence.text, m.sentence.language, m.article.language) for m in (mention, anchor))
    return english and float(vectors[mention.sentence.index] @ vectors[anchor.sentence.index]) >= floor


def extract_events(
    articles: list[Article],
    embedder,
    sentence_vectors: dict,
    story_start: str = DEFAULT_STORY_START,
) -> list[Event]:
    """Events of these articles, merged across sources, sorted by start date then summary.

    The steps (`events_with_base`, which also keeps what extending the stored view later needs): the
    story's days and the mentions of every page read against them; relevance to the story (centroids,
    core actors, `story_mentions`); the dated mentions merged by their clause vectors and the pair
    rules (`merge_mentions`); a sentence dated by an earlier one of its report joins that one's event."""
    return events_with_base(articles, embedder, sentence_vectors, story_start).events


def unique_ids(events: list[Event]) -> list[Event]:
    """`events` with no event_id twice: one sentence dating two days ("the flood that struck on Tuesday
    has killed 95, officials said on Wednesday") names two events with the same words; the later-listed
    ones get an id that also holds their days. The first keeps its id, so ids stay stable."""
    from dataclasses import replace as replace_record

    seen: set[str] = set()
    unique = []
    for event in events:
        if event.event_id in seen:
            identity = f"{event.event_id}|{event.start}|{event.end}|{len(seen)}"
            event = replace_record(event, event_id=hashlib.sha1(identity.encode("utf-8")).hexdigest()[:12])
        seen.add(event.event_id)
        unique.append(event)
    return unique



# -- building with the cache ------------------------------------------------------------------
# The events are stored as rows (`lib.core.store`: `view_events`, one slim row per event with its
# days, precision, source and article counts, outlets and languages; `view_event_payloads`, the event
# as JSON), under the key of what they were built from. The Timeline reads counts, the events its
# chart shows and one page of its list from them (`StoredEvents`), never the whole view.
import json  # noqa: E402  (this section's own imports)
from dataclasses import dataclass  # noqa: E402
from datetime import date  # noqa: E402

from lib.core.store import DamagedViewError, keep_view, outlet_token, store_contents_key  # noqa: E402

EVENTS_VIEW = "events"  # the stored view's name (`ArticleStore.view_key`)
# A full build stores list positions this far apart (`view_events.seq`), so an event an added article
# brings (`lib.events.incremental`) takes a position between its neighbours without renumbering the others.
EVENT_SEQ_GAP = 1024


def event_to_json(event: Event) -> dict:
    """The CLI/cache JSON shape of one event."""
    data = asdict(event)
    data["sources"] = [
        {**asdict(source), "published": asdict(source.published), "published_label": source.published.label()}
        for source in event.sources
    ]
    return data



def event_from_json(data: dict) -> Event:
    sources = tuple(
        SourceRef(
            **{key: value for key, value in source.items() if key not in ("published", "published_label")},
            published=PublishedDate(**source["published"]),
        )
        for source in data["sources"]
    )
    return Event(**{**data, "sources": sources})



def events_cache_key(contents: str, model_id: str) -> str:
    """The key of the stored events of a collection with these contents (`lib.core.store.contents_key`), model and code."""
    return f"{contents}:{model_id}:{EVENTS_VERSION}"



@dataclass(frozen=True)
class EventFilter:
    """Which events a reader asks for: reported by any of `outlets` (all when empty; each event then
    keeps only those outlets' sources), whose interval overlaps [date_from, date_to], background
    included or not, with at least `min_sources` sources (counted in those outlets)."""

    outlets: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    include_context: bool = True
    min_sources: int = 0


@dataclass(frozen=True)
class EventPage:
    """One page of the event list: its events (in list order), their list positions, and whether
    more events follow in the direction it was read."""

    events: tuple[Event, ...]
    positions: tuple[int, ...]
    more: bool


def event_view_rows(events: list[Event], languages: dict[str, str], gap: int = 1) -> dict[str, list[tuple]]:
    """The rows `put_view` stores for `events` (list position = the build's order, `gap` apart: `build_events`
    leaves EVENT_SEQ_GAP); `languages`: article id -> language."""
    return event_rows_at([(position * gap, event) for position, event in enumerate(events)], languages)


def event_rows_at(placed: list[tuple[int, Event]], languages: dict[str, str]) -> dict[str, list[tuple]]:
    """The view rows of events at these list positions ((seq, event) pairs)."""
    slim, payloads = [], []
    for seq, event in placed:
        slim.append((
            seq, event.event_id, event.start, event.end, event.precision, int(event.is_context),
            len(event.sources), len({source.article_id for source in event.sources}),
            "".join(outlet_token(source.outlet) for source in event.sources),
            " ".join(sorted({languages.get(source.article_id, "") for source in event.sources} - {""})),
        ))
        payloads.append((seq, json.dumps(asdict(event), ensure_ascii=False)))
    return {"view_events": slim, "view_event_payloads": payloads}


def _most_reported(ranked: list[tuple[int, Event]], limit: int, keep_id: str | None) -> list[tuple[int, Event]]:
    """The `limit` entries with most sources (ties: earlier start, then list order), plus `keep_id`'s, in list order."""
    if len(ranked) <= limit:
        return ranked
    best = sorted(ranked, key=lambda item: (-len(item[1].sources), item[1].start, item[0]))[:limit]
    kept = {position for position, _event in best}
    kept |= {position for position, event in ranked if event.event_id == keep_id}
    return [item for item in ranked if item[0] in kept]


def most_reported(events: list[Event], limit: int, keep_id: str | None = None) -> list[Event]:
    """At most `limit` of `events`, those most sources report (ties: earlier first), in their
    original order; the event `keep_id` is always kept."""
    return [event for _position, event in _most_reported(list(enumerate(events)), limit, keep_id)]


class EventsInMemory:
    """An events view held in memory (a build the store could not keep): the same answers as `StoredEvents`."""

    def __init__(self, events: list[Event]):
        self.events = list(events)

    def _matching(self, wanted: EventFilter) -> list[tuple[int, Event]]:
        found = []
        for position, event in enumerate(self.events):
            for shown in filter_events([event], wanted.outlets, wanted.date_from, wanted.date_to, wanted.include_context):
                if len(shown.sources) >= wanted.min_sources:
                    found.append((position, shown))
        return found

    def totals(self) -> tuple[int, int]:
        """(events in the view, of which background)."""
        return len(self.events), sum(1 for event in self.events if event.is_context)

    def count(self, wanted: EventFilter) -> int:
        return len(self._matching(wanted))

    def charted(self, wanted: EventFilter, limit: int, keep_id: str | None = None) -> list[Event]:
        return [event for _position, event in _most_reported(self._matching(wanted), limit, keep_id)]

    def page(self, wanted: EventFilter, after: int | None = None, before: int | None = None, limit: int = 100) -> EventPage:
        matching = self._matching(wanted)
        if before is not None:
            earlier = [item for item in matching if item[0] < before]
            chosen, more = earlier[-limit:], len(earlier) > limit
        else:
            later = [item for item in matching if after is None or item[0] > after]
            chosen, more = later[:limit], len(later) > limit
        return EventPage(tuple(event for _p, event in chosen), tuple(position for position, _e in chosen), more)

    def all(self, wanted: EventFilter = EventFilter()) -> list[Event]:
        return [event for _position, event in self._matching(wanted)]

    def event(self, event_id: str) -> Event | None:
        return next((event for event in self.events if event.event_id == event_id), None)

    def latest_dated_within(self, days: int) -> Event | None:
        """The latest event (by end, then start, then sources; the first listed on ties), not background,
        whose interval spans at most `days` days."""
        dated = [event for event in self.events if not event.is_context and _span_days(event) <= days]
        return max(dated, key=lambda event: (event.end, event.start, len(event.sources)), default=None)

    def is_current(self) -> bool:
        return True


def _span_days(event: Event) -> int:
    return (date.fromisoformat(event.end) - date.fromisoformat(event.start)).days


class StoredEvents:
    """The events view stored under `key`, read by SQL: counts, the chart's events and list pages,
    each reading only the rows it returns. Same answers as `EventsInMemory` over the same events.
    A row that cannot be read back raises DamagedViewError."""

    def __init__(self, store, key: str):
        self.store, self.key, self.row_key = store, key, store.view_rows_key(EVENTS_VIEW, key)

    def is_current(self) -> bool:
        """True while the store still holds this view (another process may have replaced it since)."""
        return self.store.view_key(EVENTS_VIEW) == self.key

    def _where(self, wanted: EventFilter) -> tuple[str, list, str, list]:
        """(conditions, their parameters, the expression counting the sources shown, its parameters)."""
        conditions, params = ["e.view_key = ?"], [self.row_key]
        if not wanted.include_context:
            conditions.append("e.is_context = 0")
        if wanted.date_from:
            conditions.append("e.last_day >= ?")
            params.append(wanted.date_from)
        if wanted.date_to:
            conditions.append("e.first_day <= ?")
            params.append(wanted.date_to)
        reported, reported_params = "e.source_count", []
        if wanted.outlets:
            # Sources of the chosen outlets: each outlet's token counted in the row's list of tokens.
            tokens = [outlet_token(outlet) for outlet in dict.fromkeys(wanted.outlets)]
            reported = "(" + " + ".join(
                f"(length(e.outlets) - length(replace(e.outlets, ?, ''))) / {len(token)}" for token in tokens
            ) + ")"
            reported_params = tokens
            conditions.append(f"{reported} > 0")
            params += tokens
        if wanted.min_sources > 1:
            conditions.append(f"{reported} >= ?")
            params += [*reported_params, int(wanted.min_sources)]
        return " AND ".join(conditions), params, reported, reported_params

    def _decoded(self, rows, wanted: EventFilter) -> list[Event]:
        try:
            events = [event_from_json(json.loads(payload)) for _position, payload in rows]
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise DamagedViewError("timeline events") from error
        if wanted.outlets:  # each event keeps only the chosen outlets' sources, as `filter_events` does
            events = filter_events(events, wanted.outlets)
        return events

    def _payloads(self, positions: list[int]) -> list[tuple[int, str]]:
        rows: list[tuple[int, str]] = []
        for start in range(0, len(positions), 500):
            chunk = positions[start : start + 500]
            rows += self.store.read_view(
                f"SELECT seq, payload FROM {{p}}view_event_payloads WHERE view_key = ? AND seq IN ({', '.join('?' * len(chunk))})",
                [self.row_key, *chunk],
            )
        if len(rows) != len(set(positions)):
            raise DamagedViewError("timeline events")
        return sorted(rows)

    def totals(self) -> tuple[int, int]:
        """(events in the view, of which background)."""
        count, context = self.store.read_view(
            "SELECT count(*), coalesce(sum(is_context), 0) FROM {p}view_events WHERE view_key = ?", [self.row_key]
        )[0]
        return int(count), int(context)

    def count(self, wanted: EventFilter) -> int:
        where, params, _reported, _ = self._where(wanted)
        return int(self.store.read_view(f"SELECT count(*) FROM {{p}}view_events e WHERE {where}", params)[0][0])

    def charted(self, wanted: EventFilter, limit: int, keep_id: str | None = None) -> list[Event]:
        """The `limit` matching events most sources report (in the chosen outlets; ties: earlier start,
        then list order), plus `keep_id`'s if it matches, in list order."""
        where, params, reported, reported_params = self._where(wanted)
        positions = [row[0] for row in self.store.read_view(
            f"SELECT e.seq FROM {{p}}view_events e WHERE {where} ORDER BY {reported} DESC, e.first_day, e.seq LIMIT ?",
            [*params, *reported_params, int(limit)],
        )]
        if keep_id:
            positions += [row[0] for row in self.store.read_view(
                f"SELECT e.seq FROM {{p}}view_events e WHERE {where} AND e.event_id = ?", [*params, keep_id]
            )]
        return self._decoded(self._payloads(sorted(set(positions))), wanted)

    def page(self, wanted: EventFilter, after: int | None = None, before: int | None = None, limit: int = 100) -> EventPage:
        """At most `limit` matching events after list position `after` (or before `before`), read by key."""
        where, params, _reported, _ = self._where(wanted)
        joined = (f"SELECT e.seq, p.payload FROM {{p}}view_events e JOIN {{p}}view_event_payloads p "
                  f"ON p.view_key = e.view_key AND p.seq = e.seq WHERE {where}")
        if before is not None:
            rows = self.store.read_view(f"{joined} AND e.seq < ? ORDER BY e.seq DESC LIMIT ?", [*params, before, limit + 1])
            more, rows = len(rows) > limit, rows[:limit][::-1]
        else:
            bound = [] if after is None else [after]
            rows = self.store.read_view(
                f"{joined}{' AND e.seq > ?' if after is not None else ''} ORDER BY e.seq LIMIT ?", [*params, *bound, limit + 1]
            )
            more, rows = len(rows) > limit, rows[:limit]
        return EventPage(tuple(self._decoded(rows, wanted)), tuple(row[0] for row in rows), more)

    def all(self, wanted: EventFilter = EventFilter(), page_size: int = 2000) -> list[Event]:
        """Every matching event in list order, read a keyset page at a time."""
        events, after = [], None
        while True:
            page = self.page(wanted, after=after, limit=page_size)
            events += page.events
            if not page.more:
                return events
            after = page.positions[-1]

    def latest_dated_within(self, days: int, batch: int = 200) -> Event | None:
        """As `EventsInMemory.latest_dated_within`, reading the slim rows latest first, `batch` at a time,
        until one spans at most `days` days, then that one event's payload."""
        offset = 0
        while True:
            rows = self.store.read_view(
                "SELECT e.event_id, e.first_day, e.last_day FROM {p}view_events e WHERE e.view_key = ? AND e.is_context = 0 "
                "ORDER BY e.last_day DESC, e.first_day DESC, e.source_count DESC, e.seq LIMIT ? OFFSET ?",
                [self.row_key, batch, offset],
            )
            for event_id, first_day, last_day in rows:
                if (date.fromisoformat(last_day) - date.fromisoformat(first_day)).days <= days:
                    return self.event(event_id)
            if len(rows) < batch:
                return None
            offset += batch

    def event(self, event_id: str) -> Event | None:
        rows = self.store.read_view(
            "SELECT e.seq, p.payload FROM {p}view_events e JOIN {p}view_event_payloads p "
            "ON p.view_key = e.view_key AND p.seq = e.seq WHERE e.view_key = ? AND e.event_id = ?", [self.row_key, event_id]
        )
        return self._decoded(rows, EventFilter())[0] if rows else None


def stored_events_view(store, model_id: str) -> StoredEvents | None:
    """The events stored for the store's current articles and inferred dates, model and code (one
    row read, no article loaded); None when missing or stale (then `events_view` builds them)."""
    key = events_cache_key(store_contents_key(store), model_id)
    return StoredEvents(store, key) if store.view_key(EVENTS_VIEW) == key else None


def stored_events(store, model_id: str) -> list[Event] | None:
    """Every stored event (as `stored_events_view`, read whole: the CLI's list), or None when
    missing, stale or damaged. Every event is whole: each source carries its quote, article id,
    file, title, outlet and date."""
    view = stored_events_view(store, model_id)
    if view is None:
        return None
    from lib.core.memory import gc_paused

    try:
        with gc_paused():  # hundreds of thousands of small records: the collector would walk them all, often
            return view.all()
    except DamagedViewError:
        return None



def build_events(corpus, embedder, progress: ProgressCallback | None = None) -> list[Event]:
    """The corpus's events, computed once per corpus contents (articles and inferred dates) + model +
    code version and stored as rows, so `stored_events_view` reads them back without the corpus.
    Stored with them: the base an added article is placed against (`lib.events.incremental`: the
    story-wide state in the view's payload, one `view_event_mentions` row per merged mention)."""
    from lib.text.embed import article_vectors

    key = events_cache_key(corpus.contents_key, embedder.model_id)
    if corpus.store.view_key(EVENTS_VIEW) == key:
        try:
            return StoredEvents(corpus.store, key).all()
        except DamagedViewError:  # a damaged row: build again (and store whole again)
            pass
    # The base: the write sequence and the dates' base before the contents are checked below (a write
    # in between changes the contents, and the view is then not kept).
    base_sequence, dates_base = corpus.store.write_sequence(), corpus.store.inferred_dates_base()
    if progress:
        progress(1, 10, "Embedding sentences…")
    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    if progress:
        progress(7, 10, "Finding and merging events…")
    built = events_with_base(corpus.articles, embedder, vectors, corpus.settings.story_start)
    events = built.events
    languages = {article.article_id: article.language for article in corpus.articles}
    if store_contents_key(corpus.store) == corpus.contents_key:  # never replace a view with one of contents gone since
        base = EventsBase(corpus.contents_key, base_sequence, dates_base, len(corpus.articles), corpus.settings.story_start,
                          built.story)
        rows = {**event_view_rows(events, languages, EVENT_SEQ_GAP), "view_event_mentions": mention_rows(built.placed)}
        keep_view(corpus.store, EVENTS_VIEW, key, base.to_payload(), rows)  # replaces rows an extension in place left too
    if progress:
        progress(10, 10, "Timeline ready")
    return events


def events_view(corpus, embedder, progress: ProgressCallback | None = None):
    """The corpus's events as a view the Timeline queries: the stored rows (built and stored first
    when missing), or the built events in memory when the store could not keep them (busy)."""
    key = events_cache_key(corpus.contents_key, embedder.model_id)
    if corpus.store.view_key(EVENTS_VIEW) != key:
        events = build_events(corpus, embedder, progress)
        if corpus.store.view_key(EVENTS_VIEW) != key:
            return EventsInMemory(events)
    return StoredEvents(corpus.store, key)



def dates_fingerprint(articles: Iterable[Article]) -> str:
    """Inferred publication dates are not part of the store fingerprint; include them in the cache key."""
    digest = hashlib.sha256()
    for article in articles:
        published = article.published
        digest.update(f"{article.article_id}:{published.date}:{published.precision}:{published.earliest}:{published.latest};".encode())
    return digest.hexdigest()[:12]



def filter_events(
    events: Iterable[Event],
    outlets: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_context: bool = True,
) -> list[Event]:
    """Events reported by any of `outlets` (all when empty) whose interval overlaps [date_from, date_to].

    With an outlet filter, an event keeps only the sources from those outlets.
    """
    chosen = set(outlets or ())
    result = []
    for event in events:
        if not include_context and event.is_context:
            continue
        if date_from and event.end < date_from:
            continue
        if date_to and event.start > date_to:
            continue
        if chosen:
            sources = tuple(source for source in event.sources if source.outlet in chosen)
            if not sources:
                continue
            event = Event(**{**asdict(event), "sources": sources}) if len(sources) != len(event.sources) else event
        result.append(event)
    return result


# -- the base an added article is placed against (`lib.events.incremental`) ---------------------------
# A full build stores, with the view, what placing one more article's mentions needs: the story-wide
# state in the view's payload (`EventsBase`) and one `view_event_mentions` row per merged mention.
import base64  # noqa: E402
from dataclasses import field, replace  # noqa: E402

import numpy as np  # noqa: E402

from lib.events.merge import DAY_WIDTH, INTERVAL_JOIN_DAYS, _language_key, kinds_of, story_centroids  # noqa: E402

EVENTS_BASE_VERSION = 1  # bump when what the payload or the mention rows hold changes


# -- the story-wide state ----------------------------------------------------------------------
def _vector_text(vector) -> str | None:
    return None if vector is None else base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _vector_from(text: str | None):
    return None if text is None else np.frombuffer(base64.b64decode(text, validate=True), dtype=np.float32)


@dataclass(frozen=True)
class StoryState:
    """What a full build decided for the whole story (`extract_events`'s story-wide steps)."""

    story_days: tuple[date, date] | None
    centroid: np.ndarray | None  # mean of the per-article mean sentence vectors, normalised
    language_centroids: dict[str, np.ndarray]  # the same over each language's sentences
    core: frozenset[str]
    core_by_language: dict[str, frozenset[str]]

    def relevance(self, mention: EventMention, vectors: np.ndarray) -> float:
        """`merge.story_relevance` of one mention against these centroids."""
        if self.centroid is None or mention.sentence.index >= len(vectors):
            return 0.0
        vector = vectors[mention.sentence.index]
        own = self.language_centroids.get(_language_key(mention.sentence.language, mention.article.language))
        return max(float(vector @ self.centroid), float(vector @ own) if own is not None else -1.0)

    def with_languages_of(self, articles: list[Article], sentence_vectors: dict) -> StoryState:
        """This state with what a full build would find for a language none of its articles was in, from
        the added `articles` of that language alone: its centroid and its core actors."""
        _centroid, centroids = story_centroids(articles, sentence_vectors)
        languages = {article.language for article in articles} - set(self.core_by_language)
        return replace(
            self,
            language_centroids={**centroids, **self.language_centroids},
            core_by_language={
                **{language: core_actors([a for a in articles if a.language == language]) for language in languages},
                **self.core_by_language,
            },
        )

    def to_json(self) -> dict:
        return {
            "story_days": None if self.story_days is None else [day.isoformat() for day in self.story_days],
            "centroid": _vector_text(self.centroid),
            "language_centroids": {language: _vector_text(centre) for language, centre in self.language_centroids.items()},
            "core": sorted(self.core),
            "core_by_language": {language: sorted(actors) for language, actors in self.core_by_language.items()},
        }

    @staticmethod
    def from_json(data: dict) -> StoryState:
        days = data["story_days"]
        return StoryState(
            story_days=None if days is None else (date.fromisoformat(days[0]), date.fromisoformat(days[1])),
            centroid=_vector_from(data["centroid"]),
            language_centroids={language: _vector_from(text) for language, text in data["language_centroids"].items()},
            core=frozenset(data["core"]),
            core_by_language={language: frozenset(actors) for language, actors in data["core_by_language"].items()},
        )


@dataclass(frozen=True)
class EventsBase:
    """What a stored events view was built from and at: the view's payload."""

    contents: str  # the contents key (`lib.core.store.contents_key`) the view is for
    base_sequence: int  # the store's write sequence it covers (`changes_since` from here)
    dates_base: str | None  # `inferred_dates_base()` when it was built
    base_articles: int  # articles of the full build
    story_start: str
    story: StoryState

    def to_payload(self) -> dict:
        return {"version": EVENTS_BASE_VERSION, "contents": self.contents, "base_sequence": self.base_sequence,
                "dates_base": self.dates_base, "base_articles": self.base_articles, "story_start": self.story_start,
                "story": self.story.to_json()}

    @staticmethod
    def from_payload(payload: dict) -> EventsBase | None:
        """The base in a view's payload; None when the view was stored without one (or by other code)."""
        if not isinstance(payload, dict) or payload.get("version") != EVENTS_BASE_VERSION:
            return None
        return EventsBase(str(payload["contents"]), int(payload["base_sequence"]), payload["dates_base"],
                          int(payload["base_articles"]), str(payload["story_start"]), StoryState.from_json(payload["story"]))


# -- the full build, keeping its base -----------------------------------------------------------
@dataclass
class PlacedCluster:
    """One built event and the mentions it was merged from (with the clause vectors of the compared ones)."""

    event: Event
    mentions: list[EventMention]
    vectors: dict[int, np.ndarray] = field(default_factory=dict)  # id(mention) -> clause vector


@dataclass
class EventsWithBase:
    events: list[Event]
    story: StoryState
    placed: list[PlacedCluster]


def merge_thresholds(embedder) -> tuple[float, float]:
    """The similarity two clauses in one language, and in two, must reach to be one event (the merge calibration)."""
    return (embedder.calibrated(MERGE_SIMILARITY, purpose="merge"),
            embedder.calibrated(MERGE_SIMILARITY, purpose="merge-across-languages"))


def story_mentions(articles, mentions, relevance, core, core_by_language, story_days, sentence_vectors, embedder):
    """The mentions of `articles` a build keeps on the story (`extract_events`'s steps after relevance)."""
    # Thresholds are written on all-MiniLM-L6-v2's scale; the embedder moves them onto its own.
    floor, strong = embedder.calibrated(RELEVANCE_FLOOR), embedder.calibrated(RELEVANCE_STRONG)

    def on_story(mention: EventMention, score: float) -> bool:
        return (
            score >= strong
            or (score >= floor and bool(mention.actors & (core | core_by_language[mention.article.language])))
            # Korean, Chinese and Thai names cannot be told apart from other words without a parser:
            # there the floor (against the same-language centroid) decides alone.
            or (score >= floor and bool(_NAMELESS_SCRIPT.search(mention.sentence.text)) and not _KANA.search(mention.sentence.text))
        )

    # A sentence that goes on telling an earlier one's happening stays exactly when that one does (below).
    passed = [mention.dated_by == "context" or on_story(mention, score) for mention, score in zip(mentions, relevance)]
    # A paragraph of prose is about one thing: a dated sentence beside one that is on the story by its own
    # words stays too, unless far off it (furniture lines are paragraphs of their own).
    paragraphs = {article.article_id: paragraph_numbers(article) for article in articles}

    def paragraph_of(mention: EventMention) -> tuple[str, int | None]:
        return mention.article.article_id, paragraphs[mention.article.article_id].get(mention.sentence.index)

    on_story_paragraphs = {paragraph_of(m) for m, ok in zip(mentions, passed) if ok and m.dated_by != "context"}
    beside = embedder.calibrated(RELEVANCE_IN_PARAGRAPH)
    kept = [m for m, ok, score in zip(mentions, passed, relevance) if ok or (score >= beside and paragraph_of(m) in on_story_paragraphs)]
    # A sentence dated by an earlier one of its report joins that one's event (one happening, one row);
    # it is never an event of its own, and goes when its anchor is off the story. When only the report's
    # day links the two, they must also be close in meaning (English sentences: the model's cosine is
    # meaningful there), else the sentence is dated by its report.
    context_floor = embedder.calibrated(CONTEXT_SIMILARITY)
    kept = [
        as_report_mention(m, story_days) if m.loose_anchor and not _close(m, m.anchor, sentence_vectors, context_floor) else m
        for m in kept
    ]
    return [m for m in kept if m is not None]


def events_with_base(articles: list[Article], embedder, sentence_vectors: dict,
                     story_start: str = DEFAULT_STORY_START) -> EventsWithBase:
    """`build.extract_events` (the same events, in the same order), with the story-wide state and the
    clusters it merged, so that the view stored from it can be extended later."""
    story_days = story_days_of(articles)
    mentions = [mention for article in articles for mention in find_event_mentions(article, story_days)]
    relevance = story_relevance(mentions, sentence_vectors, articles)
    core = core_actors(articles)
    core_by_language = {
        language: core_actors([article for article in articles if article.language == language])
        for language in {article.language for article in articles}
    }
    centroid, language_centroids = story_centroids(articles, sentence_vectors)
    story = StoryState(story_days, centroid, language_centroids, core, core_by_language)
    mentions = story_mentions(articles, mentions, relevance, core, core_by_language, story_days, sentence_vectors, embedder)
    dated = [mention for mention in mentions if mention.dated_by != "context"]
    if not dated:
        return EventsWithBase([], story, [])
    clause_vectors = embedder.encode([mention.summary for mention in dated])
    vector_of = {id(mention): clause_vectors[index] for index, mention in enumerate(dated)}
    threshold, across_threshold = merge_thresholds(embedder)
    clusters = merge_mentions(dated, clause_vectors, threshold=threshold, across_threshold=across_threshold)
    cluster_of = {id(mention): cluster for cluster in clusters for mention in cluster}
    for mention in mentions:
        if mention.dated_by == "context" and id(mention.anchor) in cluster_of:
            cluster_of[id(mention.anchor)].append(mention)
    events = unique_ids([event_from_cluster(cluster, story_start) for cluster in clusters])
    order = sorted(range(len(events)), key=lambda index: (events[index].start, events[index].end, events[index].summary))
    placed = [
        PlacedCluster(events[index], clusters[index], {id(m): vector_of[id(m)] for m in clusters[index] if id(m) in vector_of})
        for index in order
    ]
    return EventsWithBase([item.event for item in placed], story, placed)


# -- mentions as rows -------------------------------------------------------------------------------
def _mention_json(mention: EventMention) -> str:
    sentence = mention.sentence
    return json.dumps({
        "sentence": [sentence.index, sentence.start, sentence.end, sentence.language],
        "summary": mention.summary, "start": mention.start, "end": mention.end, "precision": mention.precision,
        "clue": mention.clue, "actors": sorted(mention.actors), "keywords": sorted(mention.keywords),
        "dated_by": mention.dated_by, "statement": mention.is_statement, "speaker": sorted(mention.speaker),
        "weekday": mention.weekday, "beside_other_days": mention.beside_other_days,
    }, ensure_ascii=False)


# How a stored mention is dated (`view_event_mentions.dating`): to a day by its own words (the pairs the
# rules may join below the similarity, on evidence read without the embedder), otherwise up to a month,
# or wider (looked up apart: its first day may be long before an added mention's).
DAY_PHRASE, UP_TO_A_MONTH, WIDER = 0, 1, 2


def _dating(mention: EventMention) -> int:
    if one_day_phrase(mention):
        return DAY_PHRASE
    return WIDER if mention.last_day - mention.first_day > INTERVAL_JOIN_DAYS else UP_TO_A_MONTH


def one_day_phrase(mention: EventMention) -> bool:
    return mention.dated_by == "phrase" and mention.last_day - mention.first_day <= DAY_WIDTH


def _mention_row(event_id: str, number: int, mention: EventMention, vector) -> tuple:
    compared = vector is not None
    blob = np.asarray(vector, dtype=np.float16).tobytes() if compared else b""
    return (event_id, number, mention.article.article_id, mention.first_day, mention.last_day, _dating(mention),
            int(compared), mention_language(mention), int(bool(kinds_of(mention))), blob, _mention_json(mention))


def mention_rows(placed: list[PlacedCluster]) -> list[tuple]:
    """The `view_event_mentions` rows (without their view key) of these events' mentions."""
    return [
        _mention_row(item.event.event_id, number, mention, item.vectors.get(id(mention)))
        for item in placed for number, mention in enumerate(item.mentions)
    ]
