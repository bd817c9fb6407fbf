"""Language identification with py3langid (ships its model; no download)."""

from __future__ import annotations

import functools
import re
import threading

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CJK_SHARE = 0.3


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


# How long the Articles page keeps the model after pages are added, so that the next page pasted soon
# after does not load it again (~0.4 s each).
KEPT_BETWEEN_PASTES_S = 120.0
_release_lock = threading.Lock()
_release_timer: threading.Timer | None = None


def release_language_model(after_s: float = 0.0) -> None:
    """Forget the n-gram model (about 75 MB resident) now, or `after_s` seconds from now (a later
    call starts the wait again); the next detection reloads it (~0.4 s).

    Ingestion comes in batches (first start, an upload), and a long-running app
    should not hold the model between them: on a 1 GB Community Cloud container
    those 75 MB are a tenth of the budget. py3langid's own `classify` keeps its
    model in a module global forever, hence our own instance. Pages pasted one after
    another on the Articles page are one batch to the person pasting them: the page
    keeps the model for a while rather than load it again for every page.
    """
    global _release_timer
    with _release_lock:
        if _release_timer is not None:
            _release_timer.cancel()
            _release_timer = None
        if after_s <= 0:
            _identifier.cache_clear()
            return
        _release_timer = threading.Timer(after_s, _identifier.cache_clear)
        _release_timer.daemon = True
        _release_timer.start()


def detect_language(text: str, default: str = "und") -> str:
    """ISO 639-1 code of `text`, or `default` when there are too few letters to tell."""
    sample = text.strip()[:5000]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        return default
    cjk_share = len(_CJK.findall(sample)) / letters
    # langid follows the script too eagerly in mixed text: a few CJK characters
    # in an English sentence are a quoted name, and a mostly-CJK text is CJK
    # whatever langid's n-grams say. The script share decides in those cases.
    if cjk_share >= _CJK_SHARE:
        return "ja" if _KANA.search(sample) else "ko" if _HANGUL.search(sample) else "zh"
    if cjk_share > 0:
        sample = _CJK.sub(" ", sample)
        if len(_LETTER.findall(sample)) < 3:
            return default
    code, _score = _identifier().classify(sample)
    return _VARIETIES.get(code, code)


# Regional varieties the n-gram model has classes of, read with their language's tools (a news
# sentence in Modern Standard Arabic is often scored as Moroccan or Egyptian Arabic).
_VARIETIES = {"ary": "ar", "arz": "ar", "wuu": "zh", "yue": "zh"}
