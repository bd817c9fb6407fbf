"""Bytes from a file or a paste -> text, with the encoding detected and bad input refused.

Every refusal is a `BadInputError` whose message says what was wrong and what to do.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from lib.errors import BadInputError

ACCEPTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_SNIFF = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIN_ARTICLE_CHARS = 40


@dataclass(frozen=True)
class DecodedInput:
    name: str  # safe display/file name
    text: str
    encoding: str
    kind: str  # "text" or "html"


def safe_name(name: str) -> str:
    """A plain file name: no folders, no '..', no control characters, at most 120 chars."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    base = base.strip().lstrip(".")
    if not base:
        base = "pasted.txt"
    if len(base) > 120:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: 110] + "." + suffix) if dot and len(suffix) <= 8 else base[:120]
    return base


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 100)


def _decode_text(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as error:
                raise BadInputError(
                    f"The file starts with a {encoding} byte-order mark but its bytes are not "
                    f"valid {encoding} ({error.reason}). Save it again as UTF-8 and retry."
                ) from error
    if _looks_binary(data):
        raise BadInputError(
            "This file is binary (not text or HTML), e.g. an image, PDF or Word file. "
            "Upload the article as .txt, .md or .html, or paste its text."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # charset-normalizer is the maintained detector (chardet's successor).
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInputError(
            "The text is not UTF-8 and its encoding could not be recognised. "
            "Save it as UTF-8 (most editors: 'Save as… / Encoding: UTF-8') and retry."
        )
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise BadInputError(
            f"The text could not be decoded cleanly (looked like {best.encoding}). "
            "Save it as UTF-8 and retry."
        )
    return text, best.encoding


def decode_input(name: str, data: bytes, max_bytes: int) -> DecodedInput:
    """Decode an uploaded or pasted input; refuse empty, binary, oversized or unreadable input."""
    display_name = safe_name(name)
    suffix = PurePath(display_name).suffix.lower()
    if suffix and suffix not in ACCEPTED_SUFFIXES:
        raise BadInputError(
            f"'{display_name}': files of type '{suffix}' are not accepted. "
            f"Use one of {', '.join(ACCEPTED_SUFFIXES)} or paste the article's text."
        )
    if not suffix:
        display_name += ".txt"
    if len(data) == 0:
        raise BadInputError(f"'{display_name}' is empty. Choose a file that contains the article's text.")
    if len(data) > max_bytes:
        raise BadInputError(
            f"'{display_name}' is {len(data) / 1048576:.1f} MB, more than the "
            f"{max_bytes / 1048576:.0f} MB limit for one article. Save just the article page and retry."
        )
    text, encoding = _decode_text(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\x00", "")
    is_html = suffix in (".html", ".htm") or bool(_HTML_SNIFF.search(text[:4096]))
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        what = "only whitespace" if not text.strip() else "too little text to be an article"
        raise BadInputError(
            f"'{display_name}' contains {what}. Paste or upload the whole article."
        )
    return DecodedInput(name=display_name, text=text, encoding=encoding, kind="html" if is_html else "text")
