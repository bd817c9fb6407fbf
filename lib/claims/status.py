"""Whether the sources on one topic agree, disagree, or the figure evolved, with the rule that decided."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np

from lib.claims.figures import claim_quantity, is_planned_claim
from lib.core.models import Claim, PublishedDate, remembered

STATUSES = ("agree", "disagree", "evolving", "single-source", "no figures")

# Only a question row can have no claims at all; its status then says so.
NO_MATCH = "no match"

# Two reports whose dates are this close are "the same period" (disagreement, not evolution), for
# figures re-estimated over weeks (troops sent, a price); a tally is judged by the day (same_period_days).
SAME_PERIOD_DAYS = 14

# A topic's rule lists at most this many clashing pairs of sources (then says how many more).
MAX_LISTED_REASONS = 12



# --------------------------------------------------------------------------- status


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        parts = [int(part) for part in text.split("-")]
    except ValueError:
        return None
    if len(parts) == 3:
        return date(*parts)
    return None



def report_span(published: PublishedDate) -> tuple[date, date] | None:
    """The interval a report's date certainly falls in, or None when unknown."""
    return remembered(published, "_span", _report_span)  # each claim's date is read again and again


@functools.lru_cache(maxsize=1 << 14)  # a row's claims share a few hundred report dates
def _report_span(published: PublishedDate) -> tuple[date, date] | None:
    if published.precision == "unknown" or not published.date:
        return None
    earliest, latest = _parse_day(published.earliest), _parse_day(published.latest)
    if earliest and latest:
        return earliest, latest
    parts = published.date.split("-")
    year = int(parts[0])
    if len(parts) == 3:
        day = date(year, int(parts[1]), int(parts[2]))
        return day, day
    if len(parts) == 2:
        month = int(parts[1])
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        return first, last
    return date(year, 1, 1), date(year, 12, 31)



def figure_phrase(claim: Claim) -> str:
    """"around 12,000 troops": the claim's figure in words ("no figure" without one)."""
    return remembered(claim, "_phrase", _figure_phrase)  # named in every rule, verdict and header of its row


def _figure_phrase(claim: Claim) -> str:
    quantity = claim_quantity(claim)
    return quantity.label() if quantity else "no figure"



def _who(claim: Claim) -> str:
    """"Kyodo on 26 Oct 2024 (day)", "AFP at an unknown date"."""
    if claim.reported_on.precision == "unknown" or not claim.reported_on.date:
        return f"{claim.outlet} at an unknown date"
    preposition = "on" if claim.reported_on.precision in ("day", "week") else "in"
    return f"{claim.outlet} {preposition} {claim.reported_on.label()}"



def _headline(claims: list[Claim]) -> Claim:
    """A source's own estimate: its largest specific figure (smaller ones are usually parts,
    e.g. "3,000 ... training in the Far East" next to "around 12,000" in total)."""
    specific = [claim for claim in claims if not (claim_quantity(claim) and claim_quantity(claim).is_vague)]
    pool = specific or claims
    return max(pool, key=lambda claim: (claim.value_high or claim.value or 0))



