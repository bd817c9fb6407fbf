"""Pasted page text -> blocks (one per non-empty line) with their page context and features.

A block is one line of the input, whitespace-normalised. The page context is
computed once: the prose core (the longest coherent run of sentence-like
lines), the headline, the body language and how often each line recurs.
`block_features` gives one numeric vector per block (names in FEATURE_NAMES),
the only input of the learned scorer.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lib.ingest.extract import signals as sig

_INNER_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


@dataclass(frozen=True)
class Block:
    index: int
    text: str
    n_words: int
    n_chars: int
    # The line was a row of short items set apart by wide gaps ("Themen  Ukraine  Russland",
    # "日本語版トップ　北朝鮮　政治"): a pasted menu, whatever its words. Gaps are collapsed in `text`.
    menu_row: bool = False


@dataclass(frozen=True)
class PageContext:
    """Page-level facts every block's features are relative to."""

    title_index: int  # -1 when no headline was found
    title: str
    core_start: int  # first/last block of the prose core (inclusive)
    core_end: int
    body_language: str
    line_counts: Counter  # how often each block text occurs on the page
    corpus_repeated: frozenset  # block texts known to recur on other pages (optional input)
    end_markers: tuple[int, ...]  # indices of "Comments", "Related", "Tags", "©" lines after the core starts
    strengths: tuple[float, ...] = ()  # prose_strength of each block, computed once per page
    # Language of each block text asked about so far: language id is the costliest per-line
    # signal, and several stages ask about the same line (a page-local memo, so a huge
    # paste cannot evict it mid-page the way a bounded global cache would).
    language_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # LineShape of each distinct block text (see `shape_of`).
    shape_memo: dict = field(default_factory=dict, compare=False, repr=False)
    marker_kinds: tuple[str, ...] = ()  # end_marker_kind of each block, computed once per page
    # Blocks that open with the name the page's byline gives its author: the author's bio.
    author_bios: frozenset = frozenset()
    # Links listed in a "Read more" box inside the article (the box's heading does not end it).
    box_links: frozenset = frozenset()
    summary_items: frozenset = frozenset()  # bullets of a "Key points" / "AI summary" box (also in box_links)


def shape_of(text: str, context: PageContext | None = None) -> sig.LineShape:
    """All signals of a line, computed once per page (and once per distinct text)."""
    if context is None:
        return sig.line_shape(text)
    memo = context.shape_memo
    shape = memo.get(text)
    if shape is None:
        shape = memo[text] = sig.line_shape(text)
    return shape


def split_blocks(text: str) -> list[Block]:
    """Non-empty lines, with runs of spaces/tabs/nbsp collapsed (the only allowed rewrite).

    Hard-wrapped paragraphs are re-joined: a line that does not end a sentence
    and is followed (with no blank line between) by a line starting in lower
    case, or that ends with a comma/hyphen, continues on the next line.
    """
    lines: list[str | None] = []
    menu_rows: set[str] = set()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _INNER_SPACE.sub(" ", raw).strip()
        lines.append(line or None)  # None marks a blank line: never join across it
        if line and _is_menu_row(raw.strip()):
            menu_rows.add(line)
    # Each merged line is kept as its parts plus the word count so far: re-joining a
    # hard-wrapped paragraph never rescans (or re-copies) the growing line, which made
    # one long wrapped paragraph quadratic.
    merged: list[list[str]] = []
    merged_words: list[int] = []
    previous_open = False
    for line in lines:
        if line is None:
            previous_open = False
            continue
        n_words = len(sig.words(line))
        if previous_open and merged and _continues(merged[-1][-1], merged_words[-1], line, n_words):
            merged[-1].append(line)
            merged_words[-1] += n_words
        else:
            merged.append([line])
            merged_words.append(n_words)
        previous_open = True
    texts = [" ".join(parts) for parts in merged]
    return [Block(index, text, sig.word_count(text), len(text), text in menu_rows) for index, text in enumerate(texts)]


_WIDE_GAP = re.compile(r"\t|  +|\u3000|\u00a0\u00a0")
_PIPE = re.compile(r"\s[|｜]\s")


