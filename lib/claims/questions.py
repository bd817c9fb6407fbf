"""A row built for a user's own question: each source's closest claim sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from lib.claims.figures import SentenceFacts, make_claim, sentence_facts
from lib.claims.status import NO_MATCH, kind_words
from lib.claims.topics import ClaimSet, Topic, build_topic
from lib.core.errors import StoryLensError
from lib.core.models import Article

# A question row takes each source's best candidate sentence at or above this,
# and within QUESTION_MARGIN of the best sentence of any source (similarity is
# noisy: a fixed cut alone lets weak matches from unrelated articles in).
QUESTION_THRESHOLD = 0.40

QUESTION_MARGIN = 0.20



# --------------------------------------------------------------------------- ad-hoc questions

def asked_kind(question: str) -> tuple[str | None, str | None]:
    """(unit, counted kind) the question asks about, read by the same figure reader as the articles.

    "How many North Korean troops were killed or wounded?" -> ("troops", "troops killed or wounded"):
    the question's "how many" is read as a figure in its place (no library reads questions for a
    counted kind; this reuses lib.text's reader instead of a second word list). A question about a
    price ("the price of bread") -> (None, "price"). (None, None) when it asks for no figure.
    """
    from lib.text.counted import counted_kind
    from lib.text.numbers import extract_quantities

    as_figure = re.sub(r"(?i)\bhow\s+(many|much)\b", "1000", question)
    if as_figure != question:
        for quantity in extract_quantities(as_figure, "en"):
            if quantity.value == 1000 and quantity.counted and quantity.counted not in ("count", "weight"):
                return quantity.unit, quantity.counted
    # A money figure at the end of the question: "price" when the question names a price, with the
    # amount of goods when it gives one ("the price of 5 kg of rice" -> "price per 5 kg").
    if counted_kind(question, len(question), len(question), "JPY") == "price":
        from lib.text.counted import price_basis

        basis = price_basis(question, len(question), len(question))
        return None, f"price {basis}" if basis else "price"
    return None, None


def gives_asked_kind(quantity, kind: str, unit: str | None = None) -> bool:
    """The figure answers a question asking for `kind`: the same kind, or, for a question asking
    for a price without saying per what, any price (never a price change)."""
    if unit is not None and quantity.unit != unit:
        return False
    if kind == "price":
        return bool(quantity.counted) and quantity.counted.startswith("price") and quantity.counted != "price change"
    return quantity.counted == kind


def question_topic(corpus, claimset: ClaimSet, question: str, embedder) -> Topic:
    """A row built on the fly: each source's best-matching candidate sentence, when it is close
    enough (QUESTION_THRESHOLD) and not much weaker than the best source's (QUESTION_MARGIN).

    A question asking for one kind of figure ("how many troops were killed or
    wounded") compares only that kind (`Topic.counted`, in words `Topic.compared`)
    and says there is none rather than answering with another kind; otherwise
    the kind most picked sentences give is compared.
    """
    question = (question or "").strip()
    if not question:
        raise StoryLensError(
            "Type a topic or a question first, e.g. 'How many people were killed?' "
            "or 'the government's response'."
        )
    if len(question) > 300:
        raise StoryLensError("That question is too long (over 300 characters). Ask about one thing in a short sentence.")
    if not re.search(r"[^\W\d_]{2,}", question):  # letters of any script: a question may be asked in the pages' language
        raise StoryLensError(f"'{question}' has no words to match. Type a topic in words, e.g. 'price rises'.")
    from lib.text.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    query = embedder.encode_query(question)
    unit, kind = asked_kind(question)
    facts_of: dict[str, dict[int, SentenceFacts]] = {}

    def facts(article: Article) -> dict[int, SentenceFacts]:
        if article.article_id not in facts_of:
            facts_of[article.article_id] = {fact.sentence.index: fact for fact in sentence_facts(article, priced=True)}
        return facts_of[article.article_id]

    def gives_kind(article: Article, index: int) -> bool:
        fact = facts(article).get(index)
        return fact is not None and any(gives_asked_kind(q, kind, unit) for q in fact.quantities)

    by_article: dict[str, list[int]] = {}
    for article_id, index in claimset.candidates:
        by_article.setdefault(article_id, []).append(index)
    best_per_article: list[tuple[float, Article, int]] = []
    for article in corpus.articles:
        indexes = by_article.get(article.article_id)
        article_vecs = vectors.get(article.article_id)
        if not indexes or article_vecs is None:
            continue
        if kind:
            # A question asking for one kind of figure is answered only by sentences giving that kind.
            indexes = [index for index in indexes if gives_kind(article, index)]
            if not indexes:
                continue
        scores = article_vecs[indexes] @ query
        best = int(scores.argmax())
        best_per_article.append((float(scores[best]), article, indexes[best]))
    top = max((score for score, _article, _index in best_per_article), default=0.0)
    picked: list[tuple[Article, SentenceFacts]] = []
    for score, article, index in best_per_article:
        if score >= QUESTION_THRESHOLD and score >= top - QUESTION_MARGIN:
            picked.append((article, facts(article)[index]))
    if unit is None and kind is None:
        counted = [q.unit for _article, fact in picked for q in fact.quantities if q.unit and q.unit != "%"]
        common = max(set(counted), key=counted.count) if counted else None
        if common and counted.count(common) >= 2:
            unit = common
    if kind == "price":  # a price asked without saying per what: the amount of goods most picked figures give
        kinds = [q.counted for _article, fact in picked for q in fact.quantities if gives_asked_kind(q, kind)]
        kind = max(sorted(set(kinds)), key=kinds.count) if kinds else kind
    if kind and unit is None:
        units = [q.unit for _article, fact in picked for q in fact.quantities if q.counted == kind]
        unit = max(set(units), key=units.count) if units else None
    claims = [make_claim(article, fact, "question", unit, kind) for article, fact in picked]
    if kind is None:
        kinds = [claim.counted for claim in claims if claim.counted]
        kind = max(set(kinds), key=kinds.count) if kinds else None
    topic = build_topic("question", f"Your question: {question}", unit, False, claims, kind)
    if not claims and kind:
        topic = replace(
            topic,
            counted=kind,
            status=NO_MATCH,
            verdict=f"The articles give no {kind_words(kind)}.",
            rule=(
                f"You asked for {kind_words(kind)}. None of the {len(corpus.articles)} articles gives such a figure "
                "close to your question, so StoryLens does not answer with another kind of figure "
                "(for example troops sent instead of troops killed)."
            ),
        )
    elif not claims:
        topic = replace(
            topic,
            status=NO_MATCH,
            verdict=f"No source has a sentence close enough to '{question}'.",
            rule=f"No source has a sentence close enough to '{question}'. Try other words, or one of the topics above.",
        )
    return topic