def topic_status(claims: Iterable[Claim], unit: str | None = None, counted: str | None = None,
                 sources: tuple[str, ...] | None = None) -> tuple[str, str]:
    """(status, rule): how the sources' figures on one topic relate, as a plain sentence.

    - one source: "single-source"; no figures from several sources: "no figures";
    - every source's own estimate (its largest specific figure) consistent with
      every other once qualifiers are applied ("up to 12,000" fits "around
      12,000" and 10,000): "agree";
    - the estimates differ, and a report of a later period (same_period_days: more than SAME_PERIOD_DAYS
      after, or for a tally another day) gives a new figure (larger or smaller) that no report of its own period contradicts:
      "evolving" (differences within one period are named in the rule and in the
      verdict: see period_differences);
    - otherwise (only reports of the same period, or undated ones, that do not overlap): "disagree".

    Undated reports (or dated only to more than PLACEABLE_DAYS) are listed but do not
    decide once two placeable sources give a figure; with fewer dated sources a clash with an undated one is a "disagree".
    Only figures of `counted` (a kind of lib.text.counted) are compared when given; `sources`, when
    given, is `ordered_sources(claims)` worked out by the caller.
    """
    claims = list(claims)
    sources = ordered_sources(claims) if sources is None else sources
    if not claims:
        return "single-source", "No source says anything on this topic yet."
    figures = [
        claim for claim in claims
        if claim.value is not None and _comparable(claim, unit, counted)
    ]
    planned = [claim for claim in figures if is_planned_claim(claim)]
    if len(planned) < len(figures):
        figures = [claim for claim in figures if not is_planned_claim(claim)]
    else:
        planned = []
    by_source: dict[str, list[Claim]] = {}
    for claim in figures:
        by_source.setdefault(claim.source_file, []).append(claim)
    if len(sources) == 1:
        only = claims[0]
        rule = f"Only {_who(only)} reports on this, so there is nothing to compare it with yet."
        values = sorted({figure_phrase(claim) for claim in figures})
        if len(values) > 1:
            rule += f" That report gives several figures ({'; '.join(values)})."
        return "single-source", rule
    if not figures:
        return (
            "no figures",
            f"{len(sources)} sources discuss this without a number to compare, so StoryLens does not judge "
            f"whether they agree; read their statements side by side. Who says it, and how firmly: {_voices(claims, sources)}.",
        )
    if len(by_source) == 1:
        source_claims = next(iter(by_source.values()))
        head = _headline(source_claims)
        return (
            "single-source",
            f"Only {_who(head)} gives a figure ({figure_phrase(head)}); the other "
            f"{len(sources) - 1} source(s) mention the topic without a number.",
        )
    headline_of = {source: _headline(group) for source, group in by_source.items()}
    headlines = list(headline_of.values())
    headlines.sort(key=lambda claim: (report_span(claim.reported_on) or (date.max, date.max))[0])
    smaller = [
        claim
        for source, group in by_source.items()
        for claim in group
        if claim is not headline_of[source] and claim.value is not None and claim.value != headline_of[source].value
    ]
    note = ""
    if smaller:
        note = " Other figures in the same reports (" + "; ".join(
            f"{claim.outlet}: {figure_phrase(claim)}" for claim in smaller
        ) + ") are read as parts, earlier stages or vaguer wording, not as that source's own estimate."
    if planned:
        note += " Planned or expected figures (" + "; ".join(
            f"{claim.outlet}: {figure_phrase(claim)}" for claim in planned
        ) + ") are shown but not compared with counts of what happened."
    listing = "; ".join(f"{_who(claim)} says {figure_phrase(claim)}" for claim in headlines)
    dated = [claim for claim in headlines if _placed(claim)]
    if len(dated) >= 2 and len(dated) < len(headlines):
        undated = [claim for claim in headlines if not _placed(claim)]
        note += " Reports of unknown or vague date (" + "; ".join(
            f"{claim.outlet}: {figure_phrase(claim)}" for claim in undated
        ) + ") are shown but do not decide, since they cannot be placed in time."
        headlines = dated
    period_days = same_period_days(counted)
    # A smaller later figure of a count that only grows, still consistent with the earlier one through
    # its qualifier ("at least 144 killed" after "more than 1,000 killed"), is a part, not a change.
    clashes = _ClashTable(headlines, period_days, is_cumulative(counted))
    evolving, same_time = clashes.count("evolving"), clashes.count("disagree")
    period = "the same day" if period_days == 0 else "the same period"
    if not evolving and not same_time:
        return (
            "agree",
            f"The sources agree: {listing}. These figures are consistent once their qualifiers "
            f"('up to', 'around', 'more than'…) are taken into account.{note}",
        )
    # A later report's new figure is evolution unless that report is itself contradicted in its own
    # period (then the clash with an earlier report is the same dispute, not a change over time).
    # A cumulative count (a toll, troops sent) that "falls" is two counts mixed, not a change over time.
    falls = clashes.count("falls")
    moved = clashes.any_moved()
    if falls:
        note += (" Later reports give smaller figures than earlier ones (" + "; ".join(
            f"{_who(second)}: {figure_phrase(second)} after {figure_phrase(first)}" for first, second, _kind in clashes.first("falls", 4)
        ) + "); a count of what has happened so far only grows, so these are read as other counts (a part, "
            "another place) or as a disagreement, not as the count falling.")
    rise = []
    if not moved and is_cumulative(counted):
        # A cumulative count that rises from one report day to a later one has moved, even within one
        # period (a toll climbing daily); the same-period gaps are still named as differences.
        run = _rising_run([claim for claim in headlines if _placed(claim)])
        first, last = (run[0], run[-1]) if run else (None, None)
        if len(run) >= 2 and (last.value or 0) > (first.value_high or first.value or 0) and report_span(first.reported_on)[1] < report_span(last.reported_on)[0]:
            moved, rise = True, [(first, last, "evolving")]
    if moved:  # later reports give new figures: the count moved (same-period differences are named too)
        changes = clashes.count("changes")
        text = _reasons_text(clashes.first("changes"), period, changes) if changes else _reasons_text(rise, period)
        if same_time:
            note += f" Some reports of {period} also differ: {_reasons_text(clashes.first('disagree'), period, same_time)}."
        return (
            "evolving",
            f"The figure changed over time: {text}. A later report with a new number is read as the count "
            f"being updated, not as a dispute.{note}",
        )
    text = (_reasons_text(clashes.first("disagree"), period, same_time) if same_time
            else _reasons_text(clashes.first("falls"), period, falls))
    return (
        "disagree",
        f"The sources disagree: {text}. The figures do not overlap even allowing for their qualifiers.{note}",
    )



