"""Probe pages written for tests: a pasted page whose lines starting with "@key: value" state what
StoryLens should read from it (they are not part of the page)."""

from __future__ import annotations

from pathlib import Path


def load_probe_page(path: Path) -> tuple[bytes, dict[str, str]]:
    """(the page as pasted bytes, without its "@" lines; {key: expected value} from those lines)."""
    expected, lines = {}, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("@"):
            key, _, value = raw[1:].partition(":")
            expected[key.strip()] = value.strip()
        else:
            lines.append(raw)
    return ("\n".join(lines) + "\n").encode("utf-8"), expected