def _is_menu_row(raw_line: str) -> bool:
    """Three or more short items set apart by tabs, double or ideographic spaces, or all short between pipes.

    (A headline may carry its site and section after pipes, "Classificação NASCAR | Autoracing | F1":
    a menu row has no long item.)
    """
    items = [item.strip() for item in _WIDE_GAP.split(raw_line) if item.strip()]
    if len(items) >= 3 and sorted(len(item) for item in items)[len(items) // 2] <= 10:
        return True
    items = [item.strip() for item in _PIPE.split(raw_line) if item.strip()]
    return len(items) >= 3 and max(len(item) for item in items) <= 15


def _continues(previous_line: str, previous_words: int, line: str, line_words: int) -> bool:
    """Whether `line` continues the paragraph whose last line is `previous_line` (with `previous_words` words so far)."""
    if sig.ends_like_sentence(previous_line) or previous_words < 3:
        return False
    first = line[:1]
    if first.isalpha() and first.islower() and not sig.is_nav_word(line) and not sig.is_site_address(line):
        # A date line opening with a lower-case weekday ("jeudi 14 mars 2024", "четвер, 14 березня 2024")
        # is the line under a headline, not the headline's wrapped end.
        return not (sig.opens_with_weekday(line) and sig.is_date_line(line))
    return previous_line.endswith((",", "-", "–")) and line_words >= 3


def prose_strength(block: Block, context: PageContext | None = None) -> float:
    """0..1: how much a line reads like article prose by shape alone."""
    if context is not None and len(context.strengths) > block.index:
        return context.strengths[block.index]
    return _prose_strength(block.text, block.n_words, block.n_chars)


@lru_cache(maxsize=8192)
def _prose_strength(text: str, n_words: int, n_chars: int) -> float:
    return strength_of_shape(sig.line_shape(text), n_words, n_chars)


def strength_of_shape(shape: sig.LineShape, n_words: int, n_chars: int) -> float:
    """prose_strength from a line's signals and its (script-aware) word count."""
    length = n_words  # script-aware (sig.word_count), so CJK paragraphs are measured fairly
    if length < 6:
        return 0.0
    score = min(1.0, length / 25.0)
    if not shape.ends_sentence:
        score *= 0.4
    if shape.lowercase < 0.35 and shape.cjk < 0.5:
        score *= 0.4
    if shape.comment or shape.copyright:
        score = 0.0
    elif shape.promo or shape.disclaimer or shape.appeal:
        # Cookie notices, subscription pitches and appeals are often long, well-formed
        # prose; they must not pull the prose core away from the article.
        score *= 0.3
    return score


def feed_item_flags(blocks: list[Block]) -> list[bool]:
    """True for lines just after a relative time stamp ("2 hours ago") on pages that show several.

    Several "N hours ago" stamps mean a feed (related teasers, comments); the
    article itself carries at most one stamp, so one alone flags nothing.
    """
    stamps = [block.index for block in blocks if sig.is_relative_time(block.text)]
    flags = [False] * len(blocks)
    if len(stamps) < 2:
        return flags
    for stamp in stamps:
        for index in range(stamp + 1, min(len(blocks), stamp + 5)):
            flags[index] = True
    return flags


def find_core(
    blocks: list[Block],
    strengths: list[float] | None = None,
    marker_kinds: list[str] | None = None,
) -> tuple[int, int]:
    """Inclusive span with the most prose, where non-prose lines cost and prose lines pay (max-sum run).

    Prose that is a feed item (after one of several "N hours ago" stamps) or a
    promo/cookie/appeal text pays less, so longer teasers or notices below a
    short article cannot take the core from it.
    """
    if not blocks:
        return (0, -1)
    values = []
    feed_items = feed_item_flags(blocks)
    if strengths is None:
        strengths = [prose_strength(block) for block in blocks]
    if marker_kinds is None:
        marker_kinds = [end_marker_kind(block.text) for block in blocks]
    for block, in_feed, strength, marker in zip(blocks, feed_items, strengths, marker_kinds):
        if marker:
            # "Comments", "Related", "Tags", "©": the article rarely continues past them.
            # (Discounting all prose after such a heading cost 0.012-0.025 F1 on the dev
            # set: share bars, "@author" handles and inline "Related" boxes look the same.)
            values.append(-150.0)
        elif strength >= 0.5:
            values.append((0.3 if in_feed else 1.0) * strength * min(block.n_chars, 600))
        else:
            values.append(-25.0 - 0.3 * min(block.n_chars, 200))
    return best_run(values)


def best_run(
    values: list[float], barriers: list[bool] | None = None, floor: float = -math.inf, empty: tuple[int, int] = (0, 0)
) -> tuple[int, int]:
    """Inclusive (start, end) of the contiguous run with the largest sum above `floor`
    (Kadane's algorithm, linear); a run never crosses a barrier; `empty` when none beats the floor."""
    best, best_span = floor, empty
    running, start = 0.0, 0
    for index, value in enumerate(values):
        if barriers and barriers[index]:
            running = 0.0
            continue
        if running <= 0:
            running, start = value, index
        else:
            running += value
        if running > best:
            best, best_span = running, (start, index)
    return best_span


_BREADCRUMB_STEP = re.compile(r"\S\s+[>/]\s+\S")


def is_breadcrumb(text: str) -> bool:
    """A trail of the site's sections: "Home > News > World", "Accueil / Monde / Asie"."""
    return len(_BREADCRUMB_STEP.findall(text)) >= 2


def headline_score(block: Block, core_tokens: set[str], above_date_line: bool = False) -> float:
    """How headline-like a line is for an article whose words are `core_tokens`; <= 0 when it is not a headline.
    `above_date_line`: it stands right above the page's date lines (a 【label】 there is its kicker)."""
    return _headline_score(block, core_tokens, 0, 1, strict=True, above_date_line=above_date_line)


def _headline_score(
    block: Block, core_tokens: set[str], distance: int, repeats: int, strict: bool = False, above_date_line: bool = False
) -> float:
    """How much `block` reads as the article's headline (-1: never); `above_date_line`: it stands right
    above the page's date lines (see `sig.is_related_link`)."""
    text = block.text
    if not (3 <= block.n_words <= 30) and not (sig.cjk_ratio(text) > 0.5 and 8 <= block.n_chars <= 80):
        return -1.0
    if text.endswith((".", "。", "．", "｡")) and not text.endswith("..."):
        return -1.0  # a full sentence, not a headline
    if (
        (sig.is_date_line(text) and not (strict and sig.holds_headline_words(text, core_tokens)))
        or (strict and sig.is_consent_notice(text))  # "We value your privacy", "Nous utilisons des cookies ..."
        or (strict and is_breadcrumb(text))  # "Home > News > World", "Accueil / Monde / Asie"
        or sig.is_caption(text)
        or sig.is_copyright(text)
        or sig.is_nav_word(text)
        or sig.is_site_address(text)
        or sig.is_comment_shape(text)
        or sig.is_related_marker(text, above_date_line=above_date_line)
        or sig.is_byline(text)
        or sig.separator_count(text) >= 2
        or sig.has_url(text)
        or (strict and sig.is_share_row(text))
        or re.match(r"\s*(?:[▶►•·*»›◆■→-]|www\.)", text)  # a list item or an address, not a headline
        or block.menu_row
        or (sig.line_shape(text).wire and block.n_words <= 4)  # an agency's name alone is its credit
    ):
        return -1.0
    own = sig.content_tokens(text)
    if not own:
        return -1.0
    overlap = len(own & core_tokens) / len(own)
    if overlap == 0:
        return -1.0  # a headline shares words with its article; a menu or share label does not
    # Headlines are rarely longer than ~18 words; longer lines under them are standfirsts.
    too_long = max(0, block.n_words - 18) * 0.05
    return overlap + 0.3 * (repeats > 1) + 0.25 / (1 + distance / 3.0) + 0.1 * min(block.n_words, 12) / 12 - too_long


_DATE_LINES_REACH = 2  # a byline or a wire credit may stand between the headline and its date line


def above_date_lines(blocks: list[Block], index: int) -> bool:
    """The block stands right above the page's date lines: one of the next `_DATE_LINES_REACH` lines is a date line."""
    return any(sig.is_date_line(block.text) for block in blocks[index + 1 : index + 1 + _DATE_LINES_REACH])


def find_headline(blocks: list[Block], core_start: int, core_end: int, line_counts: Counter, strict: bool = False) -> int:
    """Index of the article's headline: the headline-shaped line before the prose core that shares the most words with it.

    `strict` also rules out rows of share buttons; the cleaner's scorer was trained on the
    non-strict headline, so only the title shown to the reader uses it.
    """
    if not blocks:
        return -1
    core_text = " ".join(block.text for block in blocks[core_start : min(core_end + 1, core_start + 12)])
    core_tokens = sig.content_tokens(core_text)
    best, best_index = 0.15, -1
    scores: dict[int, float] = {}
    for index in range(max(0, core_start - 40), min(core_start + 1, len(blocks))):
        block = blocks[index]
        if index + 1 < len(blocks) and blocks[index + 1].menu_row and block.n_words <= 4:
            scores[index] = -1.0
            continue  # the logo above the site's menu row, not the headline
        score = _headline_score(block, core_tokens, core_start - index, line_counts[block.text], strict, above_date_lines(blocks, index))
        scores[index] = score
        if score > best:
            best, best_index = score, index
    if best_index >= 0 and blocks[best_index].n_words > 18:
        # A long line under a shorter headline-shaped line that shares the story's words is
        # the standfirst; the headline is the short line above it.
        above = [i for i in range(max(0, best_index - 4), best_index) if scores.get(i, -1.0) > 0.15 and blocks[i].n_words <= 18]
        if above:
            best_index = max(above, key=lambda i: scores[i])
    return best_index


_END_MARKER_KINDS = ("comment", "related", "navigation", "credit")


# A colon inside the line ("Tags: a, b", "相关阅读：X") makes it a labelled line, not a closing heading.
_LABELLED = re.compile(r"[:：]")


@lru_cache(maxsize=16384)
def is_barrier(text: str) -> bool:
    """A heading that closes the article ("Comments", "Related Articles", "Tags"): the body span never crosses it."""
    return (
        end_marker_kind(text) in ("comment", "related", "navigation")
        and not sig.is_vote_count(text)
        and not _LABELLED.search(text[:-1])
        and not sig.is_related_link(text)
    )


def barrier_of(block: Block, context: PageContext) -> bool:
    """`is_barrier` of a block of the page, from the page's once-computed signals."""
    if len(context.marker_kinds) > block.index:
        marker = context.marker_kinds[block.index]
        if marker not in ("comment", "related", "navigation"):
            return False
        return not shape_of(block.text, context).vote and not _LABELLED.search(block.text[:-1]) and not sig.is_related_link(block.text)
    return is_barrier(block.text)


@lru_cache(maxsize=16384)
def end_marker_kind(text: str) -> str:
    """Kind of section a short heading line opens ("Comments" -> comment), or ""."""
    if len(text) > 60:
        return ""
    return _marker_of_shape(text, sig.line_shape(text))


_NAVIGATION_HEADING = re.compile(
    r"^(?:tags?|topics?|hashtags|filed under|categories|related tags|share(?: this)?(?: article| story)?)\b", re.IGNORECASE
)


def _marker_of_shape(text: str, shape: sig.LineShape) -> str:
    if len(text) > 60:
        return ""
    if shape.related and not sig.is_related_link(text):
        return "related"  # a heading opens a list; one link with its headline ("Read more: X") does not
    if shape.comment and not shape.vote and not shape.bare_count:
        return "comment"
    if shape.copyright:
        return "credit"
    if _NAVIGATION_HEADING.match(text):
        return "navigation"
    return ""


# A sentence of ~6-12 words (prose_strength 0.24-0.5): short for prose, long for furniture.
_SHORT_SENTENCE_STRENGTH = 0.24


def is_plain_sentence(shape: sig.LineShape) -> bool:
    """A line that ends like a sentence, reads like prose by case, and has no furniture shape of any kind."""
    return (
        shape.ends_sentence
        and (shape.lowercase >= 0.35 or shape.cjk >= 0.5)
        and not (
            shape.url or shape.copyright or shape.date_line or shape.relative_time or shape.byline or shape.caption
            or shape.comment or shape.promo or shape.appeal or shape.related or shape.nav or shape.label_list
            or shape.disclaimer or shape.syndication or shape.price
        )
    )


# What a byline line says before and after the author's name.
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:[(（][^)）]{1,20}[)）]\s*)?(?:(?:written |posted |report(?:ed)? )?by|from|por|von|par|di|oleh|автор|текст|بقلم|كتب|كتبت|ผู้เขียน|เขียนโดย|โดย)?"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"\s*(?:[,|/／·•(（\d]|\s(?:and|und|et|y|e|и|і|و)\s|$)")
_CJK_ROLE = re.compile(r"\s*(?:기자|특파원|記者|特派員|记者|編集委員|論説委員)\s*$")
_CASED_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def _author_name(text: str) -> str:
    """The name in a byline line ("By Hannah Marsh, Environment Correspondent" -> "Hannah Marsh",
    "박지훈 기자" -> "박지훈"), or "" when it does not hold one that can be trusted."""
    rest = _BYLINE_PREFIX.sub("", text, count=1)
    rest = _NAME_END.split(rest, maxsplit=1)[0].strip()
    rest = _CJK_ROLE.sub("", rest).strip()
    words = rest.split()
    if sig.cjk_ratio(rest) > 0.5:
        return rest if 2 <= len(rest) <= 5 and len(words) == 1 else ""
    if not 2 <= len(words) <= 4 or not all(_CASED_NAME_WORD.match(word) for word in words):
        return ""
    # In a cased script every part of a name is capitalised; caseless scripts (Arabic, Thai) pass as they are.
    if any(word[0].lower() != word[0].upper() and not word[0].isupper() for word in words):
        return ""
    return rest


# A name alone on its line under the headline ("Анна Соколова"): two or three capitalised words.
_BARE_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ][\w'’-]+(?: [A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ][\w'’.-]+){1,2}$")