def _comparable(claim: Claim, unit: str | None, counted: str | None) -> bool:
    """A figure of the row: of its kind when the row has one (a price also in the row's currency:
    "5,000 builders" and "10,000 soldiers" are both troops sent), else in its unit."""
    if counted is not None:
        return claim.counted == counted and (unit is None or claim.unit == unit or not counted.startswith("price"))
    return unit is None or claim.unit == unit


# A report dated only to a span longer than this (a year, a season) cannot be placed against the others.
PLACEABLE_DAYS = 31


def _placed(claim: Claim) -> bool:
    """The report's date is known to within PLACEABLE_DAYS (so it can say "earlier" or "same period")."""
    span = report_span(claim.reported_on)
    return span is not None and (span[1] - span[0]).days <= PLACEABLE_DAYS


def figure_interval(claim: Claim) -> tuple[float, float]:
    """The values a figure is consistent with (lib.text.numbers.Quantity.interval), except that an
    exact figure allows only the rounding its digits show: "12,000" is 11,500-12,500 (at most ±5 %),
    but "4,268" means 4,268 (a price or toll given to the unit is not a rounded estimate)."""
    return remembered(claim, "_interval", _figure_interval)  # a row is judged again at each addition


def _figure_interval(claim: Claim) -> tuple[float, float]:
    quantity = claim_quantity(claim)
    low, high = quantity.interval()
    if quantity.qualifier or quantity.value_high is not None or quantity.is_vague:
        return low, high
    return _rounding_interval(quantity.value, low, high)


def stated_interval(claim: Claim) -> tuple[float, float]:
    """The figure as stated, without its qualifier: "more than 1,900" is 1,850-1,950 and "at least 89"
    is 89. Two reports whose stated figures differ give new figures, even when their qualifiers would
    let both be true (a later "at least 89 missing" after "more than 1,900 missing" is not agreement)."""
    return remembered(claim, "_stated", _stated_interval)


def _stated_interval(claim: Claim) -> tuple[float, float]:
    quantity = claim_quantity(claim)
    if quantity.value_high is not None or quantity.is_vague:
        return quantity.interval()
    return _rounding_interval(quantity.value, quantity.value, quantity.value)


def _rounding_interval(value: float, low: float, high: float) -> tuple[float, float]:
    """`value` give or take the rounding its digits show (at most ±5 %); (low, high) when it is no whole number."""
    digits = f"{value:.0f}" if float(value).is_integer() else None
    if digits is None:
        return low, high
    place = 10 ** (len(digits) - len(digits.rstrip("0"))) if value else 1
    slack = min(value * 0.05, place / 2) if place > 1 else 0.5
    return value - slack, value + slack


