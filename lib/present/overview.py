"""A plain-words summary of a collection: the sidebar's counts and the landing
page's "story at a glance" (built from the collection's own articles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lib.core.models import Article
from lib.present.words import date_words, language_list, outlet_name, short_label


@dataclass(frozen=True)
class CorpusSummary:
    article_count: int
    outlet_count: int
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    date_range: str
    description: str


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


# An inferred date spanning more than this many days is "loose": it would stretch a
# date span (an article placed somewhere in "Aug 2025 - Feb 2026"), so it is counted apart.
LOOSE_DAYS = 62


def is_loose(article: Article) -> bool:
    published = article.published
    if not published.date or published.precision == "unknown":
        return False
    if published.earliest and published.latest:
        return (date.fromisoformat(published.latest) - date.fromisoformat(published.earliest)).days > LOOSE_DAYS
    return published.precision == "year"


def _span(articles: list[Article]) -> tuple[Article | None, Article | None]:
    dated = [a for a in articles if a.published.date and a.published.precision != "unknown" and not is_loose(a)]
    if not dated:
        return None, None
    first = min(dated, key=lambda a: (a.published.earliest or a.published.date, a.source_file))
    last = max(dated, key=lambda a: (a.published.latest or a.published.date, a.source_file))
    return first, last


def corpus_summary(articles: list[Article]) -> CorpusSummary:
    """Counts, outlets and the publication-date range in plain words ("about" when inferred)."""
    outlets = tuple(sorted({article.outlet for article in articles}))
    languages = tuple(sorted({article.language for article in articles}))
    first, last = _span(articles)
    if first is not None:
        start, end = date_words(first.published), date_words(last.published)
        date_range = start if start == end else f"{start} to {end}"
        notes = []
        loose = sum(1 for a in articles if is_loose(a))
        if loose:
            notes.append(f"{loose} more dated only loosely")
        undated = sum(1 for a in articles if not a.published.date or a.published.precision == "unknown")
        if undated:
            notes.append(f"{undated} with no date")
        if notes:
            date_range += f" ({', '.join(notes)})"
    else:
        date_range = "no dates known"
    if articles:
        in_languages = language_list(languages)
        description = f"{_plural(len(articles), 'article')} from {_plural(len(outlets), 'outlet')}" + (
            f", in {in_languages}." if in_languages else "."
        )
    else:
        description = "No articles yet: add some on the Articles page."
    return CorpusSummary(len(articles), len(outlets), outlets, languages, date_range, description)


@dataclass(frozen=True)
class GlanceItem:
    """One linked fact of the overview: `text` is shown, `page` + `params` is where it leads."""

    text: str
    page: str
    params: dict = field(default_factory=dict)
    help: str = ""


@dataclass(frozen=True)
class Glance:
    sentence: str  # one or two plain sentences about what the collection covers
    items: tuple[GlanceItem, ...]


def story_at_a_glance(articles: list[Article], max_outlets: int = 3) -> Glance:
    """What the collection covers, from its own content: how many reports, from whom,
    in which languages, over which dates, and the latest report; each fact links to its page."""
    summary = corpus_summary(articles)
    first, last = _span(articles)
    return glance_of(summary, first, last, max_outlets)


def glance_of(summary: CorpusSummary, first, last, max_outlets: int = 3) -> Glance:
    """`story_at_a_glance` from a collection's summary and its earliest and latest closely dated
    articles (`first`, `last`: Articles or catalogue entries, None when none is), without the articles."""
    if not summary.article_count:
        return Glance("No articles yet: add a few reports on one story to begin.", (
            GlanceItem("Add articles", "pages/articles.py", {}, "Paste text, upload files or add a web address."),
        ))
    count = summary.article_count
    names = sorted({outlet_name(outlet) for outlet in summary.outlets})
    shown = ", ".join(names[:max_outlets]) + (f" and {len(names) - max_outlets} more" if len(names) > max_outlets else "")
    if len(names) == 2:
        shown = " and ".join(names)
    in_languages = language_list(summary.languages)
    sentence = f"{_plural(count, 'report')} from {shown}" + (f", in {in_languages}" if in_languages else "")
    items = [GlanceItem(f"All {_plural(count, 'article')}", "pages/articles.py", {},
                        "Every article in this collection, with its outlet and date.")]
    if first is not None:
        sentence += f", published {summary.date_range}"
        params = {"from": first.published.earliest, "to": last.published.latest} if first.published.earliest and last.published.latest else {}
        same = first.article_id == last.article_id
        span = date_words(first.published) if same else f"{date_words(first.published)} to {date_words(last.published)}"
        items.append(GlanceItem("Timeline", "pages/timeline.py", params,
                                f"What happened when, {span}, across every report."))
    sentence += "."
    if last is not None:
        sentence += f" Latest: “{last.title}” ({outlet_name(last.outlet)}, {date_words(last.published)})."
        items.append(GlanceItem("Latest report", "pages/articles.py", {"article": last.source_file},
                                f"Read “{last.title}”."))
    items.append(GlanceItem("Compare figures", "pages/compare.py", {}, "Where the reports agree and disagree on numbers."))
    return Glance(sentence, tuple(items))


# What a topic's status means, in a reader's words (the Compare page adds icons). Short, so
# that a topic's link fits one line of a 390 px phone (a page link does not wrap).
STATUS_WORDS = {
    "agree": "sources agree",
    "disagree": "sources disagree",
    "evolving": "figure changed",
    "single-source": "one source",
    "no figures": "no figures",
}
# Words of a topic label or event summary kept in an overview link (the whole text is its tooltip).
LINK_WORDS = 5


def main_topics(entries, limit: int, claim_count=lambda topic: len(topic.claims), topic_of=lambda entry: entry) -> list:
    """The `limit` entries whose topics most sources speak to: topics whose figures several sources
    compare (agree / disagree / evolving) first, as they carry a verdict; then by how many sources,
    then claims. Topics no source matches are left out. An entry is a topic, or anything `topic_of`
    gives its topic for (a stored topic's header) with `claim_count` counting its claims."""
    compared = ("agree", "disagree", "evolving")
    ranked = sorted(
        (entry for entry in entries if claim_count(entry) and topic_of(entry).status in STATUS_WORDS),
        key=lambda entry: (topic_of(entry).status not in compared, -len(set(topic_of(entry).sources)), -claim_count(entry),
                           not topic_of(entry).seeded, topic_of(entry).label),
    )
    return ranked[:limit]


def main_topic_items(topics, limit: int = 3, claim_count=lambda topic: len(topic.claims),
                     topic_of=lambda entry: entry) -> tuple[GlanceItem, ...]:
    """The topics most sources speak to (at most `limit`, see `main_topics`), each with its verdict,
    linking to its Compare row. Entries are topics, or anything `topic_of` gives the topic of (a stored
    topic's header, whose topic carries no claims) with `claim_count` counting its claims: no claim is read."""
    return tuple(
        GlanceItem(f"{short_label(topic.label, LINK_WORDS)}: {STATUS_WORDS[topic.status]}", "pages/compare.py",
                   {"topic": topic.topic_id}, f"{topic.label}. {topic.verdict or topic.rule}")
        for topic in map(topic_of, main_topics(topics, limit, claim_count=claim_count, topic_of=topic_of))
    )


def latest_event_item(events) -> GlanceItem | None:
    """The latest event dated within a week or so (not background, not dated only loosely), linking to it."""
    from lib.present.timeline_chart import event_date_words, is_loose

    dated = [event for event in events if not event.is_context and not is_loose(event)]
    if not dated:
        return None
    latest = max(dated, key=lambda event: (event.end, event.start, len(event.sources)))
    return GlanceItem(f"Latest: {event_date_words(latest)}, {short_label(latest.summary, LINK_WORDS)}", "pages/timeline.py",
                      {"event": latest.event_id}, f"The latest event: {latest.summary}. Opens it on the timeline with "
                      "every source's sentence.")
