"""Language identification with py3langid (ships its model; no download)."""

from __future__ import annotations

import re

_WORDY = re.compile(r"\w", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def detect_language(text: str, default: str = "und") -> str:
    """ISO 639-1 code of `text`, or `default` when there is too little text to tell."""
    sample = text.strip()
    if len(_WORDY.findall(sample)) < 3:
        return default
    import py3langid

    code, _score = py3langid.classify(sample[:5000])
    # Short Latin snippets confuse langid (e.g. a name list read as Latvian);
    # when the text has CJK characters, trust the script.
    if _CJK.search(sample) and code not in ("ja", "zh", "ko"):
        kana = re.search(r"[\u3040-\u30ff]", sample)
        hangul = re.search(r"[\uac00-\ud7af]", sample)
        code = "ja" if kana else "ko" if hangul else "zh"
    return code
