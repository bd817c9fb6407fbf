"""Input bytes -> `Article`, and adding articles to the store.

`build_article` is pure (bytes in, record out). `ingest_bytes` adds one input
to a store, refusing bad input and duplicates with a clear message and never
touching what is already stored. `sync_folder` brings the store up to date
with the article files in the data folder (the bundled corpus), redoing work
only for new files or when the pipeline code changed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lib.core.errors import BadInputError, StoryLensError
from lib.core.models import Article, IngestReport, ProgressCallback, PublishedDate
from lib.core.settings import REPO_ROOT, Settings
from lib.core.store import ArticleStore, sha256_bytes
from lib.ingest.decode import ACCEPTED_SUFFIXES, decode_input
from lib.text.language import detect_language, release_language_model
from lib.text.sentences import split_sentences

# Modules whose code decides what an Article record contains. Their source
# hash is the pipeline fingerprint: records made by other code are rebuilt.
PIPELINE_MODULES = (
    "lib/core/models.py",
    "lib/text/language.py",
    "lib/text/sentences.py",
    "lib/text/dates.py",
    "lib/text/date_languages.py",
)
PIPELINE_FOLDERS = ("lib/ingest",)
# Modules of those folders that only schedule the work (which process builds a record, in
# what order they are written) and never decide what a record holds: editing them must not
# make every stored article be built again. tests/ingest/test_batch_ray.py checks that both
# engines store the same records.
SCHEDULING_MODULES = ("lib/ingest/batch.py", "lib/ingest/ray_engine.py")

NEAR_DUPLICATE_JACCARD = 0.8
# Long-form features run to ~60k characters; far beyond that an input is a
# dump of many pages (or one enormous line), not one article.
MAX_BODY_CHARS = 200_000
_SHINGLE_WORDS = 5
_MINHASH_PERMUTATIONS = 64
_LSH_BANDS = 16


def pipeline_fingerprint(root: Path = REPO_ROOT) -> str:
    """Hash of the ingestion code under `root`; changes whenever a record could come out differently."""
    digest = hashlib.sha256()
    paths = [root / name for name in PIPELINE_MODULES]
    for folder in PIPELINE_FOLDERS:
        paths.extend(sorted((root / folder).rglob("*")))
    paths = [path for path in paths if path.relative_to(root).as_posix() not in SCHEDULING_MODULES]
    for path in paths:
        if path.is_file() and path.suffix in (".py", ".json"):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _extract(decoded):
    """The page's body and furniture (lib.ingest.extract.Extraction)."""
    if decoded.kind == "html":
        from lib.ingest.extract.html import extract_html

        return extract_html(decoded.text)
    from lib.ingest.extract.text import clean_page_text

    return clean_page_text(decoded.text)


def build_article(source_file: str, data: bytes, settings: Settings) -> Article:
    """One article record from raw input bytes; raises BadInputError with a clear message."""
    decoded = decode_input(source_file, data, settings.max_input_bytes)
    extraction = _extract(decoded)
    paragraphs = [paragraph.strip() for paragraph in extraction.paragraphs if paragraph.strip()]
    if not paragraphs:
        too_long = next((note for note in extraction.notes if "lines, more than" in note), None)
        if too_long:
            raise BadInputError(f"'{decoded.name}': {too_long}. Paste or upload one article at a time.")
        raise BadInputError(
            f"'{decoded.name}': no article text was found (only menus, links or other page "
            "furniture). Copy the article's own text and retry."
        )
    body = "\n\n".join(paragraphs)
    if len(body) > MAX_BODY_CHARS:
        raise BadInputError(
            f"'{decoded.name}' holds {len(body):,} characters of text, more than one article "
            f"({MAX_BODY_CHARS:,} at most). Upload each article as its own file."
        )
    # Imported here, not with the module: their patterns take a quarter of a second to compile, and
    # every page's first render imports this module for `sync_folder`, which usually has nothing to read.
    from lib.ingest.outlet import guess_outlet
    from lib.ingest.pubdate import find_stated_date

    language = detect_language(body, default="en")
    sentences = split_sentences(body, language, language_of=lambda text: detect_language(text, default=language))
    published = find_stated_date(
        extraction.removed, extraction.date_text, extraction.title, body, zones=extraction.zones, language=language
    )
    if published is None:
        published = PublishedDate.unknown("the page prints no publication date")
    outlet = guess_outlet(extraction.removed, body, extraction.site_name, zones=extraction.zones, title=extraction.title)
    return Article(
        article_id=sha256_bytes(body.encode("utf-8")),
        source_file=decoded.name,
        title=extraction.title or _first_words(paragraphs[0]),
        outlet=outlet.label,
        published=published,
        language=language,
        body=body,
        removed=tuple(extraction.removed),
        sentences=sentences,
        raw_sha256=sha256_bytes(data),
        input_kind=decoded.kind,  # type: ignore[arg-type]
        encoding=decoded.encoding,
        site=outlet.site,
        wire=outlet.wire,
    )


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