def find_author_bios(blocks: list[Block], shapes: list[sig.LineShape], core_start: int) -> set[int]:
    """Indices of lines after the article's start that open with the author's name as the byline
    gives it ("Hannah Marsh is our environment correspondent..."): the author's bio.

    A name that the article's own first paragraphs mention (a "From Berlin" kicker read as a
    byline) is not taken, and the byline line itself is never a bio.
    """
    names: set[str] = set()
    for block, shape in zip(blocks, shapes):
        if shape.byline:
            name = _author_name(block.text)
            if name:
                names.add(name)
    for block in blocks[max(0, core_start - 12) : core_start]:
        if _BARE_NAME.match(block.text) and not shapes[block.index].nav:
            names.add(block.text)
    if not names:
        return set()
    opening = blocks[core_start : core_start + 3]
    names = {name for name in names if not any(name in block.text and not block.text.startswith(name) for block in opening)}
    bios: dict[str, list[int]] = {}
    for block in blocks[core_start:]:
        if block.n_words < 5 or shapes[block.index].byline:
            continue
        for name in names:
            if block.text.startswith(name) and not block.text[len(name) : len(name) + 1].isalnum():
                bios.setdefault(name, []).append(block.index)
                break
    # A bio is one line; a name that opens several paragraphs is what the article is about.
    return {lines[0] for lines in bios.values() if len(lines) == 1 and lines[0] > core_start}


