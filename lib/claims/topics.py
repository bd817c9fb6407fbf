"""Topics: the rows of the Compare page (seeds from topics.json, records, JSON form)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from lib.claims.figures import UNCOMPARED_KINDS, is_own_reporting, is_planned_claim, without_figure
from lib.claims.status import (
    figure_phrase,
    kind_words,
    ordered_sources,
    period_differences,
    report_span,
    topic_status,
    topic_verdict,
)
from lib.core.errors import StoryLensError
from lib.core.models import Claim, remembered

log = logging.getLogger(__name__)

TOPICS_FILE = Path(__file__).with_name("topics.json")
# A data folder's own seed topics, editable beside its articles/ folder.
SEEDS_FILE_NAME = "topics.json"
DEFAULT_THRESHOLD = 0.5


def seeds_file(settings) -> Path | None:
    """The seed topics of the collection at `settings.data_dir`, or None when it has none.

    A folder's own `topics.json` wins. Otherwise the main data folder (the bundled story
    by default) uses `lib/claims/topics.json`, and a story started under
    `settings.collections_dir` has no seeds: hand-written rows about one story are never
    offered on another, whose rows are all found from its own claims.
    """
    own = Path(settings.data_dir) / SEEDS_FILE_NAME
    if own.is_file():
        return own
    if Path(settings.data_dir).resolve().is_relative_to(Path(settings.collections_dir).resolve()):
        return None
    return TOPICS_FILE



# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TopicSeed:
    """One editable topic from topics.json: id (URL key), label, unit compared, describing phrases."""

    topic_id: str
    label: str
    unit: str | None
    phrases: tuple[str, ...]



@dataclass(frozen=True)
class Topic:
    """One row of the comparison: its claims (every one with its exact sentence) and the verdict.

    `sources` lists the source files that say something on the topic, in
    report-date order; `rule` is the plain sentence explaining `status`.
    """

    topic_id: str
    label: str
    unit: str | None
    seeded: bool
    status: str
    rule: str
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]
    # The one kind of figure compared (lib.text.counted: "troops sent", "people killed", "price"...);
    # None when the row has no figures or the figures carry no kind.
    counted: str | None = None
    # One short sentence a reader can repeat; `rule` holds the full reasoning.
    verdict: str = ""
    # Statements (source_file, sentence_index) no other source in the row echoes: points only one
    # source makes (judged by sentence similarity, among sources writing in one language).
    lone: tuple[tuple[str, int], ...] = ()

    def is_lone(self, claim: Claim) -> bool:
        return (claim.source_file, claim.sentence_index) in self.lone

    @property
    def figures(self) -> tuple[Claim, ...]:
        """The compared figures, in report-date order (claims are sorted that way)."""
        return tuple(claim for claim in self.claims if claim.value is not None)

    @property
    def compared(self) -> str:
        """"figures of troops sent" (what this row compares, in words)."""
        return kind_words(self.counted)



@dataclass(frozen=True)
class ClaimSet:
    """All topics of a corpus; `candidates` are every (article_id, sentence_index) considered."""

    topics: tuple[Topic, ...]
    candidates: tuple[tuple[str, int], ...]
    model_id: str

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(claim for topic in self.topics for claim in topic.claims)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.topic_id == topic_id), None)



# --------------------------------------------------------------------------- seeds


def load_topic_seeds(path: str | Path | None) -> tuple[float, list[TopicSeed]]:
    """(threshold, seeds) from a topics.json; no seeds when `path` is None; a broken or missing
    file is a StoryLensError naming the problem."""
    if path is None:
        return DEFAULT_THRESHOLD, []
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise StoryLensError(f"The topic list {path} is missing. Restore it from the repository, or delete the folder's own topics.json.") from error
    except json.JSONDecodeError as error:
        raise StoryLensError(
            f"The topic list {path} is not valid JSON (line {error.lineno}: {error.msg}). Fix the file or restore it."
        ) from error
    try:
        threshold = float(data.get("threshold", DEFAULT_THRESHOLD))
        seeds = []
        for entry in data["topics"]:
            topic_id = str(entry["id"]).strip()
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", topic_id):
                raise ValueError(f"topic id '{topic_id}' must be lower-case letters, digits and dashes")
            phrases = tuple(str(phrase) for phrase in entry.get("phrases", []))
            seeds.append(TopicSeed(topic_id, str(entry["label"]), entry.get("unit") or None, phrases))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StoryLensError(
            f"The topic list {path} is malformed ({error}). Each topic needs an 'id', a 'label' and a list of 'phrases'."
        ) from error
    if not 0 < threshold < 1:
        raise StoryLensError(f"The topic threshold in {path} must be between 0 and 1 (got {threshold}).")
    return threshold, seeds



def claim_order(claim: Claim) -> tuple:
    """The order of a topic's claims: report date (unknown last), then source file and sentence."""
    return remembered(claim, "_order", _claim_order)  # a row's claims are sorted again and again