# -- near duplicates -----------------------------------------------------------
def _shingles(body: str) -> set[bytes]:
    words = re.findall(r"\w+", body.lower())
    if len(words) < _SHINGLE_WORDS:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + _SHINGLE_WORDS]).encode() for i in range(len(words) - _SHINGLE_WORDS + 1)}


def lsh_bands(body: str) -> list[str]:
    """MinHash LSH band keys (datasketch); two bodies with Jaccard >= ~0.8 share a band."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=_MINHASH_PERMUTATIONS, seed=7)
    minhash.update_batch(list(_shingles(body)))
    rows = _MINHASH_PERMUTATIONS // _LSH_BANDS
    values = minhash.hashvalues
    return [
        f"{band}:" + hashlib.sha1(values[band * rows : (band + 1) * rows].tobytes()).hexdigest()[:16]
        for band in range(_LSH_BANDS)
    ]


def find_near_duplicate(store: ArticleStore, article: Article, bands: list[str]) -> str | None:
    """article_id of a stored article with (nearly) the same body, if any."""
    if store.article(article.article_id) is not None:
        return article.article_id
    candidates = store.near_duplicate_candidates(bands)
    if not candidates:
        return None
    mine = _shingles(article.body)
    for candidate_id, body in store.bodies(candidates).items():
        theirs = _shingles(body)
        if len(mine & theirs) / max(1, len(mine | theirs)) >= NEAR_DUPLICATE_JACCARD:
            return candidate_id
    return None


def with_given_details(article: Article, title: str | None = None, outlet: str | None = None,
                       published: str | None = None) -> Article:
    """The article with the title, outlet and publication day a person stated when adding it:
    a stated value beats one read or inferred from the page, and says it was given."""
    from dataclasses import replace

    from lib.core.user_dates import parse_date_bound

    changes = {}
    if title and title.strip():
        changes["title"] = title.strip()
    if outlet and outlet.strip():
        changes["outlet"] = outlet.strip()
    if published:
        day = parse_date_bound(published)
        changes["published"] = PublishedDate(date=day, precision="day", stated=True,
                                             clue="given by the person who added it", earliest=day, latest=day)
    return replace(article, **changes) if changes else article


# -- adding to a store -----------------------------------------------------------
def ingest_bytes(
    store: ArticleStore,
    settings: Settings,
    name: str,
    data: bytes,
    origin: str = "upload",
    raw_path: str | None = None,
    pipeline: str | None = None,
    given: dict | None = None,
) -> IngestReport:
    """Add one input to the store. Never raises for bad input: the report says why.

    `given`: what the person adding it knows (title, outlet, published "YYYY-MM-DD"),
    applied over what was read from the page (see `with_given_details`).
    Guarantees: a rejected or duplicate input changes nothing stored; an added
    article's raw bytes are on disk before its record is committed.
    """
    pipeline = pipeline or pipeline_fingerprint()
    raw_sha = sha256_bytes(data)
    if given is None and origin == "upload":
        given = given_details_of(store, raw_sha)
    built = build_or_reject(name, data, settings, given)
    if isinstance(built, IngestReport):
        return built
    return store_built_article(store, built, data, origin=origin, raw_path=raw_path, pipeline=pipeline, given=given)


def build_or_reject(name: str, data: bytes, settings: Settings, given: dict | None = None) -> Article | IngestReport:
    """The per-file work of an ingest, touching no store: the article record, or the
    "rejected" report `ingest_bytes` gives for this input (its message word for word)."""
    try:
        return with_given_details(build_article(name, data, settings), **(given or {}))
    except StoryLensError as error:
        return IngestReport(source_file=name, status="rejected", message=str(error))
    except Exception as error:  # a bug must not lose the user's data or show a traceback
        return IngestReport(
            source_file=name,
            status="rejected",
            message=f"'{name}' could not be processed ({type(error).__name__}). "
            "Nothing was changed; please report this file.",
        )


def store_built_article(
    store: ArticleStore,
    article: Article,
    data: bytes,
    origin: str = "upload",
    raw_path: str | None = None,
    pipeline: str | None = None,
    given: dict | None = None,
    bands: list[str] | None = None,
) -> IngestReport:
    """The store half of `ingest_bytes` for an article `build_or_reject` made from `data`.

    `bands`: its `lsh_bands`, when computed already (they depend on the body only).
    Same guarantees as `ingest_bytes`: a duplicate changes nothing stored.
    """
    pipeline = pipeline or pipeline_fingerprint()
    raw_sha = sha256_bytes(data)
    with store.write_lock():
        report = _store_unless_duplicate(store, article, data, raw_sha, origin, raw_path, pipeline, bands)
    if report.status == "added" and origin == "upload" and given and any(given.values()):
        _write_given(store, raw_sha, given)
    return report


# What a person stated when adding an upload, kept beside (not inside) the uploads/<sha>/
# folders so `Store.upload_files` never reads it as an article.
def _given_path(store: ArticleStore, raw_sha: str) -> Path:
    return store.uploads_dir / f"{raw_sha}.given.json"


def given_details_of(store: ArticleStore, raw_sha: str) -> dict | None:
    """What a person stated when adding these bytes earlier (a rebuild keeps it), if anything."""
    import json

    try:
        given = json.loads(_given_path(store, raw_sha).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {key: given.get(key) for key in ("title", "outlet", "published")} if isinstance(given, dict) else None


def _write_given(store: ArticleStore, raw_sha: str, given: dict) -> None:
    import json

    path = _given_path(store, raw_sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({key: given.get(key) for key in ("title", "outlet", "published")}), encoding="utf-8")


def _store_unless_duplicate(store, article, data, raw_sha, origin, raw_path, pipeline, bands=None) -> IngestReport:
    """The duplicate checks and the write, run under the store's write lock."""
    existing = store.find_by_raw_sha(raw_sha)
    if existing and existing[1] == pipeline:
        return IngestReport(
            source_file=article.source_file,
            status="duplicate" if origin == "upload" else "unchanged",
            message=f"'{article.source_file}' is already in the collection "
            f"(as '{store.source_file_of(existing[0])}').",
            article_id=existing[0],
            encoding=article.encoding,
            duplicate_of=store.source_file_of(existing[0]),
        )
    bands = list(bands) if bands is not None else lsh_bands(article.body)
    replaces = existing[0] if existing else None
    duplicate_id = None if replaces else find_near_duplicate(store, article, bands)
    if duplicate_id:
        other = store.source_file_of(duplicate_id)
        same = duplicate_id == article.article_id
        return IngestReport(
            source_file=article.source_file,
            status="duplicate",
            message=f"'{article.source_file}' is {'the same article as' if same else 'a near-copy of'} "
            f"'{other}', which is already in the collection; it was not added again.",
            article_id=duplicate_id,
            encoding=article.encoding,
            duplicate_of=other,
        )
    if raw_path is None:
        raw_path = str(store.save_upload(article.source_file, data))
    store.put_article(article, origin, raw_path, pipeline, bands, replaces=replaces)
    return IngestReport(
        source_file=article.source_file,
        status="added",
        message=f"Added '{article.title}' ({article.outlet}, {article.published.plain_label()}, "
        f"{len(article.sentences)} sentences{_encoding_note(article.encoding)}).",
        article_id=article.article_id,
        encoding=article.encoding,
    )


