"""A row built for a user's own question: each source's closest claim sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from lib.claims.figures import SentenceFacts, make_claim, sentence_facts
from lib.claims.status import NO_MATCH
from lib.claims.topics import ClaimSet, Topic, build_topic
from lib.core.errors import StoryLensError
from lib.core.models import Article

# A question row takes each source's best candidate sentence at or above this,
# and within QUESTION_MARGIN of the best sentence of any source (similarity is
# noisy: a fixed cut alone lets weak matches from unrelated articles in).
QUESTION_THRESHOLD = 0.40

QUESTION_MARGIN = 0.20



# --------------------------------------------------------------------------- ad-hoc questions

_UNIT_WORDS = {
    "troops": "troops", "troop": "troops", "soldiers": "troops", "soldier": "troops", "forces": "troops",
    "drones": "drones", "drone": "drones", "workers": "workers", "missiles": "missiles", "officers": "officers",
    "generals": "generals", "shells": "shells",
}



def question_topic(corpus, claimset: ClaimSet, question: str, embedder) -> Topic:
    """A row built on the fly: each source's best-matching candidate sentence, when it is close
    enough (QUESTION_THRESHOLD) and not much weaker than the best source's (QUESTION_MARGIN).

    The figure compared is the unit the question names ("how many troops")
    or, failing that, the unit most of the picked sentences count.
    """
    question = (question or "").strip()
    if not question:
        raise StoryLensError(
            "Type a topic or a question first, e.g. 'How many North Korean troops were sent?' "
            "or 'Japan's reaction'."
        )
    if len(question) > 300:
        raise StoryLensError("That question is too long (over 300 characters). Ask about one thing in a short sentence.")
    if not re.search(r"[A-Za-z]{2,}", question):
        raise StoryLensError(f"'{question}' has no words to match. Type a topic in English words, e.g. 'drone attacks'.")
    from lib.text.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    query = embedder.encode_query(question)
    by_article: dict[str, list[int]] = {}
    for article_id, index in claimset.candidates:
        by_article.setdefault(article_id, []).append(index)
    best_per_article: list[tuple[float, Article, int]] = []
    for article in corpus.articles:
        indexes = by_article.get(article.article_id)
        article_vecs = vectors.get(article.article_id)
        if not indexes or article_vecs is None:
            continue
        scores = article_vecs[indexes] @ query
        best = int(scores.argmax())
        best_per_article.append((float(scores[best]), article, indexes[best]))
    top = max((score for score, _article, _index in best_per_article), default=0.0)
    picked: list[tuple[Article, SentenceFacts]] = []
    for score, article, index in best_per_article:
        if score >= QUESTION_THRESHOLD and score >= top - QUESTION_MARGIN:
            facts = {fact.sentence.index: fact for fact in sentence_facts(article)}
            picked.append((article, facts[index]))
    asked_units = [unit for word, unit in _UNIT_WORDS.items() if re.search(rf"\b{word}\b", question, re.IGNORECASE)]
    unit = asked_units[0] if asked_units else None
    if unit is None:
        counted = [q.unit for _article, fact in picked for q in fact.quantities if q.unit and q.unit != "%"]
        common = max(set(counted), key=counted.count) if counted else None
        if common and counted.count(common) >= 2:
            unit = common
    claims = [make_claim(article, fact, "question", unit) for article, fact in picked]
    topic = build_topic("question", f"Your question: {question}", unit, False, claims)
    if not claims:
        topic = replace(
            topic,
            status=NO_MATCH,
            rule=f"No source has a sentence close enough to '{question}'. Try other words, or one of the topics above.",
        )
    return topic
