"""Pasted page text (select-all + copy, saved .txt) -> article paragraphs + audit.

One learned scorer per line (lib/ingest/extract/scorer.py, weights tuned on the dev
set by tools/train_cleaner.py) over general signals (lib/ingest/extract/signals.py):
length, sentence shape, menu runs, repetition, position relative to the
headline and the prose core, language switches, comment/promo/appeal/legal
phrasing. Every dropped line is in `removed` with a kind and a reason.

Conventions (kept consistent on purpose):
- The title is the headline line (headline-shaped, just above the prose, and
  sharing its words); it is never repeated as a paragraph, and its repeats are
  dropped as `metadata` ("headline repeated"). A cookie-consent notice, a
  breadcrumb, the site's tagline under its name line and a photo caption are
  never the title; short lines over the article's date line (the site's or the
  author's name) are never its first paragraph.
- A standfirst/dek under the headline stays the first body paragraph when the
  scorer reads it as article prose (a full sentence) and the article's
  byline/date lines do not sit between it and the next paragraph; otherwise it
  is dropped (the article starts under its date lines).
- Lists of other stories are never body nor title, their dates never the
  article's: teasers (headline + one paragraph) when one of them is this
  article's own, printed again where the article starts; headlines each with
  a date line at a fixed step (a "More stories" list). Both are `related`.
- Section subheads inside the article ("Preparing for a 'Busy Year'") stay IN
  the body, in place, when both nearest kept neighbours are prose paragraphs
  and the line is not furniture by its own shape (readers and the benchmark's
  reference bodies keep them; downstream they become short "sentences").
- Short lines whose own shape says furniture (date stamp, byline, caption,
  copyright, vote count, menu/share label, "Related:" heading) are never body,
  whatever the scorer says: a veto for faithfulness.
- One non-empty input line is one block/paragraph; nothing inside a line is
  rewritten except runs of whitespace.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lib.core.models import RemovedBlock
from lib.ingest.extract import Extraction
from lib.ingest.extract import signals as sig
from lib.ingest.extract.blocks import (
    barrier_of,
    block_features,
    block_language,
    build_context,
    end_marker_kind,
    is_breadcrumb,
    shape_of,
    split_blocks,
)
from lib.ingest.extract.kinds import Verdict, classify_removed
from lib.ingest.extract.scorer import block_probabilities, load_weights, select_body

# A pasted web page has a few hundred lines (the longest of the 88 dev pages: 398). Past
# this many it is not one page, and reading it would only cost time: every step below is
# linear, but at ~40 microseconds a line a 20 MB paste of 2-byte lines would take minutes.
MAX_PAGE_LINES = 100_000


def count_page_lines(text: str) -> int:
    """Number of non-blank lines, counted without building any per-line record."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return sum(map(bool, map(str.strip, lines)))


def clean_page_text(text: str, known_boilerplate: frozenset[str] = frozenset()) -> Extraction:
    """Article title and paragraphs of pasted page text; every other line is in `removed`, in page order.

    `known_boilerplate` (optional): lines known to recur on other pages of the
    same site (e.g. from the stored corpus); they are a strong furniture signal.
    Work is linear in the number of lines; a text of more than MAX_PAGE_LINES
    non-blank lines is not read as a page (nothing kept, `notes` says why).
    """
    n_lines = count_page_lines(text)
    if n_lines > MAX_PAGE_LINES:
        return Extraction(title="", paragraphs=(), removed=(), notes=(too_many_lines_note(n_lines),))
    blocks = split_blocks(text)
    if not blocks:
        return Extraction(title="", paragraphs=(), removed=(), notes=("the text is empty",))
    context = build_context(blocks, corpus_repeated=frozenset(known_boilerplate))
    weights = load_weights()
    probabilities = block_probabilities(block_features(blocks, context), weights)
    story_lists: set[int] = set()
    keep, title_index = decide_body(blocks, context, probabilities, weights, story_lists)
    if title_index >= 0 and _is_the_sites_name(blocks, title_index):
        title_index = -1  # a page that prints no headline is not titled with its site's name
    languages = [
        _language_if_other(block, context) if not keep[block.index] else "" for block in blocks
    ]
    verdicts = classify_removed(blocks, keep, context, languages)
    verdicts = [
        # Every line of a list of other stories, its dates included, is the list's: never the article's date.
        Verdict("related", "item of a list of other stories (teasers or dated headlines)", True)
        if index in story_lists and verdict is not None else verdict
        for index, verdict in enumerate(verdicts)
    ]
    paragraphs = tuple(block.text for block in blocks if keep[block.index])
    removed = tuple(
        RemovedBlock(kind=verdict.kind, text=block.text, reason=verdict.reason)
        for block, verdict in zip(blocks, verdicts)
        if verdict is not None and block.index != title_index
    )
    zones = _zones(blocks, keep, title_index)
    removed_zones = tuple(
        zones[block.index]
        for block, verdict in zip(blocks, verdicts)
        if verdict is not None and block.index != title_index
    )
    headline = _unglued_headline(blocks, title_index) if title_index >= 0 else ""
    notes = []
    if not paragraphs:
        notes.append("no line of the text reads like article prose; nothing was kept")
    return Extraction(
        title=shown_title(headline) if headline else "",
        paragraphs=paragraphs,
        removed=removed,
        notes=tuple(notes),
        zones=removed_zones,
    )


def _zones(blocks, keep: list[bool], title_index: int) -> list[str]:
    """Per block: "top" (above the headline), "head" (headline to body), "inside" the body, "foot" after it."""
    kept = [block.index for block in blocks if keep[block.index]]
    first, last = (kept[0], kept[-1]) if kept else (len(blocks), len(blocks))
    zones = []
    for block in blocks:
        index = block.index
        if index > last:
            zones.append("foot")
        elif index > first:
            zones.append("inside")
        elif title_index >= 0 and index > title_index:
            zones.append("head")
        else:
            zones.append("top")
    return zones


