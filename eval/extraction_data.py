"""The article-extraction dev set as records: HTML, pasted-text version, reference body.

The pasted-text version is made with `lib.ingest.extract.page_text.html_to_page_text`
(a plain lxml conversion that keeps line breaks), never with trafilatura.
Also builds per-line training labels for the cleaner's scorer.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib.core.settings import REPO_ROOT

DEV_DIR = REPO_ROOT.parent / "shared" / "benchmarks" / "article-extraction-dev"  # ../shared beside the checkout
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class DevPage:
    key: str
    url: str
    html: str
    page_text: str
    reference: str


def decode_html(data: bytes) -> str:
    """A saved page's bytes as text: UTF-8, else its declared charset, else charset_normalizer's guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


@lru_cache(maxsize=1)
def load_dev_pages(dev_dir: str = str(DEV_DIR)) -> tuple[DevPage, ...]:
    """All dev pages sorted by key (deterministic folds)."""
    from lib.ingest.extract.page_text import html_to_page_text

    root = Path(dev_dir)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        html = decode_html(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()))
        pages.append(
            DevPage(
                key=key,
                url=truth[key].get("url", ""),
                html=html,
                page_text=html_to_page_text(html),
                reference=truth[key]["articleBody"],
            )
        )
    return tuple(pages)


def folds(n_pages: int, k: int = 5) -> list[list[int]]:
    """k page-index folds, interleaved so every fold mixes sites."""
    return [list(range(i, n_pages, k)) for i in range(k)]


def line_is_body(line: str, reference_shingles, reference_text_tokens: str) -> bool:
    """Label of one pasted-text block: most of its shingles are in the reference body.

    Blocks shorter than 4 tokens are body when their token sequence occurs in
    the reference (as a whole-token substring).
    """
    from lib.ingest.extract.score import shingles, tokens

    words = tokens(line)
    if not words:
        return False
    if len(words) < 4:
        return f" {' '.join(words)} " in reference_text_tokens
    own = shingles(line)
    hit = sum(count for shingle, count in own.items() if shingle in reference_shingles)
    return hit / sum(own.values()) >= 0.5
