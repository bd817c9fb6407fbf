"""Bytes from a file or a paste -> text, with the encoding detected and bad input refused.

Every refusal is a `BadInputError` whose message names the input, says what
was wrong and what to do. Guarantees of `decode_input`:

- it never raises anything but `BadInputError` for any bytes and any name;
- the returned `name` is a plain file name (no folders, no '..', no control
  characters, at most `MAX_NAME_BYTES` bytes of UTF-8) that is safe to use
  as a file name on disk and to show;
- the returned `text` is exactly the input's characters (line breaks
  normalised to "\\n", NFC, control characters other than tab/newline
  dropped); when some bytes could not be decoded, `encoding` says so
  (e.g. "utf-8 (2 invalid bytes replaced)") instead of guessing silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from lib.core.errors import BadInputError
from lib.core.file_names import MAX_NAME_BYTES, safe_name, truncate_utf8

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

# Magic numbers of the binary formats people most often rename or pick by
# mistake; naming the format makes the refusal actionable ("save the PDF's
# text"). python-magic would need libmagic, which is not installed.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a Word/Excel/EPUB file, which are ZIP archives)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old-style Word/Excel/Outlook file"),
    (b"\x1f\x8b", 0, "a gzip-compressed file"),
    (b"BZh", 0, "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", 0, "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\x7fELF", 0, "a program (ELF executable)"),
    (b"MZ", 0, "a Windows program"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"ftyp", 4, "an MP4/MOV video or audio file"),
    (b"OggS", 0, "an Ogg audio/video file"),
    (b"\x00\x00\x01\x00", 0, "an icon file"),
)
_REPLACEMENT_RUNS = re.compile("\ufffd+")
_ISO2022_ESCAPES = re.compile(rb"\x1b\$[@B]|\x1b\$\(D")
# C0/C1 control characters that carry no text (tab and newline are kept).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class DecodedInput:
    name: str  # safe display/file name
    text: str
    encoding: str
    kind: str  # "text" or "html"


def binary_format(data: bytes) -> str | None:
    """The name of a known binary format `data` starts with ("a PDF document"), or None."""
    for magic, offset, label in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return label
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 100)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when `data` looks like BOM-less UTF-16 text (NULs in every other byte)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few damaged bytes: (text with U+FFFD, number of bad bytes), else None.

    A file with valid multi-byte UTF-8 characters and a handful of invalid
    bytes is UTF-8 that was truncated or mangled; reading it as a legacy
    code page would turn every correct accented or CJK character into
    mojibake, so the damage is shown as U+FFFD and reported instead.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    # One damaged spot (e.g. an encoded surrogate) yields several U+FFFD in a row.
    spots = len(_REPLACEMENT_RUNS.findall(text)) - data.count("\xef\xbf\xbd".encode("latin-1"))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))  # counted in C: inputs reach 20 MB
    good = non_ascii - text.count("\ufffd")
    if good >= 1 and spots <= max(1, good // 2) and spots <= max(8, len(data) // 1000):
        return text, replaced
    return None


def _decode_text(display_name: str, data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as error:
                raise BadInputError(
                    f"'{display_name}' starts with a {encoding} byte-order mark but its bytes are not "
                    f"valid {encoding} ({error.reason}). Save it again as UTF-8 and retry."
                ) from error
    detected = binary_format(data)
    if detected:
        raise BadInputError(
            f"'{display_name}' is {detected} (a binary file), not text. Open it, copy the article's text and paste it, "
            "or save the article as .txt, .md or .html and upload that."
        )
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: fall through to the binary check
    if _looks_binary(data):
        raise BadInputError(
            f"'{display_name}' is a binary file (not text or HTML), e.g. an image, PDF or Word file. "
            "Upload the article as .txt, .md or .html, or paste its text (text saved as "
            "'Unicode'/UTF-16 without a byte-order mark: save it as UTF-8)."
        )
    if _ISO2022_ESCAPES.search(data[:65536]):
        # 7-bit Japanese mail/news encoding: valid ASCII, so UTF-8 would "succeed" with garbage.
        try:
            return data.decode("iso2022_jp_ext"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _mostly_utf8(data)
    if damaged:
        text, bad = damaged
        return text, f"utf-8 ({bad} invalid byte{'s' if bad != 1 else ''} replaced with \ufffd)"
    # charset-normalizer is the maintained detector (chardet's successor).
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInputError(
            f"'{display_name}' is not UTF-8 and its encoding could not be recognised (it may be a "
            "binary file). Save it as UTF-8 (most editors: 'Save as… / Encoding: UTF-8') and retry."
        )
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 200) or best.chaos > 0.3:
        raise BadInputError(
            f"'{display_name}' could not be decoded cleanly (it looked like {best.encoding} but the "
            "result is garbled). Save it as UTF-8 and retry."
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
        display_name = truncate_utf8(display_name, MAX_NAME_BYTES - 4) + ".txt"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise BadInputError(f"'{display_name}' did not arrive as file bytes. Upload it again.")
    data = bytes(data)
    if len(data) == 0:
        raise BadInputError(f"'{display_name}' is empty. Choose a file that contains the article's text.")
    if len(data) > max_bytes:
        raise BadInputError(
            f"'{display_name}' is {len(data) / 1048576:.1f} MB, more than the "
            f"{max_bytes / 1048576:.0f} MB limit for one article. Save just the article page and retry."
        )
    text, encoding = _decode_text(display_name, data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters are invisible in a browser and break sentence offsets
    # when a widget drops them; they never carry article text.
    text = _CONTROL.sub("", text.replace("\x0c", "\n"))
    is_html = suffix in (".html", ".htm") or bool(_HTML_SNIFF.search(text[:4096]))
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        what = "only whitespace" if not text.strip() else "too little text to be an article"
        raise BadInputError(
            f"'{display_name}' contains {what}. Paste or upload the whole article."
        )
    return DecodedInput(name=display_name, text=text, encoding=encoding, kind="html" if is_html else "text")
