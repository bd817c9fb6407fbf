"""How the pasted-text cleaner's time grows with the size of the paste (a figure, never asserted).

    .venv/bin/python -m bench.cleaner_scaling                 # 1k, 4k, 16k, 64k lines per shape
    .venv/bin/python -m bench.cleaner_scaling --mb 20         # also one 20 MB paste per shape (upload limit)
    .venv/bin/python -m bench.cleaner_scaling --lines 1000 4000 --shapes menus prose

Shapes (every line distinct, so the per-line caches cannot hide the work):
  menus    capitalised 1-3 word lines ("World News 17"): one endless menu run
  short    short lower-case lines ("see item 17")
  prose    article paragraphs of 2-3 sentences
  wrapped  prose hard-wrapped at ~70 columns (continuation lines are re-joined)
  mixed    a menu, an article, a related list and a comment thread, repeated
  japanese Japanese paragraphs ending in 。 between short menu lines
  oneline  (only with --mb) the whole paste on a single line of prose
  hostile  (only with --mb) one line of regex-hostile fragments ("a.a.a", "(photo ", "get the latest ")
The growth column is time(4n)/time(n): 4 means linear, 16 quadratic.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tests.support.page_shapes import sentence, shape_text

REPO_ROOT = Path(__file__).resolve().parent.parent


def text_of_size(shape: str, n_bytes: int) -> str:
    """A paste of about `n_bytes` UTF-8 bytes of one shape."""
    if shape in ("oneline", "hostile"):
        piece = sentence(7) + " " if shape == "oneline" else "a.a.a.a.a.a (photo get the latest contribute )))))... "
        return piece * (n_bytes // len(piece.encode()) + 1)
    sample = shape_text(shape, 1000)
    lines = max(1, int(1000 * n_bytes / len(sample.encode())))
    return shape_text(shape, lines)


def time_clean(text: str) -> tuple[float, int]:
    """Seconds to clean `text` (line caches cleared first) and the number of body paragraphs kept."""
    from lib.ingest.extract.blocks import clear_line_caches
    from lib.ingest.extract.text import clean_page_text

    clear_line_caches()
    started = time.perf_counter()
    extraction = clean_page_text(text)
    return time.perf_counter() - started, len(extraction.paragraphs)


SHAPES = ("menus", "short", "prose", "wrapped", "mixed", "japanese")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 4000, 16000, 64000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=[*SHAPES, "oneline", "hostile"])
    parser.add_argument("--mb", type=float, default=0.0, help="also time one paste of this many MB per shape")
    args = parser.parse_args(argv)

    clean_shapes = [shape for shape in args.shapes if shape not in ("oneline", "hostile")]
    print(f"{'shape':9s} {'lines':>7s} {'MB':>6s} {'seconds':>8s} {'growth':>7s} {'kept':>6s}")
    for shape in clean_shapes:
        previous = None
        for n_lines in args.lines:
            text = shape_text(shape, n_lines)
            seconds, kept = time_clean(text)
            growth = f"{seconds / previous:7.1f}" if previous else "      -"
            print(f"{shape:9s} {n_lines:7d} {len(text.encode()) / 1e6:6.2f} {seconds:8.2f} {growth} {kept:6d}", flush=True)
            previous = seconds
    if args.mb:
        print(f"\none paste of {args.mb:g} MB per shape")
        for shape in [*args.shapes, *(extra for extra in ("oneline", "hostile") if extra not in args.shapes)]:
            text = text_of_size(shape, int(args.mb * 1e6))
            seconds, kept = time_clean(text)
            print(f"{shape:9s} {text.count(chr(10)) + 1:7d} {len(text.encode()) / 1e6:6.2f} {seconds:8.2f}       - {kept:6d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