class _ClashTable:
    """The pairs (earlier, later) of sources' estimates `headlines` (in report-start order) that clash,
    by kind, held as arrays instead of listed: a row of thousands of sources has millions of such
    pairs, and its rule only counts them and names the first few.

    A pair is "evolving" when both reports are dated and the later starts more than `period_days`
    after the earlier ends (same_period_days; 0: on different days) and gives a new figure, larger or
    smaller (its stated figure differs: stated_interval); with `cumulative` (a count that only grows),
    a later stated figure below the earlier one that its qualifier still makes consistent with it is
    a part, not a change. A pair is "disagree" when the reports are of the same period (or undated)
    and their figures do not overlap even with their qualifiers (figure_interval). "falls": evolving
    pairs of a cumulative count whose later figure lies wholly below; "changes": evolving, not falls.

    Headlines with the same figure, stated figure and report dates clash with the same others, so
    pairs are counted over classes of identical headlines (a row of 4,700 sources has about 270)
    with numpy; the pairs named come in the order of a nested loop over `headlines`, found by
    visiting only headlines that have a pair of the kind and stopping once enough are found.
    Hand-written: no library counts interval relations like these over weighted classes.
    """

    def __init__(self, headlines: list[Claim], period_days: int, cumulative: bool = False):
        self.headlines, self.period_days, self.cumulative = headlines, period_days, cumulative
        count = len(headlines)
        spans = [report_span(claim.reported_on) for claim in headlines]
        columns = np.zeros((count, 7), dtype=float)
        if count:
            columns[:, 0:2] = [figure_interval(claim) for claim in headlines]
            columns[:, 2:4] = [stated_interval(claim) for claim in headlines]
            columns[:, 4] = [span is not None for span in spans]
            columns[:, 5] = [span[0].toordinal() if span else 0 for span in spans]
            columns[:, 6] = [span[1].toordinal() if span else 0 for span in spans]
        self.columns = columns
        classes, self.class_of, weights = np.unique(columns, axis=0, return_inverse=True, return_counts=True)
        self.class_of = self.class_of.reshape(-1)
        self.weights = weights.astype(np.int64)
        k = len(classes)
        self._relations = {kind: np.zeros((k, k), dtype=bool) for kind in ("evolving", "disagree", "falls", "changes")}
        for start in range(0, k, 512):  # row blocks keep a large k's temporaries small
            block = slice(start, min(k, start + 512))
            for kind, relation in self._relate(classes[block], classes).items():
                self._relations[kind][block] = relation

    def _relate(self, earlier, later) -> dict:
        """For each (row of `earlier`, row of `later`): whether the pair clashes, by kind, with the row
        of `earlier` read as the earlier report."""
        low, high, stated_low, stated_high, dated, first, last = (earlier[:, column][:, None] for column in range(7))
        low_b, high_b, stated_low_b, stated_high_b, dated_b, first_b, last_b = (later[:, column][None, :] for column in range(7))
        apart = ~((low <= high_b) & (low_b <= high))
        new_figure = ~((stated_low <= stated_high_b) & (stated_low_b <= stated_high))
        both_dated = (dated > 0) & (dated_b > 0)
        over_time = both_dated & (first_b - last > self.period_days)
        # Symmetric: a pair of classes is of one period unless one ends more than the period before the other starts.
        apart_in_time = over_time | (both_dated & (first - last_b > self.period_days))
        evolving = over_time & new_figure
        falls = np.zeros_like(evolving)
        if self.cumulative:
            below = high_b < low
            evolving &= ~((stated_high_b < stated_low) & ~below)
            falls = evolving & below
        return {"evolving": evolving, "disagree": ~apart_in_time & apart, "falls": falls, "changes": evolving & ~falls}

    # A class never clashes with itself (an interval overlaps itself, and a report is of its own
    # period), so pairs within a class are never counted.

    def count(self, kind: str) -> int:
        """How many pairs of headlines clash by `kind`."""
        pairs = int(self.weights @ self._relations[kind] @ self.weights)
        return pairs // 2 if kind == "disagree" else pairs  # "disagree" holds both ways round

    def members(self, kind: str):
        """A boolean per class: its headlines are in at least one pair of `kind`."""
        relation = self._relations[kind]
        return relation.any(axis=0) | relation.any(axis=1)

    def any_moved(self) -> bool:
        """Some evolving pair, not a fall, whose later headline is in no "disagree" pair (topic_status's `moved`)."""
        return bool(self._relations["changes"][:, ~self.members("disagree")].any())

    def first(self, kind: str, limit: int | None = MAX_LISTED_REASONS, among=None) -> list[tuple[Claim, Claim, str]]:
        """The first `limit` pairs of `kind` (all when None) in nested-loop order over the headlines, as
        (earlier, later, "evolving" | "disagree"); `among`, a boolean per headline, keeps pairs of those only.

        Only headlines with a pair of `kind` are visited; one that yields none has all its pairs with
        headlines visited before, so at most twice `limit` headlines are compared with the others."""
        count = len(self.headlines)
        among = np.ones(count, dtype=bool) if among is None else np.asarray(among, dtype=bool)
        relation = self._relations[kind]
        present = np.bincount(self.class_of[among], minlength=len(self.weights)) > 0
        with_partner = (relation | relation.T)[:, present].any(axis=1)
        label = "disagree" if kind == "disagree" else "evolving"
        found: list[tuple[Claim, Claim, str]] = []
        for i in np.flatnonzero(among & with_partner[self.class_of]).tolist():
            later = np.arange(i + 1, count)
            later = later[among[later]]
            if not later.size:
                continue
            clashing = self._relate(self.columns[i : i + 1], self.columns[later])[kind][0]
            found.extend((self.headlines[i], self.headlines[j], label) for j in later[clashing].tolist())
            if limit is not None and len(found) >= limit:
                return found[:limit]
        return found


