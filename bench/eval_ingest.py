"""Ingestion accuracy against hand-checked gold: titles, dates, outlets, furniture removals, kept sentences.

    python bench/eval_ingest.py          # print the figures
    python bench/eval_ingest.py --ci     # also fail (exit 1) below the CI floors

Each article is built from its raw file with the real pipeline (no store), then
the corpus-level date inference runs over the bundled corpus as it does in the app.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.corpus import infer_missing_dates  # noqa: E402
from lib.errors import StoryLensError  # noqa: E402
from lib.ingest import build_article  # noqa: E402
from lib.settings import REPO_ROOT, load_settings  # noqa: E402

GOLD = REPO_ROOT / "bench" / "gold" / "ingest_gold.json"
FOLDERS = {"corpus": REPO_ROOT / "data" / "articles", "pages": REPO_ROOT / "bench" / "gold" / "pages"}
# Floors a little under what the pipeline reaches; raise them as it improves.
CI_FLOORS = {"titles": 1.0, "dates": 1.0, "outlets": 0.85, "removed": 0.95, "kept": 1.0}


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
    tally = {key: [0, 0] for key in CI_FLOORS}

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
    parser.add_argument("--ci", action="store_true", help="exit 1 below the CI floors")
    args = parser.parse_args()
    figures = evaluate()
    failed = False
    for key, (right, total) in figures.items():
        share = right / total if total else 0.0
        floor = CI_FLOORS[key]
        verdict = "" if share >= floor else f"  BELOW FLOOR {floor:.2f}"
        failed |= share < floor
        print(f"{key:8s} {right:3d}/{total:<3d} = {share:.2f}{verdict}")
    return 1 if (args.ci and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
