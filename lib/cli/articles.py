"""Subcommands on the collection itself: `articles`, `ingest`, `remove`."""

from __future__ import annotations

import sys
from pathlib import Path

from lib.cli.common import add_data_option, corpus_for, print_json
from lib.core.errors import StoryLensError


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


def register(subparsers) -> None:
    articles = subparsers.add_parser("articles", help="list stored articles")
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