def too_many_lines_note(n_lines: int) -> str:
    return (
        f"the text has {n_lines:,} lines, more than the {MAX_PAGE_LINES:,} one web page can have; "
        "it was not read as an article"
    )


def decide_body(
    blocks, context, probabilities: list[float], weights, story_lists: set[int] | None = None
) -> tuple[list[bool], int]:
    """Keep flag per block and the title's block index (-1 if none), from the scorer's probabilities.

    Shared by `clean_page_text` and the trainer (tools/train_cleaner.py), so
    the cross-validated figure is the figure of the shipped decoder. `story_lists`, when given,
    receives the lines found to be items of a list of other stories (teasers, dated headlines).
    """
    barriers = [barrier_of(b, context) for b in blocks]
    keep, _span = select_body(
        probabilities, [b.n_chars for b in blocks], weights, exclude=context.title_index, barriers=barriers
    )
    title_index = context.title_index
    dropped_before: set[str] = set()
    for block in blocks:
        if not keep[block.index]:
            dropped_before.add(block.text)
        elif block.n_words >= 8 and block.text in dropped_before:
            # The same long line already dropped above (a standfirst or caption shown twice) is not body either.
            keep[block.index] = False
    for block in blocks:
        if keep[block.index] and (
            block.text == context.title or shape_of(block.text, context).dateline or _is_furniture_shaped(block, context)
        ):
            keep[block.index] = False
    _drop_head_lines_over_the_date(blocks, keep)
    _drop_standfirst_over_the_date(blocks, keep)
    teasers = _drop_teasers_of_the_article(blocks, keep)
    _drop_letterless_opening(blocks, keep)
    listed = dated_list_lines(blocks)
    for index in listed:
        keep[index] = False  # an item of a list of stories, each with its date, is no paragraph
    if story_lists is not None:
        story_lists.update(teasers, listed)
    # Section subheads between kept paragraphs are part of the article (readers and the
    # benchmark's reference bodies keep them); furniture-shaped short lines are not.
    subheads = [b.index for b in blocks if not keep[b.index] and _is_subhead(b, keep, blocks, context.strengths) and _plain_heading(b, context)]
    for index in subheads:
        keep[index] = True
    if title_index >= 0 and (sig.is_share_row(blocks[title_index].text) or sig.is_consent_notice(blocks[title_index].text)):
        # A row of share buttons or a cookie-consent notice is never the title: the strict headline is.
        from lib.ingest.extract.blocks import find_headline

        title_index = find_headline(blocks, context.core_start, context.core_end, context.line_counts, strict=True)
    _drop_trailing_signature(blocks, keep)
    _keep_cut_off_last_paragraph(blocks, keep, context)
    if not any(keep[b.index] and b.n_words >= 6 for b in blocks):
        # Only menu-sized lines survived: that is not an article, keep nothing (and say so below).
        keep = [False] * len(blocks)
    title_index = _headline_by_date_block(blocks, keep, title_index, listed)
    title_index = _past_a_repeated_menu_label(blocks, keep, title_index, context.line_counts)
    if title_index < 0:
        # No headline-shaped line before the prose: fall back to the first short line before the first paragraph.
        first_kept = next((i for i, kept in enumerate(keep) if kept), len(blocks))
        title_index = next(
            (
                b.index
                for b in blocks[:first_kept]
                if sig.is_heading_like(b.text)
                and b.n_words >= 3
                # a date stamp, a byline, a menu label or a row of share buttons is never the title
                and not (
                    sig.is_date_line(b.text) or sig.is_byline(b.text) or sig.is_nav_word(b.text) or sig.is_share_row(b.text)
                    or sig.is_consent_notice(b.text) or is_breadcrumb(b.text) or b.menu_row
                )
            ),
            -1,
        )
    title_index = _headline_over_a_weak_pick(blocks, keep, title_index, context.line_counts, listed)
    return keep, title_index


_ARTICLE_HEAD_REACH = 40  # lines above the first body paragraph where the headline may sit (past a related list)
_TITLE_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[-–—]\s+")


def headline_candidate(block) -> bool:
    """A line that can be a headline by its own shape: 4-20 words (a CJK line of 8-60 characters), no
    full stop at its end (a standfirst sentence; a headline may ask or exclaim), no date, byline, menu
    label, share row, cookie notice, breadcrumb, caption or address, and not two sentences."""
    text = block.text.strip()
    cjk = sig.cjk_ratio(text) > 0.5
    long_enough = 8 <= block.n_chars <= 60 if cjk else 4 <= block.n_words <= 20
    return (
        long_enough
        and not re.search(r"[.。:：,;]$", text)
        and not (
            sig.is_date_line(text) or sig.is_byline(text) or sig.is_nav_word(text) or sig.is_share_row(text)
            or sig.is_consent_notice(text) or is_breadcrumb(text) or block.menu_row or sig.is_caption(text)
            or sig.has_url(text) or _SENTENCE_THEN_SENTENCE.search(text)
        )
    )


# A sentence's end, then another sentence: the word before a full stop has four letters or more, so
# an abbreviation inside a headline ("Rep. Jane Harlow", "Gov. Smith", "U.S. Army") is no break.
_SENTENCE_THEN_SENTENCE = re.compile(r"(?:[^\W\d_]{4,}\.|\w[!?。！？])\s+[\"“‘']?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ]\w*\s+\w")


def echoed_as_title(text: str, page_lines) -> bool:
    """Another line of the page prints this line as one part of a browser-title-like line: "Section |
    Headline", "Headline | Site", "Headline - Site" (a print header, a share text, a section label
    glued to it)."""
    folded = text.strip().casefold()
    for line in page_lines:
        if line.strip().casefold() == folded or folded not in line.casefold():
            continue
        parts = [part.strip().casefold() for part in _TITLE_SEPARATOR.split(line) if part.strip()]
        if len(parts) >= 2 and folded in parts:
            return True
    return False


_ECHO_REACH = 3  # lines from the pick where the headline its page echoes as "Section | Headline" may sit


