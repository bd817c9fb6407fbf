"""Collections: the stories a person explores, each one data folder.

A collection is a data folder of the usual layout (`articles/` plus the
`.storylens/` store). The bundled story is `settings.data_dir` (slug
`bundled`); stories started in the app or with `python -m lib.cli collections
create NAME` live under `settings.collections_dir`, one sub-folder per slug,
each with a small `collection.json` (display name, creation time). So the
CLI's `--data collections/<slug>` and the app's `?collection=<slug>` open the
same store.

Guarantees: names and slugs are validated here and every problem is a
`CollectionError` with a message a reader can act on (never a traceback); a
new collection is written so that a crash leaves either no folder or a
complete one; listing never raises for a damaged `collection.json` (the
folder is listed under its slug and the reason is logged).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path

from lib.core.errors import StoryLensError
from lib.core.settings import Settings

__all__ = [
    "BUNDLED_SLUG",
    "Collection",
    "CollectionError",
    "bundled_collection",
    "create_collection",
    "list_collections",
    "resolve_collection",
    "slug_for",
]

log = logging.getLogger(__name__)

BUNDLED_SLUG = "bundled"
BUNDLED_NAME = "Bundled story"
INFO_FILE = "collection.json"
MAX_NAME_CHARS = 80
MAX_SLUG_CHARS = 60
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


class CollectionError(StoryLensError):
    """A story (collection) name or link StoryLens cannot use."""

    code = "collection"


@dataclass(frozen=True)
class Collection:
    """One story: `slug` is its key in links, `data_dir` its data folder."""

    slug: str
    name: str
    data_dir: Path
    created: str | None = None  # ISO time, UTC; None for the bundled story
    bundled: bool = False

    def to_json(self) -> dict:
        return {"slug": self.slug, "name": self.name, "data_dir": str(self.data_dir),
                "created": self.created, "bundled": self.bundled}


def slug_for(name: str) -> str:
    """The link key of a story name: "Myanmar quake, March 2025" -> "myanmar-quake-march-2025".

    Letters are folded to ASCII where they have a plain form; a name with none
    (e.g. written in Japanese) gets "story-" and a short hash of the name.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:MAX_SLUG_CHARS].strip("-")
    if not slug:
        slug = "story-" + sha256(name.strip().encode("utf-8")).hexdigest()[:8]
    return slug


def _checked_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise CollectionError("Give the new story a name, e.g. 'Myanmar earthquake 2025'.")
    if len(cleaned) > MAX_NAME_CHARS:
        raise CollectionError(
            f"That name is {len(cleaned)} characters long; keep it to {MAX_NAME_CHARS} or fewer "
            "(a few words that say what the story is)."
        )
    if any(unicodedata.category(char).startswith("C") for char in cleaned):
        raise CollectionError("The name contains control characters; type it again with letters, digits and spaces.")
    if not any(char.isalnum() for char in cleaned):
        raise CollectionError(f"The name '{cleaned}' has no letters or digits; use a few words that say what the story is.")
    return cleaned


def bundled_collection(settings: Settings) -> Collection:
    """The story in `settings.data_dir` (the bundled one, or STORYLENS_DATA / --data)."""
    info = _read_info(settings.data_dir)
    return Collection(BUNDLED_SLUG, (info or {}).get("name") or BUNDLED_NAME, settings.data_dir,
                      (info or {}).get("created"), bundled=True)


def _read_info(folder: Path) -> dict | None:
    path = folder / INFO_FILE
    if not path.is_file():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("ignoring %s: %s", path, error)
        return None
    return info if isinstance(info, dict) else None


def _from_folder(folder: Path) -> Collection | None:
    """The collection in `folder`, or None when the folder is not one (no valid slug or no info file)."""
    if not folder.is_dir() or not _SLUG.match(folder.name) or folder.name == BUNDLED_SLUG:
        return None
    if not (folder / INFO_FILE).exists():
        return None
    info = _read_info(folder) or {}
    name = info.get("name") if isinstance(info.get("name"), str) and info.get("name").strip() else folder.name
    created = info.get("created") if isinstance(info.get("created"), str) else None
    return Collection(folder.name, name, folder.resolve(), created)


def list_collections(settings: Settings) -> list[Collection]:
    """The bundled story first, then every story under `collections_dir`, oldest first."""
    bundled = bundled_collection(settings)
    found: list[Collection] = []
    root = settings.collections_dir
    if root.is_dir():
        try:
            folders = sorted(root.iterdir())
        except OSError as error:
            log.warning("cannot list %s: %s", root, error)
            folders = []
        for folder in folders:
            collection = _from_folder(folder)
            if collection is not None and collection.data_dir != bundled.data_dir:
                found.append(collection)
    found.sort(key=lambda collection: (collection.created or "", collection.slug))
    return [bundled, *found]


def resolve_collection(slug: str | None, settings: Settings) -> Collection:
    """The collection a link or option names; empty or "bundled" is the bundled story.

    Raises CollectionError naming the stories there are when `slug` is not one of them.
    """
    wanted = (slug or "").strip()
    if not wanted or wanted == BUNDLED_SLUG:
        return bundled_collection(settings)
    if not _SLUG.match(wanted) or len(wanted) > MAX_SLUG_CHARS:
        raise CollectionError(
            f"'{wanted[:80]}' is not a story name StoryLens makes (lower-case letters, digits and hyphens, "
            "e.g. 'myanmar-quake'). Showing the bundled story instead."
        )
    collection = _from_folder(settings.collections_dir / wanted)
    if collection is None:
        others = [c.slug for c in list_collections(settings)]
        raise CollectionError(
            f"There is no story '{wanted}' here (it may have been started on another computer, or lost when "
            f"the app's storage was reset). Stories here: {', '.join(others)}. Showing the bundled story instead."
        )
    return collection


def create_collection(name: str, settings: Settings) -> Collection:
    """A new, empty story named `name` under `collections_dir` (its folder is complete or absent).

    Raises CollectionError for an unusable name, a name already taken, or a
    folder StoryLens cannot write to.
    """
    cleaned = _checked_name(name)
    slug = slug_for(cleaned)
    if slug == BUNDLED_SLUG:
        raise CollectionError(f"'{BUNDLED_SLUG}' is the name of the bundled story; choose another name.")
    root = settings.collections_dir
    target = root / slug
    if target.exists():
        existing = _from_folder(target)
        shown = f"'{existing.name}'" if existing else f"'{slug}'"
        raise CollectionError(
            f"A story called {shown} already exists (link name '{slug}'). Open it from the story list, "
            "or choose another name."
        )
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        root.mkdir(parents=True, exist_ok=True)
        # Build it beside its final place, then rename: a crash never leaves half a story.
        staging = Path(tempfile.mkdtemp(prefix=f".new-{slug}-", dir=root))
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a story folder is an ordinary folder
        try:
            (staging / "articles").mkdir()
            (staging / INFO_FILE).write_text(
                json.dumps({"name": cleaned, "created": created}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except OSError as error:
        if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
            raise CollectionError(f"A story called '{slug}' was just started in another window; open it from the story list.") from None
        raise CollectionError(
            f"StoryLens cannot create a story folder in {root} ({error.strerror or error}). "
            "Set STORYLENS_COLLECTIONS to a folder you can write to."
        ) from None
    return Collection(slug, cleaned, target.resolve(), created)
