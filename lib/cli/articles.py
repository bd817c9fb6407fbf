"""Subcommands on the collection itself: `articles`, `ingest`, `remove`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.cli.common import add_data_option, print_json
from lib.core.errors import StoryLensError


def _catalogue_start(store, key: str | None) -> tuple[str, str] | None:
    """The catalogue key to page after: `FILE` (that article's key, or the place the name would
    sort at) or `FILE:ARTICLE_ID` as a previous run printed it."""
    if not key:
        return None
    name, _, article_id = key.rpartition(":")
    if name and len(article_id) == 64 and all(c in "0123456789abcdef" for c in article_id):
        return (name, article_id)
    found = store.catalogue(after=(key, ""), limit=1)
    return found[0].key if found and found[0].source_file == key else (key, "")


def cmd_articles(args) -> int:
    """The catalogue, a keyset page at a time (`--after`, `--limit`), filtered; records read one by one."""
    from dataclasses import replace

    from lib.core.settings import load_settings
    from lib.core.store import catalogue_pages
    from lib.ingest.corpus import inferred_dates_missing, load_corpus, open_synced
    from lib.present.extend import dates_current

    opened = open_synced(load_settings(args.data))
    if not args.json:
        for report in opened.sync_reports:
            if report.status in ("added", "rejected", "duplicate"):
                print(f"[{report.status}] {report.message}", file=sys.stderr)
    store = opened.store
    if inferred_dates_missing(store) and not dates_current(store):  # extended by added articles, else whole
        load_corpus(opened.settings, sync=False)  # infers the dates pages print none of, and stores them
    filters = {"outlet": args.outlet, "language": args.language, "title_contains": args.title}
    after = _catalogue_start(store, args.after)
    if args.limit is None:
        entries = [entry for page in catalogue_pages(store, after=after, **filters) for entry in page]
        more = False
    else:
        rows = store.catalogue(after=after, limit=args.limit + 1, **filters)
        entries, more = rows[: args.limit], len(rows) > args.limit
    if args.json:
        records = []
        for entry in entries:
            article = store.article(entry.article_id)
            if article is not None:  # removed since the page was read
                records.append(replace(article, published=entry.published).to_json())
        print_json(records)
    else:
        for entry in entries:
            print(
                f"{entry.source_file}\t{entry.published.label()}\t{entry.outlet}\t"
                f"{entry.language}\t{entry.sentence_count} sentences\t{entry.title}"
            )
        if not entries and after is None and not any(filters.values()):
            print("No articles yet. Add some with: python -m lib.cli ingest FILE ...")
        elif not entries:
            print("No articles match.", file=sys.stderr)
    if more:
        last = entries[-1]
        print(f"More articles: add --after '{last.source_file}:{last.article_id}'", file=sys.stderr)
    return 0


def cmd_ingest(args) -> int:
    from lib.core.settings import load_settings
    from lib.ingest.batch import IngestInput, engine_for, ingest_files
    from lib.ingest.corpus import open_store

    settings = load_settings(args.data)
    engine = engine_for(settings, args.engine, args.workers)  # a bad choice stops before any work
    store = open_store(settings)
    reports: list[dict | None] = []
    inputs: list[tuple[int, IngestInput]] = []  # (place in `reports`, input)
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
        inputs.append((len(reports), IngestInput("pasted.txt" if file_name == "-" else path.name, data)))
        reports.append(None)
    batch_reports = ingest_files(store, settings, [item for _, item in inputs], engine=engine, embed=args.embed)
    for (place, _), report in zip(inputs, batch_reports):
        reports[place] = {
            "source_file": report.source_file,
            "status": report.status,
            "message": report.message,
            "article_id": report.article_id,
            "encoding": report.encoding,
            "duplicate_of": report.duplicate_of,
        }
    if args.json:
        print_json(reports)
    else:
        for report in reports:
            stream = sys.stderr if report["status"] == "rejected" else sys.stdout
            print(f"[{report['status']}] {report['message']}", file=stream)
    return 2 if any(report["status"] == "rejected" for report in reports) else 0


def cmd_remove(args) -> int:
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus

    corpus = load_corpus(load_settings(args.data))
    article = corpus.by_source_file(args.source_file) or corpus.by_id(args.source_file)
    if article is None:
        raise StoryLensError(f"No article '{args.source_file}' in this collection; see `python -m lib.cli articles`.")
    corpus.store.remove_article(article.article_id)
    result = {"removed": article.source_file, "article_id": article.article_id}
    print_json(result) if args.json else print(f"Removed '{article.source_file}'.")
    return 0


def _positive(text: str) -> int:
    """argparse type of --limit: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of articles; give a whole number of 1 or more")
    return value


def register(subparsers) -> None:
    articles = subparsers.add_parser("articles", help="list stored articles (a page at a time with --limit)")
    articles.add_argument("--after", metavar="KEY", default=None,
                          help="start after this article: its file name, or FILE:ARTICLE_ID as the previous page printed")
    articles.add_argument("--limit", metavar="N", type=_positive, default=None,
                          help="at most N articles (the next page's --after is printed on stderr); default all")
    articles.add_argument("--outlet", default=None, help="only this outlet (as `articles` prints it)")
    articles.add_argument("--language", default=None, metavar="CODE", help="only this language (ISO code, e.g. en)")
    articles.add_argument("--title", default=None, metavar="WORDS", help="only titles containing these words (any case)")
    add_data_option(articles)
    articles.set_defaults(func=cmd_articles)

    ingest = subparsers.add_parser("ingest", help="add article files (.txt .md .html .htm, or - for stdin)")
    ingest.add_argument("files", nargs="+", metavar="FILE")
    ingest.add_argument(
        "--engine", choices=("local", "ray"), default=None,
        help="who reads the files: local (this process) or ray (Ray workers; STORYLENS_RAY_ADDRESS names "
        "the cluster, none starts a local one); default STORYLENS_INGEST_ENGINE, else local",
    )
    ingest.add_argument("--workers", type=int, metavar="N", default=None,
                        help="Ray workers (default: one per CPU of the cluster); the local engine is one")
    ingest.add_argument("--embed", action="store_true",
                        help="also embed every added article's sentences now and store the vectors (search reuses them)")
    add_data_option(ingest)
    ingest.set_defaults(func=cmd_ingest)

    remove = subparsers.add_parser("remove", help="remove one article (by source file name or id)")
    remove.add_argument("source_file")
    add_data_option(remove)
    remove.set_defaults(func=cmd_remove)