def _headline_over_a_weak_pick(blocks, keep: list[bool], current: int, line_counts, listed: frozenset = frozenset()) -> int:
    """The pick gives way to a line the page itself shows to be its headline, in four cases:

    * a pick glued to a label ("Opinion|Headline") whose headline part the page prints as a line of its
      own: that line (taken out of the body if the scorer kept it);
    * a headline-shaped line within three lines of the pick that the page prints again as one part of a
      title-like line ("Opinion|Headline", "Headline | Site"), when the pick is printed so nowhere (a
      standfirst under the headline);
    * a pick that is a name under a byline, right over the date line (`_name_over_the_date_line`): the
      headline-length line just above it that shares three content words with the article;
    * no pick, or a pick that shares at most one content word with the article's opening paragraphs and
      is weak by shape (a label of three words at most, a line printed twice, a line sharing under a
      quarter of its words: a menu item, a section label, the site's tagline): the headline-shaped line
      nearer the article sharing the most content words with it, two or more and half its own or more.

    Unchanged otherwise: a pick the article's words do not contradict stands. Only lines of the 40
    above the first paragraph are looked at, so the work per page is bounded."""
    first_kept = next((b.index for b in blocks if keep[b.index]), -1)
    if first_kept <= 0:
        return current
    core_tokens = sig.content_tokens(" ".join(b.text for b in blocks[first_kept : first_kept + 12] if keep[b.index]))
    head = [
        index for index in range(max(0, first_kept - _ARTICLE_HEAD_REACH), first_kept)
        if index != current and not keep[index] and index not in listed and headline_candidate(blocks[index])
    ]
    if current >= 0:
        page_lines = [block.text for block in blocks]
        parts = {part.strip().casefold() for part in _TITLE_SEPARATOR.split(blocks[current].text)}
        alone = [
            index for index in [*head, first_kept]
            if len(parts) >= 2 and headline_candidate(blocks[index]) and blocks[index].text.strip().casefold() in parts
        ]
        if alone:
            # "Opinion|Headline" picked, the headline printed alone below it: the line of its own, never
            # a paragraph of the article (the scorer may have kept it as the body's first line).
            chosen = min(alone, key=lambda index: abs(index - current))
            keep[chosen] = False
            return chosen
        if not echoed_as_title(blocks[current].text, page_lines):
            echoed = [
                index for index in head
                if abs(index - current) <= _ECHO_REACH and _shared_words(blocks[index], core_tokens)[0] >= 1
                and echoed_as_title(blocks[index].text, page_lines)
            ]
            if echoed:
                return min(echoed, key=lambda index: abs(index - current))
    if current >= 0 and _name_over_the_date_line(blocks, current):
        # "Jane Doe" / "Harbour Times" / "Published 10:02 AM Nov 19, 2019": the byline's newsroom, not the
        # headline, which is the headline-length line just above that shares the article's words.
        above = [
            index for index in head
            if current - _ECHO_REACH - 1 <= index < current and blocks[index].n_words >= 5
            and _shared_words(blocks[index], core_tokens)[0] >= _TIED_WORDS
        ]
        if above:
            return max(above)
    if current >= 0:
        shared, share = _shared_words(blocks[current], core_tokens)
        weak_shape = blocks[current].n_words <= 3 or line_counts[blocks[current].text] >= 2 or share < 0.25
        if shared > 1 or not weak_shape:
            return current
    nearer = [index for index in head if index > current]
    scored = [(index, *_shared_words(blocks[index], core_tokens)) for index in nearer]
    strong = [(index, shared, share) for index, shared, share in scored if shared >= 2 and share >= 0.5]
    if not strong:
        return current
    return max(strong, key=lambda item: (item[1], item[2], item[0]))[0]


def _name_shaped(text: str) -> bool:
    """Two to six capitalised words ("and", "&" and initials allowed), no digit, no closing punctuation:
    a person's or a newsroom's name ("Jane Doe and John J. Roe", "Marcus De GuzmanView More Articles")."""
    words = text.split()
    return 2 <= len(words) <= 6 and not re.search(r"\d|[.!?:;,。]$", text) and all(
        _NAME_WORD.match(word) or word in ("and", "&") or re.fullmatch(r"[A-Z]\.", word) for word in words
    )


def _headline_over_the_name(blocks, upper: int, name_line: int, found) -> bool:
    """`upper`, found right over a name line with a headline-shaped line right under it, is the headline
    and that line its standfirst when the two would stack as headline and second deck (`_stacked_headline`:
    the upper as long or longer) and the upper heads no list of headlines (the line over it is not one)."""
    lower = [index for index, _distance in found if index == name_line + 1]
    return (
        upper == name_line - 1
        and bool(lower)
        and _stacked_headline(blocks[upper], blocks[lower[0]])
        and not (upper > 0 and _headline_like_line(blocks[upper - 1]))
        and not _site_name_line(blocks, upper)
    )


def _name_over_the_date_line(blocks, index: int) -> bool:
    """The line is a name of two to six capitalised words ("and", "&" and initials allowed; no digit,
    no closing punctuation) right above the article's date line, under another such name line (the
    byline "Jane Doe and John J. Roe"): the authors' newsroom or the site's name."""
    return (
        0 < index < len(blocks) - 1
        and sig.is_date_line(blocks[index + 1].text)
        and _name_shaped(blocks[index].text)
        and _name_shaped(blocks[index - 1].text)
    )