def _without_edge_bios(core_start: int, core_end: int, bios: set[int]) -> tuple[int, int]:
    """The core without bio lines at its end (a bio ends an article, never starts it)."""
    while core_end > core_start and core_end in bios:
        core_end -= 1
    return core_start, core_end


def extend_core_end(
    core_end: int,
    short_sentences: list[bool],
    shapes: list[sig.LineShape],
    marker_kinds: list[str],
    blocks_words: list[int],
    box_links: set[int] = frozenset(),
    menu_rows: set[int] = frozenset(),
) -> int:
    """The prose core's end moved over the short sentences that follow it across furniture lines.

    Wire copy writes one-sentence paragraphs of 8-12 words, too short to pay for the
    caption, "Read also" link or newsletter box printed between them; without this the
    core (and so the body) stopped at the first such box. The walk crosses lines that are
    furniture by their own shape and gaps of at most _CORE_GAP lines that look like a
    button or a link (an ad label, "Label: another headline" in words no lexicon knows); it stops at a section heading, a comment's
    shape or a time stamp (a thread), a run of three short lines (a list), and ends on the
    last sentence crossed.
    """
    if core_end < 0:
        return core_end
    return _walk_core(
        core_end, range(core_end + 1, len(shapes)), short_sentences, shapes, marker_kinds, blocks_words,
        box_links, menu_rows,
        # (a last sentence of four words or more right under the article is its end)
        takes=lambda index, end: index == end + 1 and blocks_words[index] >= 4 and is_plain_sentence(shapes[index]),
    )


