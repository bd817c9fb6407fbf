"""Plain words for what the pages show: outlet names as a reader says them,
language names instead of ISO codes, dates without precision codes."""

from __future__ import annotations

from functools import lru_cache

from lib.core.models import PublishedDate

# Stores written before 6 Dec 2026 label a wire story whose carrying site is unknown
# "Kyodo (site not named)"; a reader says "Kyodo" (lib/ingest/outlet.py now stores that).
_UNNAMED_SITE = " (site not named)"


def outlet_name(outlet: str) -> str:
    """ "Kyodo (site not named)" (an older store's label) -> "Kyodo"; other names unchanged."""
    return outlet.removesuffix(_UNNAMED_SITE) if outlet else "Unknown outlet"


@lru_cache(maxsize=None)
def language_name(code: str) -> str:
    """ "uk" -> "Ukrainian" (names from CLDR via babel); "und" or "" -> "undetermined language"."""
    if not code or code == "und":
        return "undetermined language"
    try:
        from babel import Locale

        return Locale("en").languages.get(code.split("-")[0], code)
    except Exception:  # babel missing or an odd code: the code is still better than nothing
        return code


def language_list(codes) -> str:
    """ "English and Japanese", "English, Japanese and Korean"."""
    names = [language_name(code) for code in codes if code and code != "und"]
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def date_words(published: PublishedDate) -> str:
    """ "20 Jun 2024", "about Jun 2025", "date unknown" (see PublishedDate.plain_label)."""
    return published.plain_label()


def date_note(published: PublishedDate) -> str:
    """Why a date reads "about": for a tooltip."""
    if published.stated or not published.date:
        return ""
    return f"The page prints no publication date; inferred ({published.clue})." if published.clue else "The page prints no publication date; this one is inferred."


MAX_LABEL_WORDS = 8
_CUT_MARKS = ("…", "...")


def short_label(text: str, max_words: int = MAX_LABEL_WORDS) -> str:
    """At most `max_words` whole words of `text`, with "…" when words were left out.

    Never ends in a cut word: a last word that already carries an ellipsis
    (text cut mid-word upstream, e.g. "signed Wednesd…") is dropped too.
    """
    words = text.split()
    cut = False
    if words and words[-1].endswith(_CUT_MARKS):
        stripped = words[-1].rstrip(".…")
        words = words[:-1] if len(words) > 1 else [stripped]
        cut = True
    if len(words) > max_words:
        words, cut = words[:max_words], True
    label = " ".join(words)
    if cut:
        label = label.rstrip(" ,;:–-—") + "…"
    return label


def language_reach_note(article_languages, model_reads_every_language: bool, reader_language: str = "en") -> str | None:
    """What a question can reach, in plain words, when some articles are in languages the embedding
    model does not read (`model_reads_every_language` False: an English-only model): None when every
    article is in `reader_language` or the model reads every language."""
    others = [code for code in article_languages if code and code not in ("und", reader_language)]
    if model_reads_every_language or not others:
        return None
    named = language_list(sorted(set(others), key=lambda code: (-others.count(code), code)))
    count = len(others)
    return (
        f"{count} of {len(list(article_languages))} articles {'is' if count == 1 else 'are'} in {named}. "
        f"The language model reads {language_name(reader_language)} only, so a question finds "
        f"{'it' if count == 1 else 'them'} only by the words it shares with them (names, numbers). "
        "To search across languages, start StoryLens with STORYLENS_MODEL=multilingual-e5-small "
        "(see Settings in the README)."
    )
