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

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

_MENU = ("World", "News", "Politics", "Business", "Sport", "Opinion", "Culture", "Video")
_SUBJECTS = ("Officials in Tokyo", "The ministry", "Analysts in Seoul", "A Kremlin spokesman", "The agency")
_VERBS = ("said on Friday that", "warned that", "told reporters that", "confirmed that", "added that")
_CLAUSES = (
    "about 3,000 troops had been moved toward the front line in the Kursk region",
    "the treaty signed in Pyongyang obliges both sides to give military help",
    "the deployment was a grave concern for the security of the whole region",
    "cooperation between Moscow and Pyongyang had deepened over the summer",
)
_JA_SENTENCES = (
    "韓国の国家情報院は、北朝鮮の兵士の一部がロシア西部のクルスク州に移動したと明らかにしました。",
    "林官房長官は記者会見で「地域の安全保障に重大な影響を与えかねない」と述べました。",
    "両国は6月、包括的戦略パートナーシップ条約に署名しました。",
)
_JA_MENU = ("ニュース", "政治", "経済", "国際", "社会", "スポーツ")


def _sentence(i: int) -> str:
    return f"{_SUBJECTS[i % 5]} {_VERBS[(i // 5) % 5]} {_CLAUSES[(i // 25) % 4]} (report {i})."


def shape_lines(shape: str, n: int) -> list[str]:
    """`n` distinct lines of one page shape (see the module docstring)."""
    if shape == "menus":
        return [f"{_MENU[i % 8]} {'Hub ' if i % 3 else ''}{i}" for i in range(n)]
    if shape == "short":
        return [f"see item {i}" for i in range(n)]
    if shape == "prose":
        return [" ".join(_sentence(3 * i + k) for k in range(1 + i % 3)) for i in range(n)]
    if shape == "wrapped":
        lines = []
        for i in range(n):
            words = _sentence(i).lower().split()
            lines.append(" ".join(words[:8]) if i % 12 == 0 else " ".join(words[2:9]))
            if i % 12 == 11:
                lines.append("")  # a blank line ends the paragraph
        return lines[:n]
    if shape == "mixed":
        block = []
        for i in range(0, n, 40):
            block += [f"{_MENU[k]} {i}" for k in range(8)]
            block += [f"Headline number {i} about troops in Kursk"]
            block += [" ".join(_sentence(i + k + j) for j in range(2)) for k in range(12)]
            block += ["Related Articles"] + [f"Other story {i + k} about the region" for k in range(6)]
            block += ["Comments"] + [f"@reader{i + k} I doubt it, report {i + k}" if k % 2 else f"{k} likes" for k in range(12)]
        return block[:n]
    if shape == "japanese":
        return [
            _JA_MENU[i % 6] + str(i) if i % 4 == 0 else f"【{i}】" + "".join(_JA_SENTENCES[(i + k) % 3] for k in range(2))
            for i in range(n)
        ]
    raise ValueError(f"unknown shape {shape!r}")


def shape_text(shape: str, n_lines: int) -> str:
    return "\n".join(shape_lines(shape, n_lines)) + "\n"


def text_of_size(shape: str, n_bytes: int) -> str:
    """A paste of about `n_bytes` UTF-8 bytes of one shape."""
    if shape in ("oneline", "hostile"):
        piece = _sentence(7) + " " if shape == "oneline" else "a.a.a.a.a.a (photo get the latest contribute )))))... "
        return piece * (n_bytes // len(piece.encode()) + 1)
    sample = shape_text(shape, 1000)
    lines = max(1, int(1000 * n_bytes / len(sample.encode())))
    return shape_text(shape, lines)


def time_clean(text: str) -> tuple[float, int]:
    """Seconds to clean `text` (line caches cleared first) and the number of body paragraphs kept."""
    from lib.extract.blocks import clear_line_caches
    from lib.extract.text import clean_page_text

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
