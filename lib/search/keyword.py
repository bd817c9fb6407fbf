"""Keyword (BM25) side of search: a tokenizer that works across scripts, and a BM25 index.

Ranking is bm25s (maintained, sparse, fast); only tokenization is ours, because
no maintained tokenizer in our dependencies covers Latin, Cyrillic and CJK at
once without a per-language dictionary:

* words (`\\w+`) for alphabetic scripts, lowercased after NFKC normalisation,
  stemmed with Snowball (PyStemmer) when the sentence's language has a stemmer;
* numbers keep their value: "12,000" and "12000" are the same token, "3.2" stays whole;
* CJK runs (Japanese kana/kanji, Chinese, Korean Hangul) become overlapping
  character bigrams (a lone character stays a unigram), the usual way to index
  unsegmented text without a dictionary (as Lucene's CJKAnalyzer does).

Guarantee: a query token and a document token match only if they are the same
normalised string; stems never cross languages except through the query, which
is expanded with the stem of every indexed language (see `query_tokens`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

# Hiragana, katakana, CJK ideographs (+ extension A, compatibility), Hangul syllables.
_CJK_CHARS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(
    rf"(?P<cjk>[{_CJK_CHARS}]+)"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    rf"|(?P<word>[^\W\d_{_CJK_CHARS}]+)",
    re.UNICODE,
)
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Short function words that carry no topic; BM25's idf would down-weight them
# anyway, but dropping them keeps "how many" from matching every sentence.
_STOPWORDS = frozenset(
    """a an and are as at be but by did do does for from had has have how i if in into is it its
    many much of on or so such that the their them then there these they this to was were what
    when where which who whom why will with would you your""".split()
)

# ISO 639-1 -> Snowball algorithm (PyStemmer); languages not listed are not stemmed.
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "sv": "swedish", "tr": "turkish",
}


@lru_cache(maxsize=None)
def _stemmer(language: str):
    algorithm = _SNOWBALL.get(language)
    if algorithm is None:
        return None
    import Stemmer  # PyStemmer: Snowball stemmers in C

    return Stemmer.Stemmer(algorithm)


def _normalise_number(text: str) -> str:
    return text.replace(",", "") if _THOUSANDS.match(text) else text


def _cjk_bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def surface_tokens(text: str) -> list[str]:
    """Unstemmed tokens of `text`: lowercased words, normalised numbers, CJK bigrams."""
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "cjk":
            tokens.extend(_cjk_bigrams(value))
        elif kind == "number":
            tokens.append(_normalise_number(value))
        elif value not in _STOPWORDS:
            tokens.append(value)
    return tokens


def document_tokens(text: str, language: str) -> list[str]:
    """Tokens of one indexed sentence: surface tokens, stemmed in the sentence's own language."""
    tokens = surface_tokens(text)
    stemmer = _stemmer(language)
    if stemmer is None:
        return tokens
    return stemmer.stemWords(tokens)


def query_tokens(text: str, languages: Iterable[str] = ("en",)) -> list[str]:
    """Distinct tokens of a query, expanded with its stem in each indexed language.

    The query's own language is unknown (short queries defeat language
    identification), so every form a document could hold is included once;
    a document holds only one form of each word, so nothing is counted twice.
    """
    surface = surface_tokens(text)
    forms: dict[str, None] = dict.fromkeys(surface)
    for language in sorted(set(languages)):
        stemmer = _stemmer(language)
        if stemmer is not None:
            forms.update(dict.fromkeys(stemmer.stemWords(surface)))
    return list(forms)


def has_non_latin_script(text: str) -> bool:
    """True when the text is written in CJK or Cyrillic script (not English)."""
    return bool(re.search(f"[{_CJK_CHARS}]", text) or _CYRILLIC.search(text))


