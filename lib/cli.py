"""`python -m lib.cli SUBCOMMAND ...`: everything the pages show, as JSON.

Core subcommands live here (articles, ingest, remove); views add theirs via
`register_cli(subparsers)` in their own module (search, events, claims).
Every subcommand takes `--data DIR`. Exit status: 0 ok, 2 bad input / usage
(one-line message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from lib.errors import StoryLensError

VIEW_MODULES = ("lib.search", "lib.events", "lib.claims")


def add_data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help="data folder to use instead of the bundled one (its articles/ and loose files are read; "
        "derived data goes to DIR/.storylens/)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def corpus_for(args, quiet: bool = False):
    """Load the corpus for `--data`, reporting sync progress on stderr."""
    from lib.corpus import load_corpus
    from lib.settings import load_settings

    settings = load_settings(args.data)
    corpus = load_corpus(settings)
    if not quiet:
        for report in corpus.sync_reports:
            if report.status in ("added", "rejected", "duplicate"):
                print(f"[{report.status}] {report.message}", file=sys.stderr)
    return corpus


def cmd_articles(args) -> int:
    corpus = corpus_for(args, quiet=args.json)
    if args.json:
        print_json([article.to_json() for article in corpus.articles])
        return 0
    for article in corpus.articles:
        print(
            f"{article.source_file}\t{article.published.label()}\t{article.outlet}\t"
            f"{article.language}\t{len(article.sentences)} sentences\t{article.title}"
        )
    if not corpus.articles:
        print("No articles yet. Add some with: python -m lib.cli ingest FILE ...")
    return 0


def cmd_ingest(args) -> int:
    from lib.corpus import open_store
    from lib.ingest import ingest_bytes
    from lib.settings import load_settings

    settings = load_settings(args.data)
    store = open_store(settings)
    reports = []
    for file_name in args.files:
        path = Path(file_name)
        try:
            data = sys.stdin.buffer.read() if file_name == "-" else path.read_bytes()
        except FileNotFoundError:
            reports.append({"source_file": file_name, "status": "rejected", "message": f"'{file_name}' does not exist. Check the path and retry."})
            continue
        except IsADirectoryError:
            reports.append({"source_file": file_name, "status": "rejected", "message": f"'{file_name}' is a folder; name the article files inside it."})
            continue
        except OSError as error:
            reports.append({"source_file": file_name, "status": "rejected", "message": f"'{file_name}' cannot be read ({error.strerror})."})
            continue
        name = "pasted.txt" if file_name == "-" else path.name
        report = ingest_bytes(store, settings, name, data)
        reports.append(
            {
                "source_file": report.source_file,
                "status": report.status,
                "message": report.message,
                "article_id": report.article_id,
                "encoding": report.encoding,
                "duplicate_of": report.duplicate_of,
            }
        )
    if args.json:
        print_json(reports)
    else:
        for report in reports:
            stream = sys.stderr if report["status"] == "rejected" else sys.stdout
            print(f"[{report['status']}] {report['message']}", file=stream)
    return 2 if any(report["status"] == "rejected" for report in reports) else 0


def cmd_remove(args) -> int:
    from lib.corpus import load_corpus
    from lib.settings import load_settings

    corpus = load_corpus(load_settings(args.data))
    article = corpus.by_source_file(args.source_file) or corpus.by_id(args.source_file)
    if article is None:
        raise StoryLensError(f"No article '{args.source_file}' in this collection; see `python -m lib.cli articles`.")
    corpus.store.remove_article(article.article_id)
    result = {"removed": article.source_file, "article_id": article.article_id}
    print_json(result) if args.json else print(f"Removed '{article.source_file}'.")
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        print(f"error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lib.cli", description="StoryLens from the command line (JSON with --json).")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    articles = subparsers.add_parser("articles", help="list stored articles")
    add_data_option(articles)
    articles.set_defaults(func=cmd_articles)

    ingest = subparsers.add_parser("ingest", help="add article files (.txt .md .html .htm, or - for stdin)")
    ingest.add_argument("files", nargs="+", metavar="FILE")
    add_data_option(ingest)
    ingest.set_defaults(func=cmd_ingest)

    remove = subparsers.add_parser("remove", help="remove one article (by source file name or id)")
    remove.add_argument("source_file")
    add_data_option(remove)
    remove.set_defaults(func=cmd_remove)

    for module_name in VIEW_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register_cli(subparsers, add_data_option)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except StoryLensError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; nothing partial was stored", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