def _walk_core(
    edge: int,
    indices: range,
    short_sentences: list[bool],
    shapes: list[sig.LineShape],
    marker_kinds: list[str],
    blocks_words: list[int],
    box_links: set[int],
    menu_rows: set[int],
    stops=lambda shape: False,
    takes=lambda index, reached: False,
) -> int:
    """The walk of `extend_core_end` / `extend_core_start` from the core's `edge` over `indices`
    (outwards, one line at a time): the last short sentence it reaches. It stops at a marker, a
    comment, a time stamp, a copyright line, a line `stops` names, more than _BOX_LINES lines from
    the last sentence reached, or a gap that is too long or not crossable; `takes` may take a
    line as a sentence reached besides the short sentences."""
    reached, gap, unknown = edge, 0, False
    for index in indices:
        shape = shapes[index]
        if marker_kinds[index] or shape.comment or shape.relative_time or shape.copyright or stops(shape):
            break
        if abs(index - reached) > _BOX_LINES:
            break
        if (short_sentences[index] and (not unknown or blocks_words[index] >= _RESUME_WORDS)) or takes(index, reached):
            reached, gap, unknown = index, 0, False
        elif not _furniture_shape(shape) and index not in box_links:
            gap += 1
            unknown = unknown or _unknown_gap(shape, index in menu_rows)
            if gap > _CORE_GAP or not _crossable(shape, blocks_words[index], index in menu_rows):
                break
    return reached


_CORE_GAP = 2  # non-sentence lines between two short paragraphs: a caption and an ad label at most
# Lines of any kind between two paragraphs of the article: a newsletter box with its field and
# button is three or four; a longer run is what follows the article's end.
_BOX_LINES = 5


def _crossable(shape: sig.LineShape, n_words: int, menu_row: bool = False) -> bool:
    """A line a walk along the article may step over: a button, label or link of up to
    _LINK_WORDS words ("Anzeige", "Mehr Nachrichten aus aller Welt", "Label: headline"), a menu or
    share row, or a sentence too short to count as a paragraph by itself."""
    return (
        shape.nav
        or shape.labelled_link
        or menu_row
        or (n_words <= _LINK_WORDS and not shape.ends_sentence)
        or is_plain_sentence(shape)
    )


_LINK_WORDS = 8
# Past a line that only its length calls a link (no link or button shape), the walk goes on to
# a sentence of this many words at least: more evidence that the article goes on.
_RESUME_WORDS = 8


def _unknown_gap(shape: sig.LineShape, menu_row: bool) -> bool:
    return not (shape.nav or shape.labelled_link or menu_row)


def extend_core_start(
    core_start: int,
    short_sentences: list[bool],
    shapes: list[sig.LineShape],
    marker_kinds: list[str],
    blocks_words: list[int],
    box_links: set[int] = frozenset(),
    menu_rows: set[int] = frozenset(),
) -> int:
    """The prose core's start moved back over the short paragraphs above it, as `extend_core_end`
    does forwards; it never crosses the date or byline lines, where the article's head ends."""
    return _walk_core(
        core_start, range(core_start - 1, -1, -1), short_sentences, shapes, marker_kinds, blocks_words,
        box_links, menu_rows,
        stops=lambda shape: shape.date_line or shape.byline,
    )


