"""Typed records that cross module boundaries.

Every record that is shown to a user keeps a way back to its source: an
`Article` keeps its cleaned `body`, every `Sentence` keeps offsets into that
body, and events, claims and search hits keep the exact sentence (`quote`) and
the `source_file` it came from.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Callable, Literal

import msgspec

# The one progress callback of every long step (ingest, embedding, building a view):
# progress(done, total, what) with `what` a short phrase for the person waiting.
ProgressCallback = Callable[[int, int, str], None]

DatePrecision = Literal["day", "week", "month", "year", "unknown"]

# Kinds of text removed from a page before it becomes an article body.
REMOVED_KINDS = (
    "comment",  # reader comments, vote counts, replies
    "related",  # related / most-read / "more from this section" lists
    "promo",  # subscription offers, newsletter sign-ups, app promos
    "appeal",  # donation / membership appeals
    "caption",  # photo captions and image credits
    "credit",  # copyright lines, wire credits, bylines
    "disclaimer",  # AI-summary notices, syndication notices, legal text
    "navigation",  # menus, section lists, share buttons, breadcrumbs, tags
    "metadata",  # date lines, read-time, "Last Updated", title repeats
    "other",  # anything else that is not the article's reporting
)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date_label(date: str | None, precision: str, stated: bool = True) -> str:
    """"19 Jun 2024 (day)", "Oct 2024 (month)", "2025 (year, inferred)", "date unknown"."""
    if not date or precision == "unknown":
        return "date unknown"
    parts = date.split("-")
    year = parts[0]
    if precision in ("day", "week") and len(parts) == 3:
        text = f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {year}"
    elif precision in ("day", "week", "month") and len(parts) >= 2:
        text = f"{_MONTHS[int(parts[1]) - 1]} {year}"
    else:
        text = year
    note = precision if stated else f"{precision}, inferred"
    return f"{text} ({note})"


def format_interval_label(earliest: str, latest: str) -> str:
    """"Oct 2024 (inferred)", "2025 (inferred)", "Jul 2024 – Jun 2025 (inferred)" for an inferred interval."""
    start_year, start_month = int(earliest[:4]), int(earliest[5:7])
    end_year, end_month = int(latest[:4]), int(latest[5:7])
    if (start_year, start_month) == (end_year, end_month):
        return f"{_MONTHS[start_month - 1]} {start_year} (inferred)"
    if start_year == end_year and earliest[5:] == "01-01" and latest[5:] == "12-31":
        return f"{start_year} (inferred)"
    return f"{_MONTHS[start_month - 1]} {start_year} – {_MONTHS[end_month - 1]} {end_year} (inferred)"


@dataclass(frozen=True)
class PublishedDate:
    """When an article was published, and how sure we are.

    `date` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" to match `precision`, or None
    when unknown. `stated` is True only when the page itself prints the date;
    an inferred date always has `stated=False` and a `clue` explaining why.
    `earliest`/`latest` ("YYYY-MM-DD") bound the interval the date certainly
    falls in (None when unknown).
    """

    date: str | None
    precision: DatePrecision
    stated: bool
    clue: str
    earliest: str | None = None
    latest: str | None = None
    # "MM-DD" when the page prints a day and month but no year (a wire dateline "SEOUL, Oct 23
    # (Yonhap) –"): the collection-level inference may place it in a year; None otherwise.
    day_month: str | None = None

    @staticmethod
    def unknown(clue: str = "no date found in the text") -> "PublishedDate":
        return PublishedDate(date=None, precision="unknown", stated=False, clue=clue)

    def label(self) -> str:
        """Human label that always shows the precision, e.g. "Oct 2024 (month)".

        Inferred dates say so, and show their whole interval when it is wider
        than one unit, so an uncertain date never reads as a confident one:
        "2025 (year, inferred)", "Jul 2024 – Jun 2025 (inferred)".
        """
        if not self.stated and self.earliest and self.latest and self.date:
            return format_interval_label(self.earliest, self.latest)
        return format_date_label(self.date, self.precision, self.stated)

    def plain_label(self) -> str:
        """The date as a reader says it: "20 Jun 2024", "Jun 2024", "about Jun 2025",
        "between Jul 2024 and Jun 2025", "date unknown" (no precision codes)."""
        if not self.date or self.precision == "unknown":
            return "date unknown"
        if not self.stated and self.earliest and self.latest and self.earliest != self.latest:
            text = format_interval_label(self.earliest, self.latest).removesuffix(" (inferred)")
            first, _, last = text.partition(" – ")
            return f"between {first} and {last}" if last else f"about {first}"
        text = format_date_label(self.date, self.precision, True).rsplit(" (", 1)[0]
        if self.precision == "week":
            text = f"week of {text}"
        return text if self.stated else f"about {text}"


@dataclass(frozen=True)
class RemovedBlock:
    """A block of page text that is not the article's reporting."""

    kind: str  # one of REMOVED_KINDS
    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body; `body[start:end] == text` always holds."""

    index: int
    start: int
    end: int
    text: str
    language: str


@dataclass(frozen=True)
class Article:
    """One ingested article: cleaned body, audit of what was removed, sentences.

    `article_id` is the SHA-256 of the cleaned body text (so the same story
    read from two files is one article); `raw_sha256` hashes the input bytes.
    """

    article_id: str
    source_file: str
    title: str
    outlet: str
    published: PublishedDate
    language: str
    body: str
    removed: tuple[RemovedBlock, ...]
    sentences: tuple[Sentence, ...]
    raw_sha256: str
    input_kind: Literal["text", "html"]
    encoding: str
    site: str = ""  # the website the page was saved from, when named
    wire: str = ""  # wire service / original source credited, when named

    def to_json(self) -> dict:
        """The CLI's JSON shape (see README): sentences as a count."""
        return {
            "source_file": self.source_file,
            "title": self.title,
            "outlet": self.outlet,
            "published": {
                "date": self.published.date,
                "precision": self.published.precision,
                "stated": self.published.stated,
                "clue": self.published.clue,
                "earliest": self.published.earliest,
                "latest": self.published.latest,
            },
            "language": self.language,
            "body": self.body,
            "removed": [asdict(block) for block in self.removed],
            "sentences": len(self.sentences),
            "site": self.site,
            "wire": self.wire,
            "input_kind": self.input_kind,
            "encoding": self.encoding,
            "article_id": self.article_id,
        }