def _encoding_note(encoding: str) -> str:
    """Names the text encoding only when it was not the usual UTF-8 (a reader never needs "utf-8")."""
    if not encoding or encoding.replace("-", "").lower() in ("utf8", "utf8sig", "ascii"):
        return ""
    return f"; its text was in the {encoding} encoding"


def folder_inputs(settings: Settings) -> list[Path]:
    """Article files in the data folder: `<data>/articles/*` and files directly in `<data>`."""
    found: list[Path] = []
    for folder in (settings.bundled_articles_dir, settings.data_dir):
        if folder.is_dir():
            found.extend(
                path
                for path in sorted(folder.iterdir())
                if path.is_file() and path.suffix.lower() in ACCEPTED_SUFFIXES and not path.name.startswith(".")
            )
    return found


def sync_folder(
    store: ArticleStore, settings: Settings, progress: ProgressCallback | None = None
) -> list[IngestReport]:
    """Bring the store up to date with the data folder and earlier uploads.

    Unchanged inputs cost one hash each; records made by older pipeline code
    are rebuilt from their raw bytes; nothing is ever deleted here.
    """
    pipeline = pipeline_fingerprint()
    rows = store.rows()
    known = {raw_sha: (article_id, stored_pipeline) for article_id, raw_sha, _n, _o, _p, stored_pipeline in rows}
    work: list[tuple[str, bytes, str, str]] = []
    for path in folder_inputs(settings):
        data = path.read_bytes()
        raw_sha = sha256_bytes(data)
        if known.get(raw_sha, (None, None))[1] == pipeline or store.rejected_before(raw_sha, pipeline):
            continue
        work.append((path.name, data, "bundled", str(path.relative_to(settings.data_dir))))
    for path in store.upload_files():  # uploads whose record is missing (e.g. rebuilt database)
        if path.parent.name in known:  # each upload sits in a folder named by its hash
            continue
        data = path.read_bytes()
        raw_sha = sha256_bytes(data)
        if raw_sha not in known and not store.rejected_before(raw_sha, pipeline):
            work.append((path.name, data, "upload", str(path.relative_to(settings.data_dir))))
    for article_id, raw_sha, name, origin, raw_path, stored_pipeline in rows:
        if origin == "upload" and stored_pipeline != pipeline:
            try:
                work.append((name, store.read_raw(raw_path), "upload", raw_path))
            except OSError:
                continue  # raw file gone: keep the record we have rather than lose it
    reports = []
    try:
        for done, (name, data, origin, raw_path) in enumerate(work):
            if progress:
                progress(done, len(work), name)
            report = ingest_bytes(store, settings, name, data, origin=origin, raw_path=raw_path, pipeline=pipeline)
            if report.status == "rejected":
                store.remember_rejected(sha256_bytes(data), name, pipeline, report.message)
            reports.append(report)
    finally:
        release_language_model()  # a batch is over; the app must not hold the model until the next
    if progress and work:
        progress(len(work), len(work), "")
    return reports
