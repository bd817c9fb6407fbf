"""Reading probe pages the way ingestion does: each page built once per test module, with its event mentions."""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def page_reader(folder: Path, pages: dict[str, str]) -> Callable[[str], tuple]:
    """`read(name)` -> (Article, event mentions) of `pages[name]`, built with the settings of `folder`
    and cached, so a module's tests share one reading of each page."""
    from lib.core.settings import load_settings
    from lib.events.mentions import find_event_mentions
    from lib.ingest.pipeline import build_article

    settings = load_settings(folder)
    cache: dict[str, tuple] = {}

    def read_page(name: str):
        if name not in cache:
            article = build_article(f"{name}.txt", pages[name].encode("utf-8"), settings)
            cache[name] = (article, find_event_mentions(article))
        return cache[name]

    return read_page
