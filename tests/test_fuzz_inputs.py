"""Hostile and broken inputs through the user's entry points: the upload/paste path and the CLI.

`lib.ingest.pipeline.ingest_bytes(store, settings, name, data)` is what the Articles
page calls for every upload and paste, so it is called directly; the same
inputs then go through `python -m lib.cli ingest FILE...` in a subprocess.
Every input must get a clear one-line message (what was wrong, what to do),
never a traceback; the store must keep every article it held before; and
text in a legacy or UTF-16/32 encoding must be read exactly (same article id
as the UTF-8 original) with the detected encoding named in the report.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.decode import MAX_NAME_BYTES, decode_input, safe_name
from lib.ingest.pipeline import build_article, ingest_bytes
from tests.support.synthetic import synthetic_article

BUNDLED = REPO_ROOT / "data" / "articles"

# -- reference articles (not in the bundled corpus) ------------------------------------
JA_PAGE = """北朝鮮、ロシアの無人機工場に労働者派遣を検討
2025年6月20日 12時00分
北朝鮮がロシアの無人機メーカーに労働者を派遣することを検討していることがNHKの取材で分かりました。
ロシアと北朝鮮の軍事協力は、ロシアがウクライナ侵攻を続けるなかで無人機の生産を増やすにつれて深まっています。
両国は去年6月、有事の際に互いに軍事援助を行うことを定めた包括的戦略パートナーシップ条約に署名しました。
外交筋によりますと、工場はタタールスタン共和国のアラブガ特別経済区にあり、北朝鮮から合わせて2万5000人の労働者が派遣される予定だということです。
林官房長官は記者会見で「地域の安全保障環境への影響という観点から深刻に懸念している」と述べました。
"""
JA_SENTENCE = "両国は去年6月、有事の際に互いに軍事援助を行うことを定めた包括的戦略パートナーシップ条約に署名しました。"

RU_PAGE = """Северная Корея направит рабочих на российский завод беспилотников
Северная Корея рассматривает возможность отправки рабочих на российский завод по производству беспилотников, сообщает NHK.
Военное сотрудничество России и КНДР углубляется по мере того, как Россия наращивает производство беспилотников.
В июне прошлого года две страны подписали договор о всеобъемлющем стратегическом партнёрстве, предусматривающий военную помощь в случае агрессии.
По данным дипломатических источников, завод находится в особой экономической зоне "Алабуга" в Татарстане, куда планируется направить 25 тысяч рабочих из КНДР.
"""
RU_SENTENCE = "Военное сотрудничество России и КНДР углубляется по мере того, как Россия наращивает производство беспилотников."

EN_PAGE = """Seoul says North Korean troops reached the Kursk front
South Korea’s spy agency said on Friday that North Korea had sent about 3,000 troops to Russia’s Far East this month, with more to follow.
The agency said the soldiers were being trained at bases near Vladivostok before being moved toward the front line in the Kursk region.
Officials in Tokyo said they were “closely watching” the deployment together with their allies in Washington and Seoul.
Japan’s Chief Cabinet Secretary said the cooperation between Moscow and Pyongyang was a grave concern for the region’s security.
"""
EN_SENTENCE = "The agency said the soldiers were being trained at bases near Vladivostok before being moved toward the front line in the Kursk region."

# Used only for the damaged-UTF-8 cases, so they never shadow EN_PAGE as near-duplicates.
EN_DAMAGED_PAGE = """Japan protests as Russian jets fly near Hokkaido
Japan’s Defense Ministry said on Tuesday that two Russian bombers flew close to the island of Hokkaido for several hours.
The ministry said fighter jets were scrambled and that the aircraft did not enter Japanese airspace, according to a statement.
Tokyo has voiced “grave concern” about joint flights by Russian and Chinese bombers near its territory since the treaty was signed.
Officials said the flights showed how military cooperation among Moscow, Beijing and Pyongyang was affecting Japan’s security.
"""
EN_DAMAGED_SENTENCE = "The ministry said fighter jets were scrambled and that the aircraft did not enter Japanese airspace, according to a statement."

REFERENCES = {"ja": (JA_PAGE, JA_SENTENCE), "ru": (RU_PAGE, RU_SENTENCE), "en": (EN_PAGE, EN_SENTENCE)}

# Words at least one of which tells the user what to do next.
ACTIONS = ("retry", "try again", "upload", "paste", "save", "choose", "copy", "use ", "open", "rename", "check")


@dataclass(frozen=True)
class Case:
    """One hostile input and what must happen to it."""

    case_id: str
    name: str
    data: bytes | None  # None: generated on demand (the 50 MB file)
    outcome: str  # "rejected" or "stored" (added or a duplicate report)
    message_has: tuple[str, ...] = ()  # words the message must contain (case-insensitive)
    same_as: str | None = None  # "ja"/"ru"/"en": must decode to exactly that reference article
    body_has: tuple[str, ...] = ()  # text the stored body must contain
    body_lacks: tuple[str, ...] = ()  # text the stored body must not contain
    encodings: tuple[str, ...] = ()  # the report must name one of these
    on_disk: bool = True  # the name can exist as a file (for the CLI run)
    extra: dict = field(default_factory=dict)


def _bytes_of(case: Case) -> bytes:
    if case.data is not None:
        return case.data
    return b"North Korea and Russia. " * (50 * 1024 * 1024 // 24 + 1)  # just over 50 MB


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _sqlite_file() -> bytes:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"storylens-fuzz-{os.getpid()}.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.execute("INSERT INTO t VALUES ('Russia and North Korea signed a treaty')")
    connection.commit()
    connection.close()
    data = path.read_bytes()
    path.unlink()
    return data


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
    b"4 0 obj << /Length 60 >> stream\nBT /F1 12 Tf (Russia and North Korea signed a treaty.) Tj ET\nendstream endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)

HOSTILE_HTML = """<!doctype html><html><head><title>Troops moved &lt;b&gt;east&lt;/b&gt;</title>
<script>window.__pwned = 1; document.title = "pwned";</script>
<style>body { background: url(javascript:window.__pwned=1) }</style></head>
<body onload="window.__pwned=1"><nav><a href="javascript:window.__pwned=1">Home</a></nav>
<article><h1>Troops moved east</h1>
<p>South Korea's spy agency said on Friday that North Korea has sent about 3,000 troops to Russia this month.</p>
<img src="x" onerror="window.__pwned=1">
<p>The agency said the soldiers were being trained at bases in Russia's Far East <a href="javascript:window.__pwned=1">before deployment</a>.</p>
<iframe src="javascript:window.__pwned=1"></iframe><svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>
<p>Officials in Tokyo said they were closely watching the situation with their allies in Washington.</p>
</article></body></html>"""

MARKDOWN_INJECTION = """Tokyo watches Pyongyang <b>closely</b>

