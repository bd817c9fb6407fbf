"""What every subcommand shares: the --data/--json options, JSON output, loading the collection."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_data_option(parser: argparse.ArgumentParser) -> None:
    """--data DIR and --json, on every subcommand."""
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help="data folder to use instead of the bundled one (its articles/ and loose files are read; "
        "derived data goes to DIR/.storylens/). A story started in the app is such a folder: "
        "`collections list` prints each one's path (e.g. collections/<slug>)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def print_json(payload: Any) -> None:
    """Pretty UTF-8 JSON on stdout."""
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def corpus_for(args, quiet: bool = False):
    """Load the corpus for `--data`, reporting sync progress on stderr."""
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus

    corpus = load_corpus(load_settings(args.data))
    if not quiet:
        _print_sync_reports(corpus.sync_reports)
    return corpus


def opened_for(args, quiet: bool = False):
    """The store of `--data`, brought up to date with its folder (sync reports on stderr), no article loaded."""
    from lib.core.settings import load_settings
    from lib.ingest.corpus import open_synced

    opened = open_synced(load_settings(args.data))
    if not quiet:
        _print_sync_reports(opened.sync_reports)
    return opened


def _print_sync_reports(reports) -> None:
    """The files the sync added, rejected or found duplicate, one line each on stderr."""
    for report in reports:
        if report.status in ("added", "rejected", "duplicate"):
            print(f"[{report.status}] {report.message}", file=sys.stderr)
