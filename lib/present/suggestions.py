"""Example questions for the Search page, made from the open collection itself.

The questions come from the collection's Compare topics (`lib.claims`), never
from a fixed list, so a collection about an earthquake is offered questions about
its own figures ("How many people were killed?") and a story with hand-written
topics the labels its editors wrote:

* a topic whose label a person wrote (a seed of the collection's topics.json that
  sentences of this collection joined) gives its label, as a question when it
  reads as one;
* a row the grouping made for a kind of figure (`lib.text.counted`: "people
  killed", "price per 5 kg") gives the question that figure answers;
* labels made of quoted sentences or key words ("Also compared: …") give none:
  they are often in the pages' language, not the reader's.

Every question is then searched in the collection and kept only when the search
finds, among its first passages, a sentence of its own topic close in meaning to
it: the collection answers it, and the search leads there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.claims.topics import Topic
from lib.search.hybrid import Passage, SearchIndex, search
from lib.search.keyword import document_tokens, surface_tokens
from lib.text.counted import ROLES, SUBJECTS

# How many examples the page offers: a row of buttons that fits a laptop screen.
SUGGESTION_LIMIT = 3
# How many candidate questions are searched at most (each costs one query encoding, ~10 ms).
CANDIDATE_LIMIT = 8
# A question is kept when one of its first ANSWER_DEPTH passages is a sentence of the topic it was
# made from (so the search leads to what the topic is about, not to a passage sharing one name) and
# that sentence is at least MIN_ANSWER_SIMILARITY close in meaning (cosine). Unrelated English
# sentences score about 0.0-0.2 against a question, answers 0.35 and up (lib.search.hybrid.MIN_SIMILARITY)
# with all-MiniLM-L6-v2, on whose scale the figure is written (another model reads it through
# `Embedder.calibrated(..., query=True)`); a multilingual model also finds loose matches across
# languages, so the answer must also share a word with the question (`_answers`).
ANSWER_DEPTH = 5
MIN_ANSWER_SIMILARITY = 0.4
# The language of the interface, so of the questions.
INTERFACE_LANGUAGE = "en"

# Words that open a direct question in English (the language of the interface). "What", "who" and
# the like are left out: a label such as "What the treaty obliges" is a phrase, not a question
# ("How the treaty works" likewise; "How many troops were sent" is a question).
_QUESTION_START = re.compile(r"(?i)^(?:how (?:many|much|long|often|far)|is|are|was|were|do|does|did|can|will|has|have)\b")
# Letters outside the Latin script: such a label is not in the interface's language.
_NOT_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F]")


@dataclass(frozen=True)
class SuggestedQuestion:
    """An example question and the passage that shows the collection can answer it."""

    question: str
    topic_id: str  # the Compare row it was made from
    answer: str  # the sentence of the topic the search finds for it
    source_file: str
    sentence_index: int
    similarity: float

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "topic_id": self.topic_id,
            "answer": self.answer,
            "source_file": self.source_file,
            "sentence_index": self.sentence_index,
            "similarity": round(self.similarity, 4),
        }

    @classmethod
    def from_json(cls, item: dict) -> "SuggestedQuestion":
        """The question `to_json` wrote (kept beside the stored search index)."""
        return cls(str(item["question"]), str(item["topic_id"]), str(item["answer"]), str(item["source_file"]),
                   int(item["sentence_index"]), float(item["similarity"]))


def _is_hand_label(topic: Topic) -> bool:
    """A seed's own row keeps the label a person wrote; rows split off a seed ("<seed>--<kind>")
    and automatic rows are labelled by the grouping (lib.claims.grouping._with_plain_label)."""
    return topic.seeded and "--" not in topic.topic_id


def kind_question(kind: str | None, label: str = "") -> str | None:
    """The question a kind of figure answers: "people killed" -> "How many people were killed?",
    "price per 5 kg" -> "What is the price per 5 kg?"; None for a kind no question fits.

    A row label naming who was counted ("Kenyan soldiers killed or wounded", from
    lib.claims.grouping.figure_row_label) keeps those words: "How many Kenyan soldiers were
    killed or wounded?"."""
    if not kind or kind == "price change":
        return None
    if kind.startswith("price"):
        return f"What is the {kind}?"
    subject, _, role = kind.partition(" ")
    if subject not in SUBJECTS or role not in ROLES:
        return None
    counted = subject
    if label.lower().endswith(" " + role) and ":" not in label and label.lower() != kind:
        counted = label[: -len(role)].strip()
    return f"How many {counted} were {role}?"


