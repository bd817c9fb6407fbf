"""Ingestion accuracy against hand-checked gold: titles, dates, outlets, furniture removals, kept sentences.

    python -m eval.eval_ingest          # print the figures
    python -m eval.eval_ingest --ci     # also fail (exit 1) below the CI floors

Each article is built from its raw file with the real pipeline (no store), then
the corpus-level date inference runs over the bundled corpus as it does in the app.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from eval.floors import add_floor_options, below_floors, floors
from lib.core.errors import StoryLensError
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import infer_missing_dates
from lib.ingest.pipeline import build_article

GOLD = REPO_ROOT / "eval" / "gold" / "ingest_gold.json"
FOLDERS = {"corpus": REPO_ROOT / "data" / "articles", "pages": REPO_ROOT / "eval" / "gold" / "pages"}


def evaluate() -> dict[str, tuple[int, int]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    settings = load_settings(tempfile.mkdtemp(prefix="storylens-eval-"))
    built = {}
    for item in gold:
        path = FOLDERS[item["source"]] / item["file"]
        try:
            built[item["file"]] = build_article(path.name, path.read_bytes(), settings)
        except StoryLensError as error:
            print(f"  REJECTED {item['file']}: {error}")
    # Corpus-level inference runs per collection, as in the app.
    for source in FOLDERS:
        names = [i["file"] for i in gold if i["source"] == source and i["file"] in built]
        for article in infer_missing_dates([built[name] for name in names]):
            built[article.source_file] = article
    tally = {key: [0, 0] for key in floors("ingest")}

    def count(key: str, ok: bool, file: str, shown) -> None:
        tally[key][0] += int(ok)
        tally[key][1] += 1
        if not ok:
            print(f"  MISS {key:8s} {file}: {shown}")

    for item in gold:
        article = built.get(item["file"])
        if article is None:
            for key in ("titles", "dates", "outlets"):
                count(key, False, item["file"], "rejected")
            for snippet in item["removed"] + item["kept"]:
                count("removed" if snippet in item["removed"] else "kept", False, item["file"], snippet)
            continue
        published = article.published
        date_ok = (
            (published.date, published.precision, published.stated) == (item["date"], "day", True)
            if item["date"]
            else not published.stated
        )
        outlet_ok = item["outlet_has"] in article.outlet if item["outlet_has"] else article.outlet == "Unknown outlet"
        count("titles", article.title == item["title"], item["file"], article.title)
        count("dates", date_ok, item["file"], published)
        count("outlets", outlet_ok, item["file"], article.outlet)
        for snippet in item["removed"]:
            count("removed", snippet not in article.body, item["file"], f"still in body: {snippet}")
        for snippet in item["kept"]:
            count("kept", snippet in article.body, item["file"], f"lost: {snippet}")
    return {key: (right, total) for key, (right, total) in tally.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_floor_options(parser, "ingest")
    args = parser.parse_args()
    figures = evaluate()
    for key, (right, total) in figures.items():
        print(f"{key:8s} {right:3d}/{total:<3d} = {right / total if total else 0.0:.2f}")
    return below_floors({key: right / total if total else 0.0 for key, (right, total) in figures.items()}, args, "ingest")


if __name__ == "__main__":
    sys.exit(main())
