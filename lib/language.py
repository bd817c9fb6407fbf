"""Language identification with py3langid (ships its model; no download)."""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CJK_SHARE = 0.3


def detect_language(text: str, default: str = "und") -> str:
    """ISO 639-1 code of `text`, or `default` when there are too few letters to tell."""
    sample = text.strip()[:5000]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        return default
    import py3langid

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
    code, _score = py3langid.classify(sample)
    return code
