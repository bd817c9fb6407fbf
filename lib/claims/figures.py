"""Claim candidates: body sentences that carry a figure, an attribution or a stance, read into Claim records."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from lib.core.models import Article, Claim, Sentence, remembered
from lib.text import date_languages
from lib.text.attribution import attribute
from lib.text.numbers import Quantity, extract_quantities

STANCE_WORDS = (
    "concern", "concerned", "concerns", "condemn", "condemned", "condemns", "violation", "violate",
    "violates", "unacceptable", "support", "supports", "oppose", "opposes", "criticize", "criticized",
    "criticised", "warn", "warned", "warns", "threat", "threaten", "threatens", "deplore", "protest",
    "protested", "welcome", "welcomed", "reaffirm", "sanctions", "requires", "obliges", "obligation",
    "in return", "in exchange",
)

# Kinds of figure never compared in a row: "count" does not say what it counts, and "people" with no
# role (visitors, a queue, a population, residents) does not say which people: 17.8 million visitors
# and 850 people queuing are not one count. Such figures stay in their rows as statements.
UNCOMPARED_KINDS = ("count", "people")

_STANCE_RE = re.compile(r"\b(" + "|".join(re.escape(word) for word in STANCE_WORDS) + r")\b", re.IGNORECASE)



# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class SentenceFacts:
    sentence: Sentence
    quantities: tuple[Quantity, ...]
    attributed_to: str | None  # None: the outlet's own reporting
    hedged: bool
    stance: tuple[str, ...]

    @property
    def is_candidate(self) -> bool:
        counted = any(quantity.unit and quantity.unit != "%" for quantity in self.quantities)
        return bool(counted or self.attributed_to or self.stance or self.hedged)



def sentence_facts(article: Article, priced: bool = False) -> list[SentenceFacts]:
    """Figures, speaker, hedging and stance for every body sentence (references resolved in order).

    `priced`: prices carry their amount of goods in their kind ("price per 5 kg", "price change",
    see _priced), as the Compare rows compare them; without it the kinds are lib.text's own.

    "He said" / "it said" take the speaker of the previous sentence when that
    sentence named one; "the ministry said" takes the last speaker named
    earlier in the article whose name ends in that word ("Japan's Foreign
    Ministry"). Otherwise the claim is credited to the outlet, or to the
    words as written. Resolved speakers are always words of the same article.
    """
    facts = []
    previous_source: str | None = None
    previous_texts: list[str] = []
    named: list[str] = []
    bases: dict[str | None, str] = {}  # currency -> the amount of goods the article's last price was for
    for sentence in article.sentences:
        language = _sentence_language(sentence, article)
        attribution = attribute(sentence.text, language)
        source = attribution.source
        if attribution.is_pronoun:
            source = previous_source
        elif source:
            reference = re.fullmatch(r"(?i)the\s+([a-z]+)", source)
            earlier = [name for name in named if reference and name.lower().split()[-1] == reference.group(1).lower()]
            if earlier and earlier[-1].lower() != source.lower():
                source = earlier[-1]
            else:
                named.append(source)
        # The sentences before name what is counted when this one does not ("사망 300여 명").
        quantities = tuple(extract_quantities(sentence.text, language, context="\n".join(previous_texts[-3:])))
        if priced:
            quantities = _priced(sentence.text, quantities, "\n".join(previous_texts[-1:]), bases)
            bases.update({q.unit: q.counted for q in quantities if q.counted and q.counted.startswith("price per ")})
        facts.append(
            SentenceFacts(
                sentence=sentence,
                quantities=quantities,
                attributed_to=source,
                hedged=attribution.hedged,
                stance=tuple(match.group(1).lower() for match in _STANCE_RE.finditer(sentence.text)),
            )
        )
        previous_source = source
        previous_texts.append(sentence.text)
    return facts


def _priced(text: str, quantities: tuple[Quantity, ...], context: str, bases: dict | None = None) -> tuple[Quantity, ...]:
    """Prices with what they are for as part of their kind ("price per 5 kg", never compared with
    "price per 60 kg"); a rise or fall of a price ("down 256 yen") is a "price change", not a price.

    A price that does not say what it is for takes the kind of the article's last price in its currency
    that did (`bases`: currency -> "price per 5 kg"): "compared with 2,120 yen a year ago" right after
    "4,285 yen per 5 kg" is a price per 5 kg too; an article goes on about the price it set out."""
    from lib.text.counted import is_change, price_basis

    refined = []
    for quantity in quantities:
        if quantity.counted == "price":
            if is_change(text, quantity.start, quantity.end):
                quantity = replace(quantity, counted="price change")
            else:
                basis = price_basis(text, quantity.start, quantity.end, context)
                carried = (bases or {}).get(quantity.unit)
                quantity = replace(quantity, counted=f"price {basis}" if basis else carried or "price")
        refined.append(quantity)
    return tuple(refined)


# Languages the text tools read (dates, figures, attribution): English and every language of the date grammar.
READ_LANGUAGES = ("en", *date_languages.LANGUAGES)
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")


def _sentence_language(sentence: Sentence, article: Article) -> str | None:
    """The sentence's language when the tools read it, else the article's, else None (script decides)."""
    for language in (sentence.language, article.language):
        if language in READ_LANGUAGES:
            return language
    return None


def _long_enough(text: str) -> bool:
    """At least 6 words, or 12 characters in scripts written without spaces."""
    return len(text.strip()) >= 12 if _SPACELESS.search(text) else len(text.split()) >= 6



def candidate_sentences(article: Article, plain_too: bool = False) -> list[SentenceFacts]:
    """Body sentences that could be claims, in any language the text tools read: at least 6 words
    (12 characters in CJK and Thai), with a figure, speaker or stance.

    `plain_too` also returns the other sentences (they may still be
    claims when they match a seed topic strongly, see STRONG_MATCH).
    """
    return [
        fact
        for fact in sentence_facts(article, priced=True)
        if (plain_too or fact.is_candidate)
        and (fact.sentence.language in READ_LANGUAGES or fact.sentence.language in ("", "und") or article.language in READ_LANGUAGES)
        and _long_enough(fact.sentence.text)
    ]


@functools.lru_cache(maxsize=4096)
def make_claim(article: Article, fact: SentenceFacts, topic_id: str, unit: str | None, counted: str | None = None) -> Claim:
    """The claim `fact.sentence` makes on a topic; its figure is the largest of the `counted` kind when
    given and the sentence has one (e.g. "troops killed or wounded"; a price also in `unit`), else the
    first one counted in `unit`."""
    of_kind = [q for q in fact.quantities if counted and q.counted == counted and (q.unit == unit or (q.unit is None and not counted.startswith("price")))]
    in_unit = [q for q in fact.quantities if unit and q.unit == unit]
    # Of several figures of the row's kind, the largest: the total ("a further 1,500 ..., bringing the number to about 3,000"),
    # a count of what happened before a planned one ("3,000 so far; 10,000 expected by December").
    from lib.text.counted import is_planned

    quantity = max(
        of_kind, key=lambda q: (not is_planned(fact.sentence.text, q.start, q.end, fact.sentence.language), q.value_high or q.value)
    ) if of_kind else (in_unit[0] if in_unit else None)
    return with_figure_read(Claim(
        topic=topic_id,
        source_file=article.source_file,
        article_id=article.article_id,
        quote=fact.sentence.text,
        sentence_index=fact.sentence.index,
        attributed_to=fact.attributed_to or article.outlet,
        value=quantity.value if quantity else None,
        value_high=quantity.value_high if quantity else None,
        # A figure of the row's kind written without its noun ("bringing the number to about 3,000") takes the row's unit.
        unit=(quantity.unit or unit) if quantity else None,
        qualifier=quantity.qualifier if quantity else None,
        reported_on=article.published,
        hedged=fact.hedged,
        outlet=article.outlet,
        counted=quantity.counted if quantity else None,
    ))


def with_figure_read(claim: Claim) -> Claim:
    """`claim` with where its figure is written and whether it is planned recorded (`figure_at`,
    `planned`), exactly as `claim_quantity` and `is_planned_claim` read them from its quote."""
    if claim.value is None:
        return replace(claim, figure_at=None, planned=False)
    quantity = claim_quantity(claim)
    return replace(claim, figure_at=(quantity.start, quantity.end), planned=_planned_in_quote(claim))



@functools.lru_cache(maxsize=65536)  # parsed once per claim: topic_status compares every source's figure
def without_figure(claim: Claim) -> Claim:
    """The claim kept as a statement: its sentence, speaker and date, with no figure to compare."""
    return replace(claim, value=None, value_high=None, unit=None, qualifier=None, counted=None, figure_at=None, planned=False)


def claim_quantity(claim: Claim) -> Quantity | None:
    """The figure of a claim as a Quantity (for intervals and labels), or None.

    Built from the claim's own fields, so the qualifier recorded on the claim
    always decides the interval; `text` is the matching span of the quote when found.
    """
    if claim.value is None:
        return None
    return remembered(claim, "_quantity", _quantity)  # a row's judgement asks for each figure several times


def _quantity(claim: Claim) -> Quantity:
    if claim.figure_at is not None:
        start, end = claim.figure_at
        return Quantity(claim.value, claim.value_high, claim.unit, claim.qualifier, claim.quote[start:end], start, end,
                        counted=claim.counted)
    return _quantity_of(claim.quote, claim.value, claim.value_high, claim.unit, claim.qualifier, claim.counted)


# Judging a row compares its figures pairwise, each time from its claim: reading the quote's figures
# again for each comparison was most of a large row's cost. Quantities are immutable; the key is every
# field the answer depends on.
@functools.lru_cache(maxsize=65536)
def _quantity_of(quote: str, value: float, value_high: float | None, unit: str | None, qualifier: str | None,
                 counted: str | None) -> Quantity:
    fields = (value, value_high, unit, qualifier)
    for quantity in extract_quantities(quote):
        if (quantity.value, quantity.value_high, quantity.unit, quantity.qualifier) == fields:
            return quantity
    # Written without its noun, or counted as people by the quote alone while the sentences before said
    # whom ("…1万人ほどになるとみている" after a sentence about soldiers): the claim's unit is the row's.
    for quantity in extract_quantities(quote):
        if (quantity.value, quantity.value_high, quantity.qualifier) == (value, value_high, qualifier):
            return replace(quantity, unit=unit)
    return Quantity(value, value_high, unit, qualifier, "", 0, 0, counted=counted)



def is_planned_claim(claim: Claim) -> bool:
    """True when the claim's figure is planned, pledged or expected ("would send 1,000 sappers",
    "intends to have 10,000 troops by December"): shown, but not a count of what happened."""
    return claim.planned if claim.planned is not None else remembered(claim, "_planned", _planned_in_quote)


def _planned_in_quote(claim: Claim) -> bool:
    from lib.text.counted import is_planned

    quantity = claim_quantity(claim)
    if quantity is None or quantity.end <= quantity.start:
        return False
    return is_planned(claim.quote, quantity.start, quantity.end)


def is_own_reporting(claim: Claim) -> bool:
    """True when the sentence credits nobody, so the claim is the outlet's own reporting."""
    return claim.attributed_to == claim.outlet