@dataclass(frozen=True)
class SourceRef:
    """Where an item shown to a user comes from: one sentence of one article."""

    source_file: str
    article_id: str
    quote: str
    sentence_index: int
    outlet: str
    title: str
    published: PublishedDate


@dataclass(frozen=True)
class Event:
    """Something that happened, dated as precisely as its sources allow.

    `start`/`end` ("YYYY-MM-DD") bound the interval the event certainly falls
    in; `precision` says how wide that is; `clue` holds the words that dated it.
    """

    event_id: str
    start: str
    end: str
    precision: DatePrecision
    clue: str
    summary: str
    sources: tuple[SourceRef, ...]
    is_context: bool = False  # background before the story window (e.g. 2022 invasion)


@dataclass(frozen=True)
class Claim:
    """One sentence in which a source asserts something comparable."""

    topic: str
    source_file: str
    article_id: str
    quote: str
    sentence_index: int
    attributed_to: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    reported_on: PublishedDate
    hedged: bool
    outlet: str
    # What the figure counts, a kind of lib.text.counted ("troops sent", "troops killed or wounded",
    # "people missing", "price", "percent" ...): only figures of one kind are comparable. None: no figure.
    counted: str | None = None
    # Read from the quote once, when the claim is made, so that judging a row of thousands of claims
    # (and every extension of it) does not parse each quote again: where the figure is written in
    # `quote` ([start, end); (0, 0) when it is not found there), and whether it is planned or expected
    # rather than a count of what happened. None: not recorded (a claim made by hand), read again.
    figure_at: tuple[int, int] | None = None
    planned: bool | None = None


@dataclass(frozen=True)
class SearchHit:
    """A matching sentence with one sentence of context either side."""

    source_file: str
    article_id: str
    title: str
    outlet: str
    published: PublishedDate
    sentence: str
    context: str
    sentence_index: int
    score: float
    language: str
    matched_by: str = "semantic+keyword"  # or "keyword", "semantic"