def _claim_order(claim: Claim) -> tuple:
    return (report_span(claim.reported_on) or (date.max, date.max))[0], claim.source_file, claim.sentence_index


def build_topic(
    topic_id: str, label: str, unit: str | None, seeded: bool, claims: Iterable[Claim], counted: str | None = None
) -> Topic:
    """A topic row with its status and verdict; claims ordered by report date (unknown last), then
    position in the article. With `counted`, only figures of that kind are compared."""
    claims = sorted(claims, key=claim_order)
    if counted is None:
        # "count" and role-less "people" (UNCOMPARED_KINDS) are never compared: such figures
        # stay in the row as statements.
        claims = [
            without_figure(claim) if claim.counted in UNCOMPARED_KINDS else claim
            for claim in claims
        ]
        kinds = {claim.counted for claim in claims if claim.value is not None and claim.counted}
        counted = kinds.pop() if len(kinds) == 1 else None
    sources = ordered_sources(claims)
    status, rule = topic_status(claims, unit, counted, sources)
    verdict = topic_verdict(status, rule, claims, counted)
    return Topic(topic_id, label, unit, seeded, status, rule, tuple(claims), sources, counted, verdict)



def with_lone_points(topic: Topic, lone: set[tuple[str, int]]) -> Topic:
    """`topic` with its points only one source makes; a row of statements (no figures compared)
    names them in its rule and verdict. Agreement between statements is never judged."""
    points = tuple(sorted(
        (claim.source_file, claim.sentence_index) for claim in topic.claims
        if (claim.source_file, claim.sentence_index) in lone and claim.value is None
    ))
    if not points or topic.status != "no figures":
        return replace(topic, lone=points)
    by_outlet: dict[str, int] = {}
    for claim in topic.claims:
        if (claim.source_file, claim.sentence_index) in points:
            by_outlet[claim.outlet] = by_outlet.get(claim.outlet, 0) + 1
    named = ", ".join(outlet + (f" ×{count}" if count > 1 else "") for outlet, count in by_outlet.items())
    verdict = (
        f"{len(topic.sources)} sources discuss this without figures (whether they agree is not judged); "
        f"point{'s' if len(points) > 1 else ''} only one source makes: {named}."
    )
    rule = topic.rule + (
        f" Points only one source makes (no other source's sentence in this row is close in meaning): {named}. "
        "Whether the other statements agree or contradict each other is not judged."
    )
    return replace(topic, lone=points, verdict=verdict, rule=rule)


def claim_to_json(claim: Claim) -> dict:
    """The CLI shape of a claim (`reported_on` like Article.published)."""
    data = asdict(claim)
    # The record's own copy of what its quote says (claim_quantity, is_planned_claim read it): the JSON
    # shows the figure and, per topic, "planned" through those, as before.
    del data["figure_at"], data["planned"]
    data["reported_on"] = asdict(claim.reported_on)
    data["figure"] = figure_phrase(claim) if claim.value is not None else None
    data["own_reporting"] = is_own_reporting(claim)
    return data



def topic_to_json(topic: Topic, with_claims: bool = False) -> dict:
    data = {
        "topic": topic.topic_id,
        "label": topic.label,
        "unit": topic.unit,
        "seeded": topic.seeded,
        "counted": topic.counted,
        "compared": topic.compared,
        "status": topic.status,
        "verdict": topic.verdict,
        "rule": topic.rule,
        "sources": list(topic.sources),
        "claims": len(topic.claims),
        # The compared figures in report-date order (unknown dates last).
        "figures": [
            {
                "outlet": claim.outlet,
                "reported_on": claim.reported_on.date,
                "precision": claim.reported_on.precision,
                "figure": figure_phrase(claim),
                "value": claim.value,
                "value_high": claim.value_high,
                "counted": claim.counted,
                "attributed_to": claim.attributed_to,
                "planned": is_planned_claim(claim),
                "quote": claim.quote,
            }
            for claim in topic.figures
        ],
        # Same-period pairs of sources whose figures do not overlap (lib.claims.status.period_differences).
        "differences": [
            {"period": first.reported_on.date, "sources": [first.outlet, second.outlet],
             "figures": [figure_phrase(first), figure_phrase(second)]}
            for first, second in period_differences(topic.claims, topic.counted)
        ] if topic.counted else [],
        # Statements only one source makes (agreement between statements is not judged).
        "lone_points": [
            {"outlet": claim.outlet, "quote": claim.quote} for claim in topic.claims if topic.is_lone(claim)
        ],
    }
    if with_claims:
        data["claims"] = [claim_to_json(claim) for claim in topic.claims]
    return data
