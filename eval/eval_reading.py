"""How well StoryLens reads pages it has never seen: publication date, outlet, title, body.

    python -m eval.eval_reading                 # print the figures (tuned vs held-out)
    python -m eval.eval_reading --ci            # also exit 1 below the floors of eval/floors.json "reading"
    python -m eval.eval_reading --misses tuned  # list the misses of the tuned part (never of the held-out)
    python -m eval.eval_reading --floor dates.coverage.held-out=0.95   # an extra floor on one figure
    python -m eval.eval_reading --json          # the figures as JSON ("<what>.<set>.<part>", "...wrong" = count)
    python -m eval.eval_reading --part tuned    # while tuning: the tuned part only, held-out figures unseen

Two development sets (read-only, in ../shared/benchmarks beside the checkout):

* coverage-dev: three stories of page-like texts with gold.yaml. Each story is
  loaded as a user would: all its pages built with the real pipeline, then the
  collection-level date inference over them. Scored: publication date (right at
  the gold precision / wrong / unknown), outlet, title, body whole (first and
  last words kept), furniture snippets left in the body.
* article-extraction-dev/metadata.json: 88 real pages, each read twice, as an
  HTML upload and as pasted text (plain HTML-to-text, as bench/eval_extraction).

Hold-out: russia-dprk + japan-rice and the metadata pages (sorted by key) whose
index % 4 is 0, 1 or 2 are the tuned part (66 pages: the even ones were tuned
first, the index % 4 == 1 ones studied later); myanmar-quake and the pages whose
index % 4 == 3 (22 pages, never studied) are held out. Every figure is printed
for both parts.

An outlet is right when our label equals the gold outlet; a gold "Site (note)" whose bracket
names no wire service ("(blog)", "(wire services)", "(Express.co.uk)") also accepts the site
alone or the bracketed alias ("Site (Wire)" must match whole).

A date is *wrong* when it is given to the day and differs from the gold day, or
when its interval excludes the gold day; a page whose text shows no date must
not be given a day. Unknown is not wrong, only not right.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eval.extraction_data import decode_html
from eval.floors import failures
from lib.core.settings import REPO_ROOT

BENCH = REPO_ROOT.parent / "shared" / "benchmarks"  # ../shared beside the checkout
COVERAGE = BENCH / "coverage-dev"
METADATA = BENCH / "article-extraction-dev"
STORIES = {"russia-dprk": "tuned", "japan-rice": "tuned", "myanmar-quake": "held-out"}
PARTS = ("tuned", "held-out")


def _imports():
    """The pipeline entry points (new layout first, the pre-restructure layout as fallback)."""
    try:
        from lib.core.settings import load_settings
        from lib.ingest.corpus import infer_missing_dates
        from lib.ingest.extract.page_text import html_to_page_text
        from lib.ingest.pipeline import build_article
    except ImportError:
        from lib.corpus import infer_missing_dates
        from lib.extract.page_text import html_to_page_text
        from lib.settings import load_settings

        from lib.ingest import build_article
    return load_settings, infer_missing_dates, html_to_page_text, build_article


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


# -- records -----------------------------------------------------------------------------
@dataclass
class Verdict:
    """One scored item: right, wrong (dates only) or not right; `shown` says what we produced."""

    set_name: str  # "coverage" | "html" | "text"
    part: str  # "tuned" | "held-out"
    group: str  # story name or "metadata"
    language: str
    page: str
    what: str  # dates | outlets | titles | bodies | clean
    right: bool
    wrong: bool = False
    shown: str = ""
    gold: str = ""


@dataclass
class Tally:
    verdicts: list[Verdict] = field(default_factory=list)

    def add(self, verdict: Verdict) -> None:
        self.verdicts.append(verdict)


def _outlet_right(ours: str | None, gold: str) -> bool:
    """Our outlet label against gold. "Site (Wire)" must match whole; a gold note in brackets
    that names no wire service ("Jeongdong Theater (blog)", "Daily Express (Express.co.uk)",
    "The Detroit News (wire services)") is the annotator's remark: the site alone, or the
    bracketed alias, is right too."""
    from lib.ingest.outlet import WIRE_SERVICES

    if _norm(ours) == _norm(gold):
        return True
    match = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", gold.strip())
    if not match or match.group(2).strip() in WIRE_SERVICES:
        return False
    return _norm(ours) in (_norm(match.group(1)), _norm(match.group(2)))


def _date_verdict(published, gold_value: str | None, gold_precision: str, also_ok=()) -> tuple[bool, bool]:
    """(right, wrong) for one publication date against gold."""
    ours_day = published.precision == "day" and published.date and len(published.date) == 10
    if gold_precision == "unknown" or not gold_value:
        # The text shows no date: never a day. An interval or unknown is right.
        return (not ours_day), bool(ours_day)
    accepted = {gold_value, *also_ok}
    if published.precision == "unknown" or not published.date:
        return False, False
    if ours_day:
        return published.date in accepted, published.date not in accepted
    low = published.earliest or published.date
    high = published.latest or published.date
    inside = any(low[: len(g)] <= g <= high[: len(g)] + "~" for g in accepted)
    # A coarser honest interval is neither right (gold is a day) nor wrong.
    return False, not inside


def _describe_date(published) -> str:
    span = f" [{published.earliest}..{published.latest}]" if published.earliest and published.latest else ""
    return f"{published.date} {published.precision}{' stated' if published.stated else ''}{span} — {published.clue[:140]}"


# -- coverage-dev ------------------------------------------------------------------------
def score_coverage(tally: Tally, stories: list[str]) -> None:
    import yaml

    load_settings, infer_missing_dates, _html_to_text, build_article = _imports()
    settings = load_settings(tempfile.mkdtemp(prefix="storylens-reading-"))
    for story in stories:
        part = STORIES[story]
        gold = yaml.safe_load((COVERAGE / story / "gold.yaml").read_text(encoding="utf-8"))
        built = {}
        for page in gold["pages"]:
            path = COVERAGE / story / f"{page['id']}.txt"
            try:
                built[page["id"]] = build_article(path.name, path.read_bytes(), settings)
            except Exception as error:  # a rejected page scores nothing right, and says why
                print(f"  REJECTED {story}/{path.name}: {error}")
        articles = infer_missing_dates(list(built.values()))
        built = {article.source_file.removesuffix(".txt"): article for article in articles}
        for page in gold["pages"]:
            article = built.get(page["id"])
            base = dict(set_name="coverage", part=part, group=story, language=page["language"], page=page["id"])
            if article is None:
                for what in ("dates", "outlets", "titles", "bodies", "clean", "whole_clean"):
                    tally.add(Verdict(**base, what=what, right=False, shown="rejected"))
                continue
            pub = page["published"]
            right, wrong = _date_verdict(article.published, str(pub["value"]) if pub["value"] else None, pub["precision"])
            tally.add(Verdict(**base, what="dates", right=right, wrong=wrong, shown=_describe_date(article.published),
                              gold=f"{pub['value']} {pub['precision']} — {pub['clue'][:100]}"))
            tally.add(Verdict(**base, what="outlets", right=_outlet_right(article.outlet, page["outlet"]),
                              shown=article.outlet, gold=page["outlet"]))
            tally.add(Verdict(**base, what="titles", right=_norm(article.title) == _norm(page["title"]),
                              shown=article.title, gold=page["title"]))
            body = _norm(article.body)
            first, last = _norm(page["body"]["first"]), _norm(page["body"]["last"])
            whole = first in body and last in body
            lost = [text for text, key in ((first, "first"), (last, "last")) if text not in body]
            tally.add(Verdict(**base, what="bodies", right=whole, shown=f"lost: {lost}" if lost else "",
                              gold="first and last words in the body"))
            left = [snippet for snippet in page.get("furniture", []) if _left_in_body(snippet, article.body)]
            tally.add(Verdict(**base, what="clean", right=not left, shown=f"left in body: {left}" if left else "",
                              gold="no furniture snippet in the body"))
            tally.add(Verdict(**base, what="whole_clean", right=whole and not left, gold=""))


def _left_in_body(snippet: str, body: str) -> bool:
    """A furniture snippet is left when a body paragraph holds it, and it is long or most of that paragraph.

    A short snippet ("Interfax", "共同通信") is furniture as a line of its own; the same word
    inside a sentence ("BEIJING. Dec 5 (Interfax) -") is reporting.
    """
    text = _norm(snippet)
    for paragraph in body.split("\n"):
        paragraph = _norm(paragraph)
        if text and text in paragraph and (len(text) >= 20 or len(text) >= 0.5 * len(paragraph)):
            return True
    return False


# -- metadata.json -------------------------------------------------------------------------
def score_metadata(tally: Tally, limit: int | None = None) -> None:
    load_settings, _infer, html_to_page_text, build_article = _imports()
    settings = load_settings(tempfile.mkdtemp(prefix="storylens-reading-"))
    meta = json.loads((METADATA / "metadata.json").read_text(encoding="utf-8"))
    keys = sorted(meta)[:limit]
    for index, key in enumerate(keys):
        part = "held-out" if index % 4 == 3 else "tuned"
        item = meta[key]
        raw = gzip.decompress((METADATA / "html" / f"{key}.html.gz").read_bytes())
        text = html_to_page_text(decode_html(raw))
        for set_name, name, data in (("html", f"{key[:12]}.html", raw), ("text", f"{key[:12]}.txt", text.encode("utf-8"))):
            try:
                article = build_article(name, data, settings)
            except Exception as error:  # a rejected page scores nothing right, and says why
                print(f"  REJECTED {name}: {error}")
                base = dict(set_name=set_name, part=part, group="metadata", language="und", page=key[:12])
                for what in ("dates", "outlets", "titles"):
                    tally.add(Verdict(**base, what=what, right=False, shown="rejected"))
                continue
            base = dict(set_name=set_name, part=part, group="metadata", language=article.language, page=key[:12])
            gold_date = item["html_published"] if set_name == "html" else item["text_published"]
            also = gold_date.get("also_ok", []) if set_name == "html" else []
            right, wrong = _date_verdict(article.published, gold_date["value"], gold_date["precision"], also)
            tally.add(Verdict(**base, what="dates", right=right, wrong=wrong, shown=_describe_date(article.published),
                              gold=f"{gold_date['value']} {gold_date['precision']} — {gold_date.get('clue') or gold_date.get('source')}"))
            tally.add(Verdict(**base, what="outlets", right=_outlet_right(article.outlet, item["outlet"]),
                              shown=article.outlet, gold=item["outlet"]))
            tally.add(Verdict(**base, what="titles", right=_norm(article.title) == _norm(item["title"]),
                              shown=article.title, gold=item["title"]))


def _figure(verdicts: list[Verdict]) -> str:
    if not verdicts:
        return "-"
    right = sum(v.right for v in verdicts)
    wrong = sum(v.wrong for v in verdicts)
    text = f"{right}/{len(verdicts)}"
    return text + (f" ({wrong} wrong)" if wrong or verdicts[0].what == "dates" else "")


def summary(tally: Tally) -> dict[str, float]:
    """Figures keyed "<what>.<set>.<part>" (share right) and "<what>.<set>.<part>.wrong" (count)."""
    figures: dict[str, float] = {}
    groups: dict[tuple[str, str, str], list[Verdict]] = defaultdict(list)
    for verdict in tally.verdicts:
        groups[(verdict.what, verdict.set_name, verdict.part)].append(verdict)
    for (what, set_name, part), verdicts in groups.items():
        key = f"{what}.{set_name}.{part}"
        figures[key] = sum(v.right for v in verdicts) / len(verdicts)
        if what == "dates":
            figures[f"{key}.wrong"] = sum(v.wrong for v in verdicts)
    return figures


# -- report --------------------------------------------------------------------------------
WHATS = ("dates", "outlets", "titles", "bodies", "clean", "whole_clean")


def print_report(tally: Tally) -> None:
    by = defaultdict(list)
    for verdict in tally.verdicts:
        by[(verdict.set_name, verdict.part, verdict.what)].append(verdict)
    sets = [s for s in ("coverage", "html", "text") if any(v.set_name == s for v in tally.verdicts)]
    print(f"{'set':9s} {'part':9s} " + " ".join(f"{w:>15s}" for w in WHATS))
    for set_name in sets:
        for part in PARTS:
            if not any(by[(set_name, part, what)] for what in WHATS):
                continue
            row = [_figure(by[(set_name, part, what)]) for what in WHATS]
            print(f"{set_name:9s} {part:9s} " + " ".join(f"{cell:>15s}" for cell in row))
    print("\nper story / per language (coverage), per language (metadata)")
    rows = defaultdict(list)
    for verdict in tally.verdicts:
        rows[(verdict.set_name, verdict.part, verdict.group)].append(verdict)
        rows[(verdict.set_name, verdict.part, f"lang={verdict.language}")].append(verdict)
    for (set_name, part, group), verdicts in sorted(rows.items()):
        cells = []
        for what in WHATS:
            subset = [v for v in verdicts if v.what == what]
            cells.append(_figure(subset))
        print(f"{set_name:9s} {part:9s} {group:14s} " + " ".join(f"{cell:>15s}" for cell in cells))


def print_misses(tally: Tally, part: str, what: str | None) -> None:
    if part != "tuned":
        raise SystemExit("misses are listed for the tuned part only (the held-out part is scored, not studied)")
    for verdict in tally.verdicts:
        if verdict.part == part and not verdict.right and verdict.what != "whole_clean" and (what is None or verdict.what == what):
            flag = "WRONG" if verdict.wrong else "miss "
            print(f"{flag} {verdict.set_name:8s} {verdict.group:12s} {verdict.page:12s} {verdict.language:3s} {verdict.what:8s} "
                  f"ours: {verdict.shown[:160]!r}\n{'':60s}gold: {verdict.gold[:160]!r}")


def load_floors(path: Path) -> dict[str, float]:
    """Section "reading" of the floors file, or {} when the file or the section is absent."""
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get("reading", {}))


def check_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Messages for figures below their floor; "...wrong" keys are ceilings (at most that many)."""
    return failures(figures, floors)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ci", action="store_true", help="exit 1 below the floors of eval/floors.json (section 'reading')")
    parser.add_argument("--floor", action="append", default=[], metavar="KEY=VALUE", help="an extra floor, e.g. dates.coverage.tuned=0.9")
    parser.add_argument("--floors-file", default=None, help="floors file (default: eval/floors.json next to this script)")
    parser.add_argument("--only", choices=("coverage", "metadata"), default=None, help="score one set only")
    parser.add_argument("--story", action="append", choices=sorted(STORIES), help="coverage stories to score (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="first N metadata pages only (quick look)")
    parser.add_argument("--misses", choices=("tuned", "held-out"), default=None, help="list the misses of a part (tuned only)")
    parser.add_argument("--what", choices=WHATS, default=None, help="with --misses: one kind of item only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--part", choices=PARTS, default=None, help="print one part only (while tuning: tuned)")
    args = parser.parse_args(argv)

    tally = Tally()
    if args.only in (None, "coverage"):
        score_coverage(tally, args.story or list(STORIES))
    if args.only in (None, "metadata"):
        score_metadata(tally, args.limit)
    if args.part:
        tally = Tally([verdict for verdict in tally.verdicts if verdict.part == args.part])
    figures = summary(tally)
    if args.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    else:
        print_report(tally)
    if args.misses:
        print()
        print_misses(tally, args.misses, args.what)

    floors = {}
    if args.ci:
        from eval.floors import FLOORS_FILE

        path = Path(args.floors_file) if args.floors_file else FLOORS_FILE
        floors = load_floors(path)
        if not floors:
            print(f"no 'reading' floors in {path}: floors skipped")
    for item in args.floor:
        key, _, value = item.partition("=")
        floors[key] = float(value)
    failed = check_floors(figures, floors) if (args.ci or args.floor) and args.limit is None and args.only is None and not args.story else []
    for message in failed:
        print("BELOW FLOOR:", message)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
