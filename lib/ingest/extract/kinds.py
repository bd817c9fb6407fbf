"""Why a block was dropped: a `REMOVED_KINDS` kind and a human reason.

The scorer decides *whether* a block is article body; this module only names
what a dropped block is, so downstream code can trust the kinds:
`metadata`/`credit`/`caption` lines keep their exact text (the date and
outlet are looked up there), and everything inside a comment thread or a
related-stories list is `comment`/`related` (their "2 hours ago" is never the
article's date).

Order matters: explicit shapes (copyright, labelled date line, vote count)
win over the section a block sits in ("zone"), and the zone wins over weak
shapes (relative times, short lines, prose of other stories).
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.ingest.extract import signals as sig
from lib.ingest.extract.blocks import (
    Block,
    PageContext,
    above_date_lines,
    end_marker_kind,
    shape_of,
    short_run_lengths,
)


@dataclass(frozen=True)
class Verdict:
    kind: str
    reason: str
    strong: bool  # True when the block's own shape decides, whatever section it is in


def intrinsic_kind(
    block: Block, context: PageContext, short_run: int, other_language: str, above_date_line: bool = False
) -> Verdict:
    """Kind of a dropped block from its own text (and its language/short-line run); `above_date_line`:
    the block stands right above the page's date lines, where a 【label】 opening it is a headline's kicker."""
    text = block.text
    shape = shape_of(text, context)
    if shape.vote:
        return Verdict("comment", "reader comment: vote count line", True)
    if shape.comment:
        if text.startswith("@"):
            return Verdict("comment", "reader comment: reply to @user", True)
        return Verdict("comment", "reader comments: comment button or counter", True)
    if shape.copyright:
        return Verdict("credit", "copyright line", True)
    if block.index in context.box_links:
        if block.index in context.summary_items:
            return Verdict("disclaimer", "item of the page's summary box (key points)", True)
        return Verdict("related", "link in a 'Read more' box inside the article", True)
    if block.index in context.author_bios:
        return Verdict("credit", "author's bio (opens with the byline's name)", True)
    if shape.syndication:
        return Verdict("credit", "syndication credit (names who produced the text)", True)
    if shape.disclaimer:
        return Verdict("disclaimer", "disclaimer / notice about how the text was produced", True)
    if shape.date_line and not shape.relative_time:
        return Verdict("metadata", "date line", True)
    if shape.appeal:
        return Verdict("appeal", "donation or membership appeal", True)
    if shape.promo or shape.price:
        # A pitch is short; in a long paragraph a promo word ("per month") is incidental,
        # so the section the line sits in (a related list, comments) decides instead.
        return Verdict("promo", "subscription, sign-up or advertising text", block.n_words <= 40)
    if shape.related and not (above_date_line and not sig.is_related_marker(text, above_date_line=True)):
        return Verdict("related", "heading of a related-stories list", True)
    if shape.dated_item:
        return Verdict("related", "item of a list of stories (a headline and its date)", True)
    if shape.label_list:
        return Verdict("navigation", "tag/topic list", True)
    if shape.caption:
        return Verdict("caption", "photo caption or image credit", True)
    if shape.byline:
        return Verdict("credit", "byline", True)
    if shape.wire and block.n_words <= 6:
        return Verdict("credit", "wire or agency credit", True)
    if context.title and text == context.title:
        return Verdict("metadata", "headline repeated", True)
    if shape.dateline:
        return Verdict("metadata", "dateline (place name)", True)
    if shape.relative_time:
        return Verdict("metadata", "relative time stamp", False)
    if block.n_words <= 2 and not shape.ends_sentence and sig.is_caseless(text) and not shape.date_line:
        # Where letters have no case, a line of one or two words that is not a sentence is a
        # button, a label or a name (in cased scripts its capitals already say so).
        return Verdict("navigation", "label of one or two words (script without capitals)", True)
    if other_language:
        return Verdict("other", f"other language ({other_language}) than the article ({context.body_language})", False)
    if short_run >= 3:
        return Verdict("navigation", f"link list: {short_run} short lines in a row", False)
    if shape.nav:
        return Verdict("navigation", "menu, share or section label", False)
    if shape.heading_like and context.core_start < block.index < context.core_end:
        return Verdict("metadata", "section heading", False)
    if block.n_words <= 3:
        return Verdict("other", "short line that is not article prose", False)
    return Verdict("other", "scored as not article prose", False)


def classify_removed(
    blocks: list[Block], keep: list[bool], context: PageContext, languages: list[str]
) -> list[Verdict | None]:
    """A verdict per dropped block (None for kept blocks), using sections opened by marker lines.

    A marker ("Comments", "Related Articles", "Tags") opens a section that
    lasts until the next kept body block; dropped runs after the body that
    contain vote counts / replies are comment threads.
    """
    runs = short_run_lengths(blocks)
    first_kept = next((i for i, kept in enumerate(keep) if kept), len(blocks))
    verdicts: list[Verdict | None] = []
    zone = ""
    for block, kept in zip(blocks, keep):
        if kept:
            zone = ""
            verdicts.append(None)
            continue
        marker = context.marker_kinds[block.index] if len(context.marker_kinds) > block.index else end_marker_kind(block.text)
        verdict = intrinsic_kind(block, context, runs[block.index], languages[block.index], above_date_lines(blocks, block.index))
        if marker in ("comment", "related", "navigation"):
            zone = marker
        elif verdict.strong and verdict.kind in ("promo", "appeal") and not shape_of(block.text, context).nav:
            zone = verdict.kind
        if zone and not verdict.strong and not (zone in ("promo", "appeal") and shape_of(block.text, context).nav):
            extra = f" ({verdict.reason})" if verdict.reason.startswith("other language") else ""
            verdict = Verdict(zone, f"inside {_ZONE_LABELS[zone]}{extra}", False)
        elif not verdict.strong and context.title_index < block.index < first_kept:
            verdict = _header_verdict(block, verdict, first_kept)
        verdicts.append(verdict)
    _mark_comment_threads(blocks, keep, verdicts)
    return verdicts


_ZONE_LABELS = {
    "comment": "reader comments",
    "related": "related-stories list",
    "navigation": "tags/share section",
    "promo": "subscription/advertising block",
    "appeal": "donation appeal",
}


def _header_verdict(block: Block, verdict: Verdict, first_kept: int) -> Verdict:
    """Between the headline and the first paragraph: standfirst, dateline, or image alt text."""
    if block.n_words >= 8:
        return Verdict("metadata", "standfirst (summary under the headline)", False)
    if block.index == first_kept - 1 and block.text.isupper():
        return Verdict("metadata", "dateline (place name)", False)
    return verdict


def _mark_comment_threads(blocks: list[Block], keep: list[bool], verdicts: list[Verdict | None]) -> None:
    """Dropped prose after the article in a run that holds vote counts or @replies is a comment thread."""
    last_kept = max((i for i, kept in enumerate(keep) if kept), default=-1)
    index = last_kept + 1
    while index < len(blocks):
        end = index
        while end < len(blocks) and not keep[end]:
            end += 1
        shapes = [i for i in range(index, end) if verdicts[i] and verdicts[i].kind == "comment" and verdicts[i].strong]
        if shapes:
            first = min(shapes)
            # The thread starts after the last strong non-comment line before the first comment shape.
            start = index
            for i in range(index, first):
                if verdicts[i] and verdicts[i].strong and verdicts[i].kind != "comment":
                    start = i + 1
            for i in range(start, end):
                verdict = verdicts[i]
                # Lines already placed in another section ("Most Read" list) keep it.
                if verdict and not verdict.strong and not verdict.reason.startswith("inside "):
                    verdicts[i] = Verdict("comment", "inside reader comments", False)
        index = end + 1