def _reasons_text(clashes: list[tuple[Claim, Claim, str]], period: str = "the same period", total: int | None = None) -> str:
    """The clashing pairs in words, the first MAX_LISTED_REASONS of them, then how many more of
    `total` (default: len(clashes)) there are."""
    total = len(clashes) if total is None else total
    reasons = []
    for first, second, kind in clashes[:MAX_LISTED_REASONS]:
        span_a, span_b = report_span(first.reported_on), report_span(second.reported_on)
        if span_a is None or span_b is None:
            undated = first if span_a is None else second
            reasons.append(
                f"{_who(first)} says {figure_phrase(first)} but {_who(second)} says {figure_phrase(second)}, "
                f"and the date of {undated.outlet}'s report is unknown, so this cannot be read as change over time"
            )
        elif kind == "evolving":
            reasons.append(
                f"{_who(first)} says {figure_phrase(first)}, and the later {_who(second)} says {figure_phrase(second)}"
            )
        else:
            reasons.append(
                f"{_who(first)} says {figure_phrase(first)} but {_who(second)}, from {period}, "
                f"says {figure_phrase(second)}"
            )
    if total > MAX_LISTED_REASONS:
        reasons.append(f"and {total - MAX_LISTED_REASONS} more such pairs")
    return "; ".join(reasons)



def ordered_sources(claims: Iterable[Claim]) -> tuple[str, ...]:
    """Source files in report-date order (unknown dates last), each once."""
    first_claim: dict[str, Claim] = {}
    for claim in claims:
        first_claim.setdefault(claim.source_file, claim)
    return tuple(
        sorted(
            first_claim,
            key=lambda source: ((report_span(first_claim[source].reported_on) or (date.max, date.max))[0], source),
        )
    )



def kind_words(counted: str | None) -> str:
    """"figures of troops killed or wounded"; "figures" when the kind is unknown."""
    return f"figures of {counted}" if counted and counted != "count" else "figures"


def _month(claim: Claim) -> str:
    """"Oct 2024": the month a report is placed in (the start of its date interval)."""
    return f"{report_span(claim.reported_on)[0]:%b %Y}"


def _voice(claim: Claim) -> str:
    """Who gives the figure: the source the outlet cites, else the outlet."""
    return claim.attributed_to if claim.attributed_to and claim.attributed_to != claim.outlet else claim.outlet


def deciding_headlines(claims: Iterable[Claim], counted: str | None = None) -> list[Claim]:
    """Each source's own estimate (as in topic_status) among dated, counted (not planned) figures,
    in report-date order: the figures a verdict names."""
    figures = [claim for claim in claims if claim.value is not None and (counted is None or claim.counted == counted)]
    counted_only = [claim for claim in figures if not is_planned_claim(claim)] or figures
    by_source: dict[str, list[Claim]] = {}
    for claim in counted_only:
        if _placed(claim):
            by_source.setdefault(claim.source_file, []).append(claim)
    return sorted((_headline(group) for group in by_source.values()), key=lambda claim: report_span(claim.reported_on)[0])


# Counts that only grow as a story goes on: a death toll, casualties, captives. A later report's figure
# wholly below an earlier one is then another count (one city's toll, one battle's losses), not the
# count falling. A price, people missing, or troops and workers sent (reported as those "now in"
# a place, which rotation and losses bring down) may really go down.
CUMULATIVE_ROLES = ("killed", "wounded", "killed or wounded", "captured")


def _people_role(counted: str | None) -> str | None:
    """The role of a count of people ("killed" in "people killed"), None for other kinds."""
    subject, _, role = (counted or "").partition(" ")
    return role if subject in ("troops", "people", "workers") else None


