"""Regenerate tests/golden/articles.json from the bundled corpus (review the diff before committing).

    .venv/bin/python -m eval.make_golden_articles [--check]

The golden file holds what a reviewer checks line by line for each bundled
article: title, outlet, publication date (with precision, stated flag and
clue), language, the cleaned body, every removed block (kind, reason, text)
and the sentence count. It is built on a throwaway copy of data/articles so
the repo's store is untouched. `--check` prints differences and exits 1.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from lib.core.settings import load_settings
from lib.ingest.corpus import load_corpus

GOLDEN = REPO / "tests" / "golden" / "articles.json"


def golden_view(articles) -> list[dict]:
    """The reviewed fields of each article, sorted by file name."""
    view = []
    for article in sorted(articles, key=lambda a: a.source_file):
        record = article.to_json()
        view.append({key: record[key] for key in ("source_file", "title", "outlet", "published", "language", "sentences", "body", "removed")})
    return view


def current_view() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="storylens-golden-") as folder:
        shutil.copytree(REPO / "data" / "articles", Path(folder) / "articles")
        return golden_view(load_corpus(load_settings(folder)).articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print differences and exit 1 instead of writing")
    args = parser.parse_args()
    text = json.dumps(current_view(), ensure_ascii=False, indent=2) + "\n"
    if args.check:
        old = GOLDEN.read_text(encoding="utf-8") if GOLDEN.exists() else ""
        diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), "golden", "now", lineterm=""))
        print("\n".join(diff) or "golden articles unchanged")
        return 1 if diff else 0
    GOLDEN.write_text(text, encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