def label_question(label: str) -> str | None:
    """A hand-written topic label as the reader types it: a question gets its "?", a phrase stays words."""
    text = " ".join(label.split()).rstrip(" .:;")
    if not text or _NOT_LATIN.search(text):
        return None
    if _QUESTION_START.match(text) and not text.endswith("?"):
        text += "?"
    return text


def _rank(topic: Topic) -> tuple:
    """Rows several sources compare first (they carry a verdict), then by how many sources speak."""
    compared = topic.status in ("agree", "disagree", "evolving")
    return (not compared, -len(set(topic.sources)), -len(topic.claims), not topic.seeded, topic.topic_id)


def _answers(question: str, passage: Passage, floor: float = MIN_ANSWER_SIMILARITY) -> bool:
    """Written in the question's language, close in meaning to it, and sharing a word with it.

    Meaning alone let a multilingual model's loose matches through (its cosines run high for any
    two sentences of one topic, across languages too), and a sentence in another language cannot
    share a word; so the answer a button promises is one the reader can read."""
    if passage.hit.language != INTERFACE_LANGUAGE:
        return False
    if passage.similarity is None or passage.similarity < floor:
        return False
    return bool(_content_words(question) & _content_words(passage.hit.sentence))


def _content_words(text: str) -> set[str]:
    """Stemmed English words of `text` that carry meaning: no stop words ("the", "were"), no
    one-letter pieces (the "s" of "Japan's"), so "Japan's stance" shares nothing with "the premier's remark"."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # already loaded with the model

    kept = [token for token in surface_tokens(text) if len(token) > 1 and token not in ENGLISH_STOP_WORDS]
    return set(document_tokens(" ".join(kept), INTERFACE_LANGUAGE))


def candidate_questions(topics) -> list[tuple[str, Topic]]:
    """(question, topic) for every topic that yields one, best topics first, no question twice."""
    candidates: list[tuple[str, Topic]] = []
    seen: set[str] = set()
    for topic in sorted((topic for topic in topics if topic.claims), key=_rank):
        if _is_hand_label(topic):
            question = label_question(topic.label)
        else:
            question = kind_question(topic.counted, topic.label)
        if question and question.lower() not in seen:
            seen.add(question.lower())
            candidates.append((question, topic))
    return candidates


def suggest_questions(topics, index: SearchIndex, embedder, limit: int = SUGGESTION_LIMIT) -> tuple[SuggestedQuestion, ...]:
    """At most `limit` example questions for this collection, best topics first.

    Guarantees: each is in English; searching it finds, among its first ANSWER_DEPTH
    passages, a sentence of the topic it was made from, in English, at least
    MIN_ANSWER_SIMILARITY close in meaning (on the model's scale) and sharing a word with it (its `answer`);
    no two share that answer. Empty when no topic yields such a question (the page
    then shows none).
    """
    kept: list[SuggestedQuestion] = []
    answers: set[tuple[str, int]] = set()
    floor = embedder.calibrated(MIN_ANSWER_SIMILARITY, query=True)
    for question, topic in candidate_questions(topics)[:CANDIDATE_LIMIT]:
        if len(kept) == limit:
            break
        own = {(claim.source_file, claim.sentence_index) for claim in topic.claims}
        answer = next(
            (
                passage for passage in search(index, question, embedder, k=ANSWER_DEPTH)
                if (passage.hit.source_file, passage.hit.sentence_index) in own and _answers(question, passage, floor)
            ),
            None,
        )
        if answer is None:
            continue
        where = (answer.hit.source_file, answer.hit.sentence_index)
        if where in answers:
            continue
        answers.add(where)
        kept.append(SuggestedQuestion(question, topic.topic_id, answer.hit.sentence, answer.hit.source_file,
                                      answer.hit.sentence_index, answer.similarity))
    return tuple(kept)
