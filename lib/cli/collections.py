"""Subcommands on the stories themselves: `collections list`, `collections create NAME`.

A collection is a data folder: what `collections list` prints as `data_dir`
is what `--data` takes on every other subcommand, and the app opens the same
folder for `?collection=<slug>`.
"""

from __future__ import annotations

from lib.cli.common import add_data_option, print_json


def _settings(args):
    from lib.core.settings import load_settings

    return load_settings(args.data)


def cmd_list(args) -> int:
    from lib.core.collections import list_collections

    collections = list_collections(_settings(args))
    if args.json:
        print_json([collection.to_json() for collection in collections])
        return 0
    for collection in collections:
        print(f"{collection.slug}\t{collection.name}\t{collection.data_dir}")
    return 0


def cmd_create(args) -> int:
    from lib.core.collections import create_collection

    collection = create_collection(args.name, _settings(args))
    if args.json:
        print_json(collection.to_json())
        return 0
    print(f"Started the story '{collection.name}' in {collection.data_dir}.")
    print(f"Add articles with: python -m lib.cli ingest --data {collection.data_dir} FILE ...")
    print(f"Open it in the app with ?collection={collection.slug}")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "collections",
        help="list the stories, or start a new one",
        description="Stories (collections): the bundled one and those started in the app or here.",
    )
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="every story: slug, name, data folder (for --data)")
    add_data_option(listing)
    listing.set_defaults(func=cmd_list)
    create = actions.add_parser("create", help="start a new, empty story")
    create.add_argument("name", help="the story's name, e.g. 'Myanmar earthquake 2025'")
    add_data_option(create)
    create.set_defaults(func=cmd_create)