def is_cumulative(counted: str | None) -> bool:
    """True for kinds that count what has happened so far ("people killed", "troops killed or wounded")."""
    return _people_role(counted) in CUMULATIVE_ROLES


# Counts of people something happened to: a quake's dead, wounded and missing, a war's casualties and
# captives, the displaced, the rescued.
TALLY_ROLES = ("killed", "wounded", "killed or wounded", "missing", "captured", "displaced", "rescued")


def is_tally(counted: str | None) -> bool:
    """True for kinds that count people something happened to ("people killed", "people missing",
    "troops killed or wounded"): running tallies that authorities update report by report."""
    return _people_role(counted) in TALLY_ROLES


def same_period_days(counted: str | None) -> int:
    """How many days apart two reports of `counted` may be and still be "the same period", where
    figures that do not overlap are a disagreement, not a change over time.

    A tally (is_tally: the dead, wounded or missing of a quake, a war's casualties) is updated report
    by report, often daily: a toll of 1,644 on one day and 3,003 four days later is the count moving,
    not two sources disagreeing. Only reports of the same day (0: date intervals that share a day)
    speak of the same moment, so a tally's period is the report day; a later smaller figure of a
    cumulative tally is then read as another count (see trend_headlines), never as the toll falling.
    Estimates that are re-made over weeks (troops sent, a price per 5 kg) keep SAME_PERIOD_DAYS.
    eval.eval_compare derives the gold's disagreements with this same function."""
    return 0 if is_tally(counted) else SAME_PERIOD_DAYS


def trend_headlines(claims: Iterable[Claim], counted: str | None = None) -> list[Claim]:
    """The dated estimates that trace the count's course, in report-date order: all of deciding_headlines,
    except that for a cumulative kind (is_cumulative) only the longest run in which no figure lies wholly
    below the one before it is kept (ties: the run reaching the latest report), so a smaller count mixed into
    the row ("20 died in one city" after "more than 1,000 died") never reads as the toll falling. With fewer
    than two figures in that run, all estimates are returned."""
    return _course(deciding_headlines(claims, counted), counted)


def _course(heads: list[Claim], counted: str | None) -> list[Claim]:
    """`trend_headlines` of the deciding headlines `heads`."""
    if not is_cumulative(counted) or len(heads) < 3:
        return heads
    run = _rising_run(heads)
    return run if len(run) >= 2 else heads


def _rising_run(heads: list[Claim]) -> list[Claim]:
    """The longest run of `heads` (in date order) in which no figure lies wholly below the one before
    it; of equally long runs, the one reaching the latest report."""
    if not heads:
        return []
    intervals = np.array([figure_interval(head) for head in heads], dtype=float).reshape(len(heads), 2)
    low, high = intervals[:, 0], intervals[:, 1]
    length = np.ones(len(heads), dtype=np.int64)
    before: list[int | None] = [None] * len(heads)
    for i in range(1, len(heads)):
        # Of the earlier heads it is not wholly below (its figure's high end under their low end), the one ending the longest run, the
        # latest of equally long ones: as a loop over j that keeps any j whose run is at least as long.
        after = np.flatnonzero(~(high[i] < low[:i]))
        if after.size:
            runs = length[after]
            longest = runs.max()
            length[i], before[i] = longest + 1, int(after[runs == longest][-1])
    length = length.tolist()
    end = max(range(len(heads)), key=lambda i: (length[i], i))
    run = []
    while end is not None:
        run.append(heads[end])
        end = before[end]
    return run[::-1]


def period_differences(claims: Iterable[Claim], counted: str | None = None) -> list[tuple[Claim, Claim]]:
    """Pairs of sources whose own estimates, reported in the same period (same_period_days), do not
    overlap even with their qualifiers: the disagreements a reader should see. Undated and planned
    figures never form one."""
    clashes = _ClashTable(deciding_headlines(claims, counted), same_period_days(counted))
    return [(first, second) for first, second, _kind in clashes.first("disagree", limit=None)]


def _difference_words(pair: tuple[Claim, Claim]) -> str:
    first, second = pair
    low, high = sorted(pair, key=lambda claim: claim.value or 0)
    return (
        f"in {_month(first)} {_voice(low)} and {_voice(high)} differed: "
        f"{figure_phrase(low)} vs {figure_phrase(high)}"
    )