@dataclass
class KeywordIndex:
    """BM25 over a fixed list of sentences (one document per sentence).

    Built once per corpus; `scores` returns one BM25 score per document in the
    order they were given, 0 where no query token occurs. `average_length` (tokens
    per sentence, None for an index saved by older code) is kept so that sentences
    added later can be scored on this index's scale (`build_beside`).
    """

    size: int
    languages: frozenset[str]
    _retriever: object | None
    average_length: float | None = None

    @classmethod
    def build(cls, texts: Sequence[str], languages: Sequence[str]) -> "KeywordIndex":
        import bm25s  # imported lazily: pulls in scipy

        corpus_tokens = [document_tokens(text, lang) for text, lang in zip(texts, languages)]
        average = sum(map(len, corpus_tokens)) / len(corpus_tokens) if corpus_tokens else 0.0
        if not any(corpus_tokens):
            return cls(len(texts), frozenset(languages), None, average)
        retriever = bm25s.BM25()
        retriever.index(corpus_tokens, show_progress=False)
        return cls(len(texts), frozenset(languages), retriever, average)

    @classmethod
    def build_beside(cls, texts: Sequence[str], languages: Sequence[str], earlier: Sequence["KeywordIndex"]
                     ) -> "KeywordIndex":
        """BM25 over `texts` (sentences added to a collection already indexed in `earlier`, the first
        the base), scored on the base's scale so its scores can be ranked with the others' as one list.

        Why by hand and not `bm25s.BM25.index`: bm25s takes the document count, the document
        frequencies and the average length from the texts it is given, so a dozen added sentences
        would each get IDFs of a dozen-document collection (a word in two of them ~1.5, in the base
        ~9) and outrank or vanish beside the base's scores. Here each token's IDF counts the
        documents of `earlier` and of `texts` that hold it (N likewise), the length normalisation
        uses the base's average length, and the formula is bm25s's own for the base's method
        (Lucene: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part tf / (tf + k1 (1 - b + b dl/avgdl))).
        What differs from a rebuild over base + added: the base's own scores keep the statistics of
        the base (a word the added sentences make more common is still scored rarer in the base's
        sentences), and the average length is the base's. The score matrix is a bm25s index (saved,
        loaded and summed by bm25s). Raises ValueError when the base's scale is unknown (an index
        saved by older code, or another BM25 variant)."""
        import bm25s

        base = earlier[0]
        params = base._retriever
        if base.average_length is None or (params is not None and params.method != "lucene"):
            raise ValueError("the base keyword index does not record its statistics")
        corpus_tokens = [document_tokens(text, lang) for text, lang in zip(texts, languages)]
        vocabulary = {token: i for i, token in enumerate(dict.fromkeys(t for tokens in corpus_tokens for t in tokens))}
        if not vocabulary:
            return cls(len(texts), frozenset(languages), None, base.average_length)
        own_frequency = np.zeros(len(vocabulary), dtype=np.int64)
        rows, columns, frequencies = [], [], []
        for row, tokens in enumerate(corpus_tokens):
            counted: dict[str, int] = {}
            for token in tokens:
                counted[token] = counted.get(token, 0) + 1
            for token, count in counted.items():
                rows.append(row)
                columns.append(vocabulary[token])
                frequencies.append(count)
                own_frequency[vocabulary[token]] += 1
        tokens_in_order = list(vocabulary)
        documents = len(texts) + sum(index.size for index in earlier)
        frequency = own_frequency + np.asarray(
            [sum(index.document_frequency(token) for index in earlier) for token in tokens_in_order], dtype=np.int64)
        k1, b = (params.k1, params.b) if params is not None else (1.5, 0.75)
        idf = np.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
        lengths = np.asarray([len(tokens) for tokens in corpus_tokens], dtype=np.float32)[rows]
        tf = np.asarray(frequencies, dtype=np.float32)
        values = idf[columns] * (tf / (k1 * ((1 - b) + b * lengths / np.float32(base.average_length)) + tf))
        # bm25s's layout: compressed sparse columns, one column per token, rows ascending within one.
        columns = np.asarray(columns, dtype=np.int64)
        order = np.argsort(columns, kind="stable")
        indptr = np.concatenate([[0], np.cumsum(np.bincount(columns, minlength=len(vocabulary)))])
        retriever = bm25s.BM25(k1=k1, b=b)
        retriever.scores = {"data": values[order].astype(np.float32),
                            "indices": np.asarray(rows, dtype=np.int32)[order],
                            "indptr": indptr.astype(np.int32), "num_docs": len(texts)}
        retriever.vocab_dict = vocabulary
        retriever.unique_token_ids_set = set(vocabulary.values())
        retriever.nonoccurrence_array = None
        return cls(len(texts), frozenset(languages), retriever, base.average_length)

    def document_frequency(self, token: str) -> int:
        """How many of the indexed sentences hold `token` (its column's entries: every BM25 score is > 0)."""
        if self._retriever is None:
            return 0
        column = self._retriever.vocab_dict.get(token)
        indptr = self._retriever.scores["indptr"]
        if column is None or column + 1 >= len(indptr):  # bm25s's empty token "" has no column
            return 0
        return int(indptr[column + 1] - indptr[column])

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for `query` (float32, length `size`)."""
        return self.scores_of_tokens(query_tokens(query, self.languages))

    def scores_of_tokens(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for query tokens already made (`query_tokens`)."""
        if self._retriever is None or not tokens:
            return np.zeros(self.size, dtype=np.float32)
        vocab = self._retriever.vocab_dict
        known = [token for token in tokens if token in vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)

    # -- on disk ---------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write the index into `folder` (bm25s's own format beside a small JSON of ours)."""
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"size": self.size, "languages": sorted(self.languages), "empty": self._retriever is None,
                "average_length": self.average_length}
        if self._retriever is not None:
            self._retriever.save(str(folder / "bm25s"), show_progress=False)
        (folder / "keywords.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "KeywordIndex":
        """The index `save` wrote, its score arrays memory-mapped (read as queries need them).

        Raises ValueError (or OSError) for a folder that does not hold a whole index."""
        meta = json.loads((folder / "keywords.json").read_text(encoding="utf-8"))
        retriever = None
        if not meta["empty"]:
            import bm25s

            retriever = bm25s.BM25.load(str(folder / "bm25s"), mmap=True, show_progress=False)
            documents = int(retriever.scores["num_docs"])
            if documents != int(meta["size"]):
                raise ValueError(f"the keyword index holds {documents} sentences, its record says {meta['size']}")
        average = meta.get("average_length")
        return cls(int(meta["size"]), frozenset(meta["languages"]), retriever,
                   None if average is None else float(average))


class KeywordSegments:
    """BM25 over a base index and the small indexes of sentences added after it (`build_beside`),
    as one list: `scores` gives the base's scores, then each added index's, in row order. The
    query's tokens are made once for every segment's languages, as a rebuild over them all would."""

    def __init__(self, parts: Sequence[KeywordIndex]):
        self.parts = tuple(parts)
        self.size = sum(part.size for part in self.parts)
        self.languages = frozenset().union(*(part.languages for part in self.parts))

    def scores(self, query: str) -> np.ndarray:
        tokens = query_tokens(query, self.languages)
        return np.concatenate([part.scores_of_tokens(tokens) for part in self.parts])