_BULLET = re.compile(r"^\s*[•·・\-▪●■◦‣–]\s*\S")
_SUMMARY_REACH = 3  # lines between a "Key points" / "AI summary" heading and its first bullet


def find_summary_box(blocks: list[Block], shapes: list[sig.LineShape]) -> set[int]:
    """The bullet lines of a "Key points" / "AI-generated summary" box: a run of bulleted lines
    that starts within _SUMMARY_REACH lines under a notice or a menu-like heading. The page's
    summary of itself repeats the article; it is not its prose."""
    items: set[int] = set()
    for index, shape in enumerate(shapes):
        if not (shape.disclaimer or shape.nav) or shape.promo or blocks[index].n_words > 12:
            continue
        bullet = next(
            (i for i in range(index + 1, min(len(blocks), index + 1 + _SUMMARY_REACH)) if _BULLET.match(blocks[i].text)), None
        )
        if bullet is None or any(
            shapes[i].ends_sentence and not shapes[i].disclaimer for i in range(index + 1, bullet)
        ):
            continue
        while bullet < len(blocks) and _BULLET.match(blocks[bullet].text):
            if not (_furniture_shape(shapes[bullet]) or shapes[bullet].nav):
                items.add(bullet)  # (a bulleted pitch or link keeps its own kind)
            bullet += 1
    return items


_BOX_LINKS = 2  # links a "Read more" box inside an article holds at most


def inline_boxes(
    blocks: list[Block], marker_kinds: list[str], sentences: list[bool], shapes: list[sig.LineShape]
) -> list[tuple[int, range]]:
    """"Related"/"Read more"/"Tags" headings that open a box inside the article, not its end, with the
    lines of their links: the article's prose just above, one to _BOX_LINKS short lines under the
    heading, then two sentences in a row (the article going on; a list of teasers alternates
    headlines and blurbs, or is blurbs alone under its heading)."""
    boxes = []
    for index, marker in enumerate(marker_kinds):
        if marker not in ("related", "navigation"):
            continue
        after = index + 1
        while after < len(blocks) and after - index - 1 <= _BOX_LINKS and not sentences[after] and not marker_kinds[after] and blocks[after].n_words <= 15:
            after += 1
        links = after - index - 1
        prose_above = any(sentences[above] for above in range(max(0, index - 2), index))
        # (Also taking one last paragraph followed by furniture cost 0.16 F1 on a page of the extraction benchmark.)
        goes_on = after + 1 < len(blocks) and sentences[after] and sentences[after + 1]
        if 1 <= links <= _BOX_LINKS and prose_above and goes_on:
            boxes.append((index, range(index + 1, after)))
    return boxes


def _furniture_shape(shape: sig.LineShape) -> bool:
    return (
        shape.caption or shape.promo or shape.appeal or shape.disclaimer or shape.related or shape.date_line
        or shape.label_list or shape.copyright or shape.syndication
    )


def build_context(blocks: list[Block], corpus_repeated: frozenset = frozenset()) -> PageContext:
    line_counts = Counter(block.text for block in blocks)
    shape_memo: dict = {}
    shapes = [shape_memo.get(block.text) or shape_memo.setdefault(block.text, sig.line_shape(block.text)) for block in blocks]
    strengths = [strength_of_shape(shape, block.n_words, block.n_chars) for shape, block in zip(shapes, blocks)]
    marker_kinds = [_marker_of_shape(block.text, shape) for block, shape in zip(blocks, shapes)]
    short_sentences = [
        strength >= _SHORT_SENTENCE_STRENGTH and is_plain_sentence(shape) for shape, strength in zip(shapes, strengths)
    ]
    summary_items = find_summary_box(blocks, shapes)
    for index in summary_items:
        short_sentences[index] = False  # the page's summary of itself is not its prose
        strengths[index] = 0.0
    box_links: set[int] = set()
    for index, links in inline_boxes(blocks, marker_kinds, short_sentences, shapes):
        marker_kinds[index] = ""  # a "Read more" box inside the article does not end it
        box_links.update(links)
    core_start, core_end = find_core(blocks, strengths, marker_kinds)
    if not any(strengths[index] >= 0.5 for index in range(core_start, core_end + 1)):
        # No line is long enough to count as prose alone (wire copy in one-sentence paragraphs, in a
        # script whose words are long): the plain sentences are the prose.
        core_start, core_end = find_core(
            blocks, [max(strength, 0.5) if short else strength for strength, short in zip(strengths, short_sentences)], marker_kinds
        )
    author_bios = find_author_bios(blocks, shapes, core_start)
    for index in author_bios:
        strengths[index] = 0.0  # the author's bio is not reporting, however well written
        short_sentences[index] = False
    words_per_block = [block.n_words for block in blocks]
    menu_rows = {block.index for block in blocks if block.menu_row}
    core_end = extend_core_end(core_end, short_sentences, shapes, marker_kinds, words_per_block, box_links, menu_rows)
    core_start = extend_core_start(core_start, short_sentences, shapes, marker_kinds, words_per_block, box_links, menu_rows)
    if author_bios:
        core_start, core_end = _without_edge_bios(core_start, core_end, author_bios)
    title_index = find_headline(blocks, core_start, core_end, line_counts)
    body_language = _majority_language(blocks[core_start : core_end + 1], strengths[core_start : core_end + 1])
    markers = tuple(index for index in range(core_start, len(blocks)) if marker_kinds[index])
    return PageContext(
        title_index=title_index,
        title=blocks[title_index].text if title_index >= 0 else "",
        core_start=core_start,
        core_end=core_end,
        body_language=body_language,
        line_counts=line_counts,
        corpus_repeated=corpus_repeated,
        end_markers=markers,
        strengths=tuple(strengths),
        shape_memo=shape_memo,
        marker_kinds=tuple(marker_kinds),
        author_bios=frozenset(author_bios),
        box_links=frozenset(box_links | summary_items),
        summary_items=frozenset(summary_items),
    )