def topic_verdict(status: str, rule: str, claims: Iterable[Claim], counted: str | None = None) -> str:
    """One short sentence a reader can repeat; `rule` keeps the full reasoning.

    "evolving": "Rose from around 3,000 troops (Oct 2024) to around 15,000 troops (Apr 2025),
    latest around 10,000 troops (Nov 2025); in Dec 2024 NIS and UN differed: 11,000 vs 12,000":
    the first and last dated, counted (not planned) figures, the peak when it is neither, and the
    first same-period difference. "disagree" names the first difference; "agree" the figures.
    """
    claims = list(claims)
    what = kind_words(counted)
    headlines = deciding_headlines(claims, counted)
    dated = _course(headlines, counted)  # trend_headlines
    differences, more = [], ""
    if status in ("evolving", "disagree"):
        # The same-period differences (period_differences), counted; the one named first is one between
        # figures of the count's course (not a smaller count left out of it, see trend_headlines) when
        # there is one, else the first.
        clashes = _ClashTable(headlines, same_period_days(counted))
        count = clashes.count("disagree")
        if count:
            on_course = {id(claim) for claim in dated}
            named = (clashes.first("disagree", 1, among=[id(claim) in on_course for claim in headlines])
                     or clashes.first("disagree", 1))
            differences = [(first, second) for first, second, _kind in named]
        # The other differing pairs are listed in the rule, behind the expander: the verdict only counts them.
        more = f" (+{count - 1} more)" if count > 1 else ""
    if status == "evolving" and len(dated) >= 2:
        first, last = dated[0], dated[-1]
        peak = max(dated, key=lambda claim: claim.value_high or claim.value or 0)
        low = min(dated, key=lambda claim: claim.value or 0)
        start, end = (first.value or 0), (last.value or 0)
        verb = "Rose" if end > start else "Fell" if end < start else "Changed"
        text = f"{verb} from {figure_phrase(first)} ({_month(first)}) to "
        turn = peak if verb != "Fell" else low
        if turn is not first and turn is not last and figure_phrase(turn) != figure_phrase(last):
            text += f"{figure_phrase(turn)} ({_month(turn)}), latest {figure_phrase(last)} ({_month(last)})"
        else:
            text += f"{figure_phrase(last)} ({_month(last)})"
        if differences:
            text += f"; {_difference_words(differences[0])}{more}"
        return f"{text}."
    if status == "disagree":
        if differences:
            text = _difference_words(differences[0])
            return f"{text[0].upper()}{text[1:]}{more}."
        sources = len({claim.source_file for claim in claims if claim.value is not None})
        return f"{sources} sources give {what} that do not overlap, and their dates cannot tell change from disagreement."
    if status == "agree":
        figures = [claim for claim in claims if claim.value is not None and (counted is None or claim.counted == counted)]
        figures = [claim for claim in figures if not is_planned_claim(claim)] or figures
        groups: dict[str, list[Claim]] = {}
        for claim in figures:
            groups.setdefault(claim.source_file, []).append(claim)
        heads = [_headline(group) for group in groups.values()]
        listed = ", ".join(f"{figure_phrase(claim)} ({claim.outlet})" for claim in heads[:4])
        more = f" and {len(heads) - 4} more" if len(heads) > 4 else ""
        return f"{len(heads)} sources agree on the {what}: {listed}{more}."
    return rule.split(". ")[0].rstrip(".") + "."


def _voices(claims: list[Claim], sources: tuple[str, ...]) -> str:
    """Who each source credits and how firmly, in report-date order: "Kyodo cites Japan's Foreign
    Ministry; AFP says it in its own words, hedged (reportedly, believed...)"."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source_file, []).append(claim)
    parts = []
    for source in sources:
        group = by_source[source]
        speakers = list(dict.fromkeys(claim.attributed_to for claim in group if claim.attributed_to != claim.outlet))
        own = any(claim.attributed_to == claim.outlet for claim in group)
        said = []
        if speakers:
            said.append("cites " + ", ".join(speakers[:3]) + (f" and {len(speakers) - 3} more" if len(speakers) > 3 else ""))
        if own:
            said.append("says it in its own words")
        text = f"{group[0].outlet} " + " and ".join(said)
        if any(claim.hedged for claim in group):
            text += ", hedged (reportedly, believed, estimated...)"
        parts.append(text)
    return "; ".join(parts)
