"""Decoding uploads and pastes: encodings detected and named, bad bytes refused with a clear message."""

from __future__ import annotations

import codecs

import pytest

from lib.core.errors import BadInputError
from lib.ingest.decode import MAX_NAME_BYTES, binary_format, decode_input, safe_name

LIMIT = 20 * 1024 * 1024
TEXT = "Japan’s government said on Thursday that it was “seriously concerned” about the treaty signed in Pyongyang."


@pytest.mark.parametrize(
    "name, expected",
    [
        ("story.txt", "story.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("a/b\\c.txt", "c.txt"),
        ("C:\\Users\\me\\news.html", "news.html"),
        ("..", "pasted.txt"),
        ("", "pasted.txt"),
        (".hidden.md", "hidden.md"),
        ("new\nline\x00name.txt", "newlinename.txt"),
        ("right-\u202eexe.txt", "right-exe.txt"),
        ("<b>bold</b>.txt", "b.txt"),  # "/" splits the name: last part "b>.txt", then '<>' dropped
    ],
)
def test_safe_name_keeps_a_plain_file_name(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", ["x" * 300 + ".txt", "北" * 200 + ".txt", "é" * 500])
def test_safe_name_fits_the_file_system_and_keeps_the_suffix(name):
    result = safe_name(name)
    assert len(result.encode("utf-8")) <= MAX_NAME_BYTES
    if name.endswith(".txt"):
        assert result.endswith(".txt")


@pytest.mark.parametrize(
    "data, label",
    [
        (b"%PDF-1.7\n%text only pdf", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word"),
        (b"{\\rtf1 hello}", "RTF"),
        (b"Plain text about Russia.", None),
    ],
)
def test_binary_formats_are_named(data, label):
    found = binary_format(data)
    assert (found is None) if label is None else (label in found)


@pytest.mark.parametrize(
    "codec, bom, label",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8 (BOM)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16 (BOM)"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16 (BOM)"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32 (BOM)"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32 (BOM)"),
    ],
)
def test_unicode_with_or_without_bom_reads_exactly(codec, bom, label):
    decoded = decode_input("a.txt", bom + TEXT.encode(codec), LIMIT)
    assert decoded.text == TEXT
    assert decoded.encoding == label


@pytest.mark.parametrize(
    "text, codec, names",
    [
        ("北朝鮮がロシアの無人機メーカーに労働者を派遣することを検討していることが分かりました。両国は去年6月に条約に署名しました。", "shift_jis", ("cp932", "shift_jis")),
        ("北朝鮮がロシアの無人機メーカーに労働者を派遣することを検討していることが分かりました。両国は去年6月に条約に署名しました。", "euc_jp", ("euc_j",)),
        ("北朝鮮がロシアの無人機メーカーに労働者を派遣することを検討していることが分かりました。", "iso2022_jp", ("iso2022_jp",)),
        ("Северная Корея рассматривает возможность отправки рабочих на российский завод по производству беспилотников.", "cp1251", ("cp1251",)),
        ("Северная Корея рассматривает возможность отправки рабочих на российский завод по производству беспилотников.", "koi8_r", ("koi8",)),
        (TEXT, "cp1252", ("cp125",)),
    ],
)
def test_legacy_encodings_are_detected_and_named(text, codec, names):
    decoded = decode_input("a.txt", text.encode(codec), LIMIT)
    assert decoded.text == text
    assert any(name in decoded.encoding for name in names), decoded.encoding


def test_damaged_utf8_keeps_its_good_characters_and_says_what_was_replaced():
    data = TEXT.encode().replace(b"Thursday", b"Thurs\xffday")
    decoded = decode_input("a.txt", data, LIMIT)
    assert "“seriously concerned”" in decoded.text  # not mojibake from a wrong code page
    assert "Thurs\ufffdday" in decoded.text
    assert decoded.encoding == "utf-8 (1 invalid byte replaced with \ufffd)"


def test_control_characters_are_dropped_but_lines_kept():
    decoded = decode_input("a.txt", ("Headline\x07\r\n" + TEXT + "\x1b[31m\x0cNext page").encode(), LIMIT)
    assert decoded.text == "Headline\n" + TEXT + "[31m\nNext page"


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty.txt", b"", ["'empty.txt'", "empty", "Choose"]),
        ("blank.md", b" \n\t ", ["'blank.md'", "whitespace", "Paste"]),
        ("tiny.txt", b"Russia.", ["'tiny.txt'", "too little text"]),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), ["'photo.txt'", "PNG image", "binary", "paste"]),
        ("doc.txt", b"%PDF-1.4 text", ["'doc.txt'", "PDF document", "copy the article's text"]),
        ("noise.txt", bytes(range(256)) * 4, ["'noise.txt'", "binary"]),
        ("report.docx", b"PK\x03\x04", ["'report.docx'", "'.docx' are not accepted", ".txt"]),
        ("big.txt", b"a" * (LIMIT + 1), ["'big.txt'", "20.0 MB", "limit"]),
        ("odd.txt", codecs.BOM_UTF16_LE + b"a\x00b", ["'odd.txt'", "utf-16", "UTF-8"]),
        ("high.txt", bytes(range(0x80, 0x100)) * 30, ["'high.txt'", "Save it as UTF-8"]),
    ],
)
def test_refusals_name_the_file_say_why_and_what_to_do(name, data, words):
    with pytest.raises(BadInputError) as refused:
        decode_input(name, data, LIMIT)
    message = str(refused.value)
    assert "\n" not in message
    for word in words:
        assert word.lower() in message.lower(), message


def test_html_is_recognised_by_suffix_or_content():
    page = b"<!doctype html><html><body><p>" + TEXT.encode() + b"</p></body></html>"
    assert decode_input("page.html", page, LIMIT).kind == "html"
    assert decode_input("saved.txt", page, LIMIT).kind == "html"
    assert decode_input("note.md", b"<b>bold</b> " + TEXT.encode(), LIMIT).kind == "text"