Japan's government said on Thursday that it was seriously concerned about the treaty <script>window.__pwned=1</script> signed in Pyongyang.

Officials said the [full statement](javascript:window.__pwned=1) would be published <img src=x onerror="window.__pwned=1"> later that day.

The ministry added that **cooperation** between Moscow and Pyongyang was a :red[grave] concern and $x^2$ would not change that.

Analysts said <a href="javascript:window.__pwned=1">the deal</a> marks a turning point for security in East Asia and beyond.
"""


def _encoded(reference: str, codec: str, bom: bytes = b"") -> bytes:
    return bom + REFERENCES[reference][0].encode(codec)


def generate_cases() -> list[Case]:
    """Every hostile input of the suite (well over 100), generated in code."""
    cases: list[Case] = []
    add = cases.append
    # --- empty and whitespace-only -------------------------------------------------------
    for index, (label, data) in enumerate(
        [
            ("empty", b""),
            ("one-space", b" "),
            ("newlines", b"\n" * 50),
            ("crlf-tabs", b"\t \r\n" * 40),
            ("nbsp", "\u00a0 \u00a0\n".encode() * 30),
            ("ideographic-space", "\u3000".encode() * 100),
            ("utf8-bom-only", codecs.BOM_UTF8),
            ("utf8-bom-whitespace", codecs.BOM_UTF8 + b"  \n\n  "),
            ("utf16-bom-only", codecs.BOM_UTF16_LE),
            ("utf16-bom-whitespace", codecs.BOM_UTF16_LE + "   \n  ".encode("utf-16-le")),
            ("zero-width", "\u200b\u200c\u200d\ufeff".encode() * 20),
            ("too-short", b"Russia."),
        ]
    ):
        add(Case(f"blank-{label}", f"blank-{index}.txt", data, "rejected", ("empty", "whitespace", "too little", "no article text")))
    # --- binary files renamed to text ------------------------------------------------------
    rng = random.Random(20240619)
    binaries = [
        ("png", _png(), ("png", "binary")),
        ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256) for _ in range(2000)), ("jpeg",)),
        ("gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,", ("gif",)),
        ("pdf-ascii-only", MINIMAL_PDF, ("pdf",)),
        ("pdf-binary", MINIMAL_PDF.replace(b"\n", b"\n%\xe2\xe3\xcf\xd3\n", 1) + bytes(range(256)), ("pdf",)),
        ("zip-of-article", _zip_of({"article.txt": EN_PAGE.encode()}), ("zip",)),
        ("docx-like", _zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}), ("zip", "word")),
        ("gzip-of-article", gzip.compress(EN_PAGE.encode()), ("gzip",)),
        ("ole-doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), ("word",)),
        ("elf", b"\x7fELF\x02\x01\x01" + bytes(200), ("program",)),
        ("sqlite", _sqlite_file(), ("sqlite",)),
        ("rtf", b"{\\rtf1\\ansi Russia and North Korea signed a partnership treaty in Pyongyang on Wednesday.}", ("rtf",)),
        ("mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(300), ("mp4",)),
    ]
    for label, data, words in binaries:
        for suffix in (".txt", ".html") if label in ("png", "pdf-ascii-only", "zip-of-article") else (".txt",):
            add(Case(f"binary-{label}{suffix}", f"{label}{suffix}", data, "rejected", words))
    for size in (1, 17, 1000, 65536, 300_000):
        add(Case(f"random-bytes-{size}", f"random-{size}.txt", rng.randbytes(size), "rejected", ("binary", "empty", "whitespace", "too little", "encoding", "garbled", "no article text")))
    for size in (200, 5000):
        high = bytes(128 + rng.randrange(128) for _ in range(size))
        add(Case(f"random-high-bytes-{size}", f"high-{size}.md", high, "rejected", ("encoding", "garbled", "binary", "no article text")))
    # --- invalid UTF-8 -----------------------------------------------------------------------
    en = EN_DAMAGED_PAGE.encode("utf-8")
    for label, data in [
        ("stray-ff", en.replace(b"Tuesday", b"Tues\xffday")),
        ("lone-continuation", en.replace(b"island", b"isl\x80and", 1)),
        ("overlong-slash", en.replace(b"Tokyo", b"To\xc0\xafkyo")),
        ("encoded-surrogate", en.replace(b"bombers", b"bomb\xed\xa0\x80ers", 1)),
        ("truncated-at-end", en + "Лишний".encode()[:-1]),
        ("cut-mid-character", en[: en.index("’".encode()) + 1] + en[en.index("’".encode()) + 3 :]),
    ]:
        add(Case(f"invalid-utf8-{label}", f"bad-utf8-{label}.txt", data, "stored", body_has=(EN_DAMAGED_SENTENCE,), encodings=("utf-8",), message_has=("utf-8",)))
    add(Case("invalid-utf8-mostly-garbage", "garbage-utf8.txt", b"\xc3" * 3000 + en[:100], "rejected", ("encoding", "garbled", "binary", "no article text")))
    # --- Unicode with byte-order marks ---------------------------------------------------------
    for reference in ("ja", "ru", "en"):
        for codec, bom, label in [
            ("utf-8", codecs.BOM_UTF8, "utf-8"),
            ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
            ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
            ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32"),
            ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32"),
        ]:
            add(Case(f"bom-{reference}-{codec}", f"{reference}-{codec}.txt", _encoded(reference, codec, bom), "stored", same_as=reference, encodings=(label,)))
        add(Case(f"bom-{reference}-utf-16-crlf", f"{reference}-crlf.txt", codecs.BOM_UTF16_LE + REFERENCES[reference][0].replace("\n", "\r\n").encode("utf-16-le"), "stored", same_as=reference, encodings=("utf-16",)))
    add(Case("bom-utf16-odd-length", "odd.txt", codecs.BOM_UTF16_LE + EN_PAGE.encode("utf-16-le") + b"\x00", "rejected", ("utf-16", "utf-8")))
    add(Case("bomless-utf16-le-ascii", "bomless-le.txt", EN_PAGE.replace("’", "'").replace("“", '"').replace("”", '"').encode("utf-16-le"), "stored", body_has=(EN_SENTENCE,), encodings=("utf-16",)))
    add(Case("bomless-utf16-be-ascii", "bomless-be.txt", EN_PAGE.replace("’", "'").replace("“", '"').replace("”", '"').encode("utf-16-be"), "stored", body_has=(EN_SENTENCE,), encodings=("utf-16",)))
    # --- legacy encodings of real-looking Japanese and Russian articles ---------------------------
    legacy = [
        ("ja", "shift_jis", ("cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213")),
        ("ja", "cp932", ("cp932", "shift_jis")),
        ("ja", "euc_jp", ("euc_jp", "euc_jis_2004", "euc_jisx0213")),
        ("ja", "iso2022_jp", ("iso2022_jp",)),
        ("ru", "cp1251", ("cp1251", "windows-1251")),
        ("ru", "koi8_r", ("koi8_r", "koi8_u")),
        ("ru", "iso8859_5", ("iso8859_5",)),
        ("ru", "mac_cyrillic", ("mac_cyrillic",)),
        ("en", "cp1252", ("cp1252", "cp1250", "windows-1252")),
    ]
    for reference, codec, names in legacy:
        for suffix in (".txt", ".md"):
            add(Case(f"legacy-{reference}-{codec}{suffix}", f"{reference}-{codec}{suffix}", _encoded(reference, codec), "stored", same_as=reference, encodings=names))
    # --- huge inputs -----------------------------------------------------------------------------------
    add(Case("huge-50mb", "huge.txt", None, "rejected", ("mb", "limit")))
    add(Case("over-limit-21mb", "big.html", b"<p>" + b"x" * (21 * 1024 * 1024) + b"</p>", "rejected", ("mb", "limit")))
    one_line = " ".join(
        f"Officials said on day {day} that {day * 10} more North Korean troops had arrived in the Kursk region." for day in range(12000)
    )
    add(Case("one-enormous-line", "one-line.txt", ("Troops keep arriving in Kursk\n" + one_line + "\n").encode(), "rejected", ("more than one article",)))
    long_line = " ".join(
        f"Officials said on day {day} that {day * 10} more North Korean troops had arrived in the Kursk region." for day in range(1500)
    )
    add(Case("one-long-line-article", "long-line.txt", ("Troops keep arriving in Kursk\n" + long_line + "\n").encode(), "stored", body_has=("on day 1499 that 14990 more",)))
    add(Case("one-enormous-word", "one-word.txt", b"Troops keep arriving\n" + b"A" * 2_000_000 + b"\n", "stored_or_rejected"))
    add(Case("many-short-lines", "short-lines.txt", b"Menu\n" + b"Russia said so.\n" * 1500, "rejected", ("no article text",)))
    # --- HTML and markdown that try to run code --------------------------------------------------------
    for suffix in (".html", ".htm"):
        add(Case(f"html-hostile{suffix}", f"hostile{suffix}", HOSTILE_HTML.encode(), "stored", body_has=("3,000 troops",), body_lacks=("__pwned", "<script", "onerror", "javascript:")))
    add(Case("html-sniffed-in-txt", "hostile-page.txt", HOSTILE_HTML.encode(), "stored", body_has=("3,000 troops",), body_lacks=("__pwned", "<script")))
    add(Case("html-deeply-nested", "nested.html", ("<html><body>" + "<div>" * 20000 + "<p>Russia and North Korea signed a treaty in Pyongyang on Wednesday, officials said.</p>" + "</div>" * 20000 + "</body></html>").encode(), "stored_or_rejected"))
    add(Case("html-unclosed-tags", "unclosed.html", ("<html><body>" + "<p><b><i>" * 3000 + "Russia and North Korea signed a treaty in Pyongyang on Wednesday, officials said.").encode(), "stored_or_rejected"))
    add(Case("html-entity-bomb", "entities.html", (b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;&c;</p><p>South Korea said on Friday that North Korea has sent about 3,000 troops to Russia this month.</p></body></html>'), "stored_or_rejected", body_lacks=("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)))
    add(Case("html-huge-attribute", "attribute.html", ("<html><body><p title='" + "x" * 3_000_000 + "'>Seoul</p><p>South Korea's spy agency said on Friday that North Korea has sent about 3,000 troops to Russia this month.</p></body></html>").encode(), "stored_or_rejected", body_lacks=("xxxxxxxxxx",)))
    add(Case("html-only-scripts", "scripts.html", b"<html><head><script>" + b"var a=1;" * 5000 + b"</script></head><body><script>window.__pwned=1</script></body></html>", "rejected", ("no article text", "too little", "whitespace")))
    for suffix in (".md", ".txt", ".markdown"):
        add(Case(f"markdown-injection{suffix}", f"injection{suffix}", MARKDOWN_INJECTION.encode(), "stored", body_has=("<script>window.__pwned=1</script>", "[full statement](javascript:window.__pwned=1)")))
    # --- hostile file names (each with a distinct real-looking article) ------------------------------------
    names = [
        "../../etc/passwd.txt",
        "../../../../../../tmp/escape.txt",
        "a/b\\c.txt",
        "C:\\Windows\\System32\\drivers\\etc\\hosts.txt",
        "/etc/shadow.md",
        "..",
        ".",
        "",
        "...txt",
        ".hidden.txt",
        "name\x00with-nul.txt",
        "new\nline\r\nname.txt",
        "tab\tand\x1bescape.txt",
        "x" * 300 + ".txt",
        "北" * 200 + ".txt",
        "y" * 300,
        "right-to-left-\u202etxt.exe",
        "report.txt.exe",
        "<script>alert(1)</script>.txt",
        "con.txt",
        "  spaced out  .txt",
        "emoji-🛰️-story.md",
        "UPPER.TXT",
        "quote'\"name.html",
    ]
    for index, name in enumerate(names):
        on_disk = "\x00" not in name and "/" not in name and len(name.encode()) <= 255 and name not in ("", ".", "..")
        rejected_suffix = safe_name(name).lower().endswith(".exe")
        add(
            Case(
                f"name-{index:02d}",
                name,
                synthetic_article(900_000 + index),
                "rejected" if rejected_suffix else "stored",
                ("not accepted",) if rejected_suffix else (),
                on_disk=on_disk,
                extra={"check_name": True},
            )
        )
    return cases


CASES = generate_cases()
CLI_CASES = [case for case in CASES if case.on_disk]


def test_the_suite_tries_at_least_100_hostile_inputs():
    assert len(CASES) >= 100
    assert len({case.case_id for case in CASES}) == len(CASES)


# -- fixtures ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def populated(tmp_path_factory):
    """A data folder holding the bundled corpus, already synced (the 'before' state)."""
    folder = tmp_path_factory.mktemp("fuzz-data")
    shutil.copytree(BUNDLED, folder / "articles")
    settings = load_settings(folder)
    corpus = load_corpus(settings)
    assert len(corpus.articles) == 5
    return settings, corpus.store


@pytest.fixture(scope="module")
def reference_ids(tmp_path_factory):
    """The article_id each reference article (Japanese, Russian, English) gets when read from
    plain UTF-8; every other encoding of it must give the same id. All three are stored:
    the Japanese page used to be refused (CJK lines counted as one word each)."""
    settings = load_settings(tmp_path_factory.mktemp("ref"))
    return {
        key: build_article(f"{key}.txt", page.encode("utf-8"), settings).article_id
        for key, (page, _sentence) in REFERENCES.items()
    }


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_every_reference_article_is_stored_from_utf8_with_its_sentence(tmp_path, key):
    page, sentence = REFERENCES[key]
    article = build_article(f"{key}.txt", page.encode("utf-8"), load_settings(tmp_path))
    assert sentence in article.body
    assert article.language == key


@pytest.mark.parametrize("case", [case for case in CASES if case.same_as], ids=lambda case: case.case_id)
def test_legacy_and_unicode_encodings_decode_to_exactly_the_original_text(case):
    decoded = decode_input(case.name, _bytes_of(case), 20 * 1024 * 1024)
    assert decoded.text == REFERENCES[case.same_as][0]
    assert any(name in decoded.encoding.lower() for name in case.encodings), decoded.encoding


def assert_clear_message(message: str, display_name: str) -> None:
    assert message and message.strip() == message.strip().splitlines()[0], "message must be one line"
    assert "Traceback" not in message and "Error:" not in message
    assert display_name in message, f"message must name the input: {message!r}"
    assert any(action in message.lower() for action in ACTIONS), f"message must say what to do: {message!r}"


def check_report(case: Case, report: dict, store, reference_ids: dict) -> None:
    """The expectations shared by the in-process and the CLI runs."""
    status, message = report["status"], report["message"]
    display_name = safe_name(case.name)
    stem = display_name.rsplit(".", 1)[0][:40]
    assert "Traceback" not in message
    reference = reference_ids.get(case.same_as) if case.same_as else None
    if case.outcome == "rejected" or (case.outcome == "stored_or_rejected" and status == "rejected"):
        assert status == "rejected", f"{case.case_id}: expected a refusal, got {status}: {message}"
        assert_clear_message(message, stem)
        if case.message_has:
            assert any(word.lower() in message.lower() for word in case.message_has), message
        return
    assert status in ("added", "duplicate"), f"{case.case_id}: {status}: {message}"
    assert report["article_id"], message
    article = store.article(report["article_id"])
    assert article is not None
    if case.same_as:
        # Same article id as the UTF-8 original: every character was decoded correctly.
        assert report["article_id"] == reference, f"{case.case_id} decoded differently ({report['encoding']})"
        assert REFERENCES[case.same_as][1] in article.body
    for text in case.body_has:
        assert text in article.body
    for text in case.body_lacks:
        assert text not in article.body and text not in article.title
    if case.encodings:
        assert any(name in (report["encoding"] or "").lower() for name in case.encodings), report["encoding"]
        if status == "added":
            assert report["encoding"] in message  # the report names the encoding it read
    if case.message_has and status == "added":
        assert any(word.lower() in message.lower() for word in case.message_has), message
    if case.extra.get("check_name") and status == "added":
        assert article.source_file == decode_input(case.name, b"x" * 100, 10**9).name
        assert len(article.source_file.encode()) <= MAX_NAME_BYTES
        assert all(ch.isprintable() for ch in article.source_file) and "/" not in article.source_file
        assert not article.source_file.startswith(".")


@pytest.mark.parametrize("case", CASES, ids=[case.case_id for case in CASES])
def test_hostile_upload_gets_a_clear_message_and_keeps_the_store(populated, reference_ids, case):
    settings, store = populated
    before = {article.article_id for article in store.articles()}
    report = ingest_bytes(store, settings, case.name, _bytes_of(case))
    check_report(case, report.__dict__, store, reference_ids)
    after = {article.article_id for article in store.articles()}
    assert before <= after, "an article that was stored before is gone"
    assert len(after - before) <= (1 if report.status == "added" else 0)
    # Raw uploads never land outside the store's uploads folder.
    uploads = store.uploads_dir.resolve()
    for _id, _sha, _name, origin, raw_path, _pipeline in store.rows():
        if origin == "upload":
            assert (settings.data_dir / raw_path).resolve().is_relative_to(uploads)
    assert not (settings.data_dir.parent / "etc").exists() and not (settings.data_dir.parent / "tmp").exists()


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory, populated):
    """All on-disk cases through one `python -m lib.cli ingest --json` run, plus a plain-text run."""
    folder = tmp_path_factory.mktemp("cli-inputs")
    data_dir = tmp_path_factory.mktemp("cli-data")
    shutil.copytree(BUNDLED, data_dir / "articles")
    paths = []
    for index, case in enumerate(CLI_CASES):
        case_dir = folder / f"{index:03d}"
        case_dir.mkdir()
        path = case_dir / case.name
        path.write_bytes(_bytes_of(case))
        paths.append(path)
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    listing = subprocess.run(
        [sys.executable, "-m", "lib.cli", "articles", "--json", "--data", str(data_dir)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    before = {item["article_id"] for item in json.loads(listing.stdout)}
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", "--json", "--data", str(data_dir), *map(str, paths)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, env=env,
    )
    listing = subprocess.run(
        [sys.executable, "-m", "lib.cli", "articles", "--json", "--data", str(data_dir)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    after = {item["article_id"] for item in json.loads(listing.stdout)}
    return result, before, after, load_settings(data_dir)


def test_cli_ingest_of_every_hostile_file_reports_each_without_traceback(cli_run):
    result, before, after, _settings = cli_run
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 2  # some inputs were refused
    reports = json.loads(result.stdout)
    assert len(reports) == len(CLI_CASES)
    assert len(before) == 5 and before <= after


@pytest.mark.parametrize("index", range(len(CLI_CASES)), ids=[case.case_id for case in CLI_CASES])
def test_cli_ingest_hostile_file(cli_run, reference_ids, index):
    result, _before, _after, settings = cli_run
    case = CLI_CASES[index]
    report = json.loads(result.stdout)[index]
    check_report(case, report, open_store(settings), reference_ids)


@pytest.mark.parametrize(
    "arguments, message_has",
    [
        (["ingest", "{missing}"], "does not exist"),
        (["ingest", "{folder}"], "folder"),
        (["ingest", "{png}"], "binary"),
        (["ingest", "-"], "binary"),  # binary on stdin
        (["ingest", "{long_name}"], "cannot be read"),
        (["ingest", "--data", "/proc/storylens-not-writable", "{article}"], "cannot"),
    ],
    ids=["missing-file", "folder", "png-renamed", "binary-stdin", "name-too-long", "unwritable-data-dir"],
)
def test_cli_bad_argument_exits_2_with_a_one_line_message(tmp_path, arguments, message_has):
    (tmp_path / "photo.txt").write_bytes(_png())
    (tmp_path / "article.txt").write_bytes(EN_PAGE.encode())
    values = {
        "missing": str(tmp_path / "nope.txt"),
        "folder": str(tmp_path),
        "png": str(tmp_path / "photo.txt"),
        "long_name": str(tmp_path / ("z" * 300 + ".txt")),
        "article": str(tmp_path / "article.txt"),
    }
    argv = [argument.format(**values) for argument in arguments]
    if "--data" not in argv:
        argv += ["--data", str(tmp_path / "data")]
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", *argv],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, input=None,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    ) if arguments[-1] != "-" else subprocess.run(
        [sys.executable, "-m", "lib.cli", *argv],
        cwd=REPO_ROOT, capture_output=True, timeout=300, input=_png(),
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert message_has in stderr.lower()
