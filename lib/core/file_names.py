"""Plain, safe file names for what people upload or paste (shared by the store and the decoder)."""

from __future__ import annotations

from pathlib import PurePath

# Most file systems allow 255 bytes per name; stay well under it (names are
# stored inside a folder named by hash, and shown in lists).
MAX_NAME_BYTES = 120


def truncate_utf8(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_name(name: str) -> str:
    """A plain file name: no folders, no '..', no control characters, at most MAX_NAME_BYTES bytes."""
    base = PurePath(str(name).replace("\\", "/")).name
    # isprintable() is False for control, format (bidi overrides) and separator characters.
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*/\\')
    base = base.strip().lstrip(".").strip()
    if not base:
        base = "pasted.txt"
    if len(base.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, suffix = base.rpartition(".")
        if dot and stem and len(suffix) <= 8:
            base = truncate_utf8(stem, MAX_NAME_BYTES - len(suffix) - 1).rstrip() + "." + suffix
        else:
            base = truncate_utf8(base, MAX_NAME_BYTES).rstrip()
    return base