@dataclass(frozen=True)
class IngestReport:
    """What ingesting one input did: added, duplicate, or rejected (with why)."""

    source_file: str
    status: Literal["added", "unchanged", "duplicate", "rejected"]
    message: str
    article_id: str | None = None
    encoding: str | None = None
    duplicate_of: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CatalogueEntry:
    """One article as lists and filters show it, without its body: one row of a store's catalogue.

    `published` is the date every page shows: the collection-inferred date when the
    store holds one computed for its current contents, else the page's own date (never
    a day the page does not support). `sequence` is the store write that last put it.
    `key` orders the catalogue and is what keyset paging passes as `after`.
    """

    article_id: str
    source_file: str
    title: str
    outlet: str
    language: str
    published: PublishedDate
    sentence_count: int
    removed_count: int
    origin: str  # "bundled" (a file in the data folder) or "upload"
    sequence: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.source_file, self.article_id)


@dataclass(frozen=True)
class CatalogueSummary:
    """What a collection holds, from aggregates over its catalogue (no article is loaded).

    Counts are sorted by name. `first`/`last` are the dates of the earliest and the latest
    article dated closely (not "loose": an inferred interval over 62 days, or a bare year);
    `loose_count` and `undated_count` are the articles left out of that range.
    """

    article_count: int
    outlet_counts: tuple[tuple[str, int], ...]
    language_counts: tuple[tuple[str, int], ...]
    first: PublishedDate | None
    last: PublishedDate | None
    loose_count: int
    undated_count: int


@dataclass(frozen=True)
class CatalogueChanges:
    """Article ids put or removed by store writes after a given write sequence.

    `sequence` is the store's latest write sequence (pass it next time); an id appears in
    `added` (put, or put again) or `removed` by its last change only.
    """

    sequence: int
    added: tuple[str, ...]
    removed: tuple[str, ...]


# --------------------------------------------------------------------------- answers kept on records


def remembered(record, name: str, compute: Callable):
    """`compute(record)`, worked out once per record object and kept on it under `name`, as
    `functools.cached_property` keeps its value: records are frozen, so it never goes stale (a
    `dataclasses.replace` is another object), and fields, equality, hashing and JSON ignore it. For
    answers read many times from the same records (a Compare row's 16k claims judged again)."""
    kept = record.__dict__
    try:
        return kept[name]
    except KeyError:
        value = kept[name] = compute(record)
        return value


# --------------------------------------------------------------------------- records as JSON


def record_to_json(record) -> dict:
    """A record (a frozen dataclass, nested records included) as plain JSON values, as
    `dataclasses.asdict` gives it (tuples stay tuples, which JSON writes as lists)."""
    return _encoder(type(record))(record)


def record_from_json(record_type: type, data):
    """The record of `record_type` that `record_to_json` gave `data` for (a dict, or the JSON text
    itself): nested records, tuples, optional fields and literals are rebuilt from the type hints.
    Raises ValueError (msgspec.ValidationError) on a payload of another shape, so a reader of a stored
    view built by older code can rebuild it instead of showing it wrong."""
    if isinstance(data, (str, bytes)):
        return _json_decoder(record_type).decode(data)
    return msgspec.convert(data, record_type)


# Views hold hundreds of thousands of records (a Compare row of 16k claims at 100k articles): msgspec
# decodes JSON straight into the dataclasses, 2-3x faster than json.loads and a typed rebuild in Python.
@functools.lru_cache(maxsize=None)
def _json_decoder(record_type: type) -> msgspec.json.Decoder:
    return msgspec.json.Decoder(record_type)


@functools.lru_cache(maxsize=None)
def _encoder(record_type: type) -> Callable:
    names = tuple(item.name for item in fields(record_type))
    return lambda record: {name: _encoded(getattr(record, name)) for name in names}


def _encoded(value):
    """A field's value as `asdict` gives it: records as dicts, lists, tuples and dicts rebuilt."""
    if is_dataclass(value):
        return _encoder(type(value))(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_encoded(item) for item in value)
    if isinstance(value, dict):
        return {key: _encoded(item) for key, item in value.items()}
    return value