def _past_a_repeated_menu_label(blocks, keep: list[bool], current: int, line_counts) -> int:
    """A title of four words at most that the page prints twice or more, between short lines ("Work
    with us" in the header and the footer menus), is a menu label: the headline is the nearest line of headline length (5-18
    words, heading-shaped, sharing words with the article) in the lines above the first paragraph.
    Unchanged when there is none."""
    if current < 0 or blocks[current].n_words > 4 or line_counts[blocks[current].text] < 2:
        return current
    neighbours = [blocks[i] for i in (current - 1, current + 1) if 0 <= i < len(blocks)]
    if not all(block.n_words <= 4 for block in neighbours):
        return current  # a short headline printed twice, not an item of a menu of short labels
    first_kept = next((b.index for b in blocks if keep[b.index]), -1)
    if first_kept <= 0:
        return current
    core_tokens = sig.content_tokens(" ".join(b.text for b in blocks[first_kept : first_kept + 12] if keep[b.index]))
    for index in range(first_kept - 1, max(-1, first_kept - 1 - _DATE_BLOCK_REACH), -1):
        block = blocks[index]
        if (
            not keep[index]
            and _headline_length_tier(block) == 0
            and sig.is_heading_like(block.text)
            and not (sig.is_date_line(block.text) or sig.is_byline(block.text) or block.menu_row)
            and len(sig.content_tokens(block.text) & core_tokens) >= 2
        ):
            return index
    return current


_DATE_BLOCK_REACH = 12  # lines above the first body paragraph where date/byline lines may sit
_HEADLINE_WALK = 7  # lines read on each side of a date/byline line
_HEADLINE_RUN = 4  # headline-shaped lines collected on each side