# Language id on this many prose lines at most (evenly spread over the core): enough to
# find the majority of a real article, and a bounded cost on a paste of 80k lines.
_LANGUAGE_SAMPLE = 64


def _majority_language(blocks: list[Block], strengths: list[float]) -> str:
    """Language holding most characters of the prose lines (so a few foreign blurbs cannot win)."""
    prose = [block for block, strength in zip(blocks, strengths) if strength >= 0.5]
    step = max(1, math.ceil(len(prose) / _LANGUAGE_SAMPLE))
    weight: Counter = Counter()
    for block in prose[::step]:
        weight[_language(block.text)] += block.n_chars / (3.0 if sig.cjk_ratio(block.text) > 0.5 else 1.0)
    weight.pop("und", None)
    return weight.most_common(1)[0][0] if weight else "und"


def short_runs(blocks: list[Block], max_words: int = 5) -> list[tuple[int, int]]:
    """For each block, (start index, length) of the run of consecutive short lines it belongs to ((index, 0) if not short).

    One pass over the page: every run is found once, never rescanned per line.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(blocks):
        if blocks[index].n_words <= max_words:
            end = index
            while end + 1 < len(blocks) and blocks[end + 1].n_words <= max_words:
                end += 1
            runs.extend([(index, end - index + 1)] * (end - index + 1))
            index = end + 1
        else:
            runs.append((index, 0))
            index += 1
    return runs


def short_run_lengths(blocks: list[Block], max_words: int = 5) -> list[int]:
    """For each block, the length of the run of consecutive short lines it belongs to (0 if not short)."""
    return [length for _start, length in short_runs(blocks, max_words)]


def capitalised_run_shares(blocks: list[Block], runs: list[tuple[int, int]]) -> list[float]:
    """For each block in a run of 3+ short lines, the share of the run's lines that start with a capital (else 0).

    Computed once per run (menus are runs of capitalised labels), so a page of
    N short lines costs N, not N squared.
    """
    shares = [0.0] * len(blocks)
    index = 0
    while index < len(blocks):
        start, length = runs[index]
        if length >= 3:
            capitals = sum(1 for block in blocks[start : start + length] if block.text[:1].isupper())
            shares[start : start + length] = [capitals / length] * length
            index = start + length
        else:
            index += 1
    return shares


@lru_cache(maxsize=4096)
def _language(text: str) -> str:
    from lib.text.language import detect_language

    # Language id reads at most the first 10k characters: plenty for any paragraph, and a
    # bounded cost on a paste that is one enormous line.
    return detect_language(text[:10000])


def block_language(block: Block, context: PageContext) -> str:
    """Language of a block long enough to tell (else "und")."""
    if block.n_chars < 30 and sig.cjk_ratio(block.text) < 0.5:
        return "und"
    memo = context.language_memo
    if block.text not in memo:
        memo[block.text] = _language(block.text)
    return memo[block.text]


def other_language(block: Block, context: PageContext) -> float:
    """1 when the block is in another script than the article body; 0.5 when only the
    language differs (language id on one short line is often wrong: product names, lists)."""
    if context.body_language in ("und", ""):
        return 0.0
    # The "cjk" shape counts every unspaced or Hangul script the app reads, Thai included.
    body_is_cjk = context.body_language in ("ja", "zh", "ko", "th")
    block_cjk = shape_of(block.text, context).cjk
    if (block_cjk > 0.5) != body_is_cjk and (block.n_chars >= 8):
        return 1.0
    if block.n_words < 8:
        return 0.0
    language = block_language(block, context)
    # 0.5 was worth +0.002 CV F1 over 1.0 on the dev set (Italian list of English product names).
    return 0.5 if language not in ("und", context.body_language) else 0.0


FEATURE_NAMES = (
    "log_words",
    "very_short",
    "short",
    "ends_sentence",
    "sentences",
    "lowercase_ratio",
    "digit_ratio",
    "letter_ratio",
    "comma_density",
    "prose_strength",
    "has_url",
    "copyright",
    "date_line",
    "byline",
    "wire_mention_short",
    "caption",
    "dateline",
    "comment_shape",
    "vote_count",
    "promo",
    "appeal",
    "related_marker",
    "nav_word",
    "disclaimer",
    "price_line",
    "separators",
    "other_language",
    "repeated_on_page",
    "corpus_repeated",
    "short_run",
    "capitalised_short_run",
    "before_headline",
    "is_headline",
    "in_core",
    "before_core",
    "after_core",
    "after_end_marker",
    "markers_passed",
    "comment_neighbours",
    "comment_shapes_ahead",
    "neighbour_prose",
    "prev_prose",
    "next_prose",
    "relative_position",
    "headline_overlap",
    "heading_like_in_core",
)


def block_features(blocks: list[Block], context: PageContext) -> list[list[float]]:
    """One feature vector per block, in FEATURE_NAMES order."""
    n = len(blocks)
    run_spans = short_runs(blocks)
    runs = [length for _start, length in run_spans]
    capital_shares = capitalised_run_shares(blocks, run_spans)
    strengths = list(context.strengths) if len(context.strengths) == n else [prose_strength(block) for block in blocks]
    shapes = [shape_of(block.text, context) for block in blocks]
    comment_flags = [1.0 if shape.comment else 0.0 for shape in shapes]
    title_tokens = sig.content_tokens(context.title)
    markers_after_core = sorted(marker for marker in context.end_markers if marker > context.core_start)
    rows = []
    for index, block in enumerate(blocks):
        text = block.text
        passed = bisect.bisect_left(markers_after_core, index)
        window = [strengths[j] for j in range(max(0, index - 2), min(n, index + 3)) if j != index]
        comment_window = [comment_flags[j] for j in range(max(0, index - 3), min(n, index + 4)) if j != index]
        own_tokens = sig.content_tokens(text)
        capital_run = capital_shares[index]
        shape = shapes[index]
        rows.append(
            [
                math.log1p(block.n_words),
                1.0 if block.n_words <= 3 else 0.0,
                1.0 if block.n_words <= 8 else 0.0,
                1.0 if shape.ends_sentence else 0.0,
                min(shape.sentences, 6) / 6.0,
                shape.lowercase,
                shape.digits,
                shape.letters,
                min(text.count(",") / max(block.n_words, 1) * 10, 2.0),
                strengths[index],
                1.0 if shape.url else 0.0,
                1.0 if shape.copyright else 0.0,
                1.0 if shape.date_line else 0.0,
                1.0 if shape.byline else 0.0,
                1.0 if shape.wire and block.n_words <= 6 else 0.0,
                1.0 if shape.caption else 0.0,
                1.0 if shape.dateline else 0.0,
                comment_flags[index],
                1.0 if shape.vote else 0.0,
                1.0 if shape.promo else 0.0,
                1.0 if shape.appeal else 0.0,
                1.0 if shape.related else 0.0,
                1.0 if shape.nav else 0.0,
                1.0 if shape.disclaimer else 0.0,
                1.0 if shape.price else 0.0,
                min(shape.separators, 4) / 4.0,
                other_language(block, context),
                1.0 if context.line_counts[text] > 1 else 0.0,
                1.0 if text in context.corpus_repeated else 0.0,
                math.log1p(runs[index]) if runs[index] >= 2 else 0.0,
                capital_run * math.log1p(runs[index]),
                1.0 if 0 <= index < context.title_index else 0.0,
                1.0 if index == context.title_index or (context.title and text == context.title) else 0.0,
                1.0 if context.core_start <= index <= context.core_end else 0.0,
                math.log1p(max(0, context.core_start - index)),
                math.log1p(max(0, index - context.core_end)),
                1.0 if passed else 0.0,
                min(passed, 4) / 4.0,
                sum(comment_window) / max(len(comment_window), 1),
                min(sum(comment_flags[index + 1 : index + 13]), 3) / 3.0,
                sum(window) / max(len(window), 1),
                strengths[index - 1] if index > 0 else 0.0,
                strengths[index + 1] if index + 1 < n else 0.0,
                index / max(n - 1, 1),
                len(own_tokens & title_tokens) / len(own_tokens) if own_tokens and title_tokens else 0.0,
                1.0
                if context.core_start < index < context.core_end and shape.heading_like and block.n_words >= 2
                else 0.0,
            ]
        )
    return rows


def clear_line_caches() -> None:
    """Empty every per-line cache of the cleaner (benchmarks and tests measure the uncached work)."""
    for cached in (_prose_strength, _language, end_marker_kind, is_barrier, *sig.CACHED_PREDICATES):
        cached.cache_clear()
