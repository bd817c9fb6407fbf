"""`python -m lib.cli SUBCOMMAND ...`: everything the pages show, as JSON.

Every subcommand is defined in this package, one module per view:
`articles` (articles, ingest, remove), `search`, `events`, `claims`,
`collections` (list, create). The engine
never imports this package. Every subcommand takes `--data DIR`. Exit status:
0 ok, 2 bad input / usage (one-line message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys

from lib.cli import articles, claims, collections, events, search
from lib.core.errors import StoryLensError

SUBCOMMAND_MODULES = (articles, search, events, claims, collections)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        print(f"error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand registered."""
    parser = _Parser(prog="python -m lib.cli", description="StoryLens from the command line (JSON with --json).")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in SUBCOMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; a StoryLensError becomes one line on stderr and exit 2."""
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