_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ][\w'’.-]*|de|van|von|der|da|di|la|le|bin|al)$")


_HEAD_LINE_WORDS = 6  # a site's name or an author's name over the date line, not a paragraph
_HEAD_LINES = 3


def _drop_head_lines_over_the_date(blocks, keep: list[bool]) -> None:
    """Short lines the body would open with, right above a date or byline line that opens the page's
    article ("Gazzetta del Lago" / "14 marzo 2024" under the headline), are the headline's furniture
    (the site's or the author's name), not the article's first paragraphs: the article starts after
    its date line. Up to three lines of six words at most, none ending like a sentence."""
    kept = [block.index for block in blocks if keep[block.index]]
    if not kept:
        return
    run = []
    for index in kept[:_HEAD_LINES]:
        block = blocks[index]
        if block.n_words > _HEAD_LINE_WORDS or sig.ends_like_sentence(block.text) or (run and index != run[-1] + 1):
            break
        run.append(index)
    if not run:
        return
    after = run[-1] + 1
    if after < len(blocks) and not keep[after] and (sig.is_date_line(blocks[after].text) or sig.is_byline(blocks[after].text)):
        if any(keep[block.index] and block.n_words >= 8 for block in blocks[after + 1 :]):
            for index in run:
                keep[index] = False


_STANDFIRST_WORDS = 45  # a standfirst is one or two sentences; a longer first paragraph is the article's lead
_STANDFIRST_GAP = 4  # lines between a standfirst and the article's first paragraph (byline, date, photo caption)


def _head_meta_line(text: str) -> bool:
    """A date, byline or post-meta line, the lines news pages set between the headline and the article."""
    return sig.is_date_line(text) or sig.is_byline(text) or _post_meta_line(text)


def _drop_standfirst_over_the_date(blocks, keep: list[bool]) -> None:
    """The summary a page sets right under its headline and above its byline/date lines (headline /
    "NASA's sights are set on ..." / "by Jane Doe" / "19 Nov 2019") is the standfirst, not the article's
    first paragraph: the article starts under its date lines. Dropped only when the body's first kept
    line sits right under a headline-shaped line, is one or two sentences of at most 45 words, and the
    lines between it and the next kept paragraph (at most four, none kept) hold a date or byline line.
    Unchanged otherwise: a lead paragraph printed above the byline with no date line after it stays."""
    kept = [block.index for block in blocks if keep[block.index]]
    if len(kept) < 3:
        return
    first, following = kept[0], kept[1]
    block = blocks[first]
    if first == 0 or keep[first - 1] or not _headline_like_line(blocks[first - 1]):
        return
    if block.n_words > _STANDFIRST_WORDS or sig.sentence_count(block.text) > 2 or not sig.ends_like_sentence(block.text):
        return
    gap = range(first + 1, following)
    if not 1 <= len(gap) <= _STANDFIRST_GAP or not any(_head_meta_line(blocks[index].text) for index in gap):
        return
    if not any(keep[index] and blocks[index].n_words >= 8 for index in kept[1:]):
        return
    keep[first] = False


_DATED_LIST_ITEMS = 3  # items in a row, each with its date line, that make a list of stories
_DATED_LIST_PERIOD = (2, 3)  # lines per item: headline and date, or headline, date and a section label


def _list_item_shaped(block) -> bool:
    """A listed story's headline: at most 25 words, no date, not closed like a sentence (the entries of a
    chronology or a live blog, "10:32 The ferry left the port.", are sentences and stay the scorer's)."""
    return block.n_words <= 25 and not sig.is_date_line(block.text) and not sig.ends_like_sentence(block.text)


def dated_list_lines(blocks) -> frozenset[int]:
    """Lines of a list of stories: three or more items in a row, each its headline and its date line at
    the same place ("LA 2016: Turbocharged Nissan Sentra Nismo unleashed" / "November 16, 2016" /
    "FEATURES", again and again), so date lines recur at a fixed step of two or three lines. The
    headline's own date line stands apart from that rhythm and is never counted. Items are headline-
    shaped (`_list_item_shaped`): a chronology of dated sentences is the article's, not a list."""
    dates = [block.index for block in blocks if block.n_words <= 8 and sig.is_date_line(block.text)]
    listed: set[int] = set()
    start = 0
    while start < len(dates):
        end = start
        step = dates[start + 1] - dates[start] if start + 1 < len(dates) else 0
        while step in _DATED_LIST_PERIOD and end + 1 < len(dates) and dates[end + 1] - dates[end] == step:
            end += 1
        run = dates[start : end + 1]
        # The items' dates share one form ("10 March 2024"): a date line of another length at either end
        # of the run ("Published 12 March 2024" under the headline, one step over the list) is not an item's.
        form = sorted(blocks[index].n_words for index in run)[len(run) // 2]
        while run and blocks[run[0]].n_words != form:
            run = run[1:]
        while run and blocks[run[-1]].n_words != form:
            run = run[:-1]
        if len(run) >= _DATED_LIST_ITEMS:
            items = [index - 1 for index in run]
            if all(_list_item_shaped(blocks[item]) for item in items):
                listed.update(range(items[0], run[-1] + 1))
                label = run[-1] + 1
                if step == 3 and label < len(blocks) and blocks[label].n_words <= 3:
                    listed.add(label)  # the last item's section label
            start = end + 1
        else:
            start += 1
    return frozenset(index for index in listed if index < len(blocks))


def _drop_letterless_opening(blocks, keep: list[bool]) -> None:
    """Kept lines without a single letter before the body's first worded line ("0" of a comment
    counter, "2019" of a date printed over three lines) are counters and stamps, not its opening.
    Lines of figures inside the body (a score table) are left to the scorer."""
    for block in blocks:
        if not keep[block.index]:
            continue
        if any(character.isalpha() for character in block.text):
            return
        keep[block.index] = False


_TEASER_LEAD_WORDS = 12  # a teaser's lead is a sentence of prose; shorter lines are labels or headlines
_TEASER_PAIRS = 3  # headline/paragraph pairs in a row that make a list of teasers
_TEASER_HEAD_REACH = 8  # lines above the article's lead where its headline (with date lines) is printed again


def _teaser_pair(blocks, keep: list[bool], index: int) -> bool:
    """Lines `index` and `index + 1` are a headline and the one paragraph of prose under it."""
    if index < 0 or index + 1 >= len(blocks):
        return False
    head, lead = blocks[index], blocks[index + 1]
    return (
        keep[lead.index]
        and lead.n_words >= _TEASER_LEAD_WORDS
        and headline_candidate(head)
        and not sig.ends_like_sentence(head.text)
    )


_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")


def _teaser_of(teaser: str, paragraph: str) -> bool:
    """The paragraph is the teaser's text in full: the same line, or its start when the teaser is cut
    off with an ellipsis ("… after being deported for either violating visa norms or illegally entering the...")."""
    if teaser == paragraph:
        return True
    cut = _ELLIPSIS_END.sub("", teaser)
    return cut != teaser and len(cut.split()) >= _TEASER_LEAD_WORDS and paragraph.startswith(cut)


def _drop_teasers_of_the_article(blocks, keep: list[bool]) -> range:
    """A list of teasers (headline, then one paragraph; a "Breaking news" ticker) set above the article
    is no part of it. The page shows it is a list: one of its teasers is this article's own headline and
    lead (the lead whole or cut off with an ellipsis), printed again below where the article starts (its
    headline, then its date or byline lines, then its lead, within eight lines), and the list of three
    headline/paragraph pairs or more runs up to that headline. Every kept line of the list, and the
    headline's later copy, are dropped; returns the list's lines (empty when there is none).
    Unchanged otherwise: a subhead and its paragraph printed twice elsewhere (a pull quote) are kept."""
    positions: dict[str, list[int]] = {}
    for block in blocks:
        positions.setdefault(block.text, []).append(block.index)
    for block in blocks:
        if not _teaser_pair(blocks, keep, block.index):
            continue
        lead = blocks[block.index + 1].text
        for again in positions[block.text]:
            if again <= block.index + 1:
                continue
            article_lead = next(
                (
                    index for index in range(again + 1, min(len(blocks), again + 1 + _TEASER_HEAD_REACH))
                    if keep[index] and _teaser_of(lead, blocks[index].text)
                ),
                -1,
            )
            if article_lead < 0:
                continue
            start = block.index
            while _teaser_pair(blocks, keep, start - 2):
                start -= 2
            end = block.index + 1
            while end + 2 < again and _teaser_pair(blocks, keep, end + 1):
                end += 2
            if again - end > 3 or (end - start + 1) // 2 < _TEASER_PAIRS:
                continue  # the pairs are too few or do not run up to the article's headline: not shown to be a list
            if not any(_head_meta_line(blocks[index].text) for index in range(again + 1, article_lead)):
                continue  # no date or byline line between the headline and the lead: not the article's head
            for index in range(start, again + 1):
                keep[index] = False
            return range(start, again)
    return range(0)


def _drop_trailing_signature(blocks, keep: list[bool]) -> None:
    """The author's name signed under the article ("Olena Dmytruk") is a credit, not its last paragraph:
    a kept last line of one to four capitalised words, no digit and no closing punctuation."""
    kept = [block for block in blocks if keep[block.index]]
    if len(kept) < 3:
        return
    last = kept[-1]
    words = last.text.split()
    if (
        1 <= len(words) <= 4
        and all(_NAME_WORD.match(word) for word in words)
        and not re.search(r"\d|[.!?:;。！？]$", last.text)
        and any(block.n_words >= 8 for block in kept[-3:-1])  # under prose, not a list of short items
    ):
        keep[last.index] = False


def _keep_cut_off_last_paragraph(blocks, keep: list[bool], context) -> None:
    """A paste that ends inside the article's last paragraph ("... 1만 5천 명 안팎으로") ends on a
    long line without closing punctuation, which the scorer reads as not prose; right after the
    kept body and last on the page, it is the article's, cut off."""
    kept = [block.index for block in blocks if keep[block.index]]
    if not kept or kept[-1] != len(blocks) - 2:
        return
    last = blocks[-1]
    long_enough = last.n_words >= 12 or (sig.cjk_ratio(last.text) > 0.3 and last.n_chars >= 60)
    if long_enough and not _is_furniture_shaped(last, context) and not sig.has_url(last.text):
        keep[last.index] = True


def _headline_by_date_block(blocks, keep: list[bool], current: int, listed: frozenset = frozenset()) -> int:
    """The headline as pages set it: next to the date/byline lines above the article.

    News pages print the headline just above the "By X / Published ..." lines (past a section
    label, a breadcrumb or a standfirst) or, on some sites, just below them. The headline-shaped
    lines there that share words with the article are the candidates; the scorer's headline
    (`current`) stands when it is one of them and of headline length (5-18 words), unless it sits
    below the date lines and a longer headline-length line sits above them (a page's second, shorter
    headline over the body: "Video shows dramatic rescue of kidnapped girl"; a photo caption). Otherwise the pick is the
    candidate of headline length (5-18 words; a 3-4 word line is more often a kicker, a longer
    one a standfirst), above the date line before below it, nearest first.
    """
    from lib.ingest.extract.blocks import above_date_lines, headline_score

    first_kept = next((b.index for b in blocks if keep[b.index]), -1)
    if first_kept <= 0:
        return current
    core_text = " ".join(b.text for b in blocks[first_kept : first_kept + 12] if keep[b.index])
    core_tokens = sig.content_tokens(core_text)
    anchors = [
        i for i in _lines_above(blocks, first_kept, listed)
        if not keep[i]
        and i not in listed  # a date of a listed story is not the article's
        and (
            (sig.is_date_line(blocks[i].text) and not sig.holds_headline_words(blocks[i].text, core_tokens))
            or sig.is_byline(blocks[i].text)
            or _post_meta_line(blocks[i].text)
        )
    ]

    def shaped(index: int, distance: int = 0) -> bool:
        if keep[index] or index in anchors or index in listed or _tagline(blocks, index, core_tokens):
            return False
        block = blocks[index]
        if distance == 1 and _headline_length_tier(block) == 0 and block.text.endswith("."):
            # Right on top of the date line, a headline may end with a full stop ("They just might be.").
            block = replace(block, text=block.text[:-1])
        return headline_score(block, core_tokens, above_date_lines(blocks, index)) > 0

    def walk(indexes, above: bool) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        name_line = -1  # an author's name line passed on the way up (not a byline anchor: no "By", a link glued)
        name_candidate: tuple[int, int] | None = None  # ... which is a candidate itself unless a headline stands over it
        for distance, index in enumerate(indexes, 1):
            if index in anchors:
                break
            if above and name_line < 0 and found and _name_shaped(blocks[index].text):
                # (looked at first: a name in capitals also scores as a short headline)
                name_line = index
                if shaped(index, distance):
                    name_candidate = (index, distance)
            elif shaped(index, distance if above else 0) and (above or not _two_sentences(blocks[index].text)):
                if name_line >= 0 and _headline_over_the_name(blocks, index, name_line, found):
                    # "Headline" / "Jane Doe" / "Second deck" / date: the headline stands over its author's
                    # name; the headline-shaped line under the name is its standfirst.
                    found = [item for item in found if item[0] < name_line]
                    name_candidate = None
                found.append((index, distance))
                if len(found) >= _HEADLINE_RUN:
                    break
            elif not _skippable_near_headline(blocks[index]):
                break
        if name_candidate is not None:
            found = sorted([*found, name_candidate], key=lambda item: item[1])
        return found

    if not anchors:
        # No date line to anchor on (or one the paste glued out of shape: "Published Wed, Nov 20 20194:29 AM"):
        # a loose pick (a tagline over a long headline) still gives way to the long headline right under it.
        below = {
            index: (2, 1, index - current)
            for index in range(current + 1, min(first_kept, current + 3))
            if current >= 0 and _headline_length_tier(blocks[index]) == 2 and shaped(index)
        }
        return _past_a_loose_line(blocks, below, current, core_tokens) if below else current
    candidates: dict[int, tuple[int, int, int]] = {}
    for anchor in anchors:
        above = walk(range(anchor - 1, max(-1, anchor - 1 - _HEADLINE_WALK), -1), above=True)
        below = walk(range(anchor + 1, min(first_kept, anchor + 1 + _HEADLINE_WALK)), above=False)
        for side, found in ((0, above), (1, below)):
            for index, distance in found:
                key = (_headline_length_tier(blocks[index]), side, distance)
                candidates[index] = min(candidates.get(index, key), key)
    if not any(key[0] == 0 for key in candidates.values()) and not (current >= 0 and _headline_length_tier(blocks[current]) == 0):
        # No line of headline length: a short headline right on top of the date line ("Classificação
        # NASCAR") whose every word the article repeats is the title, before a menu item farther up.
        for anchor in anchors:
            if (
                anchor > 0
                and _short_headline_of(blocks[anchor - 1], core_tokens)
                and not keep[anchor - 1]
                and not _site_name_line(blocks, anchor - 1)
            ):
                return anchor - 1
    if not candidates:
        return current
    chosen = _pick_candidate(blocks, candidates, current)
    return _past_a_loose_line(blocks, candidates, chosen, core_tokens)


_TIED_WORDS = 3  # content words a headline shares with its article's opening paragraphs, to outrank a loose line


def _shared_words(block, core_tokens: set[str]) -> tuple[int, float]:
    """How many content words the line shares with the article's opening paragraphs, and what share of its own."""
    own = sig.content_tokens(block.text)
    common = len(own & core_tokens)
    return common, (common / len(own) if own else 0.0)


def _tagline(blocks, index: int, core_tokens: set[str]) -> bool:
    """The line right under the site's name line ("Harbour Ledger" / "Independent news and views since
    1998") that shares at most one word with the article: the site's tagline, never its headline."""
    return index > 0 and _site_name_line(blocks, index - 1) and _shared_words(blocks[index], core_tokens)[0] <= 1


def _past_a_loose_line(blocks, candidates: dict[int, tuple], chosen: int, core_tokens: set[str]) -> int:
    """A pick that shares at most one word with the article (a tagline, "Independent news since 1998";
    a list's heading; a related headline) gives way to a candidate longer than a headline that shares
    three words or more and half its words with it, and does not end like a sentence (a long headline,
    "Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand ...")."""

    def shared(index: int) -> tuple[int, float]:
        return _shared_words(blocks[index], core_tokens)

    if chosen < 0 or shared(chosen)[0] > 1:
        return chosen
    tied = [
        index
        for index, key in candidates.items()
        if key[0] == 2
        and blocks[index].n_words <= 30
        and not re.search(r"[.!?。]$", blocks[index].text)
        and shared(index)[0] >= _TIED_WORDS
        and shared(index)[1] >= 0.5
    ]
    return min(tied, key=lambda index: candidates[index]) if tied else chosen


def _pick_candidate(blocks, candidates: dict[int, tuple], current: int) -> int:
    """The headline among the candidates by the date lines (see `_headline_by_date_block`)."""
    above_the_date = current in candidates and any(
        key[:2] == (0, 0)
        and blocks[index].n_words > blocks[current].n_words
        and not re.search(r"[.!?。]$", blocks[index].text)  # a standfirst sentence, not a headline
        for index, key in candidates.items()
    )
    if current in candidates and candidates[current][0] == 0 and (candidates[current][1] == 0 or not above_the_date):
        upper = current - 1
        if (
            candidates[current][1] == 0
            and upper in candidates
            and _stacked_headline(blocks[upper], blocks[current])
            and not (upper > 0 and _headline_like_line(blocks[upper - 1]))  # a list of related headlines, not a headline and its deck
            and not _site_name_line(blocks, upper)
        ):
            return upper  # the headline over its second deck ("Daily Deals: More ... and More" / "Black Friday is Next Week")
        return current
    return min(candidates, key=lambda index: candidates[index])


def _two_sentences(text: str) -> bool:
    """The line holds a sentence's end followed by another sentence ("… reviews here! Check them out
    below"): the article's opening under the date lines, not a headline printed there."""
    return bool(re.search(r"\w[.!?。！？]\s+[\"“‘']?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ]\w*\s+\w", text))


def _post_meta_line(text: str) -> bool:
    """A blog post's meta row opening with its date: "October 12, 2018/0 Comments/in News /by admin",
    "March 3, 2019 | 4 Comments | by Anna" (the date first, then comments, category or author)."""
    parts = re.split(r"\s*[/|·•]\s*", text.strip(), maxsplit=1)
    return (
        len(parts) == 2
        and len(text.split()) <= 16
        and sig.is_date_line(parts[0])
        and bool(re.search(r"(?i)\b(?:\d+\s+comments?|comments?|no comments|by|posted in|in)\b", parts[1]))
    )


_BREADCRUMB_REACH = 6  # lines below a breadcrumb-glued headline where the page prints it again


def _unglued_headline(blocks, title_index: int) -> str:
    """The headline line without a breadcrumb glued before it: "Home Natural & Eco-FriendlyBabywearing
    Hiking the Boulder Flat Irons" -> "Hiking the Boulder Flat Irons" when a line just below starts with its
    last four words or more (the page prints the headline again above its byline). Unchanged otherwise."""
    text = blocks[title_index].text
    words = text.split()
    below = [block for block in blocks[title_index + 1 : title_index + 1 + _SHARE_PANEL_REACH] if not _share_button(block.text)]
    for block in below[:_BREADCRUMB_REACH]:  # (the buttons of a share panel are not counted)
        for start in range(1, len(words) - 3):  # the longest tail of four words or more first
            tail = " ".join(words[start:])
            if block.text == tail or block.text.startswith(tail + " "):
                return tail
    return text


_SHARE_PANEL_REACH = 40  # at most this many lines of a share panel are looked past
_SHARE_TARGET = re.compile(
    r"(?i)^(?:facebook|twitter|x|messenger|whatsapp|linkedin|pinterest|reddit|telegram|email|e-mail|flipboard|tumblr|"
    r"line|kakaotalk|vk|weibo|wechat|copy link|share)$"
)


def _share_button(text: str) -> bool:
    """A share panel's row or button ("Share this with Twitter", "Messenger")."""
    return sig.is_share_row(text.strip()) or bool(_SHARE_TARGET.match(text.strip()))


def _lines_above(blocks, first_kept: int, listed: frozenset = frozenset()) -> list[int]:
    """The _DATE_BLOCK_REACH lines above the first body paragraph, not counting the buttons of a
    share panel ("Share this with Twitter", "Messenger") or the lines of a list of dated stories
    (`listed`), which can fill more lines than the reach (at most _SHARE_PANEL_REACH lines in all)."""
    found = []
    counted = 0
    for index in range(first_kept - 1, max(-1, first_kept - 1 - _SHARE_PANEL_REACH), -1):
        found.append(index)
        if index not in listed and not _share_button(blocks[index].text):
            counted += 1
            if counted >= _DATE_BLOCK_REACH:
                break
    return found


def _headline_like_line(block) -> bool:
    """A line of headline shape and length (5+ words, or a CJK line of 8+ characters, no closing full stop)."""
    long_enough = block.n_words >= 5 or (sig.cjk_ratio(block.text) > 0.5 and block.n_chars >= 8)
    return long_enough and sig.is_heading_like(block.text) and not re.search(r"[.。]$", block.text)


def _short_headline_of(block, core_tokens: set[str]) -> bool:
    """A two-to-four-word heading line ("Classificação NASCAR") that is no menu label, date or
    byline, and whose content words all occur in the article's first paragraphs."""
    own = sig.content_tokens(block.text)
    return (
        2 <= block.n_words <= 4
        and sig.is_heading_like(block.text)
        and not (sig.is_nav_word(block.text) or sig.is_date_line(block.text) or sig.is_byline(block.text) or block.menu_row)
        and len(own) >= 2
        and own <= core_tokens
    )


_COPYRIGHT_MARK = re.compile(r"(?i)©|ⓒ|\(c\)\s*(?:19|20)\d{2}|copyright")


def _site_name_line(blocks, index: int) -> bool:
    """The line is the site's name as the page prints it: its first line past buttons and dates when
    that is of a name's length (five words at most: a paste that starts at the headline opens with
    the headline), or a line its copyright line holds."""
    first = next((block.index for block in blocks[:8] if not (sig.is_nav_word(block.text) or sig.is_date_line(block.text))), -1)
    if index == first and blocks[index].n_words <= 5:
        return True
    title = blocks[index].text.strip().casefold()
    return any(block.index != index and _COPYRIGHT_MARK.search(block.text) and title in block.text.casefold() for block in blocks)


def _is_the_sites_name(blocks, index: int) -> bool:
    """The picked line is the site's name: five words at most, and the page's copyright line holds
    it ("City Budget Watch" over a page whose footer says "© 2019 City Budget Watch")."""
    title = blocks[index].text.strip()
    if not title or len(title.split()) > 5:
        return False
    return any(
        block.index != index and _COPYRIGHT_MARK.search(block.text) and title.casefold() in block.text.casefold()
        for block in blocks
    )


def _stacked_headline(upper, lower) -> bool:
    """Two headline-shaped lines stacked above the date lines: the upper one is the headline and
    the lower one its second deck when the upper is as long or longer (a kicker or a section label
    above a headline is shorter) and is no sentence; a headline may run past 18 words."""
    if sig.cjk_ratio(upper.text) > 0.5 or sig.cjk_ratio(lower.text) > 0.5:
        return False
    return (
        upper.n_words >= 5
        and upper.n_words <= 30
        # A topic banner, kicker or section label over a headline ("Live coverage of the earthquake in
        # the region") is shorter than the headline; a headline is as long as its second deck or longer.
        and upper.n_words >= lower.n_words
        and not re.search(r"[.!?。]$", upper.text)
        and lower.text not in upper.text  # "HomeSPORT NEWSBREAKING NEWS: X" over "BREAKING NEWS: X": a breadcrumb glued to it
    )


_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _headline_length_tier(block) -> int:
    """0: headline length; 1: three or four words (often a kicker); 2: longer than a headline (a standfirst)."""
    if sig.cjk_ratio(block.text) > 0.5:
        if len(_THAI.findall(block.text)) > 0.5 * block.n_chars:
            # Thai spells a word in ~5 letters: a section label ("ต่างประเทศ") is 10, a headline 20 or more.
            return 0 if 20 <= block.n_chars <= 120 else (1 if block.n_chars < 20 else 2)
        return 0 if 8 <= block.n_chars <= 60 else 2
    if 5 <= block.n_words <= 18:
        return 0
    return 1 if block.n_words < 5 else 2


def _skippable_near_headline(block) -> bool:
    """A kicker/section label or a credit (up to four words: "Editorial", "Detroit News wire services"),
    a breadcrumb, a standfirst sentence, a share row, a photo's caption (pages set the photo between
    the headline and the date lines)."""
    text = block.text
    return (
        block.n_words <= 4
        or sig.separator_count(text) >= 2
        or sig.is_share_row(text)
        or sig.is_caption(text)
        or (block.n_words >= 8 and sig.ends_like_sentence(text))
    )


_ICON_LIGATURE = re.compile(r"(?:^|\s)[a-z]+(?:_[a-z]+)+(?=\s|$)")


def shown_title(text: str) -> str:
    """The headline without the site and section names a page prints on the same line
    ("Classificação NASCAR | Autoracing | F1 | Indy"): the first part when the others are short names."""
    # An icon font's ligature copied with the line ("chevron_left", "arrow_forward") is no word of it.
    text = _ICON_LIGATURE.sub("", text).strip() or text
    parts = [part.strip() for part in re.split(r"\s+[|｜]\s+", text) if part.strip()]
    if len(parts) > 1 and all(len(part.split()) <= 3 for part in parts[1:]) and len(parts[0].split()) >= 2:
        return parts[0]
    return text


# A line that opens with the copyright sign and a year is the page's legal notice, never reporting.
_COPYRIGHT_OPENING = re.compile(r"^(?:Copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d{2}\b", re.IGNORECASE)


def _is_furniture_shaped(block, context) -> bool:
    """A short line whose own shape says furniture (date stamp, byline, caption, copyright, vote count...).

    A veto over the scorer: faithful bodies never show such a line as reporting.
    Long lines are left to the scorer, as a paragraph may quote a date or a credit.
    """
    from lib.ingest.extract.kinds import intrinsic_kind

    if _COPYRIGHT_OPENING.match(block.text):
        return True  # "© 2019 Beachbody, LLC. All rights reserved. Beachbody, LLC is the owner of ...", however long
    if block.n_words > 25:
        return False
    if shape_of(block.text, context).nav or end_marker_kind(block.text):
        return True  # "Share this article", "Related:", "Comments": labels, never reporting
    verdict = intrinsic_kind(block, context, 0, "")
    return verdict.strong and not (verdict.kind == "metadata" and verdict.reason == "headline repeated")


def _plain_heading(block, context) -> bool:
    """A heading line that is not furniture by its own shape (menu label, marker, date, credit...)."""
    from lib.ingest.extract.kinds import intrinsic_kind

    if block.text == context.title or end_marker_kind(block.text):
        return False
    verdict = intrinsic_kind(block, context, 0, "")
    return not verdict.strong and verdict.kind != "navigation"


def _is_subhead(block, keep: list[bool], blocks, strengths) -> bool:
    """A short heading-shaped line whose nearest kept neighbours (within 2 lines) are prose paragraphs."""
    if block.n_words > 14 or block.n_words < 2 or not sig.is_heading_like(block.text):
        return False
    index = block.index
    before = next((i for i in range(index - 1, max(-1, index - 3), -1) if keep[i]), None)
    after = next((i for i in range(index + 1, min(len(blocks), index + 3)) if keep[i]), None)
    return (
        before is not None
        and after is not None
        and strengths[before] >= 0.5
        and strengths[after] >= 0.5
    )


def _language_if_other(block, context) -> str:
    from lib.ingest.extract.blocks import other_language

    if other_language(block, context):
        language = block_language(block, context)
        return language if language != "und" else "another script"
    return ""
